import Testing

@testable import Jixiao

/// Cell spans on lines of many cells: columns come from per-block scalar counts of the text
/// (`SourceText`), and must still point at each cell's text, in every dialect that cuts lines
/// and in a one-line HTML table.
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

  @Test func spansPointAtTheirCellsInAOneLineHTMLTable() throws {
    let rows = (0..<300).map { row in
      "<tr>" + (0..<10).map { "<td>\(["项目名称", "产出指标", "≥95%", "2024年12月"][($0 + row) % 4])\(row)</td>" }.joined() + "</tr>"
    }
    let (source, grid) = try tokenized("<table>" + rows.joined() + "</table>", .html)
    #expect(grid.rows.flatMap(\.cells).filter { !$0.isEmpty }.count == 3000)
    #expect(spansPointAtText(source, grid) == [])
  }
}
