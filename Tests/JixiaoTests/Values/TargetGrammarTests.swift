import Testing

import struct FoundationEssentials.Decimal

@testable import Jixiao

/// One expected reading of a target cell; each reports by its text (and columns) in the run.
struct TargetCase: Sendable, CustomTestStringConvertible {
  var raw: String
  var context: TargetContext
  var kind: TargetKind
  var op: Comparison?
  var value: Decimal?
  var unit: String?
  var yuan: Decimal?
  var min: Decimal?
  var max: Decimal?
  var interval: DateInterval?
  var position: Int?
  var grade: String?
  var qualifier: String?
  var flags: Set<Target.Flag> = []
  var partKinds: [TargetKind] = []
  /// The baseline of a `relative` target (`TargetCase.against`).
  var baseline: String? = nil

  var testDescription: String {
    var text = "'\(raw)'"
    if let unit = context.unitColumn { text += " unit:\(unit)" }
    if let op = context.operatorColumn { text += " op:\(op)" }
    if let name = context.indicatorName { text += " name:\(name)" }
    if context.budgetYear == nil { text += " (no year)" }
    return text + " → \(kind.rawValue)"
  }
}

/// Decimal from its exact text (never through a binary float).
func exact(_ text: String?) -> Decimal? {
  guard let text else { return nil }
  return Decimal(string: text) ?? .nan
}

func makeContext(
  _ unitColumn: String?,
  _ operatorColumn: String?,
  year: Int? = 2024,
  name: String? = nil
)
  -> TargetContext
{
  TargetContext(unitColumn: unitColumn, operatorColumn: operatorColumn, budgetYear: year, indicatorName: name)
}

extension TargetCase {
  static func quantity(
    _ raw: String,
    _ op: Comparison?,
    _ value: String,
    _ unit: String?,
    yuan: String? = nil,
    qualifier: String? = nil,
    unitColumn: String? = nil,
    operatorColumn: String? = nil,
    name: String? = nil,
    flags: Set<Target.Flag> = []
  ) -> TargetCase {
    TargetCase(
      raw: raw,
      context: makeContext(unitColumn, operatorColumn, name: name),
      kind: .quantitative,
      op: op,
      value: exact(value),
      unit: unit,
      yuan: exact(yuan),
      qualifier: qualifier,
      flags: flags
    )
  }

  static func range(
    _ raw: String,
    _ min: String,
    _ max: String,
    _ unit: String?,
    qualifier: String? = nil,
    unitColumn: String? = nil,
    operatorColumn: String? = nil,
    name: String? = nil,
    flags: Set<Target.Flag> = []
  ) -> TargetCase {
    TargetCase(
      raw: raw,
      context: makeContext(unitColumn, operatorColumn, name: name),
      kind: .range,
      unit: unit,
      min: exact(min),
      max: exact(max),
      qualifier: qualifier,
      flags: flags
    )
  }

  static func date(
    _ raw: String,
    _ start: String?,
    _ end: String?,
    op: Comparison? = nil,
    qualifier: String? = nil,
    year: Int? = 2024,
    unitColumn: String? = nil,
    operatorColumn: String? = nil,
    name: String? = nil,
    flags: Set<Target.Flag> = []
  ) -> TargetCase {
    let interval = start.flatMap { start in end.map { DateInterval(start: start, end: $0) } }
    return TargetCase(
      raw: raw,
      context: makeContext(unitColumn, operatorColumn, year: year, name: name),
      kind: .date,
      op: op,
      interval: interval,
      qualifier: qualifier,
      flags: flags
    )
  }

  static func rank(
    _ raw: String,
    _ position: Int?,
    _ op: Comparison?,
    qualifier: String? = nil,
    unitColumn: String? = nil,
    operatorColumn: String? = nil,
    flags: Set<Target.Flag> = []
  ) -> TargetCase {
    TargetCase(
      raw: raw,
      context: makeContext(unitColumn, operatorColumn),
      kind: .rank,
      op: op,
      value: position.map { Decimal($0) },
      position: position,
      qualifier: qualifier,
      flags: flags
    )
  }

  static func qualitative(
    _ raw: String,
    grade: String? = nil,
    op: Comparison? = nil,
    unitColumn: String? = nil,
    operatorColumn: String? = nil,
    flags: Set<Target.Flag> = []
  ) -> TargetCase {
    TargetCase(
      raw: raw,
      context: makeContext(unitColumn, operatorColumn),
      kind: .qualitative,
      op: op,
      grade: grade,
      flags: flags
    )
  }

  static func text(
    _ raw: String,
    op: Comparison? = nil,
    unit: String? = nil,
    unitColumn: String? = nil,
    operatorColumn: String? = nil,
    flags: Set<Target.Flag> = []
  ) -> TargetCase {
    TargetCase(
      raw: raw,
      context: makeContext(unitColumn, operatorColumn),
      kind: .text,
      op: op,
      unit: unit,
      flags: flags
    )
  }

  static func compound(
    _ raw: String,
    parts: [TargetKind],
    qualifier: String? = nil,
    flags: Set<Target.Flag> = [.yearAssumed]
  ) -> TargetCase {
    TargetCase(
      raw: raw,
      context: makeContext(nil, nil),
      kind: .compound,
      qualifier: qualifier,
      flags: flags,
      partKinds: parts
    )
  }

  static func empty(_ raw: String) -> TargetCase {
    TargetCase(raw: raw, context: makeContext(nil, nil), kind: .empty)
  }
}

/// Every case of every table, seed targets first.
let allTargetCases: [TargetCase] =
  seedTargetCases + seed001TargetCases + publicTargetCases + spellingTargetCases + dateTargetCases
  + unseenTargetCases + misreadTargetCases + relativeTargetCases

@Suite("Target grammar")
struct TargetGrammarTests {
  @Test("reads", arguments: allTargetCases)
  func reads(_ expected: TargetCase) {
    let span = SourceSpan(line: 3, column: 7, offset: 42, length: expected.raw.unicodeScalars.count)
    let target = TargetGrammar.read(expected.raw, context: expected.context, span: span)
    #expect(target.raw == expected.raw)
    #expect(target.span == span)
    #expect(target.kind == expected.kind)
    #expect(target.op == expected.op)
    #expect(target.value == expected.value)
    #expect(target.unit == expected.unit)
    #expect(target.yuan == expected.yuan)
    #expect(target.min == expected.min)
    #expect(target.max == expected.max)
    #expect(target.date == expected.interval)
    #expect(target.rank == expected.position)
    #expect(target.grade == expected.grade)
    if expected.kind != .qualitative { #expect(target.qualifier == expected.qualifier) }
    #expect(Set(target.flags) == expected.flags)
    #expect(target.baseline == expected.baseline)
    #expect(target.parts.map(\.kind) == expected.partKinds)
    #expect(target.parts.allSatisfy { $0.span == span })
  }

  @Test func seedCasesAreAtLeastThreeHundred() {
    #expect(allTargetCases.count >= 300)
  }

  @Test func compoundPartsKeepTheirOwnRawText() {
    let target = TargetGrammar.read("二季度完成开题，四季度完成结题", context: TargetContext(budgetYear: 2024))
    #expect(target.parts.map(\.raw) == ["二季度完成开题", "四季度完成结题"])
    #expect(target.parts.map(\.qualifier) == ["完成开题", "完成结题"])
    #expect(
      target.parts.map(\.date) == [
        DateInterval(start: "2024-04-01", end: "2024-06-30"),
        DateInterval(start: "2024-10-01", end: "2024-12-31"),
      ]
    )
  }

  @Test func datesWithoutABudgetYearKeepTheirKindButNoInterval() {
    let target = TargetGrammar.read("12月中旬")
    #expect(target.kind == .date)
    #expect(target.date == nil)
    #expect(target.flags.isEmpty)
  }

  @Test func unitRawKeepsTheSpellingAsWritten() {
    #expect(TargetGrammar.read("=100(百分比)").unitRaw == "(百分比)")
    #expect(TargetGrammar.read("<350万").unitRaw == "万")
    #expect(TargetGrammar.read("95", context: TargetContext(unitColumn: "百分比")).unitRaw == "百分比")
  }

  @Test func neverTrapsOnOddInput() {
    for text in [
      "", " ", "(", ")", "((", "≥", "≥(", "-", "--5", "1,", ",1", "1.", ".", "..", "万", "亿亿", "百分之", "成",
      "第", "前", "前名", "1-", "-1-", "2024-", "2024-13", "2024.99", "9999999999999999999999999999", "十万亿亿",
      "**", "(≥**", "\u{0}", "🙂", "年", "月日", "Q", "Q9", "3-", "3-11", "12月-", "$\\", "&ge", "零点",
      "点五", "二零二四零零零零零零零零零零零零零", "1,000,000,000,000,000.000001元",
    ] {
      let target = TargetGrammar.read(
        text,
        context: TargetContext(unitColumn: "万", operatorColumn: "≥", budgetYear: 2024)
      )
      #expect(target.raw == text)
    }
  }
}
