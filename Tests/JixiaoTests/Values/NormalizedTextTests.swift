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
}
