import Testing

@testable import Jixiao

/// `TextKey` answers plain text in one pass (`isPlain`); every text it calls plain must be
/// one that the stages would have left as it is.
@Suite struct PlainKeyTests {
  @Test func plainTextIsItsOwnKey() {
    let pieces = [
      "a", "Z", "9", "%", "-", ".", "(", ")", "<", ">", "*", ":", " ", "\t", "\u{7F}", "\u{4000}", "\u{4DBF}", "\u{4DC0}",
      "绩", "\u{9FFF}", "\u{3000}", "（", "：", "é", "\u{301}", "😀", "ā", "、", "“", "《", "\u{200B}", "\u{2028}",
      "\u{FEFF}", "★", "☆", "\u{205F}", "\u{3099}", "㈱",
    ]
    var plain = 0
    for text in Arrangements.of(pieces, upTo: 3) + Self.everyThreeByteScalar where TextKey.isPlain(text) {
      plain += 1
      #expect(TextKey.keyIfDifferentByStages(text, simplify: false) == nil, "\(Array(text.unicodeScalars))")
    }
    #expect(plain > 1000)
  }

  /// Every scalar of three UTF-8 bytes, alone and between ideographs.
  static let everyThreeByteScalar: [String] = (UInt32(0x800)...0xFFFF).compactMap(Unicode.Scalar.init).flatMap {
    [String($0), "绩" + String($0) + "效"]
  }

  @Test(arguments: CorpusTests.documents)
  func corpusPieces(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    let text = String(decoding: bytes, as: UTF8.self)
    for line in text.split(whereSeparator: \.isNewline) {
      for piece in line.split(whereSeparator: { $0 == "\t" || $0 == "|" || $0 == " " }) + [line] {
        let piece = String(piece)
        if TextKey.isPlain(piece) {
          #expect(TextKey.keyIfDifferentByStages(piece, simplify: false) == nil, "\(piece)")
        }
      }
    }
  }

}
