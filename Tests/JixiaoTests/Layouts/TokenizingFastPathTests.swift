import Testing

@testable import Jixiao

/// Fast paths of the tokenizing stage held to what they replaced: the tab and pipe rows' word
/// scans for their separators, and the packed storage of a cell's span and a row's flags,
/// which must give back every value they were given.
@Suite struct TokenizingFastPathTests {
  /// The tabs of `bytes[range]` as the old loop found them, byte by byte.
  static func expectSameTabs(_ bytes: [UInt8], _ range: Range<Int>, _ what: String) {
    var tabs: [Int] = []
    bytes.withUnsafeBufferPointer { TabbedTokenizer.appendTabs($0, range, to: &tabs) }
    #expect(tabs == range.filter { bytes[$0] == 0x09 }, "\(what) \(range)")
  }

  /// The old pipe row loop: the pipes that cut `bytes[range]` into cells, and whether an
  /// escaped pipe is among its bytes.
  static func oldSeparators(_ bytes: [UInt8], _ range: Range<Int>) -> ([Int], Bool) {
    var cuts: [Int] = []
    var position = range.lowerBound
    var hasEscapedPipe = false
    while position < range.upperBound {
      if bytes[position] == 0x5C && position + 1 < range.upperBound && bytes[position + 1] == 0x7C {
        hasEscapedPipe = true
        position += 2
        continue
      }
      if bytes[position] == 0x7C { cuts.append(position) }
      position += 1
    }
    return (cuts, hasEscapedPipe)
  }

  static func expectSameSeparators(_ bytes: [UInt8], _ range: Range<Int>, _ what: String) {
    var cuts: [Int] = []
    let escaped = bytes.withUnsafeBufferPointer { PipeTokenizer.separators($0, range, into: &cuts) }
    let old = oldSeparators(bytes, range)
    #expect(cuts == old.0 && escaped == old.1, "\(what) \(range)")
  }

  /// Pipes and escaped pipes at every place of texts up to 40 bytes, among bytes a word test
  /// could mistake for them (0x7D, 0x5D, 0xFC, 0xDC), at every range.
  @Test func separatorsAreTheByteByByteSeparators() {
    let bytes: [UInt8] = [0x7C, 0x5C, 0x7C, 0x7D, 0x5D, 0xFC, 0xDC, 0x61, 0x20, 0xE4, 0xB8, 0xAD]
    var random = SeededSequence(seed: 0x2F6B_B0A1_9C3D_4E51)
    func next(_ bound: Int) -> Int { random.next(bound) }
    for _ in 0..<2000 {
      let text = (0..<next(41)).map { _ in bytes[next(bytes.count)] }
      for lower in 0...text.count {
        for upper in lower...text.count { Self.expectSameSeparators(text, lower..<upper, "\(text)") }
      }
    }
  }

  /// Tabs at every place of texts up to 40 bytes, among bytes a word test could mistake for
  /// one (0x08, 0x0A, 0x89, 0x19), at every range.
  @Test func tabsAreTheByteByByteTabs() {
    let bytes: [UInt8] = [0x09, 0x08, 0x0A, 0x89, 0x19, 0x61, 0xE4, 0xB8, 0xAD, 0x00]
    var random = SeededSequence(seed: 0x1405_7B7E_F767_814F)
    func next(_ bound: Int) -> Int { random.next(bound) }
    for _ in 0..<2000 {
      let text = (0..<next(41)).map { _ in bytes[next(bytes.count)] }
      for lower in 0...text.count {
        for upper in lower...text.count { Self.expectSameTabs(text, lower..<upper, "\(text)") }
      }
    }
  }

  /// Every line of every corpus document: its tabs and its pipes found as before, and the
  /// document's rows cut as pipe rows and as tab rows as before.
  @Test(arguments: CorpusTests.documents)
  func corpusLines(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    let (text, _) = try SourceDecoder.decode(bytes, path: relativePath)
    for line in text.lines {
      Self.expectSameTabs(text.utf8, line.start..<line.end, relativePath)
      Self.expectSameSeparators(text.utf8, line.start..<line.end, relativePath)
    }
    Self.expectSameRows(text, relativePath)
  }

  /// The old pipe rows, cut by the byte loop (`oldSeparators`).
  static func oldPipeRows(_ text: SourceText) -> [Row] {
    var builder = CellBuilder(text: text)
    var rows: [Row] = []
    let bytes = text.utf8
    for index in text.lines.indices {
      let (range, pageBreak) = builder.pageBreakStripped(index)
      let trimmed = Blank.trim(bytes, range)
      var cells: [Cell] = []
      if !trimmed.isEmpty {
        var lower = trimmed.lowerBound
        var upper = trimmed.upperBound
        if bytes[lower] == 0x7C { lower += 1 }
        if upper > lower && bytes[upper - 1] == 0x7C && !(upper - 2 >= lower && bytes[upper - 2] == 0x5C) {
          upper -= 1
        }
        let (cuts, hasEscapedPipe) = oldSeparators(bytes, lower..<upper)
        var start = lower
        for (column, position) in cuts.enumerated() {
          cells.append(builder.cell(lineIndex: index, range: start..<position, column: column))
          start = position + 1
        }
        if start <= upper { cells.append(builder.cell(lineIndex: index, range: start..<upper, column: cuts.count)) }
        for i in cells.indices where hasEscapedPipe && cells[i].text.containsBytes("\\|") {
          cells[i].text = cells[i].text.replacing("\\|", with: "|")
        }
      }
      var row = Row(cells: cells, lineIndex: index)
      row.followsPageBreak = pageBreak
      row.isSeparator = Separators.isSeparatorRow(cells)
      rows.append(row)
    }
    return rows
  }

  /// The old tab rows, cut at the tabs found byte by byte.
  static func oldTabbedRows(_ text: SourceText) -> [Row] {
    var builder = CellBuilder(text: text)
    var rows: [Row] = []
    for index in text.lines.indices {
      let (range, pageBreak) = builder.pageBreakStripped(index)
      var cells: [Cell] = []
      var start = range.lowerBound
      var column = 0
      for position in range where text.utf8[position] == 0x09 {
        cells.append(builder.cell(lineIndex: index, range: start..<position, column: column))
        column += 1
        start = position + 1
      }
      cells.append(builder.cell(lineIndex: index, range: start..<range.upperBound, column: column))
      var row = Row(cells: cells, lineIndex: index)
      row.followsPageBreak = pageBreak
      row.isSeparator = Separators.isSeparatorRow(cells)
      rows.append(row)
    }
    return rows
  }

  static func expectSameRows(_ text: SourceText, _ what: String) {
    var builder = CellBuilder(text: text)
    #expect(PipeTokenizer.rows(text, &builder) == Self.oldPipeRows(text), "\(what) pipe")
    var tabbed: [Row] = []
    builder = CellBuilder(text: text)
    TabbedTokenizer.rows(text, &builder) { tabbed.append($0) }
    #expect(tabbed == Self.oldTabbedRows(text), "\(what) tabbed")
  }

  /// Random lines of pipes, escaped pipes, tabs, blanks, form feeds and text, as pipe and
  /// as tab rows.
  @Test func rowsAreTheOldRows() {
    let pieces = ["|", "\\|", "\\", "\t", " ", "\u{3000}", "\u{0C}", "a", "中", "---", "\n", "\r\n", "||", "12.5", "\u{A0}"]
    var random = SeededSequence(seed: 0x7A3C_91E5_0B2D_6F48)
    func next(_ bound: Int) -> Int { random.next(bound) }
    for _ in 0..<3000 {
      let string = (0..<next(30)).map { _ in pieces[next(pieces.count)] }.joined()
      // (The decoder turns down empty and blank texts.)
      guard let (text, _) = try? SourceDecoder.decode(Array(string.utf8), path: "t.txt") else { continue }
      Self.expectSameRows(text, string.debugDescription)
    }
  }

  /// Tag and attribute names written straight into their string are the old decoded
  /// arrays, for ASCII names short and long, other scalars and invalid bytes; the raw-text
  /// test answers as the set, for its names in any case and their near misses.
  @Test func htmlNamesAreTheDecodedNames() {
    let pieces: [[UInt8]] = [
      [0x41], [0x5A], [0x61], [0x7A], [0x40], [0x5B], [0x2D], [0x3A], [0x5F], [0x30], [0xE4, 0xB8, 0xAD], [0xC3, 0x89],
      [0xFF], [0xE4, 0xB8], [0x80], [0x20],
    ]
    var random = SeededSequence(seed: 0x3C6E_F372_FE94_F82B)
    func next(_ bound: Int) -> Int { random.next(bound) }
    for _ in 0..<20_000 {
      let bytes = (0..<next(24)).flatMap { _ in pieces[next(pieces.count)] }
      let lower = next(bytes.count + 1)
      let range = lower..<(lower + next(bytes.count - lower + 1))
      let old = String(decoding: bytes[range].map(HTMLScanner.lowercased), as: UTF8.self)
      let new = HTMLScanner.lowercasedName(bytes, range)
      #expect(new == old && new.utf8.elementsEqual(old.utf8), "\(bytes) \(range)")
    }
    let names = HTMLScanner.rawTextElements.flatMap { [$0, $0.uppercased(), $0 + "s", String($0.dropLast()), "x" + $0] }
      + ["td", "tr", "table", "th", "tbody", "t", "", "scripts", "styl", "p", "br", "span", "div", "template\u{301}"]
    for name in names {
      let lowered = HTMLScanner.lowercasedName(Array(name.utf8), 0..<name.utf8.count)
      #expect(HTMLScanner.isRawTextElement(lowered) == HTMLScanner.rawTextElements.contains(lowered), "\(name)")
      #expect(HTMLScanner.isRawTextElement(name) == HTMLScanner.rawTextElements.contains(name), "\(name)")
    }
  }

  /// Text runs end where the old byte loop ended them: at the first `<` after their first
  /// byte that starts markup, or at the end; over random texts of `<` before letters,
  /// slashes, `!`, digits and CJK, tags and comments among them.
  @Test func htmlTextRunsEndAtMarkup() {
    let pieces = ["<", "a", "/", "!", "7", "中", " ", ">", "<td>", "</tr>", "<!-- x -->", "<script>a<b</script>", "<<", "\"", "=", "\n"]
      .map { Array($0.utf8) }
    var random = SeededSequence(seed: 0x6A09_E667_F3BC_C908)
    func next(_ bound: Int) -> Int { random.next(bound) }
    for _ in 0..<20_000 {
      let bytes = (0..<next(30)).flatMap { _ in pieces[next(pieces.count)] }
      var scanner = HTMLScanner(bytes: bytes)
      var events = 0
      while let event = scanner.next(), events < 1000 {
        events += 1
        guard case .text(let range) = event else { continue }
        let end = (range.lowerBound + 1..<bytes.count).first { bytes[$0] == 0x3C && HTMLScanner.startsMarkup(bytes, at: $0) }
        #expect(range.upperBound == (end ?? bytes.count), "\(bytes) \(range)")
      }
      #expect(events < 1000, "\(bytes)")
    }
  }

  /// A cell gives back the span it was given and set to, whatever its fields (negative,
  /// past Int32, which the span clamps), and a length changed in place.
  @Test func cellSpansRoundTrip() {
    let values = [0, 1, -1, 2, 255, 256, 65_535, 65_536, 1 << 30, Int(Int32.max), Int(Int32.min), Int.max, Int.min, -70_000]
    for line in values {
      for column in values {
        let span = SourceSpan(line: line, column: column, offset: column &* 3, length: line / 2)
        var cell = Cell(text: "中a", span: span, column: 3, start: 7)
        #expect(cell.span == span && cell.span.line == span.line && cell.span.column == span.column)
        #expect(cell.span.offset == span.offset && cell.span.length == span.length)
        let other = SourceSpan(line: column, column: line, offset: line, length: column)
        cell.span = other
        #expect(cell.span == other && cell.column == 3 && cell.start == 7 && cell.text == "中a")
        cell.span.length += 1
        #expect(cell.span.length == SourceSpan(line: 0, column: 0, offset: 0, length: other.length + 1).length)
        #expect(cell.span.line == other.line && cell.span.column == other.column && cell.span.offset == other.offset)
      }
    }
  }

  /// Each of a row's four flags is set and cleared alone; setting the separator flag forgets
  /// the row's kind, as its `didSet` did.
  @Test func rowFlagsAreIndependent() {
    let flags: [WritableKeyPath<Row, Bool>] = [\.isExplicitStart, \.followsPageBreak, \.isSeparator, \.startsAfterTable]
    for mask in 0..<16 {
      var row = Row(cells: [], lineIndex: 4)
      for (bit, flag) in flags.enumerated() where mask & (1 << bit) != 0 { row[keyPath: flag] = true }
      for (bit, flag) in flags.enumerated() { #expect(row[keyPath: flag] == (mask & (1 << bit) != 0), "\(mask) \(bit)") }
      for (bit, flag) in flags.enumerated() {
        var changed = row
        changed[keyPath: flag].toggle()
        for (other, otherFlag) in flags.enumerated() {
          let expected = (mask & (1 << other) != 0) != (other == bit)
          #expect(changed[keyPath: otherFlag] == expected, "\(mask) \(bit) \(other)")
        }
      }
      #expect(row.lineIndex == 4)
    }
    var row = Row(cells: [], lineIndex: 0)
    row.kind = .content
    row.followsPageBreak = true
    #expect(row.kind == .content)
    row.isSeparator = false
    #expect(row.kind == nil)
  }
}
