import FoundationEssentials

/// Turns resolved drafts into indicators: targets read by the grammar, weights parsed,
/// every part's span kept.
struct IndicatorBuilder {
  let budgetYear: Int?
  /// The table's 备注 column holds weights (`20分`), not remarks.
  let remarksAreWeights: Bool
  /// The document's readings of texts (`ReadingContext.targetReadings`, shared with the row
  /// readers): a target text is read once, whatever its context.
  let readings: TargetReadings

  /// Which column holds the operator. Templates that head the operator column 指标方向
  /// print `≥`, `=`, `定性` in it: without a 指标性质 column, the direction column is the
  /// operator column (a direction as such, 正向 or 反向, reads as no operator). With both,
  /// the one that holds a comparison: 指标属性 says 定量 beside 指标方向性 `≥`, and a row may
  /// have the two swapped (`正向 │ =` under 指标性质 │ 指标方向).
  static func operatorColumn(valueType: String?, direction: String?) -> String? {
    guard let valueType, let direction else { return valueType ?? direction }
    if case .comparison = ColumnReading.readOperator(valueType) { return valueType }
    if case .comparison = ColumnReading.readOperator(direction) { return direction }
    return valueType
  }

  /// Levels whose values are money (成本指标 in either place, 经济成本指标): a bare 万 there is
  /// 万元 whatever the name. 社会成本 and 生态环境成本 are not money.
  static func isCost(level1: Level1?, level2: Level2?) -> Bool {
    switch level2 {
    case .cost?, .economicCost?: true
    case nil: level1 == .cost
    default: false
    }
  }

  func build(_ draft: IndicatorDraft) -> Indicator {
    // The columns' texts read where they lie: the cells are not copied out for them.
    let targetCell = draft.target
    let targetText = targetCell.map { CellText.joiningSoftBreaks(CellText.clean($0.text)) } ?? ""
    // A reading is of its text alone: it stands for this text whatever cell it came from.
    let reading =
      if let reading = draft.targetReading, reading.raw == targetText { reading } else { readings.reading(targetText) }
    // The name and level tell a date (`完工时限 │ 2024.10` is October, not 2024.1), as
    // `jixiao value --indicator` does: given where the hint can change the reading (a parse
    // that asked its context, a bare number that may be an Excel serial), and read only then.
    let parsed = reading.parsed
    let mayBeDate = reading.dependsOnContext || parsed.kind == .quantitative && parsed.unit == nil
    let context = TargetContext(
      unitColumn: draft.extraText(.unit) ?? Self.unitInName(draft.name?.text),
      operatorColumn: Self.operatorColumn(valueType: draft.extraText(.valueType), direction: draft.extraText(.direction)),
      budgetYear: budgetYear, indicatorName: mayBeDate ? draft.name?.text : nil,
      isTimeliness: mayBeDate && draft.resolvedLevel2 == .timeliness,
      isCost: mayBeDate && Self.isCost(level1: draft.resolvedLevel1, level2: draft.resolvedLevel2))
    var target = readings.read(reading, context: context, span: targetCell?.span)
    // The reading is of the cleaned text (tags and pinyin annotations removed, soft line
    // breaks joined); raw is the cell as written.
    if let targetCell { target.raw = targetCell.text }
    if draft.digitsRunTogether, let targetCell {
      target = Target(raw: targetCell.text, kind: .text, span: targetCell.span)
      target.flags = [.digitsRunTogether]
    }
    // Filled in its box: a value filled beside it was copied into it.
    return Indicator(target: target, span: draft.name?.span ?? draft.target?.span ?? draft.rowSpan) { indicator in
      // The cells' parts are read through `?.`: binding a cell (`if let cell`, `map`) copied
      // it, two references retained and released.
      indicator.setLevel1(
        named: draft.resolvedLevel1, written: draft.level1Source?.unsimplifiedKey, raw: draft.level1Source?.text)
      indicator.setLevel2(
        named: draft.resolvedLevel2, written: draft.level2Source?.unsimplifiedKey, raw: draft.level2Source?.text)
      indicator.level1Origin = draft.level1Origin
      indicator.level2Origin = draft.level2Origin
      if let text = draft.name?.text { indicator.name = CellText.singleLine(CellText.clean(text)) }
      indicator.horizon = draft.horizon
      // The names that get a span, known before any is set: the table is allocated at its
      // exact size and each span written in its place.
      // By index: a loop over the pairs copied each one.
      let extras = draft.extras
      let keepsLevel1Cell = !draft.level1Cell.isNil && draft.level1Cell != draft.level1Source
      var names: UInt16 = 0
      if !draft.name.isNil && !draft.inheritsNameAndTarget { names |= SpanTable.bit(.name) }
      if !draft.level1Source.isNil { names |= SpanTable.bit(.level1) }
      if !draft.level2Source.isNil { names |= SpanTable.bit(.level2) }
      if !draft.level2Fragment.isNil { names |= SpanTable.bit(.level2Fragment) }
      for index in extras.indices {
        if let name = keptSpanName(extras[index].role) { names |= SpanTable.bit(name) }
      }
      if keepsLevel1Cell { names |= SpanTable.bit(.level1Cell) }
      var spans = SpanTable(reservingFor: names)
      if !draft.inheritsNameAndTarget, let span = draft.name?.span { spans.place(.name, span) }
      if let span = draft.level1Source?.span { spans.place(.level1, span) }
      if let span = draft.level2Source?.span { spans.place(.level2, span) }
      if let span = draft.level2Fragment?.span { spans.place(.level2Fragment, span) }
      for index in extras.indices {
        let role = extras[index].role
        let text = CellText.clean(extras[index].cell.text)
        switch role {
        case .explanation: indicator.explanation = text
        case .scoring: indicator.scoring = text
        case .unit: indicator.unitColumn = text
        case .valueType: indicator.valueType = text
        case .direction: indicator.direction = text
        case .standard: indicator.standard = text
        case .weight:
          indicator.weightRaw = text
          indicator.weight = Self.weight(text)
        case .remark:
          if remarksAreWeights {
            indicator.weightRaw = text
            indicator.weight = Self.weight(text)
          } else {
            indicator.remark = text
          }
        case .actual: indicator.actual = text
        case .score: indicator.score = text
        case .deviation: indicator.deviation = text
        default: continue
        }
        if let name = keptSpanName(role) { spans.place(name, extras[index].cell.span) }
      }
      // A level cell on the row that the resolver did not use stays accounted for.
      if keepsLevel1Cell, let span = draft.level1Cell?.span { spans.place(.level1Cell, span) }
      if draft.inheritsNameAndTarget {
        indicator.sharesNameAndTargetWithAbove = true
        indicator.span = draft.rowSpan
      }
      indicator.spans = spans
    }
  }

  /// The span an extra column's cell is kept under, nil for the columns `build` does not
  /// read from the extras: a remark is a weight where remarks are weights.
  func keptSpanName(_ role: ColumnRole) -> SpanName? {
    switch role {
    case .explanation, .scoring, .unit, .valueType, .direction, .standard, .weight, .actual, .score, .deviation:
      Self.spanName(role)
    case .remark: remarksAreWeights ? .weight : .remark
    default: nil
    }
  }

  /// The span a column's cell is kept under (`unit` is the indicator's `unitColumn`); nil for
  /// the columns an indicator does not keep.
  static func spanName(_ role: ColumnRole) -> SpanName? {
    switch role {
    case .level1: .level1
    case .level2: .level2
    case .name: .name
    case .explanation: .explanation
    case .scoring: .scoring
    case .unit: .unitColumn
    case .valueType: .valueType
    case .direction: .direction
    case .weight: .weight
    case .remark: .remark
    case .standard: .standard
    case .actual: .actual
    case .score: .score
    case .deviation: .deviation
    case .blockLabel, .target, .longTermTarget, .unitCode, .projectCode, .projectName, .fundsTotal, .fiscal, .governmentFund, .specialAccount,
      .otherFunds, .basicSpending, .projectSpending, .goal, .serial, .projectField, .group:
      nil
    }
  }

  /// `20分`, `20`, `10 分`, `１０分` → the number; nil when it is not one.
  /// The unit a name gives its value in brackets at its end (`项目总成本（万元）`, `群众满意度
  /// （%）`, `补助标准(元/人)`), as a header gives a column's: nil unless the unit is one the
  /// table of units knows.
  static func unitInName(_ name: String?) -> String? {
    guard let name, let close = name.unicodeScalars.last, close == ")" || close == "）" else { return nil }
    let scalars = Array(name.unicodeScalars)
    guard let open = scalars.lastIndex(where: { $0 == "(" || $0 == "（" }), open > 0, scalars.count - open - 2 >= 1,
      scalars.count - open - 2 <= 6
    else { return nil }
    let unit = String(String.UnicodeScalarView(scalars[(open + 1)..<(scalars.count - 1)]))
    guard UnitTable.mayReadAsKnown(unit), UnitTable.read(unit)?.isKnown == true else { return nil }
    return unit
  }

  static func weight(_ text: String) -> Decimal? {
    var key = TextKey.make(text)
    var end = key.utf8.count
    // `60%`: a weight as a percentage of the whole, which is the weight out of 100.
    if end > 1, key.utf8.last == 0x25 {
      end -= 1
    } else if key.hasSuffixBytes("分") {
      // After an ASCII scalar (or alone) 分 is a character of its own, and its bytes are
      // left out of those read (removing a Character cost some 1,200 instructions); after
      // any other scalar it may be part of one with it (a prepended mark), which goes.
      if end == 3 || key.utf8[key.utf8.index(key.utf8.endIndex, offsetBy: -4)] < 0x80 {
        end -= 3
      } else {
        key.removeLast()
        end = key.utf8.count
      }
    }
    // By bytes: a digit or a dot is a character of its own unless a non-ASCII scalar joins
    // it, and then the non-ASCII byte fails the test anyway.
    let number = key.withUTF8Bytes { PlainNumber(UnsafeBufferPointer(rebasing: $0[..<end])) }
    guard let number else { return nil }
    // Assembled from its digits (`Decimal(string:)` cost some 4,000 instructions a weight);
    // beyond 18 digits the significand would not fit, and the string is read. So is zero,
    // which the string keeps with its exponent (`0.00`), and `Decimal(0)` without.
    if let significand = number.significand, significand != 0 {
      return Decimal(sign: .plus, exponent: -number.fractionDigits, significand: Decimal(significand))
    }
    return Decimal(string: String(decoding: key.utf8.prefix(end), as: UTF8.self))
  }

  /// Digits with at most one dot, not first (`20`, `2.5`, `5.`): the digits as one number
  /// when there are at most 18 of them, and how many follow the dot.
  struct PlainNumber {
    var significand: UInt64?
    var fractionDigits = 0

    init?(_ bytes: UnsafeBufferPointer<UInt8>) {
      guard !bytes.isEmpty, bytes[0] != 0x2E else { return nil }
      var value: UInt64 = 0
      var digits = 0
      var sawDot = false
      for byte in bytes {
        if byte == 0x2E {
          guard !sawDot else { return nil }
          sawDot = true
          continue
        }
        guard byte >= 0x30 && byte <= 0x39 else { return nil }
        if digits < 18 { value = value &* 10 &+ UInt64(byte &- 0x30) }
        digits += 1
        if sawDot { fractionDigits += 1 }
      }
      significand = digits <= 18 ? value : nil
    }
  }

  /// A 备注 column whose filled cells are all numbers (`20分`, `5`) carries weights.
  static func remarksLookLikeWeights(_ sections: [[IndicatorDraft]]) -> Bool {
    var remarks: [String] = []
    // By index: a loop over the drafts themselves copied each one.
    for drafts in sections {
      for index in drafts.indices {
        let extras = drafts[index].extras
        // A table with its own weight column keeps its remarks.
        if extras.indices.contains(where: { extras[$0].role == .weight }) { return false }
        if let remark = extras.indices.first(where: { extras[$0].role == .remark }) { remarks.append(extras[remark].cell.text) }
      }
    }
    guard remarks.count >= 2 else { return false }
    let numeric = remarks.filter { weight($0) != nil }
    return numeric.count * 10 >= remarks.count * 9
  }
}
