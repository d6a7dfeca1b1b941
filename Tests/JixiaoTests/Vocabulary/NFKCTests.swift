import CICU
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

  /// Scalars that stand alone (`≥`, `ā`) are copied without ICU: each, in the blocks where
  /// that is asked, must agree with ICU before and after whatever may combine with it.
  @Test func standingAloneAgreesWithICUInContext() {
    var copied = 0
    for value in Array(0x80..<0x250) + Array(0x2000..<0x2C00) {
      guard let scalar = Unicode.Scalar(UInt32(value)) else { continue }
      let alone = String(scalar)
      if ICU.narrowedFullWidth(alone) != nil && !NFKCCheck.withInertTable({ NFKCCheck.isInert(UInt32(value), $0) }) { copied += 1 }
      for text in [
        alone, alone + "\u{338}", alone + "\u{301}", alone + "\u{304}", alone + "\u{3099}", "a" + alone, "=" + alone, "<" + alone,
        "\u{338}" + alone, alone + "绩", "（" + alone + "）", alone + alone, "e" + alone + "\u{301}",
      ] {
        #expect(Array(ICU.nfkc(text).utf8) == Array(ICU.nfkcByICU(text).utf8), "U+\(String(value, radix: 16, uppercase: true)) in \(Array(text.unicodeScalars))")
      }
    }
    // ≥, ≤ and the toned vowels at least.
    #expect(copied > 50)
    #expect(ICU.narrowedFullWidth("≥95％") == "≥95%")
  }

  /// The table is made from ICU's set of inert code points a range at a time: it must say
  /// what ICU says of each scalar of the plane.
  @Test func theInertTableIsICUsAnswerForEachScalar() {
    NFKCCheck.withInertTable { inert in
      #expect(inert.count == 1024)
      var differing: [UInt32] = []
      for value in UInt32(0)...0xFFFF where NFKCCheck.isInert(value, inert) != (jx_nfkc_is_inert(value) != 0) {
        differing.append(value)
      }
      #expect(differing.isEmpty, "\(differing.prefix(10).map { String($0, radix: 16) })")
    }
  }

  /// The readers copy or skip U+4000–U+9FFF without decoding it (`isPlain`, `mayChange`,
  /// `narrowedFullWidth`): it must all be inert.
  @Test func theIdeographBlocksAreInert() {
    NFKCCheck.withInertTable { inert in
      #expect((0x4000...0x9FFF).allSatisfy { NFKCCheck.isInert(UInt32($0), inert) })
    }
  }
}
