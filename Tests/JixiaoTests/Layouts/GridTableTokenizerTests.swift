import Testing

@testable import Jixiao

@Suite struct GridTableTokenizerTests {
  /// Aligned by display width (CJK two columns), with a row-spanning 绩效指标 and 产出指标,
  /// a column-spanning name, and a cell over two lines.
  static let table = """
    部门项目支出预算绩效目标表

    (2024年度)

    +----------+----------+----------+------------------+--------+
    | 项目名称 | 城管队业务工作经费                              |
    +----------+----------+----------+------------------+--------+
    | 绩效指标 | 一级指标 | 二级指标 | 三级指标         | 指标值 |
    |          +----------+----------+------------------+--------+
    |          | 产出指标 | 数量指标 | 门前五包签订数、 | ≥96%   |
    |          |          |          | 施划停车位数量   |        |
    |          |          +----------+------------------+--------+
    |          |          | 时效指标 | 按时完成\\|验收   | 2024年 |
    +----------+----------+----------+------------------+--------+

    """

  @Test func detectsGridTables() throws {
    #expect(try tokenized(Self.table).1.dialect == .gridTable)
  }

  @Test func rowsComeFromRulesAndMergedCellsStayEmpty() throws {
    let rows = try cellTexts(tokenized(Self.table).1)
    #expect(rows[0] == ["部门项目支出预算绩效目标表"])
    #expect(rows[1] == ["(2024年度)"])
    #expect(rows[2] == ["项目名称", "城管队业务工作经费", "", "", ""])
    #expect(rows[3] == ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"])
    #expect(rows[4] == ["", "产出指标", "数量指标", "门前五包签订数、\n施划停车位数量", "≥96%"])
    #expect(rows[5] == ["", "", "时效指标", "按时完成|验收", "2024年"])
  }

  @Test func spansPointAtCells() throws {
    let (source, grid) = try tokenized(Self.table)
    #expect(spansPointAtText(source, grid) { $0.text.contains("|") } == [])
  }

  /// A hand's edit leaves a line's bars off the rules' columns: every character of it stays
  /// in a cell. A closing bar off its column closes the line (the text before it was in no
  /// cell and lost); text after the last bar is the last cell's.
  @Test func barsOffTheirColumnsLoseNothing() throws {
    let table = """
      +----------+----------+----------+----------+
      | 项目名称 | 城乡居民医保补助                   |
      +----------+----------+----------+----------+
      | 实施单位 | 某县医疗保障局 | 备注 | 无
      +----------+----------+----------+----------+
      | 一级指标 | 二级指标 | 三级指标 | 指标值   |
      +----------+----------+----------+----------+
      """
    let rows = try cellTexts(tokenized(table, .gridTable).1)
    #expect(rows[0] == ["项目名称", "城乡居民医保补助", "", ""])
    #expect(rows[1].joined(separator: "/").contains("某县医疗保障局") && rows[1].joined().contains("无"))
    let text = rows.flatMap { $0 }.joined()
    for word in ["城乡居民医保补助", "某县医疗保障局", "备注", "无", "指标值"] { #expect(text.contains(word), "\(word)") }
  }

  @Test func characterCountedAlignmentReadsToo() throws {
    // A writer that counts CJK characters as one column: the `+`s line up by characters.
    let table = """
      +----+----+------+
      | 名称 | 一级指标 | 指标值 |
      +----+----+------+
      | 项目 | 产出指标 | ≥96% |
      +    +----+------+
      |    | 效益指标 | 提高 |
      +----+----+------+
      """
    let rows = try cellTexts(tokenized(table, .gridTable).1)
    #expect(rows == [["名称", "一级指标", "指标值"], ["项目", "产出指标", "≥96%"], ["", "效益指标", "提高"]])
  }

  @Test func textAroundTablesReadsAsPipeRows() throws {
    let text = Self.table + "\n| 填报人 | 李长洋 |\n"
    let rows = try cellTexts(tokenized(text).1)
    #expect(rows.last == ["填报人", "李长洋"])
  }
}

@Suite struct PipeTableTests {
  @Test func markdownVariantsReadAlike() throws {
    let withRule = "| 一级指标 | 二级指标 | 指标值 |\n| :--- | :---: | ---: |\n| 产出指标 | 数量指标 | ≥96% |\n|  | 质量指标 | 100% |\n"
    let withoutRule = "| 一级指标 | 二级指标 | 指标值 |\n| 产出指标 | 数量指标 | ≥96% |\n|  | 质量指标 | 100% |\n"
    let expected = [["一级指标", "二级指标", "指标值"], ["产出指标", "数量指标", "≥96%"], ["", "质量指标", "100%"]]
    for (text, dialect) in [(withRule, Dialect.markdown), (withoutRule, .pipe)] {
      let grid = try tokenized(text).1
      #expect(grid.dialect == dialect)
      #expect(cellTexts(grid).filter { !$0.allSatisfy { Separators.isRule($0) || $0.isEmpty } } == expected)
    }
  }

  /// Without outer pipes a row cannot start with an empty cell: as in GFM, a leading pipe
  /// is dropped (converters that omit outer pipes drop merged cells too: 108, 112).
  @Test func outerPipesAreOptional() throws {
    let text = "一级指标 | 二级指标 | 指标值\n产出指标 | 数量指标 | ≥96%\n质量指标 | 100% |\n"
    let grid = try tokenized(text)
    #expect(grid.1.dialect == .pipe)
    #expect(cellTexts(grid.1) == [["一级指标", "二级指标", "指标值"], ["产出指标", "数量指标", "≥96%"], ["质量指标", "100%"]])
  }

  @Test func escapedPipesAndCollapsedRuns() throws {
    let text = "| 项目 | a\\|b | c |\n| 数量指标 || ≥3 |\n| x ||| y |\n"
    let rows = try cellTexts(tokenized(text, .pipe).1)
    #expect(rows[0] == ["项目", "a|b", "c"])
    #expect(rows[1] == ["数量指标", "", "≥3"])
    #expect(rows[2] == ["x", "", "", "y"])
  }
}
