import FoundationEssentials

/// JX209: cost targets in money above the project's funds: one target above them, or the
/// cost indicators together.
enum CostTargetsExceedFunds: Check {
  static let entry = CatalogueEntry(
    "JX209", .warning,
    title: Localized(zh: "成本指标超过资金", en: "cost targets exceed the funds"),
    message: Localized(
      zh: "“{0}”的成本指标合计 {1}，超过项目资金 {2}",
      en: "the cost targets of '{0}' add up to {1}, more than its funds of {2}"),
    explanation: Localized(
      zh: "成本指标（成本指标、经济成本指标）以金额表示的目标，是项目要花的钱；单个或合计都不应超过项目资金（“相应匹配”）。只计年度指标；“≤ X”按 X 计；相对基数的变化（较上年减少10万元）不计。\n示例：资金 118.10 万元，成本指标 43 + 84.66 + 40 + 11.4 + 24 = 203.06 万元。\n修正：更正成本指标或项目资金。",
      en: "Cost indicators (成本指标, 经济成本指标) stated in money are what the project will spend; alone or together they should not exceed its funds (the 相应匹配 requirement). Only annual indicators count; '≤ X' counts as X; a change against a baseline (较上年减少10万元) does not count.\nExample: funds 118.10 万元, cost targets 43 + 84.66 + 40 + 11.4 + 24 = 203.06 万元.\nFix: correct the cost targets or the funds."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for (entityIndex, entity) in subject.entities.enumerated() {
      // Most entities have no cost target in money, which the facts tell.
      guard subject.anyFact(ofEntity: entityIndex, { $0.ownsTarget && $0.isCostAmount && $0.horizon == .annual }),
        let funds = entity.funds.total
      else { continue }
      let costs = entity.ownTargets.filter { $0.isCostAmount && $0.indicator.horizon == .annual }.map { $0.indicator }
      guard !costs.isEmpty else { continue }
      // Most cost targets fit in the funds, which integers tell without Decimal arithmetic;
      // the Decimal sum is made for the rest.
      if funds.yuan.exponent < 100, exactlyWithin(costs, funds.yuan) == true { continue }
      var sum = costs.reduce(Decimal(0)) { $0 + ($1.target.money ?? 0) }
      // A total cost indicator (年度预算总成本) beside its parts: count the total once.
      if costs.count >= 3, let largest = costs.compactMap({ $0.target.money }).max(), largest * 2 == sum {
        sum = largest
      }
      // Half a unit is never negative: a sum within the funds needs no tolerance (making it
      // and adding it cost two Decimal operations of thousands of instructions each). Not
      // near Decimal's largest exponent, where the addition overflows to NaN, which every
      // number exceeds.
      let withinFunds = funds.yuan.exponent < 100 && !(sum > funds.yuan)
      if !withinFunds, sum > funds.yuan + funds.halfUnit {
        let related = costs.map { Diagnostic.Related(.part, span: $0.targetSpan, "\($0.name ?? "") \($0.target.raw)") }
        diagnostics.append(
          Diagnostic(self, span: funds.span, entity.name, Figures.inUnit(sum, like: funds), funds.printed, related: related))
      }
    }
    return diagnostics
  }

  /// What the Decimal arithmetic of `run` finds (the sum of the costs, or the largest when it
  /// is half the sum, is not above the funds), nil when some amount is not an exact integer.
  static func exactlyWithin(_ costs: [Indicator], _ funds: Decimal) -> Bool? {
    guard let funds = ScaledInteger(funds) else { return nil }
    var sum = ScaledInteger(significand: 0, exponent: 0)
    var largest: ScaledInteger?
    for cost in costs {
      guard let money = cost.target.money else { continue }
      guard let value = ScaledInteger(money), let newSum = sum + value else { return nil }
      sum = newSum
      if let current = largest {
        guard let order = ScaledInteger.compare(value, current) else { return nil }
        if order > 0 { largest = value }
      } else {
        largest = value
      }
    }
    if costs.count >= 3, let largest {
      guard let doubled = largest + largest, let order = ScaledInteger.compare(doubled, sum) else { return nil }
      if order == 0 { sum = largest }
    }
    return ScaledInteger.compare(sum, funds).map { $0 <= 0 }
  }
}

/// JX210: a project with cost targets in money but no funds stated.
enum CostTargetWithoutFunds: Check {
  static let entry = CatalogueEntry(
    "JX210", .warning,
    title: Localized(zh: "有成本指标而无资金", en: "cost target without funds"),
    message: Localized(
      zh: "“{0}”没有填写资金总额，却有成本指标 {1}",
      en: "'{0}' states no funds but has the cost target {1}"),
    explanation: Localized(
      zh: "项目有以金额表示的成本指标，但资金总额为空，无法核对二者是否匹配。\n示例：资金总额为空，成本指标“城管公安大队办公经费 ≤ 16 万元”。\n修正：填写项目资金。",
      en: "The project has a cost target in money but no funds, so the two cannot be matched.\nExample: an empty 资金总额 and the cost target 城管公安大队办公经费 ≤ 16 万元.\nFix: state the project's funds."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    subject.entities.indices.compactMap { entityIndex in
      let entity = subject.entities[entityIndex]
      guard subject.anyFact(ofEntity: entityIndex, { $0.ownsTarget && $0.isCostAmount }), entity.funds.total == nil,
        let cost = entity.ownTargets.first(where: { $0.isCostAmount })?.indicator
      else { return nil }
      return Diagnostic(self, span: cost.targetSpan, entity.name, "\(cost.name ?? "") \(cost.target.raw)\(cost.unitColumn.map { " \($0)" } ?? "")")
    }
  }
}
