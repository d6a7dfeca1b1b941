/// Recognises the layout dialect of a decoded text and cuts it into rows of cells.
public enum Tokenizer {
  public static func tokenize(_ text: SourceText, dialect forced: Dialect? = nil) -> Grid {
    let dialect = forced ?? DialectDetector.detectLayout(text)
    var rows: [Row] = []
    forEachRow(text, dialect: dialect) { rows.append($0) }
    rows.shrinkToFit()
    return Grid(dialect: dialect, rows: rows)
  }

  /// The rows in document order, each handed over as soon as it is complete where the
  /// dialect allows (one row per line, one cell per line): a pipeline that reads tables as
  /// they close never holds the cells of the whole document. Other dialects make all their
  /// rows first and hand them over one by one.
  static func forEachRow(_ text: SourceText, dialect: Dialect, _ body: (Row) -> Void) {
    var builder = CellBuilder(text: text)
    builder.isTraditional = text.isTraditional
    let isTraditional = builder.isTraditional
    // The row is handed on, not copied: a copy retained its cells to be released at once.
    // Its own builder: the tokenizers that hand rows over as they go hold theirs.
    var headingBuilder = builder
    func emit(_ row: consuming Row) {
      if row.cells.count == 1, row.cells[0].text.utf8.first == 0x23 {
        row.cells[0] = headingText(row.cells[0], &headingBuilder)
      }
      body(finished(row, isTraditional: isTraditional))
    }
    var rows: [Row]
    switch dialect {
    case .tabbed: return TabbedTokenizer.rows(text, &builder, joiningSplitRows: true, emit)
    case .tabbedCollapsed: return TabbedTokenizer.rows(text, &builder, joiningSplitRows: false, emit)
    case .cellPerLine: return CellPerLineTokenizer.rows(text, &builder, emit)
    case .pipe: rows = PipeTokenizer.rows(text, &builder)
    case .cellPerLinePipe: rows = CellPerLinePipeTokenizer.rows(text, &builder)
    case .plain: rows = PlainTokenizer.rows(text, &builder)
    case .html: rows = HTMLTokenizer.rows(text, &builder)
    case .csv: rows = CSVTokenizer.rows(text, &builder)
    case .aligned: rows = AlignedTokenizer.rows(text, &builder)
    case .gridTable: rows = GridTableTokenizer.rows(text, &builder)
    case .latex: rows = LaTeXTokenizer.rows(text, &builder)
    case .markdown: rows = PipeTokenizer.rows(text, &builder)
    case .spaced: rows = SpacedTokenizer.rows(text, &builder)
    case .cellStream: rows = StreamTokenizer.rows(text, &builder)
    case .runTogether: rows = RunTogetherTokenizer.rows(text, &builder, keepingLines: false)
    case .runTogetherRows: rows = RunTogetherTokenizer.rows(text, &builder, keepingLines: true)
    }
    // Taken out one by one, so a row's cells go when its consumer lets go of them.
    rows.reverse()
    while let row = rows.popLast() { emit(row) }
  }

  /// A line that is a markdown heading alone (`## 2024年项目支出绩效目标表`), in any dialect:
  /// the text after its marks, as the pipe tokenizer reads it (the marks were part of the
  /// table's title). Only a cell that is its line's text as written.
  private static func headingText(_ cell: Cell, _ builder: inout CellBuilder) -> Cell {
    let bytes = builder.text.utf8
    let range = cell.start..<(cell.start + cell.text.utf8.count)
    guard range.upperBound <= bytes.count, bytes[range].elementsEqual(cell.text.utf8) else { return cell }
    let heading = PipeTokenizer.headingText(bytes, range)
    guard heading != range, !heading.isEmpty else { return cell }
    return builder.cell(lineIndex: cell.span.line - 1, range: heading, column: cell.column)
  }

  /// A row as the pipeline gets it: script and keys settled, no spare capacity (again after
  /// `Row.init`: the one-cell-per-line tokenizer appends cells to a row it has made).
  private static func finished(_ row: consuming Row, isTraditional: Bool) -> Row {
    for column in row.cells.indices {
      // Cells some tokenizers make without the builder (quoted CSV fields, HTML text).
      if isTraditional && !row.cells[column].isTraditional { row.cells[column].isTraditional = true }
      if row.cells[column].hasStaleKey { row.cells[column].settleKey() }
    }
    row.cells.shrinkToFit()
    return row
  }
}

/// Makes cells from byte ranges of the decoded text.
struct CellBuilder {
  let text: SourceText
  var isTraditional = false
  private var cursor = SpanCursor()

  init(text: SourceText) {
    self.text = text
  }

  /// One cell from the start of `first` to the end of `last`, pieces of one line, the text
  /// between them as written.
  mutating func cell(joining first: Cell, _ last: Cell) -> Cell {
    cell(lineIndex: last.span.line - 1, range: first.start..<(last.start + last.text.utf8.count), column: first.column)
  }

  /// A cell from `range` on line `lineIndex`, outer blanks trimmed.
  mutating func cell(lineIndex: Int, range: Range<Int>, column: Int) -> Cell {
    let (trimmed, string, bytes, key) = piece(range)
    // The cursor goes through a local copy: reading the text of an inout self retained its
    // arrays for every cell.
    var cursor = self.cursor
    let span = cursor.span(text, lineIndex: lineIndex, byteRange: trimmed, length: bytes.scalarCount)
    self.cursor = cursor
    switch key {
    case .made(let key):
      return Cell(text: string, differentKey: key, span: span, column: column, start: trimmed.lowerBound)
    case .throughStages:
      return Cell(
        text: string, differentKey: TextKey.keyThroughStages(string, simplify: false), span: span, column: column,
        start: trimmed.lowerBound)
    case .byCell:
      return Cell(
        text: string, span: span, column: column, start: trimmed.lowerBound, isTraditional: isTraditional,
        isPlain: bytes.isPlain)
    }
  }

  /// What the builder found of a cell's key.
  private enum KeyReading {
    /// The key where it differs from the text (nil: the text is its own key).
    case made(String?)
    /// Not made in one pass (`TextKey.keyInOnePass`): made by the stages from the string.
    case throughStages
    /// Left to `Cell.init`: a plain text, or one in traditional script, or bytes that are not
    /// the string's (a range cut inside a scalar, repaired by `ValidUTF8`).
    case byCell
  }

  /// `range` trimmed, its string, what one pass over its bytes answers for the string, the
  /// span and the key, which each read them before, and the key of a text that is not plain,
  /// made from the bytes rather than from the string. Inlined: called, its answers went back
  /// through memory, some 85 instructions a cell.
  @inline(__always)
  private func piece(_ range: Range<Int>) -> (Range<Int>, String, CellBytes, KeyReading) {
    text.utf8.withUnsafeBufferPointer { buffer in
      // The buffer's reads are unchecked: a range is checked once, as the array's were.
      precondition(range.lowerBound >= 0 && range.upperBound <= buffer.count, "range out of bounds")
      let trimmed = Blank.trim(buffer, range)
      let bytes = CellBytes(buffer, trimmed)
      let string = ValidUTF8.string(buffer, trimmed, isASCII: bytes.isASCII)
      guard !bytes.isPlain && !isTraditional && Self.isWhole(buffer, trimmed) else {
        return (trimmed, string, bytes, .byCell)
      }
      // Whole scalars of the valid decoded text: the string's own bytes.
      guard let key = TextKey.keyInOnePass(bytes: UnsafeBufferPointer(rebasing: buffer[trimmed]), simplify: false) else {
        return (trimmed, string, bytes, .throughStages)
      }
      return (trimmed, string, bytes, .made(key.isSame ? nil : key.text))
    }
  }

  /// Whether `bytes[range]` starts and ends at scalar boundaries. The range is within bounds
  /// and not empty: a text that is not plain has a byte (`CellBytes`).
  @inline(__always)
  private static func isWhole(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    bytes[range.lowerBound] & 0xC0 != 0x80 && (range.upperBound == bytes.count || bytes[range.upperBound] & 0xC0 != 0x80)
  }

  /// Appends a wrapped line to a cell.
  func extend(_ cell: inout Cell, lineIndex: Int, range: Range<Int>, separator: String) {
    let trimmed = Blank.trim(text.utf8, range)
    guard !trimmed.isEmpty else { return }
    let string = text.utf8.withUnsafeBufferPointer { ValidUTF8.string($0, trimmed) }
    if cell.text.isEmpty {
      cell = Cell(
        text: string, span: text.span(lineIndex: lineIndex, byteRange: trimmed),
        column: cell.column, start: trimmed.lowerBound, isTraditional: isTraditional)
    } else {
      cell.appendLine(string, separator: separator)
      cell.span.length += separator.unicodeScalars.count + string.unicodeScalars.count
    }
  }

  func isBlankLine(_ index: Int) -> Bool {
    let line = text.lines[index]
    return Blank.trim(text.utf8, line.start..<line.end).isEmpty
  }

  /// The line without a leading form feed, and whether it had one.
  func pageBreakStripped(_ index: Int) -> (Range<Int>, Bool) {
    let line = text.lines[index]
    var start = line.start
    var found = false
    while start < line.end && text.utf8[start] == 0x0C {
      start += 1
      found = true
    }
    return (start..<line.end, found)
  }
}

/// Scores the text against each dialect's signature.
enum DialectDetector {
  static func detect(_ text: SourceText) -> Dialect { detect(LayoutSurvey(text)) }

  static func detect(_ survey: LayoutSurvey) -> Dialect {
    let nonBlank = survey.nonBlank
    guard nonBlank > 0 else { return .plain }
    if survey.tabLed * 10 >= nonBlank * 3 && survey.tabLed > survey.innerTabs { return .cellPerLine }
    if survey.innerTabs >= 3 && survey.innerTabs * 10 >= nonBlank { return .tabbed }
    if survey.pipeCellLines + survey.pipeOnly >= 6 && survey.pipeCellLines > survey.pipeRows { return .cellPerLinePipe }
    if survey.pipeRows >= 3 { return .pipe }
    return .plain
  }
}

/// One row per line; tabs separate cells.
enum TabbedTokenizer {
  /// Whether the tab rows have dropped their empty cells: four rows or more, some narrower
  /// than the widest below it, none that starts with an empty cell, and few with one inside. An exporter (Word,
  /// Excel, WPS) keeps a merged cell's place in every row under it, so most of its tables
  /// have rows that start with a tab; a browser's copy of a page leaves the merged cell out,
  /// and the cells after it slide left, but keeps a cell that is empty in the page (a goal
  /// not filled in: two tabs with only blanks between).
  static func dropsEmptyCells(_ text: SourceText) -> Bool {
    var rows = 0
    var rowsWithEmpty = 0
    // Each row's line, count of tabs and first cell, in order.
    var widths: [(line: Int, tabs: Int, first: Range<Int>)] = []
    let leadingEmpty: Bool = text.utf8.withUnsafeBufferPointer { bytes in
      for (lineIndex, line) in text.lines.prefix(400).enumerated() {
        var end = line.end
        // Trailing tabs and blanks: dropped cells' tabs a converter wrote after the last one.
        while end > line.start, bytes[end - 1] == 0x09 || bytes[end - 1] == 0x20 || bytes[end - 1] == 0x0D { end -= 1 }
        var start = line.start
        while start < end, bytes[start] == 0x0C { start += 1 }
        var tabs = 0
        var cellIsEmpty = true
        var hasEmpty = false
        var firstEnd = end
        for index in start..<end {
          if bytes[index] == 0x09 {
            if tabs == 0 { firstEnd = index }
            if cellIsEmpty {
              if tabs == 0 { return true }
              hasEmpty = true
            }
            tabs += 1
            cellIsEmpty = true
          } else if bytes[index] != 0x20 {
            cellIsEmpty = false
          }
        }
        guard tabs > 0 else { continue }
        rows += 1
        if hasEmpty { rowsWithEmpty += 1 }
        widths.append((lineIndex, tabs, start..<firstEnd))
      }
      return false
    }
    // Rows narrower than the widest (the header) after it: rows that lost cells. Narrower
    // rows above it, or that open with a form's label (the next project's 项目名称 │ 某项目),
    // are a form's label rows, whatever the copy; two on consecutive lines that make the
    // widest together are one row a line break in a cell split (`joiningSplitRows`).
    guard let widest = widths.map(\.tabs).max(), let first = widths.firstIndex(where: { $0.tabs == widest }) else { return false }
    var narrowerBelow = false
    var index = first
    while index < widths.count && !narrowerBelow {
      let trimmed = Blank.trim(text.utf8, widths[index].first)
      if widths[index].tabs < widest, trimmed.isEmpty || FormVocabulary.role(TextKey.make(String(decoding: text.utf8[trimmed], as: UTF8.self))) == nil {
        let next = index + 1
        if next < widths.count, widths[next].line == widths[index].line + 1, widths[index].tabs + widths[next].tabs == widest {
          index += 2
          continue
        }
        narrowerBelow = true
      }
      index += 1
    }
    return !leadingEmpty && rows >= 4 && narrowerBelow && rowsWithEmpty * 4 <= rows
  }

  /// `joiningSplitRows`: a row of fewer cells than the widest so far, and the next line,
  /// whose cells make up the rest, are one row with a line break in the cell between (a
  /// cell of two paragraphs copied from Word or a page: `产出指标 │ 数量指标 │ 培训` ⏎
  /// `人数 │ ≥100人`), unless the next line opens with a label the vocabulary knows. Only
  /// where empty cells keep their place: in a copy that drops them, a narrower row is a
  /// whole row that lost its merged cells.
  static func rows(_ text: SourceText, _ builder: inout CellBuilder, joiningSplitRows: Bool = false, _ emit: (consuming Row) -> Void) {
    var widest = 0
    // The line's tabs are found once, eight bytes at a time, on the buffer (the array's
    // reads were checked byte by byte, and the line was read twice: to count them, to cut).
    var tabs: [Int] = []
    var index = text.lines.startIndex
    while index < text.lines.endIndex {
      let (range, pageBreak) = builder.pageBreakStripped(index)
      // Room for every cell at once: grown by appends, the array was reallocated three times a
      // row and then copied again by the row to shed its spare capacity.
      var cells: [Cell] = []
      var lineIndex = index
      var start = range.lowerBound
      var end = range.upperBound
      while true {
        tabs.removeAll(keepingCapacity: true)
        text.utf8.withUnsafeBufferPointer { Self.appendTabs($0, start..<end, to: &tabs) }
        cells.reserveCapacity(cells.count + tabs.count + 1)
        for position in tabs {
          if let quoted = Self.quotedCell(text, from: start, lineEnd: position, line: lineIndex, spansLines: false) {
            cells.append(Self.cell(unquoting: quoted.inner, lineIndex: lineIndex, column: cells.count, &builder))
          } else {
            cells.append(builder.cell(lineIndex: lineIndex, range: start..<position, column: cells.count))
          }
          start = position + 1
        }
        guard let quoted = Self.quotedCell(text, from: start, lineEnd: end, line: lineIndex, spansLines: true) else {
          cells.append(builder.cell(lineIndex: lineIndex, range: start..<end, column: cells.count))
          if joiningSplitRows, cells.count >= 2, cells.count - 1 <= widest, !cells[cells.count - 1].isEmpty,
            let rest = Self.restOfSplitRow(text, after: lineIndex, missing: widest - (cells.count - 1), widest: widest)
          {
            builder.extend(&cells[cells.count - 1], lineIndex: lineIndex + 1, range: rest, separator: "\n")
            lineIndex += 1
            guard rest.upperBound < text.lines[lineIndex].end else { break }
            end = builder.pageBreakStripped(lineIndex).0.upperBound
            start = rest.upperBound + 1
            continue
          }
          break
        }
        cells.append(Self.cell(unquoting: quoted.inner, lineIndex: lineIndex, column: cells.count, &builder))
        // The row goes on after the closing quote, on the line where it stands.
        lineIndex = quoted.closingLine
        end = builder.pageBreakStripped(lineIndex).0.upperBound
        start = quoted.inner.upperBound + 1
        while start < end, text.utf8[start] == 0x20 || text.utf8[start] == 0x0D { start += 1 }
        guard start < end else { break }
        start += 1
      }
      widest = max(widest, cells.count - 1)
      var row = Row(cells: cells, lineIndex: index)
      row.followsPageBreak = pageBreak
      row.isSeparator = Separators.isSeparatorRow(cells)
      emit(row)
      index = lineIndex + 1
    }
  }

  /// The first cell of line `line + 1` when that line holds the `missing` tabs, starts with
  /// no label, no quote and no page break: the rest of a row split by a line break in a cell.
  /// A line of one cell under a whole row (the break in its last cell) must be a row's text
  /// (no title, note or page number) between it and another whole row: a line of text
  /// after a table's last row is the text after the table.
  private static func restOfSplitRow(_ text: SourceText, after line: Int, missing: Int, widest: Int) -> Range<Int>? {
    guard line + 1 < text.lines.count else { return nil }
    let next = text.lines[line + 1]
    let bytes = text.utf8
    func tabs(_ line: SourceText.Line) -> (count: Int, first: Int) {
      var count = 0
      var first = line.end
      for index in line.start..<line.end where bytes[index] == 0x09 {
        if count == 0 { first = index }
        count += 1
      }
      return (count, first)
    }
    let (count, firstTab) = tabs(next)
    guard count == missing else { return nil }
    let first = Blank.trim(bytes, next.start..<firstTab)
    guard !first.isEmpty, bytes[first.lowerBound] != 0x22, bytes[first.lowerBound] != 0x0C,
      !AlignedPageReader.isLabel(bytes, first)
    else { return nil }
    if missing == 0 {
      guard line + 2 < text.lines.count else { return nil }
      let after = text.lines[line + 2]
      guard tabs(after).count == widest else { return nil }
      var builder = CellBuilder(text: text)
      let cell = builder.cell(lineIndex: line + 1, range: first, column: 0)
      guard RowClassifier.classify(Row(cells: [cell], lineIndex: line + 1)) == .content else { return nil }
      // A page's running head (`某县2024年部门预算公开`) before the header a page break repeats
      // is no row's text: a row's rest has a row after it, not the header, and a line the
      // document opens with is its title again.
      let afterFirst = builder.cell(lineIndex: line + 2, range: after.start..<tabs(after).first, column: 0)
      guard StreamTokenizer.indicatorWord(afterFirst.key) != .header, !opensDocument(text, bytes[first]) else { return nil }
    }
    return next.start..<firstTab
  }

  /// Whether `line` is the text of one of the document's first three lines with text.
  private static func opensDocument(_ text: SourceText, _ line: ArraySlice<UInt8>) -> Bool {
    var seen = 0
    for opening in text.lines {
      let trimmed = Blank.trim(text.utf8, opening.start..<opening.end)
      guard !trimmed.isEmpty else { continue }
      if text.utf8[trimmed].elementsEqual(line) { return true }
      seen += 1
      if seen == 3 { break }
    }
    return false
  }

  /// A spreadsheet's copy (Excel, WPS) writes a cell that holds line breaks or quotes between
  /// double quotes, its own quotes doubled: `"1.资助幼儿380人次；⏎2.资金发放及时率100%。"⏎`,
  /// the row going on after the closing quote. The last cell of a line opens one when it
  /// begins with a quote that does not close on the line; the quote closes at the first lone
  /// quote of a line below that only blanks and then a tab or the line's end follow. A cell
  /// on one line is one when its quotes inside are doubled (`"购买""专职""服务"`). Nil, and the
  /// cell read as written, otherwise: a quote that no such quote closes within `maximumLines`,
  /// or a tab first (a row of cells, not a cell's line), is a quote of the text.
  /// `spansLines`: the cell is its line's last, which the lines below may go on.
  static func quotedCell(
    _ text: SourceText, from start: Int, lineEnd: Int, line: Int, spansLines: Bool
  ) -> (inner: Range<Int>, closingLine: Int)? {
    let bytes = text.utf8
    var open = start
    while open < lineEnd, bytes[open] == 0x20 { open += 1 }
    guard open < lineEnd, bytes[open] == 0x22 else { return nil }
    var doubled = false
    // The lone quote from `from` before `end`, doubled ones passed over; -1 where a tab
    // comes first.
    func loneQuote(from: Int, to end: Int) -> Int? {
      var index = from
      while index < end {
        switch bytes[index] {
        case 0x09: return -1
        case 0x22:
          if index + 1 < end, bytes[index + 1] == 0x22 {
            doubled = true
            index += 2
            continue
          }
          return index
        default: index += 1
        }
      }
      return nil
    }
    // Whether only blanks, then a tab or the line's end, follow the quote at `close`.
    func endsCell(_ close: Int, _ end: Int) -> Bool {
      var after = close + 1
      while after < end, bytes[after] == 0x20 || bytes[after] == 0x0D { after += 1 }
      return after == end || bytes[after] == 0x09
    }
    if let close = loneQuote(from: open + 1, to: lineEnd) {
      return close > open && doubled && endsCell(close, lineEnd) ? ((open + 1)..<close, line) : nil
    }
    guard spansLines else { return nil }
    var next = line + 1
    while next < text.lines.endIndex && next <= line + maximumLines {
      let range = text.lines[next].start..<text.lines[next].end
      if let close = loneQuote(from: range.lowerBound, to: range.upperBound) {
        return close >= 0 && endsCell(close, range.upperBound) ? ((open + 1)..<close, next) : nil
      }
      next += 1
    }
    return nil
  }

  /// The most lines a quoted cell is looked for over: a goal of numbered items is a dozen.
  static let maximumLines = 40

  /// The cell between a quoted cell's quotes (`inner`), its text unquoted.
  private static func cell(unquoting inner: Range<Int>, lineIndex: Int, column: Int, _ builder: inout CellBuilder) -> Cell {
    var cell = builder.cell(lineIndex: lineIndex, range: inner, column: column)
    cell.text = unquoted(cell.text)
    return cell
  }

  /// A quoted cell's text: its doubled quotes single, its line breaks `\n`.
  static func unquoted(_ text: String) -> String {
    var text = text
    if text.containsBytes("\"\"") { text = text.replacingBytes("\"\"", with: "\"") }
    // (`\r\n` is one character: `\r` alone would not be found in it.)
    if text.containsBytes("\r") { text = text.replacingBytes("\r\n", with: "\n") }
    return text
  }
}

extension TabbedTokenizer {
  /// The offsets of the tabs in `bytes[range]`, in order.
  static func appendTabs(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, to tabs: inout [Int]) {
    precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "range out of bounds")
    var index = range.lowerBound
    let end = range.upperBound
    while index + 8 <= end {
      if ByteWord.equal(ByteWord.load(bytes, at: index), 0x09) != 0 {
        for position in index..<(index + 8) where bytes[position] == 0x09 { tabs.append(position) }
      }
      index += 8
    }
    for position in index..<end where bytes[position] == 0x09 { tabs.append(position) }
  }
}

/// Markdown separator rows (`---`, `:---:`) and grid-table rules (`+----+`).
enum Separators {
  static func isSeparatorRow(_ cells: [Cell]) -> Bool {
    var sawRule = false
    // By index, each text lent: a cell copied out of the row, and its text out of the cell,
    // were retained and released for every row of every document.
    for index in cells.indices where !cells[index].isEmpty {
      guard cells[index].withTextBytes(isRule(bytes:)) else { return false }
      sawRule = true
    }
    return sawRule
  }

  static func isRule(_ text: String) -> Bool {
    text.withUTF8Bytes(isRule(bytes:))
  }

  static func isRule(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    // On the bytes: the scalar view cost a call per character of every rule.
    var dashes = 0
    var index = 0
    while index < bytes.count {
      switch bytes[index] {
      case 0x2D, 0x3D:
        dashes += 1
        index += 1
      case 0x3A, 0x2B, 0x20, 0x7C:
        index += 1
      case 0xE2 where index + 2 < bytes.count:
        // `—` (E2 80 94), `─` (E2 94 80), `━` (E2 94 81).
        let second = bytes[index + 1]
        let third = bytes[index + 2]
        guard second == 0x80 && third == 0x94 || second == 0x94 && (third == 0x80 || third == 0x81) else { return false }
        dashes += 1
        index += 3
      default:
        return false
      }
    }
    return dashes >= 2
  }
}
