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
  /// `TextKey.make(name)` (simplified in a traditional document).
  let nameKey: String?
  /// What the value-type cell says, from `TextKey.make(valueType)`; nil without one.
  let valueTypeReading: ValueTypeReading?
  /// The explanation and the scoring rule as the checks' word lists match them: as written,
  /// or simplified in a traditional document (`共計`, `萬元` are `共计`, `万元`).
  let explanationText: String?
  let scoringText: String?
  /// What the checks ask first, as plain values (`IndicatorFacts`).
  let facts: IndicatorFacts

  init(_ indicator: Indicator, levels: inout LevelReadings, framework: Framework? = nil, simplifiesScript: Bool = false) {
    self.indicator = indicator
    var level1: Level1?
    var level2: Level2?
    var nameKey: String?
    var valueTypeReading: ValueTypeReading?
    var explanationText: String?
    var scoringText: String?
    // Every field read in place: through `indicator.level1` … each read was a copy (a retain
    // and a release), and through `indicator.target.unit` … a copy of the target's details
    // whole.
    facts = indicator.withFieldsInPlace { fields in
      // The level texts are made by their getters (a name's literal or the rare box's text):
      // read once here for the readings and the facts alike.
      let levelTexts = IndicatorFacts.LevelTexts(
        level1: fields.level1, level2: fields.level2, level1Raw: fields.level1Raw, level2Raw: fields.level2Raw)
      level1 = levels.level1.reading(levelTexts.level1) { Level1.spelledAsStandard.reading($0) ?? Level1.named($0) }
      level2 = levels.level2.reading(levelTexts.level2) { Level2.spelledAsStandard.reading($0) ?? Level2.named($0) }
      if let name = fields.name { nameKey = TextKey.make(name, simplify: simplifiesScript) }
      if let valueType = fields.valueType { valueTypeReading = ValueTypeReading(key: TextKey.make(valueType)) }
      explanationText = fields.explanation.map { simplifiesScript ? ICU.simplifiedScalarForScalar($0) ?? $0 : $0 }
      scoringText = fields.scoring.map { simplifiesScript ? ICU.simplifiedScalarForScalar($0) ?? $0 : $0 }
      return IndicatorFacts(
        &fields, levelTexts, level1: level1, level2: level2, nameKey: nameKey, valueTypeReading: valueTypeReading,
        explanation: explanationText, framework: framework)
    }
    self.explanationText = explanationText
    self.scoringText = scoringText
    self.level1 = level1
    self.level2 = level2
    self.nameKey = nameKey
    self.valueTypeReading = valueTypeReading
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
      if let last = self.text, last.isSameString(text) || last.equalsBytes(text) { return value }
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

  /// A cost indicator stated in money (a rate such as 成本节约率 is not, whatever its unit, nor
  /// a change against a baseline).
  var isCostAmount: Bool { facts.isCostAmount }

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

/// What the checks ask of an indicator before anything else, read once per document into
/// plain values. A check walks these (an array of them holds no reference) and reaches the
/// indicator only where they leave a finding possible: reading a field of an indicator
/// copied it (a retain and a release), and so did each element of an array of classes, some
/// 400,000 reference counts a corpus over the thirty checks.
struct IndicatorFacts {
  /// The place of its entity in `ValidationSubject.entities`, and its own among the entity's
  /// indicators.
  var entity: Int32 = 0
  var index: Int32 = 0
  /// Not `sharesNameAndTargetWithAbove`: it is among its entity's `ownTargets`.
  let ownsTarget: Bool
  let kind: TargetKind
  let op: Comparison?
  /// `Target.Flag`s by `IndicatorFacts.bit`.
  let flags: UInt16
  let horizon: Horizon
  let level1Origin: LevelOrigin
  /// `CheckedIndicator.level1`, `level2`, `valueTypeReading`.
  let level1: Level1?
  let level2: Level2?
  let valueTypeReading: ValueTypeReading?
  /// The framework of the entity's table.
  let framework: Framework?
  let hasName: Bool
  let hasNameSpan: Bool
  let hasLevel1: Bool
  let hasLevel2: Bool
  let hasUnitColumn: Bool
  let hasValueType: Bool
  let hasScoring: Bool
  let hasWeight: Bool
  let hasWeightRaw: Bool
  /// The target has a date or parts (which may have one).
  let hasDateOrParts: Bool
  /// `target.unit == "%"`.
  let unitIsPercent: Bool
  /// The name key ends in 率.
  let nameEndsInRate: Bool
  /// The level-1 and level-2 cells as written differ from their standard names (both set).
  let level1RawDiffers: Bool
  let level2RawDiffers: Bool
  /// The explanation has 元 or 万 (`AmountsInText.mayHoldAmount`).
  let explanationMayHoldAmount: Bool
  /// `CheckedIndicator.isCostAmount`.
  let isCostAmount: Bool
  /// `DirectionReversed.negative` occurs in the name key (asked only of what that check asks
  /// it of, an own quantitative target with an operator other than =; false for the rest).
  let nameHasNegativeWord: Bool
  /// `DuplicateIndicator.hash` of the name key, for a named indicator with a name span.
  let nameHash: UInt64?

  /// An indicator's level texts as its getters make them (`Indicator.Fields.level1` …).
  struct LevelTexts {
    let level1: String?
    let level2: String?
    let level1Raw: String?
    let level2Raw: String?
  }

  /// Of an indicator's fields, read in place by the caller (`Indicator.withFieldsInPlace`),
  /// and its level texts (`levelTexts`, read from the same fields).
  /// `nameKey` and `valueTypeReading` are nil exactly when the name and the value type are.
  init(
    _ indicator: inout Indicator.Fields, _ levelTexts: LevelTexts, level1: Level1?, level2: Level2?, nameKey: String?,
    valueTypeReading: ValueTypeReading?, explanation: String?, framework: Framework?
  ) {
    ownsTarget = !indicator.sharesNameAndTargetWithAbove
    kind = indicator.target.kind
    op = indicator.target.op
    var flags: UInt16 = 0
    var hasDateOrParts = false
    var unitIsPercent = false
    indicator.target.withDetailsInPlace { details in
      details.flags.withUnsafeBufferPointer { for flag in $0 { flags |= Self.bit(flag) } }
      hasDateOrParts = !details.parts.isEmpty || details.date != nil
      if let unit = details.unit { unitIsPercent = unit.utf8.count == 1 && unit == "%" }
    }
    self.flags = flags
    self.hasDateOrParts = hasDateOrParts
    self.unitIsPercent = unitIsPercent
    horizon = indicator.horizon
    level1Origin = indicator.level1Origin
    self.level1 = level1
    self.level2 = level2
    self.valueTypeReading = valueTypeReading
    self.framework = framework
    hasName = nameKey != nil
    hasNameSpan = indicator.spans[.name] != nil
    hasLevel1 = levelTexts.level1 != nil
    hasLevel2 = levelTexts.level2 != nil
    hasUnitColumn = indicator.unitColumn != nil
    hasValueType = valueTypeReading != nil
    hasScoring = indicator.scoring != nil
    hasWeight = indicator.weight != nil
    hasWeightRaw = indicator.weightRaw != nil
    nameEndsInRate = nameKey?.hasSuffixBytes("率") ?? false
    level1RawDiffers = Self.differs(levelTexts.level1Raw, levelTexts.level1)
    level2RawDiffers = Self.differs(levelTexts.level2Raw, levelTexts.level2)
    if let explanation {
      explanationMayHoldAmount = AmountsInText.mayHoldAmount(explanation)
    } else {
      explanationMayHoldAmount = false
    }
    nameHasNegativeWord =
      ownsTarget && kind == .quantitative && op != nil && op != .equal
      && (nameKey.map { DirectionReversed.negative.anyOccurs(in: $0) } ?? false)
    let isCost =
      (level1 == .cost && levelTexts.level1?.equalsBytes(Level1.cost.rawValue) == true)
      || (level2 == .cost && levelTexts.level2?.equalsBytes(Level2.cost.rawValue) == true)
      || (level2 == .economicCost && levelTexts.level2?.equalsBytes(Level2.economicCost.rawValue) == true)
    // A relative cost target (`较上年减少10万元`) is a change in the spending, not the spending.
    isCostAmount = isCost && indicator.target.money != nil && !nameEndsInRate && flags & Self.bit(.relative) == 0
    nameHash = hasNameSpan && hasName ? nameKey.map { DuplicateIndicator.hash($0) } : nil
  }

  func has(_ flag: Target.Flag) -> Bool { flags & Self.bit(flag) != 0 }

  private static func differs(_ raw: String?, _ standard: String?) -> Bool {
    guard let raw, let standard else { return false }
    // A cell written as its level's name holds that name's literal, as its reading does.
    return !raw.isSameString(standard) && !raw.equalsBytes(standard)
  }

  static func bit(_ flag: Target.Flag) -> UInt16 {
    switch flag {
    case .unitUnknown: 1 << 0
    case .operatorConflict: 1 << 1
    case .unitConflict: 1 << 2
    case .yearAssumed: 1 << 3
    case .operatorFromColumn: 1 << 4
    case .unitFromColumn: 1 << 5
    case .excelDateSerial: 1 << 6
    case .templatePlaceholder: 1 << 7
    case .digitsRunTogether: 1 << 8
    case .ocrDigit: 1 << 9
    case .spacedDigits: 1 << 10
    case .wrappedLine: 1 << 11
    case .relative: 1 << 12
    }
  }
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

extension String {
  /// Whether the two are one string value: the same small-string bytes, or the same storage
  /// (a literal's or a buffer's) with the same count. Such strings have the same bytes, so a
  /// byte comparison need not reach them; strings with other representations may still be
  /// equal, which this does not tell.
  @inline(__always)
  func isSameString(_ other: String) -> Bool {
    // A String is two words on the 64-bit platforms this builds for (`unsafeBitCast` traps
    // on any other size).
    let left = unsafeBitCast(self, to: (UInt64, UInt64).self)
    let right = unsafeBitCast(other, to: (UInt64, UInt64).self)
    return left.0 == right.0 && left.1 == right.1
  }
}
