/// An indicator with what several checks ask of it, read once per document instead of once
/// per check: the standard levels its level cells name, and the keys of its name and value
/// type. Comparing a level cell with a standard name by `==` normalised both sides of CJK
/// text every time, and a key is made by a walk over the text (through ICU for some).
///
/// A class: some thirty checks walk the indicators, and iterating an array of this struct
/// copied each one (a retain and a release for the indicator and each key, per check).
final class CheckedIndicator {
  let indicator: Indicator
  /// The level-1 cell as a standard level 1: what `level1 == Level1.x.rawValue` says (by
  /// canonical equivalence, as `Level1.named` reads it).
  let level1: Level1?
  /// The level-2 cell as a standard level 2.
  let level2: Level2?
  /// `TextKey.make(name)`.
  let nameKey: String?
  /// What the value-type cell says, from `TextKey.make(valueType)`; nil without one.
  let valueTypeReading: ValueTypeReading?

  init(_ indicator: Indicator, levels: inout LevelReadings) {
    self.indicator = indicator
    level1 = levels.level1.reading(indicator.level1) { Level1.spelledAsStandard.reading($0) ?? Level1.named($0) }
    level2 = levels.level2.reading(indicator.level2) { Level2.spelledAsStandard.reading($0) ?? Level2.named($0) }
    nameKey = indicator.name.map { TextKey.make($0) }
    valueTypeReading = indicator.valueType.map { ValueTypeReading(key: TextKey.make($0)) }
  }

  /// The level readings of the row before, for the next: rows of one block share their level
  /// cells, so their readings are taken over instead of looked up again.
  struct LevelReadings {
    var level1 = LastReading<Level1>()
    var level2 = LastReading<Level2>()
  }

  /// The last text read and its reading.
  struct LastReading<Value> {
    private var text: String?
    private var value: Value?

    /// `read(text)`, or the last reading when the text has the same bytes as the last.
    mutating func reading(_ text: String?, _ read: (String) -> Value?) -> Value? {
      guard let text else { return nil }
      if let last = self.text, last.equalsBytes(text) { return value }
      self.text = text
      value = read(text)
      return value
    }
  }

  /// A cost indicator under either framework: 成本指标 (level 1 or 2) or 经济成本指标.
  /// Level names compare by bytes: they are standard names, and `==` on CJK text that
  /// differs normalises both sides. (The same bytes always read as that level, so the
  /// reading rules out the rest without comparing.)
  var isCost: Bool {
    (level1 == .cost && indicator.level1?.equalsBytes(Level1.cost.rawValue) == true)
      || (level2 == .cost && indicator.level2?.equalsBytes(Level2.cost.rawValue) == true)
      || (level2 == .economicCost && indicator.level2?.equalsBytes(Level2.economicCost.rawValue) == true)
  }

  /// A cost indicator stated in money (a rate such as 成本节约率 is not, whatever its unit).
  var isCostAmount: Bool {
    isCost && indicator.target.money != nil && !(nameKey?.hasSuffixBytes("率") ?? false)
  }

  var isSatisfaction: Bool {
    (level1 == .satisfaction && indicator.level1?.equalsBytes(Level1.satisfaction.rawValue) == true)
      || (level2 == .serviceSatisfaction && indicator.level2?.equalsBytes(Level2.serviceSatisfaction.rawValue) == true)
      || (indicator.name?.containsBytes("满意") ?? false)
  }

  /// A rate by its name: 率 at the end (合格率, 成本节约率) or 满意度.
  var isRate: Bool {
    guard let key = nameKey else { return false }
    return key.hasSuffixBytes("率") || key.hasSuffixBytes("满意度") || key.hasSuffixBytes("率(%)")
  }

  var nameSpan: SourceSpan { indicator.nameSpan }
  var targetSpan: SourceSpan { indicator.targetSpan }
}

/// The level names as the reader stores them: a standard level cell holds the standard
/// name's bytes, which a byte comparison reads without `named`'s hashing and lookup.
struct StandardSpelling<Value: RawRepresentable & CaseIterable>: Sendable where Value.RawValue == String, Value: Sendable {
  private let names: [(bytes: [UInt8], value: Value)] = Value.allCases.map { (Array($0.rawValue.utf8), $0) }

  /// The case whose raw value has the text's bytes, nil for any other text (which `named`
  /// may still read: it reads canonical equivalents too).
  func reading(_ text: String) -> Value? {
    text.withUTF8Bytes { bytes in
      for name in names where name.bytes.count == bytes.count {
        if name.bytes.withUnsafeBufferPointer({ equalBytes(bytes.baseAddress, $0.baseAddress, bytes.count) }) { return name.value }
      }
      return nil
    }
  }
}

/// What a value-type cell (指标值类型 / 指标性质) says of its target.
enum ValueTypeReading: Equatable {
  /// 定性.
  case qualitative
  /// 定量, or an operator (≥, <, …).
  case number
  case other

  /// Read by bytes from the cell's key: `==` on unequal CJK strings normalised both sides,
  /// a call of hundreds of instructions per word. A key is NFKC, so it is canonically
  /// equivalent to one of these words (none has a decomposition or composes) only when it
  /// has its bytes.
  init(key: String) {
    self = key.withUTF8Bytes { bytes in
      func names(_ word: [UInt8]) -> Bool {
        word.count == bytes.count && word.withUnsafeBufferPointer { equalBytes(bytes.baseAddress, $0.baseAddress, bytes.count) }
      }
      if names(Self.qualitativeWord) { return .qualitative }
      return Self.numberWords.contains(where: names) ? .number : .other
    }
  }

  private static let qualitativeWord = Array("定性".utf8)
  private static let numberWords = ["定量", "≥", "≤", "=", ">", "<", ">=", "<=", "≧", "≦"].map { Array($0.utf8) }
}

extension Level1 {
  static let spelledAsStandard = StandardSpelling<Level1>()
}

extension Level2 {
  static let spelledAsStandard = StandardSpelling<Level2>()
}
