import Testing

@testable import Jixiao

/// `GridBlockReader.marks` reads the width of an ideograph from its bytes; it must place
/// every separator where the decoder and `ICU.displayWidth` placed it.
@Suite struct GridMarksTests {
  static func reference(_ text: SourceText, _ range: Range<Int>, withCorners: Bool) -> [GridBlockReader.Mark] {
    let bytes = text.utf8
    var marks: [GridBlockReader.Mark] = []
    var display = 0
    var scalar = 0
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = bytes[index]
      let length = UTF8Scalars.length(leading: byte)
      if (byte == 0x7C || (withCorners && byte == 0x2B)) && !(index > range.lowerBound && bytes[index - 1] == 0x5C) {
        marks.append(GridBlockReader.Mark(offset: index, display: display, scalar: scalar))
      }
      if byte < 0x80 {
        display += 1
      } else if let decoded = UTF8Scalars.decode(bytes, index..<min(index + length, range.upperBound)) {
        display += ICU.displayWidth(decoded)
      } else {
        display += 1
      }
      scalar += 1
      index += length
    }
    return marks
  }

  static func referenceHasRuleRun(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    var index = range.lowerBound
    while index + 1 < range.upperBound {
      let (a, b) = (bytes[index], bytes[index + 1])
      if (a == 0x2B && (b == 0x2D || b == 0x3D)) || ((a == 0x2D || a == 0x3D) && b == 0x2B) { return true }
      index += 1
    }
    return false
  }

  static func expectSameMarks(_ text: SourceText, sourceLocation: SourceLocation = #_sourceLocation) {
    for line in text.lines {
      // Every start and end within the line, so that a cut ideograph is met too.
      for start in [line.start, min(line.start + 1, line.end)] {
        for withCorners in [false, true] {
          let actual = GridBlockReader.marks(text, start..<line.end, withCorners: withCorners)
          let expected = reference(text, start..<line.end, withCorners: withCorners)
          #expect(
            actual.map { [$0.offset, $0.display, $0.scalar] } == expected.map { [$0.offset, $0.display, $0.scalar] },
            sourceLocation: sourceLocation)
        }
        #expect(
          GridBlockReader.hasRuleRun(text.utf8, start..<line.end) == referenceHasRuleRun(text.utf8, start..<line.end),
          sourceLocation: sourceLocation)
      }
    }
  }

  @Test func arrangements() throws {
    let pieces = ["|", "+", "-", "=", "\\", "绩", "一", "\u{4DFF}", "\u{4E00}", "\u{9FFF}", "（", "é", "😀", " ", "        "]
    let text = Arrangements.of(pieces, upTo: 3).joined(separator: "\n")
    let (source, _) = try SourceDecoder.decode(Array(text.utf8), path: "t.md")
    Self.expectSameMarks(source)
  }

  @Test func cutAndInvalidSequences() throws {
    // Decoded text is valid UTF-8; a range may still end inside a character.
    let (source, _) = try SourceDecoder.decode(Array("|绩|效|\n+--+一\n".utf8), path: "t.md")
    for end in 0...source.utf8.count {
      let actual = GridBlockReader.marks(source, 0..<end, withCorners: true)
      let expected = Self.reference(source, 0..<end, withCorners: true)
      #expect(actual.map { [$0.offset, $0.display, $0.scalar] } == expected.map { [$0.offset, $0.display, $0.scalar] })
    }
  }

  @Test(arguments: CorpusTests.documents)
  func corpusLines(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    let (text, _) = try SourceDecoder.decode(bytes, path: relativePath)
    Self.expectSameMarks(text)
  }
}
