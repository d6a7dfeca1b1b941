import FoundationEssentials

/// What the grammar knows about a target cell besides its text.
public struct TargetContext: Sendable, Hashable {
  /// The unit column (度量单位 / 计量单位) of the row, as written.
  public var unitColumn: String?
  /// The operator column (指标值类型 / 指标性质) of the row: `≥`, `＝`, `定性`, `定量`.
  public var operatorColumn: String?
  /// The table's budget year, for dates that omit it (`12月中旬`).
  public var budgetYear: Int?
  /// The indicator's name (三级指标), used only as a hint that a bare number is a date
  /// (`项目财政资金到位时间` with `44,561`, an Excel serial).
  public var indicatorName: String?
  /// The indicator stands under 时效指标, whose values are dates and periods: the same hint.
  public var isTimeliness: Bool
  /// The indicator stands under 成本指标 or 经济成本指标, whose values are money: a bare 万
  /// after a number is 万元 whatever the name says.
  public var isCost: Bool

  public init(
    unitColumn: String? = nil,
    operatorColumn: String? = nil,
    budgetYear: Int? = nil,
    indicatorName: String? = nil,
    isTimeliness: Bool = false,
    isCost: Bool = false
  ) {
    self.unitColumn = unitColumn
    self.operatorColumn = operatorColumn
    self.budgetYear = budgetYear
    self.indicatorName = indicatorName
    self.isTimeliness = isTimeliness
    self.isCost = isCost
  }
}

extension TargetContext {
  /// The budget year when it is a plausible calendar year (a typo such as 20246 is ignored).
  var usableBudgetYear: Int? {
    guard let budgetYear, (1000...9999).contains(budgetYear) else { return nil }
    return budgetYear
  }
}

/// Reads a target value (指标值) into a `Target`.
///
/// The text is NFKC-normalised (only when it is not ASCII), tokenized by `ValueTokenizer`
/// against `ValueLexicon` and `UnitTable`, and parsed by `TargetParser`. The operator and
/// unit columns are applied last: they fill what the text leaves open and raise
/// `operatorConflict` / `unitConflict` when they disagree with it (the text's reading is
/// kept). Never traps; anything unreadable becomes `text`.
///
/// Why hand-written: a cell is a handful of tokens, and most of the work is knowing words
/// (a lexicon with longest match) rather than nesting; a recursive-descent reader over an
/// array of tokens is a few hundred lines, has no dependency, backtracks for free by
/// resetting an index, and reads about 300,000 cells a second on one core in a release
/// build (650,000 when they are ASCII).
///
/// Conventions (issue 4): a bare number has no operator; 以上/以下/以内 include the number; a
/// `range` has `min`/`max` and no operator; a `date` is the period it names
/// (`2024年12月` → 12-01…12-31, `年底` and `10月底` → that last day, `12月中旬` → 11…20,
/// `二季度` → 04-01…06-30) with `<=` for 前/之前/截至 and `>=` for 后/以后/起, and the budget
/// year filled in (flag `yearAssumed`) when the text has none; `前N名` is `<= N`, `第N` is
/// `= N`; `万` alone after a number is 万元 (or 万 + the unit column: `1.5万` under 人次), except
/// under an indicator name that is not about money, where it is a magnitude (`≥1.5万` under
/// 培训人次 is 15000, unit nil, unitRaw 万).
public enum TargetGrammar {
  public static func read(
    _ raw: String,
    context: TargetContext = TargetContext(),
    span: SourceSpan? = nil
  )
    -> Target
  {
    let normalized = NormalizedText(raw)
    return read(raw, normalized: normalized, tokens: ValueTokenizer.tokenize(normalized.scalars), context: context, span: span)
  }

  /// The reading of `raw`, or nil when it cannot be a structured value (quantity, range,
  /// date, rank) nor a grade. A reader that only asks whether a cell is a value skips the
  /// parser for such text: most names and explanations in indicator rows. Tests hold the
  /// claim to every target case and every cell of the corpus.
  static func readUnlessWords(_ raw: String) -> Target? {
    readingUnlessWords(raw)?.target
  }

  /// `readUnlessWords` with what it parsed kept, so that the reading of the same text in a
  /// row's context (`read(_:context:span:)` of a `TargetReading`) need not parse it again.
  static func readingUnlessWords(_ raw: String) -> TargetReading? {
    let normalized = NormalizedText(raw)
    guard mayHoldValue(normalized.scalars) else { return nil }
    let tokens = ValueTokenizer.tokenize(normalized.scalars)
    guard tokensMayMakeValue(tokens, normalized.scalars) else { return nil }
    return TargetReading(raw, normalized: normalized, tokens: tokens)
  }

  /// The first test of `readingUnlessWords`: text in which no token that makes a value can
  /// begin is not tokenized to know it.
  static func mayHoldValue(_ scalars: [Unicode.Scalar]) -> Bool {
    mayBeginValueToken(scalars) || mayReadAsGradeUntokenized(scalars)
  }

  /// `mayReadAsGrade` for text in which no token that makes a value begins, known without the
  /// tokens where it can be: the tokens cover every scalar but the spaces they skip, so when
  /// none can be ignorable (a star, `$`, `★` …), the first and last of them are the text's
  /// ends, and the grade is looked for in the whole text trimmed of spaces. Text that may hold
  /// an ignorable token is left to the tokens (a grade word occurs in many names: 有, 是, 中).
  private static func mayReadAsGradeUntokenized(_ scalars: [Unicode.Scalar]) -> Bool {
    guard QualitativeWords.mayHoldGrade(scalars) else { return false }
    if scalars.contains(where: ignorableStarts.mayContain) { return true }
    var start = 0
    var end = scalars.count
    while start < end, Blank.isWhitespace(scalars[start]) { start += 1 }
    while end > start, Blank.isWhitespace(scalars[end - 1]) { end -= 1 }
    // (The reader reads no grade in more than 60 scalars.)
    return end - start <= 60 && QualitativeWords.grade(in: Array(scalars[start..<end])) != nil
  }

  /// Scalars at which the tokenizer may begin an ignorable token: a lone star, the first scalar
  /// of an ignorable lexicon entry.
  private static let ignorableStarts: ScalarFilter = {
    var scalars = Array("*＊".unicodeScalars)
    for (first, entries) in ValueLexicon.index where entries.contains(where: { $0.lexeme == .ignorable }) {
      scalars.append(first)
    }
    return ScalarFilter(scalars)
  }()

  /// Whether a token that makes a value (`makesValue`) may begin in the text: at a scalar that
  /// starts a number, a placeholder or a Latin word, or where a lexicon entry that makes a value
  /// is written out. The tokenizer makes a lexicon token only where its entry is written, so a
  /// scalar that only begins such an entry (明 of 明年, 上 of 上半年, in 明显, 上报) begins none:
  /// most names and explanations were tokenized only to find that.
  static func mayBeginValueToken(_ scalars: [Unicode.Scalar]) -> Bool {
    for index in scalars.indices where valueStarts.mayContain(scalars[index]) {
      if numberStarts.mayContain(scalars[index]) || valueWords.occurs(in: scalars, at: index) { return true }
    }
    return false
  }

  /// Scalars at which the tokenizer may begin a number, a placeholder or a Latin word (which
  /// may be a date or rank word: `Q3`) without the lexicon.
  private static let numberStarts: ScalarFilter = {
    var scalars = Array("0123456789*＊".unicodeScalars)
    scalars += (0x41...0x5A).compactMap(Unicode.Scalar.init) + (0x61...0x7A).compactMap(Unicode.Scalar.init)
    scalars += ChineseNumeral.numerals
    return ScalarFilter(scalars)
  }()

  /// The lexicon's entries that make a value, as written.
  private static let valueWords = WordIndex(
    ValueLexicon.index.values.flatMap { entries in entries.filter { makesValue($0.lexeme) }.map(\.key) })

  /// The second test of `readingUnlessWords`, on the tokens.
  static func tokensMayMakeValue(_ tokens: [ValueToken], _ scalars: [Unicode.Scalar]) -> Bool {
    tokens.contains(where: makesValue) || mayReadAsGrade(tokens, scalars)
  }

  /// Whether a token is one that every structured reading needs: a number, a date literal,
  /// a date or rank word, a placeholder (whose group the parser drops, leaving what may be a
  /// grade). Every reader of a structured kind requires one (`amountStart` a number, `readDate`
  /// what `mayHoldDate` looks for, `readRank` 前, 第 or 前列), so in text without them, a
  /// comparison word (`达到`, `为`, `以内`) with words around it reads as words.
  static func makesValue(_ token: ValueToken) -> Bool {
    switch token.kind {
    case .number, .dateLiteral, .placeholder: true
    case .word: false
    case .lexeme(let lexeme): makesValue(lexeme)
    }
  }

  static func makesValue(_ lexeme: Lexeme) -> Bool {
    switch lexeme {
    case .date, .front, .rank: true
    case .comparison, .keepWithin, .unit, .scale, .unitPrefix, .tenths, .rangeSeparator, .listSeparator, .alternative,
      .approximately, .moreThan, .ignorable, .word, .openParen, .closeParen, .slash:
      false
    }
  }

  /// Whether text whose tokens make no value may read as a grade. Such text is read by the
  /// qualitative reader alone, over the whole text less its ignorable tokens, trimmed of
  /// spaces, and it finds a grade only in 60 scalars or fewer, where `QualitativeWords.grade(in:)`
  /// does: a grade word with decoration around it and nothing more (`达到合格标准`, not
  /// `培训指导有效性`, which the parser used to read only to find no grade).
  private static func mayReadAsGrade(_ tokens: [ValueToken], _ scalars: [Unicode.Scalar]) -> Bool {
    guard QualitativeWords.mayHoldGrade(scalars),
      let first = tokens.firstIndex(where: { $0.lexeme != .ignorable }),
      let last = tokens.lastIndex(where: { $0.lexeme != .ignorable })
    else { return false }
    var start = tokens[first].start
    var end = tokens[last].end
    while start < end, Blank.isWhitespace(scalars[start]) { start += 1 }
    while end > start, Blank.isWhitespace(scalars[end - 1]) { end -= 1 }
    // (The reader reads no grade in more than 60 scalars.)
    return end - start <= 60 && QualitativeWords.grade(in: Array(scalars[start..<end])) != nil
  }

  /// Scalars at which `ValueTokenizer` may begin a token that makes a value (`makesValue`): a
  /// digit, a star, a Chinese numeral, a Latin letter, the first scalar of a lexicon entry
  /// that makes a value. Every other scalar begins a token that does not.
  static let valueStarts: ScalarFilter = {
    var scalars = Array("0123456789*＊".unicodeScalars)
    scalars += (0x41...0x5A).compactMap(Unicode.Scalar.init) + (0x61...0x7A).compactMap(Unicode.Scalar.init)
    scalars += ChineseNumeral.numerals
    for (first, entries) in ValueLexicon.index where entries.contains(where: { makesValue($0.lexeme) }) {
      scalars.append(first)
    }
    return ScalarFilter(scalars)
  }()

  /// The reading of a text in a context, from its reading without one: the parse is reused
  /// unless the parser consulted the context for it; the columns are applied either way.
  static func read(_ reading: TargetReading, context: TargetContext, span: SourceSpan?) -> Target {
    read(reading, context: context, columns: ColumnContext(context), span: span)
  }

  /// `read(_:context:span:)` with the context's columns already read (`ColumnContexts`).
  static func read(_ reading: TargetReading, context: TargetContext, columns: borrowing ColumnContext, span: SourceSpan?)
    -> Target
  {
    let columns = ColumnReading(columns, value: reading.normalized)
    guard !reading.dependsOnContext else {
      return read(
        reading.raw, normalized: reading.normalized, tokens: reading.tokens, context: context, columns: columns,
        span: span)
    }
    var target = reading.parsed
    apply(context, columns: columns, to: &target)
    finish(&target, span: span)
    return target
  }

  private static func read(
    _ raw: String, normalized: NormalizedText, tokens: [ValueToken], context: TargetContext, span: SourceSpan?
  ) -> Target {
    read(raw, normalized: normalized, tokens: tokens, context: context,
      columns: ColumnReading(context, value: normalized), span: span)
  }

  private static func read(
    _ raw: String, normalized: NormalizedText, tokens: [ValueToken], context: TargetContext, columns: ColumnReading,
    span: SourceSpan?
  ) -> Target {
    var target = parser(
      raw, normalized: normalized, tokens: tokens, budgetYear: context.usableBudgetYear, columns: columns, span: span)
      .read()
    apply(context, columns: columns, to: &target)
    finish(&target, span: span)
    return target
  }

  /// (Given the budget year, not the context: the parser reads nothing else of it, and a
  /// context passed along is three strings retained and released.)
  fileprivate static func parser(
    _ raw: String, normalized: NormalizedText, tokens: [ValueToken], budgetYear: Int?, columns: ColumnReading,
    span: SourceSpan?, contextUse: TargetParser.ContextUse? = nil
  ) -> TargetParser {
    TargetParser(
      raw: raw,
      normalized: normalized,
      tokens: tokens,
      budgetYear: budgetYear,
      unitColumn: columns.unit,
      expectsDate: columns.expectsDate,
      scaleIsMagnitude: columns.scaleIsMagnitude,
      span: span,
      contextUse: contextUse
    )
  }

  /// Applies the operator and unit columns and the Excel-serial rule.
  private static func apply(_ context: TargetContext, columns: ColumnReading, to target: inout Target) {
    let operatorColumn = columns.op
    let unitColumn = columns.unit
    // 44,561 under a date column or name: an Excel serial for 2021-12-31 (4.5万, a magnitude
    // with its 万 in unitRaw, is none).
    if columns.expectsDate, target.kind == .quantitative,
      target.unit == nil ? target.unitRaw == nil : target.unit == unitColumn?.canonical,
      let value = target.value, let serial = ExactDecimal.integer(value), (36_526...73_050).contains(serial),
      let day = CivilDate.excelSerial(serial)
    {
      target.kind = .date
      target.value = nil
      target.unit = nil
      target.unitRaw = nil
      target.date = CivilInterval.day(day).dateInterval
      target.flags.append(.excelDateSerial)
    }
    switch target.kind {
    case .quantitative, .date, .rank:
      if case .comparison(let comparison) = operatorColumn {
        if target.op == nil {
          target.op = comparison
          target.flags.append(.operatorFromColumn)
        } else if target.op != comparison {
          target.flags.append(.operatorConflict)
        }
      }
    case .range:
      if case .comparison = operatorColumn, !(operatorColumn == .comparison(.equal)) {
        target.flags.append(.operatorConflict)
      }
    case .text:
      if operatorColumn == .qualitative, !target.flags.contains(.templatePlaceholder) {
        target.kind = .qualitative
      }
    case .qualitative, .compound, .empty:
      break
    }
    guard let unitColumn else { return }
    switch target.kind {
    case .quantitative, .range:
      if target.unit == nil {
        target.unit = unitColumn.canonical
        target.unitRaw = context.unitColumn
        target.flags.append(.unitFromColumn)
        if !unitColumn.isKnown { target.flags.append(.unitUnknown) }
      } else if target.unit != unitColumn.canonical, !target.flags.contains(.unitFromColumn) {
        // (1.5万 with a 人次 column was read as 万人次 by the parser, flagged unitFromColumn.)
        target.flags.append(.unitConflict)
      }
    case .date:
      if !ColumnReading.dateUnits.contains(unitColumn.canonical), !target.flags.contains(.excelDateSerial) {
        target.flags.append(.unitConflict)
      }
    case .rank, .qualitative, .compound, .text, .empty:
      break
    }
  }

  /// Whether a flag occurs twice: most lists hold one flag or none, and are kept as they are.
  static func hasDuplicate(_ flags: [Target.Flag]) -> Bool {
    guard flags.count >= 2 else { return false }
    for index in 1..<flags.count where flags[..<index].contains(flags[index]) { return true }
    return false
  }

  /// Money in 元, spans on every part, and no duplicate flags.
  fileprivate static func finish(_ target: inout Target, span: SourceSpan?) {
    target.span = span
    // Every money unit ends in 元 (`MoneyUnit.mayBeNamed`): most units (%, 个) are not looked up.
    if target.kind == .quantitative, let value = target.value, let unit = target.unit, MoneyUnit.mayBeNamed(unit),
      let money = MoneyUnit.named(unit)
    {
      // (The exponent raised, bytes as `value * money.multiplier`: `*` multiplied mantissas.)
      target.yuan = money.yuan(of: value)
    }
    if hasDuplicate(target.flags) {
      var seen: [Target.Flag] = []
      for flag in target.flags where !seen.contains(flag) { seen.append(flag) }
      target.flags = seen
    }
    for index in target.parts.indices { finish(&target.parts[index], span: span) }
  }
}

/// A target text read without context, kept so that its reading in a row's context can reuse
/// the parse (a row reader shapes every cell before the indicator builder reads the target
/// in its row's context: the second parse was about 5 % of all the work).
final class TargetReading: Sendable {
  let raw: String
  let normalized: NormalizedText
  let tokens: [ValueToken]
  /// The parser's reading before any column is applied.
  let parsed: Target
  /// The parser asked the context (a budget year for a date written without one, a unit
  /// column for a bare 万, a date column for `2023.07`): another context may read the text
  /// otherwise.
  let dependsOnContext: Bool

  /// The reading of any text, as `TargetGrammar.read(raw)` makes it.
  convenience init(_ raw: String, simplify: Bool = false, contextUse: TargetParser.ContextUse = TargetParser.ContextUse()) {
    let normalized = NormalizedText(raw, simplify: simplify)
    self.init(raw, normalized: normalized, tokens: ValueTokenizer.tokenize(normalized.scalars), contextUse: contextUse)
  }

  /// `contextUse` notes whether the parse asked the context; a document's readings pass one
  /// they reuse for every text.
  init(
    _ raw: String, normalized: NormalizedText, tokens: [ValueToken],
    contextUse: TargetParser.ContextUse = TargetParser.ContextUse()
  ) {
    self.raw = raw
    self.normalized = normalized
    self.tokens = tokens
    contextUse.reset()
    parsed = TargetGrammar.parser(
      raw, normalized: normalized, tokens: tokens, budgetYear: nil, columns: .withoutContext, span: nil,
      contextUse: contextUse
    ).read()
    dependsOnContext = contextUse.consulted
  }

  /// The reading on its own, as `TargetGrammar.read(raw)` gives it: with no context there are
  /// no columns to apply, only the finish (TargetReadingTests hold the two alike).
  var target: Target {
    var target = parsed
    TargetGrammar.finish(&target, span: nil)
    return target
  }
}

/// The readings without context of one document's texts, by text: a document repeats its
/// values (`≥95%`, `100%`, `≤N万元` row after row), and a row reader shapes every cell before
/// the indicator builder reads the targets among them. Each text that may be a value is read
/// at most once; in a row's context a reading is applied by `TargetGrammar.read(_:context:span:)`
/// of a `TargetReading`. One per document (`ReadingContext`), never shared between documents.
final class TargetReadings {
  private struct Entry {
    var reading: TargetReading?
    /// `TargetGrammar.readingUnlessWords` answered nil; nil until it is asked.
    var isWords: Bool?
  }

  /// Keyed by bytes: `String`'s equality is canonical equivalence, and two texts that are
  /// equivalent but written differently keep their own raw text. Hashed by `Hasher`: the keys
  /// are the document's, and a weaker hash could be made to collide.
  private struct Key: Hashable {
    let text: String
    static func == (left: Key, right: Key) -> Bool { left.text.equalsBytes(right.text) }
    func hash(into hasher: inout Hasher) {
      text.withUTF8Bytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
  }

  /// Every text asked, by its bytes, those the first test turned away too: a document asks
  /// the same texts many times (a stream's cells are shaped to rebuild its rows, then again
  /// to align them; a row's last cell at each cell after it), and a look-up costs less than
  /// the first test, which normalises the text.
  private var entries: [Key: Entry]
  /// Noted by each parse in turn: one object for the document's texts, not one each.
  private let contextUse = TargetParser.ContextUse()
  /// The document's unit and operator columns, each read once.
  private var columns = ColumnContexts()

  /// The document is in traditional script: texts are read in simplified script (see
  /// `NormalizedText`), the unit and operator columns too.
  let simplifiesScript: Bool

  init(simplifiesScript: Bool = false) {
    // Documents shape a few hundred texts: little growth for most.
    entries = Dictionary(minimumCapacity: 256)
    self.simplifiesScript = simplifiesScript
  }

  /// `TargetGrammar.readingUnlessWords(raw)`.
  func readingUnlessWords(_ raw: String) -> TargetReading? {
    // One look-up, which makes the entry when it is missing, and the entry filled where it lies.
    Self.answer(&entries[Key(text: raw), default: Entry()], raw, simplifiesScript, contextUse)
  }

  private static func answer(_ entry: inout Entry, _ raw: String, _ simplify: Bool, _ contextUse: TargetParser.ContextUse)
    -> TargetReading?
  {
    if let isWords = entry.isWords { return isWords ? nil : entry.reading }
    if let reading = entry.reading {
      // Read by `reading(_:)`, which makes no test.
      entry.isWords =
        !TargetGrammar.mayHoldValue(reading.normalized.scalars)
        || !TargetGrammar.tokensMayMakeValue(reading.tokens, reading.normalized.scalars)
    } else {
      let normalized = NormalizedText(raw, simplify: simplify)
      if TargetGrammar.mayHoldValue(normalized.scalars) {
        let tokens = ValueTokenizer.tokenize(normalized.scalars)
        let isWords = !TargetGrammar.tokensMayMakeValue(tokens, normalized.scalars)
        if !isWords { entry.reading = TargetReading(raw, normalized: normalized, tokens: tokens, contextUse: contextUse) }
        entry.isWords = isWords
      } else {
        entry.isWords = true
      }
    }
    return entry.isWords == true ? nil : entry.reading
  }

  /// `TargetGrammar.read(reading, context:span:)`, with the context's columns read once per
  /// document.
  func read(_ reading: TargetReading, context: TargetContext, span: SourceSpan?) -> Target {
    // Most rows have neither column: their context is read without the memo (each access
    // to it is checked for exclusivity).
    guard context.unitColumn != nil || context.operatorColumn != nil else {
      return TargetGrammar.read(reading, context: context, span: span)
    }
    var context = context
    if simplifiesScript {
      context.unitColumn = context.unitColumn.map(Self.simplified)
      context.operatorColumn = context.operatorColumn.map(Self.simplified)
    }
    return TargetGrammar.read(reading, context: context, columns: columns.context(context), span: span)
  }

  private static func simplified(_ text: String) -> String {
    text.withUTF8Bytes { $0.contains { $0 >= 0xE3 } } ? ICU.simplified(text) : text
  }

  /// The reading of `raw` without context, as `TargetReading(raw)` makes it.
  func reading(_ raw: String) -> TargetReading {
    Self.reading(&entries[Key(text: raw), default: Entry()], raw, simplifiesScript, contextUse)
  }

  private static func reading(_ entry: inout Entry, _ raw: String, _ simplify: Bool, _ contextUse: TargetParser.ContextUse)
    -> TargetReading
  {
    if let reading = entry.reading { return reading }
    let reading = TargetReading(raw, simplify: simplify, contextUse: contextUse)
    entry.reading = reading
    return reading
  }
}

/// The operator and unit columns of a row, read once per cell.
struct ColumnReading {
  enum Operator: Equatable {
    case comparison(Comparison)
    case qualitative  // 定性
    case quantitative  // 定量
  }

  /// Units a date target may carry in its unit column without a conflict.
  // Word sets by bytes: the texts asked are NFKC (`compact`, `UnitTable`), so bytes decide.
  static let dateUnits = WordSet(["年", "月", "季度", "日期", "时间", "年月", "年月日", "时限", "期限"])

  /// The unit column as a unit; nil when empty, a dash or slash, a number, or the value text
  /// itself repeated (seed 001 puts `有效保障` in both).
  let unit: UnitReading?
  let op: Operator?
  /// Whether the row suggests a date: a date unit column, the value repeated in the unit
  /// column (how 102 prints a serial), or an indicator name about a time.
  let expectsDate: Bool
  /// Whether a bare 万 after a number is a magnitude rather than 万元 (`ColumnContext`).
  let scaleIsMagnitude: Bool

  /// (Borrowed: an initializer's parameters are owned, and a context and a text passed owned
  /// were copied for every read.)
  init(_ context: borrowing TargetContext, value: borrowing NormalizedText) {
    self.init(ColumnContext(context), value: value)
  }

  /// The reading of an empty context (`TargetContext()`), whatever the value: no columns.
  static let withoutContext = ColumnReading(unit: nil, op: nil, expectsDate: false, scaleIsMagnitude: false)

  private init(unit: UnitReading?, op: Operator?, expectsDate: Bool, scaleIsMagnitude: Bool) {
    self.unit = unit
    self.op = op
    self.expectsDate = expectsDate
    self.scaleIsMagnitude = scaleIsMagnitude
  }

  /// The columns' reading compared with the value: a unit column that repeats the value is no
  /// unit; digits that repeat the value's make a date.
  init(_ columns: borrowing ColumnContext, value: borrowing NormalizedText) {
    // Only a unit column is compared with the value, and most reads have none. The value is
    // compared where it lies, without the arrays of its scalars less spaces and its digits.
    unit = columns.unit != nil && !Self.matches(columns.unitScalars, value.scalars, keeping: { !Blank.isWhitespace($0) })
      ? columns.unit : nil
    var expectsDate = columns.isDateColumn
    if !expectsDate, let unitDigits = columns.unitDigits {
      expectsDate = !unitDigits.isEmpty && Self.matches(unitDigits, value.scalars, keeping: ColumnContext.isDigit)
    }
    self.expectsDate = expectsDate || columns.nameSuggestsDate
    op = columns.op
    scaleIsMagnitude = columns.scaleIsMagnitude
  }

  /// Whether `expected` is `scalars` less those `keeping` turns away.
  private static func matches(
    _ expected: [Unicode.Scalar], _ scalars: [Unicode.Scalar], keeping: (Unicode.Scalar) -> Bool
  ) -> Bool {
    var matched = 0
    for scalar in scalars where keeping(scalar) {
      guard matched < expected.count, expected[matched] == scalar else { return false }
      matched += 1
    }
    return matched == expected.count
  }

  /// The comparison a column begins with (`≥`, `大于等于`), which is the first token the
  /// tokenizer makes of it, found without tokenizing the column: only the lexicon reads a
  /// token at a scalar that starts no number, placeholder, numeral or Latin word, and the
  /// column has no space to skip. Nil leaves the column to the tokenizer.
  static func leadingComparison(_ scalars: [Unicode.Scalar]) -> Comparison? {
    guard let first = scalars.first else { return nil }
    switch first {
    case "0"..."9", "A"..."Z", "a"..."z", "\t", "\r", " ", ".", "*", "＊", "\u{3000}": return nil
    default: break
    }
    guard !ChineseNumeral.isNumeral(first),
      case .comparison(let comparison, _)? = ValueLexicon.longestMatch(in: scalars, at: 0)?.0
    else { return nil }
    return comparison
  }

  static func compact(_ text: String) -> [Unicode.Scalar] {
    NormalizedText.nfkc(text).unicodeScalars.filter { !Blank.isWhitespace($0) }
  }

  static func readOperator(_ column: String) -> Operator? {
    let scalars = compact(column)
    for (index, scalar) in scalars.enumerated() where scalar == "定" && index + 1 < scalars.count {
      if scalars[index + 1] == "性" { return .qualitative }
      if scalars[index + 1] == "量" { return .quantitative }
    }
    if let first = leadingComparison(scalars) { return .comparison(first) }
    for token in ValueTokenizer.tokenize(scalars) {
      if case .comparison(let comparison, _) = token.lexeme { return .comparison(comparison) }
    }
    return nil
  }
}

/// What a row's columns say before a value is compared with them: the same for every value
/// under the same columns.
struct ColumnContext {
  /// What the unit column says, behind one reference: a document's memo hands the same one to
  /// every row with that column.
  let unitColumn: UnitColumn
  /// An indicator name about a time (`项目完成时间`), or one under 时效指标.
  let nameSuggestsDate: Bool
  /// An indicator name that is not about money, under no cost level: a bare 万 after a
  /// number counts what the name counts (`培训人次 │ ≥1.5万` is 15000), where without a name
  /// or under a name of money (`补助资金`) it is 万元, as most bare 万 in these tables are.
  let scaleIsMagnitude: Bool
  let op: ColumnReading.Operator?

  /// The unit column, NFKC, without spaces.
  var unitScalars: [Unicode.Scalar] { unitColumn.scalars }
  /// The unit column as a unit, unless it is empty, a dash or slash, or holds a digit.
  var unit: UnitReading? { unitColumn.unit }
  /// A unit column such as 日期 or 时间.
  var isDateColumn: Bool { unitColumn.isDateColumn }
  /// The digits of a unit column of digits and commas only (a serial printed beside its date).
  var unitDigits: [Unicode.Scalar]? { unitColumn.digits }

  private static let dateNameEndings = ["时间", "日期", "时限", "时点", "期限", "节点", "周期"]

  /// Words of a name whose values are money: amounts, costs, prices, income.
  private static let moneyNameWords = [
    "资金", "金额", "成本", "费用", "投资", "补助", "补贴", "经费", "元", "支出", "预算", "投入", "收入", "增收", "收益",
    "价格", "单价", "造价", "产值", "工资", "款",
  ]

  static func namesMoney(_ name: String) -> Bool { moneyNameWords.contains { name.containsBytes($0) } }

  static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

  init(_ context: borrowing TargetContext) {
    self.init(
      context, unitColumn: context.unitColumn.map(UnitColumn.init) ?? .none,
      op: context.operatorColumn.flatMap(ColumnReading.readOperator))
  }

  init(_ context: borrowing TargetContext, unitColumn: UnitColumn, op: ColumnReading.Operator?) {
    self.unitColumn = unitColumn
    nameSuggestsDate =
      context.isTimeliness || context.indicatorName.map { name in Self.dateNameEndings.contains { name.hasSuffixBytes($0) } } ?? false
    scaleIsMagnitude = !context.isCost && context.indicatorName.map { !Self.namesMoney($0) } ?? false
    self.op = op
  }
}

/// A unit column as `ColumnContext` reads it, before any value is compared with it.
final class UnitColumn: Sendable {
  let scalars: [Unicode.Scalar]
  let unit: UnitReading?
  let isDateColumn: Bool
  let digits: [Unicode.Scalar]?

  private static let dateColumns = WordSet(["日期", "时间", "年月日", "年月", "日"])

  /// The reading of no unit column.
  static let none = UnitColumn("")

  init(_ column: String) {
    let scalars = ColumnReading.compact(column)
    self.scalars = scalars
    // Most reads have no unit column: no text to make and look up.
    let text = scalars.isEmpty ? "" : String(scalars: scalars)
    if scalars.isEmpty || NilMarkers.says(text) || scalars.contains(where: ColumnContext.isDigit) {
      unit = nil
    } else {
      unit = UnitTable.read(text)
    }
    isDateColumn = !scalars.isEmpty && Self.dateColumns.contains(text)
    digits =
      !scalars.isEmpty && scalars.allSatisfy({ ColumnContext.isDigit($0) || $0 == "," })
      ? scalars.filter(ColumnContext.isDigit) : nil
  }
}

/// A document's unit and operator columns, each read once: a table repeats them (`%`, `个`,
/// `≥`) row after row, and reading one (NFKC, the unit table, the operator's tokens) cost
/// several times comparing its bytes with the few read before. The last few of each are
/// kept, by bytes (`String`'s equality is canonical equivalence; the readings are of bytes).
/// (A value kept in the document's readings: a class of its own cost an allocation and
/// exclusivity checks on every field.)
struct ColumnContexts {
  /// Columns kept of each kind: a document writes a few units and operators, and one not kept
  /// is read again, as it was before the memo.
  static let capacity = 16

  private var units: [(text: String, column: UnitColumn)] = []
  private var nextUnit = 0
  private var operators: [(text: String, op: ColumnReading.Operator?)] = []
  private var nextOperator = 0

  /// `ColumnContext(context)`, its columns read once.
  mutating func context(_ context: borrowing TargetContext) -> ColumnContext {
    var column = UnitColumn.none
    if let text = context.unitColumn { column = unitColumn(text) }
    var op: ColumnReading.Operator?
    if let text = context.operatorColumn { op = readOperator(text) }
    return ColumnContext(context, unitColumn: column, op: op)
  }

  private mutating func unitColumn(_ text: String) -> UnitColumn {
    let count = text.utf8.count
    for index in units.indices where units[index].text.utf8.count == count && units[index].text.equalsBytes(text) {
      return units[index].column
    }
    let column = UnitColumn(text)
    Self.keep((text, column), in: &units, next: &nextUnit)
    return column
  }

  private mutating func readOperator(_ text: String) -> ColumnReading.Operator? {
    let count = text.utf8.count
    for index in operators.indices
    where operators[index].text.utf8.count == count && operators[index].text.equalsBytes(text) {
      return operators[index].op
    }
    let op = ColumnReading.readOperator(text)
    Self.keep((text, op), in: &operators, next: &nextOperator)
    return op
  }

  /// Keeps a reading, in place of the oldest once `capacity` are kept.
  private static func keep<Entry>(_ entry: Entry, in entries: inout [Entry], next: inout Int) {
    if entries.count < capacity {
      entries.append(entry)
    } else {
      entries[next] = entry
      next = (next + 1) % capacity
    }
  }
}

extension MoneyUnit {
  /// Whether `named(unit)` may find a money unit: every one's name ends in 元, a scalar that is
  /// its own canonical form and the form of no other, so a text equivalent to a name ends in it
  /// too (GrammarMoneyTests asks every scalar that could stand for it).
  static func mayBeNamed(_ unit: String) -> Bool { unit.hasSuffixBytes("元") }
}
