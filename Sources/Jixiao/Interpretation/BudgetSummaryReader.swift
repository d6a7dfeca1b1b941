/// Reads a budget summary (部门收支总表) as label/amount pairs: `一、基本支出 │ 650.65`.
enum BudgetSummaryReader {
  static func read(
    _ block: TableBlock, table: Int, unit: MoneyUnit, unitSource: Amount.UnitSource,
    context: inout ReadingContext
  ) -> [BudgetLine] {
    var lines: [BudgetLine] = []
    for row in block.rows where !row.isBlank {
      let cells = row.nonEmpty
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
    return lines
  }
}
