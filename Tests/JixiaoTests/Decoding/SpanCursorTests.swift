import Testing

@testable import Jixiao

/// The cell builder carries each cell's column forward from the cell before it on the same
/// line (`SpanCursor`); every span it makes must be the one `SourceText.span` makes from the
/// line's start, whatever order the ranges come in.
@Suite struct SpanCursorTests {
  static let pieces: [[UInt8]] =
    ["a", "中", "\n", "\r", "\r\n", "\t", " ", "|", "é", "9", "😀", String(repeating: "x", count: 70), String(repeating: "数", count: 30)]
    .map { Array($0.utf8) } + [[0xFF], [0xE4, 0xB8]]

  /// Texts of 1 to 40 pieces, some with invalid UTF-8 or a byte-order mark (decoded with
  /// an offset map or a shifted offset), the same every run.
  static let texts: [SourceText] = {
    var random = SeededSequence(seed: 0x9E37_79B9_7F4A_7C15)
    func next(_ bound: Int) -> Int { random.next(bound) }
    return (0..<600).compactMap { index in
      var bytes = (0..<(1 + next(40))).flatMap { _ in pieces[next(pieces.count)] }
      if index % 7 == 0 { bytes = [0xEF, 0xBB, 0xBF] + bytes }
      return try? SourceDecoder.decode(bytes, path: "t.txt").0
    }
  }()

  /// Feeds `ranges` through one cursor, each against a span made from scratch.
  static func expectSameSpans(_ text: SourceText, _ ranges: [(line: Int, range: Range<Int>)], _ what: String) {
    var cursor = SpanCursor()
    for (line, range) in ranges {
      let span = cursor.span(text, lineIndex: line, byteRange: range)
      #expect(span == text.span(lineIndex: line, byteRange: range), "\(what): line \(line) \(range)")
    }
  }

  /// Ranges left to right along each line between scalar boundaries, with now and then a
  /// jump back, an empty range, a range into the next line, or a line visited again.
  @Test func arrangementsOfBreaksAndScalars() {
    var random = SeededSequence(seed: 0x2545_F491_4F6C_DD1D)
    func next(_ bound: Int) -> Int { random.next(bound) }
    for (number, text) in Self.texts.enumerated() {
      let bytes = text.utf8
      var ranges: [(line: Int, range: Range<Int>)] = []
      for _ in 0..<2 {
        for index in text.lines.indices {
          let line = text.lines[index]
          let reach = index + 1 < text.lines.count ? text.lines[index + 1].end : line.end
          let cuts = (line.start...reach).filter { $0 == bytes.count || bytes[$0] & 0xC0 != 0x80 }
          var position = 0
          while position < cuts.count {
            let lower = next(4) == 0 ? next(cuts.count) : position
            let upper = min(lower + next(6), cuts.count - 1)
            let bound = cuts[upper] <= line.end || next(3) == 0 ? cuts[upper] : min(cuts[upper], line.end)
            ranges.append((index, cuts[lower]..<max(bound, cuts[lower])))
            position = max(position, upper) + 1
          }
        }
      }
      Self.expectSameSpans(text, ranges, "text \(number)")
    }
  }

  /// Every cell of every corpus document, in every dialect, that is its source bytes on one
  /// line has the span made from scratch; and every line's tab, pipe and space pieces.
  @Test(arguments: CorpusTests.documents)
  func corpusCells(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    let (text, _) = try SourceDecoder.decode(bytes, path: relativePath)
    for dialect in Dialect.allCases {
      for row in Tokenizer.tokenize(text, dialect: dialect).rows {
        for cell in row.cells {
          let line = cell.span.line - 1
          let range = cell.start..<(cell.start + cell.text.utf8.count)
          guard line >= 0, line < text.lines.count, range.upperBound <= text.lines[line].end,
            text.utf8[range].elementsEqual(cell.text.utf8)
          else { continue }
          #expect(cell.span == text.span(lineIndex: line, byteRange: range), "\(relativePath) \(dialect) \(cell.text)")
        }
      }
    }
    var ranges: [(line: Int, range: Range<Int>)] = []
    for index in text.lines.indices {
      let line = text.lines[index]
      var start = line.start
      for position in line.start..<line.end where [0x09, 0x7C, 0x20].contains(text.utf8[position]) {
        ranges.append((index, start..<position))
        start = position + 1
      }
      ranges.append((index, start..<line.end))
      ranges.append((index, Blank.trim(text.utf8, line.start..<line.end)))
    }
    Self.expectSameSpans(text, ranges, relativePath)
  }
}
