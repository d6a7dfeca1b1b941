import Testing

@testable import Jixiao

/// `GridBlockReader` cuts a line whose separators stand one on each boundary without
/// placing them in a list first, reserves the segments, and reads their bytes through one
/// buffer. Every block must read into the rows the reader it replaced (copied below) made:
/// the grid blocks of every corpus document, and grids made up of lines whose separators
/// miss boundaries, span columns, and partial rules.
@Suite struct GridBlockReaderFastPathTests {
  static func expectSameRows(_ text: SourceText, _ what: String) {
    for isTraditional in [false, true] {
      var builder = CellBuilder(text: text)
      builder.isTraditional = isTraditional
      for block in GridTableTokenizer.gridBlocks(text) + [0..<text.lines.count] {
        var reader = GridBlockReader(text: text, builder: builder)
        var reference = ReferenceGridBlockReader(text: text, builder: builder)
        let rows = reader.read(block)
        let expected = reference.read(block)
        #expect(rows == expected, "\(what) \(block) \(isTraditional)")
        #expect(rows.map(\.followsPageBreak) == expected.map(\.followsPageBreak), "\(what) \(block)")
        #expect(
          rows.flatMap { $0.cells.map { Array($0.text.utf8) } } == expected.flatMap { $0.cells.map { Array($0.text.utf8) } },
          "\(what) \(block)")
      }
    }
  }

  @Test(arguments: CorpusTests.documents)
  func corpusDocuments(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    let (text, _) = try SourceDecoder.decode(bytes, path: relativePath)
    Self.expectSameRows(text, relativePath)
  }

  @Test func madeUpGrids() throws {
    var random = SeededSequence(seed: 0x2545_F491_4F6C_DD1D)
    func next(_ bound: Int) -> Int { random.next(bound) }
    let words = ["项目", "ab", "", "  ", "绩效目标", "x\\|y", "１２", "---", "é"]
    for _ in 0..<400 {
      let columns = 1 + next(4)
      let widths = (0..<columns).map { _ in 2 + next(6) }
      let rule = "+" + widths.map { String(repeating: next(4) == 0 ? "=" : "-", count: $0) + "+" }.joined()
      var lines = [rule]
      for _ in 0..<(2 + next(6)) {
        switch next(6) {
        case 0: lines.append(rule)
        case 1:
          // A partial rule: some columns ruled, the others going on.
          lines.append("|" + widths.map { next(2) == 0 ? String(repeating: "-", count: $0) + "+" : String(repeating: " ", count: $0) + "|" }.joined())
        default:
          var line = next(7) == 0 ? "  |" : "|"
          for width in widths {
            let word = words[next(words.count)]
            let pad = max(width - word.unicodeScalars.count, 0) + next(3) - 1
            line += word + String(repeating: " ", count: max(pad, 0)) + (next(6) == 0 ? " " : next(8) == 0 ? "" : "|")
          }
          lines.append(line)
        }
      }
      lines.append(rule)
      let (source, _) = try SourceDecoder.decode(Array(lines.joined(separator: "\n").utf8), path: "t.md")
      Self.expectSameRows(source, lines.joined(separator: "\n"))
    }
  }
}

/// The block reader before this change.
struct ReferenceGridBlockReader {
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
    if cell.text.containsBytes("\\|") { cell.text = cell.text.replacing("\\|", with: "|") }
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
    let placed = place(marks)
    var result: [Segment] = []
    for (left, right) in zip(placed, placed.dropFirst()) where left.boundary < right.boundary {
      let inner = (left.mark.offset + 1)..<right.mark.offset
      let bytes = text.utf8[inner]
      let isRule =
        !bytes.isEmpty && bytes.allSatisfy { $0 == 0x2D || $0 == 0x3D || $0 == 0x3A }
        && bytes.contains { $0 == 0x2D || $0 == 0x3D }
      result.append(Segment(range: inner, columns: left.boundary..<right.boundary, isRule: isRule))
    }
    // Text after the last separator: a cell to the last column, or the last cell's.
    if let last = placed.last, last.mark.offset + 1 < range.upperBound, !Blank.trim(text.utf8, (last.mark.offset + 1)..<range.upperBound).isEmpty {
      if last.boundary < boundaries.count - 1 {
        result.append(Segment(range: (last.mark.offset + 1)..<range.upperBound, columns: last.boundary..<(boundaries.count - 1), isRule: false))
      } else if !result.isEmpty {
        result[result.count - 1].range = result[result.count - 1].range.lowerBound..<range.upperBound
      }
    }
    return result
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
    // The last separator closes the line, on the last boundary, if none is placed there.
    if let last = marks.last, result.last?.mark.offset != last.offset, (result.last?.boundary ?? -1) < boundaries.count - 1 {
      result.append((last, boundaries.count - 1))
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
