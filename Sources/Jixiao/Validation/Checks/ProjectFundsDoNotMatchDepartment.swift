import FoundationEssentials

/// JX202: the department's 项目支出 ≠ the sum of its projects' funds.
enum ProjectFundsDoNotMatchDepartment: Check {
  static let entry = CatalogueEntry(
    "JX202", .error,
    title: Localized(zh: "项目资金之和不符", en: "project funds do not add up"),
    message: Localized(
      zh: "项目支出 {0}，但 {1} 个项目的资金合计 {2}（相差 {3}）",
      en: "project spending is {0}, but the {1} projects with amounts add up to {2} (off by {3})"),
    explanation: Localized(
      zh: "部门的项目支出（部门收支总表或部门整体支出绩效目标表中的“项目支出”）应等于项目支出绩效目标表中各项目资金之和。只计有金额的项目；没有金额的项目另有提示（JX109、JX210）。\n示例：项目支出 983.28，而十个项目合计 973.28。\n修正：补全遗漏的项目或更正金额。",
      en: "The department's project spending (项目支出 in the budget summary or the department-wide table) should equal the sum of the funds of the projects in its project table. Only projects with an amount are summed; projects without one are reported separately (JX109, JX210).\nExample: 项目支出 983.28 while ten projects add up to 973.28.\nFix: add the missing projects or correct the amounts."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    let document = subject.document
    let funded = document.projects.compactMap { project in project.funds.total.map { (project, $0) } }
    guard funded.count >= 2 else { return [] }
    var stated: [Amount] = document.departments.flatMap { $0.funds.lines.filter { $0.standardLabel == "项目支出" }.map(\.amount) }
    stated += document.budgetLines.filter { $0.normalizedLabel == "项目支出" }.compactMap(\.amount)
    // The totals seen, by value: a handful, where hashing a Decimal cost tens of thousands
    // of instructions.
    var seen: [Decimal] = []
    var diagnostics: [Diagnostic] = []
    let parts = funded.map { $0.1 }
    // The sum and the notes only for a diagnostic: most totals add up.
    var sum: Decimal { parts.reduce(Decimal(0)) { $0 + $1.yuan } }
    var related: [Diagnostic.Related] { funded.map { Diagnostic.Related(.part, span: $0.1.span, "\($0.0.name ?? "") \($0.1.printed)") } }
    for total in stated {
      if seen.contains(where: { $0 == total.yuan }) { continue }
      seen.append(total.yuan)
      switch SumComparison.compare(total: total, parts: parts) {
      case .equal: continue
      case .rounding(let difference):
        diagnostics.append(
          Diagnostic(RoundingDifference.self, span: total.span, total.printed, Figures.inUnit(sum, like: total), Figures.yuan(difference), related: related))
      case .mismatch(let difference):
        diagnostics.append(
          Diagnostic(self, span: total.span, total.printed, String(funded.count), Figures.inUnit(sum, like: total), Figures.yuan(difference), related: related))
      }
    }
    return diagnostics
  }
}
