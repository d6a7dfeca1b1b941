/// Documents that look like target tables but are not: a self-evaluation, an evaluation
/// table, a budget summary alone, targets written as prose. They are named, not read into
/// false projects.
enum LookAlike {
  /// What the document is, when it holds no target table but is one of the look-alikes.
  static func identify(_ text: SourceText, tables: [TableInfo]) -> String? {
    let head = TextKey.make(String(decoding: text.utf8.prefix(1 << 15), as: UTF8.self), simplify: text.isTraditional)
    let kinds = Set(tables.map(\.kind))
    if kinds.contains(.selfEvaluation) || head.containsBytes("自评表") || head.containsBytes("实际完成值") && head.containsBytes("得分") {
      return "a self-evaluation (绩效自评表) with actual values and scores"
    }
    if kinds.contains(.evaluationIndicators) || head.containsBytes("评价指标表") {
      return "an evaluation indicator table (绩效评价指标表)"
    }
    if head.containsBytes("绩效目标") && (head.containsBytes("公示") || head.containsBytes("设定如下")) && !head.containsBytes("一级指标") {
      return "performance targets written as prose (绩效目标公示), with no table"
    }
    if kinds.contains(.budgetSummary) || head.containsBytes("收支总表") {
      return "a budget summary (收支总表) with no performance targets"
    }
    if kinds.contains(.fundAllocation) {
      return "a funds allocation (资金分配表) with no performance targets"
    }
    return nil
  }
}
