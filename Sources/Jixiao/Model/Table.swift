/// What a table in the document is.
public enum TableKind: String, Sendable, CaseIterable {
  /// 项目支出绩效目标表 and its variants (申报表, 审批表, 批复表): one or more projects.
  case projectTargets
  /// 部门整体支出绩效目标表: the department's overall targets.
  case departmentTargets
  /// 部门收支总表 / 财政拨款收支总表: a budget summary, no targets.
  case budgetSummary
  /// 绩效自评表: a self-evaluation with actual values and scores, not targets.
  case selfEvaluation
  /// 绩效评价指标表: evaluation indicators with scores.
  case evaluationIndicators
  /// 资金安排表 / 资金分配表: an allocation of funds.
  case fundAllocation
  /// A table whose kind could not be told.
  case unknown
}

/// The national indicator vocabulary a table follows (DESIGN.md, "Two indicator frameworks").
public enum Framework: String, Sendable {
  /// 88号/285号 templates: 成本指标 is a level 2 under 产出指标.
  case legacy
  /// 财预〔2021〕101号: 成本指标 is a level 1 with 经济/社会/生态环境成本指标.
  case y2021 = "2021"
  /// Both at once.
  case mixed
}

/// A table found in the document, with the cells that gave it its shape.
public struct TableInfo: Sendable, Hashable {
  public var index: Int
  public var kind: TableKind
  public var title: String?
  public var year: Int?
  public var span: SourceSpan
  public var framework: Framework?
  /// The money unit the table states for bare amounts (万元, 元), if any.
  public var moneyUnit: String?
  /// Template rows holding only a level name (no indicator).
  public var placeholderRows: Int = 0
  /// Titles, year lines, headers, repeated page headers, separators and labels.
  public var layout: [LayoutCell] = []
  /// A list's 合计/小计 rows, read as a project's funds are, with the projects they sum (the
  /// row's cells are in `layout`): for the check that they add up (JX212), not written out.
  public var totals: [TableTotal] = []

  public init(index: Int, kind: TableKind, title: String?, year: Int?, span: SourceSpan) {
    self.index = index
    self.kind = kind
    self.title = title
    self.year = year
    self.span = span
  }
}

/// A list's row of sums (`合计 │ │ 3,770.00 │ 3,550.00`).
public struct TableTotal: Sendable, Hashable {
  /// `合计`, `小计`, `总计` as written.
  public var label: String
  public var funds: Funds
  /// The projects it sums, by their index in the document's projects.
  public var projects: Range<Int>
  public var span: SourceSpan
}

/// A cell that is part of a table's shape rather than its data.
public struct LayoutCell: Sendable, Hashable {
  public enum Role: String, Sendable {
    case title, subtitle, year, unit, header, repeatedHeader, separator, label, blockLabel, note, pageNumber
    /// A line a PDF repeats at the top of each page (the department's name, `表3-2`).
    case pageHeader
  }

  public var role: Role
  public var text: String
  public var span: SourceSpan

  public init(role: Role, text: String, span: SourceSpan) {
    self.role = role
    self.text = text
    self.span = span
  }
}
