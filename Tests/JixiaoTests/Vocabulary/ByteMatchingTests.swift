import Testing

@testable import Jixiao

/// The byte-level string helpers must agree with the `String` operations they replace on
/// hot paths, including on the text where the two could differ: CR LF, combining marks,
/// joiners, emoji, half-width sound marks.
@Suite struct ByteMatchingTests {
  static let pieces: [String] = [
    "", "\n", "\r\n", "\r", "a", "9", "绩效", "（", "≥", "％", "，", " ", "\t", "e\u{301}", "\u{301}", "1\u{20E3}",
    "👍🏽", "\u{200D}", "ｶﾞ", "ﾞ", "〪", "Ａ", "\u{3000}", "…", "—", "\u{FEFF}", "é", "한", "ᄀ", "\u{1160}",
  ]

  /// Every string of up to three pieces, and some longer ones.
  static var samples: [String] {
    var samples = pieces
    for first in pieces {
      for second in pieces {
        samples.append(first + second)
        for third in ["\n", "\r\n", "绩", "\u{301}", "9"] { samples.append(first + second + third) }
      }
    }
    samples.append(String(repeating: "产出指标\n\r\n质量指标\n\n", count: 20))
    return samples
  }

  /// The byte search finds candidates by the pattern's last byte: it must find what a
  /// search from every offset finds, in texts and patterns that overlap, repeat and share
  /// bytes (the lead bytes of 扣 and 分, the continuation bytes of many ideographs).
  @Test func byteSearchFindsTheFirstOccurrence() {
    func naive(_ text: [UInt8], _ pattern: [UInt8], from start: Int) -> Int? {
      guard !pattern.isEmpty else { return start }
      guard text.count >= pattern.count, start <= text.count - pattern.count else { return nil }
      for index in start...(text.count - pattern.count) where Array(text[index..<(index + pattern.count)]) == pattern {
        return index
      }
      return nil
    }
    let pieces = ["扣", "分", "得", "a", "aa", "分分", "\n", "…", "9"]
    let texts = Arrangements.of(pieces, upTo: 4).map { Array($0.utf8) }
    let patterns = ([""] + Arrangements.of(pieces, upTo: 2)).map { Array($0.utf8) }
    var found = 0
    for text in texts.prefix(3000) {
      for pattern in patterns {
        for start in [0, 1, 3, text.count] {
          let expected = naive(text, pattern, from: start)
          let actual = text.withUnsafeBufferPointer { buffer in
            pattern.withUnsafeBufferPointer { buffer.firstIndex(of: $0, from: start) }
          }
          #expect(actual == expected, "\(text) \(pattern) \(start)")
          if expected != nil { found += 1 }
        }
      }
    }
    #expect(found > 10_000)
  }

  @Test func characterCountIsCount() {
    for text in Self.samples {
      #expect(text.characterCount == text.count, "\(Array(text.unicodeScalars))")
    }
  }

  @Test func lineSlicesAreSplitAtNewlines() {
    for text in Self.samples {
      #expect(text.lineSlices() == text.split(separator: "\n"), "\(Array(text.unicodeScalars))")
      #expect(
        text.lineSlices(omittingEmpty: false) == text.split(separator: "\n", omittingEmptySubsequences: false),
        "\(Array(text.unicodeScalars))")
    }
  }

  @Test func equalsBytesIsEqualityOfNormalisedKeys() {
    for text in Self.samples {
      #expect(text.equalsBytes(text))
      #expect(!text.equalsBytes(text + "x"))
    }
    // Canonically equivalent but not the same bytes: keys are NFKC, so byte equality is
    // what the vocabulary wants, and the two differ only here.
    #expect("e\u{301}" == "é")
    #expect(!"e\u{301}".equalsBytes("é"))
  }

  /// `Blank.isWhitespace` lists the property's characters; it must be the property, for every
  /// scalar there is.
  @Test func whitespaceIsTheUnicodeProperty() {
    var count = 0
    for value in UInt32(0)...0x10FFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      #expect(Blank.isWhitespace(scalar) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
      if Blank.isWhitespace(scalar) { count += 1 }
    }
    #expect(count == 25)
  }

  /// `String(scalars:)` encodes scalars of every UTF-8 length as the scalar view does.
  @Test func stringFromScalars() {
    for text in Self.samples + ["", "a", "é", "绩效", "👍🏽", "\u{10FFFF}\u{80}\u{7FF}\u{800}\u{FFFF}\u{10000}"] {
      let scalars = Array(text.unicodeScalars)
      #expect(String(scalars: scalars).utf8.elementsEqual(text.utf8))
      #expect(String(scalars: scalars.dropFirst()) == String(String.UnicodeScalarView(scalars.dropFirst())))
      #expect(String(scalars: text.unicodeScalars.lazy.filter { $0.value > 0x7F }).utf8.elementsEqual(
        String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value > 0x7F })).utf8))
    }
  }
}
