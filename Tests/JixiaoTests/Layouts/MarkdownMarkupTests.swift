import Testing

@testable import Jixiao

/// Markdown from a converter marks its title as a heading (`## …表`) and bold cells with `**`:
/// markup, kept out of the title and the names as the pipes are (before, the title was
/// `## 2024年…表` or no title at all, and projects were named `**大气污染防治专项**`). A
/// template's `≥**%` keeps its stars.
@Suite struct MarkdownMarkupTests {
  static let table = """
    **附件3**

    ## 2024年部门项目支出绩效目标表

    | 项目名称 | 资金总额（万元） | 一级指标 | 二级指标 | 三级指标 | 指标值 |
    |---|---|---|---|---|---|
    | **大气污染防治专项** | 650 | 产出指标 | 数量指标 | *运维站点数* | ≥12个 |
    | | | 效益指标 | 生态效益指标 | 空气质量优良天数比例 | ≥**% |
    | __土壤污染状况调查__ | 210.5 | 产出指标 | 数量指标 | 调查地块数 | =8块 |

    """

  @Test(arguments: [false, true])
  func markupIsNotText(_ withoutRule: Bool) throws {
    // Without the `---` row the text is pipe rows, not markdown: the markup is the same.
    let text = withoutRule ? Self.table.replacingOccurrences(of: "|---|---|---|---|---|---|\n", with: "") : Self.table
    let document = try Jixiao.parse(Array(text.utf8), path: "markdown.md")
    #expect(document.tables.first?.title == "2024年部门项目支出绩效目标表")
    #expect(document.projects.map(\.name) == ["大气污染防治专项", "土壤污染状况调查"])
    let indicators = document.projects.flatMap(\.indicators)
    #expect(indicators.map(\.name) == ["运维站点数", "空气质量优良天数比例", "调查地块数"])
    #expect(indicators[1].target.raw == "≥**%")
    // The cells' spans are the text inside the marks.
    let name = try #require(document.projects.first?.fields.first { $0.text == "大气污染防治专项" })
    #expect(name.span.column == 5 && name.span.length == 8)
  }

  @Test func headingOnlyOnALineWithoutPipes() {
    func text(_ line: String) -> String {
      let bytes = Array(line.utf8)
      return String(decoding: bytes[PipeTokenizer.headingText(bytes, 0..<bytes.count)], as: UTF8.self)
    }
    #expect(text("## 2024年项目支出绩效目标表") == "2024年项目支出绩效目标表")
    #expect(text("# | 项目名称 | 资金总额") == "# | 项目名称 | 资金总额")
    #expect(text("#1 项目") == "#1 项目")
    #expect(text("####### 七个") == "####### 七个")
  }

  @Test func markOnlyWhenItWrapsTheWholeCell() {
    func inner(_ cell: String) -> String {
      let bytes = Array(cell.utf8)
      let range = PipeTokenizer.unemphasised(bytes, 0..<bytes.count)
      return String(decoding: bytes[range], as: UTF8.self)
    }
    #expect(inner("**名称**") == "名称")
    #expect(inner(" *名称* ") == "名称")
    #expect(inner("__名称__") == "名称")
    #expect(inner("**") == "**")
    #expect(inner("****") == "****")
    #expect(inner("≥**%") == "≥**%")
    #expect(inner("**%") == "**%")
    #expect(inner("*项目名称") == "*项目名称")
    #expect(inner("**a*") == "**a*")
  }

  /// A heading's marks over a table of another dialect (tab rows, a converter's markdown
  /// page with the table pasted from a spreadsheet) are markup too: the title is the text
  /// after them, its span too (it was `# 项目支出绩效目标表`).
  @Test(arguments: ["\t", "  "])
  func aHeadingOverRowsOfAnotherDialect(_ separator: String) throws {
    let rows = [
      ["项目名称", "测试项目"], ["年度资金总额（元）", "10000"], ["一级指标", "二级指标", "三级指标", "指标值"],
      ["产出指标", "数量指标", "培训人数", "≥100人"],
    ]
    let text = "## 项目支出绩效目标表\n\n" + rows.map { $0.joined(separator: separator) }.joined(separator: "\n") + "\n"
    let document = try Jixiao.parse(Array(text.utf8), path: "heading.txt")
    #expect(document.source.dialect != "pipe" && document.source.dialect != "markdown")
    let table = try #require(document.tables.first)
    #expect(table.title == "项目支出绩效目标表")
    #expect(table.layout.first { $0.role == .title }?.span.column == 4)
    #expect(document.projects.first?.indicators.count == 1)
  }
}
