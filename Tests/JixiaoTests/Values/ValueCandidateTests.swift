import Testing

@testable import Jixiao

/// `TargetGrammar.readUnlessWords` skips the parser for text whose tokens make no value and
/// that cannot read as a grade: such text must never read as a structured value or a grade,
/// and where it does parse, the reading must be the grammar's own.
@Suite struct ValueCandidateTests {
  private func expectSkipIsSafe(_ raw: String, _ origin: String) {
    let reading = TargetGrammar.read(raw)
    if let candidate = TargetGrammar.readUnlessWords(raw) {
      #expect(candidate == reading, "\(origin): '\(raw)' reads differently")
    } else {
      #expect(
        reading.grade == nil && !reading.kind.isStructured,
        "\(origin): '\(raw)' was skipped but reads as \(reading.kind.rawValue) \(reading.grade ?? "")")
    }
  }

  @Test func noTargetCaseIsSkippedWrongly() {
    for targetCase in allTargetCases { expectSkipIsSafe(targetCase.raw, "target case") }
  }

  @Test(arguments: CorpusTests.documents)
  func noCorpusCellIsSkippedWrongly(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    guard let (text, _) = try? SourceDecoder.decode(bytes, path: relativePath) else { return }
    for row in Tokenizer.tokenize(text).rows {
      for cell in row.cells where !cell.isEmpty { expectSkipIsSafe(cell.text, relativePath) }
    }
  }

  /// Text in which no token that makes a value can begin (`TargetGrammar.valueStarts`) is not
  /// tokenized: it must tokenize into tokens that make no value. Every lexicon entry alone
  /// and between words, and every corpus cell.
  @Test func textWithoutValueStartsTokenizesIntoWords() throws {
    var texts: [String] = []
    for entries in ValueLexicon.index.values {
      for entry in entries {
        let key = String(String.UnicodeScalarView(entry.key))
        texts += [key, "完成" + key + "情况", key + key]
      }
    }
    for relativePath in CorpusTests.documents {
      let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
      guard let (text, _) = try? SourceDecoder.decode(bytes, path: relativePath) else { continue }
      for row in Tokenizer.tokenize(text).rows { texts += row.cells.map(\.text) }
    }
    var skipped = 0
    for text in texts {
      let scalars = NormalizedText(text).scalars
      guard !scalars.contains(where: TargetGrammar.valueStarts.mayContain) else { continue }
      skipped += 1
      let tokens = ValueTokenizer.tokenize(scalars)
      #expect(!tokens.contains(where: TargetGrammar.makesValue), "\(text)")
    }
    #expect(skipped > 1000)
  }

  /// Some cells are skipped at all (the test above would pass with none).
  @Test func wordsAreSkipped() {
    #expect(TargetGrammar.readUnlessWords("城管执法宣传材料发放人数") == nil)
    #expect(TargetGrammar.readUnlessWords("按时完成各项工作") == nil)
    #expect(TargetGrammar.readUnlessWords("≥90%") != nil)
    #expect(TargetGrammar.readUnlessWords("年底前完成") != nil)
    #expect(TargetGrammar.readUnlessWords("合格") != nil)
  }
}

/// `ChineseNumeral.numerals` lists what `isNumeral` accepts: the tokenizer's skip test is
/// built from the list.
@Suite struct ChineseNumeralListTests {
  @Test func theListIsEveryNumeral() {
    let accepted = (0..<0x11_0000).compactMap(Unicode.Scalar.init).filter(ChineseNumeral.isNumeral)
    #expect(accepted.map(\.value) == ChineseNumeral.numerals.map(\.value).sorted())
  }
}
