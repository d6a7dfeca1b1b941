import FoundationEssentials

/// JX211: a department's funds (金额合计) ≠ the sum of its main tasks' budgets (年度主要任务),
/// column by column. A gap that rounding explains is JX203.
enum TasksDoNotAddUp: Check {
  static let entry = CatalogueEntry(
    "JX211", .error,
    title: Localized(zh: "年度主要任务金额之和不符", en: "tasks do not add up"),
    message: Localized(
      zh: "“{0}”的{1}为 {2}，但 {3} 项年度主要任务合计 {4}（相差 {5}）",
      en: "the {1} of '{0}' is {2}, but its {3} main tasks add up to {4} (off by {5})"),
    explanation: Localized(
      zh: "部门整体支出绩效目标申报表中，“金额合计”一行的总额、财政拨款与其他资金，应分别等于各项年度主要任务预算金额之和。计算用精确小数；差额在舍入范围内时报告为 JX203。\n示例：任务一 1200、任务二 300，而金额合计印作 1600。\n修正：补全遗漏的任务，或更正任务金额与合计。",
      en: "In a department-wide target table, the 金额合计 row's total, fiscal and other funds should each equal the sum of that column over the main tasks (年度主要任务). Arithmetic is exact; a gap within rounding is JX203.\nExample: tasks of 1200 and 300 while 金额合计 is printed 1600.\nFix: add the missing tasks, or correct the task amounts or the sum."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for department in subject.document.departments where !department.tasks.isEmpty {
      let columns: [(String, (Funds) -> Amount?)] = [("总额", \.total), ("财政拨款", \.fiscal), ("其他资金", \.other)]
      for (label, slot) in columns {
        guard let total = slot(department.funds) else { continue }
        let parts = department.tasks.compactMap { task in slot(task.funds).map { (task.name ?? "", $0) } }
        guard !parts.isEmpty else { continue }
        let finding = SumComparison.finding(total: total, parts: parts) { sum, difference, related in
          Diagnostic(
            self, span: total.span, department.name ?? "", label, total.printed, String(parts.count), sum, difference,
            related: related)
        }
        if let finding { diagnostics.append(finding) }
      }
    }
    return diagnostics
  }
}
