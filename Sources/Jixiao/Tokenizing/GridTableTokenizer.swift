/// Markdown grid tables (pandoc, converters that keep multi-line cells):
///
/// ```
/// +----------+----------+
/// | 项目名称 | 城管队   |
/// |          | 业务经费 |
/// +==========+==========+
/// ```
///
/// The rule lines give the column boundaries (the `+` positions); the lines between two
/// rules are one row, each cell's lines joined with `\n`. A partial rule (`|      +-----+`)
/// ends the row only for the ruled columns: the others are merged cells that go on, their
/// later lines joined to the cell they started in, and the rows below get empty cells there
/// (as the readers expect of a merged cell). A cell spanning columns is a segment without a
/// `|` at an inner boundary. Boundaries are matched by display column (CJK counts two) or,
/// for writers that count characters, by scalar column — whichever the `|`s line up with;
/// when a line has a `|` for every boundary, they are taken in order.
///
/// Lines outside grid tables are read as the pipe dialect reads them.
enum GridTableTokenizer {
  static func rows(_ text: SourceText, _ builder: inout CellBuilder) -> [Row] {
    let blocks = gridBlocks(text)
    guard !blocks.isEmpty else { return PipeTokenizer.rows(text, &builder) }
    let outside = PipeTokenizer.rows(text, &builder)
    var blockOfLine: [Int: Int] = [:]
    for (number, block) in blocks.enumerated() {
      for line in block { blockOfLine[line] = number }
    }
    var result: [Row] = []
    var emitted = Set<Int>()
    var afterTable = false
    for var row in outside {
      guard let number = blockOfLine[row.lineIndex] else {
        if afterTable && !row.isBlank {
          row.startsAfterTable = true
          afterTable = false
        }
        result.append(row)
        continue
      }
      afterTable = true
      if emitted.insert(number).inserted {
        var reader = GridBlockReader(text: text, builder: builder)
        result += reader.read(blocks[number])
      }
    }
    return result
  }

  /// Runs of lines that make a grid table: a rule line, then rule and `|` lines.
  static func gridBlocks(_ text: SourceText) -> [Range<Int>] {
    var blocks: [Range<Int>] = []
    var start: Int?
    for index in text.lines.indices {
      let kind = lineKind(text, index)
      if let open = start {
        if kind == .other {
          blocks.append(open..<index)
          start = nil
        }
      } else if kind == .rule {
        start = index
      }
    }
    if let open = start { blocks.append(open..<text.lines.count) }
    return blocks.filter { block in block.count >= 3 && block.contains { lineKind(text, $0) == .content } }
  }

  enum LineKind { case rule, content, other }

  static func lineKind(_ text: SourceText, _ index: Int) -> LineKind {
    let line = text.lines[index]
    var start = line.start
    while start < line.end, text.utf8[start] == 0x0C { start += 1 }
    let trimmed = Blank.trim(text.utf8, start..<line.end)
    guard !trimmed.isEmpty else { return .other }
    return text.utf8.withUnsafeBufferPointer { lineKind($0, trimmed) }
  }

  /// The kind of a line from its text without outer blanks (not empty).
  static func lineKind(_ bytes: UnsafeBufferPointer<UInt8>, _ trimmed: Range<Int>) -> LineKind {
    let first = bytes[trimmed.lowerBound]
    if first == 0x2B {
      var hasDash = false
      for index in trimmed {
        switch bytes[index] {
        case 0x2D, 0x3D: hasDash = true
        case 0x2B, 0x3A, 0x20, 0x7C: continue
        default: return hasDash ? .content : .other
        }
      }
      return hasDash ? .rule : .other
    }
    return first == 0x7C ? .content : .other
  }

  /// Grid tables: at least two rule lines that frame `|` lines.
  static func looksLikeGridTable(_ text: SourceText) -> Bool { looksLikeGridTable(LayoutSurvey(text)) }

  static func looksLikeGridTable(_ survey: LayoutSurvey) -> Bool { survey.gridRules >= 2 }
}

/// Reads one grid-table block into rows.
struct GridBlockReader {
  /// A separator (`|` or `+`) on a line: byte offset and its column in both metrics.
  struct Mark {
    var offset: Int
    var display: Int
    var scalar: Int
  }

  private struct OpenCell {
    var row: Int
    var cell: Cell?
  }

  let text: SourceText
  var builder: CellBuilder
  private var boundaries: [Mark] = []
  private var open: [OpenCell?] = []
  private var rows: [Row] = []
  private var rowIsOpen = false
  private var pageBreak = false

  init(text: SourceText, builder: CellBuilder) {
    self.text = text
    self.builder = builder
  }

  mutating func read(_ block: Range<Int>) -> [Row] {
    for index in block {
      let (range, hadBreak) = builder.pageBreakStripped(index)
      if hadBreak { pageBreak = true }
      let marks = Self.marks(text, range, withCorners: Self.hasRuleRun(text.utf8, range))
      if GridTableTokenizer.lineKind(text, index) == .rule && isFullRule(marks, range) {
        closeAll()
        if marks.count >= 2 && (boundaries.isEmpty || marks.count != boundaries.count) {
          boundaries = marks
          open = Array(repeating: nil, count: marks.count - 1)
        }
        rowIsOpen = false
        continue
      }
      guard boundaries.count >= 2 else { continue }
      let segments = segments(marks, range)
      if segments.contains(where: \.isRule) {
        // A partial rule: ruled columns end here, the others are merged cells going on.
        for segment in segments {
          if segment.isRule {
            for column in segment.columns { close(column) }
          } else {
            append(segment, lineIndex: index)
          }
        }
        rowIsOpen = false
        continue
      }
      if !rowIsOpen { startRow(lineIndex: index, offset: range.lowerBound) }
      for segment in segments { append(segment, lineIndex: index) }
    }
    closeAll()
    return rows
  }

  private func isFullRule(_ marks: [Mark], _ range: Range<Int>) -> Bool {
    guard let first = marks.first, let last = marks.last, first.offset != last.offset else { return false }
    for index in first.offset..<last.offset {
      switch text.utf8[index] {
      case 0x2D, 0x3D, 0x2B, 0x3A: continue
      default: return false
      }
    }
    return true
  }

  private mutating func startRow(lineIndex: Int, offset: Int) {
    let columns = boundaries.count - 1
    var cells: [Cell] = []
    let emptySpan = text.span(lineIndex: lineIndex, byteRange: offset..<offset)
    for column in 0..<columns {
      cells.append(Cell(text: "", span: emptySpan, column: column, start: offset))
    }
    var row = Row(cells: cells, lineIndex: lineIndex)
    row.followsPageBreak = pageBreak
    pageBreak = false
    rows.append(row)
    for column in 0..<columns where open[column] == nil {
      open[column] = OpenCell(row: rows.count - 1, cell: nil)
    }
    rowIsOpen = true
  }

  private mutating func append(_ segment: Segment, lineIndex: Int) {
    guard let column = segment.columns.first, column < open.count else { return }
    if open[column] == nil {
      if !rowIsOpen { startRow(lineIndex: lineIndex, offset: segment.range.lowerBound) }
      open[column] = OpenCell(row: rows.count - 1, cell: nil)
    }
    guard !Blank.trim(text.utf8, segment.range).isEmpty, var current = open[column] else { return }
    // Taken out while it grows: a second reference to the cell's text would make every line
    // appended to it copy all of it (quadratic in a cell of many lines).
    open[column] = nil
    if var cell = current.cell {
      current.cell = nil
      builder.extend(&cell, lineIndex: lineIndex, range: segment.range, separator: "\n")
      current.cell = cell
    } else {
      current.cell = builder.cell(lineIndex: lineIndex, range: segment.range, column: column)
    }
    open[column] = current
  }

  private mutating func close(_ column: Int) {
    guard column < open.count, let current = open[column] else { return }
    open[column] = nil
    guard var cell = current.cell, current.row < rows.count else { return }
    if cell.text.containsBytes("\\|") { cell.text = cell.text.replacingBytes("\\|", with: "|") }
    rows[current.row].cells[column] = cell
  }

  private mutating func closeAll() {
    for column in open.indices { close(column) }
  }

  struct Segment {
    var range: Range<Int>
    var columns: Range<Int>
    var isRule: Bool
  }

  /// The line cut at the boundaries its separators stand on.
  private func segments(_ marks: [Mark], _ range: Range<Int>) -> [Segment] {
    // Most lines have a separator on every boundary, each on its own: their placing is not
    // made as a list first.
    let placed = marks.count == boundaries.count ? nil : place(marks)
    let count = placed?.count ?? marks.count
    guard count >= 1 else { return [] }
    var result: [Segment] = []
    result.reserveCapacity(count)
    text.utf8.withUnsafeBufferPointer { bytes in
      for index in 1..<count {
        let (left, leftBoundary) = placed.map { ($0[index - 1].mark, $0[index - 1].boundary) } ?? (marks[index - 1], index - 1)
        let (right, rightBoundary) = placed.map { ($0[index].mark, $0[index].boundary) } ?? (marks[index], index)
        // Separators are found in order along the line, so `inner` lies within the bytes.
        guard leftBoundary < rightBoundary, left.offset < right.offset, right.offset <= bytes.count else { continue }
        let inner = (left.offset + 1)..<right.offset
        result.append(Segment(range: inner, columns: leftBoundary..<rightBoundary, isRule: Self.isRule(bytes[inner])))
      }
      // Text after the last separator (a line that lost its closing `|`) is the last cell's.
      let last = placed?.last?.mark ?? marks[count - 1]
      let after = (last.offset + 1)..<range.upperBound
      if !after.isEmpty, !Blank.trim(text.utf8, after).isEmpty {
        let boundary = placed?.last?.boundary ?? count - 1
        if boundary < boundaries.count - 1 {
          result.append(Segment(range: after, columns: boundary..<(boundaries.count - 1), isRule: false))
        } else if !result.isEmpty {
          result[result.count - 1].range = result[result.count - 1].range.lowerBound..<range.upperBound
        }
      }
    }
    return result
  }

  /// Only `-`, `=` and `:`, with a `-` or `=` among them (`:---:`).
  private static func isRule(_ bytes: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
    !bytes.isEmpty && bytes.allSatisfy { $0 == 0x2D || $0 == 0x3D || $0 == 0x3A } && bytes.contains { $0 == 0x2D || $0 == 0x3D }
  }

  /// Each separator with the boundary it stands on; separators on no boundary are text.
  private func place(_ marks: [Mark]) -> [(mark: Mark, boundary: Int)] {
    if marks.count == boundaries.count { return marks.enumerated().map { ($0.element, $0.offset) } }
    let displayHits = marks.filter { mark in boundaries.contains { $0.display == mark.display } }.count
    let scalarHits = marks.filter { mark in boundaries.contains { $0.scalar == mark.scalar } }.count
    let byDisplay = displayHits >= scalarHits
    var result: [(mark: Mark, boundary: Int)] = []
    for mark in marks {
      let position = byDisplay ? mark.display : mark.scalar
      let nearest = boundaries.indices.min { a, b in
        abs((byDisplay ? boundaries[a].display : boundaries[a].scalar) - position)
          < abs((byDisplay ? boundaries[b].display : boundaries[b].scalar) - position)
      }
      guard let nearest else { continue }
      let distance = abs((byDisplay ? boundaries[nearest].display : boundaries[nearest].scalar) - position)
      if distance <= 1, result.last.map({ $0.boundary < nearest }) ?? true { result.append((mark, nearest)) }
    }
    // The line's last separator closes it, wherever a hand's edit left it
    // (`| 项目名称 | 城乡居民医保补助       |` under four columns): unplaced, the text before it
    // was in no segment, and lost.
    if let last = marks.last, result.last?.mark.offset != last.offset, let edge = boundaries.indices.last,
      result.last.map({ $0.boundary < edge }) ?? true
    {
      result.append((last, edge))
    }
    return result
  }

  /// Does the line have `+-`, `-+`, `+=` or `=+` (a rule, whole or partial)? Asked of every
  /// line of a grid block: only its `+`s are looked at, found a word at a time.
  static func hasRuleRun(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    bytes[range].withUnsafeBufferPointer { line in
      var from = 0
      while let plus = line.firstIndex(ofByte: 0x2B, from: from) {
        if plus + 1 < line.count && (line[plus + 1] == 0x2D || line[plus + 1] == 0x3D) { return true }
        if plus > 0 && (line[plus - 1] == 0x2D || line[plus - 1] == 0x3D) { return true }
        from = plus + 1
      }
      return false
    }
  }

  /// The `|` separators of a line (not `\|`), and its `+` corners on rule lines, with
  /// their columns. Grid lines are long (padded with blanks to their columns): read through
  /// a buffer of the line, ASCII bytes first.
  static func marks(_ text: SourceText, _ range: Range<Int>, withCorners: Bool) -> [Mark] {
    text.utf8[range].withUnsafeBufferPointer { line in
      var marks: [Mark] = []
      var display = 0
      var scalar = 0
      var index = 0
      while index < line.count {
        let byte = line[index]
        if byte == 0x20 {
          // Cells are padded to their column's width with spaces.
          display += 1
          scalar += 1
          index += 1
          while index + 8 <= line.count && ByteWord.load(line, at: index) == AlignedTokenizer.eightSpaces {
            display += 8
            scalar += 8
            index += 8
          }
          continue
        }
        if byte < 0x80 {
          if (byte == 0x7C || (withCorners && byte == 0x2B)) && !(index > 0 && line[index - 1] == 0x5C) {
            // Room for a row's usual marks at once: grown from one, the array was
            // reallocated three or four times a line.
            if marks.isEmpty { marks.reserveCapacity(8) }
            marks.append(Mark(offset: range.lowerBound + index, display: display, scalar: scalar))
          }
          display += 1
          scalar += 1
          index += 1
          continue
        }
        // Most scalars of a grid line are ideographs, two columns wide.
        if index + 2 < line.count && AlignedTokenizer.isUnifiedIdeograph(byte, line[index + 1], line[index + 2]) {
          display += 2
          scalar += 1
          index += 3
          continue
        }
        let length = UTF8Scalars.length(leading: byte)
        if let decoded = UTF8Scalars.decode(text.utf8, (range.lowerBound + index)..<min(range.lowerBound + index + length, range.upperBound)) {
          display += ICU.displayWidth(decoded)
        } else {
          display += 1
        }
        scalar += 1
        index += length
      }
      return marks
    }
  }
}
