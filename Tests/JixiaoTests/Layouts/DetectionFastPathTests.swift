import Testing

@testable import Jixiao

/// Layout detection's signatures count by column in arrays and skip the characters that
/// start no vocabulary word by a bit; each must decide as the reading it replaced (copied
/// below) did, on every corpus document and on generated texts.
@Suite struct DetectionFastPathTests {
  /// Aligned lines with repeats, wrapped cells under columns and stray lines, at columns near
  /// one another, so that the support of a column and of its neighbours decides both ways.
  static let alignedTexts: [[UInt8]] = {
    var random = SeededSequence(seed: 0x2545_F491_4F6C_DD1D)
    let words = ["项目", "a", "指标值", "100", "产出指标", "x y", "\u{3000}", "≥96%", "數量", "\t"]
    func line(_ random: inout SeededSequence) -> String {
      var text = String(repeating: " ", count: random.next(4))
      for _ in 0..<(1 + random.next(5)) {
        text += words[random.next(words.count)]
        text += String(repeating: " ", count: 1 + random.next(4))
      }
      return text
    }
    return (0..<1500).map { _ in
      var lines: [String] = []
      for _ in 0..<random.next(30) {
        switch random.next(6) {
        case 0 where !lines.isEmpty: lines.append(lines[random.next(lines.count)])
        case 1: lines.append(String(repeating: " ", count: random.next(30)) + words[random.next(words.count)])
        case 2: lines.append(random.next(2) == 0 ? "" : "\u{0C}" + line(&random))
        default: lines.append(line(&random))
        }
      }
      return Array(lines.joined(separator: "\n").utf8)
    }
  }()

  @Test func looksAlignedDecidesAsTheHashedReading() {
    var aligned = 0
    for bytes in Self.alignedTexts + LayoutSurveyTests.texts {
      let text = SourceText.byReference(bytes)
      let expected = Reference.looksAligned(text)
      #expect(AlignedTokenizer.looksAligned(text) == expected, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
      if expected { aligned += 1 }
    }
    #expect(aligned > 100)
  }

  @Test(arguments: CorpusTests.documents)
  func corpusSignaturesDecideAsBefore(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    let (text, _) = try SourceDecoder.decode(bytes, path: relativePath)
    #expect(AlignedTokenizer.looksAligned(text) == Reference.looksAligned(text), "\(relativePath)")
    for index in text.lines.indices {
      let scalars = Array(text.text(ofLine: index).unicodeScalars)
      let words = RunTogetherTokenizer.words(in: scalars)
      let expected = RunTogetherWordsTests.oldWords(in: scalars)
      #expect(words.map(\.0) == expected.map(\.0) && words.map(\.1) == expected.map(\.1), "\(relativePath):\(index)")
    }
  }

  /// Vocabulary words, their pieces, and characters whose low 16 bits are those of a word's
  /// first character, in and beyond the Basic Multilingual Plane (beyond it the look-up decides).
  @Test func wordsAreTheLookedUpWords() {
    let firsts = Array(RunTogetherTokenizer.wordsByFirst.keys)
    let vocabulary = Array(RunTogetherTokenizer.vocabulary).sorted()
    var random = SeededSequence(seed: 0x9E37_79B9_7F4A_7C15)
    var found = 0
    for _ in 0..<3000 {
      var scalars: [Unicode.Scalar] = []
      for _ in 0..<random.next(40) {
        switch random.next(5) {
        case 0:
          let word = Array(vocabulary[random.next(vocabulary.count)].unicodeScalars)
          scalars += word.prefix(1 + random.next(word.count))
        case 1: scalars.append(firsts[random.next(firsts.count)])
        case 2:
          let first = firsts[random.next(firsts.count)].value & 0xFFFF
          scalars.append(Unicode.Scalar(first | UInt32(1 + random.next(16)) << 16) ?? "a")
        case 3: scalars.append(Unicode.Scalar(UInt32(0x4E00 + random.next(0x5200)))!)
        default: scalars += "a 1,中。".unicodeScalars
        }
      }
      let words = RunTogetherTokenizer.words(in: scalars)
      let expected = RunTogetherWordsTests.oldWords(in: scalars)
      #expect(words.map(\.0) == expected.map(\.0) && words.map(\.1) == expected.map(\.1), "\(scalars)")
      for limit in [0, 1, 8] {
        #expect(RunTogetherTokenizer.words(in: scalars, upTo: limit).map(\.0) == RunTogetherWordsTests.oldWords(in: scalars, upTo: limit).map(\.0))
      }
      found += words.count
    }
    #expect(found > 3000)
  }
}

/// The readings the fast paths replaced, as they were.
private enum Reference {
  /// Aligned in display width or, as `pdftotext -layout` aligns, in characters.
  static func looksAligned(_ text: SourceText) -> Bool {
    looksAligned(text, metric: .display) || looksAligned(text, metric: .characters)
  }

  static func looksAligned(_ text: SourceText, metric: AlignedTokenizer.Metric) -> Bool {
    var lines: [[AlignedTokenizer.Piece]] = []
    var nonBlank = 0
    var seen: Set<LineBytes> = []
    for line in text.lines {
      var start = line.start
      while start < line.end, text.utf8[start] == 0x0C { start += 1 }
      let pieces = AlignedTokenizer.pieces(text.utf8, start..<line.end, metric: metric)
      if pieces.isEmpty { continue }
      nonBlank += 1
      if pieces.count >= 2 && !seen.insert(LineBytes(bytes: text.utf8[start..<line.end])).inserted { continue }
      lines.append(pieces)
    }
    let multi = lines.filter { $0.count >= 2 }
    let starts = Set(multi.flatMap { $0.dropFirst().map(\.start) })
    let continued = lines.filter { $0.count == 1 && $0[0].start >= 2 && starts.contains($0[0].start) }.count
    guard multi.count >= 2, (multi.count + continued) * 10 >= nonBlank * 3 else { return false }
    // Gaps of one width between four pieces in five separate cells: no layout (a rule, not a
    // fast path, so the reference has it too).
    let gaps = multi.flatMap { pieces in pieces.indices.dropFirst().map { pieces[$0].start - pieces[$0 - 1].end } }
    if gaps.count >= 6, let most = Dictionary(grouping: gaps, by: { $0 }).values.map(\.count).max(), most * 5 >= gaps.count * 4 {
      return false
    }
    var support: [Int: Int] = [:]
    for pieces in multi {
      for piece in pieces.dropFirst() { support[piece.start, default: 0] += 1 }
    }
    var aligned = 0
    var total = 0
    for pieces in multi {
      for piece in pieces.dropFirst() {
        total += 1
        let shared = (support[piece.start] ?? 0) + (support[piece.start - 1] ?? 0) + (support[piece.start + 1] ?? 0)
        if shared >= 2 { aligned += 1 }
      }
    }
    return total >= 2 && aligned * 10 >= total * 7
  }
}
