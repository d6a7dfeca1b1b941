import Testing

@testable import Jixiao

extension TargetCase {
  /// The case as a change against `baseline`: flag `relative`, the baseline as written.
  func against(_ baseline: String) -> TargetCase {
    var relative = self
    relative.baseline = baseline
    relative.flags.insert(.relative)
    return relative
  }
}

/// Targets stated against a baseline: a change, flagged `relative`, whose baseline is never
/// the target's date nor its number; and text whose 较, 比, 与 or 同 compares with nothing.
// swift-format-ignore
let relativeTargetCases: [TargetCase] = [
  .quantity("较上年提高5%", nil, "5", "%", qualifier: "提高").against("上年"),
  .quantity("比上年增长10%以上", .atLeast, "10", "%", qualifier: "增长").against("上年"),
  .quantity("同比下降≥3%", .atLeast, "3", "%", qualifier: "下降").against("同比"),
  .quantity("比2023年增加2个", nil, "2", "个", qualifier: "增加").against("2023年"),
  .quantity("比2023年同期增加2个", nil, "2", "个", qualifier: "增加").against("2023年同期"),
  .quantity("相较于2022年度减少3%", nil, "3", "%", qualifier: "减少").against("2022年度"),
  .quantity("与上年同期相比提高5个百分点", nil, "5", "百分点", qualifier: "提高").against("上年同期"),
  .quantity("满意度较去年提升≥2%", .atLeast, "2", "%", qualifier: "提升").against("去年"),
  .quantity("较上一年度减少10万元", nil, "10", "万元", yuan: "100000", qualifier: "减少").against("上一年度"),
  .quantity("较基期下降5%", nil, "5", "%", qualifier: "下降").against("基期"),
  .quantity("比 2023 年增加2个", nil, "2", "个", qualifier: "增加").against("2023 年"),
  // (环比下降, 环比提升 of seed 003, 较上年下降5%, 同比增长10% and 较上年提高2个百分点 are among the
  // seed, spelling and unseen cases.)
  .qualitative("较上年下降").against("上年"),
  .qualitative("较2023年提高").against("2023年"),
  .qualitative("较2023提高").against("2023"),
  .qualitative("比去年减少").against("去年"),
  .qualitative("与上年持平").against("上年"),
  .qualitative("较同期有所提高").against("同期"),
  .qualitative("与上期相比有所增长").against("上期"),
  // Not relative: no baseline after the comparison word, or none at all.
  .quantity("提高5%", nil, "5", "%", qualifier: "提高"),
  .quantity("比例≥90%", .atLeast, "90", "%"),
  .date("2023年12月", "2023-12-01", "2023-12-31"),
  .qualitative("较好", grade: "较好"),
  .qualitative("有所提高"),
  .text("同步"),
  .text("与会人数"),
  .qualitative("同比例增长"),
]

@Suite("Target grammar: relative targets")
struct RelativeTargetTests {
  /// A reading without a figure keeps the words after the baseline as its qualifier, as a
  /// direction before a number is one.
  @Test(arguments: [
    ("环比下降", "下降"), ("较2023年提高", "提高"), ("与上年持平", "持平"), ("较同期有所提高", "有所提高"),
    ("与上期相比有所增长", "有所增长"), ("满意度较上年提高", "提高"),
  ])
  func qualitativeKeepsItsDirection(_ raw: String, _ qualifier: String) {
    let target = TargetGrammar.read(raw, context: TargetContext(budgetYear: 2024))
    #expect(target.kind == .qualitative && target.qualifier == qualifier && target.flags.contains(.relative))
  }

  /// The year a target is compared with is no date of it, in a date context too.
  @Test func aBaselineYearIsNeverTheTargetsDate() {
    for context in [TargetContext(budgetYear: 2024), TargetContext(budgetYear: 2024, indicatorName: "完成时间")] {
      let target = TargetGrammar.read("较2023年提高", context: context)
      #expect(target.kind == .qualitative && target.date == nil && target.baseline == "2023年")
    }
  }

  /// A compound is relative when a part is; the part alone carries the flag.
  @Test func aCompoundTakesItsPartsBaseline() {
    let target = TargetGrammar.read("较上年提高5%，满意度≥90%")
    #expect(target.kind == .compound && target.flags == [.relative] && target.baseline == "上年")
    #expect(target.parts.map(\.baseline) == ["上年", nil])
    #expect(target.parts.map { $0.flags.contains(.relative) } == [true, false])
  }

  /// The baseline as written, full-width digits and all.
  @Test func theBaselineIsTheRawText() {
    let target = TargetGrammar.read("比２０２３年增加２个")
    #expect(target.value == 2 && target.baseline == "２０２３年" && target.flags == [.relative])
  }

  /// The JSON writes the baseline after the qualifier, and nothing for a target without one.
  @Test func theWriterWritesTheBaseline() {
    let relative = String(decoding: DocumentEncoder.targetBytes(TargetGrammar.read("较上年提高5%"), pretty: false), as: UTF8.self)
    #expect(relative.contains(#""qualifier":"提高","baseline":"上年","flags":["relative"]"#))
    let level = String(decoding: DocumentEncoder.targetBytes(TargetGrammar.read("提高5%"), pretty: false), as: UTF8.self)
    #expect(!level.contains("baseline") && !level.contains("relative"))
  }
}
