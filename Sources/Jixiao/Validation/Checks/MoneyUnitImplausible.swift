import FoundationEssentials

/// JX208: a money unit that the magnitudes contradict: `450,000.00` under 万元 (45 亿), or a
/// project of `50` 元.
enum MoneyUnitImplausible: Check {
  static let entry = CatalogueEntry(
    "JX208", .warning,
    title: Localized(zh: "金额单位与数值不符", en: "money unit contradicts the amounts"),
    message: Localized(
      zh: "“{0}”按{1}读为 {2}，数量级不合常理，单位可能有误",
      en: "'{0}' read in {1} is {2}; the magnitude is implausible, so the unit may be wrong"),
    explanation: Localized(
      zh: "表头写“万元”而金额像以元填写（如 450,000.00 万元即 45 亿元），或写“元”而项目资金只有几十元。\n示例：`项目资金（万元） │ 450,000.00`。\n修正：更正表头单位或金额。",
      en: "The header says 万元 while the amounts look like 元 (450,000.00 万元 is 4.5 billion 元), or it says 元 while a project's funds are a few dozen 元.\nExample: `项目资金（万元） │ 450,000.00`.\nFix: correct the header's unit or the amounts."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for entity in subject.entities {
      guard let total = entity.funds.total, total.unitSource != .cell else { continue }
      let implausible =
        (total.unit == MoneyUnit.wanYuan.rawValue && total.value.isAtLeast(100_000))
        || (total.unit == MoneyUnit.yuan.rawValue && total.value.isAbove(0) && total.value.isBelow(1000))
      if implausible {
        diagnostics.append(Diagnostic(self, span: total.span, total.raw, total.unit, Figures.yuan(total.yuan)))
      }
    }
    return diagnostics
  }
}
