import Testing

@testable import Jixiao

/// The cell builder reads a cell's bytes once (`CellBytes`: ASCII, plain key, scalar count)
/// and makes its string without validating the decoded text again (`ValidUTF8`). Every cell
/// it makes must be the one the old builder made: `String(decoding:as:)`, the span from
/// scratch, the key found by `Cell.init`.
@Suite struct CellBuilderFastPathTests {
  /// The old `CellBuilder.cell`.
  static func oldCell(_ text: SourceText, lineIndex: Int, range: Range<Int>, column: Int, isTraditional: Bool) -> Cell {
    let trimmed = Blank.trim(text.utf8, range)
    let string = String(decoding: text.utf8[trimmed], as: UTF8.self)
    let span = text.span(lineIndex: lineIndex, byteRange: trimmed)
    return Cell(text: string, span: span, column: column, start: trimmed.lowerBound, isTraditional: isTraditional)
  }

  /// Feeds `ranges` in order through one builder (its span cursor carries columns along a
  /// line), in simplified and in traditional script, each cell against the old one.
  static func expectSameCells(_ text: SourceText, _ ranges: [(line: Int, range: Range<Int>)], _ what: String) {
    for isTraditional in [false, true] {
      var builder = CellBuilder(text: text)
      builder.isTraditional = isTraditional
      for (column, (line, range)) in ranges.enumerated() {
        let new = builder.cell(lineIndex: line, range: range, column: column)
        let old = oldCell(text, lineIndex: line, range: range, column: column, isTraditional: isTraditional)
        #expect(
          new == old && new.text.utf8.elementsEqual(old.text.utf8) && new.key.utf8.elementsEqual(old.key.utf8),
          "\(what): line \(line) \(range) \(isTraditional)")
      }
    }
  }

  /// What `CellBytes` must say of `bytes[range]`, from the functions it stands in for.
  static func expectSameReading(_ text: SourceText, _ range: Range<Int>, _ what: String) {
    let bytes = text.utf8
    let reading = bytes.withUnsafeBufferPointer { CellBytes($0, range) }
    let string = String(decoding: bytes[range], as: UTF8.self)
    #expect(reading.isASCII == !bytes[range].contains { $0 >= 0x80 }, "\(what) \(range) ASCII")
    #expect(reading.isPlain == (!string.isEmpty && TextKey.isPlain(string)) || range.isEmpty, "\(what) \(range) plain")
    if bytes[range].contains(0x0D) {
      #expect(reading.scalarCount == nil, "\(what) \(range) CR")
    } else {
      #expect(reading.scalarCount == SourceText.scalarCount(bytes, range), "\(what) \(range) count")
    }
  }

  /// `ValidUTF8.string` of `bytes[range]` is `String(decoding:as:)`'s, byte for byte,
  /// whether or not the range starts and ends at scalar boundaries.
  static func expectSameString(_ bytes: [UInt8], _ range: Range<Int>, _ what: String) {
    let old = String(decoding: bytes[range], as: UTF8.self)
    let found = bytes.withUnsafeBufferPointer { ValidUTF8.string($0, range) }
    let told = bytes.withUnsafeBufferPointer { buffer in
      ValidUTF8.string(buffer, range, isASCII: !buffer[range].contains { $0 >= 0x80 })
    }
    #expect(found.utf8.elementsEqual(old.utf8) && told.utf8.elementsEqual(old.utf8), "\(what) \(range)")
    #expect(found == old && found.unicodeScalars.count == old.unicodeScalars.count, "\(what) \(range) scalars")
  }

  /// Pieces that cells are cut from: multi-byte and four-byte scalars, line ends of every
  /// kind, blanks the trimming drops (NBSP, ideographic space, BOM, typographic spaces),
  /// full-width forms the key narrows, traditional script, combining marks, stars, colons,
  /// tags, pinyin, and invalid bytes the decoder repairs.
  static let pieces: [[UInt8]] =
    [
      "a", "中", "\n", "\r", "\r\n", "\t", " ", "|", ",", "é", "e\u{301}", "9", "😀", "\u{A0}", "\u{3000}", "\u{FEFF}",
      "\u{2003}", "\u{200B}", "（万元）", "：", ":", "*", "★", "<b>", "</td>", "(", "(qū)", "績效目標", "绩效目标",
      "≥95％", "ＡＢＣ１２３", "､", "ｶ", "①", "\u{7F}", "\u{0B}", "\u{0C}", "区(qū)價(jià)", "、", "“", "”",
      String(repeating: "x", count: 70), String(repeating: "数", count: 30),
    ]
    .map { Array($0.utf8) } + [[0xFF], [0xE4, 0xB8], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80]]

  /// Texts of 1 to 40 pieces, some with a byte-order mark, the same every run.
  static let texts: [SourceText] = {
    var random = SeededSequence(seed: 0x9E37_79B9_7F4A_7C15)
    func next(_ bound: Int) -> Int { random.next(bound) }
    return (0..<800).compactMap { index in
      var bytes = (0..<(1 + next(40))).flatMap { _ in pieces[next(pieces.count)] }
      if index % 7 == 0 { bytes = [0xEF, 0xBB, 0xBF] + bytes }
      return try? SourceDecoder.decode(bytes, path: "t.txt").0
    }
  }()

  /// Ranges left to right along each line between scalar boundaries, now and then one that
  /// jumps back or reaches into the next line; and every byte range of short texts, on
  /// boundaries or not, for the strings.
  @Test func adversarialTexts() {
    var random = SeededSequence(seed: 0x2545_F491_4F6C_DD1D)
    func next(_ bound: Int) -> Int { random.next(bound) }
    for (number, text) in Self.texts.enumerated() {
      let bytes = text.utf8
      var ranges: [(line: Int, range: Range<Int>)] = []
      for index in text.lines.indices {
        let line = text.lines[index]
        let reach = index + 1 < text.lines.count ? text.lines[index + 1].end : line.end
        let cuts = (line.start...reach).filter { $0 == bytes.count || bytes[$0] & 0xC0 != 0x80 }
        var position = 0
        while position < cuts.count {
          let lower = next(4) == 0 ? next(cuts.count) : position
          let upper = min(lower + next(6), cuts.count - 1)
          let bound = cuts[upper] <= line.end || next(3) == 0 ? cuts[upper] : min(cuts[upper], line.end)
          ranges.append((index, cuts[lower]..<max(bound, cuts[lower])))
          position = max(position, upper) + 1
        }
        ranges.append((index, line.start..<line.end))
      }
      Self.expectSameCells(text, ranges, "text \(number)")
      for (_, range) in ranges { Self.expectSameReading(text, range, "text \(number)") }
      let limit = min(bytes.count, 48)
      for lower in 0...limit {
        for upper in lower...limit { Self.expectSameString(bytes, lower..<upper, "text \(number)") }
      }
    }
  }

  /// The old `TextKey.isPlain`, which turned down every bracket and every scalar but ASCII
  /// and ideographs.
  static func oldIsPlain(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    guard let first = bytes.first, let last = bytes.last, first != 0x2A, last != 0x3A else { return false }
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        guard byte > 0x20 && byte < 0x7F && byte != 0x3C && byte != 0x28 else { return false }
        index += 1
        continue
      }
      guard byte >= 0xE4 && byte <= 0xE9 && index + 2 < bytes.count else { return false }
      index += 3
    }
    return true
  }

  /// A plain text is its own key through every stage (NFKC by ICU, pinyin, blanks, tags,
  /// stars, colons), and what the old test called plain still is.
  static func expectPlainIsOwnKey(_ text: String, _ what: String) {
    let plain = TextKey.isPlain(text)
    if plain {
      #expect(TextKey.keyThroughStages(text, simplify: false) == nil, "\(what): \(text)")
      #expect(TextKey.keyIfDifferentByStages(text, simplify: false) == nil, "\(what): \(text)")
    }
    if oldIsPlain(text) { #expect(plain, "\(what): \(text)") }
  }

  /// Brackets before and after ideographs, letters and marks, and the marks themselves.
  @Test func plainBracketsAndMarks() {
    let parts = [
      "中", "(", ")", "a", "qū", "1", "、", "。", "《", "》", "「", "」", "【", "】", "“", "”", "Z", "（", "：", ":", "*", " ",
      "≥", "≤", "≧", "—", "〔", "〕", "\u{338}", "\u{301}", "≦", "–", "〖",
    ]
    var random = SeededSequence(seed: 0x1234_5678_9ABC_DEF1)
    func next(_ bound: Int) -> Int { random.next(bound) }
    for _ in 0..<20_000 {
      let text = (0..<(1 + next(8))).map { _ in parts[next(parts.count)] }.joined()
      Self.expectPlainIsOwnKey(text, "parts")
      let bytes = Array(text.utf8)
      let reading = bytes.withUnsafeBufferPointer { CellBytes($0, 0..<bytes.count) }
      #expect(reading.isPlain == TextKey.isPlain(text), "\(text)")
    }
    for text in ["中(qu)", "中(1)", "(a)", "a(b", "中(", "(", "、(a", "《中(zhong)》", "区(qū)", "中((a", "中 (a"] {
      Self.expectPlainIsOwnKey(text, "listed")
    }
    #expect(!TextKey.isPlain("中(qu)") && TextKey.isPlain("中(1)") && TextKey.isPlain("(a)") && TextKey.isPlain("《绩效》。"))
    #expect(TextKey.isPlain("≥95%") && TextKey.isPlain("〔2023〕—") && !TextKey.isPlain("≥\u{338}95%"))
  }

  /// Every plain mark NFKC leaves alone in any text: inert or standing alone (ICU's answers,
  /// in the table `narrowedKey` reads), and its own NFKC after and before each part.
  @Test func plainMarksStandAlone() {
    let marks = "、。《》「」【】〔〕“”—≤≥≧"
    for mark in marks.unicodeScalars {
      let bytes = Array(String(mark).utf8)
      #expect(bytes.count == 3 && TextKey.isPlainMark(bytes[0], bytes[1], bytes[2]), "\(mark)")
      #expect(NFKCCheck.withNarrowableTable { NFKCCheck.isInert(mark.value, $0) }, "\(mark)")
      for other in ["中", "a", "(", "≥", "\u{301}", "\u{338}", "（", "ā"] {
        for text in [String(mark) + other, other + String(mark)] {
          #expect(!TextKey.isPlain(text) || ICU.nfkcByICU(text).utf8.elementsEqual(text.utf8), "\(text)")
        }
      }
    }
    // No other three-byte scalar of the punctuation, symbol and CJK punctuation blocks is one.
    for value in UInt32(0x2000)..<0x3100 {
      guard let scalar = Unicode.Scalar(value), !marks.unicodeScalars.contains(scalar) else { continue }
      let bytes = Array(String(scalar).utf8)
      #expect(!TextKey.isPlainMark(bytes[0], bytes[1], bytes[2]), "\(value)")
    }
  }

  /// The old `Separators.isRule`, on the scalar view.
  static func oldIsRule(_ text: String) -> Bool {
    var dashes = 0
    for scalar in text.unicodeScalars {
      switch scalar {
      case "-", "=", "—", "─", "━": dashes += 1
      case ":", "+", " ", "|": continue
      default: return false
      }
    }
    return dashes >= 2
  }

  /// Rules and near-rules of every dash, filler and look-alike (`–`, `━` cut short, `═`).
  @Test func rules() {
    let parts = ["-", "=", "—", "─", "━", ":", "+", " ", "|", "–", "═", "a", "中", "\u{2014}\u{301}", "\t", "*"]
    var random = SeededSequence(seed: 0x0F1E_2D3C_4B5A_6978)
    func next(_ bound: Int) -> Int { random.next(bound) }
    for _ in 0..<20_000 {
      let text = (0..<next(9)).map { _ in parts[next(parts.count)] }.joined()
      #expect(Separators.isRule(text) == Self.oldIsRule(text), "\(text)")
    }
    for bytes: [UInt8] in [[0xE2], [0xE2, 0x80], [0x2D, 0x2D, 0xE2, 0x80], [0x2D, 0xE2, 0x94, 0x80]] {
      let text = String(decoding: bytes, as: UTF8.self)
      #expect(Separators.isRule(text) == Self.oldIsRule(text), "\(bytes)")
    }
  }

  /// Every line of every corpus document cut at tabs, pipes, commas and blanks, whole and
  /// trimmed; and every cell the tokenizers make of it in every dialect.
  @Test(arguments: CorpusTests.documents)
  func corpusCells(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    let (text, _) = try SourceDecoder.decode(bytes, path: relativePath)
    var ranges: [(line: Int, range: Range<Int>)] = []
    for index in text.lines.indices {
      let line = text.lines[index]
      for separator: UInt8 in [0x09, 0x7C, 0x2C, 0x20] {
        var start = line.start
        for position in line.start..<line.end where text.utf8[position] == separator {
          ranges.append((index, start..<position))
          start = position + 1
        }
        ranges.append((index, start..<line.end))
      }
      ranges.append((index, line.start..<line.end))
    }
    Self.expectSameCells(text, ranges, relativePath)
    for (_, range) in ranges { Self.expectSameReading(text, range, relativePath) }
    for dialect in Dialect.allCases {
      for row in Tokenizer.tokenize(text, dialect: dialect).rows {
        for cell in row.cells {
          let line = cell.span.line - 1
          let range = cell.start..<(cell.start + cell.text.utf8.count)
          guard line >= 0, line < text.lines.count, range.upperBound <= text.utf8.count,
            text.utf8[range].elementsEqual(cell.text.utf8)
          else { continue }
          Self.expectPlainIsOwnKey(cell.text, relativePath)
          #expect(Separators.isRule(cell.text) == Self.oldIsRule(cell.text), "\(relativePath) \(cell.text)")
          let old = Self.oldCell(text, lineIndex: line, range: range, column: cell.column, isTraditional: cell.isTraditional)
          #expect(cell.key.utf8.elementsEqual(old.key.utf8), "\(relativePath) \(dialect) \(cell.text)")
          Self.expectSameString(text.utf8, range, relativePath)
        }
      }
    }
  }
}
