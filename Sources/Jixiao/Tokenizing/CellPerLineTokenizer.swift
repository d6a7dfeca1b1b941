/// One cell per line, as docx-to-text converters write tables: a tab leads each cell; a
/// blank line ends a row; a line without a leading tab continues the cell above (its text
/// wrapped, or a new paragraph in it); a blank before the tab (` \t`) starts a new row even
/// without a blank line, as the converter does at page breaks.
enum CellPerLineTokenizer {
  static func rows(_ text: SourceText, _ builder: inout CellBuilder, _ emit: (consuming Row) -> Void) {
    var current: Row?
    var pendingBlank = false
    let bytes = text.utf8
    // The cells of the last row closed: the rows of a table have as many, so a new row gets
    // room for them at once. Grown cell by cell, a row's array was reallocated at every
    // doubling and then copied again to shed its spare capacity (`Tokenizer.finished`).
    var lastWidth = 0

    func close() {
      if let row = current {
        current = nil
        lastWidth = row.cells.count
        emit(row)
      }
    }

    for index in text.lines.indices {
      let (range, pageBreak) = builder.pageBreakStripped(index)
      var cursor = range.lowerBound
      var ledByBlank = false
      while cursor < range.upperBound && (bytes[cursor] == 0x20) {
        cursor += 1
        ledByBlank = true
      }
      // A tab alone is an empty cell, not a blank line.
      let isCellLine = cursor < range.upperBound && bytes[cursor] == 0x09
      if !isCellLine && Blank.trim(bytes, range).isEmpty {
        pendingBlank = true
        continue
      }
      if isCellLine {
        if pendingBlank || ledByBlank || current == nil {
          close()
          if pendingBlank { emit(Row(cells: [], lineIndex: index)) }
          var row = Row(cells: [], lineIndex: index)
          row.cells.reserveCapacity(lastWidth)
          row.isExplicitStart = ledByBlank && !pendingBlank
          row.followsPageBreak = pageBreak
          current = row
        }
        pendingBlank = false
        let column = current?.cells.count ?? 0
        current?.cells.append(
          builder.cell(lineIndex: index, range: (cursor + 1)..<range.upperBound, column: column))
        continue
      }
      // A line without a leading tab: wrapped text of the last cell, a new paragraph of a
      // long row's cell, or free text outside any table.
      if let count = current?.cells.count, count > 0, !pendingBlank || count >= 2 {
        // Taken out and put back, so that neither the row's array nor the cell's text is
        // copied for each wrapped line.
        var last = current!.cells.removeLast()
        builder.extend(&last, lineIndex: index, range: range, separator: "\n")
        current!.cells.append(last)
        pendingBlank = false
        continue
      }
      close()
      if pendingBlank { emit(Row(cells: [], lineIndex: index)) }
      pendingBlank = false
      var row = Row(cells: [builder.cell(lineIndex: index, range: range, column: 0)], lineIndex: index)
      row.followsPageBreak = pageBreak
      emit(row)
    }
    close()
  }
}
