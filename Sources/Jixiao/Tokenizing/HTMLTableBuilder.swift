/// Places the cells of one HTML table on a grid, as browsers do: each cell takes the first
/// free slot of its row, and a `rowspan`/`colspan` cell covers the slots below and beside it.
struct HTMLTableBuilder {
  private struct GridRow {
    var lineIndex: Int
    var offset: Int
    var cells: [Int: Cell] = [:]
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
    var column = cursor
    while gridRows[row].cells[column] != nil || covered[row]?[column] != nil { column += 1 }
    let cell: Cell
    if let first = content.first, let span = content.span(in: text) {
      cell = Cell(text: content.text, span: span, column: column, start: first, isTraditional: isTraditional)
    } else {
      cell = emptyCell(at: tag.range.upperBound, column: column)
    }
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
      if let last = row.cells.keys.max() { width = max(width, last + 1) }
      if let last = covered[index]?.keys.max() { width = max(width, last + 1) }
    }
    var result = before
    for (index, gridRow) in gridRows.enumerated() {
      var cells: [Cell] = []
      cells.reserveCapacity(width)
      for column in 0..<width {
        if let cell = gridRow.cells[column] {
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
