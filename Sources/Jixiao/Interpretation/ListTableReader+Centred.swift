/// A list printed by a PDF converter that keeps the page's lines (`pdftotext -layout`, the
/// `aligned` dialect) prints a merged cell's text at the middle of its rows: a project's own
/// cells (name, amount, goal) stand amid its indicator rows, and the rows above them were read
/// as the project above's (the first project's first rows as a project with no name).
extension ListTableReader {
  /// The rows with each project's cells moved to the project's first row, pieces of one
  /// column joined as lines of one cell; `rows` itself where the list does not look so.
  ///
  /// Only where the first data row has indicator cells and no project cell while a row below
  /// has one. The projects are cut where the indicators start again (a level 1 ranked before
  /// the one above: 产出 after 满意度); the cut is taken only when it gives every part one
  /// run of rows with project cells, so a list it does not explain reads as before.
  func movingCentredProjectCells(_ rows: [Row], from start: Int) -> [Row] {
    let data = rows.indices.filter { index in
      index >= start && !rows[index].isBlank && RowClassifier.kind(of: rows[index]) != .header && !Self.isTotalsRow(rows[index].cells)
    }
    guard let first = data.first, !hasProjectCell(rows[first]), data.contains(where: { hasProjectCell(rows[$0]) }) else { return rows }
    // The parts, as ranges of `data`: a new one where the level 1 goes back.
    var starts = [0]
    var lastRank: Int?
    for (position, index) in data.enumerated() {
      guard let rank = levelRank(rows[index]) else { continue }
      if let lastRank, rank < lastRank { starts.append(position) }
      lastRank = rank
    }
    let parts = starts.indices.map { starts[$0]..<(($0 + 1 < starts.count) ? starts[$0 + 1] : data.count) }
    for part in parts {
      let holding = part.filter { hasProjectCell(rows[data[$0]]) }
      guard let low = holding.first, let high = holding.last, high - low + 1 == holding.count else { return rows }
    }
    var moved = rows
    for part in parts {
      let target = data[part.lowerBound]
      var joined: [Int: Cell] = [:]
      for position in part {
        let index = data[position]
        for cellIndex in moved[index].cells.indices where isProjectCell(moved[index].cells[cellIndex]) {
          let cell = moved[index].cells[cellIndex]
          if var piece = joined[cell.column] {
            piece.appendLine(cell.text, separator: "\n")
            joined[cell.column] = piece
          } else {
            joined[cell.column] = cell
          }
          moved[index].cells[cellIndex] = Cell(text: "", span: cell.span, column: cell.column, start: cell.start)
        }
      }
      for (column, var cell) in joined {
        cell.settleKey()
        if let slot = moved[target].cells.firstIndex(where: { $0.column == column }) {
          moved[target].cells[slot] = cell
        } else {
          moved[target].cells.append(cell)
          moved[target].cells.sort { $0.column < $1.column }
        }
      }
    }
    return moved
  }

  private func isProjectCell(_ cell: Cell) -> Bool {
    guard !cell.isEmpty else { return false }
    guard let role = role(cell.column) else { return cell.column < firstIndicatorColumn }
    return role.isProjectColumn
  }

  private func hasProjectCell(_ row: Row) -> Bool { row.cells.contains(where: isProjectCell) }

  /// The order of the row's level 1 among a project's (产出 1, 效益 2, 满意度 3), by its level-1
  /// cell or its level 2's parent; nil for a row without either, and for cost, which templates
  /// put first or last.
  private func levelRank(_ row: Row) -> Int? {
    var level1: Level1?
    for cell in row.cells where !cell.isEmpty {
      switch role(cell.column) {
      case .level1: level1 = level1 ?? LevelVocabulary.levels(cell.key).level1
      case .level2:
        // 成本指标 as a level 2 is under 产出 or its own level 1, by the framework.
        guard let level2 = LevelVocabulary.levels(cell.key).level2, level2 != .cost else { continue }
        level1 = level1 ?? level2.parent(in: nil)
      default: continue
      }
    }
    switch level1 {
    case .output: return 1
    case .benefit: return 2
    case .satisfaction: return 3
    default: return nil
    }
  }
}
