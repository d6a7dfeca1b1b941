import Testing

@testable import Jixiao

/// Substrings of a normalised text, cut by summing widths (short texts) or from a table of
/// offsets (long ones: summing at every cut made a cell wrapped over many lines quadratic).
@Suite struct NormalizedTextTests {
  @Test(arguments: [1, NormalizedText.summedLength, NormalizedText.summedLength + 1, 300])
  func everyCutIsTheScalarsBetween(repeats: Int) {
    let pieces = ["绩", "a", "≥", "é", "（", "𠀀", "1"]
    let raw = (0..<repeats).map { pieces[$0 % pieces.count] }.joined()
    let text = NormalizedText(raw)
    let step = max(1, text.scalars.count / 40)
    for start in stride(from: 0, through: text.scalars.count, by: step) {
      for end in stride(from: start, through: text.scalars.count, by: step) {
        let expected = String(String.UnicodeScalarView(text.scalars[start..<end]))
        #expect(text.text(from: start, to: end) == expected, "\(repeats) \(start)..<\(end)")
      }
    }
    #expect(text.text(from: 2, to: 1) == "")
    #expect(text.text(from: 0, to: text.scalars.count + 1) == "")
  }

  /// `text(from:to:)` as it was: a substring of the UTF-8 view, copied.
  private static func oldText(_ text: NormalizedText, from start: Int, to end: Int) -> String {
    guard start >= 0, start < end, end <= text.scalars.count else { return "" }
    let lower = text.scalars[..<start].reduce(0) { $0 + UTF8.width($1) }
    let upper = lower + text.scalars[start..<end].reduce(0) { $0 + UTF8.width($1) }
    let utf8 = text.string.utf8
    return String(text.string[utf8.index(utf8.startIndex, offsetBy: lower)..<utf8.index(utf8.startIndex, offsetBy: upper)])
  }

  /// Every cut of every target case, texts NFKC changes, and generated texts short and long,
  /// byte for byte as the substring it replaced.
  @Test func everyCutHasTheBytesOfTheSubstring() {
    var texts = allTargetCases.map(\.raw)
    texts += ["ＡＢＣ１２３％", "≥９５％", "㎡", "①②", "12\u{00A0}个", "e\u{301}x", "", " ", "𠀀𠀁≥1"]
    let pieces = ["绩", "a", "≥", "é", "（", "𠀀", "1", "％", "\u{3000}", "e\u{301}", "万元"]
    var sequence = SeededSequence(seed: 64)
    for _ in 0..<100 {
      texts.append((0..<(1 + sequence.next(80))).map { _ in pieces[sequence.next(pieces.count)] }.joined())
    }
    for raw in texts {
      let text = NormalizedText(raw)
      let count = text.scalars.count
      for start in -1...(count + 1) {
        for end in start...(count + 2) {
          let new = text.text(from: start, to: end)
          #expect(Array(new.utf8) == Array(Self.oldText(text, from: start, to: end).utf8), "'\(raw)' \(start)..<\(end)")
        }
      }
    }
  }
}
