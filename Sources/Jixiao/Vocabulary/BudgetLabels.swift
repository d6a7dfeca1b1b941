/// Labels of budget summaries (部门收支总表).
public enum BudgetVocabulary {
  /// The side and role of a budget label, if the key is one.
  public static func classify(_ key: String) -> (BudgetLine.Side, BudgetLine.Role)? {
    let label = FormVocabulary.stripNumbering(key)
    guard case let count = label.characterCount, count >= 2, count <= 24, !label.containsBytes("绩效") else { return nil }
    let role: BudgetLine.Role =
      label.containsBytes("合计") || label.containsBytes("总计") ? .total : .item
    if label.containsBytes("结转下年") || label.containsBytes("结余分配") || label.containsBytes("年末结转") {
      return (.expenditure, role)
    }
    // The income side names where money comes from: 收入, 拨款 (一般公共预算拨款, 政府性基金预算
    // 拨款, the national template's first lines) or 资金 (财政专户管理资金, 单位资金).
    if label.containsBytes("上年结转") || label.containsBytes("年初结转") || label.hasSuffixBytes("收入")
      || label.hasSuffixBytes("收入合计") || label.hasSuffixBytes("收入总计") || label.hasSuffixBytes("资金")
      || label.hasSuffixBytes("拨款") || label.containsBytes("弥补收支差额")
    {
      return (.income, role)
    }
    if label.hasSuffixBytes("支出") || label.hasSuffixBytes("支出合计") || label.hasSuffixBytes("支出总计") {
      return (.expenditure, role)
    }
    return nil
  }

  /// Labels that only a budget summary has: they open one.
  static let openers = [
    "本级财政拨款收入", "一般公共预算拨款收入", "财政拨款收入", "基本支出", "项目支出", "本年收入合计",
    "本年支出合计", "收入总计", "支出总计", "本年收入", "本年支出", "一般公共预算资金",
  ]
  // By bytes, as Unicode equality reads them (hashing a string that is not ASCII normalises
  // it, some 5,000 instructions a line of prose).
  private static let openerTable = CanonicalWordTable(openers.map { ($0, ()) })

  public static func opensSummary(_ key: String) -> Bool {
    openerTable[FormVocabulary.stripNumbering(key)] != nil
  }
}
