import Testing

@testable import Jixiao

/// The decoder's scans of a whole file read eight bytes at a time; each must agree with the
/// byte-by-byte loop it replaced (the source keeps those for text with CR; the others are
/// copied here or in `DecodingReferences`), on texts whose breaks, controls and multi-byte
/// characters fall at every offset of a word.
@Suite struct ByteScanTests {
  static let pieces: [[UInt8]] = ["a", "中", "\n", "\r", "\r\n", "\t", " ", "\u{01}", "\u{1F}", "\u{7F}", "\u{3000}", "é", "9"]
    .map { Array($0.utf8) }

  /// Texts of 0 to 60 pieces, the same every run.
  static let texts: [[UInt8]] = {
    var random = SeededSequence(seed: 0x2545_F491_4F6C_DD1D)
    func next(_ bound: Int) -> Int { random.next(bound) }
    return (0..<3000).map { _ in (0..<next(61)).flatMap { _ in pieces[next(pieces.count)] } }
  }()

  /// What the decoder must say of a UTF-8 text without NUL: too many controls, only
  /// blanks, or nothing (the byte-by-byte loop the word scan replaced).
  static func refusalByBytes(_ bytes: [UInt8]) -> InputError? {
    let count = DecodingReferences.controls(bytes)
    let (controls, first, nonBlank, printableASCII) = (count[0], count[1], count[2] == 1, count[3] == 1)
    if controls > max(8, bytes.count / 100) { return .binary(path: "t.txt", what: "control characters", byteOffset: first) }
    let onlyBlank = String(decoding: bytes, as: UTF8.self).unicodeScalars.allSatisfy {
      $0.properties.isWhitespace || $0.value == 0xFEFF
    }
    return !nonBlank || (!printableASCII && onlyBlank) ? .whitespaceOnly(path: "t.txt") : nil
  }

  /// Scalars in every range of the texts, eight bytes at a time against the byte loop kept
  /// for text with CR, on the same texts without CR too.
  @Test func scalarCountsOfRanges() {
    for text in Self.texts.prefix(400) + Self.texts.prefix(400).map({ $0.filter { $0 != 0x0D } }) {
      let cuts = [0] + text.indices.filter { text[$0] & 0xC0 != 0x80 } + [text.count]
      for lower in cuts where lower % 3 == 0 || lower < 12 {
        for upper in cuts where upper >= lower {
          #expect(SourceText.scalarCount(text, lower..<upper) == SourceText.scalarCountWithCR(text, lower..<upper))
        }
      }
    }
  }

  /// The UTF-8 walk checks three-byte ideographs inline; it must report what the general
  /// reading of every sequence reports, valid or not, on random bytes around every lead.
  @Test func utf8WalkAgreesWithTheSequenceReader() {
    var random = SeededSequence(seed: 0x9E37_79B9_7F4A_7C15)
    func next(_ bound: Int) -> Int { random.next(bound) }
    let interesting: [UInt8] = [0x41, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xE4, 0xEC, 0xED, 0xEE, 0xEF,
      0xF0, 0xF4, 0xF5, 0xFF]
    for _ in 0..<5000 {
      let bytes = (0..<next(24)).map { _ in next(3) == 0 ? UInt8(next(256)) : interesting[next(interesting.count)] }
      var walked: [[Int]] = []
      UTF8Scan.walk(bytes) { walked.append([$0, $1, $2 ? 1 : 0]) }
      var expected: [[Int]] = []
      var index = 0
      while index < bytes.count {
        if bytes[index] < 0x80 {
          index += 1
          continue
        }
        let (length, isValid) = UTF8Scan.sequence(bytes, at: index)
        expected.append([index, length, isValid ? 1 : 0])
        index += length
      }
      #expect(walked == expected, "\(bytes)")
    }
  }

  @Test func scalarCountsOfBlocks() throws {
    for text in Self.texts + [Array(String(repeating: "绩效a\u{301}", count: 100).utf8)] {
      let pass = try #require(DecodingPass.scan(text))
      #expect(pass.scalarsBeforeBlock == DecodingReferences.scalarsBeforeBlocks(text))
    }
  }

  @Test func controlsAndBlanks() {
    // Long texts too, where controls fall after the first word of text and ASCII.
    let long = Self.texts.map { Array("2024年绩效".utf8) + $0 + $0 + $0 }
    var refusals = 0
    for text in Self.texts + long where !text.isEmpty {
      let expected = Self.refusalByBytes(text)
      let actual: InputError?
      do {
        _ = try SourceDecoder.decode(text, path: "t.txt")
        actual = nil
      } catch {
        actual = error
      }
      #expect(actual == expected, "\(text)")
      if expected != nil { refusals += 1 }
    }
    #expect(refusals > 100)
  }
}
