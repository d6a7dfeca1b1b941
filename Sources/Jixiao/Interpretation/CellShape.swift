/// What a cell of an indicator row looks like, to place it in a column when its position
/// cannot be trusted (collapsed empty cells, cells run together, shifted rows).
enum CellShape: Equatable {
  /// `≥`, `＝`, `定性`, `定量`: the operator / value-type column.
  case operatorWord
  /// `正向`, `反向`: the direction column.
  case direction
  /// `计划标准`, `历史标准`, `行业标准`: the standard column.
  case standard
  /// `20分`: a weight.
  case weight
  /// A unit alone: `%`, `人次`, `万元/人`.
  case unit
  /// A bare number: `95`, `44,561`; `small` when it could be a weight (0…100).
  case number(small: Bool)
  /// A target with more than a number: `≥90%`, `2024年12月`, `前三名`, `合格`.
  case value
  /// A scoring rule: `未达指标值酌情扣分`, `完成得满分`.
  case scoringText
  /// Words: a name, or an explanation when long.
  case text(length: Int)
  /// `反映…情况`: the wording of an explanation (指标解释), whatever its length.
  case explanationText

  // By bytes: keys are NFKC, and a `Set<String>` normalises every key it hashes.
  static let standards = WordSet(["计划标准", "历史标准", "行业标准", "其他标准", "经验标准", "国家标准", "地方标准"])
  static let operators = WordSet(
    [
      "≥", "≤", "=", ">", "<", ">=", "<=", "≧", "≦", "═", "==", "定性", "定量", "大于等于", "小于等于", "等于", "大于", "小于",
    ])

  /// The bytes of the longest operator, direction or standard.
  private static let longestWord = max(operators.longestWord, standards.longestWord, "正向".utf8.count)

  static func of(_ cell: Cell, readings: TargetReadings? = nil) -> CellShape { read(cell, readings: readings).shape }

  /// The shape of a cell, and the grammar's reading of it when the shape test read it as a
  /// target (kept for the indicator builder, which reads the target again in its row).
  /// `readings` are the document's, which the test asks before it reads the text itself.
  static func read(_ cell: Cell, readings: TargetReadings? = nil) -> (shape: CellShape, reading: TargetReading?) {
    var reading: TargetReading?
    let shape = shape(of: cell, readings: readings, reading: &reading)
    return (shape, reading)
  }

  private static func shape(of cell: Cell, readings: TargetReadings?, reading: inout TargetReading?) -> CellShape {
    let key = cell.key
    // Characters are counted only where a test asks: values and numbers, which hold a digit,
    // seldom reach one.
    var length = -1
    if let shape = shapeBeforeValueTest(key, length: &length) { return shape }
    reading = valueTest(cell, key: key, readings: readings)
    if reading.map({ Self.readsAsValue(key, $0) }) == true { return .value }
    return shapeOfWords(key, length: length)
  }

  /// What the shape of a cell is, or would be unless its text reads as a value: the value test
  /// (the grammar's reading of the text, the costliest part) left for the caller to make
  /// where the answer matters (`valueTest`).
  enum Partial: Equatable {
    case decided(CellShape)
    /// `.value` if the value test finds one, else `words`.
    case valueOr(words: CellShape)
  }

  static func partialShape(of cell: Cell) -> Partial {
    let key = cell.key
    var length = -1
    if let shape = shapeBeforeValueTest(key, length: &length) { return .decided(shape) }
    return .valueOr(words: shapeOfWords(key, length: length))
  }

  /// The value test of `shape(of:)`: the reading of the cell's text, which makes the cell a
  /// value when `readsAsValue` of it (`isValue`), and is kept when it is not.
  static func valueTest(_ cell: Cell, readings: TargetReadings?) -> (reading: TargetReading?, isValue: Bool) {
    let key = cell.key
    let reading = valueTest(cell, key: key, readings: readings)
    return (reading, reading.map { Self.readsAsValue(key, $0) } == true)
  }

  @inline(__always)
  private static func valueTest(_ cell: Cell, key: String, readings: TargetReadings?) -> TargetReading? {
    // The parse before it is finished: finishing sets spans and money and drops repeated
    // flags, none of which the test asks.
    if let readings { readings.readingUnlessWords(cell.text) } else { TargetGrammar.readingUnlessWords(cell.text) }
  }

  /// The tests of `shape(of:)` before the value test: the shape they find, or nil. `length`
  /// is the key's characters where a test counted them (-1: not counted).
  @inline(__always)
  private static func shapeBeforeValueTest(_ key: String, length: inout Int) -> CellShape? {
    // Operators, directions and standards are short words: a longer key (most cells) is
    // none of them, known from its stored byte count before three look-ups.
    if key.utf8.count <= longestWord {
      if operators.contains(key) { return .operatorWord }
      if key.equalsBytes("正向") || key.equalsBytes("反向") { return .direction }
      if standards.contains(key) { return .standard }
    }
    if key.hasSuffixBytes("分") && IndicatorBuilder.weight(key) != nil { return .weight }
    let hasDigit = containsDigitCharacter(key)
    if !hasDigit {
      length = key.characterCount
      if length <= 6, UnitTable.mayReadAsKnown(key), let unit = UnitTable.read(key), unit.isKnown { return .unit }
    }
    if hasDigit, key.withUTF8Bytes({ $0.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2C || $0 == 0x2E } }) {
      let small = IndicatorBuilder.weight(key).map { $0 <= 100 } ?? false
      return .number(small: small)
    }
    return nil
  }

  /// The shape of a cell that `shapeBeforeValueTest` left and that is no value.
  @inline(__always)
  private static func shapeOfWords(_ key: String, length: Int) -> CellShape {
    if IndicatorRowReader.readsAsScoring(key) { return .scoringText }
    let length = length < 0 ? key.characterCount : length
    if key.hasPrefixBytes("反映") && length >= 6 { return .explanationText }
    return .text(length: length)
  }

  /// Whether a character of `key` is an ASCII digit, by bytes: a digit byte followed by
  /// another ASCII byte (or the end) is a character of its own; only before a non-ASCII
  /// scalar (a combining keycap) does it take the character walk.
  private static func containsDigitCharacter(_ key: String) -> Bool {
    let byBytes: Bool? = key.withUTF8Bytes { bytes in
      var index = 0
      // Eight bytes at a time past those without a digit (most of a name's).
      while index + 8 <= bytes.count && !hasDigitByte(ByteWord.load(bytes, at: index)) { index += 8 }
      while index < bytes.count {
        let byte = bytes[index]
        if byte >= 0x30 && byte <= 0x39 {
          if index + 1 == bytes.count || bytes[index + 1] < 0x80 { return true }
          return nil
        }
        index += 1
      }
      return false
    }
    return byBytes ?? key.contains { $0.isASCII && $0.isNumber }
  }

  /// Whether one of eight bytes is an ASCII digit (30…39), exactly: per byte, its low seven
  /// bits are at most 39 (B9 less them keeps the high bit) and at least 30 (they and 50 reach
  /// it), and its own high bit is clear; no borrow or carry crosses a byte.
  @inline(__always)
  static func hasDigitByte(_ word: UInt64) -> Bool {
    let low = word & 0x7F7F_7F7F_7F7F_7F7F
    let atMostNine = 0xB9B9_B9B9_B9B9_B9B9 &- low
    let atLeastZero = low &+ 0x5050_5050_5050_5050
    return atMostNine & atLeastZero & ~word & ByteWord.highs != 0
  }

  var isNumber: Bool {
    if case .number = self { return true }
    return false
  }

  /// Words only: not a number, value, unit, operator or weight.
  var isWords: Bool {
    if case .text = self { return true }
    return self == .explanationText
  }

  /// The parse of a reading makes its cell a value: a grade, or a structured reading that is
  /// not a name. Its parts are read where they lie.
  private static func readsAsValue(_ key: String, _ reading: TargetReading) -> Bool {
    if reading.parsed.grade != nil { return true }
    guard reading.parsed.kind.isStructured else { return false }
    return !readsAsName(key, unitUnknown: reading.parsed.flags.contains(.unitUnknown), hasOperator: reading.parsed.op != nil)
  }

  /// A number inside words is a name more than a value: `PM2.5浓度下降比例` (its "unit" is
  /// no unit), `舆情监测时间（24小时）` (a long label and no operator before the number).
  static func readsAsName(_ key: String, _ target: Target) -> Bool {
    readsAsName(key, unitUnknown: target.flags.contains(.unitUnknown), hasOperator: target.op != nil)
  }

  private static func readsAsName(_ key: String, unitUnknown: Bool, hasOperator: Bool) -> Bool {
    if unitUnknown { return true }
    guard !hasOperator else { return false }
    var ideographs = 0
    for scalar in key.unicodeScalars {
      // The ASCII with a numeric type are the digits, and nothing below U+3000 is an
      // ideograph: Unicode's properties are asked only of the rare scalars outside the
      // common block (a property look-up per character was a tenth of a stream's shapes).
      if scalar.value >= 0x30 && scalar.value <= 0x39 { break }
      if scalar.value >= 0x4E00 && scalar.value <= 0x9FFF {
        ideographs += 1
      } else if scalar.value >= 0x3000 && scalar.properties.isIdeographic {
        ideographs += 1
      }
    }
    return ideographs >= 5
  }

  /// How well a cell of this shape fits a column: higher is better; negative means it does
  /// not belong there.
  func fit(_ role: ColumnRole) -> Double {
    switch (self, role) {
    case (.operatorWord, .valueType): 5
    case (.operatorWord, .direction): 3
    case (.direction, .direction): 5
    case (.direction, .valueType): 3
    case (.standard, .standard): 5
    case (.standard, .remark): 1
    case (.weight, .weight): 5
    case (.weight, .remark): 2
    case (.weight, .score): 2
    case (.unit, .unit): 5
    case (.unit, .remark): 0.5
    case (.number, .target): 3
    case (.number(let small), .weight): small ? 2 : 0.3
    case (.number, .actual): 2
    case (.number(let small), .score): small ? 1.5 : 0.3
    case (.number, .unit): 0.5
    case (.number, .remark): 0.5
    case (.value, .target): 4
    // Below the year's target: one value on a row is the year's.
    case (.number, .longTermTarget): 2.5
    case (.value, .longTermTarget): 3.5
    case (.text, .longTermTarget): 0.8
    case (.value, .actual): 2
    case (.value, .remark): 0.5
    // A name can read like a value (`四季度完成“双十佳”工作`).
    case (.value, .name): 1
    case (.scoringText, .scoring): 4
    case (.scoringText, .remark): 1
    case (.scoringText, .explanation): 0.5
    case (.scoringText, .name): 0.5
    case (.explanationText, .explanation): 5
    case (.explanationText, .standard): 2
    case (.explanationText, .scoring), (.explanationText, .remark): 1
    case (.explanationText, .name): 0.5
    case (.text(let length), .name): length <= 40 ? 3 : 1
    case (.text(let length), .explanation): length > 30 ? 2.5 : 1
    case (.text(let length), .scoring): length > 30 ? 2 : 0.5
    case (.text, .target): 1
    // Below the target's 1: a row of words after its name whose target is words too (`不断缩小`)
    // has a target far more often than a remark.
    case (.text, .remark): 0.9
    case (.text, .deviation): 1
    case (.text, .actual): 0.5
    case (.text, .standard): 0.5
    default: -4
    }
  }
}
