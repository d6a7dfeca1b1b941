/// JX305: the operator column says one thing and the text another (column `≥`, value `<350万`).
enum OperatorColumnConflict: Check {
  static let entry = CatalogueEntry(
    "JX305", .error,
    title: Localized(zh: "指标性质与指标值矛盾", en: "operator column contradicts the value"),
    message: Localized(zh: "指标性质列为“{0}”，指标值“{1}”中的运算符却是“{2}”", en: "the operator column says '{0}' but the target '{1}' says '{2}'"),
    explanation: Localized(
      zh: "指标性质（指标值类型）列给出 ≥、≤、＝，而指标值自身也带运算符且不一致。Jixiao 采用指标值中的运算符并报告矛盾。\n示例：`财政支出 │ <350万 │ ≥`。\n修正：统一运算符。",
      en: "The operator column (指标性质 / 指标值类型) gives ≥, ≤ or ＝ while the target carries a different operator of its own. The target's operator is kept and the contradiction reported.\nExample: `财政支出 │ <350万 │ ≥`.\nFix: make them agree."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    subject.findings(ownTargetsOnly: true, where: { $0.has(.operatorConflict) && $0.hasValueType }) { entity, checked in
      let indicator = checked.indicator
      guard indicator.target.flags.contains(.operatorConflict), let column = indicator.valueType else { return nil }
      return Diagnostic(
        self, span: indicator.targetSpan, column, indicator.target.raw, indicator.target.op?.rawValue ?? "",
        related: indicator.spans[.valueType].map { [.init(.comparedWith, span: $0, column)] } ?? [])
    }
  }
}

/// JX306: the value type says 定性 but the target is a number.
enum QualitativeTypeWithNumber: Check {
  static let entry = CatalogueEntry(
    "JX306", .warning,
    title: Localized(zh: "定性指标填了数值", en: "qualitative type with a number"),
    message: Localized(zh: "指标值类型为“定性”，指标值却是数值“{0}”", en: "the value type is 定性 but the target '{0}' is a number"),
    explanation: Localized(
      zh: "“定性”指标应以等级或文字描述目标（如 有效保障、显著提升）；填了数值说明类型或指标值有一个填错。\n示例：`按时完成资金使用 │ 12 │ … │ 个月 │ 定性`。\n修正：把类型改为“定量”并给出运算符，或把指标值改为定性描述。",
      en: "A 定性 (qualitative) indicator states its target as a grade or words (有效保障, 显著提升); a number means the type or the target is wrong.\nExample: `按时完成资金使用 │ 12 │ … │ 个月 │ 定性`.\nFix: make the type 定量 with an operator, or state the target in words."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    subject.findings(ownTargetsOnly: true, where: { $0.valueTypeReading == .qualitative && $0.kind.mayBeNumeric }) { entity, checked in
      let indicator = checked.indicator
      guard checked.valueTypeReading == .qualitative, let type = indicator.valueType, indicator.target.isNumeric else { return nil }
      return Diagnostic(
        self, span: indicator.targetSpan, indicator.target.raw + (indicator.unitColumn.map { " \($0)" } ?? ""),
        related: indicator.spans[.valueType].map { [.init(.comparedWith, span: $0, type)] } ?? [])
    }
  }
}

/// JX307: the value type says 定量 (or gives an operator) but the target has no number.
enum QuantitativeTypeWithoutNumber: Check {
  static let entry = CatalogueEntry(
    "JX307", .warning,
    title: Localized(zh: "定量指标没有数值", en: "quantitative type without a number"),
    message: Localized(zh: "指标值类型为“{0}”，指标值“{1}”却没有数值", en: "the value type is '{0}' but the target '{1}' has no number"),
    explanation: Localized(
      zh: "“定量”或给出运算符（≥ ≤ ＝）的指标应有数值目标；文字描述说明量化不足（细化量化要求）。\n示例：`工作安排时间 │ 定量 │ 按月安排`。\n修正：给出可衡量的数值，或把类型改为“定性”。",
      en: "A 定量 indicator, or one with an operator (≥ ≤ ＝), should have a numeric target; words mean it is not quantified as the rules ask (细化量化).\nExample: `工作安排时间 │ 定量 │ 按月安排`.\nFix: give a measurable number, or make the type 定性."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    subject.findings(ownTargetsOnly: true, where: { $0.valueTypeReading == .number && ($0.kind == .qualitative || $0.kind == .text) }) {
      entity, checked in
      let indicator = checked.indicator
      guard checked.valueTypeReading == .number, let type = indicator.valueType else { return nil }
      switch indicator.target.kind {
      case .qualitative, .text:
        return Diagnostic(
          self, span: indicator.targetSpan, type, indicator.target.raw,
          related: indicator.spans[.valueType].map { [.init(.comparedWith, span: $0, type)] } ?? [])
      default: return nil
      }
    }
  }
}

/// JX308: an indicator with a name but no target (指标值不明确).
enum EmptyTarget: Check {
  static let entry = CatalogueEntry(
    "JX308", .warning,
    title: Localized(zh: "指标值为空", en: "empty target"),
    message: Localized(zh: "指标“{0}”没有指标值", en: "indicator '{0}' has no target"),
    explanation: Localized(
      zh: "有三级指标名称而指标值为空：指标值不明确。只有二级指标名称、其余全空的模板行不算（它们计为占位行）。\n示例：`效益指标 │ 可持续影响指标 │ 长效管理机制健全性 │`。\n修正：填写指标值。",
      en: "An indicator has a name but no target (指标值不明确). Template rows with only a level-2 name are placeholders, not this.\nExample: `效益指标 │ 可持续影响指标 │ 长效管理机制健全性 │` with nothing after.\nFix: give the target."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    subject.findings(ownTargetsOnly: true, where: { $0.kind == .empty && $0.hasName }) { entity, checked in
      let indicator = checked.indicator
      guard indicator.target.kind == .empty, let name = indicator.name else { return nil }
      return Diagnostic(self, span: indicator.nameSpan, name)
    }
  }
}

/// JX310: a direction that reads backwards: a satisfaction or pass rate with ≤, or an
/// overdue, error or accident rate with ≥.
enum DirectionReversed: Check {
  static let entry = CatalogueEntry(
    "JX310", .note,
    title: Localized(zh: "指标方向可能相反", en: "direction may be reversed"),
    message: Localized(zh: "“{0}”的目标“{1}”方向可能相反", en: "the target '{1}' of '{0}' may point the wrong way"),
    explanation: Localized(
      zh: "正向指标（满意度、合格率、完成率，以及数量指标中的“…数量”）通常用 ≥，反向指标（逾期率、差错率、事故数）通常用 ≤。方向相反可能是笔误。相对基数的变化（较上年下降≥3%）的方向在“下降”等词中，不在此列。自评时正向指标按 实际/目标 计分，反向按 目标/实际 计分，方向错会颠倒得分。\n示例：`逾期发放率 │ >=100%`。\n修正：核对运算符。",
      en: "Positive indicators (satisfaction, pass and completion rates, and …数量 under 数量指标) are usually ≥ and negative ones (overdue, error, accident rates) ≤. The opposite may be a slip (a change against a baseline, 较上年下降≥3%, says its direction in words such as 下降 and is not checked); self-evaluation scores forward indicators as actual/target and reverse ones as target/actual, so a wrong direction inverts the score.\nExample: `逾期发放率 │ >=100%`.\nFix: check the operator."))

  static let negative = WordList(["逾期", "差错", "错误", "事故", "投诉", "败诉", "违规", "违法", "超支", "发生率", "死亡", "纠错"])
  static let positive = WordList(["满意度", "合格率", "完成率", "达标率", "覆盖率", "通过率", "知晓率", "及时率"])

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    // What the operator asks of the name's words is in the facts: an operator one way wants
    // a negative word, the other way none (and most names have none).
    // A relative target's direction is its qualifier (`较上年下降≥3%` of 投诉率 asks for a fall of
    // at least 3 %): its operator bounds the change, not the level.
    subject.findings(ownTargetsOnly: true, where: { fact in
      guard fact.hasName, fact.kind == .quantitative, !fact.has(.relative), let op = fact.op else { return false }
      switch op {
      case .atLeast, .greater: return fact.nameHasNegativeWord
      case .atMost, .less: return !fact.nameHasNegativeWord
      case .equal: return false
      }
    }) { entity, checked in
      let indicator = checked.indicator
      guard let name = indicator.name, let op = indicator.target.op, indicator.target.kind == .quantitative,
        !indicator.target.flags.contains(.relative)
      else { return nil }
      let key = checked.nameKey ?? name
      // Only what the operator can make reversed is asked, the cheapest first.
      let reversed: Bool
      switch op {
      case .atLeast, .greater:
        reversed = negative.anyOccurs(in: key) && (indicator.target.value ?? 0) > 0
      case .atMost, .less:
        let isPositive = positive.anyEnds(key)
        let isQuantity = checked.level2 == .quantity && key.hasSuffixBytes("数量")
        reversed = (isPositive || isQuantity) && !negative.anyOccurs(in: key)
      case .equal:
        reversed = false
      }
      return reversed ? Diagnostic(self, span: indicator.targetSpan, name, indicator.target.raw) : nil
    }
  }
}

/// JX311: a target no reading fits: kept as text.
enum UnreadableTarget: Check {
  static let entry = CatalogueEntry(
    "JX311", .note,
    title: Localized(zh: "指标值按文字保留", en: "target kept as text"),
    message: Localized(zh: "指标值“{0}”无法解读为数值、日期、名次或等级，按文字保留", en: "the target '{0}' reads as no number, date, rank or grade; kept as text"),
    explanation: Localized(
      zh: "指标值语法没有找到任何可解读的形式，原文保留在 raw 中。常见于把说明写进指标值的情况。\n示例：`采集上报城市管理问题`。\n修正：写成可衡量的目标。",
      en: "The value grammar found no reading for the target; its text stays in raw. Common when an explanation was written in the target cell.\nExample: `采集上报城市管理问题`.\nFix: state a measurable target."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    subject.findings(ownTargetsOnly: true, where: { $0.kind == .text && !$0.has(.digitsRunTogether) }) { entity, checked in
      let indicator = checked.indicator
      return indicator.target.kind == .text && !indicator.target.flags.contains(.digitsRunTogether)
        ? Diagnostic(self, span: indicator.targetSpan, indicator.target.raw) : nil
    }
  }
}

/// JX313: a target whose unit (or a part of a rate's) is in no unit list: read with the unit
/// as written, which a reader should confirm.
enum UnitNotKnown: Check {
  static let entry = CatalogueEntry(
    "JX313", .note,
    title: Localized(zh: "计量单位未收录", en: "unit not known"),
    message: Localized(
      zh: "指标值“{0}”的单位“{1}”不在已知单位中，按原文保留",
      en: "the unit '{1}' of the target '{0}' is not one Jixiao knows; kept as written"),
    explanation: Localized(
      zh: "数值读出来了，但其后的单位（或比率单位中的某一部分）不在单位表中：可能是少见的量词，也可能把说明文字当成了单位。数值照常比较，单位按原文保存在 unit 中，并带 unitUnknown 标记。\n示例：`≥3000粒`。\n修正：核对单位；常用量词可加入单位表。",
      en: "The number was read, but the unit after it (or a part of a rate's unit) is in no unit list: a rare measure word, or words taken for a unit. The number is compared as usual; the unit is kept as written in unit, flagged unitUnknown.\nExample: `≥3000粒`.\nFix: check the unit; a common measure word can be added to the unit table."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    subject.findings(ownTargetsOnly: true, where: { $0.has(.unitUnknown) }) { entity, checked in
      let target = checked.indicator.target
      guard target.flags.contains(.unitUnknown) else { return nil }
      return Diagnostic(self, span: checked.indicator.targetSpan, target.raw, target.unitRaw ?? target.unit ?? "")
    }
  }
}
