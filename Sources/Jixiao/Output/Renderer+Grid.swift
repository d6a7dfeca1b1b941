/// Markdown grid tables (pandoc's `+----+` tables) with merged cells: a row-spanning cell
/// is one box whose rule below is left open (`|      +-----+`), a column-spanning cell one
/// box without inner `|`. Cells wrap within their box; widths count display columns.
enum GridEncoder {
  static let wrapWidth = 30

  /// A slot's owner: the row and column where the covering cell starts.
  private struct Owner: Equatable {
    var row: Int
    var column: Int
  }

  static func encode(_ tables: [RenderedTable]) -> String {
    var output = ""
    for (index, table) in tables.enumerated() {
      if index > 0 { output += "\n" }
      if let title = table.title { output += title + "\n\n" }
      if let subtitle = table.subtitle { output += subtitle + "\n\n" }
      output += encode(table)
    }
    return output
  }

  static func encode(_ table: RenderedTable) -> String {
    let columns = table.columnCount
    guard columns > 0, !table.rows.isEmpty else { return "" }
    let owners = owners(table)
    var widths = Array(repeating: 1, count: columns)
    for row in table.rows {
      for (column, slot) in row.slots.enumerated() where column < columns {
        guard let cell = slot, cell.columnSpan == 1 else { continue }
        for line in cell.text.split(separator: "\n") {
          widths[column] = max(widths[column], min(AlignedEncoder.displayWidth(String(line)), wrapWidth))
        }
      }
    }
    func contentWidth(_ column: Int, span: Int) -> Int {
      widths[column..<(column + span)].reduce(0) { $0 + $1 + 2 } + (span - 1) - 2
    }
    var lines: [String] = [rule(owners, above: nil, below: 0, widths)]
    for (rowIndex, row) in table.rows.enumerated() {
      var boxes: [(column: Int, span: Int, lines: [String])] = []
      var column = 0
      while column < columns {
        let owner = owners[rowIndex][column]
        let origin = table.rows[owner.row].slots[owner.column]
        let span = max(min(origin?.columnSpan ?? 1, columns - owner.column), 1)
        let width = contentWidth(owner.column, span: span)
        let text = owner.row == rowIndex ? (origin?.text ?? "") : ""
        boxes.append((owner.column, span, AlignedEncoder.wrap(text, width: width)))
        column = owner.column + span
      }
      let height = max(boxes.map(\.lines.count).max() ?? 1, 1)
      for lineIndex in 0..<height {
        var line = row.startsPage && lineIndex == 0 ? "\u{0C}" : ""
        for box in boxes {
          let text = lineIndex < box.lines.count ? box.lines[lineIndex] : ""
          let pad = contentWidth(box.column, span: box.span) - AlignedEncoder.displayWidth(text)
          line += "| " + text.replacing("|", with: "\\|") + String(repeating: " ", count: max(pad, 0)) + " "
        }
        lines.append(line + "|")
      }
      let below = rowIndex + 1 < table.rows.count ? rowIndex + 1 : nil
      lines.append(rule(owners, above: rowIndex, below: below, widths))
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// The rule between two rows: dashes where a cell ends, blanks where a merged cell goes on.
  private static func rule(_ owners: [[Owner]], above: Int?, below: Int?, _ widths: [Int]) -> String {
    let columns = widths.count
    func isRuled(_ column: Int) -> Bool {
      guard let above, let below else { return true }
      return owners[above][column] != owners[below][column]
    }
    var line = ""
    for column in 0...columns {
      let leftRuled = column > 0 && isRuled(column - 1)
      let rightRuled = column < columns && isRuled(column)
      if leftRuled || rightRuled || column == 0 && above == nil || column == columns && below == nil {
        line += "+"
      } else if column > 0, column < columns, let above, owners[above][column - 1] == owners[above][column] {
        line += " "
      } else {
        line += "|"
      }
      if column < columns {
        line += String(repeating: rightRuled ? "-" : " ", count: widths[column] + 2)
      }
    }
    return line
  }

  /// Who covers each slot.
  private static func owners(_ table: RenderedTable) -> [[Owner]] {
    var owners: [[Owner]] = table.rows.indices.map { row in (0..<table.columnCount).map { Owner(row: row, column: $0) }
    }
    for (rowIndex, row) in table.rows.enumerated() {
      for (column, slot) in row.slots.enumerated() {
        guard let cell = slot else { continue }
        for down in 0..<max(cell.rowSpan, 1) where rowIndex + down < owners.count {
          for across in 0..<max(cell.columnSpan, 1) where column + across < table.columnCount {
            owners[rowIndex + down][column + across] = Owner(row: rowIndex, column: column)
          }
        }
      }
    }
    return owners
  }
}
