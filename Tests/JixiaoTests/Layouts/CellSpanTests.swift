import Testing

@testable import Jixiao

/// Cell spans on lines of many cells: columns are counted on from the previous cell of the
/// same line, and must still point at each cell's text, in every dialect that cuts lines.
@Suite struct CellSpanTests {
  static func wideLine(_ separator: String, cells: Int) -> String {
    (0..<cells).map { index in index % 3 == 0 ? "指标\(index)" : index % 3 == 1 ? "≥\(index)%" : "" }
      .joined(separator: separator)
  }

  @Test(arguments: [(Dialect.pipe, " | "), (.tabbed, "\t"), (.plain, "    "), (.csv, ",")])
  func spansPointAtTheirCellsOnWideLines(dialect: Dialect, separator: String) throws {
    let text = [Self.wideLine(separator, cells: 3000), "项目名称" + separator + "示例", Self.wideLine(separator, cells: 50)]
      .joined(separator: "\n") + "\n"
    let (source, grid) = try tokenized(text, dialect)
    let cells = grid.rows.flatMap(\.cells).filter { !$0.isEmpty }
    #expect(cells.count > 2000)
    #expect(spansPointAtText(source, grid) == [])
  }
}
