import FoundationEssentials

/// JX201: 资金总额 ≠ 财政拨款 + 其他资金 + 上年结转 + the other income listed (or, for a
/// department, ≠ the sum of its funding sources, or of 基本支出 + 项目支出), of an entity or of
/// a department's task. A gap that rounding explains is JX203.
enum FundsDoNotAddUp: Check {
  static let entry = CatalogueEntry(
    "JX201", .error,
    title: Localized(zh: "资金合计不符", en: "funds do not add up"),
    message: Localized(
      zh: "“{0}”的资金总额 {1} 不等于各项之和 {2}（相差 {3}）",
      en: "total funds of '{0}' are {1}, but the parts add up to {2} (off by {3})"),
    explanation: Localized(
      zh: "资金总额应等于财政拨款、其他资金与上年结转之和，以及表中列出的其他收入（事业收入、上级补助收入等）（部门整体表中，也应等于按收入性质或按支出性质各列之和；年度主要任务的每一行同样如此）。计算用精确小数；差额在各数字末位的舍入范围内时，报告为 JX203 而非本错误。\n示例：`年度资金总额 │ 50`、`其中：财政拨款 │ 40`、`其他资金 │ 5`。\n修正：核对各项金额，使合计与明细一致。",
      en: "The total should equal 财政拨款 + 其他资金 + 上年结转, with any other kind of income the form lists (事业收入, 上级补助收入 …) (in a department-wide table, also the sum of the columns by source and by spending; so should each row of its main tasks, 年度主要任务). Arithmetic is exact; a gap within the rounding of the printed figures is JX203 instead.\nExample: `年度资金总额 │ 50`, `其中：财政拨款 │ 40`, `其他资金 │ 5`.\nFix: correct the lines so that they add up to the total."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    func check(_ funds: Funds, name: String) {
      guard let total = funds.total else { return }
      let lines = partitions(funds)
      for (index, parts) in lines.enumerated() where !parts.isEmpty {
        guard let diagnostic = compare(name: name, total: total, parts: parts) else { continue }
        // Lines the vocabulary does not place (社会投入, 银行贷款) may be parts of the total
        // or a breakdown of one: only where the total differs from the sources either way.
        if index == 0, case let others = unplaced(funds, besides: parts), !others.isEmpty,
          compare(name: name, total: total, parts: parts + others) == nil
        {
          continue
        }
        diagnostics.append(diagnostic)
      }
    }
    for entity in subject.entities { check(entity.funds, name: entity.name) }
    for department in subject.document.departments {
      for task in department.tasks { check(task.funds, name: task.name ?? department.name ?? "") }
    }
    return diagnostics
  }

  /// The sets of lines that should each add up to the total.
  static func partitions(_ funds: Funds) -> [[(String, Amount)]] {
    var sources: [(String, Amount)] = []
    if let fiscal = funds.fiscal {
      sources.append(("财政拨款", fiscal))
    } else {
      sources += funds.lines.filter { $0.label.hasPrefixBytes(FundLine.fiscalPartPrefix) }.map { ($0.label, $0.amount) }
    }
    if let other = funds.other { sources.append(("其他资金", other)) }
    if let carryover = funds.carryover { sources.append(("上年结转", carryover)) }
    // Each line's label keyed once (simplified: a traditional table's 項目支出).
    let lines = funds.lines.map { (key: $0.standardLabel, line: $0) }
    let bySpending = lines.filter { $0.key == "基本支出" || $0.key == "项目支出" }.map(\.line)
    sources += lines.filter { budgetSources.contains($0.key) || FormVocabulary.isIncomeSource($0.key) }
      .map { ($0.line.label, $0.line.amount) }
    if sources.isEmpty {
      // Where no other breakdown is stated, the lines by the level of government that gives
      // the money (中央补助 │ 省级补助 │ 县级配套): with 财政拨款 or 其他资金 beside them, they may
      // break down either, or the total.
      let byLevel = lines.filter { $0.key.withUTF8Bytes(FormVocabulary.isFundsSource) }
      if byLevel.count >= 2 { sources = byLevel.map { ($0.line.label, $0.line.amount) } }
    }
    var result = [sources]
    if bySpending.count == 2 { result.append(bySpending.map { ($0.label, $0.amount) }) }
    return result
  }

  /// Lines named for the budget the money comes from, sources as 财政拨款 is (一般公共预算
  /// beside 其他资金). Not form labels: 一般公共预算 is also the value of 预算分类.
  private static let budgetSources: Set<String> = [
    "政府性基金拨款", "财政专户管理资金", "一般公共预算", "一般公共预算拨款", "一般公共预算资金", "政府性基金预算", "政府性基金",
    "国有资本经营预算",
  ]

  /// The lines of sources that `parts` leaves out: sources in words the vocabulary does not
  /// know (`FormTableReader.mayNameFunds`), and lines by the level of government that gives
  /// the money beside 财政拨款 (which may break it down, or the total). Not 财政拨款's own parts,
  /// a column's lines (another period's money) nor the spending lines, which break down
  /// another total or this one another way.
  static func unplaced(_ funds: Funds, besides parts: [(String, Amount)]) -> [(String, Amount)] {
    funds.lines.compactMap { line in
      let key = line.standardLabel
      let counted = parts.contains { $0.0 == line.label && $0.1.yuan == line.amount.yuan }
      // 财政拨款's parts (`财政拨款·中央`) and a column's lines (`中期资金总额·地方资金`) alike.
      let breaksDownAnother = line.label.containsBytes(FundLine.columnSeparator) || key == "基本支出" || key == "项目支出"
      return counted || breaksDownAnother ? nil : (line.label, line.amount)
    }
  }

  static func compare(name: String, total: Amount, parts: [(String, Amount)]) -> Diagnostic? {
    // The notes only for a diagnostic: most funds add up, and `printed` searches the text.
    var related: [Diagnostic.Related] { parts.map { Diagnostic.Related(.part, span: $0.1.span, "\($0.0) \($0.1.printed)") } }
    switch SumComparison.compare(total: total, parts: parts.map { $0.1 }) {
    case .equal:
      return nil
    case .rounding(let difference):
      let sum = parts.reduce(Decimal(0)) { $0 + $1.1.yuan }
      return Diagnostic(
        RoundingDifference.self, span: total.span, total.printed, Figures.inUnit(sum, like: total),
        Figures.yuan(difference), related: related)
    case .mismatch(let difference):
      let sum = parts.reduce(Decimal(0)) { $0 + $1.1.yuan }
      return Diagnostic(
        self, span: total.span, name, total.printed, Figures.inUnit(sum, like: total), Figures.yuan(difference),
        related: related)
    }
  }
}

/// JX203: a total that differs from its parts by no more than the rounding of the printed
/// figures (650.65 + 983.28 = 1,633.93 printed 1,633.94).
enum RoundingDifference: Check {
  static let entry = CatalogueEntry(
    "JX203", .note,
    title: Localized(zh: "尾数误差", en: "rounding difference"),
    message: Localized(
      zh: "合计 {0} 与各项之和 {1} 相差 {2}，在各数字末位的舍入误差之内",
      en: "total {0} differs from the sum of its parts {1} by {2}, within the rounding of the printed figures"),
    explanation: Localized(
      zh: "合计与明细之差不超过 n × 末位半个单位（n 为参与计算的数字个数）：这是四舍五入造成的尾数误差，许多表格在表注中说明“因四舍五入可能存在尾数误差”。只作提示。\n示例：基本支出 650.65 + 项目支出 983.28 = 1,633.93，而合计印作 1,633.94。\n修正：无需修正；如需一致，可调整末位。",
      en: "The total differs from its parts by no more than n × half the last printed digit (n = the figures involved): a rounding tail, which many tables footnote (因四舍五入可能存在尾数误差). Reported as a note only.\nExample: 基本支出 650.65 + 项目支出 983.28 = 1,633.93 while the total is printed 1,633.94.\nFix: none needed; adjust the last digit if the figures must agree."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] { [] }
}

extension FundLine {
  /// The label in simplified script and without `其中:`, as the checks name lines (a
  /// traditional table's `項目支出` is 项目支出, `其中：基本支出` is 基本支出); the output keeps it
  /// as written.
  var standardLabel: String {
    let key = TextKey.make(label, simplify: true)
    return key.hasPrefixBytes("其中:") ? String(key.dropFirst(3)) : key
  }
}
