import Foundation
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
  .qualitative("与上年持平", op: .equal).against("上年"),
  .qualitative("与上年基本持平", op: .equal).against("上年"),
  .qualitative("较同期有所提高").against("同期"),
  .qualitative("与上期相比有所增长").against("上期"),
  // A baseline framed by 在…基础上 or 以…为基数.
  .quantity("在上年基础上提高5%", nil, "5", "%", qualifier: "提高").against("上年"),
  .quantity("在2023年基础上增长10%", nil, "10", "%", qualifier: "增长").against("2023年"),
  .quantity("在上年的基础上增长10%", nil, "10", "%", qualifier: "增长").against("上年"),
  .quantity("在上年基础之上提高5%", nil, "5", "%", qualifier: "提高").against("上年"),
  .quantity("以上年为基数增长5%", nil, "5", "%", qualifier: "增长").against("上年"),
  .quantity("以2023年为基准提高3%", nil, "3", "%", qualifier: "提高").against("2023年"),
  // An operator word before a baseline: the target's operator, against the baseline.
  .qualitative("不低于上年水平", op: .atLeast).against("上年"),
  .qualitative("不低于上年", op: .atLeast).against("上年"),
  .qualitative("不少于上年", op: .atLeast).against("上年"),
  .qualitative("达到上年水平", op: .atLeast).against("上年"),
  .qualitative("高于上年", op: .greater).against("上年"),
  .qualitative("超过上年", op: .greater).against("上年"),
  .qualitative("低于上年", op: .less).against("上年"),
  .qualitative("不高于上年", op: .atMost).against("上年"),
  .qualitative("不超过上年", op: .atMost).against("上年"),
  .qualitative("保持上年水平", op: .equal).against("上年"),
  .qualitative("维持上年水平", op: .equal).against("上年"),
  .qualitative("不低于上年同期水平", op: .atLeast).against("上年同期"),
  .qualitative("高于2023年水平", op: .greater).against("2023年"),
  .qualitative("高于2023年同期", op: .greater).against("2023年同期"),
  .qualitative("满意度不低于上年", op: .atLeast).against("上年"),
  .quantity("不低于上年的95%", .atLeast, "95", "%").against("上年"),
  // A sign says what its word says (was text); a year after it still needs its level.
  .qualitative("≥上年", op: .atLeast).against("上年"),
  .qualitative("≥上年水平", op: .atLeast).against("上年"),
  .qualitative("≥去年同期", op: .atLeast).against("去年同期"),
  .qualitative("＞上年度", op: .greater).against("上年度"),
  .qualitative("≤上年", op: .atMost).against("上年"),
  .qualitative("≥上年平均水平", op: .atLeast).against("上年"),
  .qualitative("≥2023年水平", op: .atLeast).against("2023年"),
  .quantity(">=上年的95%", .atLeast, "95", "%").against("上年"),
  .date("≥2023年", "2023-01-01", "2023-12-31", op: .atLeast),
  // After 较 and 比 a year's month or end is the baseline's, not the target's date.
  .qualitative("较2023年12月末提高").against("2023年12月末"),
  .quantity("比2023年底增长5%", nil, "5", "%", qualifier: "增长").against("2023年底"),
  .qualitative("较上年度末提高").against("上年度末"),
  // An operator word before a level, a number or a date states no baseline.
  .quantity("不低于90%", .atLeast, "90", "%"),
  .qualitative("高于国家标准"),
  .qualitative("不低于上级要求"),
  .quantity("超过2000人", .greater, "2000", "人"),
  .quantity("维持100%", .equal, "100", "%"),
  .date("达到2024年12月", "2024-12-01", "2024-12-31", op: .atLeast),
  .date("不低于2024年底", "2024-12-31", "2024-12-31", op: .atLeast),
  .date("为2024年", "2024-01-01", "2024-12-31", op: .equal),
  .date("不晚于2024年", "2024-01-01", "2024-12-31", op: .atMost),
  .date("在2024年12月前完成", "2024-12-01", "2024-12-31", op: .atMost, qualifier: "完成"),
  .date("2024年底前完成", "2024-12-31", "2024-12-31", op: .atMost, qualifier: "完成"),
  .quantity("90%以上年度", .atLeast, "90", "%", qualifier: "年度"),
  .text("上年结转资金"),
  .text("不少于上年结转资金"),
  .quantity("较上年项目数增加5个", nil, "5", "个", qualifier: "增加").against("上年"),
  .quantity("预算执行率≥90%", .atLeast, "90", "%"),
  // A cost against the money it may spend, a rate against the time elapsed.
  .qualitative("≤预算", op: .atMost).against("预算"),
  .qualitative("不超过批复金额", op: .atMost).against("批复金额"),
  .quantity("≤预算的90%", .atMost, "90", "%").against("预算"),
  .quantity("比预算节约5%", nil, "5", "%", qualifier: "节约").against("预算"),
  .qualitative("控制在预算范围内", op: .atMost).against("预算"),  // (控制在预算内: public 110)
  .qualitative("不低于序时进度", op: .atLeast).against("序时进度"),
  .date("在2024年内", "2024-01-01", "2024-12-31"),
  .text("年度目标"),
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
    ("与上期相比有所增长", "有所增长"), ("满意度较上年提高", "提高"), ("较2023年12月末提高", "提高"),
  ])
  func qualitativeKeepsItsDirection(_ raw: String, _ qualifier: String) {
    let target = TargetGrammar.read(raw, context: TargetContext(budgetYear: 2024))
    #expect(target.kind == .qualitative && target.qualifier == qualifier && target.flags.contains(.relative))
  }

  /// An operator word before a baseline is the reading's operator, not its qualifier; words
  /// written after the level still are one.
  @Test(arguments: [
    ("不低于上年水平", nil), ("保持上年水平", nil), ("不少于上年", nil), ("保持上年水平不变", "不变"),
  ] as [(String, String?)])
  func anOperatorBeforeABaselineIsNoQualifier(_ raw: String, _ qualifier: String?) {
    let target = TargetGrammar.read(raw, context: TargetContext(budgetYear: 2024))
    #expect(target.kind == .qualitative && target.qualifier == qualifier && target.op != nil)
    #expect(target.baseline == "上年" && target.flags == [.relative])
  }

  /// The year a target is compared with is no date of it, in a date context too.
  @Test func aBaselineYearIsNeverTheTargetsDate() {
    for context in [TargetContext(budgetYear: 2024), TargetContext(budgetYear: 2024, indicatorName: "完成时间")] {
      let target = TargetGrammar.read("较2023年提高", context: context)
      #expect(target.kind == .qualitative && target.date == nil && target.baseline == "2023年")
      let monthEnd = TargetGrammar.read("较2023年12月末提高", context: context)
      #expect(monthEnd.kind == .qualitative && monthEnd.date == nil && monthEnd.baseline == "2023年12月末")
    }
  }

  /// A compound is relative when a part is; the part alone carries the flag.
  @Test func aCompoundTakesItsPartsBaseline() {
    let target = TargetGrammar.read("较上年提高5%，满意度≥90%")
    #expect(target.kind == .compound && target.flags == [.relative] && target.baseline == "上年")
    #expect(target.parts.map(\.baseline) == ["上年", nil])
    #expect(target.parts.map { $0.flags.contains(.relative) } == [true, false])
  }

  /// A part that states something against a baseline is a target of its own beside a figure
  /// (was one reading of the figure, against the baseline); a baseline that states nothing
  /// (`与上年相比，`) is the figure's.
  @Test func aStatementAgainstABaselineIsAPartOfItsOwn() {
    for (raw, op, qualifier, figure) in [
      ("不低于上年水平，满意度≥90%", Comparison.atLeast, nil, 90), ("较上年提高，满意度≥90%", nil, "提高", 90),
      ("保持上年水平，≥95%", .equal, nil, 95),
    ] as [(String, Comparison?, String?, Decimal)] {
      let target = TargetGrammar.read(raw, context: TargetContext(budgetYear: 2024))
      #expect(target.kind == .compound && target.parts.count == 2, "\(raw)")
      guard target.parts.count == 2 else { continue }
      let (first, second) = (target.parts[0], target.parts[1])
      #expect(first.kind == .qualitative && first.op == op && first.qualifier == qualifier && first.baseline == "上年")
      #expect(second.kind == .quantitative && second.value == figure && second.op == .atLeast && second.baseline == nil)
    }
    let change = TargetGrammar.read("与上年相比，提高5%", context: TargetContext(budgetYear: 2024))
    #expect(change.kind == .quantitative && change.value == 5 && change.baseline == "上年" && change.qualifier == "提高")
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
