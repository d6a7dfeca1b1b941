import FoundationEssentials

/// JX601: the explanation states one amount of money that is not the target (`≤32万元` with
/// 控制公用经费支出58万元).
enum ExplanationNamesAnotherAmount: Check {
  static let entry = CatalogueEntry(
    "JX601", .warning,
    title: Localized(zh: "指标解释中的金额与目标不符", en: "explanation names another amount"),
    message: Localized(zh: "指标值为 {0}，指标解释却写 {1}", en: "the target is {0} but the explanation says {1}"),
    explanation: Localized(
      zh: "以金额表示的目标，其指标解释（指标值内容）中写的金额应与之相符。只在解释中恰好写了一个总额（不含“元/人”之类单价）、且它及各金额之和都不等于目标（允许末位舍入）时报告；评分标准中的阈值不比较。\n示例：`公用经费成本控制 │ ≤ │ 32 │ 万元 │ 控制公用经费支出58万元`。\n修正：统一两处金额。",
      en: "For a target in money, the amount stated in its explanation (指标值内容 / 指标解释) should agree. Reported only when the explanation states exactly one total (unit prices such as 元/人 are ignored) and neither it nor the sum of the amounts equals the target (allowing for rounding); thresholds in scoring rules are not compared.\nExample: `公用经费成本控制 │ ≤ │ 32 │ 万元 │ 控制公用经费支出58万元`.\nFix: make the two amounts agree."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for entity in subject.entities {
      for checked in entity.ownTargets {
        let indicator = checked.indicator
        guard let target = indicator.target.money, let explanation = indicator.explanation else { continue }
        let amounts = AmountsInText.find(explanation)
        guard amounts.count == 1, let stated = amounts.first else { continue }
        let tolerance = halfUnit(indicator.target)
        let difference = stated.yuan - target
        if (difference < 0 ? -difference : difference) > tolerance {
          diagnostics.append(
            Diagnostic(
              self, span: indicator.targetSpan, indicator.target.raw + (indicator.unitColumn.map { " \($0)" } ?? ""), stated.text,
              related: indicator.spans[.explanation].map { [.init(.comparedWith, span: $0, stated.text)] } ?? []))
        }
      }
    }
    return diagnostics
  }

  static func halfUnit(_ target: Target) -> Decimal {
    let text = target.raw
    let decimals = text.split(separator: ".").dropFirst().first.map { $0.prefix { $0.isNumber }.count } ?? 0
    let multiplier = target.unit.flatMap { MoneyUnit.named($0)?.multiplier } ?? 1
    return Decimal(sign: .plus, exponent: -(decimals + 1), significand: 5) * multiplier
  }
}

/// Amounts of money written in running text: `58万元`, `3874777元`, `50000元`; unit prices
/// (`929.71元/人/月`) are not amounts.
enum AmountsInText {
  struct Found {
    var text: String
    var yuan: Decimal
  }

  static func find(_ text: String) -> [Found] {
    // Every amount has 元 or 万, which NFKC makes from no other character (TextScanTests).
    guard text.containsBytes("元") || text.containsBytes("万") else { return [] }
    return find(anyText: text)
  }

  /// `find` without the test for 元 and 万 (what TextScanTests hold it to).
  static func find(anyText text: String) -> [Found] {
    let scalars = Array(ICU.nfkc(text).unicodeScalars)
    var found: [Found] = []
    var index = 0
    while index < scalars.count {
      guard ("0"..."9").contains(scalars[index]), index == 0 || !(("0"..."9").contains(scalars[index - 1]) || scalars[index - 1] == ".") else {
        index += 1
        continue
      }
      var end = index
      var digits = ""
      while end < scalars.count, ("0"..."9").contains(scalars[end]) || scalars[end] == "." || scalars[end] == "," {
        if scalars[end] != "," { digits.unicodeScalars.append(scalars[end]) }
        end += 1
      }
      var unitEnd = end
      var multiplier: Decimal?
      for (unit, value) in [("万元", Decimal(10000)), ("亿元", Decimal(100_000_000)), ("元", Decimal(1)), ("万", Decimal(10000))] {
        let unitScalars = Array(unit.unicodeScalars)
        if end + unitScalars.count <= scalars.count, Array(scalars[end..<(end + unitScalars.count)]) == unitScalars {
          multiplier = value
          unitEnd = end + unitScalars.count
          break
        }
      }
      let isRate = unitEnd < scalars.count && (scalars[unitEnd] == "/" || scalars[unitEnd] == "每")
      if let multiplier, !isRate, let value = Decimal(string: digits) {
        found.append(Found(text: String(scalars: scalars[index..<unitEnd]), yuan: value * multiplier))
      }
      index = max(unitEnd, index + 1)
    }
    return found
  }
}
