import FoundationEssentials
import Testing

@testable import Jixiao

/// The validation checks skip texts that cannot hold what they seek by a byte test before
/// ICU, and read NFKC text by bytes where every scalar is a character. These hold each fast
/// reading to the reading it replaced.
@Suite struct TextScanTests {
  /// The characters the byte tests look for, and every scalar that NFKC turns into text with
  /// one of them. The tests are exact only if no other scalar does.
  @Test func nfkcMakesTheSoughtCharactersOnlyFromThemselves() {
    let sought: [Unicode.Scalar] = ["年", "元", "万", "分", "共", "计", "满", "总"]
    let allowedSources: Set<UInt32> = Set(sought.map(\.value)).union([0xF98E])
    var sources: [UInt32] = []
    // Scalars in runs, each followed by NUL: NUL is stable (never composes, never comes from
    // a mapping), so each scalar normalises as it would alone.
    let scalars = (UInt32(0x80)...0x10FFFF).compactMap(Unicode.Scalar.init)
    var start = 0
    while start < scalars.count {
      let run = scalars[start..<min(start + 8192, scalars.count)]
      var text = ""
      for scalar in run {
        text.unicodeScalars.append(scalar)
        text.unicodeScalars.append("\u{0}")
      }
      let pieces = ICU.nfkc(text).split(separator: "\u{0}", omittingEmptySubsequences: false)
      #expect(pieces.count == run.count + 1)
      for (scalar, piece) in zip(run, pieces) where piece.unicodeScalars.contains(where: { sought.contains($0) }) {
        sources.append(scalar.value)
      }
      start += 8192
    }
    #expect(Set(sources) == allowedSources, "\(sources.map { String($0, radix: 16) })")
  }

  static let yearPieces = ["2023", "1989", "2", "0", "年", "\u{F98E}", "２０２３", "\u{301}", "\u{FE0F}", "\u{600}", "x", "\r\n", "₂", "①"]

  @Test func yearsWrittenByBytesAsByCharacters() {
    var found = 0
    for text in Arrangements.of(Self.yearPieces, upTo: 4) {
      let expected = TextNamesAnotherYear.yearsWritten(inCharactersOf: ICU.nfkc(text))
      #expect(TextNamesAnotherYear.yearsWritten(in: text) == expected, "\(Array(text.unicodeScalars))")
      if !expected.isEmpty { found += 1 }
    }
    #expect(found > 1000)
  }

  static let amountPieces = ["58", "1.5", ",", "万", "元", "亿", "万元", "/", "每", "人", "５", "０", "\u{301}", "约"]

  @Test func amountsInTextSkippedOnlyWithoutAmounts() {
    var found = 0
    for text in Arrangements.of(Self.amountPieces, upTo: 4) {
      let expected = AmountsInText.find(anyText: text)
      let amounts = AmountsInText.find(text)
      #expect(amounts.map(\.text) == expected.map(\.text) && amounts.map(\.yuan) == expected.map(\.yuan), "\(text)")
      if !expected.isEmpty { found += 1 }
    }
    #expect(found > 1000)
  }

  /// An amount multiplied by something is a factor of the figure the text works out (a unit
  /// price), not the figure: a false JX601 said `≤48万元` was `2.4万元` under
  /// `县道20公里×2.4万元`.
  @Test func factorsAreNoAmounts() {
    #expect(AmountsInText.find("县道20公里×2.4万元").isEmpty)
    #expect(AmountsInText.find("2.4万元*20公里").isEmpty)
    #expect(AmountsInText.find("单价2.4万元乘以20").isEmpty)
    #expect(AmountsInText.find("按2.4万元 x 20测算").isEmpty)
    #expect(AmountsInText.find("共48万元，县道20公里").map(\.text) == ["48万元"])
  }

  static let markPieces = ["共计", "满分", "满分为", "总分", "共", "计", "满", "总", "为", "分", "8", "1０", ".5", "，", "\u{301}", "得"]

  @Test func fullMarkSkippedOnlyWithoutPhrase() {
    var found = 0
    for text in Arrangements.of(Self.markPieces, upTo: 4) {
      let expected = ScoringFullMarkDiffersFromWeight.fullMark(inAnyText: text)
      let mark = ScoringFullMarkDiffersFromWeight.fullMark(in: text)
      #expect(mark?.0 == expected?.0 && mark?.1 == expected?.1, "\(text)")
      if expected != nil { found += 1 }
    }
    #expect(found > 400)
  }

  /// Words and pieces of one to four UTF-8 bytes a scalar: `anyOccurs` steps over a scalar's
  /// continuation bytes, so a word must be found after a scalar of every length, and at the
  /// last byte.
  static let words = ["逾期", "发生率", "满意度", "率", "a", "ab", "é", "😀x", "x😀"]
  static let wordPieces = ["逾", "期", "发生", "率", "满意", "度", "a", "b", "ab", "\u{301}", "x", "é", "😀"]

  @Test func wordListAsEachWord() {
    let list = WordList(Self.words)
    var occurs = 0
    var ends = 0
    for text in Arrangements.of(Self.wordPieces, upTo: 4) {
      let expectedOccurs = Self.words.contains { text.containsBytes($0) }
      let expectedEnds = Self.words.contains { text.hasSuffixBytes($0) }
      #expect(list.anyOccurs(in: text) == expectedOccurs, "\(text)")
      #expect(list.anyEnds(text) == expectedEnds, "\(text)")
      if expectedOccurs { occurs += 1 }
      if expectedEnds { ends += 1 }
    }
    #expect(occurs > 1000 && ends > 1000)
  }

  @Test func scalarCountFromBytes() {
    for text in Arrangements.of(["a", "年", "\u{301}", "😀", "é", "\r\n"], upTo: 5) {
      for limit in 0...12 {
        #expect(scalarCount(text, isAtMost: limit) == (text.unicodeScalars.count <= limit), "\(text) \(limit)")
      }
    }
  }
}
