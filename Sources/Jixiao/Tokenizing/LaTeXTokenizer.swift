/// LaTeX tabulars, as PDF-to-LaTeX converters (Mathpix and the like) and docx-to-LaTeX
/// exports write a table: cells between `&`, a row ended by `\\`, rules (`\hline`,
/// `\cline{2-4}`, `\toprule`…) between rows, a merged cell as `\multicolumn{3}{|c|}{…}` or
/// `\multirow{2}{*}{…}` (its rows below keep an empty cell, as a tab export does).
///
/// A cell's text is its markup read as text (`$\geq$96\%` is `≥96%`, `\textbf{项目名称}` is
/// `项目名称`, `\makecell{a\\b}` is two lines), its span points at its first byte in the
/// source and its length is that of its text, as a quoted CSV field's. A `\multicolumn` of
/// n columns is its text and n − 1 empty cells, so every cell keeps its column. Lines outside
/// the tabulars (titles, notes) are one-cell rows; `\caption{…}` is its text.
///
/// An unescaped `%` stays a percent sign: in a converter's leftovers it is the table's
/// `≥96%` far more often than a comment.
enum LaTeXTokenizer {
  /// `\begin{tabular}` (or longtable, tabularx, array) in the text, or two lines or more
  /// with a cell separator and a row end (a tabular's body copied without its frame).
  static func looksLikeLaTeX(_ text: SourceText) -> Bool {
    var rowLines = 0
    var opens = false
    let lines = text.lines.prefix(2000)
    let found: Bool = text.utf8.withUnsafeBufferPointer { bytes in
      // Both signatures hold a backslash, and most texts have none: lines before the next
      // backslash are passed over eight bytes at a time.
      let scanned = UnsafeBufferPointer(rebasing: bytes[..<(lines.isEmpty ? 0 : lines[lines.endIndex - 1].end)])
      guard var backslash = scanned.firstIndex(ofByte: 0x5C) else { return false }
      for line in lines {
        guard backslash < line.end else { continue }
        defer { backslash = scanned.firstIndex(ofByte: 0x5C, from: line.end) ?? scanned.count }
        let range = line.start..<line.end
        if !opens, let begin = find(bytes, range, "\\begin{"), tableEnvironment(bytes, at: begin + 7, limit: line.end) != nil {
          opens = true
        }
        if hasCellSeparator(bytes, range) && find(bytes, range, "\\\\") != nil {
          rowLines += 1
          if rowLines >= 2 || opens { return true }
        }
      }
      return false
    }
    return found
  }

  static func rows(_ text: SourceText, _ builder: inout CellBuilder) -> [Row] {
    var reader = Reader(text: text, isTraditional: builder.isTraditional)
    text.utf8.withUnsafeBufferPointer { reader.read($0) }
    return reader.rows
  }

  /// The environments whose body is rows of cells.
  static let tableEnvironments = ["tabular", "tabular*", "tabularx", "tabulary", "longtable", "longtable*", "array", "supertabular", "xtabular"]

  /// The name of a table environment whose name starts at `index` (after `\begin{` or
  /// `\end{`) and is closed by `}`, or nil.
  static func tableEnvironment(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, limit: Int) -> String? {
    var end = index
    while end < limit, bytes[end] != 0x7D, end - index < 16 { end += 1 }
    guard end < limit, bytes[end] == 0x7D else { return nil }
    let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<end]), as: UTF8.self)
    return tableEnvironments.contains(name) ? name : nil
  }

  static func find(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ needle: StaticString) -> Int? {
    let count = needle.utf8CodeUnitCount
    guard count > 0, range.count >= count else { return nil }
    let start = needle.utf8Start
    var index = range.lowerBound
    while index + count <= range.upperBound {
      var matched = true
      for offset in 0..<count where bytes[index + offset] != start[offset] {
        matched = false
        break
      }
      if matched { return index }
      index += 1
    }
    return nil
  }

  /// An `&` not written `\&`.
  static func hasCellSeparator(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    var index = range.lowerBound
    while index < range.upperBound {
      if bytes[index] == 0x5C {
        index += 2
        continue
      }
      if bytes[index] == 0x26 { return true }
      index += 1
    }
    return false
  }
}

extension LaTeXTokenizer {
  /// Walks the text once: outside a tabular a line is a one-cell row; inside one, the bytes
  /// from one row end to the next are a row, cut at `&` outside braces and inner
  /// environments.
  struct Reader {
    let text: SourceText
    let isTraditional: Bool
    var rows: [Row] = []
    /// Open tabulars (a tabular inside a cell is an inner environment, not counted here).
    var tableDepth = 0
    /// Cells of the row being read: byte ranges in the source.
    var cellRanges: [Range<Int>] = []
    var cellStart: Int?
    /// Brace and inner-environment depth inside the current row.
    var braces = 0
    var innerEnvironments = 0

    init(text: SourceText, isTraditional: Bool) {
      self.text = text
      self.isTraditional = isTraditional
    }

    /// A text without `\begin{tabular}`: every line with a cell separator or a row end is
    /// a row of one tabular (a body copied without its frame).
    private var isBodyOnly = false

    mutating func read(_ bytes: UnsafeBufferPointer<UInt8>) {
      isBodyOnly = !text.lines.contains { line in
        LaTeXTokenizer.find(bytes, line.start..<line.end, "\\begin{").map {
          LaTeXTokenizer.tableEnvironment(bytes, at: $0 + 7, limit: line.end) != nil
        } ?? false
      }
      for line in text.lines {
        var index = line.start
        let end = line.end
        let inBody = tableDepth > 0 || (isBodyOnly && (cellStart != nil || !cellRanges.isEmpty || Self.isBodyLine(bytes, line.start..<end)))
        if !inBody {
          index = readOutside(bytes, from: index, to: end)
          if index >= end { continue }
        }
        readBody(bytes, from: index, to: end)
      }
      closeRow(bytes)
    }

    static func isBodyLine(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
      LaTeXTokenizer.hasCellSeparator(bytes, range) || LaTeXTokenizer.find(bytes, range, "\\\\") != nil
    }

    /// A line outside the tabulars up to a `\begin{tabular}` on it (returned: where the body
    /// starts; `end` when the line is all outside). Its text before that is a one-cell row.
    private mutating func readOutside(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
      var cut = end
      var bodyStart = end
      if let begin = LaTeXTokenizer.find(bytes, start..<end, "\\begin{"), LaTeXTokenizer.tableEnvironment(bytes, at: begin + 7, limit: end) != nil {
        cut = begin
        bodyStart = skipEnvironmentHead(bytes, from: begin, to: end)
        tableDepth += 1
      }
      let trimmed = Blank.trim(bytes, start..<cut)
      if !trimmed.isEmpty {
        let decoded = LaTeXText.decode(bytes, trimmed)
        if !decoded.text.isEmpty {
          let start = decoded.firstSource ?? trimmed.lowerBound
          rows.append(Row(cells: [cell(decoded.text, at: start, column: 0)], lineIndex: text.lineIndex(containing: start)))
        }
      }
      return bodyStart
    }

    /// After `\begin{tabular}`: its optional `[pos]` and its brace arguments (the width of
    /// a tabularx, the column specification).
    private func skipEnvironmentHead(_ bytes: UnsafeBufferPointer<UInt8>, from begin: Int, to end: Int) -> Int {
      var index = begin + 7
      while index < end, bytes[index] != 0x7D { index += 1 }
      index += 1
      while index < end {
        while index < end, bytes[index] == 0x20 { index += 1 }
        guard index < end, bytes[index] == 0x7B || bytes[index] == 0x5B else { break }
        index = LaTeXText.groupEnd(bytes, from: index, limit: end)
      }
      return Swift.min(index, end)
    }

    private mutating func readBody(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) {
      var index = start
      while index < end {
        let byte = bytes[index]
        if byte == 0x5C {
          if index + 1 < end, bytes[index + 1] == 0x5C, braces == 0, innerEnvironments == 0 {
            closeCell(at: index)
            closeRow(bytes)
            index = skipRowEndOption(bytes, from: index + 2, to: end)
            continue
          }
          if LaTeXText.startsWith(bytes, index, end, "\\begin{") {
            innerEnvironments += 1
          } else if LaTeXText.startsWith(bytes, index, end, "\\end{") {
            if innerEnvironments > 0 {
              innerEnvironments -= 1
            } else if braces == 0, LaTeXTokenizer.tableEnvironment(bytes, at: index + 5, limit: end) != nil {
              closeCell(at: index)
              closeRow(bytes)
              tableDepth = Swift.max(tableDepth - 1, 0)
              var after = index + 5
              while after < end, bytes[after] != 0x7D { after += 1 }
              index = after + 1
              if tableDepth == 0 && !isBodyOnly {
                // The rest of the line is outside again.
                let rest = readOutside(bytes, from: index, to: end)
                if rest < end { readBody(bytes, from: rest, to: end) }
                return
              }
              continue
            }
          } else if LaTeXText.startsWith(bytes, index, end, "\\tabularnewline"), braces == 0, innerEnvironments == 0 {
            closeCell(at: index)
            closeRow(bytes)
            index += 15
            continue
          }
          // Rules before a row's text (`\hline` after `\\`) are no cell's.
          if cellStart == nil, let ruleEnd = LaTeXText.ruleCommandEnd(bytes, index, end) {
            index = ruleEnd
            continue
          }
          if cellStart == nil { cellStart = index }
          // An escaped character or a command name is passed whole: `\&` is no separator.
          index += 2
          while index < end, LaTeXText.isLetter(bytes[index - 1]), LaTeXText.isLetter(bytes[index]) { index += 1 }
          continue
        }
        switch byte {
        case 0x7B: braces += 1
        case 0x7D: braces = Swift.max(braces - 1, 0)
        case 0x26 where braces == 0 && innerEnvironments == 0:
          closeCell(at: index)
          // The next cell starts after the separator, even if it stays empty.
          cellStart = index + 1
          index += 1
          continue
        default: break
        }
        if cellStart == nil && byte != 0x20 && byte != 0x09 { cellStart = index }
        index += 1
      }
      // A row continues on the next line: its line break is a blank between words.
      if cellStart != nil || !cellRanges.isEmpty { pendingLineEnd = end }
    }

    /// Where the line the open cell runs to ends, for a row left open at a line's end.
    private var pendingLineEnd: Int?

    /// `\\[2pt]`: the row end's optional spacing.
    private func skipRowEndOption(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, to end: Int) -> Int {
      var cursor = index
      while cursor < end, bytes[cursor] == 0x20 { cursor += 1 }
      guard cursor < end, bytes[cursor] == 0x5B else { return index }
      return LaTeXText.groupEnd(bytes, from: cursor, limit: end)
    }

    private mutating func closeCell(at end: Int) {
      // `& &`: an empty cell, where the separator was.
      cellRanges.append((cellStart ?? end)..<end)
      cellStart = nil
      pendingLineEnd = nil
    }

    private mutating func closeRow(_ bytes: UnsafeBufferPointer<UInt8>) {
      if let start = cellStart {
        cellRanges.append(start..<Swift.max(start, pendingLineEnd ?? text.utf8.count))
        cellStart = nil
      }
      pendingLineEnd = nil
      braces = 0
      innerEnvironments = 0
      defer { cellRanges.removeAll(keepingCapacity: true) }
      var cells: [Cell] = []
      var firstByte: Int?
      for range in cellRanges {
        let trimmed = Blank.trim(bytes, range)
        let decoded = LaTeXText.decode(bytes, trimmed)
        let start = decoded.firstSource ?? trimmed.lowerBound
        if firstByte == nil, !decoded.text.isEmpty { firstByte = start }
        cells.append(cell(decoded.text, at: start, column: cells.count))
        for _ in 1..<Swift.max(decoded.columnSpan, 1) {
          cells.append(cell("", at: trimmed.upperBound, column: cells.count))
        }
      }
      // A row of rules only (`\hline` after the last row end) is no row.
      guard let firstByte else { return }
      var row = Row(cells: cells, lineIndex: text.lineIndex(containing: firstByte))
      row.isSeparator = Separators.isSeparatorRow(cells)
      rows.append(row)
    }

    /// A cell of decoded text: its span at its first source byte, its length its text's.
    private func cell(_ value: String, at start: Int, column: Int) -> Cell {
      let lineIndex = text.lineIndex(containing: start)
      let line = text.lines[lineIndex]
      let clamped = Swift.min(Swift.max(start, line.start), line.end)
      var span = text.span(lineIndex: lineIndex, byteRange: clamped..<clamped)
      span.length = value.unicodeScalars.count
      return Cell(text: value, span: span, column: column, start: clamped, isTraditional: isTraditional)
    }
  }
}
