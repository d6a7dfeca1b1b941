import FoundationEssentials

/// JX212: a list's 合计 (or 小计) row ≠ the sum of the projects above it, column by column.
/// A gap that rounding explains is JX203.
enum TotalsRowDoesNotAddUp: Check {
  static let entry = CatalogueEntry(
    "JX212", .error,
    title: Localized(zh: "合计行与各项目之和不符", en: "totals row does not add up"),
    message: Localized(
      zh: "“{0}”行的{1}为 {2}，但 {3} 个项目合计 {4}（相差 {5}）",
      en: "the {1} of the '{0}' row is {2}, but its {3} projects add up to {4} (off by {5})"),
    explanation: Localized(
      zh: "多个项目列成一张表时，“合计”（或“小计”）行的资金总额、财政拨款与其他资金，应分别等于其所合计的各项目之和（合计行印在项目之上时，合计全部项目；小计合计上一小计之后的项目）。只比较每个项目都填了金额的列；计算用精确小数；差额在舍入范围内时报告为 JX203。\n示例：项目甲 120.5、项目乙 30，合计印作 160.5。\n修正：补全遗漏的项目，或更正项目金额与合计。",
      en: "Where a table lists several projects, the total, fiscal and other funds of its 合计 (or 小计) row should each equal the sum of that column over the projects it sums (all of them when the row is printed above them; for 小计, those since the last sum). Only columns every project fills are compared; arithmetic is exact; a gap within rounding is JX203.\nExample: projects of 120.5 and 30 while 合计 is printed 160.5.\nFix: add the missing projects, or correct their amounts or the sum."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let projects = subject.document.projects
    for table in subject.document.tables {
      for total in table.totals where !total.projects.isEmpty && total.projects.upperBound <= projects.count {
        let covered = projects[total.projects]
        let columns: [(String, (Funds) -> Amount?)] = [("资金总额", \.total), ("财政拨款", \.fiscal), ("其他资金", \.other)]
        for (label, slot) in columns {
          guard let declared = slot(total.funds) else { continue }
          let parts = covered.compactMap { project in slot(project.funds).map { (project.name ?? "", $0) } }
          // A project that left the column blank may mean zero or a cell not read: no sum.
          guard parts.count == covered.count else { continue }
          let finding = SumComparison.finding(total: declared, parts: parts) { sum, difference, related in
            Diagnostic(
              self, span: declared.span, total.label, label, declared.printed, String(parts.count), sum, difference,
              related: related)
          }
          if let finding { diagnostics.append(finding) }
        }
      }
    }
    return diagnostics
  }
}
