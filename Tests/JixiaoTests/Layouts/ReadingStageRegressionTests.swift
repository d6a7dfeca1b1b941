import Testing

@testable import Jixiao

/// Failure classes the round-trip property found in the reading stages (Reconstruction,
/// Interpretation, Values), each with a minimal input; all fixed now, kept as regressions.
/// The tokenizers deliver the cells right (each test checks that first); these check what
/// is read from them.
@Suite struct ReadingStageRegressionTests {
  static func parse(_ text: String, dialect: Dialect? = nil) throws -> Document {
    try Jixiao.parse(Array(text.utf8), path: "known-issue.txt", options: ParseOptions(dialect: dialect))
  }

  /// F1 (fixed: a repeated header inside a block continues its section). A form's indicator block continued on a new page with the header repeated: the
  /// first rows on the new page leave their merged level cells blank (Word prints a merged
  /// cell's text on its first page only). The reader starts a new section at the repeated
  /// header, so those rows get no levels; they should keep the levels of the rows above
  /// (same project, same block). Same result in every dialect (here tab rows).
  @Test func levelsCarryOverARepeatedHeaderInAForm() throws {
    let text = """
      部门项目支出预算绩效目标表
      (2019年度)
      项目名称\t城管队业务工作经费\t\t\t
      绩效指标\t一级指标\t二级指标\t三级指标\t指标值
      \t效益指标\t可持续影响指标\t案件上报数量\t96%
      \u{0C}绩效指标\t一级指标\t二级指标\t三级指标\t指标值
      \t\t\t案件结案率\t≥95%

      """
    let document = try Self.parse(text)
    let indicators = try #require(document.projects.first?.indicators)
    try #require(indicators.count == 2)
    #expect(indicators[1].name == "案件结案率")
    #expect(indicators[1].level1 == "效益指标")
    #expect(indicators[1].level2 == "可持续影响指标")
  }

  /// F2 (fixed: `CellText.singleLine`). A name-and-code cell wrapped over two lines (`湘潭市城市管理和综合执法局-` /
  /// `308001`): the line break stays in the text, so NameAndCode does not split the code
  /// off (name `湘潭市城市管理和综合执法局-\n308001`, code nil); expected name
  /// `湘潭市城市管理和综合执法局`, code `308001`. The same wrap comes from PDF text, docx
  /// exports and `<br>` in web pages.
  @Test func wrappedNameAndCodeIsSplit() throws {
    let document = try Self.parse(Self.wrappedPage)
    let project = try #require(document.projects.first)
    #expect(project.department.name == "湘潭市城市管理和综合执法局")
    #expect(project.department.code == "308001")
  }

  /// F3 (fixed: `CellText.joiningSoftBreaks`). A target wrapped inside a word (`二季度完成开题，四季度完成结` / `题`): the grammar
  /// reads the line break as a separator and gives a third part `题` of kind text; the
  /// reading should be that of the text without the soft break (two dates).
  @Test func wrappedTargetReadsAsUnwrapped() throws {
    let document = try Self.parse(Self.wrappedPage)
    let target = try #require(document.projects.first?.indicators.first?.target)
    #expect(target.raw == "二季度完成开题，四季度完成结\n题")
    #expect(target.parts.map(\.kind) == [.date, .date])
  }

  /// F4 (fixed: `CellText.singleLine`). Names of wrapped cells keep the soft line break (`课题完成\n时间`,
  /// `湘潭市环境卫生\n管理处`); between two CJK characters it should go (the tokenizers
  /// keep `\n` so that spans of parts stay exact; the readers should join CJK lines).
  @Test func wrappedNamesAreJoined() throws {
    let document = try Self.parse(Self.wrappedPage)
    let project = try #require(document.projects.first)
    #expect(project.implementingUnit == "湘潭市环境卫生管理处")
    #expect(project.indicators.first?.name == "课题完成时间")
  }

  /// F5 (fixed: the segmenter closes a table where the markup ends it). Text after a table (a saved page's footer) is read as rows of the table: here two
  /// more indicators of the last project. The HTML and grid tokenizers mark the first row
  /// after a table's end (`Row.startsAfterTable`); the segmenter could close the table
  /// there. (In text dialects nothing marks the end; a title or a note closes a table.)
  @Test func textAfterATableIsNotPartOfIt() throws {
    let page = """
      <h2>部门项目支出预算绩效目标表</h2>
      <table>
      <tr><td>项目名称</td><td colspan="4">课题研究</td></tr>
      <tr><td rowspan="2">绩效指标</td><td>一级指标</td><td>二级指标</td><td>三级指标</td><td>指标值</td></tr>
      <tr><td>产出指标</td><td>数量指标</td><td>课题完成数</td><td>2个</td></tr>
      </table>
      <div class="footer"><p>主办单位：某县人民政府办公室</p><p>网站标识码6402210001</p></div>
      """
    let (_, grid) = try tokenized(page)
    #expect(grid.rows.first { $0.startsAfterTable }?.cells.first?.text == "主办单位：某县人民政府办公室")
    let document = try Self.parse(page)
    #expect(document.projects.first?.indicators.count == 1)
  }

  /// F6 (fixed: `RowClassifier.isPageNumber`). A page number under a page of PDF text (`- 1 -`, `第 1 页`) is read as a row of
  /// the table: an indicator whose target is the page number. The tokenizer gives it as a
  /// lone cell on the page's last line before the form feed; the segmenter could take such
  /// lines for page furniture.
  @Test func pageNumbersAreNotRows() throws {
    let text = """
      部门项目支出预算绩效目标表
      项目名称          课题研究
      绩效指标          一级指标      二级指标      三级指标        指标值
                        产出指标      数量指标      课题完成数      2个

                                        - 1 -
      \u{0C}绩效指标          一级指标      二级指标      三级指标        指标值
                        效益指标      社会效益指标  成果转化        形成制度化文件

      """
    let document = try Self.parse(text)
    #expect(document.source.dialect == "aligned")
    #expect(document.projects.first?.indicators.count == 2)
  }

  /// F7 (fixed). Converter pipe rows are read with positions untrusted (`Dialect.keepsEmptyCells`
  /// is false for `pipe`), so a wide table whose rows keep their empty cells (`12000 |  | =`
  /// under 指标值 │ 计量单位 │ 指标值类型) is read by content. The name `舆情监测时间（24小时）`
  /// once read as the target (= 24 小时); a number inside words now shapes as a name
  /// (`CellShape.readsAsName`). As a markdown table with its `---` row it reads by position.
  @Test func pipeRowsWithEmptyCellsKeepTheirColumns() throws {
    let rows = """
      | 项目名称 | 城管队业务工作经费 |  |  |  |  |  |
      | 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 计量单位 | 指标值类型 |
      |  | 产出指标 | 数量指标 | 舆情监测时间（24小时） | 12000 |  | = |
      |  |  |  | 案件上报数量 | 96 | % | ≥ |

      """
    let markdown = rows.replacing("| 绩效指标", with: "| --- | --- | --- | --- | --- | --- | --- |\n| 绩效指标")
    let asMarkdown = try Self.parse("部门项目支出预算绩效目标表\n\n" + markdown)
    #expect(asMarkdown.source.dialect == "markdown")
    #expect(asMarkdown.projects.first?.indicators.first?.name == "舆情监测时间（24小时）")
    let asPipe = try Self.parse("部门项目支出预算绩效目标表\n\n" + rows)
    #expect(asPipe.source.dialect == "pipe")
    #expect(asPipe.projects.first?.indicators.first?.name == "舆情监测时间（24小时）")
    #expect(asPipe.projects.first?.indicators.first?.target.raw == "12000")
  }

  static let wrappedPage = """
    <h1>部门项目支出预算绩效目标表</h1>
    <p>(2024年度)</p>
    <table>
    <tr><td>项目名称</td><td colspan="4">环卫作业经费</td></tr>
    <tr><td>主管部门及代码</td><td>湘潭市城市管理和综合执法局-<br>308001</td><td>实施单位</td><td colspan="2">湘潭市环境卫生<br>管理处</td></tr>
    <tr><th rowspan="2">绩效指标</th><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr>
    <tr><td>产出指标</td><td>时效指标</td><td>课题完成<br>时间</td><td>二季度完成开题，四季度完成结<br>题</td></tr>
    </table>
    """
}
