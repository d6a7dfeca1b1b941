import Testing

@testable import Jixiao

/// A document's memo of readings (`TargetReadings`) answers what a fresh read answers, for
/// every cell of the corpus, in either order of asking, and reads a text once.
@Suite struct TargetReadingsTests {
  private static let span = SourceSpan(line: 3, column: 5, offset: 40, length: 4)

  /// Every cell of one document through one memo, as the row reader and the indicator
  /// builder ask it: the shape's question first, or the full reading first.
  private func expectMemoReadsAlike(_ texts: [String], shapeFirst: Bool, _ origin: String) {
    let readings = TargetReadings()
    var seen: [String: TargetReading] = [:]
    for text in texts {
      let askShape = {
        let memo = readings.readingUnlessWords(text)
        let fresh = TargetGrammar.readingUnlessWords(text)
        #expect((memo == nil) == (fresh == nil), "\(origin): '\(text)' unless words")
        if let memo, let fresh {
          #expect(memo.target == fresh.target && memo.dependsOnContext == fresh.dependsOnContext, "\(origin): '\(text)'")
        }
      }
      let askReading = {
        let reading = readings.reading(text)
        #expect(reading.raw.equalsBytes(text), "\(origin): '\(text)' raw")
        #expect(reading.target == TargetGrammar.read(text), "\(origin): '\(text)' alone")
        for context in TargetReadingTests.contexts {
          #expect(
            TargetGrammar.read(reading, context: context, span: Self.span)
              == TargetGrammar.read(text, context: context, span: Self.span),
            "\(origin): '\(text)' in \(context)")
        }
        // Read once: the same text gets the same reading back.
        if let earlier = seen[text], earlier.raw.equalsBytes(text) {
          #expect(earlier === reading, "\(origin): '\(text)' read twice")
        }
        seen[text] = reading
      }
      if shapeFirst {
        askShape()
        askReading()
      } else {
        askReading()
        askShape()
      }
      // Asked again, after both: the memo's answers hold.
      askShape()
    }
  }

  @Test(arguments: CorpusTests.documents)
  func everyCorpusCellReadsAlikeThroughTheMemo(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    guard let (text, _) = try? SourceDecoder.decode(bytes, path: relativePath) else { return }
    var texts: [String] = []
    for row in Tokenizer.tokenize(text).rows {
      texts += row.cells.filter { !$0.isEmpty }.map(\.text)
    }
    expectMemoReadsAlike(texts, shapeFirst: true, relativePath)
    expectMemoReadsAlike(texts, shapeFirst: false, relativePath)
  }

  @Test func everyTargetCaseReadsAlikeThroughTheMemo() {
    let texts = allTargetCases.map(\.raw)
    expectMemoReadsAlike(texts + texts, shapeFirst: true, "target case")
    expectMemoReadsAlike(texts + texts, shapeFirst: false, "target case")
  }

  /// Texts that are canonically equivalent but written differently are different texts: each
  /// keeps its own raw text (String's `==` would take one for the other).
  @Test func equivalentTextsKeepTheirOwnReading() {
    let readings = TargetReadings()
    let composed = "≥95%达到\u{00E9}"
    let decomposed = "≥95%达到e\u{0301}"
    #expect(composed == decomposed)
    let first = readings.reading(composed)
    let second = readings.reading(decomposed)
    #expect(first.raw.equalsBytes(composed))
    #expect(second.raw.equalsBytes(decomposed))
    #expect(readings.readingUnlessWords(decomposed)?.raw.equalsBytes(decomposed) == true)
  }
}
