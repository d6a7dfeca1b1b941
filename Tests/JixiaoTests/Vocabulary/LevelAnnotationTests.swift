import Testing

@testable import Jixiao

/// Level names lose their score annotations without a copy when nothing is dropped; the
/// result must be the scalar-by-scalar reading it replaced, on every arrangement of brackets,
/// scores, numerals and words.
@Suite struct LevelAnnotationTests {
  /// The reading that rebuilt every annotated key, kept as the reference.
  static func stripAnnotationsByScalars(_ key: String) -> String {
    // Most keys carry no annotation.
    if !key.containsByte(0x28) && !key.hasSuffixBytes("分") && !key.hasSuffixBytes("等") { return key }
    // By scalars, not characters: level names are CJK and ASCII, where the two are the same,
    // and a character walk compares every character by canonical equivalence.
    var result = String.UnicodeScalarView()
    var depth = 0
    var group = String.UnicodeScalarView()
    for scalar in key.unicodeScalars {
      if scalar == "(" {
        depth += 1
        if depth == 1 {
          group = String.UnicodeScalarView()
          continue
        }
      }
      if scalar == ")" && depth > 0 {
        depth -= 1
        if depth == 0 {
          // keep groups that are words (产出(工作量)指标); drop scores
          if !(String(group).containsBytes("分") || group.contains(where: { $0.properties.numericType != nil })) {
            result.append("(")
            result.append(contentsOf: group)
            result.append(")")
          }
          continue
        }
      }
      if depth > 0 { group.append(scalar) } else { result.append(scalar) }
    }
    if depth > 0 {
      result.append("(")
      result.append(contentsOf: group)
    }
    // A trailing score (`50分`, `0-20分`), not bare digits: `数量指标88100` is a level name with
    // cells run into it, not a level name.
    if result.last == "分" {
      var trimmed = result.dropLast()
      while let last = trimmed.last, last.properties.numericType != nil || last == "-" { trimmed.removeLast() }
      if trimmed.count >= 2 { result = String.UnicodeScalarView(trimmed) }
    }
    var stripped = String(result)
    if stripped.hasSuffixBytes("等") { stripped.removeLast() }
    return stripped
  }

  @Test func agreesWithTheRebuildingReading() {
    let pieces = ["(", ")", "分", "1", "一", "产出", "等", "-", "指标", "工作量"]
    let changed = Arrangements.expectSameReading(
      pieces, upTo: 6, LevelVocabulary.stripAnnotations, as: Self.stripAnnotationsByScalars)
    #expect(changed > 100_000)
    #expect(LevelVocabulary.stripAnnotations("产出指标(50分)") == "产出指标")
    #expect(LevelVocabulary.stripAnnotations("产出(工作量)指标") == "产出(工作量)指标")
  }
}
