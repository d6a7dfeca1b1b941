import Testing

@testable import Jixiao

/// `SpacedTokenizer.looksSpaced` finds a line's first word on its bytes where the string's
/// split by characters would find the same; it must, on every line of the corpus and on
/// lines of blanks, combining marks, joiners and punctuation around every word boundary.
@Suite struct SpacedFirstWordTests {
  /// The split `looksSpaced` made of every line before.
  static func firstWordBySplit(_ line: String) -> String? {
    line.split(maxSplits: 1, omittingEmptySubsequences: true, whereSeparator: { Blank.isBlankCharacter($0) }).first
      .map(String.init)
  }

  /// Nil when the byte reading declines; otherwise it must be the split's word.
  @discardableResult
  static func expectSameWord(_ line: String) -> Bool {
    let bytes = Array(line.utf8)
    guard let word = SpacedTokenizer.firstWord(bytes, 0..<bytes.count) else { return false }
    #expect(String(decoding: bytes[word], as: UTF8.self) == firstWordBySplit(line), "\(Array(line.unicodeScalars))")
    return true
  }

  @Test func piecesAroundBlanks() {
    let pieces = ["a", "绩效", "一", "龥", " ", "\t", "\u{A0}", "\u{3000}", "\u{FEFF}", "\u{200B}", "\u{2002}", "\u{301}",
      "\u{200D}", "\u{302A}", "（", "、", "\u{FE0F}", "\u{0600}", "\u{1F1E8}", "\u{0C}", "\u{01}", "é", "\u{4DFF}", "\u{A000}"]
    var read = 0
    for line in Arrangements.of(pieces, upTo: 4) where Self.expectSameWord(line) { read += 1 }
    #expect(read > 10_000)
  }

  @Test(arguments: CorpusTests.documents)
  func corpusLines(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    let (text, _) = try SourceDecoder.decode(bytes, path: relativePath)
    for index in text.lines.indices { Self.expectSameWord(text.text(ofLine: index)) }
  }
}
