import FoundationEssentials
import Testing

@testable import Jixiao

/// The indicator writer as it was before it read fields in place (each field read through
/// `indicator.name` …, each target part through `target.unit` …): the in-place one must
/// write the same bytes.
enum LegacyIndicatorWriter {
  static func indicator(_ w: inout JSONWriter, _ indicator: Indicator) {
    w.beginObject()
    w.field("level1", indicator.level1)
    w.field("level2", indicator.level2)
    w.field("level1Raw", indicator.level1Raw)
    w.field("level2Raw", indicator.level2Raw)
    w.field("level1Origin", literal: indicator.level1Origin.jsonLiteral)
    w.field("level2Origin", literal: indicator.level2Origin.jsonLiteral)
    w.field("name", indicator.name)
    w.key("target")
    target(indicator.target, &w)
    w.field("horizon", literal: indicator.horizon.jsonLiteral)
    w.field("explanation", indicator.explanation)
    w.field("scoring", indicator.scoring)
    w.field("weight", decimal: indicator.weight)
    w.field("weightRaw", indicator.weightRaw)
    w.field("unitColumn", indicator.unitColumn)
    w.field("valueType", indicator.valueType)
    w.field("direction", indicator.direction)
    w.field("standard", indicator.standard)
    w.field("remark", indicator.remark)
    w.field("actual", indicator.actual)
    w.field("score", indicator.score)
    w.field("deviation", indicator.deviation)
    w.field("sharesNameAndTargetWithAbove", bool: indicator.sharesNameAndTargetWithAbove)
    w.key("span")
    DocumentEncoder.span(indicator.span, &w)
    w.key("spans")
    w.beginObject()
    for entry in indicator.spans {
      DocumentEncoder.key(entry.name, &w)
      DocumentEncoder.span(entry.span, &w)
    }
    w.endObject()
    w.endObject()
  }

  static func target(_ target: Target, _ w: inout JSONWriter) {
    w.beginObject()
    w.field("raw", target.raw)
    w.field("kind", literal: target.kind.jsonLiteral)
    w.field("operator", literal: target.op?.jsonLiteral)
    w.field("value", decimal: target.value)
    w.field("unit", target.unit)
    if let unitRaw = target.unitRaw { w.field("unitRaw", unitRaw) }
    if let yuan = target.yuan { w.field("yuan", decimal: yuan) }
    if target.min != nil || target.max != nil {
      w.field("min", decimal: target.min)
      w.field("max", decimal: target.max)
    }
    if let date = target.date {
      w.key("date")
      w.beginObject()
      w.field("start", date.start)
      w.field("end", date.end)
      w.endObject()
    }
    if let rank = target.rank { w.field("rank", int: rank) }
    if let grade = target.grade { w.field("grade", grade) }
    if let qualifier = target.qualifier { w.field("qualifier", qualifier) }
    if let baseline = target.baseline { w.field("baseline", baseline) }
    if !target.parts.isEmpty { w.field("parts") { $0.array(target.parts) { self.target($1, &$0) } } }
    if !target.flags.isEmpty { w.field("flags") { $0.array(target.flags) { $0.string($1.rawValue) } } }
    w.key("span")
    DocumentEncoder.span(target.span, &w)
    w.endObject()
  }
}

@Suite struct InPlaceEncodingTests {
  static func expectLegacyBytes(_ indicator: Indicator, _ origin: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let before = indicator
    for pretty in [false, true] {
      var fast = JSONWriter(pretty: pretty)
      var legacy = JSONWriter(pretty: pretty)
      DocumentEncoder.indicator(&fast, indicator)
      LegacyIndicatorWriter.indicator(&legacy, indicator)
      #expect(fast.bytes == legacy.bytes, "\(origin): \(indicator.name ?? "") \(indicator.target.raw)", sourceLocation: sourceLocation)
    }
    // Read in place, the shared box is left as it was.
    #expect(indicator == before, sourceLocation: sourceLocation)
  }

  @Test(arguments: CorpusTests.documents)
  func corpusIndicatorsAsBefore(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    guard let document = try? Jixiao.parse(bytes, path: relativePath, options: ParseOptions(validate: false)) else { return }
    for indicator in document.projects.flatMap({ $0.indicators }) + document.departments.flatMap({ $0.indicators }) {
      Self.expectLegacyBytes(indicator, relativePath)
    }
  }

  /// A target with the optional parts of `seed`'s bits set (parts of parts at bit 5, a details
  /// box set and emptied again at bit 6). Also the targets of `OutputFastPathTests`.
  static func madeTarget(_ seed: Int) -> Target {
    var target = Target(raw: "≥\(seed)\"万元\\", kind: TargetKind.allCases[seed % TargetKind.allCases.count])
    target.span = seed % 2 == 0 ? nil : SourceSpan(line: seed, column: 2, offset: 3, length: 4)
    if seed & 1 != 0 { target.op = Comparison.allCases[seed % Comparison.allCases.count] }
    if seed & 2 != 0 { target.value = Decimal(seed) / 4 }
    if seed & 4 != 0 { target.unit = "万元" }
    if seed & 8 != 0 { target.unitRaw = "(万元)" }
    if seed & 16 != 0 {
      target.yuan = Decimal(seed) * 10000
      target.min = Decimal(seed)
      target.rank = seed
      target.grade = "合格"
    }
    if seed & 32 != 0 {
      target.max = Decimal(seed) + 1
      target.date = DateInterval(start: "2024-01-01", end: "2024-12-31")
      target.qualifier = "以上"
      target.baseline = "上年"
      target.flags = [.unitConflict, .operatorFromColumn, .relative]
      var part = Target(raw: "part \(seed)", kind: .quantitative)
      part.parts = [Target(raw: "inner", kind: .text)]
      part.unit = "%"
      target.parts = [part, Target(raw: "", kind: .empty)]
    }
    if seed & 64 != 0 {
      // A details box made and emptied: written as no details.
      target.grade = "x"
      target.grade = nil
    }
    return target
  }

  /// Indicators and targets with every optional part set in turn, parts of parts, and boxes
  /// set and emptied again.
  @Test func madeIndicatorsAsBefore() {
    for seed in 0..<128 {
      let target = Self.madeTarget(seed)
      var indicator = Indicator(target: target, span: SourceSpan(line: 1, column: 1, offset: 0))
      if seed & 1 != 0 { indicator.level1 = "产出指标" }
      if seed & 2 != 0 { indicator.name = "名\"称\n" }
      if seed & 4 != 0 { indicator.explanation = "说明" }
      if seed & 8 != 0 { indicator.weight = Decimal(seed) }
      if seed & 16 != 0 {
        indicator.direction = "正向"
        indicator.score = "10"
      }
      if seed & 32 != 0 { indicator.remark = "备注" }
      if seed & 64 != 0 {
        indicator.deviation = "d"
        indicator.deviation = nil
      }
      Self.expectLegacyBytes(indicator, "made \(seed)")
      // A copy sharing the box writes the same.
      let copy = indicator
      Self.expectLegacyBytes(copy, "copy \(seed)")
    }
  }
}
