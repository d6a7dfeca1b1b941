import Testing

@testable import Jixiao

/// The columns of a row read apart (`ColumnContext`) and compared with each value, held to
/// the reading of columns and value together that it replaced, kept here as it was.
@Suite struct ColumnContextTests {
  /// Unit and operator columns as the corpus and the target cases write them, with the cases
  /// each rule turns on: empty, dashes, digits (serials), date columns, spaces, full width.
  static let unitColumns: [String?] = {
    var columns: [String?] = [
      nil, "", " ", "%", "％", "人次", "万元", "元/人", "日期", "时间", " 年 月 日 ", "年月", "日", "/", "—", "--", "无", "\\",
      "空", "44,561", "44561", "2023", "12,000", "1.5", "项目", "有效保障", "≥90%", "个 ", "㎡", "万人次", "定性",
    ]
    for targetCase in allTargetCases { columns.append(targetCase.context.unitColumn) }
    return columns
  }()
  static let operatorColumns: [String?] = [
    nil, "", "≥", "＝", "=", "≤", "<", "定性", "定量", " 定 性 ", "大于等于", "正向", "反向", "不低于", "＞＝",
  ]
  static let names: [String?] = [nil, "项目完成时间", "完成时限", "培训人次", "资金到位日期 ", "项目实施周期"]

  /// The values the columns are compared with: every target case and what repeats a column.
  static let values: [String] = {
    var values = allTargetCases.map(\.raw)
    values += ["44,561", "44561", "2023", "有效保障", "有效 保障", "人次", "%", "", "12月底", "1.5万", "2023.07"]
    return values
  }()

  private func expectAlike(_ context: TargetContext) {
    let kept = ColumnContext(context)
    for value in Self.values {
      let normalized = NormalizedText(value)
      let old = OldColumnReading(context, value: normalized)
      for new in [ColumnReading(context, value: normalized), ColumnReading(kept, value: normalized)] {
        #expect(new.unit == old.unit && new.op == old.op && new.expectsDate == old.expectsDate, "'\(value)' in \(context)")
      }
    }
  }

  @Test func columnsReadOnceReadAsBefore() {
    // Each column alone against every value, then units with names and operators (the
    // unit and name rules meet in expectsDate; the operator is read on its own).
    var contexts = 0
    for unit in Self.unitColumns {
      for name in Self.names {
        expectAlike(TargetContext(unitColumn: unit, indicatorName: name))
        contexts += 1
      }
    }
    for op in Self.operatorColumns {
      for unit in Self.unitColumns.prefix(8) {
        expectAlike(TargetContext(unitColumn: unit, operatorColumn: op))
        contexts += 1
      }
    }
    #expect(contexts > 200)
    // Every target case in its own context.
    for targetCase in allTargetCases { expectAlike(targetCase.context) }
  }

  /// A document's memo of columns (`ColumnContexts`) reads every context as a fresh
  /// `ColumnContext` does, asked in a seeded order that repeats columns, brings back columns
  /// it has let go (more than `capacity` of each), and mixes texts that are equivalent but
  /// written differently (`％` and `%`, a space inside).
  @Test func memoOfColumnsReadsAsAFreshContext() {
    var units = Self.unitColumns
    units += ["％", "% ", " %", "万 元", "万元 ", "ｋｍ", "km", "人 次", "1", "2", "3", "4"]
    units += (0..<Self.extraUnits).map { "单位\($0)" }
    let operators = Self.operatorColumns + ["＞", ">", "≧", "≥ ", "以上", "≤90%", "大于 等于"]
    let values = Self.values.prefix(40)
    var sequence = SeededSequence(seed: 20)
    var memo = ColumnContexts()
    var asked = 0
    for _ in 0..<4_000 {
      let context = TargetContext(
        unitColumn: units[sequence.next(units.count)], operatorColumn: operators[sequence.next(operators.count)],
        indicatorName: Self.names[sequence.next(Self.names.count)])
      let fresh = ColumnContext(context)
      let kept = memo.context(context)
      let value = NormalizedText(values[values.index(values.startIndex, offsetBy: sequence.next(values.count))])
      let old = ColumnReading(fresh, value: value)
      let new = ColumnReading(kept, value: value)
      #expect(
        new.unit == old.unit && new.op == old.op && new.expectsDate == old.expectsDate
          && kept.unitScalars == fresh.unitScalars && kept.unitDigits == fresh.unitDigits
          && kept.isDateColumn == fresh.isDateColumn,
        "\(context)")
      asked += 1
    }
    #expect(asked == 4_000)
  }

  /// Unit columns beyond those the corpus writes, so that the memo lets some go.
  static let extraUnits = 2 * ColumnContexts.capacity

  /// A document's readings read a target in its row's context as the grammar does.
  @Test func readingsReadInContextAsTheGrammar() {
    let readings = TargetReadings()
    let span = SourceSpan(line: 1, column: 1, offset: 0, length: 2)
    for targetCase in allTargetCases {
      let reading = readings.reading(targetCase.raw)
      for context in [targetCase.context] + TargetReadingTests.contexts {
        #expect(
          readings.read(reading, context: context, span: span) == TargetGrammar.read(reading, context: context, span: span),
          "'\(targetCase.raw)' in \(context)")
      }
    }
  }

  /// The lexicon's index, built by bytes, holds what the index built with `String` sets and
  /// sorting held: the same entries under each first scalar, longest first.
  @Test func lexiconIndexHoldsWhatItHeld() {
    let old = OldLexiconIndex.build()
    let new = ValueLexicon.index
    #expect(Set(old.keys) == Set(new.keys))
    for (first, oldEntries) in old {
      let newEntries = new[first] ?? []
      #expect(newEntries.count == oldEntries.count, "\(first)")
      for (oldEntry, newEntry) in zip(oldEntries, newEntries) {
        #expect(oldEntry.key.count == newEntry.key.count, "\(first)")
      }
      let pairs = { (entries: [ValueLexicon.Entry]) in
        Set(entries.map { String(String.UnicodeScalarView($0.key)) + "\u{0}" + String(describing: $0.lexeme) })
      }
      #expect(pairs(oldEntries) == pairs(newEntries), "\(first)")
    }
  }
}

/// `ValueLexicon.index` as it was built.
private enum OldLexiconIndex {
  static func build() -> [Unicode.Scalar: [ValueLexicon.Entry]] {
    // The entries as they were listed: the units sorted by `String`'s `<`.
    let words = ValueLexicon.entries.dropLast(UnitTable.spellings.count)
    let units = UnitTable.spellings.sorted(by: { $0.key < $1.key }).compactMap { spelling in
      LexemeText(unit: spelling.value).map { (spelling.key, Lexeme.unit($0)) }
    }
    let entries = Array(words) + units
    var byFirst: [Unicode.Scalar: [ValueLexicon.Entry]] = [:]
    var seen: Set<String> = []
    for (spelling, lexeme) in entries {
      guard !seen.contains(spelling), let first = spelling.unicodeScalars.first else { continue }
      seen.insert(spelling)
      byFirst[first, default: []].append(ValueLexicon.Entry(key: Array(spelling.unicodeScalars), lexeme: lexeme))
    }
    for key in byFirst.keys {
      byFirst[key]?.sort { $0.key.count > $1.key.count }
    }
    return byFirst
  }
}

/// `ColumnReading` as it was: the columns read together with each value.
private struct OldColumnReading {
  static let notUnits = WordSet(["/", "-", "—", "——", "无", "\\", "--", "空"])
  static let dateColumns = WordSet(["日期", "时间", "年月日", "年月", "日"])
  // (The vocabulary as it is now: 周期 came after; the test holds the mechanism.)
  static let dateNameEndings = ["时间", "日期", "时限", "时点", "期限", "节点", "周期"]

  let unit: UnitReading?
  let op: ColumnReading.Operator?
  let expectsDate: Bool

  init(_ context: TargetContext, value: NormalizedText) {
    let unitScalars = context.unitColumn.map(Self.compact) ?? []
    let valueScalars = unitScalars.isEmpty ? [] : value.scalars.filter { !Blank.isWhitespace($0) }
    let unitText = unitScalars.isEmpty ? "" : String(scalars: unitScalars)
    let isDigit: (Unicode.Scalar) -> Bool = { $0.value >= 0x30 && $0.value <= 0x39 }
    if unitScalars.isEmpty || unitScalars == valueScalars || Self.notUnits.contains(unitText)
      || unitScalars.contains(where: isDigit)
    {
      unit = nil
    } else {
      unit = UnitTable.read(unitText)
    }
    var expectsDate = !unitScalars.isEmpty && Self.dateColumns.contains(unitText)
    if !expectsDate, !unitScalars.isEmpty, unitScalars.allSatisfy({ isDigit($0) || $0 == "," }) {
      let digits = valueScalars.filter(isDigit)
      expectsDate = !digits.isEmpty && unitScalars.filter(isDigit) == digits
    }
    if !expectsDate, let name = context.indicatorName {
      expectsDate = Self.dateNameEndings.contains { name.hasSuffixBytes($0) }
    }
    self.expectsDate = expectsDate
    op = context.operatorColumn.flatMap(Self.readOperator)
  }

  private static func compact(_ text: String) -> [Unicode.Scalar] {
    NormalizedText.nfkc(text).unicodeScalars.filter { !Blank.isWhitespace($0) }
  }

  private static func readOperator(_ column: String) -> ColumnReading.Operator? {
    let scalars = compact(column)
    for (index, scalar) in scalars.enumerated() where scalar == "定" && index + 1 < scalars.count {
      if scalars[index + 1] == "性" { return .qualitative }
      if scalars[index + 1] == "量" { return .quantitative }
    }
    for token in ValueTokenizer.tokenize(scalars) {
      if case .comparison(let comparison, _) = token.lexeme { return .comparison(comparison) }
    }
    return nil
  }
}
