import FoundationEssentials

/// Turns resolved drafts into indicators: targets read by the grammar, weights parsed,
/// every part's span kept.
struct IndicatorBuilder {
  let budgetYear: Int?
  /// The table's 备注 column holds weights (`20分`), not remarks.
  let remarksAreWeights: Bool
  /// The document's readings of texts: a target text is read once, whatever its context.
  var readings = TargetReadings()

  func build(_ draft: IndicatorDraft) -> Indicator {
    let unitColumn = draft.extra(.unit)
    let valueType = draft.extra(.valueType)
    let context = TargetContext(
      unitColumn: unitColumn?.text, operatorColumn: valueType?.text, budgetYear: budgetYear)
    let targetCell = draft.target
    let targetText = targetCell.map { CellText.joiningSoftBreaks(CellText.clean($0.text)) } ?? ""
    // A reading is of its text alone: it stands for this text whatever cell it came from.
    let reading =
      if let reading = draft.targetReading, reading.raw == targetText { reading } else { readings.reading(targetText) }
    var target = TargetGrammar.read(reading, context: context, span: targetCell?.span)
    // The reading is of the cleaned text (tags and pinyin annotations removed, soft line
    // breaks joined); raw is the cell as written.
    if let targetCell { target.raw = targetCell.text }
    if draft.digitsRunTogether, let targetCell {
      target = Target(raw: targetCell.text, kind: .text, span: targetCell.span)
      target.flags = [.digitsRunTogether]
    }
    // Filled in its box: a value filled beside it was copied into it.
    return Indicator(target: target, span: draft.name?.span ?? draft.target?.span ?? draft.rowSpan) { indicator in
      indicator.level1 = draft.resolvedLevel1?.rawValue ?? draft.level1Source.map { $0.unsimplifiedKey }
      indicator.level2 = draft.resolvedLevel2?.rawValue ?? draft.level2Source.map { $0.unsimplifiedKey }
      indicator.level1Raw = draft.level1Source?.text
      indicator.level2Raw = draft.level2Source?.text
      indicator.level1Origin = draft.level1Origin
      indicator.level2Origin = draft.level2Origin
      indicator.name = draft.name.map { CellText.singleLine(CellText.clean($0.text)) }
      indicator.horizon = draft.horizon
      var spans = SpanTable(capacity: 5 + draft.extras.count)
      if let cell = draft.name { spans[.name] = cell.span }
      if let cell = draft.level1Source { spans[.level1] = cell.span }
      if let cell = draft.level2Source { spans[.level2] = cell.span }
      if let cell = draft.level2Fragment { spans[.level2Fragment] = cell.span }
      // By index: a loop over the pairs copied each one.
      let extras = draft.extras
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
        if let name = remarksAreWeights && role == .remark ? .weight : Self.spanName(role) {
          spans[name] = extras[index].cell.span
        }
      }
      // A level cell on the row that the resolver did not use stays accounted for.
      if let cell = draft.level1Cell, cell != draft.level1Source { spans[.level1Cell] = cell.span }
      if draft.inheritsNameAndTarget {
        indicator.sharesNameAndTargetWithAbove = true
        spans[.name] = nil
        indicator.span = draft.rowSpan
      }
      indicator.spans = spans
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
    case .blockLabel, .target, .unitCode, .projectName, .fundsTotal, .fiscal, .governmentFund, .specialAccount,
      .otherFunds, .basicSpending, .projectSpending, .goal, .group:
      nil
    }
  }

  /// `20分`, `20`, `10 分`, `１０分` → the number; nil when it is not one.
  static func weight(_ text: String) -> Decimal? {
    var key = TextKey.make(text)
    if key.hasSuffixBytes("分") { key.removeLast() }
    // By bytes: a digit or a dot is a character of its own unless a non-ASCII scalar joins
    // it, and then the non-ASCII byte fails the test anyway.
    let isPlainNumber = key.withUTF8Bytes { bytes in
      !bytes.isEmpty && bytes[0] != 0x2E && bytes.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }
        && bytes.count(where: { $0 == 0x2E }) <= 1
    }
    guard isPlainNumber else { return nil }
    return Decimal(string: key)
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
