import Testing

@testable import Jixiao

/// A target read without context (`TargetReading`, made while a row's cells are shaped) is
/// reused for the same text in a row's context unless the parser asked the context. These
/// tests hold the reuse to a fresh reading in many contexts: a parse that asks the context
/// without noting it reads differently here.
@Suite struct TargetReadingTests {
  /// Contexts that change readings: a budget year (dates written without one), unit columns
  /// (a bare 万, percentages, date columns), operator columns, a name about a time.
  static let contexts: [TargetContext] = [
    TargetContext(),
    TargetContext(budgetYear: 2024),
    TargetContext(unitColumn: "人次"),
    TargetContext(unitColumn: "%", operatorColumn: "≥"),
    TargetContext(unitColumn: "万元", budgetYear: 2023),
    TargetContext(unitColumn: "日期", budgetYear: 2024),
    TargetContext(operatorColumn: "定性"),
    TargetContext(operatorColumn: "＝", budgetYear: 2025),
    TargetContext(budgetYear: 2024, indicatorName: "项目完成时间"),
    // A name that counts (a bare 万 is a magnitude), one of money, a cost level, 时效指标.
    TargetContext(indicatorName: "培训人次"),
    TargetContext(indicatorName: "中央补助资金"),
    TargetContext(indicatorName: "财政支出", isCost: true),
    TargetContext(budgetYear: 2024, indicatorName: "完成进度", isTimeliness: true),
  ]

  private func expectReuseReadsAlike(_ raw: String, _ contexts: [TargetContext], _ origin: String) -> Bool? {
    guard let reading = TargetGrammar.readingUnlessWords(raw) else { return nil }
    #expect(reading.target == TargetGrammar.read(raw), "\(origin): '\(raw)' alone")
    let span = SourceSpan(line: 3, column: 5, offset: 40, length: 4)
    for context in contexts {
      #expect(
        TargetGrammar.read(reading, context: context, span: span) == TargetGrammar.read(raw, context: context, span: span),
        "\(origin): '\(raw)' in \(context)")
    }
    return reading.dependsOnContext
  }

  @Test func everyTargetCaseReadsAlikeFromItsReading() {
    var dependence: [Bool: Int] = [:]
    for targetCase in allTargetCases {
      if let depends = expectReuseReadsAlike(targetCase.raw, Self.contexts + [targetCase.context], "target case") {
        dependence[depends, default: 0] += 1
      }
    }
    // Both branches are taken: most readings are reused, dates without a year are not.
    #expect(dependence[false, default: 0] > 100)
    #expect(dependence[true, default: 0] > 20)
  }

  @Test(arguments: CorpusTests.documents)
  func everyCorpusCellReadsAlikeFromItsReading(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    guard let (text, _) = try? SourceDecoder.decode(bytes, path: relativePath) else { return }
    for row in Tokenizer.tokenize(text).rows {
      for cell in row.cells where !cell.isEmpty { _ = expectReuseReadsAlike(cell.text, Self.contexts, relativePath) }
    }
  }

  /// Each way a parse asks its context is noted.
  @Test(arguments: ["12月底", "上下半年各一次", "1.5万", "2023.07", "第三季度前"])
  func askingTheContextIsNoted(_ raw: String) throws {
    let reading = try #require(TargetGrammar.readingUnlessWords(raw))
    #expect(reading.dependsOnContext)
  }

  @Test(arguments: ["≥90%", "2024年12月", "<350万元", "前三名", "合格"])
  func readingsThatDoNotAskAreReused(_ raw: String) throws {
    let reading = try #require(TargetGrammar.readingUnlessWords(raw))
    #expect(!reading.dependsOnContext)
  }
}
