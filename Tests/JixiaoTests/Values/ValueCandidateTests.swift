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

  /// Texts made of the pieces the first test tells apart: lexicon entries and their beginnings
  /// (明 of 明年, 上 of 上半年), grade words with their decoration, evaluative words, names,
  /// stars and other ignorable scalars, spaces and separators, now and then a digit.
  static func generatedTexts(count: Int, seed: UInt64) -> [String] {
    var pieces: [String] = []
    for entries in ValueLexicon.index.values {
      for entry in entries {
        pieces.append(String(String.UnicodeScalarView(entry.key)))
        for length in 1..<max(1, entry.key.count) {
          pieces.append(String(String.UnicodeScalarView(entry.key.prefix(length))))
        }
      }
    }
    pieces += QualitativeWords.grades + QualitativeWords.gradePrefixes + QualitativeWords.gradeSuffixes
    pieces += QualitativeWords.evaluative + QualitativeWords.directions
    pieces += ["项目", "管理", "满意度", "明显", "上报", "市民", "群众", "案件", "验收", "合格率", "有效性", "中心", "是否"]
    pieces += [" ", "  ", "\u{3000}", "\t", "\n", "*", "＊", "★", "$", "\u{00A0}", "\u{200B}", ",", "、", "，", "（", "）", "5", "2024"]
    var generator = SeededGenerator(seed: seed)
    return (0..<count).map { _ in
      (0..<Int.random(in: 1...5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
    }
  }

  /// The first test of `readUnlessWords` turns away text only when its tokens would: no token
  /// that makes a value, and no grade read over them. Every corpus cell, and generated texts.
  @Test func textTurnedAwayUntokenizedTokenizesIntoWords() throws {
    var texts = Self.generatedTexts(count: 40_000, seed: 7)
    for relativePath in CorpusTests.documents {
      let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
      guard let (text, _) = try? SourceDecoder.decode(bytes, path: relativePath) else { continue }
      for row in Tokenizer.tokenize(text).rows { texts += row.cells.map(\.text) }
    }
    var turnedAway = 0
    var turnedAwayWithGradeWord = 0
    for text in texts {
      let scalars = NormalizedText(text).scalars
      let tokens = ValueTokenizer.tokenize(scalars)
      if !TargetGrammar.mayBeginValueToken(scalars) {
        #expect(!tokens.contains(where: TargetGrammar.makesValue), "'\(text)' begins a value token")
      }
      guard !TargetGrammar.mayHoldValue(scalars) else { continue }
      turnedAway += 1
      if QualitativeWords.mayHoldGrade(scalars) { turnedAwayWithGradeWord += 1 }
      #expect(!TargetGrammar.tokensMayMakeValue(tokens, scalars), "'\(text)' was turned away but its tokens may make a value")
    }
    // The test says something: many texts are turned away, many of them holding a grade word.
    #expect(turnedAway > 10_000)
    #expect(turnedAwayWithGradeWord > 2_000)
  }

  /// Generated texts read through `readUnlessWords` as through the grammar.
  @Test func noGeneratedTextIsSkippedWrongly() {
    for text in Self.generatedTexts(count: 20_000, seed: 11) { expectSkipIsSafe(text, "generated") }
  }

  /// Some cells are skipped at all (the test above would pass with none).
  @Test func wordsAreSkipped() {
    #expect(TargetGrammar.readUnlessWords("城管执法宣传材料发放人数") == nil)
    #expect(TargetGrammar.readUnlessWords("按时完成各项工作") == nil)
    #expect(TargetGrammar.readUnlessWords("≥90%") != nil)
    #expect(TargetGrammar.readUnlessWords("年底前完成") != nil)
    #expect(TargetGrammar.readUnlessWords("合格") != nil)
    // Turned away before tokenizing: 明 begins 明年 and 上 begins 上半年, but neither is here;
    // 有 is a grade word, but not the whole text.
    #expect(!TargetGrammar.mayHoldValue(NormalizedText("明显提高").scalars))
    #expect(!TargetGrammar.mayHoldValue(NormalizedText("案件上报率").scalars))
    #expect(!TargetGrammar.mayHoldValue(NormalizedText("有效提高").scalars))
    #expect(TargetGrammar.mayHoldValue(NormalizedText(" 达到合格标准 ").scalars))
    #expect(TargetGrammar.mayHoldValue(NormalizedText("明年完成").scalars))
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
