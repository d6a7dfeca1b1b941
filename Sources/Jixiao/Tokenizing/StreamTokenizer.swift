/// One cell per line with a blank line after each: every non-blank line is a cell of its own
/// row. `StreamRegrouper` (Reconstruction) rebuilds the rows from what the cells are.
enum StreamTokenizer {
  /// Most non-blank lines are followed by a blank line, and there are many of them.
  static func looksLikeStream(_ text: SourceText) -> Bool {
    var cells = 0
    var followedByBlank = 0
    let bytes = text.utf8
    let lines = text.lines
    for (index, line) in lines.enumerated() {
      let range = Blank.trim(bytes, line.start..<line.end)
      if range.isEmpty { continue }
      if bytes[range].contains(0x09) || bytes[range].contains(0x7C) { return false }
      cells += 1
      if index + 1 < lines.count, Blank.trim(bytes, lines[index + 1].start..<lines[index + 1].end).isEmpty {
        followedByBlank += 1
      }
    }
    return cells >= 20 && followedByBlank * 10 >= cells * 8
  }

  static func rows(_ text: SourceText, _ builder: inout CellBuilder) -> [Row] {
    var rows: [Row] = []
    for index in text.lines.indices {
      let (range, pageBreak) = builder.pageBreakStripped(index)
      let cell = builder.cell(lineIndex: index, range: range, column: 0)
      var row = Row(cells: cell.isEmpty ? [] : [cell], lineIndex: index)
      row.followsPageBreak = pageBreak
      rows.append(row)
    }
    return rows
  }
}
