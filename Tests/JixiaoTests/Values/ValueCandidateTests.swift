import Testing

@testable import Jixiao

/// `TargetGrammar.readUnlessWords` skips the parser for text of words, units and punctuation
/// only: such text must never read as a structured value or a grade, and where it does
/// parse, the reading must be the grammar's own.
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

  /// Some cells are skipped at all (the test above would pass with none).
  @Test func wordsAreSkipped() {
    #expect(TargetGrammar.readUnlessWords("城管执法宣传材料发放人数") == nil)
    #expect(TargetGrammar.readUnlessWords("按时完成各项工作") == nil)
    #expect(TargetGrammar.readUnlessWords("≥90%") != nil)
    #expect(TargetGrammar.readUnlessWords("年底前完成") != nil)
    #expect(TargetGrammar.readUnlessWords("合格") != nil)
  }
}
