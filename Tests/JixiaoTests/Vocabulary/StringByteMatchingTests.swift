import Testing

@testable import Jixiao

/// The `String` overloads of the byte tests (`equalsBytes`, `hasPrefixBytes`, `hasSuffixBytes`,
/// `containsBytes`) answer as the generic `StringProtocol` ones they shadow, and both as the
/// same tests on byte arrays: over every cell of the corpus paired with its own pieces and
/// with other cells, and over generated text with combining marks and full-width forms.
@Suite struct StringByteMatchingTests {
  /// The four answers through the generic path: in a generic function the calls bind to the
  /// `StringProtocol` extension, whatever the type it is specialised for.
  static func generic<Text: StringProtocol>(_ text: Text, _ other: String) -> [Bool] {
    [text.equalsBytes(other), text.hasPrefixBytes(other), text.hasSuffixBytes(other), text.containsBytes(other)]
  }

  static func overloads(_ text: String, _ other: String) -> [Bool] {
    [text.equalsBytes(other), text.hasPrefixBytes(other), text.hasSuffixBytes(other), text.containsBytes(other)]
  }

  static func onArrays(_ text: String, _ other: String) -> [Bool] {
    let text = Array(text.utf8)
    let other = Array(other.utf8)
    let contains =
      other.isEmpty
      || (other.count <= text.count
        && (0...(text.count - other.count)).contains { Array(text[$0..<($0 + other.count)]) == other })
    return [
      text == other, text.starts(with: other), text.reversed().starts(with: other.reversed()), contains,
    ]
  }

  static func expectSame(_ text: String, _ other: String, _ origin: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let answers = overloads(text, other)
    #expect(
      answers == generic(text, other) && answers == onArrays(text, other),
      "\(origin): \(Array(text.unicodeScalars)) \(Array(other.unicodeScalars))", sourceLocation: sourceLocation)
  }

  /// Pieces where byte tests and `String`'s own differ (combining marks, canonically
  /// equivalent spellings, full-width and half-width forms), and texts long enough to be
  /// stored out of line.
  static let pieces = [
    "", "成本", "指标", "a", "A", "Ａ", "é", "e", "\u{301}", "e\u{301}", "％", "%", "１", "1", "（", "(", "ｶﾞ", "ﾞ",
    "\r\n", "👍🏽", "经济成本指标0123456789",
  ]

  @Test func generatedTexts() {
    let texts = Arrangements.of(Self.pieces, upTo: 2)
    var random = SeededSequence(seed: 20)
    var contained = 0
    for text in texts {
      Self.expectSame(text, text, "itself")
      // The same bytes in storage of their own, small and large alike.
      Self.expectSame(text, String(decoding: Array(text.utf8), as: UTF8.self), "copy")
      let scalars = Array(text.unicodeScalars)
      for cut in 0...scalars.count {
        Self.expectSame(text, String(String.UnicodeScalarView(scalars[..<cut])), "head")
        Self.expectSame(text, String(String.UnicodeScalarView(scalars[cut...])), "tail")
      }
      for _ in 0..<24 {
        let other = texts[random.next(texts.count)]
        Self.expectSame(text, other, "arrangement")
        Self.expectSame(other + text + other, text, "inside")
        if text.containsBytes(other) { contained += 1 }
      }
    }
    #expect(contained > 200)
  }

  /// Every cell of the corpus documents, with its halves, a middle piece, and other cells.
  @Test(arguments: CorpusTests.documents)
  func corpusCells(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    let (text, _) = try SourceDecoder.decode(bytes, path: relativePath)
    let cells = Tokenizer.tokenize(text).rows.flatMap { $0.cells.map(\.text) }
    var random = SeededSequence(seed: UInt64(relativePath.utf8.count))
    for cell in cells {
      let scalars = Array(cell.unicodeScalars)
      let half = scalars.count / 2
      Self.expectSame(cell, cell, "itself")
      Self.expectSame(cell, String(String.UnicodeScalarView(scalars[..<half])), "head")
      Self.expectSame(cell, String(String.UnicodeScalarView(scalars[half...])), "tail")
      Self.expectSame(cell, String(String.UnicodeScalarView(scalars[(half / 2)..<half])), "middle")
      Self.expectSame(cell, cells[random.next(cells.count)], "other cell")
    }
  }

  /// `containsASCIIDigit` and `containsByte` answer as a walk over the bytes: a digit or a
  /// line feed at every position of texts both sides of a word's eight bytes, among bytes
  /// that differ from a digit in one bit (`/`, `:`, `p`, `y`, `°`), and in every corpus cell.
  @Test func digitAndByteTests() throws {
    let fillers = ["", "a", "成", "/", ":", "p", "y", "°", "１", "经济成本指标"]
    var checked = 0
    for filler in fillers {
      for length in 0...20 {
        let plain = String(repeating: filler, count: length)
        #expect(!plain.containsASCIIDigit(), "\(plain)")
        #expect(!plain.containsByte(0x0A))
        let count = plain.unicodeScalars.count
        for position in 0...count {
          let scalars = Array(plain.unicodeScalars)
          for (inserted, digit) in [("0", true), ("9", true), ("\n", false)] {
            let text = String(String.UnicodeScalarView(scalars[..<position])) + inserted
              + String(String.UnicodeScalarView(scalars[position...]))
            #expect(text.containsASCIIDigit() == digit, "\(text)")
            #expect(text.containsByte(0x0A) == !digit, "\(text)")
            #expect(text[...].containsASCIIDigit() == digit, "\(text) as a substring")
            checked += 1
          }
        }
      }
    }
    #expect(checked > 1000)
    for relativePath in CorpusTests.documents {
      let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
      let (text, _) = try SourceDecoder.decode(bytes, path: relativePath)
      for cell in Tokenizer.tokenize(text).rows.flatMap({ $0.cells.map(\.text) }) {
        #expect(cell.containsASCIIDigit() == cell.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }, "\(relativePath): \(cell)")
        #expect(cell.containsByte(0x0A) == cell.utf8.contains(0x0A), "\(relativePath): \(cell)")
      }
    }
  }
}
