import FoundationEssentials

/// JX301: the unit column contradicts the unit written in the value (`15万元` under `元`).
enum UnitColumnConflict: Check {
  static let entry = CatalogueEntry(
    "JX301", .warning,
    title: Localized(zh: "计量单位与指标值不符", en: "unit column contradicts the value"),
    message: Localized(
      zh: "指标值“{0}”自带单位，与计量单位列“{1}”不符；按指标值中的单位读取",
      en: "the target '{0}' carries its own unit, which contradicts the unit column '{1}'; read with the unit in the value"),
    explanation: Localized(
      zh: "指标值里写了单位（如 15万元），而“度量单位/计量单位”列是另一个单位（如 元）。按指标值读为 15 万元，并提示矛盾：两者必有一个是错的。\n示例：`协管员培训 │ 15万元 │ … │ 元`。\n修正：统一单位，如指标值写 15、单位列写 万元。",
      en: "The target carries a unit (15万元) while the unit column says another (元). The target is read as 15 万元 and the contradiction reported: one of the two is wrong.\nExample: `协管员培训 │ 15万元 │ … │ 元`.\nFix: make them agree, e.g. target 15 and unit column 万元."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    subject.findings(ownTargetsOnly: true, where: { $0.has(.unitConflict) && $0.kind != .date && $0.hasUnitColumn }) { entity, checked in
      let indicator = checked.indicator
      // A date under a duration unit is JX309's finding.
      guard indicator.target.flags.contains(.unitConflict), indicator.target.kind != .date,
        let column = indicator.unitColumn
      else { return nil }
      return Diagnostic(
        self, span: indicator.targetSpan, indicator.target.raw, column,
        related: indicator.spans[.unitColumn].map { [.init(.comparedWith, span: $0, column)] } ?? [])
    }
  }
}

/// JX302: a rate with a unit that is not a percentage (成本节约率 in 元, 及时发放率 in 天).
enum RateWithoutPercent: Check {
  static let entry = CatalogueEntry(
    "JX302", .warning,
    title: Localized(zh: "比率指标的单位不是百分比", en: "rate with a non-percentage unit"),
    message: Localized(zh: "“{0}”是比率，单位却是“{1}”", en: "'{0}' is a rate but its unit is '{1}'"),
    explanation: Localized(
      zh: "名称以“率”结尾的指标（成本节约率、合格率、及时发放率……）是百分比，不应以元、天、项、季度等计量。成本节约率 =（计划成本 − 实际成本）/ 计划成本 × 100%。\n示例：`成本节约率 │ 0 │ … │ 元 │ ≥`；`保险及时发放率 │ 0 │ … │ 天`。\n修正：单位改为 %，或把指标改名为它实际衡量的量（如“推迟天数”）。",
      en: "An indicator whose name ends in 率 (成本节约率, 合格率, 及时发放率 …) is a percentage, not an amount of 元, days, items or quarters. 成本节约率 = (planned − actual cost) / planned cost × 100%.\nExample: `成本节约率 │ 0 │ … │ 元 │ ≥`; `保险及时发放率 │ 0 │ … │ 天`.\nFix: make the unit %, or rename the indicator to what it measures (推迟天数)."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    subject.findings(ownTargetsOnly: true, where: { $0.hasName && $0.nameEndsInRate && $0.kind.mayBeNumeric }) { entity, checked in
      let indicator = checked.indicator
      guard let name = indicator.name, checked.nameKey?.hasSuffixBytes("率") == true, indicator.target.isNumeric else { return nil }
      let written = indicator.unitColumn ?? indicator.target.unitRaw
      guard let unit = indicator.target.unit ?? (written.map { TextKey.make($0) }), !unit.isEmpty,
        // A rate's change is in points of it (`提高5个百分点`).
        unit != "%", unit != "‰", unit != "/", unit != "百分点", let shown = written ?? indicator.target.unit
      else { return nil }
      return Diagnostic(self, span: indicator.spans[.unitColumn] ?? indicator.targetSpan, name, shown)
    }
  }
}

/// JX314: a count with a percentage (`培训人数 │ ≥100%`, 112's `应受助学生数 │ 100%`), the
/// converse of JX302: the share of something the name does not name, or a unit column gone
/// astray.
enum CountWithPercent: Check {
  static let entry = CatalogueEntry(
    "JX314", .note,
    title: Localized(zh: "计数指标的指标值是百分比", en: "count with a percentage"),
    message: Localized(zh: "“{0}”是计数，指标值“{1}”却是百分比", en: "'{0}' is a count but its target '{1}' is a percentage"),
    explanation: Localized(
      zh: "名称以“人数”“次数”“户数”“数量”等结尾的指标计的是个数，指标值却是百分比：要么指的是某个比率（应受助学生的资助覆盖率），要么单位列错了。相对基数的变化（较上年增长5%）不在此列。\n示例：`应受助学生数 │ 100%`；`培训人数 │ ≥100 │ … │ %`。\n修正：写出个数（≥500人），或把指标改名为它衡量的比率（资助覆盖率）。",
      en: "An indicator whose name ends in a count (人数, 次数, 户数, 数量 …) counts things, but its target is a percentage: it means a share the name does not say (the share of eligible students aided), or the unit column is wrong. A change against a baseline (较上年增长5%) is not one.\nExample: `应受助学生数 │ 100%`; `培训人数 │ ≥100 │ … │ %`.\nFix: state the count (≥500人), or name the indicator for the share it measures (资助覆盖率)."))

  /// Ends of a name that count: 人数, 次数, 学生数, 数量. Not 指数, 系数, 分数, 倍数, 函数 (an
  /// index or a ratio may be a percentage), nor 率 (JX302's).
  private static let counting = ["数", "数量"]
  private static let notCounting = ["指数", "系数", "分数", "倍数", "函数", "参数", "基数", "比数", "占比数"]

  static func isCount(_ key: String) -> Bool {
    counting.contains { key.hasSuffixBytes($0) } && !notCounting.contains { key.hasSuffixBytes($0) }
  }

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    subject.findings(ownTargetsOnly: true, where: { $0.hasName && $0.unitIsPercent && !$0.has(.relative) }) { entity, checked in
      let indicator = checked.indicator
      guard let name = indicator.name, let key = checked.nameKey, isCount(key), indicator.target.isNumeric else { return nil }
      return Diagnostic(self, span: indicator.targetSpan, name, indicator.target.raw)
    }
  }
}

/// JX303: a percentage above 100 on a rate or a satisfaction.
enum PercentAboveHundred: Check {
  static let entry = CatalogueEntry(
    "JX303", .warning,
    title: Localized(zh: "百分比超过100", en: "percentage above 100"),
    message: Localized(zh: "“{0}”的指标值 {1} 超过 100%", en: "'{0}' has the target {1}, above 100%"),
    explanation: Localized(
      zh: "比率和满意度不超过 100%。相对基数的变化（较上年增长150%）不是水平，不在此列。\n示例：`群众满意度 │ ≥110%`。\n修正：更正指标值。",
      en: "Rates and satisfaction cannot exceed 100%. A change against a baseline (较上年增长150%) is not a level and is not checked.\nExample: `群众满意度 │ ≥110%`.\nFix: correct the target."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    // A change against a baseline may exceed 100 % (`较上年增长150%`): only a level cannot.
    subject.findings(ownTargetsOnly: true, where: { $0.unitIsPercent && !$0.has(.relative) }) { entity, checked in
      let indicator = checked.indicator
      // A one-byte unit before `==`: comparing unequal strings is a call each.
      guard let unit = indicator.target.unit, unit.utf8.count == 1, unit == "%", checked.isRate || checked.isSatisfaction,
        !indicator.target.flags.contains(.relative)
      else { return nil }
      let target = indicator.target
      let value = target.value ?? target.max
      guard let value, value.isAbove(100) else { return nil }
      return Diagnostic(self, span: checked.targetSpan, indicator.name ?? "", target.raw)
    }
  }
}

/// JX304: a satisfaction target that is neither a percentage, a score nor a grade.
enum SatisfactionNotMeasured: Check {
  static let entry = CatalogueEntry(
    "JX304", .warning,
    title: Localized(zh: "满意度目标不可衡量", en: "satisfaction target not measurable"),
    message: Localized(zh: "满意度指标“{0}”的目标“{1}”不是百分比、分数或等级", en: "the satisfaction target '{1}' of '{0}' is not a percentage, a score or a grade"),
    explanation: Localized(
      zh: "满意度应以百分比（≥90%）、分数（≥85分）或等级（满意、良好）表示，才能评价是否达成；“提升”“提高”只说明方向。\n示例：`群众满意度 │ 提升`。\n修正：写明目标水平，如 ≥90%。",
      en: "Satisfaction should be stated as a percentage (≥90%), a score (≥85分) or a grade (满意, 良好) so that it can be checked; 提升 or 提高 only gives a direction.\nExample: `群众满意度 │ 提升`.\nFix: state the level, such as ≥90%."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    subject.findings(
      ownTargetsOnly: true,
      where: { ($0.level1 == .satisfaction || $0.level2 == .serviceSatisfaction) && !$0.has(.digitsRunTogether) && $0.kind != .empty }
    ) { entity, checked in
      guard checked.level1 == .satisfaction || checked.level2 == .serviceSatisfaction else { return nil }
      let indicator = checked.indicator
      let target = indicator.target
      // Digits that may be several cells were not read: nothing to judge (JX119 says so).
      if target.flags.contains(.digitsRunTogether) { return nil }
      switch target.kind {
      case .empty: return nil
      case .qualitative where target.grade != nil: return nil
      case .quantitative, .range:
        let unit = target.unit ?? ""
        if unit == "%" || unit == "分" || unit.isEmpty { return nil }
        // A change in points against a baseline (`较上年提高2个百分点`) is measured.
        if unit == "百分点", target.flags.contains(.relative) { return nil }
      default: break
      }
      return Diagnostic(self, span: indicator.targetSpan, indicator.name ?? "", target.raw)
    }
  }
}

/// JX309: a date target with a duration unit in the unit column (`2023年12月` under `天`).
enum DateUnitOnDuration: Check {
  static let entry = CatalogueEntry(
    "JX309", .warning,
    title: Localized(zh: "日期目标的单位不符", en: "date target with a duration unit"),
    message: Localized(zh: "指标值“{0}”是日期，计量单位列却是“{1}”", en: "the target '{0}' is a date but the unit column says '{1}'"),
    explanation: Localized(
      zh: "完成时间类指标的值是日期，而计量单位列写了“天”“月”等时长单位。\n示例：`协管员体检培训完成时间 │ 2023年12月 │ … │ 天`。\n修正：清空单位列，或把指标值写成时长。",
      en: "A completion-time target is a date while the unit column gives a duration such as 天 or 月.\nExample: `协管员体检培训完成时间 │ 2023年12月 │ … │ 天`.\nFix: empty the unit column, or state the target as a duration."))

  static let durations: Set<String> = ["天", "日", "个月", "月", "年", "小时", "工作日", "周", "季度"]

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    subject.findings(ownTargetsOnly: true, where: { $0.kind == .date && $0.hasUnitColumn }) { entity, checked in
      let indicator = checked.indicator
      guard indicator.target.kind == .date, let column = indicator.unitColumn, durations.contains(TextKey.make(column))
      else { return nil }
      return Diagnostic(
        self, span: indicator.spans[.unitColumn] ?? indicator.targetSpan, indicator.target.raw, column,
        related: [.init(.comparedWith, span: indicator.targetSpan, indicator.target.raw)])
    }
  }
}
