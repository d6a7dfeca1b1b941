import FoundationEssentials
import Testing

@testable import Jixiao

/// Excel and WPS copy a cell that holds line breaks between double quotes, its own quotes
/// doubled, and the row goes on after the closing quote. Before, each line of such a cell was
/// a row: a goal kept only its first line (with the quote), and in a list the second line
/// started a project of its own.
@Suite struct SpreadsheetQuoteTests {
  static let list = [
    "2024年项目支出绩效目标表",
    "单位：万元",
    "项目名称\t资金总额\t年度绩效目标\t一级指标\t二级指标\t三级指标\t指标值",
    "学前教育幼儿资助资金\t45.6\t\"1.资助幼儿380人次；",
    "2.资金发放及时率100%。\"\t产出指标\t数量指标\t资助幼儿人次\t≥380人次",
    "\t\t\t\t时效指标\t资金发放及时率\t100%",
    "\"校园安保",
    "服务购买经费\"\t132.00\t\"购买\"\"专职\"\"保安服务。\"\t产出指标\t数量指标\t配备专职保安学校数\t=58所",
    "\t\t\t满意度指标\t服务对象满意度指标\t师生家长满意度\t≥90%",
  ]

  @Test(arguments: ["\n", "\r\n"])
  func quotedCellsSpanLines(_ newline: String) throws {
    let text = Self.list.joined(separator: newline) + newline
    let document = try Jixiao.parse(Array(text.utf8), path: "copied.txt")
    // (A name is one line: its lines joined.)
    #expect(document.projects.map(\.name) == ["学前教育幼儿资助资金", "校园安保服务购买经费"])
    #expect(document.projects.map(\.goals.annual) == ["1.资助幼儿380人次；\n2.资金发放及时率100%。", "购买\"专职\"保安服务。"])
    #expect(document.projects.map(\.indicators.count) == [2, 2])
    #expect(document.projects.first?.indicators.map(\.name) == ["资助幼儿人次", "资金发放及时率"])
    #expect(document.residue.isEmpty)
    // The goal's span starts after the opening quote and covers both lines.
    let goal = try #require(document.projects.first?.goals.annualSpan)
    #expect(goal.line == 4 && goal.column == 18)
    var result = LosslessInvariant.Result()
    LosslessInvariant.check(Array(text.utf8), document: "copied.txt", mutation: "quoted", into: &result)
    #expect(result.losses.map(\.description) == [])
  }

  /// Quotes of the text itself: a cell that closes its quote on its line, a quote that no
  /// lone quote before a tab or the line's end closes, a tab before the closing quote.
  @Test(arguments: [
    ["\"十四五\"规划\t产出指标", "下一行\t效益指标"],
    ["\"未闭合的引号\t产出指标", "下一行\t效益指标"],
    ["名称\t\"开头", "中间\t\"还在\"\t结束"],
    ["名称\t\"开头", "结尾\"之后还有字\t下一格"],
    ["\"全年\"\t\"有\"\"引号\"\"但\"之后\"\t下一格"],
  ])
  func quotesOfTheTextAreKept(_ lines: [String]) throws {
    let (text, _) = try SourceDecoder.decode(Array((lines.joined(separator: "\n") + "\n").utf8), path: "t.txt")
    var builder = CellBuilder(text: text)
    var rows: [Row] = []
    TabbedTokenizer.rows(text, &builder) { rows.append($0) }
    #expect(rows.count == lines.count)
    #expect(rows.map { $0.cells.map(\.text).joined(separator: "\t") } == lines)
  }
}
