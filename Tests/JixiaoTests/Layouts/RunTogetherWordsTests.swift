import Testing

@testable import Jixiao

/// `RunTogetherTokenizer.words(in:upTo:)` skips a scalar that starts no word by a bit
/// (`firstScalars`) and reads its table once; `wordsByFirst` sorts each word list with the
/// strings made once. Both must give what the old code gave.
@Suite struct RunTogetherWordsTests {
  /// The old `words(in:upTo:)`: a table look-up at every scalar.
  static func oldWords(in scalars: [Unicode.Scalar], upTo limit: Int = .max) -> [(Int, Int)] {
    var found: [(Int, Int)] = []
    var index = 0
    while index < scalars.count && found.count < limit {
      var best = 0
      for word in RunTogetherTokenizer.wordsByFirst[scalars[index]] ?? [] where word.count <= scalars.count - index {
        if scalars[index..<(index + word.count)].elementsEqual(word) {
          best = word.count
          break
        }
      }
      if best > 0 {
        found.append((index, best))
        index += best
      } else {
        index += 1
      }
    }
    return found
  }

  static func expectSameWords(_ scalars: [Unicode.Scalar], _ what: String) {
    for limit in [Int.max, 8, 1, 0] {
      let new = RunTogetherTokenizer.words(in: scalars, upTo: limit)
      let old = oldWords(in: scalars, upTo: limit)
      #expect(new.map(\.0) == old.map(\.0) && new.map(\.1) == old.map(\.1), "\(what) \(limit)")
    }
  }

  /// Vocabulary words and their pieces run together with ASCII, other ideographs, marks,
  /// full-width forms and scalars beyond the Basic Multilingual Plane.
  @Test func generatedLines() {
    let words = RunTogetherTokenizer.vocabulary.sorted()
    let others = ["中", "a", "1", "：", ":", "(", "）", "≥", "😀", "\u{301}", " ", "%", "万元", "绩", "指标"]
    var random = SeededSequence(seed: 0xA5A5_5A5A_0F0F_F0F0)
    func next(_ bound: Int) -> Int { random.next(bound) }
    for _ in 0..<3_000 {
      var line = ""
      for _ in 0..<(1 + next(20)) {
        if next(2) == 0 {
          let word = Array(words[next(words.count)])
          // The whole word, or a piece of it from its start.
          line += String(word[0..<(next(3) == 0 ? 1 + next(word.count) : word.count)])
        } else {
          line += others[next(others.count)]
        }
      }
      Self.expectSameWords(Array(line.unicodeScalars), line)
    }
  }

  /// Every line of every corpus document.
  @Test func corpusLines() throws {
    for relativePath in CorpusTests.documents {
      let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
      let (text, _) = try SourceDecoder.decode(bytes, path: relativePath)
      for index in text.lines.indices {
        Self.expectSameWords(Array(text.text(ofLine: index).unicodeScalars), "\(relativePath):\(index + 1)")
      }
    }
  }

  /// The first scalar of every word has its bit, and the lists are sorted as the old code
  /// sorted them: longest first, then by text.
  @Test func tables() {
    for (first, list) in RunTogetherTokenizer.wordsByFirst {
      if first.value < 0x10000 {
        #expect(RunTogetherTokenizer.firstScalars[Int(first.value >> 6)] & (1 << UInt64(first.value & 63)) != 0)
      }
      var old = list
      old.sort { $0.count != $1.count ? $0.count > $1.count : String(scalars: $0) < String(scalars: $1) }
      #expect(old == list, "\(first)")
    }
    let bits = RunTogetherTokenizer.firstScalars.reduce(0) { $0 + $1.nonzeroBitCount }
    #expect(bits == RunTogetherTokenizer.wordsByFirst.keys.filter { $0.value < 0x10000 }.count)
  }
}
