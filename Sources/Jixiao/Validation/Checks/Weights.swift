import FoundationEssentials

/// JX205: the weights (分值) of an entity's indicators do not total 100 (90 when the table
/// scores budget execution separately with 10).
enum WeightsDoNotTotal: Check {
  static let entry = CatalogueEntry(
    "JX205", .warning,
    title: Localized(zh: "分值合计不为100", en: "weights do not total 100"),
    message: Localized(
      zh: "“{0}”各指标分值合计为 {1}，应为 {2}",
      en: "the indicator weights of '{0}' total {1}; expected {2}"),
    explanation: Localized(
      zh: "表中有分值（权重）时，一个项目各指标的分值合计应为 100；如表格另设“预算执行率 10 分”，则指标合计应为 90（此时按 90 判断）；表头写明合计（如“年度绩效目标(90分)”）时按表头判断；分值都写成小数（0.6、0.4）时合计应为 1。\n示例：两个指标分别为 20分、10分，合计 30。\n修正：补全遗漏的指标或调整分值。",
      en: "Where a table gives weights, a project's indicator weights should total 100; when the table scores budget execution separately with 10 (预算执行率 10分), they should total 90, and that is what is expected then; a total the header declares (年度绩效目标(90分)) is what is expected; weights written as fractions (0.6, 0.4) should total 1.\nExample: two indicators weighted 20分 and 10分, total 30.\nFix: add the missing indicators or correct the weights."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    let reservesTen = subject.document.projects.contains { $0.fields.contains { $0.role == FieldRole.budgetExecution.rawValue } }
    var diagnostics: [Diagnostic] = []
    for (entityIndex, entity) in subject.entities.enumerated() where !subject.isCutOff(entity.span) {
      // Most entities have no weights, which the facts tell.
      guard subject.anyFact(ofEntity: entityIndex, { $0.hasWeight }) else { continue }
      let expected: Decimal = entity.declaredWeightTotal ?? (reservesTen ? 90 : 100)
      let weighted = entity.indicators.lazy.map { $0.indicator }.filter { $0.weight != nil }
      guard !weighted.isEmpty else { continue }
      func decimalTotal() -> Decimal { weighted.reduce(Decimal(0)) { $0 + ($1.weight ?? 0) } }
      var isExpected = exactTotal(weighted, is: expected) ?? (decimalTotal() == expected)
      // Weights as fractions of one (0.6, 0.4): a whole of 1 is the whole of 100.
      if !isExpected, entity.declaredWeightTotal == nil, weighted.allSatisfy({ ($0.weight ?? 0) <= 1 }) {
        isExpected = exactTotal(weighted, is: 1) ?? (decimalTotal() == 1)
      }
      if !isExpected {
        let total = decimalTotal()
        let related = Array(weighted.map { Diagnostic.Related(.part, span: $0.spans[.weight] ?? $0.span, "\($0.name ?? "") \($0.weightRaw ?? "")") })
        diagnostics.append(Diagnostic(self, span: entity.span, entity.name, DecimalText.plain(total), DecimalText.plain(expected), related: related))
      }
    }
    return diagnostics
  }

  /// Whether the weights total `expected`, by integers; nil when some weight is not an
  /// exact integer at its scale (then Decimal arithmetic answers).
  static func exactTotal(_ weighted: some Sequence<Indicator>, is expected: Decimal) -> Bool? {
    guard let total = ScaledInteger.sum(weighted.lazy.map { $0.weight ?? 0 }), let expected = ScaledInteger(expected) else { return nil }
    return ScaledInteger.compare(total, expected).map { $0 == 0 }
  }
}

/// JX206: some indicators of an entity carry weights and others do not.
enum WeightsPartlyMissing: Check {
  static let entry = CatalogueEntry(
    "JX206", .warning,
    title: Localized(zh: "部分指标缺分值", en: "weights missing on some rows"),
    message: Localized(zh: "“{0}”有 {1} 个指标有分值，{2} 个没有", en: "'{0}' has weights on {1} indicators and none on {2}"),
    explanation: Localized(
      zh: "同一项目中，有的指标填了分值，有的没有。\n示例：`产出指标 … 20分` 下一行分值为空。\n修正：为每个指标填写分值。",
      en: "Within one project some indicators have weights and others do not.\nExample: `产出指标 … 20分` followed by a row with an empty weight.\nFix: give every indicator its weight."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    subject.entities.indices.compactMap { entityIndex in
      let entity = subject.entities[entityIndex]
      guard !subject.isCutOff(entity.span) else { return nil }
      // Counted in the facts: most entities have weights on all indicators or on none.
      var withWeight = 0
      _ = subject.anyFact(ofEntity: entityIndex) { fact in
        if fact.hasWeightRaw { withWeight += 1 }
        return false
      }
      let without = entity.indicators.count - withWeight
      guard withWeight > 0, without > 0 else { return nil }
      let indicators = entity.indicators.lazy.map { $0.indicator }
      guard let first = indicators.first(where: { $0.weightRaw == nil }) else { return nil }
      return Diagnostic(self, span: first.span, entity.name, String(withWeight), String(without))
    }
  }
}

/// JX207: a weight that is not a number once 分 is stripped.
enum WeightNotANumber: Check {
  static let entry = CatalogueEntry(
    "JX207", .error,
    title: Localized(zh: "分值不是数字", en: "weight is not a number"),
    message: Localized(zh: "分值“{0}”不是数字", en: "weight '{0}' is not a number"),
    explanation: Localized(
      zh: "分值去掉“分”字后应为数字。\n示例：`分值 │ 二十分左右`。\n修正：写成数字，如 20 或 20分。",
      en: "A weight should be a number once 分 is removed.\nExample: `分值 │ 二十分左右`.\nFix: write it as a number, such as 20 or 20分."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    subject.findings(ownTargetsOnly: false, where: { $0.hasWeightRaw && !$0.hasWeight }) { entity, checked in
      let indicator = checked.indicator
      guard let raw = indicator.weightRaw, indicator.weight == nil, !raw.isEmpty else { return nil }
      return Diagnostic(self, span: indicator.spans[.weight] ?? indicator.span, raw)
    }
  }
}
