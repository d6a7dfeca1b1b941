import FoundationEssentials

/// Whether an indicator targets the budget year or the project's whole term.
public enum Horizon: String, Sendable {
  case annual
  case longTerm
}

/// How an indicator's level was known.
public enum LevelOrigin: String, Sendable {
  /// Written on the indicator's own row.
  case cell
  /// Inherited from a merged cell above (a blank cell under a label).
  case merged
  /// From a label printed after its rows (PDF extraction puts a merged label at its end
  /// or middle).
  case following
  /// Implied by the level 2 under the table's framework (数量指标 is always 产出).
  case framework
  /// Unknown.
  case none
}

/// One performance indicator (三级指标) with its target.
///
/// Its fields live in one shared box, copied only when a copy is changed: validation walks
/// every indicator once per check, and copying some twenty reference-counted fields each
/// time cost more than the checks themselves. Fields are reached as `indicator.name` through
/// `Indicator.Fields`. A key path literal to such a field (`\.level1`) is made at run time,
/// about 10,000 instructions each time it is evaluated: map with a closure instead.
@dynamicMemberLookup
public struct Indicator: Sendable, Hashable {
  public struct Fields: Sendable, Hashable {
    /// The standard level-1 name (产出指标, 效益指标, 满意度指标, 成本指标), or as written when
    /// it is not a known name.
    public var level1: String?
    public var level2: String?
    public var level1Raw: String?
    public var level2Raw: String?
    public var level1Origin: LevelOrigin = .none
    public var level2Origin: LevelOrigin = .none
    public var name: String?
    public var target: Target
    public var horizon: Horizon = .annual
    public var explanation: String?
    public var scoring: String?
    public var weight: Decimal?
    public var weightRaw: String?
    public var unitColumn: String?
    /// The 指标值类型 / 指标性质 column as written: an operator (≥, ＝) or 定性/定量.
    public var valueType: String?
    /// 指标方向: 正向 / 反向.
    public var direction: String? {
      get { rare?.value.direction }
      set { rare.setRare(\.direction, newValue) }
    }
    /// 绩效标准: 计划标准, 历史标准 …
    public var standard: String? {
      get { rare?.value.standard }
      set { rare.setRare(\.standard, newValue) }
    }
    public var remark: String? {
      get { rare?.value.remark }
      set { rare.setRare(\.remark, newValue) }
    }
    /// 实际完成值, 得分 and 偏差原因 / 未达到指标值原因: completion columns that some target
    /// tables carry (usually empty when the targets are published).
    public var actual: String? {
      get { rare?.value.actual }
      set { rare.setRare(\.actual, newValue) }
    }
    public var score: String? {
      get { rare?.value.score }
      set { rare.setRare(\.score, newValue) }
    }
    public var deviation: String? {
      get { rare?.value.deviation }
      set { rare.setRare(\.deviation, newValue) }
    }

    /// The columns few tables have, behind one reference (96 bytes of every indicator inline).
    struct RareColumns: Hashable, Sendable, EmptyInitializable {
      var direction: String?
      var standard: String?
      var remark: String?
      var actual: String?
      var score: String?
      var deviation: String?
    }

    fileprivate var rare: Boxed<RareColumns>?
    /// Its name and target cells are merged with the indicator above (they were blank on this
    /// row and filled from there); checks of the target skip it to not report twice.
    public var sharesNameAndTargetWithAbove = false
    /// The first cell of the indicator's row.
    public var span: SourceSpan
    /// Where each part came from, keyed by field name (name, level1, scoring …).
    public var spans = SpanTable()

    init(target: Target, span: SourceSpan) {
      self.target = target
      self.span = span
    }
  }

  private var box: Boxed<Fields>

  public init(target: Target, span: SourceSpan) {
    box = Boxed(Fields(target: target, span: span))
  }

  /// An indicator whose fields `fill` sets in their box: one check that the box is unique,
  /// not one per field set.
  init(target: Target, span: SourceSpan, _ fill: (inout Fields) -> Void) {
    var box = Boxed(Fields(target: target, span: span))
    fill(&box.value)
    self.box = box
  }

  /// All fields in place, for a reader of many (the encoder): `indicator.name` returns a
  /// copy, a retain and a release of each String read. `read` must not change them.
  func withFieldsInPlace<Result>(_ read: (inout Fields) -> Result) -> Result { box.withValueInPlace(read) }

  public subscript<Value>(dynamicMember path: WritableKeyPath<Fields, Value>) -> Value {
    get { box.value[keyPath: path] }
    _modify { yield &box.value[keyPath: path] }
  }
}
