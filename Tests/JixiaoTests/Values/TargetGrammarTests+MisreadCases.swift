import Testing

import struct FoundationEssentials.Decimal

@testable import Jixiao

/// Published values the grammar once read wrongly without a word: two bounds back to back
/// (the lower one lost), two targets across `/` or 或 (the first lost), letters for digits
/// (`≥9O%` was 9 in the unit O), eight-digit days under a time, a bare 万 under a name that
/// counts (read as money). The reading before each fix is in the comment above its cases.
// swift-format-ignore
let misreadTargetCases: [TargetCase] = [
  // Bounds without a separator: were `<= 100` (or `< 95`) alone.
  .range("不低于90%不高于100%", "90", "100", "%"),
  .range("≥90%≤100%", "90", "100", "%"),
  .range("≥90% ≤100%", "90", "100", "%"),
  .range("不少于5次不超过10次", "5", "10", "次"),
  .range("≤100%≥90%", "90", "100", "%"),
  .range("满意度≥90%≤100%", "90", "100", "%"),
  .range("90%以上100%以下", "90", "100", "%"),
  // As with a comma between them.
  .range("不少于5次，不超过10次", "5", "10", "次"),
  // A strict bound: a range's ends are inclusive, so two parts (as across a comma).
  .compound("大于80%小于95%", parts: [.quantitative, .quantitative], flags: []),
  .compound("≥80%<95%", parts: [.quantitative, .quantitative], flags: []),
  .compound("大于80%，小于95%", parts: [.quantitative, .quantitative], flags: []),
  // Alternatives and successive targets: were the last alone (`>= 95`), or text.
  .compound("≥90%/≥95%", parts: [.quantitative, .quantitative], flags: []),
  .compound("≥90%或≥95%", parts: [.quantitative, .quantitative], flags: []),
  .compound("≥90%或者≥95%", parts: [.quantitative, .quantitative], flags: []),
  .compound("≥90% ≥95%", parts: [.quantitative, .quantitative], flags: []),
  .compound("90%/95%", parts: [.quantitative, .quantitative], flags: []),
  .compound("≥3次/≥2小时", parts: [.quantitative, .quantitative], flags: []),
  // Across `/` or 或 a lower and an upper bound are alternatives, not a range.
  .compound("≥90%/≤100%", parts: [.quantitative, .quantitative], flags: []),
  // A slash of a unit, of a fraction, or before a bare number splits nothing.
  .quantity("≥2次/年", .atLeast, "2", "次/年"),
  .quantity("≤8000元/人", .atMost, "8000", "元/人"),
  .text("1/2"),
  .text("≥90/100"),
  // 或 inside a longer word stays that word.
  .quantity("90%或以上", .atLeast, "90", "%"),
  .quantity("大于或等于90%", .atLeast, "90", "%"),
  // Letters for digits: `1O0%` was text, `≥9O%` 9 in the unit O, `l00%` 0 %, `I0` 0, `1l` 1 l.
  .quantity("1O0%", nil, "100", "%", flags: [.ocrDigit]),
  .quantity("≥9O%", .atLeast, "90", "%", flags: [.ocrDigit]),
  .quantity("≥9o%", .atLeast, "90", "%", flags: [.ocrDigit]),
  .quantity("1l", nil, "11", nil, flags: [.ocrDigit]),
  .quantity("l00%", nil, "100", "%", flags: [.ocrDigit]),
  .quantity("I0", nil, "10", nil, flags: [.ocrDigit]),
  .quantity("≥1,OOO人", .atLeast, "1000", "人", flags: [.ocrDigit]),
  .quantity("≥9O.5%", .atLeast, "90.5", "%", flags: [.ocrDigit]),
  .range("9O%-1O0%", "90", "100", "%", flags: [.ocrDigit]),
  .date("2O24年12月底前", "2024-12-31", "2024-12-31", op: .atMost, flags: [.ocrDigit]),
  .rank("前1O名", 10, .atMost, flags: [.ocrDigit]),
  // The numeral 〇 among digits, as a Chinese OCR model reads a round 0: was text.
  .quantity("≥9〇%", .atLeast, "90", "%", flags: [.ocrDigit]),
  .date("2〇24年12月底前", "2024-12-31", "2024-12-31", op: .atMost, flags: [.ocrDigit]),
  // Single digits a space apart after an operator or before a unit, as OCR spaces a
  // number's digits: were text.
  .quantity(">= 6 1 %", .atLeast, "61", "%", flags: [.spacedDigits]),
  .quantity("≥ 2 8 %", .atLeast, "28", "%", flags: [.spacedDigits]),
  .quantity("9 5 %", nil, "95", "%", flags: [.spacedDigits]),
  .quantity("≥ 9 5.5 %", .atLeast, "95.5", "%", flags: [.spacedDigits]),
  .quantity("≥ 1 2", .atLeast, "12", nil, flags: [.spacedDigits]),
  .quantity("9 5 以上", .atLeast, "95", nil, flags: [.spacedDigits]),
  .quantity("控制在 3 5 万元以内", .atMost, "35", "万元", yuan: "350000", flags: [.spacedDigits]),
  // Both bounds of a range spaced, the unit after the second: was text.
  .range("6 0 - 8 0 %", "60", "80", "%", flags: [.spacedDigits]),
  .range("6 0~8 0%", "60", "80", "%", flags: [.spacedDigits]),
  // One bound spaced, the other not: which digits belong together is a guess.
  .text("6 0 - 80%"),
  // The point set apart as the digits are: was text.
  .quantity("≥ 2 . 5 万人", .atLeast, "2.5", "万人", flags: [.spacedDigits]),
  .quantity("9 9 . 5 %", nil, "99.5", "%", flags: [.spacedDigits]),
  // Two points: no number.
  .text("≥ 3 . 2 . 1 %"),
  // A date's digits spaced, anchored by 年, 月 and 日: was text.
  .date("2 0 2 4 年 1 1 月", "2024-11-01", "2024-11-30", flags: [.spacedDigits]),
  .date("2 0 2 4年1 2月3 1日前", "2024-12-31", "2024-12-31", op: .atMost, flags: [.spacedDigits]),
  // A letter for a digit among spaced digits: was ≥9 with the qualifier `O %`.
  .quantity("≥ 9 O %", .atLeast, "90", "%", flags: [.ocrDigit, .spacedDigits]),
  .quantity("≥ 1 O O %", .atLeast, "100", "%", flags: [.ocrDigit, .spacedDigits]),
  // A rank's marker anchors its spaced digits: were text.
  .rank("第 1 0 名", 10, .equal, flags: [.spacedDigits]),
  .rank("第 1 O 名", 10, .equal, flags: [.ocrDigit, .spacedDigits]),
  .rank("前 1 0 名", 10, .atMost, flags: [.spacedDigits]),
  // Thousands set apart by a space, as print sets an amount (a thin space is one after NFKC):
  // was text.
  .quantity("≥ 1 268.40 万元", .atLeast, "1268.40", "万元", yuan: "12684000"),
  .quantity("≤12\u{2009}345.5元", .atMost, "12345.5", "元", yuan: "12345.5"),
  // Words keep their letters.
  .text("OK"),
  .text("IT"),
  .text("LED"),
  // A Roman rating keeps its letters: a grade, not 1 级.
  .qualitative("Ⅰ级", grade: "I级"),
  .quantity("O2O", nil, "2", "O", flags: [.unitUnknown]),
  // Days of eight digits under a time: were the number 20241231.
  .date("20241231", "2024-12-31", "2024-12-31", name: "项目完成时间"),
  .date("20241231前", "2024-12-31", "2024-12-31", op: .atMost, name: "项目完成时间"),
  .date("截至20241231", "2024-12-31", "2024-12-31", op: .atMost, name: "项目完成时间"),
  .date("20240101-20241231", "2024-01-01", "2024-12-31", name: "实施周期"),
  // Elsewhere, or not a day from 1990 to 2099: a number.
  .quantity("20241231", nil, "20241231", nil),
  .quantity("20241331", nil, "20241331", nil),
  .quantity("19891231", nil, "19891231", nil),
  .quantity("12000000元", nil, "12000000", "元", yuan: "12000000"),
  // Dates with separators read as before, whatever the context.
  .date("2024.12.31", "2024-12-31", "2024-12-31"),
  .date("2024/12/31", "2024-12-31", "2024-12-31"),
  .date("2024-12", "2024-12-01", "2024-12-31"),
  // A bare 万 under a name that counts: was 1.5 万元 (yuan 15000).
  .quantity("≥1.5万", .atLeast, "15000", nil, name: "培训人次"),
  .quantity("≥1.5万", .atLeast, "15000", nil, name: "受益人数"),
  .quantity("≥1.5万", .atLeast, "15000", nil, name: "服务户数"),
  .quantity("≥1.5万", .atLeast, "15000", nil, name: "接待游客数量"),
  .quantity("≥2亿", .atLeast, "200000000", nil, name: "受益人数"),
  .range("1-2万", "10000", "20000", nil, name: "培训人次"),
  .range("1万-2万", "10000", "20000", nil, name: "培训人次"),
  .range("≥1万，≤2万", "10000", "20000", nil, name: "培训人次"),
  .range("1万-2万人次", "1", "2", "万人次", name: "培训人次"),
  .range("1万-2万元", "1", "2", "万元", name: "培训人次"),
  .range("1万-20000人", "10000", "20000", "人", name: "培训人次"),
  // Not a date serial: 45000 is a number the 万 made, not one written.
  .quantity("4.5万", nil, "45000", nil, name: "项目完成时间"),
  // Under a name of money, without a name, with a unit column: as before.
  .quantity("≥1.5万", .atLeast, "1.5", "万元", yuan: "15000", name: "中央补助资金"),
  .quantity("<350万", .less, "350", "万元", yuan: "3500000", name: "项目总投资"),
  .quantity("≥1.5万", .atLeast, "1.5", "万元", yuan: "15000"),
  .quantity("1.5万", nil, "1.5", "万人次", unitColumn: "人次", name: "培训人次", flags: [.unitFromColumn]),
  .quantity("1.5万", nil, "1.5", "万元", yuan: "15000", unitColumn: "万元", name: "培训人次"),
  .quantity("1.5万人次", nil, "1.5", "万人次", name: "培训人次"),
  // Energy and environment units: 万 scales them (it was read as 万元, or the unit as 微).
  .quantity("≥1200万千瓦时", .atLeast, "1200", "万千瓦时", name: "年发电量"),
  .quantity("≥1200万千瓦时", .atLeast, "1200", "万千瓦时"),
  .quantity("≥1.5万千瓦", .atLeast, "1.5", "万千瓦", name: "新增装机容量"),
  .quantity("≤35微克/立方米", .atMost, "35", "微克/立方米", name: "PM2.5平均浓度"),
  .quantity("≤35μg/m³", .atMost, "35", "微克/立方米"),
  .quantity("≤10mg/L", .atMost, "10", "毫克/升"),
  .quantity("≥5000吨标准煤", .atLeast, "5000", "吨标准煤"),
  .quantity("≤55分贝", .atMost, "55", "分贝"),
  // An event that must not happen, a direction with no figure (有所减轻, 正向 or 反向): were text.
  .qualitative("不发生"),
  .qualitative("未发生"),
  .qualitative("不出现"),
  .qualitative("有所减轻"),
  .qualitative("有所缓解"),
  .qualitative("有所好转"),
  // 减轻 before a number is a direction, kept as 下降 is: was no qualifier.
  .quantity("较上年减轻5%", nil, "5", "%", qualifier: "减轻").against("上年"),
]

/// One part of a compound as it should read.
struct PartCase: Sendable, Equatable, CustomStringConvertible {
  var raw: String
  var op: Comparison?
  var value: Decimal?
  var unit: String?

  init(_ raw: String, _ op: Comparison?, _ value: String?, _ unit: String?) {
    self.raw = raw
    self.op = op
    self.value = exact(value)
    self.unit = unit
  }

  init(_ target: Target) {
    raw = target.raw
    op = target.op
    value = target.value
    unit = target.unit
  }

  var description: String { "\(raw): \(op?.rawValue ?? "") \(value.map { "\($0)" } ?? "-") \(unit ?? "-")" }
}

@Suite("Target grammar: misread values")
struct MisreadValueTests {
  /// Each part of a compound keeps its own text, operator, value and unit.
  @Test(
    arguments: [
      ("大于80%小于95%", [PartCase("大于80%", .greater, "80", "%"), PartCase("小于95%", .less, "95", "%")]),
      ("≥80%<95%", [PartCase("≥80%", .atLeast, "80", "%"), PartCase("<95%", .less, "95", "%")]),
      ("≥90%/≥95%", [PartCase("≥90%", .atLeast, "90", "%"), PartCase("≥95%", .atLeast, "95", "%")]),
      ("≥90%或≥95%", [PartCase("≥90%", .atLeast, "90", "%"), PartCase("≥95%", .atLeast, "95", "%")]),
      ("≥90% ≥95%", [PartCase("≥90%", .atLeast, "90", "%"), PartCase("≥95%", .atLeast, "95", "%")]),
      ("90%/95%", [PartCase("90%", nil, "90", "%"), PartCase("95%", nil, "95", "%")]),
      ("≥90%/≤100%", [PartCase("≥90%", .atLeast, "90", "%"), PartCase("≤100%", .atMost, "100", "%")]),
      ("≥3次/≥2小时", [PartCase("≥3次", .atLeast, "3", "次"), PartCase("≥2小时", .atLeast, "2", "小时")]),
      // A range and a quantity: the bounds back to back are one part.
      ("≥90%≤100%，≥5次", [PartCase("≥90%≤100%", nil, nil, "%"), PartCase("≥5次", .atLeast, "5", "次")]),
      ("≥１５０台／≥２００台", [PartCase("≥１５０台", .atLeast, "150", "台"), PartCase("≥２００台", .atLeast, "200", "台")]),
    ])
  func compoundParts(_ raw: String, _ parts: [PartCase]) {
    let target = TargetGrammar.read(raw, context: TargetContext(budgetYear: 2024))
    #expect(target.kind == .compound)
    #expect(target.raw == raw)
    #expect(target.op == nil && target.value == nil && target.unit == nil)
    #expect(target.parts.map(PartCase.init) == parts)
    #expect(target.flags.isEmpty)
  }

  @Test func rangeBesideAQuantityKeepsItsBounds() {
    let target = TargetGrammar.read("≥90%≤100%，≥5次")
    #expect(target.parts.first?.kind == .range)
    #expect(target.parts.first?.min == 90 && target.parts.first?.max == 100)
  }

  /// Bounds back to back read as they do across a comma, and the other way round.
  @Test(arguments: [
    ("不低于90%不高于100%", "不低于90%，不高于100%"), ("≥90%≤100%", "≥90%,≤100%"), ("不少于5次不超过10次", "不少于5次，不超过10次"),
    ("大于80%小于95%", "大于80%，小于95%"), ("≥1万≤2万", "≥1万，≤2万"), ("≤100%≥90%", "≤100%、≥90%"),
  ])
  func boundsReadAsAcrossAComma(_ together: String, _ separated: String) {
    for context in [TargetContext(), TargetContext(indicatorName: "培训人次")] {
      let joined = TargetGrammar.read(together, context: context)
      let apart = TargetGrammar.read(separated, context: context)
      #expect(joined.kind == apart.kind, "\(together)")
      #expect(joined.min == apart.min && joined.max == apart.max && joined.unit == apart.unit, "\(together)")
      #expect(joined.parts.map { [$0.op?.rawValue, $0.value.map { "\($0)" }, $0.unit] }
        == apart.parts.map { [$0.op?.rawValue, $0.value.map { "\($0)" }, $0.unit] }, "\(together)")
    }
  }

  /// A letter taken for a digit only inside a run of digits that no other letter touches, and
  /// never at the head of one as O (no number begins with 0).
  @Test func lettersAreDigitsOnlyInsideNumbers() {
    for text in ["1O0%", "≥9O%", "1l", "l00%", "I0", "2O2O年", "1,OOO", "9O.5", "第1O名", "≥1O0", "5O万"] {
      #expect(LookalikeDigits.reading(NormalizedText(text).scalars) != nil, "\(text)")
    }
    for text in [
      "OK", "IT", "LED", "O2O", "Ⅰ级", "Ⅱ类", "CO2", "O3浓度", "ISO9001", "IPv6", "Win10", "A1l", "1OK", "lO0", "IO", "l",
      "O", "≥95%", "Q1", "PM2.5", "m2", "5G", "l.5",
    ] {
      #expect(LookalikeDigits.reading(NormalizedText(text).scalars) == nil, "\(text)")
    }
    // The letters are read in the tokens' copy; the text as written keeps them.
    let target = TargetGrammar.read("≥1O0%")
    #expect(target.raw == "≥1O0%" && target.value == 100 && target.flags == [.ocrDigit])
  }

  /// A funds cell reads a letter for a digit as a target does, and says so (`readsLetter`, which
  /// the assembler turns into JX122): it was no amount.
  @Test func amountsReadALetterForADigitAndSaySo() throws {
    let letter = try #require(AmountReader.read("1O0万元", defaultUnit: nil))
    #expect(letter.value == 100 && letter.unit == .wanYuan && letter.readsLetter)
    let leading = try #require(AmountReader.read("l00", defaultUnit: .wanYuan))
    #expect(leading.value == 100 && leading.readsLetter)
    let plain = try #require(AmountReader.read("100万元", defaultUnit: nil))
    #expect(plain.value == 100 && !plain.readsLetter)
    // A Chinese numeral's own 〇 is no letter.
    let numeral = try #require(AmountReader.read("三百〇五万元", defaultUnit: nil))
    #expect(numeral.value == 305 && !numeral.readsLetter)
  }

  /// Digits a space apart are joined only where a number stands: after an operator or before
  /// a unit, a scale or 以上; a date, a quantity, a range and bare digits keep their reading.
  @Test func spacedDigitsJoinOnlyWhereANumberStands() {
    let thousands = TargetGrammar.read("≥1 200人")
    #expect(thousands.value == 1200 && thousands.unit == "人" && thousands.flags == [.spacedDigits])
    #expect(TargetGrammar.read("≥1 20人").kind == .text)
    let joined = TargetGrammar.read("≥ 6 1 %")
    #expect(joined.raw == "≥ 6 1 %" && joined.value == 61 && joined.flags == [.spacedDigits])
    let date = TargetGrammar.read("2024 年 12 月", context: TargetContext(budgetYear: 2024))
    #expect(date.kind == .date && date.date == DateInterval(start: "2024-12-01", end: "2024-12-31") && date.flags.isEmpty)
    let count = TargetGrammar.read("3 项")
    #expect(count.kind == .quantitative && count.value == 3 && count.unit == "项" && count.flags.isEmpty)
    let range = TargetGrammar.read("60 - 80")
    #expect(range.kind == .range && range.min == 60 && range.max == 80 && range.flags.isEmpty)
    // No operator, no unit: nothing says the digits are one number.
    #expect(TargetGrammar.read("1 2 3").kind == .text)
    // A number a space away leaves where the joined one begins a guess.
    #expect(TargetGrammar.read("12 3 4 %").kind == .text)
    #expect(TargetGrammar.read("≥ 3 4 12 %").kind == .text)
    // A funds cell takes no joined digits: they may be two cells.
    #expect(AmountReader.read("1 2万元", defaultUnit: nil) == nil)
    // A Chinese numeral's 〇 is its own zero: no flag.
    let numeral = TargetGrammar.read("二〇二四年十二月", context: TargetContext(budgetYear: 2024))
    #expect(numeral.kind == .date && numeral.flags.isEmpty)
  }

  /// A value a narrow column wrapped (`≥95⏎%`, `≥1,00⏎0人`, `2024年12⏎月`, `万元/公⏎里`)
  /// reads as the one value it is, flagged `wrappedLine`, the raw text as written: the unit
  /// was lost, the number read as three, the date as words. A break between two values, or
  /// between two numbers each whole, stays.
  @Test func aValueWrappedInItsCellReadsWhole() {
    let percent = TargetGrammar.read("≥95\n%")
    #expect(percent.kind == .quantitative && percent.op == .atLeast && percent.value == 95 && percent.unit == "%")
    #expect(percent.flags == [.wrappedLine] && percent.raw == "≥95\n%")
    let count = TargetGrammar.read("≥1,00\n0人")
    #expect(count.kind == .quantitative && count.value == 1000 && count.unit == "人" && count.flags == [.wrappedLine])
    for text in ["2024年12\n月", "2024年\n12月", "2024年 \n 12月"] {
      let date = TargetGrammar.read(text, context: TargetContext(budgetYear: 2024))
      #expect(date.kind == .date && date.date == DateInterval(start: "2024-12-01", end: "2024-12-31"), "\(text)")
    }
    let unit = TargetGrammar.read("≤2.4万元/公\n里")
    #expect(unit.unit == "万元/公里" && unit.flags == [.wrappedLine])
    #expect(TargetGrammar.read("≥90%\n≥95%").kind == .compound)
    #expect(TargetGrammar.read("2024年\n2025年", context: TargetContext(budgetYear: 2024)).kind == .compound)
    #expect(TargetGrammar.read("100\n200").kind == .compound)
    #expect(TargetGrammar.read("≥95%").flags.isEmpty)
  }

  /// Under 时效指标 without a name, as under a name about a time. (Not among the target
  /// cases, whose contexts `ColumnContextTests` reads with names alone.)
  @Test func dayUnderTimeliness() {
    let target = TargetGrammar.read("20241231", context: TargetContext(budgetYear: 2024, isTimeliness: true))
    #expect(target.kind == .date && target.op == nil && target.value == nil && target.flags.isEmpty)
    #expect(target.date == DateInterval(start: "2024-12-31", end: "2024-12-31"))
  }

  /// A bare 万 under a name that counts keeps 万 as written, and says no money.
  @Test func magnitudeKeepsItsWord() {
    let target = TargetGrammar.read("≥1.5万", context: TargetContext(indicatorName: "培训人次"))
    #expect(target.unitRaw == "万")
    #expect(target.yuan == nil && target.money == nil)
    let range = TargetGrammar.read("1万-2万", context: TargetContext(indicatorName: "培训人次"))
    #expect(range.unitRaw == "万")
    // Under a cost level the name does not matter: money.
    let cost = TargetGrammar.read("<350万", context: TargetContext(indicatorName: "维修路灯数量", isCost: true))
    #expect(cost.unit == "万元" && cost.yuan == 3_500_000)
    let count = TargetGrammar.read("<350万", context: TargetContext(indicatorName: "维修路灯数量"))
    #expect(count.unit == nil && count.value == 3_500_000)
  }

  /// The levels whose values are money: 成本指标 at either level and 经济成本指标, not the
  /// social or ecological costs.
  @Test func costLevels() {
    #expect(IndicatorBuilder.isCost(level1: .output, level2: .cost))
    #expect(IndicatorBuilder.isCost(level1: .cost, level2: .economicCost))
    #expect(IndicatorBuilder.isCost(level1: .cost, level2: nil))
    #expect(!IndicatorBuilder.isCost(level1: .cost, level2: .socialCost))
    #expect(!IndicatorBuilder.isCost(level1: .output, level2: .quantity))
    #expect(!IndicatorBuilder.isCost(level1: nil, level2: nil))
  }

  /// In a document the name and level reach the grammar: the count, the cost and the day.
  @Test func documentGivesNameAndLevel() throws {
    let rows = HeaderVariantTests.cells([
      "2024年项目绩效目标表",
      "项目名称 | 项目预算数 | 项目绩效目标 | 一级指标 | 二级指标 | 三级指标 | 指标值",
      "职业技能培训 | 120 | 完成培训。 | 产出指标 | 数量指标 | 培训人次 | ≥1.5万",
      " |  |  |  | 时效指标 | 完成时间 | 20241231前",
      " |  |  |  | 成本指标 | 财政支出 | <120万",
      " |  |  | 效益指标 | 社会效益指标 | 技能合格率 | ≥90%≤100%",
    ])
    let document = try Jixiao.parse(Array(DepartmentTaskTests.text(.tabbed, rows: rows).utf8), path: "misread.txt")
    let targets = document.projects.flatMap(\.indicators).map(\.target)
    try #require(targets.count == 4)
    #expect(targets[0].value == 15000 && targets[0].unit == nil && targets[0].unitRaw == "万")
    #expect(targets[1].kind == .date && targets[1].op == .atMost)
    #expect(targets[1].date == DateInterval(start: "2024-12-31", end: "2024-12-31"))
    #expect(targets[2].unit == "万元" && targets[2].yuan == 1_200_000)
    #expect(targets[3].kind == .range && targets[3].min == 90 && targets[3].max == 100)
  }
}
