/// What the grammar knows about a target cell besides its text.
public struct TargetContext: Sendable, Hashable {
  /// The unit column (度量单位 / 计量单位) of the row, as written.
  public var unitColumn: String?
  /// The operator column (指标值类型 / 指标性质) of the row: `≥`, `＝`, `定性`, `定量`.
  public var operatorColumn: String?
  /// The table's budget year, for dates that omit it (`12月中旬`).
  public var budgetYear: Int?

  public init(unitColumn: String? = nil, operatorColumn: String? = nil, budgetYear: Int? = nil) {
    self.unitColumn = unitColumn
    self.operatorColumn = operatorColumn
    self.budgetYear = budgetYear
  }
}

/// Reads a target value (指标值) into a `Target`.
public enum TargetGrammar {
  public static func read(_ raw: String, context: TargetContext = TargetContext(), span: SourceSpan? = nil)
    -> Target
  {
    var target = Target(raw: raw, kind: raw.isEmpty ? .empty : .text, span: span)
    _ = context
    target.flags = []
    return target
  }
}
