import FoundationEssentials
import Testing

@testable import Jixiao

/// A list (one row per indicator, the project's cells on its first row) copied one cell to a
/// paragraph, its empty cells gone: seed 003's layout as a page copied from a browser gives it.
/// Before, a qualitative target (`提升`, `及时`) did not end its row, so the next name and target
/// ran into it and went to residue; `指标值` took the first project's name into the header;
/// a project row led by its unit's code (`306001`) was read as an indicator of the project above.
/// An empty target leaves no trace; a comparison after it shows where the names went on.
@Suite struct StreamListTests {
  typealias Layout = DepartmentTaskTests.Layout

  static let list = HeaderVariantTests.cells([
    "财政项目支出绩效目标申报表",
    "(2024年度)",
    "单位编码 | 单位(项目)名称 | 资金总额 | 绩效目标 | 一级指标 | 二级指标 | 三级指标 | 指标值",
    "306001 | 城管执法普法宣传 | 200,000.00元 | 开展普法宣传，提高全社会遵法守法意识。 | 产出指标 | 数量指标 | 宣传资料数量 | ≥17500(份)",
    " |  |  |  |  | 质量指标 | 项目验收通过率 | 通过",
    " |  |  |  |  | 时效指标 | 项目完成及时性 | 及时",
    " |  |  |  |  |  | 工作完成及时性 | 及时",
    " |  |  |  | 效益指标 | 社会效益指标 | 优化法治环境 | 提升",
    " |  |  |  |  |  | 提高遵法守法意识 | 提高",
    " |  |  |  | 满意度指标 | 服务对象满意度指标 | 社会满意度 | ≥85(%)",
    "306001 | 课题研究 | 400,000.00元 | 完成课题研究五项。 | 产出指标 | 数量指标 | 课题数量 | =5.00(个)",
    " |  |  |  |  |  | 工作开展天数 | ≥120(天)",
    " |  |  |  | 效益指标 | 社会效益指标 | 项目成果共享 | 汇编共享",
    " |  |  |  | 满意度指标 | 服务对象满意度指标 | 牵头处室满意度 | ",
    " |  |  |  |  |  | 受益人群满意度 | >85.00(百分比)",
    "306001 | 三车三场专项整治 |  | 开展三车三场专项整治。 | 产出指标 | 数量指标 | 整治行动次数 | 12次",
    " |  |  |  | 满意度指标 | 服务对象满意度指标 | 社会人群满意度 | ≥90(%)",
  ])

  /// The stream reads as the tab-separated table does (JX121 apart, which the next test holds).
  @Test func listReadsAsItsTabbedForm() throws {
    let tabbed = try HeaderVariantTests.reading(DepartmentTaskTests.text(.tabbed, rows: Self.list))
    #expect(tabbed.projects.count == 3 && tabbed.indicators.count == 14 && tabbed.residue.isEmpty, "\(tabbed)")
    #expect(tabbed.indicators.contains("产出指标/时效指标/工作完成及时性  及时 "), "\(tabbed)")
    let stream = try HeaderVariantTests.reading(DepartmentTaskTests.text(.cellStream, rows: Self.list))
    #expect(stream.projects == tabbed.projects)
    #expect(stream.indicators == tabbed.indicators)
    #expect(stream.residue.isEmpty, "\(stream.residue)")
    #expect(stream.codes == tabbed.codes)
  }

  /// JX121 says where rows were rebuilt, once, at the stream's first cell; a table with its
  /// rows has none.
  @Test func rebuiltRowsAreSaid() throws {
    let stream = DepartmentTaskTests.text(.cellStream, rows: Self.list)
    let document = try Jixiao.parse(Array(stream.utf8), path: "stream.txt")
    let notes = document.diagnostics.filter { $0.code == "JX121" }
    #expect(notes.count == 1 && notes.first?.span?.line == 1)
    #expect(notes.first?.severity == .note)
    for layout: Layout in [.tabbed, .markdown, .csv] {
      let text = DepartmentTaskTests.text(layout, rows: Self.list)
      #expect(try !Jixiao.parse(Array(text.utf8), path: "list.txt").diagnostics.contains { $0.code == "JX121" }, "\(layout)")
    }
  }

  /// A stream too short for the usual signature (twenty cells), a truncated table like
  /// public 112, is a stream when three of its cells are indicator headers or level names; a
  /// short text of paragraphs is not.
  @Test func shortStreamIsAStream() throws {
    let rows = HeaderVariantTests.cells([
      "中等职业学校国家助学金绩效目标表", "项目名称 | 学生资助补助经费", "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值",
      "产出指标 | 数量指标 | 应受助学生数 | 100%",
    ])
    let text = DepartmentTaskTests.text(.cellStream, rows: rows)
    let source = try SourceDecoder.decode(Array(text.utf8), path: "t.txt").0
    #expect(DialectDetector.detectLayout(source) == .cellStream)
    let document = try Jixiao.parse(Array(text.utf8), path: "t.txt")
    #expect(document.projects.map(\.name) == ["学生资助补助经费"])
    #expect(document.projects.first?.indicators.map(\.name) == ["应受助学生数"])
    #expect(document.residue.isEmpty)
    let prose = ["绩效目标公示", "一、项目概况", "本项目用于城市管理。", "二、绩效目标", "完成各项工作。", "三、其他", "无。"].joined(separator: "\n\n") + "\n"
    #expect(try DialectDetector.detectLayout(SourceDecoder.decode(Array(prose.utf8), path: "t.txt").0) != .cellStream)
  }

  /// A comparison is a target, never a name: `isComparison` over the operators, with and
  /// without a digit after them.
  @Test func comparisonsAreTargets() {
    for key in [">85.00(百分比)", "≥95%", "=2", "<=350万元", "≧3", "≤ 5"] where !key.contains(" ") {
      #expect(StreamRegrouper.isComparison(key), "\(key)")
    }
    for key in ["受益人群满意度", "95%", "≥", "=", "≥九十", "提高≥5%", "", "大于等于95%"] {
      #expect(!StreamRegrouper.isComparison(key), "\(key)")
    }
  }

  /// Pieces of one label are joined; a header and the next cell run on to it are not.
  @Test func runOnCellsAreNotJoined() {
    func joined(_ pieces: [String]) -> [String] {
      StreamRegrouper.joinFragments(pieces.enumerated().map { RowClassifierLookupTests.cell($1, $0) }).map(\.text)
    }
    #expect(joined(["项目起", "止时间"]) == ["项目起止时间"])
    #expect(joined(["可持续影响", "指标"]) == ["可持续影响指标"])
    #expect(joined(["项目资金申请", "(万元)"]) == ["项目资金申请(万元)"])
    #expect(joined(["评(扣)分标准", "306001"]) == ["评(扣)分标准", "306001"])
    #expect(joined(["指标值", "(%)"]) == ["指标值(%)"])
    #expect(joined(["指标值", "课题研究"]) == ["指标值", "课题研究"])
  }

  /// `指标值` then words is a target column only with its note in brackets.
  @Test func targetPrefixNeedsABracket() {
    #expect(ColumnVocabulary.role("指标值(%)") == .target)
    #expect(ColumnVocabulary.role("指标值(万元)") == .target)
    #expect(ColumnVocabulary.role("指标值课题研究") == nil)
    #expect(ColumnVocabulary.role("指标值单位") == nil)
  }
}
