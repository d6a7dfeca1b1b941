/// Reads a budget summary (部门收支总表) as label/amount pairs: `一、基本支出 │ 650.65`.
enum BudgetSummaryReader {
  /// Column headings of a summary (`项目 │ 金额`, `收入 │ 预算数 │ 支出 │ 预算数`): layout, not lines.
  static let columnHeadings: Set<String> = [
    "项目", "金额", "预算数", "本年预算", "本年预算数", "收入", "支出", "科目", "科目名称", "功能分类科目", "经济分类科目",
    "预算金额", "收入项目", "支出项目", "栏次",
  ]

  static func read(
    _ block: TableBlock, table: Int, unit: MoneyUnit, unitSource: Amount.UnitSource,
    context: inout ReadingContext
  ) -> (lines: [BudgetLine], layout: [LayoutCell]) {
    var lines: [BudgetLine] = []
    var layout: [LayoutCell] = []
    for row in block.rows where !row.isBlank {
      let cells = row.nonEmpty
      if cells.allSatisfy({ columnHeadings.contains($0.key) }) {
        layout += cells.map { LayoutCell(role: .header, text: $0.text, span: $0.span) }
        continue
      }
      var index = 0
      while index < cells.count {
        let cell = cells[index]
        let key = cell.key
        guard let (side, role) = BudgetVocabulary.classify(key) else {
          context.leave(cell, .unrecognisedRow)
          index += 1
          continue
        }
        var amount: Amount?
        if index + 1 < cells.count, let parsed = AmountReader.read(cells[index + 1].text, defaultUnit: unit) {
          let amountCell = cells[index + 1]
          if parsed.readsLetter { context.diagnose("JX122", amountCell.span, amountCell.text, cell.text, parsed.figure) }
          amount = Amount(
            yuan: parsed.yuan, value: parsed.value, raw: amountCell.text, unit: parsed.unit.rawValue,
            unitSource: parsed.unitWritten ? .cell : unitSource, decimals: parsed.decimals, span: amountCell.span)
          index += 1
        }
        lines.append(
          BudgetLine(
            table: table, label: cell.text, normalizedLabel: FormVocabulary.stripNumbering(key), side: side,
            role: role, amount: amount, span: cell.span))
        index += 1
      }
    }
    return (lines, layout)
  }
}
