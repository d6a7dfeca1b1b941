import Testing

@testable import Jixiao

/// One cell per line and no blank line between them, as `pdftotext` without `-layout` (or a
/// PDF viewer's copy) gives a ruled table whose rows it reads left to right: read as a cell
/// stream, the rows rebuilt from what the cells are.
@Suite struct BareStreamTests {
  /// The indicator rows of seed 002 as `pdftotext` of the typeset seed writes them: merged
  /// level-1 cells where the PDF centres them (产出指标 after the row above its middle).
  static let text = """
    财政支出项目绩效目标申报表
    (2020年度)
    项目资金（万元）
    年度资金总额
    350
    一级指标
    二级指标
    三级指标
    指标值
    数量指标
    未来2年上报案件量
    140000
    质量指标
    未来2年案件处置数量
    126000
    产出指标
    时效指标
    2年后案件上报处置率
    ≥90%
    成本指标
    未来2年财政支出成本
    <700万
    满意度指标
    服务对象满意度指标
    市民满意度
    ≥95%

    """

  @Test func readAsAStream() throws {
    let document = try Jixiao.parse(Array(Self.text.utf8), path: "pdftotext.txt")
    #expect(document.source.dialect == Dialect.cellStream.rawValue)
    let indicators = try #require(document.projects.first).indicators
    #expect(indicators.map(\.name) == ["未来2年上报案件量", "未来2年案件处置数量", "2年后案件上报处置率", "未来2年财政支出成本", "市民满意度"])
    #expect(indicators.map(\.target.raw) == ["140000", "126000", "≥90%", "<700万", "≥95%"])
    #expect(indicators.map(\.level2) == ["数量指标", "质量指标", "时效指标", "成本指标", "服务对象满意度指标"])
    #expect(indicators.allSatisfy { $0.level1 != nil })
    #expect(document.projects.first?.funds.total?.yuan == 3_500_000)
  }

  /// Not a bare stream: a page copied from a browser (a row's cells on one line, single
  /// blanks between them, a level name or the header's cells alone where they wrapped),
  /// prose, a notice naming the columns before its paragraphs, and lines of one cell with
  /// too few header words to be a table.
  @Test func otherTextsAreNot() throws {
    let spaced = """
      一级指标 二级指标 三级指标 指标值
      产出指标
      数量指标 上报案件量 70000
      质量指标 上报案件处置数量 59500
      时效指标 案件上报处置率 ≥85%
      效益指标
      社会效益指标 提供就业机会 78个
      满意度指标
      服务对象满意度指标 市民满意度 ≥95%

      """
    // The header's cells wrapped one a line, the rows whole.
    let wrappedHeader = "一级指标\n二级指标\n三级指标\n指标值\n" + spaced.split(separator: "\n").dropFirst().joined(separator: "\n")
    let lines = "项目名称\n示例项目\n实施单位\n示例局\n产出指标\n数量指标\n成本指标\n满意度指标\n"
    let paragraph = "本项目的绩效目标是提升城市管理水平，一级指标为产出指标，二级指标为数量指标，指标值以批复为准。\n"
    // A notice that names the columns, one a line, and says the rest in paragraphs.
    let notice = "绩效目标公示\n一级指标\n二级指标\n三级指标\n指标值\n" + String(repeating: paragraph, count: 10)
    for text in [spaced, wrappedHeader, lines, String(repeating: paragraph, count: 10), notice] {
      let source = try SourceDecoder.decode(Array(text.utf8), path: "t.txt").0
      #expect(!StreamTokenizer.looksLikeBareStream(source, LayoutSurvey(source)), "\(text.prefix(20))")
    }
  }

  /// Text a converter wrote one cell to a line (pdftotext without -layout) with cells wrapped
  /// onto lines of their own: a value's last piece (`≥95` ⏎ `%`) is the value's, and words
  /// that fill a row before a grade or direction (`农村公路通行条件及群众` ⏎ `出行便利程度` ⏎
  /// `明显改善`) are one name and its target. They were an indicator named `%` with no target,
  /// and `出行便利程度` a target with `明显改善` an indicator of its own.
  @Test func wrappedCellsOfAStream() throws {
    let text = [
      "项目支出绩效目标表", "项目名称", "乡村道路养护", "一级指标", "二级指标", "三级指标", "指标值",
      "质量指标", "养护合格率", "≥95", "%", "效益指标", "社会效益指标", "农村公路通行条件及群众", "出行便利程度", "明显改善",
      "满意度指标", "服务对象满意度指标", "群众满意度", "≥90%",
    ].joined(separator: "\n") + "\n"
    let document = try Jixiao.parse(Array(text.utf8), path: "stream.txt")
    let indicators = try #require(document.projects.first?.indicators)
    #expect(indicators.map(\.name) == ["养护合格率", "农村公路通行条件及群众出行便利程度", "群众满意度"])
    #expect(indicators.map(\.target.raw) == ["≥95\n%", "明显改善", "≥90%"])
    #expect(indicators[0].target.unit == "%" && indicators[0].target.flags.contains(.wrappedLine))
    #expect(!document.diagnostics.contains { $0.code == "JX308" })
  }
}
