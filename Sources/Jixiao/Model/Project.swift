import FoundationEssentials

/// One project of a target table, with its indicators.
///
/// Its fields live in one shared box, as `Indicator`'s do: a document's projects are an array
/// grown one project at a time, and with the fields inline (768 bytes) the array's spare
/// capacity and the copy made at each doubling weighed on a large document's peak memory.
@dynamicMemberLookup
public struct Project: Sendable, Hashable {
  public struct Fields: Sendable, Hashable {
    public var table: Int
    public var name: String?
    public var code: String?
    public var department = Department()
    public var implementingUnit: String?
    /// 项目属性 / 项目性质: 新增项目, 延续项目, 0101—一年期项目 …
    public var attribute: String?
    /// 项目类别 / 项目分类.
    public var category: String?
    public var manager: String?
    public var period = Period()
    public var funds = Funds()
    public var goals = Goals()
    public var indicators: [Indicator] = []
    public var placeholders: [Placeholder] = []
    /// The weight total the indicator header declares: 90 in `年度绩效目标(90分)`.
    public var declaredWeightTotal: Decimal?
    public var milestones: [Milestone] = []
    /// Every label/value pair read for the project, with the role it was given.
    public var fields: [Field] = []
    public var span: SourceSpan
  }

  private var box: Boxed<Fields>

  public init(table: Int, span: SourceSpan) {
    box = Boxed(Fields(table: table, span: span))
  }

  public subscript<Value>(dynamicMember path: WritableKeyPath<Fields, Value>) -> Value {
    get { box.value[keyPath: path] }
    _modify { yield &box.value[keyPath: path] }
  }
}

/// Department-wide targets (部门整体支出绩效目标表).
public struct DepartmentTarget: Sendable, Hashable {
  public var table: Int
  public var name: String?
  public var code: String?
  public var funds = Funds()
  public var goals = Goals()
  /// The year's main tasks (年度主要任务), each with its budget; the row under them
  /// (金额合计) gives the department's funds.
  public var tasks: [DepartmentTask] = []
  public var indicators: [Indicator] = []
  public var placeholders: [Placeholder] = []
  public var fields: [Field] = []
  public var span: SourceSpan

  public init(table: Int, span: SourceSpan) {
    self.table = table
    self.span = span
  }
}

/// A row of a department's task block: 任务名称 │ 主要内容 │ 预算金额 (总额 │ 财政拨款 │ 其他资金).
public struct DepartmentTask: Sendable, Hashable {
  public var name: String?
  public var content: String?
  /// 期望达到的目标, where the template has the column.
  public var expected: String?
  public var funds = Funds()
  public var nameSpan: SourceSpan?
  public var contentSpan: SourceSpan?
  public var expectedSpan: SourceSpan?
  /// Every cell of the row with the column label it was read under (a funds cell that is no
  /// amount stays here, with JX111).
  public var fields: [Field] = []
  /// The row's first cell.
  public var span: SourceSpan

  public init(span: SourceSpan) {
    self.span = span
  }
}

public struct Department: Sendable, Hashable {
  public var name: String?
  public var code: String?
}

/// The project period. Dates are ISO `YYYY-MM-DD` strings.
public struct Period: Sendable, Hashable {
  public var start: String?
  public var end: String?
  public var years: Int?
  /// The text as written (`1 年`, `2023年4月-2024年2月`).
  public var raw: String?
}

/// A project's funds. Only lines the table has are set.
public struct Funds: Sendable, Hashable {
  public var total: Amount?
  /// 财政拨款 / 当年财政拨款 / 一般公共预算.
  public var fiscal: Amount?
  /// 其他资金 / 自有资金.
  public var other: Amount?
  /// 上年结转资金.
  public var carryover: Amount?
  /// Other lines: 基本支出, 项目支出, 政府性基金 … keyed by their label.
  public var lines: [FundLine] = []
}

public struct FundLine: Sendable, Hashable {
  /// Lines under the 财政资金 group are labelled `财政拨款·中央`, `财政拨款·省级` …
  public static let fiscalPartPrefix = "财政拨款·"
  /// Lines under a column that another breakdown's row names: `中期资金总额·其中:中央补助`.
  public static let columnSeparator = "·"

  public var label: String
  public var amount: Amount
}

public struct Goals: Sendable, Hashable {
  public var annual: String?
  public var longTerm: String?
  public var annualSpan: SourceSpan?
  public var longTermSpan: SourceSpan?
}

/// A row of the implementation schedule (项目实施进度计划).
public struct Milestone: Sendable, Hashable {
  public var content: String
  /// ISO dates read from the start and end cells.
  public var start: String?
  public var end: String?
  /// The start and end cells as written, and where.
  public var startRaw: String?
  public var endRaw: String?
  public var startSpan: SourceSpan?
  public var endSpan: SourceSpan?
  public var span: SourceSpan
}

/// A template row that names only a level (`生态效益指标` and nothing else).
public struct Placeholder: Sendable, Hashable {
  public var level1: String?
  public var level2: String?
  /// The row's level-2 cell (or its only level cell).
  public var span: SourceSpan
  /// The row's own level-1 cell, when the row has one beside its level 2.
  public var level1Span: SourceSpan?
}

/// A label/value pair as read from the table, and what it was taken to mean.
public struct Field: Sendable, Hashable {
  public var role: String
  public var label: String?
  public var labelSpan: SourceSpan?
  public var text: String
  public var span: SourceSpan
}
