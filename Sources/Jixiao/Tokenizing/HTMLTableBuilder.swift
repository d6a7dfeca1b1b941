/// Places the cells of one HTML table on a grid, as browsers do: each cell takes the first
/// free slot of its row, and a `rowspan`/`colspan` cell covers the slots below and beside it.
struct HTMLTableBuilder {
  private struct GridRow {
    var lineIndex: Int
    var offset: Int
    /// The row's own cells by column, nil in the slots between them; its last slot holds a
    /// cell. An array, not a dictionary: a row's columns are few and start at 0, and the
    /// dictionary's look-ups and growth cost more than the rest of placing a cell.
    var cells: [Cell?] = []

    func hasCell(at column: Int) -> Bool {
      column < cells.count && !cells[column].isNil
    }
  }

  let text: SourceText
  let mergedCells: HTMLTokenizer.MergedCells
  let isTraditional: Bool
  /// Captions and text between cells: shown before the table.
  private var before: [Row] = []
  private var gridRows: [GridRow] = []
  /// Slots covered by a merged cell above or to the left: row → column → the merged cell.
  private var covered: [Int: [Int: Cell]] = [:]
  private var coveredCount = 0
  private var cursor = 0
  private var rowOpen = false
  /// Bounds what a hostile `rowspan`/`colspan` can cost.
  static let maximumCoveredSlots = 1_000_000

  init(text: SourceText, mergedCells: HTMLTokenizer.MergedCells, isTraditional: Bool) {
    self.text = text
    self.mergedCells = mergedCells
    self.isTraditional = isTraditional
  }

  mutating func addStray(_ stray: HTMLText) {
    guard let first = stray.first, !stray.text.isEmpty, let span = stray.span(in: text) else { return }
    let lineIndex = text.lineIndex(containing: first)
    let cell = Cell(text: stray.text, span: span, column: 0, start: first, isTraditional: isTraditional)
    before.append(Row(cells: [cell], lineIndex: lineIndex))
  }

  mutating func startRow(at offset: Int) {
    gridRows.append(GridRow(lineIndex: text.lineIndex(containing: offset), offset: offset))
    cursor = 0
    rowOpen = true
  }

  mutating func endRow() {
    rowOpen = false
  }

  mutating func addCell(_ content: HTMLText, tag: HTMLTag, rowSpan: Int, columnSpan: Int) {
    if !rowOpen { startRow(at: tag.range.lowerBound) }
    let row = gridRows.count - 1
    let column = firstFreeColumn(row: row, from: cursor)
    let cell: Cell
    if let first = content.first, let span = content.span(in: text) {
      cell = Cell(text: content.text, span: span, column: column, start: first, isTraditional: isTraditional)
    } else {
      cell = emptyCell(at: tag.range.upperBound, column: column)
    }
    // A slot at a time: the slots skipped are few (covered by a merged cell, at most).
    while gridRows[row].cells.count <= column { gridRows[row].cells.append(nil) }
    gridRows[row].cells[column] = cell
    for down in 0..<rowSpan {
      for across in 0..<columnSpan where down > 0 || across > 0 {
        guard coveredCount < Self.maximumCoveredSlots else { break }
        covered[row + down, default: [:]][column + across] = cell
        coveredCount += 1
      }
    }
    cursor = column + columnSpan
  }

  /// The first slot of the row from `start` that neither a cell of its own nor a merged cell
  /// above takes. The row's covered slots are looked up once, not once per slot tried.
  private func firstFreeColumn(row: Int, from start: Int) -> Int {
    let coveredSlots = covered.isEmpty ? nil : covered[row]
    var column = start
    while gridRows[row].hasCell(at: column) || coveredSlots?[column] != nil { column += 1 }
    return column
  }

  private func emptyCell(at offset: Int, column: Int) -> Cell {
    let lineIndex = text.lineIndex(containing: offset)
    return Cell(
      text: "",
      span: text.span(lineIndex: lineIndex, byteRange: offset..<offset),
      column: column,
      start: offset
    )
  }

  /// The table's rows, all as wide as the widest; merged slots as empty cells (or copies).
  func rows() -> [Row] {
    var width = 0
    for (index, row) in gridRows.enumerated() {
      width = max(width, row.cells.count)
      if let last = covered[index]?.keys.max() { width = max(width, last + 1) }
    }
    var result = before
    for (index, gridRow) in gridRows.enumerated() {
      var cells: [Cell] = []
      cells.reserveCapacity(width)
      for column in 0..<width {
        if column < gridRow.cells.count, let cell = gridRow.cells[column] {
          cells.append(cell)
        } else if let origin = covered[index]?[column], mergedCells == .copied {
          var copy = origin
          copy.column = column
          cells.append(copy)
        } else {
          cells.append(emptyCell(at: gridRow.offset, column: column))
        }
      }
      result.append(Row(cells: cells, lineIndex: gridRow.lineIndex))
    }
    return result
  }
}
