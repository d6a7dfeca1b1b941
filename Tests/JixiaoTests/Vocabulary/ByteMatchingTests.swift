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
