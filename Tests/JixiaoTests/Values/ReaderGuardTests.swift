import Testing

@testable import Jixiao

/// `TargetParser.readCore` skips a reader when a cheap test says the segment cannot hold
/// what it reads. Each test must be implied by the reader: wherever the reader reads
/// something, or asks the context, in any context, the test passes.
@Suite struct ReaderGuardTests {
  /// Pieces from which dates, ranges, quantities and words are made, and broken.
  private static let pieces = [
    "2024", "12", "3", "2023.07", "年", "月", "日", "-", "至", "~", "、", "前", "底", "第", "季度", "三", "%", "完成", "≥",
    "上半年", "次年", "Q", "万",
  ]

  /// The parsers a text is read by: with and without a budget year, a unit column and the
  /// context's hint that a date is expected.
  private static func parsers(_ text: String) -> [TargetParser] {
    let normalized = NormalizedText(text)
    let tokens = ValueTokenizer.tokenize(normalized.scalars)
    return [(nil, nil, false), (2024, UnitReading(canonical: "人次", isKnown: true), true)].map {
      year, unit, expectsDate in
      TargetParser(
        raw: text, normalized: normalized, tokens: tokens, context: TargetContext(budgetYear: year),
        unitColumn: unit, expectsDate: expectsDate, span: nil, contextUse: TargetParser.ContextUse()
      )
    }
  }

  @Test func dateGuardHoldsWhereverReadDateReadsOrAsks() {
    var read = 0
    for text in Arrangements.of(Self.pieces, upTo: 4) {
      for parser in Self.parsers(text) {
        let segment = parser.tokens
        let date = parser.readDate(segment, raw: text)
        if date != nil { read += 1 }
        if date != nil || parser.contextUse?.consulted == true {
          #expect(TargetParser.mayHoldDate(segment), "\(text)")
        }
      }
    }
    #expect(read > 1_000)
  }

  @Test func rangeGuardHoldsWhereverReadRangeReadsOrAsks() {
    var read = 0
    for text in Arrangements.of(Self.pieces, upTo: 4) {
      for parser in Self.parsers(text) {
        let segment = parser.tokens
        let range = parser.readRange(segment, raw: text)
        if range != nil { read += 1 }
        if range != nil {
          #expect(TargetParser.mayHoldRange(segment), "\(text)")
        }
      }
    }
    #expect(read > 100)
  }
}
