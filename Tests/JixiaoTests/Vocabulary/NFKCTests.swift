import Testing

@testable import Jixiao

/// NFKC skips ICU for text it can read by itself (`NFKCCheck.mayChange`, full-width ASCII
/// narrowed in place); both must agree with ICU, character by character and in context.
@Suite struct NFKCTests {
  /// Every BMP scalar up to U+FFFF that is not a surrogate.
  static let scalars: [Unicode.Scalar] = (0x80...0xFFFF).compactMap(Unicode.Scalar.init)

  @Test func everyCharacterAgreesWithICU() {
    var skipped = 0
    for scalar in Self.scalars {
      let text = String(scalar)
      let expected = ICU.nfkcByICU(text)
      #expect(ICU.nfkc(text) == expected, "U+\(String(scalar.value, radix: 16, uppercase: true))")
      if !NFKCCheck.mayChange(text) {
        skipped += 1
        #expect(expected == text, "U+\(String(scalar.value, radix: 16, uppercase: true)) is said to need no mapping")
      }
    }
    // The ideographs alone are 20,992.
    #expect(skipped > 20_000)
  }

  @Test func inContext() {
    let pieces = ["（", "３", "．", "％", "\u{3000}", "绩", "\u{4000}", "\u{9FFF}", "a", "\u{301}", "\u{3099}", "ｶ", "ﾞ", "、", "ア", "㈱", "Ａ", "5", "\u{302C}", "\u{302A}", "〶", "ヿ"]
    for text in Arrangements.of(pieces, upTo: 3) {
      #expect(ICU.nfkc(text) == ICU.nfkcByICU(text), "\(Array(text.unicodeScalars))")
    }
    #expect(ICU.nfkc("＞３．００（人）") == ">3.00(人)")
    #expect(ICU.narrowedFullWidth("＞３．００（人）") == ">3.00(人)")
    #expect(ICU.narrowedFullWidth("ｶﾞ") == nil)
  }

  /// The readers copy or skip U+4000–U+9FFF without decoding it (`isPlain`, `mayChange`,
  /// `narrowedFullWidth`): it must all be inert.
  @Test func theIdeographBlocksAreInert() {
    NFKCCheck.withInertTable { inert in
      #expect((0x4000...0x9FFF).allSatisfy { NFKCCheck.isInert(UInt32($0), inert) })
    }
  }
}
