import Testing

@testable import Jixiao

/// `ChineseNumeral.plainValue` replaces ICU's spellout parse for the sections it takes; on
/// every spelling up to its length limit it must read what ICU reads (and ICU must read it).
@Suite struct ChineseNumeralNativeTests {
  /// ICU's reading of a section as `sectionValue` took it before the native reading: an
  /// integer below 10 000, or nil.
  private static func icuValue(_ text: String) -> Int? {
    guard let written = ICU.spelledOutNumber(text), let decimal = ExactDecimal.parse(written),
      let value = ExactDecimal.integer(decimal), value >= 0, value < 10_000
    else { return nil }
    return value
  }

  /// Every arrangement of the plain scalars, 零 and two forms the native reading refuses, up to
  /// the length limit (it takes nothing longer): wherever the native reading answers, ICU
  /// answers the same.
  @Test func plainValueReadsAsICU() {
    let pieces = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "千", "零", "两", "壹"]
    var taken = 0
    for text in Arrangements.of(pieces, upTo: ChineseNumeral.plainLength) {
      let scalars = Array(text.unicodeScalars)
      guard let native = ChineseNumeral.plainValue(scalars[...]) else { continue }
      taken += 1
      #expect(native == Self.icuValue(text), "\(text)")
    }
    // 1 to 9, 十 to 九十九, the hundreds and thousands spelled within the limit.
    #expect(taken > 1_000)
  }

  /// The numbers the native reading exists for are among those it takes.
  @Test func plainValueTakesCommonSections() {
    for (text, value) in [("十五", 15), ("二十", 20), ("九十五", 95), ("一百", 100), ("三百二十", 320), ("一千", 1000)] {
      #expect(ChineseNumeral.plainValue(Array(text.unicodeScalars)[...]) == value, "\(text)")
    }
  }
}
