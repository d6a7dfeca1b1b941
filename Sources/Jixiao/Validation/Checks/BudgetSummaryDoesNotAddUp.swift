import FoundationEssentials

/// JX204: a budget summary's own sums: 本年收入合计 = its items, 收入总计 = 本年收入 + 上年结转,
/// the same on the spending side, and 收入总计 = 支出总计.
enum BudgetSummaryDoesNotAddUp: Check {
  static let entry = CatalogueEntry(
    "JX204", .error,
    title: Localized(zh: "收支总表不平", en: "budget summary does not add up"),
    message: Localized(
      zh: "“{0}”为 {1}，但应为 {2}（相差 {3}）",
      en: "'{0}' is {1}, but its parts add up to {2} (off by {3})"),
    explanation: Localized(
      zh: "部门收支总表中：本年收入合计 = 各项收入之和；收入总计 = 本年收入合计 + 上年结转；支出一侧同理（基本支出 + 项目支出 + …；支出总计含结转下年与结余分配）；收入总计 = 支出总计。差额在舍入范围内报告为 JX203。\n示例：基本支出 650.65、项目支出 983.28，支出总计 1,643.94。\n修正：更正合计或明细。",
      en: "In a budget summary: 本年收入合计 = the income items; 收入总计 = 本年收入合计 + 上年结转; the same on the spending side (基本支出 + 项目支出 + …; 支出总计 includes 结转下年 and 结余分配); and 收入总计 = 支出总计. A gap within rounding is JX203.\nExample: 基本支出 650.65, 项目支出 983.28, 支出总计 1,643.94.\nFix: correct the total or the lines."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    let byTable = Dictionary(grouping: subject.document.budgetLines, by: \.table)
    var diagnostics: [Diagnostic] = []
    for table in byTable.keys.sorted() {
      let lines = byTable[table] ?? []
      var grandTotals: [BudgetLine] = []
      for side in [BudgetLine.Side.income, .expenditure] {
        let sideLines = lines.filter { $0.side == side }
        let carries = sideLines.filter { isCarry($0.normalizedLabel) }
        let items = sideLines.filter { $0.role == .item && !isCarry($0.normalizedLabel) }
        let yearTotal = sideLines.first { $0.role == .total && ($0.normalizedLabel.hasPrefixBytes("本年") || $0.normalizedLabel.hasSuffixBytes("合计")) }
        let grandTotal = sideLines.first { $0.role == .total && $0.normalizedLabel.hasSuffixBytes("总计") }
        let itemAmounts = items.compactMap { line in line.amount.map { (line, $0) } }
        if let yearTotal, let amount = yearTotal.amount, !itemAmounts.isEmpty {
          diagnostics += compare(yearTotal, amount, itemAmounts)
        }
        if let grandTotal, let amount = grandTotal.amount {
          grandTotals.append(grandTotal)
          var parts: [(BudgetLine, Amount)] = carries.compactMap { line in line.amount.map { (line, $0) } }
          if let yearTotal, let yearAmount = yearTotal.amount {
            parts.append((yearTotal, yearAmount))
          } else {
            parts += itemAmounts
          }
          if !parts.isEmpty { diagnostics += compare(grandTotal, amount, parts) }
        }
      }
      if grandTotals.count == 2, let income = grandTotals[0].amount, let spending = grandTotals[1].amount {
        diagnostics += compare(grandTotals[1], spending, [(grandTotals[0], income)])
      }
    }
    return diagnostics
  }

  static func isCarry(_ label: String) -> Bool {
    label.containsBytes("结转") || label.containsBytes("结余")
  }

  static func compare(_ line: BudgetLine, _ total: Amount, _ parts: [(BudgetLine, Amount)]) -> [Diagnostic] {
    // The sum and the notes only for a diagnostic: most totals add up.
    var sum: Decimal { parts.reduce(Decimal(0)) { $0 + $1.1.yuan } }
    var related: [Diagnostic.Related] { parts.map { Diagnostic.Related(.part, span: $0.1.span, "\($0.0.label) \($0.1.printed)") } }
    switch SumComparison.compare(total: total, parts: parts.map { $0.1 }) {
    case .equal: return []
    case .rounding(let difference):
      return [Diagnostic(RoundingDifference.self, span: total.span, total.printed, Figures.inUnit(sum, like: total), Figures.yuan(difference), related: related)]
    case .mismatch(let difference):
      return [Diagnostic(self, span: total.span, line.label, total.printed, Figures.inUnit(sum, like: total), Figures.yuan(difference), related: related)]
    }
  }
}
