import Testing

@testable import Jixiao

/// Form labels lose their numbering (`一、`, `1.`, `(二)`) by bytes; the result must be the
/// reading by scalars it replaced, on every arrangement of numerals, brackets and marks.
@Suite struct NumberingTests {
  /// The scalar-level reading, kept as the reference.
  static func stripNumberingByScalars(_ key: String) -> String {
    func mayStart(_ scalar: Unicode.Scalar) -> Bool {
      switch scalar.value {
      case 0x28, 0x30...0x39, 0x4E00, 0x4E8C, 0x4E09, 0x56DB, 0x4E94, 0x516D, 0x4E03, 0x516B, 0x4E5D, 0x5341: true
      default: false
      }
    }
    func isNumeral(_ scalar: Unicode.Scalar) -> Bool { scalar != "(" && mayStart(scalar) }
    let scalars = key.unicodeScalars
    guard let first = scalars.first, mayStart(first) else { return key }
    var rest = scalars[...]
    if first == "(", let close = scalars.firstIndex(of: ")"),
      scalars[scalars.index(after: scalars.startIndex)..<close].allSatisfy(isNumeral)
    {
      rest = scalars[scalars.index(after: close)...]
    } else {
      var index = scalars.startIndex
      while index < scalars.endIndex, isNumeral(scalars[index]) { index = scalars.index(after: index) }
      if index > scalars.startIndex, index < scalars.endIndex, ["、", ".", ",", ")"].contains(scalars[index]) {
        rest = scalars[scalars.index(after: index)...]
      }
    }
    return rest.startIndex == scalars.startIndex ? key : String(String.UnicodeScalarView(rest))
  }

  @Test func agreesWithTheScalarReading() {
    let pieces = ["(", ")", "1", "十", "四", "、", ".", ",", "资金", "\u{301}", "（", "a"]
    let stripped = Arrangements.expectSameReading(
      pieces, upTo: 5, FormVocabulary.stripNumbering, as: Self.stripNumberingByScalars)
    #expect(stripped > 10_000)
    #expect(FormVocabulary.stripNumbering("一、预算资金") == "预算资金")
    #expect(FormVocabulary.stripNumbering("(二)绩效目标") == "绩效目标")
    #expect(FormVocabulary.stripNumbering("2024年") == "2024年")
  }
}

/// Level names numbered as an outline (`一、产出指标`, `1.1数量指标`, `(2)质量指标`) name their
/// level: the numbers went into the name, an unknown level (JX504). (Keys come normalised:
/// `（一）` is `(一)` here.)
@Suite struct LevelNumberingTests {
  @Test func numberedNamesNameTheirLevel() {
    for name in ["一、产出指标", "1.产出指标", "(一)产出指标", "1、产出", "2)产出指标", "十、产出指标"] {
      #expect(LevelVocabulary.level1(name) == .output, "\(name)")
    }
    for name in ["1.1数量指标", "(一)数量指标", "(2)数量", "二、数量指标", "1.1.时效指标", "3 时效性指标"] {
      #expect(LevelVocabulary.level2(name) != nil, "\(name)")
    }
    #expect(LevelVocabulary.levels("1.2质量指标") == (nil, .quality))
    // A numeral that is part of a word, or a number with nothing after it, is no outline number.
    for name in ["一级指标", "三产出指标", "1产出指标", "一、", "(一)", "1.1", "(1数量指标"] {
      #expect(LevelVocabulary.level1(name) == nil && LevelVocabulary.level2(name) == nil, "\(name)")
    }
  }

  @Test func outlineNumberLengths() {
    let cases: [(String, Int)] = [
      ("一、产出", 6), ("(一)产出", 5), ("1.产出", 2), ("1.1数量", 3), ("1.1.数量", 4), ("12)质量", 3), ("(12)质量", 4),
      ("一级指标", 0), ("1产出", 0), ("产出", 0), ("(a)产出", 0), ("1.", 0),
    ]
    for (key, length) in cases {
      #expect(key.withUTF8Bytes(LevelVocabulary.outlineNumberLength) == length, "\(key)")
    }
  }
}
