/// One cell per line, as docx-to-text converters write tables: a tab leads each cell; a
/// blank line ends a row; a line without a leading tab continues the cell above (its text
/// wrapped, or a new paragraph in it); a blank before the tab (` \t`) starts a new row even
/// without a blank line, as the converter does at page breaks.
///
/// Other exporters write the cells without the tab (a cell's paragraphs, then a blank line
/// after the row's last): in a text with no tab-led line at all, every line is a cell.
enum CellPerLineTokenizer {
  static func rows(_ text: SourceText, _ builder: inout CellBuilder, _ emit: (consuming Row) -> Void) {
    let untabbed = !hasTabLedLine(text)
    var current: Row?
    var pendingBlank = false
    let bytes = text.utf8
    // The cells of the last row closed: the rows of a table have as many, so a new row gets
    // room for them at once. Grown cell by cell, a row's array was reallocated at every
    // doubling and then copied again to shed its spare capacity (`Tokenizer.finished`).
    var lastWidth = 0

    func close() {
      if var row = current {
        current = nil
        lastWidth = row.cells.count
        row.isSeparator = Separators.isSeparatorRow(row.cells)
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
      let isTabLed = cursor < range.upperBound && bytes[cursor] == 0x09
      if !isTabLed && Blank.trim(bytes, range).isEmpty {
        pendingBlank = true
        continue
      }
      let isCellLine = isTabLed || untabbed
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
          builder.cell(lineIndex: index, range: (isTabLed ? cursor + 1 : cursor)..<range.upperBound, column: column))
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

  /// Whether a line starts with a tab after its leading spaces.
  static func hasTabLedLine(_ text: SourceText) -> Bool {
    let bytes = text.utf8
    for line in text.lines {
      var cursor = line.start
      while cursor < line.end && (bytes[cursor] == 0x20 || bytes[cursor] == 0x0C) { cursor += 1 }
      if cursor < line.end && bytes[cursor] == 0x09 { return true }
    }
    return false
  }

  /// A text of short lines without separators in groups that blank lines divide, as an
  /// exporter writes a table one cell per line and a blank line after each row: most lines
  /// in groups of two to twelve, few of them long, few with a blank inside (a page copied
  /// from a browser keeps a row's cells on one line, blanks between them, wide ones too;
  /// prose has long lines).
  static func looksLikeUntabbedRows(_ text: SourceText, _ survey: LayoutSurvey) -> Bool {
    guard !survey.hasSeparatorInText, survey.nonBlank >= 12 else { return false }
    let bytes = text.utf8
    // Aligned and spaced pages, which come this way too, have blanks in most lines: the walk
    // stops once long or spaced lines are past a fifth of the survey's count.
    let limit = survey.nonBlank / 5
    var nonBlank = 0
    var inRowGroups = 0
    var rowGroups = 0
    var long = 0
    var spaced = 0
    var group = 0
    func endGroup() {
      if (2...12).contains(group) {
        inRowGroups += group
        rowGroups += 1
      }
      group = 0
    }
    for line in text.lines {
      let trimmed = Blank.trim(bytes, line.start..<line.end)
      if trimmed.isEmpty {
        endGroup()
        continue
      }
      nonBlank += 1
      group += 1
      var scalars = 0
      for index in trimmed where bytes[index] & 0xC0 != 0x80 {
        scalars += 1
        // The no-break and ideographic spaces a page puts between cells count as blanks.
        if bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] >= 0xC2 && Blank.blankLength(bytes, at: index, limit: trimmed.upperBound) != nil {
          spaced += 1
          break
        }
        if scalars > 40 {
          long += 1
          break
        }
      }
      if long > limit || spaced > limit { return false }
    }
    endGroup()
    return rowGroups >= 4 && inRowGroups * 10 >= nonBlank * 7
  }
}
