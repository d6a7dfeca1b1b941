import Testing

@testable import Jixiao

/// `AlignedTokenizer.pieces` reads a buffer of the line and skips spaces eight at a time; it
/// must cut and place every piece as the loop over the text's array did.
@Suite struct AlignedPiecesTests {
  static func reference(_ bytes: [UInt8], _ range: Range<Int>) -> [[Int]] {
    var pieces: [[Int]] = []
    var column = 0
    var index = range.lowerBound
    var open: (byte: Int, column: Int)?
    var lastEnd = (byte: index, column: 0)
    var blanks = 0
    var sawTab = false
    while index < range.upperBound {
      let byte = bytes[index]
      if byte == 0x20 {
        column += 1
        blanks += 1
        index += 1
        continue
      }
      let cannotBeBlank = (byte > 0x20 && byte < 0x80) || (byte >= 0xE4 && byte <= 0xE9)
      if !cannotBeBlank, let length = Blank.blankLength(bytes, at: index, limit: range.upperBound) {
        if bytes[index] == 0x09 {
          sawTab = true
          column = (column / 8 + 1) * 8
        } else {
          column += length == 3 && bytes[index] == 0xE3 ? 2 : length == 3 ? 0 : 1
        }
        blanks += 1
        index += length
        continue
      }
      if let started = open, blanks >= 2 || sawTab {
        pieces.append([started.byte, lastEnd.byte, started.column, lastEnd.column])
        open = nil
      }
      if open == nil { open = (index, column) }
      blanks = 0
      sawTab = false
      let length = UTF8Scalars.length(leading: bytes[index])
      let upper = min(index + length, range.upperBound)
      if byte < 0x80 {
        column += 1
      } else if upper - index == 3 && AlignedTokenizer.isUnifiedIdeograph(byte, bytes[index + 1], bytes[index + 2]) {
        column += 2
      } else {
        column += UTF8Scalars.decode(bytes, index..<upper).map(ICU.displayWidth) ?? 1
      }
      index = upper
      lastEnd = (index, column)
    }
    if let started = open {
      pieces.append([started.byte, lastEnd.byte, started.column, lastEnd.column])
    }
    return pieces
  }

  static func expectSamePieces(_ bytes: [UInt8], _ range: Range<Int>, sourceLocation: SourceLocation = #_sourceLocation) {
    let actual = AlignedTokenizer.pieces(bytes, range).map { [$0.range.lowerBound, $0.range.upperBound, $0.start, $0.end] }
    #expect(actual == reference(bytes, range), sourceLocation: sourceLocation)
  }

  @Test func arrangements() {
    let pieces = ["a", " ", "        ", "\t", "\u{3000}", "\u{A0}", "\u{2003}", "绩", "（", "é", "😀"]
    for text in Arrangements.of(pieces, upTo: 4) {
      let bytes = Array(text.utf8)
      Self.expectSamePieces(bytes, 0..<bytes.count)
      // A range that starts and ends inside the text, as a line of a document does.
      if bytes.count > 2 { Self.expectSamePieces(bytes, 1..<(bytes.count - 1)) }
    }
  }

  @Test(arguments: CorpusTests.documents)
  func corpusLines(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    let (text, _) = try SourceDecoder.decode(bytes, path: relativePath)
    for line in text.lines { Self.expectSamePieces(text.utf8, line.start..<line.end) }
  }
}
