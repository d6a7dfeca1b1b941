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
    // The stored parts are in the order that leaves the least padding between them (the
    // box is 240 bytes, a 256-byte block; in their JSON order it took 336), not by meaning.

    /// The standard level-1 name (产出指标, 效益指标, 满意度指标, 成本指标), or as written when
    /// it is not a known name.
    public var level1: String? {
      get { levels.level1Text ?? rare?.value.level1 }
      set { setWritten(\.level1, newValue) { $0.level1 = nil } }
    }
    public var level2: String? {
      get { levels.level2Text ?? rare?.value.level2 }
      set { setWritten(\.level2, newValue) { $0.level2 = nil } }
    }
    public var level1Raw: String? {
      get { levels.level1RawText ?? rare?.value.level1Raw }
      set { setWritten(\.level1Raw, newValue) { $0.level1Raw = nil } }
    }
    public var level2Raw: String? {
      get { levels.level2RawText ?? rare?.value.level2Raw }
      set { setWritten(\.level2Raw, newValue) { $0.level2Raw = nil } }
    }
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

    /// The columns few tables have, and the level texts that are not a framework's names,
    /// behind one reference (160 bytes of every indicator inline).
    struct RareColumns: Hashable, Sendable, EmptyInitializable {
      var direction: String?
      var standard: String?
      var remark: String?
      var actual: String?
      var score: String?
      var deviation: String?
      var level1: String?
      var level2: String?
      var level1Raw: String?
      var level2Raw: String?
    }

    fileprivate var rare: Boxed<RareColumns>?
    public var name: String?
    public var explanation: String?
    public var scoring: String?
    public var weightRaw: String?
    public var unitColumn: String?
    /// The 指标值类型 / 指标性质 column as written: an operator (≥, ＝) or 定性/定量.
    public var valueType: String?
    /// Where each part came from, keyed by field name (name, level1, scoring …).
    public var spans = SpanTable()
    /// The level texts that are a framework's level names, four in two bytes (the others are
    /// in `rare`): nearly every indicator's are, and four strings inline took 64 bytes of
    /// each. Their texts are then literals, and a level cell's own copy is let go.
    fileprivate var levels = LevelNames()
    public var level1Origin: LevelOrigin = .none
    public var level2Origin: LevelOrigin = .none
    public var horizon: Horizon = .annual
    /// Its name and target cells are merged with the indicator above (they were blank on this
    /// row and filled from there); checks of the target skip it to not report twice.
    public var sharesNameAndTargetWithAbove = false
    public var target: Target
    public var weight: Decimal?
    /// The first cell of the indicator's row.
    public var span: SourceSpan

    init(target: Target, span: SourceSpan) {
      self.target = target
      self.span = span
    }

    /// Sets level 1 to `name`'s text, or to `written` when there is no name, and its raw
    /// text to `raw`: as bytes where the texts are the name's, into `rare` otherwise.
    mutating func setLevel1(named name: Level1?, written: @autoclosure () -> String?, raw: String?) {
      if let name {
        levels.level1 = name
        if rare != nil { rare.setRare(\.level1, nil) }
      } else {
        levels.level1 = nil
        rare.setRare(\.level1, written())
      }
      if let name, let raw, raw == name.rawValue {
        levels.level1Raw = name
        if rare != nil { rare.setRare(\.level1Raw, nil) }
      } else {
        levels.level1Raw = nil
        rare.setRare(\.level1Raw, raw)
      }
    }

    /// `setLevel1` for level 2.
    mutating func setLevel2(named name: Level2?, written: @autoclosure () -> String?, raw: String?) {
      if let name {
        levels.level2 = name
        if rare != nil { rare.setRare(\.level2, nil) }
      } else {
        levels.level2 = nil
        rare.setRare(\.level2, written())
      }
      if let name, let raw, raw == name.rawValue {
        levels.level2Raw = name
        if rare != nil { rare.setRare(\.level2Raw, nil) }
      } else {
        levels.level2Raw = nil
        rare.setRare(\.level2Raw, raw)
      }
    }

    /// A level text set as written: its name byte cleared, the text kept in `rare`.
    private mutating func setWritten(
      _ path: WritableKeyPath<RareColumns, String?>, _ text: String?, clearName: (inout LevelNames) -> Void
    ) {
      clearName(&levels)
      rare.setRare(path, text)
    }

    public static func == (left: Fields, right: Fields) -> Bool {
      left.level1 == right.level1 && left.level2 == right.level2 && left.level1Raw == right.level1Raw
        && left.level2Raw == right.level2Raw && left.name == right.name && left.explanation == right.explanation
        && left.scoring == right.scoring && left.weightRaw == right.weightRaw && left.unitColumn == right.unitColumn
        && left.valueType == right.valueType && left.direction == right.direction && left.standard == right.standard
        && left.remark == right.remark && left.actual == right.actual && left.score == right.score
        && left.deviation == right.deviation && left.spans == right.spans && left.target == right.target
        && left.weight == right.weight && left.span == right.span && left.level1Origin == right.level1Origin
        && left.level2Origin == right.level2Origin && left.horizon == right.horizon
        && left.sharesNameAndTargetWithAbove == right.sharesNameAndTargetWithAbove
    }

    public func hash(into hasher: inout Hasher) {
      hasher.combine(level1)
      hasher.combine(level2)
      hasher.combine(level1Raw)
      hasher.combine(level2Raw)
      hasher.combine(name)
      hasher.combine(explanation)
      hasher.combine(scoring)
      hasher.combine(weightRaw)
      hasher.combine(unitColumn)
      hasher.combine(valueType)
      hasher.combine(direction)
      hasher.combine(standard)
      hasher.combine(remark)
      hasher.combine(actual)
      hasher.combine(score)
      hasher.combine(deviation)
      hasher.combine(spans)
      hasher.combine(target)
      hasher.combine(weight)
      hasher.combine(span)
      hasher.combine(level1Origin)
      hasher.combine(level2Origin)
      hasher.combine(horizon)
      hasher.combine(sharesNameAndTargetWithAbove)
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

/// An indicator's level texts that are level names; nil where the text is another (kept in
/// `Indicator.Fields.RareColumns`) or there is none. Each name is its place among its level's
/// cases plus one (0 for none), the two level-1 names in the low and high nibble of one byte,
/// the two level-2 names in another.
struct LevelNames: Hashable, Sendable {
  private var ones: UInt8 = 0
  private var twos: UInt8 = 0

  var level1: Level1? {
    get { Self.level1(ones & 0x0F) }
    set { ones = ones & 0xF0 | Self.code(newValue) }
  }
  var level1Raw: Level1? {
    get { Self.level1(ones >> 4) }
    set { ones = ones & 0x0F | Self.code(newValue) << 4 }
  }
  var level2: Level2? {
    get { Self.level2(twos & 0x0F) }
    set { twos = twos & 0xF0 | Self.code(newValue) }
  }
  var level2Raw: Level2? {
    get { Self.level2(twos >> 4) }
    set { twos = twos & 0x0F | Self.code(newValue) << 4 }
  }

  // The texts straight from the codes: through `level1?.rawValue` it was two switches.
  var level1Text: String? { Self.text1(ones & 0x0F) }
  var level1RawText: String? { Self.text1(ones >> 4) }
  var level2Text: String? { Self.text2(twos & 0x0F) }
  var level2RawText: String? { Self.text2(twos >> 4) }

  /// The text of `level1(code)`.
  static func text1(_ code: UInt8) -> String? {
    switch code {
    case 1: "产出指标"
    case 2: "效益指标"
    case 3: "满意度指标"
    case 4: "成本指标"
    default: nil
    }
  }

  /// The text of `level2(code)`.
  static func text2(_ code: UInt8) -> String? {
    switch code {
    case 1: "数量指标"
    case 2: "质量指标"
    case 3: "时效指标"
    case 4: "成本指标"
    case 5: "经济效益指标"
    case 6: "社会效益指标"
    case 7: "生态效益指标"
    case 8: "可持续影响指标"
    case 9: "服务对象满意度指标"
    case 10: "经济成本指标"
    case 11: "社会成本指标"
    case 12: "生态环境成本指标"
    default: nil
    }
  }

  static func code(_ name: Level1?) -> UInt8 {
    switch name {
    case nil: 0
    case .output: 1
    case .benefit: 2
    case .satisfaction: 3
    case .cost: 4
    }
  }

  static func level1(_ code: UInt8) -> Level1? {
    switch code {
    case 1: .output
    case 2: .benefit
    case 3: .satisfaction
    case 4: .cost
    default: nil
    }
  }

  static func code(_ name: Level2?) -> UInt8 {
    switch name {
    case nil: 0
    case .quantity: 1
    case .quality: 2
    case .timeliness: 3
    case .cost: 4
    case .economicBenefit: 5
    case .socialBenefit: 6
    case .ecologicalBenefit: 7
    case .sustainability: 8
    case .serviceSatisfaction: 9
    case .economicCost: 10
    case .socialCost: 11
    case .ecologicalCost: 12
    }
  }

  static func level2(_ code: UInt8) -> Level2? {
    switch code {
    case 1: .quantity
    case 2: .quality
    case 3: .timeliness
    case 4: .cost
    case 5: .economicBenefit
    case 6: .socialBenefit
    case 7: .ecologicalBenefit
    case 8: .sustainability
    case 9: .serviceSatisfaction
    case 10: .economicCost
    case 11: .socialCost
    case 12: .ecologicalCost
    default: nil
    }
  }
}
