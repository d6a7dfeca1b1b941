import Testing

@testable import Jixiao

/// The lexicon's flat table (`LexiconTable`) finds what the index found, held to the look-up
/// through `ValueLexicon.index` as it was, at every position of every corpus cell and of
/// generated texts made of the lexicon's own scalars.
@Suite struct LexiconTableTests {
  /// `ValueLexicon.longestMatch` as it was: a filter of first scalars, then the index.
  private static let firstScalars = ScalarFilter(ValueLexicon.index.keys)
  private static func oldLongestMatch(in scalars: [Unicode.Scalar], at position: Int) -> (Lexeme, Int)? {
    guard position < scalars.count, firstScalars.mayContain(scalars[position]),
      let candidates = ValueLexicon.index[scalars[position]]
    else { return nil }
    for candidate in candidates {
      let length = candidate.key.count
      guard position + length <= scalars.count else { continue }
      var matches = true
      var offset = 1
      while offset < length {
        if scalars[position + offset] != candidate.key[offset] {
          matches = false
          break
        }
        offset += 1
      }
      if matches { return (candidate.lexeme, length) }
    }
    return nil
  }

  /// Both look-ups at every position of `scalars` (and one past the end).
  private static func mismatches(_ scalars: [Unicode.Scalar]) -> [Int] {
    var positions: [Int] = []
    for position in 0...scalars.count {
      let old = oldLongestMatch(in: scalars, at: position)
      let new = ValueLexicon.longestMatch(in: scalars, at: position)
      if old?.0 != new?.0 || old?.1 != new?.1 { positions.append(position) }
    }
    return positions
  }

  @Test(arguments: CorpusTests.documents)
  func everyCorpusCellMatchesAsThroughTheIndex(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    guard let (text, _) = try? SourceDecoder.decode(bytes, path: relativePath) else { return }
    for row in Tokenizer.tokenize(text).rows {
      for cell in row.cells where !cell.isEmpty {
        let scalars = NormalizedText(cell.text).scalars
        #expect(Self.mismatches(scalars).isEmpty, "\(relativePath): '\(cell.text)'")
      }
    }
  }

  @Test func generatedTextsMatchAsThroughTheIndex() {
    // Every entry whole and cut short, then runs of the lexicon's scalars and a few others
    // (beyond the plane, neighbours of first scalars) in a seeded order.
    var pieces: [[Unicode.Scalar]] = []
    for entries in ValueLexicon.index.values {
      for entry in entries {
        pieces.append(entry.key)
        if entry.key.count > 1 { pieces.append(Array(entry.key.dropLast())) }
      }
    }
    for entries in ValueLexicon.index.values {
      #expect(Self.mismatches(entries.flatMap(\.key)).isEmpty)
    }
    var alphabet = Array(Set(pieces.joined()))
    alphabet += ["😀", "\u{10000}", "\u{FFFF}", "\u{0}", "a", "9", " "]
    alphabet += alphabet.compactMap { Unicode.Scalar($0.value + 1) }
    var sequence = SeededSequence(seed: 2020)
    var texts = 0
    for _ in 0..<3_000 {
      var scalars: [Unicode.Scalar] = []
      for _ in 0..<(1 + sequence.next(12)) {
        if sequence.next(2) == 0 {
          scalars += pieces[sequence.next(pieces.count)]
        } else {
          scalars.append(alphabet[sequence.next(alphabet.count)])
        }
      }
      #expect(Self.mismatches(scalars).isEmpty, "\(String(String.UnicodeScalarView(scalars)))")
      texts += 1
    }
    #expect(texts == 3_000)
  }
}
