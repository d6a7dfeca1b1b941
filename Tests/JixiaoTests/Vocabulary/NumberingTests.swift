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
