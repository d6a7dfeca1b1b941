import Testing

@testable import Jixiao

/// Decodes and tokenizes a text the way `Jixiao.parse` does.
func tokenized(_ text: String, _ dialect: Dialect? = nil) throws -> (SourceText, Grid) {
  let (source, _) = try SourceDecoder.decode(Array(text.utf8), path: "test.txt")
  return (source, Tokenizer.tokenize(source, dialect: dialect))
}

/// The non-blank rows' cell texts, empty cells as "".
func cellTexts(_ grid: Grid) -> [[String]] {
  grid.rows.filter { !$0.isBlank }.map { $0.cells.map(\.text) }
}

/// Does every non-empty cell's span point at its text's first line in the source?
func spansPointAtText(_ source: SourceText, _ grid: Grid, skipping: (Cell) -> Bool = { _ in false }) -> [String] {
  var wrong: [String] = []
  for row in grid.rows {
    for cell in row.cells where !cell.isEmpty && !skipping(cell) {
      let line = Array(source.text(ofLine: cell.span.line - 1).unicodeScalars)
      let first = Array(cell.text.split(separator: "\n", maxSplits: 1)[0].unicodeScalars)
      let start = cell.span.column - 1
      if !(start >= 0 && start + first.count <= line.count && Array(line[start..<(start + first.count)]) == first) {
        wrong.append("\(cell.span.line):\(cell.span.column) \(cell.text)")
      }
    }
  }
  return wrong
}

@Suite struct HTMLTokenizerTests {
  static let page = """
    <!DOCTYPE html>
    <html><head><meta charset="utf-8"><title>部门项目支出预算绩效目标表_某县人民政府</title>
    <style>td { padding: 2px } /* <table><tr><td>x</td></tr></table> */</style>
    <script>document.write("<table><tr><td>脚本</td></tr></table>");</script></head>
    <body>
    <div class="nav"><a href="/">首页</a> &gt; <a href="/zwgk">政务公开</a></div>
    <!-- <table><tr><td>注释</td></tr></table> -->
    <h1>部门项目支出预算绩效目标表</h1>
    <p>(2024年度)</p>
    <table border="1" cellspacing="0">
    <tbody>
    <tr><td>项目名称</td><td colspan="4">城管队业务工作经费</td></tr>
    <tr><td rowspan="2">项目资金 (万元)</td><td>年度资金总额:</td><td colspan="3">50</td></tr>
    <tr><td>其中:财政拨款</td><td colspan=3>50</td></tr>
    <tr><td>年度总体目标</td><td colspan="4"><p>本项目年度建设内容如下:</p>
    <p>一是通过开展&ldquo;六乱&rdquo;集中
    整治</p></td></tr>
    <tr><th rowspan="3">绩效指标</th><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr>
    <tr><td rowspan="2"><span style="font-weight:bold">产出指标</span></td><td>数量指标</td><td>门前五包签订数</td><td>&ge;96%</td></tr>
    <tr><td>时效指标</td><td>按时完成<br>各项工作</td><td><700万</td></tr>
    </tbody>
    </table>
    <p>注：本表金额单位为万元</p>
    <div class="footer">版权所有 &copy; 某县人民政府</div>
    </body></html>
    """

  @Test func detectsPagesAndFragments() throws {
    #expect(try tokenized(Self.page).1.dialect == .html)
    let fragment = "<table><tr><td>项目名称</td><td>经费</td></tr><tr><td>a</td><td>b</td></tr></table>"
    #expect(try tokenized(fragment).1.dialect == .html)
  }

  @Test func htmlRemnantsInTabRowsKeepTheirDialect() throws {
    let text = "项目名称\t经费\t\t\n年度总体目标\t<p>完成</p><p>提高</p>\t\t\n绩效指标\t一级指标\t二级指标\t指标值\n\t产出指标\t数量指标\t≥96%\n"
    #expect(try tokenized(text).1.dialect == .tabbed)
  }

  @Test func textOutsideTablesBecomesOneCellRowsInOrder() throws {
    let rows = try cellTexts(tokenized(Self.page).1)
    #expect(rows[0] == ["首页 > 政务公开"])
    #expect(rows[1] == ["部门项目支出预算绩效目标表"])
    #expect(rows[2] == ["(2024年度)"])
    #expect(rows.suffix(2) == [["注：本表金额单位为万元"], ["版权所有 © 某县人民政府"]])
    // Nothing from <title>, <style>, <script> or the comment.
    #expect(!rows.joined().contains { $0.contains("脚本") || $0.contains("注释") || $0.contains("_某县") })
  }

  @Test func mergedCellsExpandIntoEmptyCells() throws {
    let rows = try cellTexts(tokenized(Self.page).1).dropFirst(3).prefix(7).map { $0 }
    #expect(rows[0] == ["项目名称", "城管队业务工作经费", "", "", ""])
    #expect(rows[1] == ["项目资金 (万元)", "年度资金总额:", "50", "", ""])
    #expect(rows[2] == ["", "其中:财政拨款", "50", "", ""])
    #expect(rows[4] == ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"])
    #expect(rows[5] == ["", "产出指标", "数量指标", "门前五包签订数", "≥96%"])
    #expect(rows[6] == ["", "", "时效指标", "按时完成\n各项工作", "<700万"])
  }

  @Test func cellTextIsWhatABrowserShows() throws {
    let rows = try cellTexts(tokenized(Self.page).1)
    let goal = try #require(rows.first { $0.first == "年度总体目标" })
    // Paragraphs as lines; the source line break between two CJK characters disappears.
    #expect(goal[1] == "本项目年度建设内容如下:\n一是通过开展“六乱”集中整治")
  }

  @Test func spansPointAtTheFirstVisibleCharacter() throws {
    let (source, grid) = try tokenized(Self.page)
    // `&ge;96%` is the one cell whose text differs from its source (an entity).
    #expect(
      spansPointAtText(source, grid) { $0.text.hasPrefix("≥") || $0.text.contains("©") || $0.text.contains(">") } == []
    )
    let target = try #require(grid.rows.flatMap(\.cells).first { $0.text == "≥96%" })
    let line = source.text(ofLine: target.span.line - 1)
    #expect(line.unicodeScalars.dropFirst(target.span.column - 1).starts(with: "&ge;96%".unicodeScalars))
  }

  @Test func entitiesAreDecoded() throws {
    let html =
      "<table><tr><td>A&amp;B &lt;5 &#8805;90% &#x2265;1 &times;2 &nbsp;x&nbsp;&nbsp;y</td><td>&nbsp;</td></tr><tr><td>&unknown; &amp</td><td>1</td></tr></table>"
    let rows = try cellTexts(tokenized(html).1)
    // A space then an NBSP show as two spaces, as in a browser.
    #expect(rows[0] == ["A&B <5 ≥90% ≥1 ×2  x  y", ""])
    #expect(rows[1] == ["&unknown; &", "1"])
  }

  @Test func checkboxesReadAsMarks() throws {
    let html = """
      <table><tr><td>项目属性</td><td>新增项目<input type="checkbox" checked> 延续项目<input type="checkbox"></td></tr>
      <tr><td>a</td><td>b</td></tr></table>
      """
    #expect(try cellTexts(tokenized(html).1)[0][1] == "新增项目☑ 延续项目☐")
  }

  @Test func layoutTablesAreFlowTextAroundTheDataTable() throws {
    let html = """
      <table class="layout"><tr><td>网站首页</td><td>
      <h2>项目支出绩效目标表</h2>
      <table><tr><td>项目名称</td><td>课题研究</td></tr><tr><td>绩效指标</td><td>一级指标</td></tr></table>
      <p>附件下载</p>
      </td></tr></table>
      """
    let rows = try cellTexts(tokenized(html).1)
    #expect(rows == [["网站首页"], ["项目支出绩效目标表"], ["项目名称", "课题研究"], ["绩效指标", "一级指标"], ["附件下载"]])
  }

  @Test func unclosedCellsAndRowsCloseAsBrowsersDo() throws {
    let html = "<table><tr><td>一<td>二<tr><td>三<td>四</table><p>后"
    #expect(try cellTexts(tokenized(html).1) == [["一", "二"], ["三", "四"], ["后"]])
  }

  @Test func hostileSpansAreBounded() throws {
    let html = "<table><tr><td rowspan=99999999 colspan=99999999>x</td><td>y</td></tr><tr><td>z</td></tr></table>"
    let rows = try cellTexts(tokenized(html, .html).1)
    #expect(rows.count == 2)
    #expect(rows[0].count <= 201)
  }

  /// The choice the tokenizer makes (see `HTMLTokenizer`): merged cells as empty cells read
  /// right; copying the text down duplicates a list's project on every row and repeats
  /// levels as if written again.
  @Test func emptyMergedCellsReadRightAndCopiesDoNot() throws {
    let html = """
      <h2>项目支出绩效目标表</h2><p>(2023年度)</p>
      <table>
      <tr><th>单位(项目)名称</th><th>资金总额</th><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr>
      <tr><td rowspan="3">餐饮油烟维护经费</td><td rowspan="3">130万元</td><td rowspan="2">产出指标</td><td>数量指标</td><td>清洗次数</td><td>≥4次</td></tr>
      <tr><td>质量指标</td><td>验收合格率</td><td>100%</td></tr>
      <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>群众满意率</td><td>≥90%</td></tr>
      <tr><td rowspan="2">城管考核机动经费</td><td rowspan="2">40万元</td><td>产出指标</td><td>数量指标</td><td>考核次数</td><td>12次</td></tr>
      <tr><td>效益指标</td><td>社会效益指标</td><td>市容改善</td><td>明显改善</td></tr>
      </table>
      """
    func projects(_ mode: HTMLTokenizer.MergedCells) throws -> [Project] {
      let (source, _) = try SourceDecoder.decode(Array(html.utf8), path: "merged.html")
      let grid = Grid(dialect: .html, rows: HTMLTokenizer.rows(source, mergedCells: mode))
      var reader = DocumentReader(text: source, dialect: .html)
      reader.read(TableSegmenter.segment(grid))
      return reader.projects
    }
    let empty = try projects(.empty)
    #expect(empty.map(\.name) == ["餐饮油烟维护经费", "城管考核机动经费"])
    #expect(empty.map(\.indicators.count) == [3, 2])
    #expect(empty[0].indicators.map(\.level1) == ["产出指标", "产出指标", "满意度指标"])
    #expect(empty[0].funds.total?.yuan == 1_300_000)
    let copied = try projects(.copied)
    // Same projects here, but every row repeats the project's columns: each is read again
    // as a field of the project (and a funds line per row), not as a merged cell.
    let repeatedNames = copied.first.map { $0.fields.filter { $0.role == "name" }.count } ?? 0
    #expect(repeatedNames == 3)
    #expect(empty.first.map { $0.fields.filter { $0.role == "name" }.count } == 1)
  }

  /// A form's table cut by a page into two `<table>`s, the page's number or 续表 between them,
  /// the second opening with indicator rows or with the header again: one table. The rows
  /// after the cut were prose, the project's last indicators lost to it.
  @Test(arguments: ["<p>— 12 —</p>", "<p>续表</p>", ""], [false, true])
  func aTableCutByAPageGoesOn(_ between: String, _ repeatsHeader: Bool) throws {
    let header = "<tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>"
    let html = """
      <p>项目支出绩效目标表</p>
      <table><tr><td>项目名称</td><td colspan="3">全民健身设施补短板工程</td></tr>
      \(header)
      <tr><td>产出指标</td><td>数量指标</td><td>新建社区健身广场</td><td>6个</td></tr></table>
      \(between)
      <table>\(repeatsHeader ? header : "")<tr><td>效益指标</td><td>社会效益指标</td><td>经常参加体育锻炼人数比例</td><td>≥38.5%</td></tr>
      <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>健身群众满意度</td><td>≥90%</td></tr></table>
      <p>填报人：张三</p>
      """
    let document = try Jixiao.parse(Array(html.utf8), path: "cut.html")
    #expect(document.projects.map(\.name) == ["全民健身设施补短板工程"])
    #expect(document.projects.first?.indicators.map(\.name) == ["新建社区健身广场", "经常参加体育锻炼人数比例", "健身群众满意度"])
    #expect(!document.passages.contains { $0.kind == .prose })
    #expect(!document.diagnostics.contains { $0.code == "JX505" })
  }

  /// Text after a table's end that is no indicator row still ends it.
  @Test func proseAfterATableEndsIt() throws {
    let html = """
      <p>项目支出绩效目标表</p>
      <table><tr><td>项目名称</td><td>全民健身设施补短板工程</td></tr>
      <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
      <tr><td>产出指标</td><td>数量指标</td><td>新建社区健身广场</td><td>6个</td></tr></table>
      <p>— 12 —</p>
      <p>本表所列指标由项目单位负责解释。</p>
      """
    let document = try Jixiao.parse(Array(html.utf8), path: "cut.html")
    #expect(document.passages.map(\.text) == ["本表所列指标由项目单位负责解释。"])
  }

  /// A page converted to markdown in part (simple tables as pipe rows, tables with merged
  /// cells left as `<table>`, headings as `#`): the pipe rows are a table's rows and the
  /// heading a title, either side of the HTML table (they were one passage, their indicators
  /// or the project's form lost to it).
  @Test(arguments: [true, false])
  func markdownBesideHTMLIsReadAsItsRows(_ formInHTML: Bool) throws {
    let htmlForm = """
      <table>
      <tr><td>项目名称</td><td>城乡环境整治</td></tr>
      <tr><td>年度资金总额（万元）</td><td>120</td></tr>
      </table>
      """
    let markdownForm = """
      | 项目名称 | 城乡环境整治 | | |
      | --- | --- | --- | --- |
      | 年度资金总额（万元） | 120 | | |
      """
    let htmlIndicators = """
      <table>
      <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
      <tr><td>产出指标</td><td>数量指标</td><td>整治村数</td><td>≥10个</td></tr>
      <tr><td>满意度指标</td><td>服务对象满意度指标</td><td>群众满意度</td><td>≥90%</td></tr>
      </table>
      """
    let markdownIndicators = """
      | 一级指标 | 二级指标 | 三级指标 | 指标值 |
      | --- | --- | --- | --- |
      | 产出指标 | 数量指标 | 整治村数 | ≥10个 |
      | 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% |
      """
    let text = ["# 项目支出绩效目标表", formInHTML ? htmlForm : markdownForm, formInHTML ? markdownIndicators : htmlIndicators, "填报人：张三"]
      .joined(separator: "\n\n") + "\n"
    let document = try Jixiao.parse(Array(text.utf8), path: "mixed.md")
    #expect(document.source.dialect == "html")
    #expect(document.tables.map(\.title) == ["项目支出绩效目标表"])
    let project = try #require(document.projects.first)
    #expect(project.name == "城乡环境整治")
    #expect(project.funds.total?.yuan == 1_200_000)
    #expect(project.indicators.map(\.name) == ["整治村数", "群众满意度"])
    #expect(project.indicators.map(\.target.raw) == ["≥10个", "≥90%"])
    #expect(document.residue.isEmpty)
    #expect(!document.passages.contains { $0.text.contains("|") })
  }

  /// Pipes inside a table's cell or a script are the cell's text and the script's, no rows.
  @Test func pipesInsideMarkupStayThere() throws {
    let html = """
      <p>项目支出绩效目标表</p>
      <script>
      | a | b |
      | --- | --- |
      </script>
      <table><tr><td>项目名称</td><td>城乡环境整治</td></tr>
      <tr><td>年度目标</td><td>
      | 一 | 二 |
      | 三 | 四 |
      </td></tr>
      <tr><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
      <tr><td>产出指标</td><td>数量指标</td><td>整治村数</td><td>≥10个</td></tr></table>
      """
    let document = try Jixiao.parse(Array(html.utf8), path: "pipes.html")
    let project = try #require(document.projects.first)
    #expect(project.goals.annual == "| 一 | 二 | | 三 | 四 |")
    #expect(project.indicators.map(\.name) == ["整治村数"])
  }
}
