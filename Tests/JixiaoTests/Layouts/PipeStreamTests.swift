import Testing

@testable import Jixiao

/// One cell per line ending ` |` with no line of pipes between rows (a page copied without its
/// row rules; 104 and 109 keep them): every cell would make one row. Read as a cell stream,
/// the rows rebuilt from what the cells are, the pipes none of the cells' text.
@Suite struct PipeStreamTests {
  static let text = """
    项目支出绩效目标申报表 |
    项目名称 |
    城乡环境卫生整治 |
    项目资金（万元） |
    年度资金总额 |
    85 |
    财政拨款 |
    85 |
    年度目标 |
    完成城乡环境卫生整治，垃圾清运率达到98%。 |
    一级指标 |
    二级指标 |
    三级指标 |
    指标值 |
    产出指标 |
    数量指标 |
    垃圾清运量 |
    ≥12000吨 |
    质量指标 |
    生活垃圾无害化处理 |
    率 |
    ≥98% |
    时效指标 |
    清运及时率 |
    100% |
    满意度指标 |
    服务对象满意度指标 |
    群众满意度 |
    ≥90% |

    """

  @Test func readAsAStream() throws {
    #expect(try Self.layout(Self.text) == .cellStream)
    let document = try Jixiao.parse(Array(Self.text.utf8), path: "pipes.txt")
    let project = try #require(document.projects.first)
    #expect(project.name == "城乡环境卫生整治" && project.funds.total?.yuan == 850_000)
    #expect(project.goals.annual == "完成城乡环境卫生整治，垃圾清运率达到98%。")
    // A name's last character on a line of its own (率) is the name's, before a comparison too.
    #expect(project.indicators.map(\.name) == ["垃圾清运量", "生活垃圾无害化处理率", "清运及时率", "群众满意度"])
    #expect(project.indicators.map(\.target.raw) == ["≥12000吨", "≥98%", "100%", "≥90%"])
    #expect(document.residue.isEmpty && !document.tables.isEmpty)
  }

  /// With a line of pipes after each row or two, the rows are the page's (public 104, 109).
  @Test func rowRulesKeepTheRows() throws {
    let ruled = Self.text.split(separator: "\n").enumerated().map { $0.offset % 2 == 1 ? "\($0.element)\n|" : String($0.element) }
      .joined(separator: "\n")
    #expect(try Self.layout(ruled) == .cellPerLinePipe)
  }

  static func layout(_ text: String) throws -> Dialect {
    DialectDetector.detectLayout(try SourceDecoder.decode(Array(text.utf8), path: "t.txt").0)
  }
}
