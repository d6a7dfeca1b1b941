import FoundationEssentials
import Testing

@testable import Jixiao

/// JX602 finds the full mark of a scoring rule by bytes; it must agree with the reading by
/// scalars it replaced on every arrangement of markers, digits, points and 分.
@Suite struct FullMarkTests {
  /// The scalar-level reading, kept as the reference.
  static func fullMarkByScalars(in text: String) -> (String, Decimal)? {
    let scalars = Array(ICU.nfkc(text).unicodeScalars)
    for marker in ["共计", "满分为", "满分", "总分为", "总分"] {
      let markerScalars = Array(marker.unicodeScalars)
      var index = 0
      while index + markerScalars.count < scalars.count {
        if scalars[index..<(index + markerScalars.count)].elementsEqual(markerScalars) {
          var end = index + markerScalars.count
          var digits = ""
          while end < scalars.count, ("0"..."9").contains(scalars[end]) || scalars[end] == "." {
            digits.unicodeScalars.append(scalars[end])
            end += 1
          }
          if !digits.isEmpty, end < scalars.count, scalars[end] == "分", let value = Decimal(string: digits) {
            return (String(String.UnicodeScalarView(scalars[index...end])), value)
          }
        }
        index += 1
      }
    }
    return nil
  }

  @Test func agreesWithTheScalarReading() {
    let pieces = ["共计", "满分", "总分", "为", "1", "０", ".", "分", "扣", "，"]
    var found = 0
    for text in Arrangements.of(pieces, upTo: 5) {
      let expected = Self.fullMarkByScalars(in: text)
      let actual = ScoringFullMarkDiffersFromWeight.fullMark(in: text)
      #expect(actual?.0 == expected?.0 && actual?.1 == expected?.1, "\(text)")
      if expected != nil { found += 1 }
    }
    #expect(found > 1000)
    #expect(ScoringFullMarkDiffersFromWeight.fullMark(in: "完成得满分，满分１０分")?.1 == 10)
  }

  /// Texts of several phrases: the first marker of the list that has one wins wherever it is.
  @Test func severalPhrasesAsTheScalarReading() {
    let phrases = ["满分5分", "共计8分", "总分为3分", "满分为2分", "总分1.5分", "扣1分", "共计分", "，"]
    var found = 0
    for text in Arrangements.of(phrases, upTo: 3) {
      let expected = Self.fullMarkByScalars(in: text)
      let actual = ScoringFullMarkDiffersFromWeight.fullMark(in: text)
      #expect(actual?.0 == expected?.0 && actual?.1 == expected?.1, "\(text)")
      if expected != nil { found += 1 }
    }
    #expect(found > 200)
  }
}
