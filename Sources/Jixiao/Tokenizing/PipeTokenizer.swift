/// Pipe rows from markdown and HTML-to-text converters: `| a | b |`, `a | b ||||`.
/// Outer pipes are optional, `\|` is a literal pipe, and runs of pipes are empty cells.
enum PipeTokenizer {
  /// A heading's `#` marks and bold or italic marks around a whole cell (`**附件3**`,
  /// `| **项目名称** |`) are markdown's markup, as the pipes are, and not kept: pipe rows
  /// without the `---` row markdown puts under a header come from the same converters.
  static func rows(_ text: SourceText, _ builder: inout CellBuilder) -> [Row] {
    var rows: [Row] = []
    var cuts: [Int] = []
    for index in text.lines.indices {
      rows.append(row(text, lineIndex: index, &builder, cuts: &cuts))
    }
    return rows
  }

  /// Line `index` as a row. `cuts` is scratch space, kept by the caller across lines.
  static func row(_ text: SourceText, lineIndex index: Int, _ builder: inout CellBuilder, cuts: inout [Int]) -> Row {
    let bytes = text.utf8
    let (range, pageBreak) = builder.pageBreakStripped(index)
    var trimmed = Blank.trim(bytes, range)
    trimmed = Self.headingText(bytes, trimmed)
    var cells: [Cell] = []
    if !trimmed.isEmpty {
      var lower = trimmed.lowerBound
      var upper = trimmed.upperBound
      let hadLeadingPipe = bytes[lower] == 0x7C
      if hadLeadingPipe { lower += 1 }
      if upper > lower && bytes[upper - 1] == 0x7C && !(upper - 2 >= lower && bytes[upper - 2] == 0x5C) {
        upper -= 1
      }
      cuts.removeAll(keepingCapacity: true)
      let hasEscapedPipe = bytes.withUnsafeBufferPointer { separators($0, lower..<upper, into: &cuts) }
      // Room for every cell at once: grown by appends, the array was reallocated about
      // three times a row.
      cells.reserveCapacity(cuts.count + 1)
      var start = lower
      for (column, position) in cuts.enumerated() {
        cells.append(builder.cell(lineIndex: index, range: Self.unemphasised(bytes, start..<position), column: column))
        start = position + 1
      }
      if start <= upper {
        cells.append(builder.cell(lineIndex: index, range: Self.unemphasised(bytes, start..<upper), column: cuts.count))
      }
      for i in cells.indices where hasEscapedPipe && cells[i].text.containsBytes("\\|") {
        cells[i].text = cells[i].text.replacingBytes("\\|", with: "|")
      }
    }
    var row = Row(cells: cells, lineIndex: index)
    row.followsPageBreak = pageBreak
    row.isSeparator = Separators.isSeparatorRow(cells)
    return row
  }

  /// Markdown among other markup (an HTML page converted in part: simple tables as pipe
  /// rows, tables with merged cells left as `<table>`, headings as `#`): the runs of lines
  /// that are a pipe table (two lines or more that open with a pipe, with markdown's `---`
  /// row or three lines at least) or a heading, as ranges of line indices, in order.
  static func markdownBlocks(_ text: SourceText) -> [Range<Int>] {
    let bytes = text.utf8
    var blocks: [Range<Int>] = []
    var run: Range<Int>?
    var runHasDelimiter = false
    func closeRun() {
      if let lines = run, lines.count >= 3 || lines.count == 2 && runHasDelimiter { blocks.append(lines) }
      run = nil
      runHasDelimiter = false
    }
    for index in text.lines.indices {
      let line = text.lines[index]
      let trimmed = Blank.trim(bytes, line.start..<line.end)
      guard let first = trimmed.first.map({ bytes[$0] }) else {
        closeRun()
        continue
      }
      if first == 0x7C, bytes[trimmed].reduce(0, { $0 + ($1 == 0x7C ? 1 : 0) }) >= 2 {
        run = (run?.lowerBound ?? index)..<(index + 1)
        if isDelimiterRow(bytes[trimmed]) { runHasDelimiter = true }
        continue
      }
      closeRun()
      if first == 0x23, headingText(bytes, trimmed) != trimmed, !bytes[trimmed].contains(0x3C) {
        blocks.append(index..<(index + 1))
      }
    }
    closeRun()
    return blocks
  }

  /// `| --- | :---: |`: pipes, dashes, colons and blanks, with a dash.
  private static func isDelimiterRow(_ bytes: ArraySlice<UInt8>) -> Bool {
    bytes.contains(0x2D) && bytes.allSatisfy { $0 == 0x7C || $0 == 0x2D || $0 == 0x3A || $0 == 0x20 || $0 == 0x09 }
  }

  /// The line after a heading's marks (`## 2024年项目支出绩效目标表`: one to six `#` and a
  /// blank, and no pipe after them: `# │ 项目名称` is a row whose first cell is `#`), or the
  /// line itself.
  static func headingText(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
    var marks = range.lowerBound
    while marks < range.upperBound, bytes[marks] == 0x23 { marks += 1 }
    let count = marks - range.lowerBound
    guard (1...6).contains(count), marks < range.upperBound, bytes[marks] == 0x20 || bytes[marks] == 0x09,
      !bytes[marks..<range.upperBound].contains(0x7C)
    else { return range }
    return Blank.trim(bytes, marks..<range.upperBound)
  }

  /// The cell inside `**…**`, `__…__`, `*…*` or `_…_` written around all of it, the marks
  /// alike at both ends and something between them; otherwise the cell as it is (a template's
  /// `≥**%` keeps its stars).
  static func unemphasised(_ bytes: [UInt8], _ range: Range<Int>) -> Range<Int> {
    // Most cells start with neither mark: known from their first byte past the spaces.
    var first = range.lowerBound
    while first < range.upperBound, bytes[first] == 0x20 { first += 1 }
    guard first < range.upperBound, bytes[first] == 0x2A || bytes[first] == 0x5F else { return range }
    let trimmed = Blank.trim(bytes, range)
    for width in [2, 1] where trimmed.count > 2 * width {
      let mark = bytes[trimmed.lowerBound]
      guard mark == 0x2A || mark == 0x5F else { return range }
      let opens = (0..<width).allSatisfy { bytes[trimmed.lowerBound + $0] == mark }
      let closes = (1...width).allSatisfy { bytes[trimmed.upperBound - $0] == mark }
      let inner = (trimmed.lowerBound + width)..<(trimmed.upperBound - width)
      if opens, closes, bytes[inner.lowerBound] != mark, bytes[inner.upperBound - 1] != mark {
        return inner
      }
    }
    return range
  }

  /// Appends the offsets of the pipes in `bytes[range]` that separate cells, those not
  /// escaped as `\|`, in order; answers whether an escaped one is there. Words of eight
  /// bytes with neither a pipe nor a backslash are passed over whole (the array's reads were
  /// checked byte by byte, and the line was read twice: to count its pipes, to cut it).
  static func separators(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, into cuts: inout [Int]) -> Bool {
    precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "range out of bounds")
    var hasEscapedPipe = false
    var position = range.lowerBound
    let end = range.upperBound
    while position < end {
      if position + 8 <= end {
        let word = ByteWord.load(bytes, at: position)
        if ByteWord.equal(word, 0x7C) | ByteWord.equal(word, 0x5C) == 0 {
          position += 8
          continue
        }
      }
      if bytes[position] == 0x5C && position + 1 < end && bytes[position + 1] == 0x7C {
        hasEscapedPipe = true
        position += 2
        continue
      }
      if bytes[position] == 0x7C { cuts.append(position) }
      position += 1
    }
    return hasEscapedPipe
  }
}

/// One cell per line ending with ` |`; a line of nothing but pipes ends the row.
enum CellPerLinePipeTokenizer {
  static func rows(_ text: SourceText, _ builder: inout CellBuilder) -> [Row] {
    var rows: [Row] = []
    var current: Row?
    let bytes = text.utf8
    for index in text.lines.indices {
      let (range, _) = builder.pageBreakStripped(index)
      let trimmed = Blank.trim(bytes, range)
      if trimmed.isEmpty { continue }
      if bytes[trimmed].allSatisfy({ $0 == 0x7C || $0 == 0x20 }) {
        if var row = current {
          row.isSeparator = Separators.isSeparatorRow(row.cells)
          rows.append(row)
        }
        current = nil
        continue
      }
      var upper = trimmed.upperBound
      let endsWithPipe = bytes[upper - 1] == 0x7C
      if endsWithPipe { upper -= 1 }
      let cell = builder.cell(
        lineIndex: index, range: trimmed.lowerBound..<upper, column: current?.cells.count ?? 0)
      if !endsWithPipe && current == nil {
        rows.append(Row(cells: [cell], lineIndex: index))
        continue
      }
      if current == nil { current = Row(cells: [], lineIndex: index) }
      current?.cells.append(cell)
    }
    if var row = current {
      row.isSeparator = Separators.isSeparatorRow(row.cells)
      rows.append(row)
    }
    return rows
  }
}

/// Plain lines: cells are separated by runs of two or more blanks.
enum PlainTokenizer {
  static func rows(_ text: SourceText, _ builder: inout CellBuilder) -> [Row] {
    var rows: [Row] = []
    let bytes = text.utf8
    for index in text.lines.indices {
      let (range, pageBreak) = builder.pageBreakStripped(index)
      var cells: [Cell] = []
      var position = range.lowerBound
      var start = position
      var column = 0
      while position < range.upperBound {
        if let length = Blank.blankLength(bytes, at: position, limit: range.upperBound) {
          let (end, count) = Blank.run(bytes, at: position, firstLength: length, limit: range.upperBound)
          let wide = length > 1 || bytes[position] == 0x09
          if count >= 2 || wide {
            if start < position {
              cells.append(builder.cell(lineIndex: index, range: start..<position, column: column))
              column += 1
            }
            start = end
          }
          position = end
        } else {
          position += 1
        }
      }
      if start < range.upperBound {
        cells.append(builder.cell(lineIndex: index, range: start..<range.upperBound, column: column))
      }
      cells = cells.filter { !$0.isEmpty }.flatMap { splitLeadingLabel($0, builder: &builder) }
      for i in cells.indices { cells[i].column = i }
      var row = Row(cells: cells, lineIndex: index)
      row.followsPageBreak = pageBreak
      // A row of dashes under a header, as tab and pipe rows have it.
      row.isSeparator = Separators.isSeparatorRow(cells)
      rows.append(row)
    }
    return rows
  }

  /// `项目名称 中央财政衔接推进…`: a known label, one blank, and its value make two cells even
  /// where cells are otherwise separated by wider gaps.
  /// A label with a blank inside (`项目资金 (元)`) stays whole.
  static func splitLeadingLabel(_ cell: Cell, builder: inout CellBuilder) -> [Cell] {
    guard FormVocabulary.role(cell.key) == nil else { return [cell] }
    let bytes = builder.text.utf8
    let end = cell.start + cell.text.utf8.count
    var position = cell.start
    while position < end {
      if let length = Blank.blankLength(bytes, at: position, limit: end) {
        let label = builder.cell(lineIndex: cell.span.line - 1, range: cell.start..<position, column: cell.column)
        guard FormVocabulary.role(label.key) != nil else { return [cell] }
        let value = builder.cell(lineIndex: cell.span.line - 1, range: (position + length)..<end, column: cell.column + 1)
        return value.isEmpty ? [label] : [label, value]
      }
      position += 1
    }
    return [cell]
  }
}
