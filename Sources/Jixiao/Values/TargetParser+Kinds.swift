import FoundationEssentials

extension TargetParser {
  // MARK: Rank

  /// `前三名` (≤ 3), `第一` (= 1), `排名前3位`, `全市前列`.
  func readRank(_ segment: [ValueToken], raw: String) -> Target? {
    var index = 0
    // 保持全省前列, 达到全市前三名: the verb before a rank does not change it.
    while index < segment.count, isLabel(segment[index]) || segment[index].lexeme?.isComparison == true {
      index += 1
    }
    guard index < segment.count else { return nil }
    // (The target is made once the segment reads as a rank: most segments do not.)
    switch segment[index].lexeme {
    case .front, .rank(.ordinal):
      guard index + 1 < segment.count, let position = segment[index + 1].number?.integer, position >= 1 else {
        return nil
      }
      let isTop = segment[index].lexeme == .front
      var next = index + 2
      if next < segment.count, segment[next].lexeme == .rank(.place) { next += 1 }
      // 第二季度, 第一批, 前10%: an ordinal of something else, not a rank.
      if next < segment.count {
        switch segment[next].kind {
        case .word, .lexeme(.word), .lexeme(.comparison(_, .suffix)), .lexeme(.listSeparator): break
        default: return nil
        }
      }
      let trailing = segment[next...]
      guard !trailing.contains(where: { $0.isNumeric }) else { return nil }
      var target = makeTarget(.rank, raw: raw)
      target.op = isTop ? .atMost : .equal
      target.value = Decimal(position)
      target.rank = position
      target.qualifier = qualifierText(trailing)
      return target
    case .rank(.nearTop):
      guard !segment.contains(where: { $0.isNumeric }) else { return nil }
      var target = makeTarget(.rank, raw: raw)
      target.qualifier = qualifierText(segment[index...])
      return target
    default:
      return nil
    }
  }

  // MARK: Qualitative

  /// No number: a grade (`良好`, `合格`, `得到良好等次`), a direction (`有效提高`), or
  /// free text, which is `qualitative` when short and `text` otherwise.
  func readQualitative(_ segment: [ValueToken], raw: String) -> Target {
    var start = segment.first?.start ?? 0
    var end = segment.last?.end ?? 0
    while start < end, Blank.isWhitespace(scalars[start]) { start += 1 }
    while end > start, Blank.isWhitespace(scalars[end - 1]) { end -= 1 }
    let written = Array(scalars[start..<end])
    let hasLetters = written.contains { Self.isIdeographic($0) || Self.isAlphabetic($0) }
    // Numbers the grammar could not place (`2280次 392%`) are not a reading to trust.
    let hasNumber = segment.contains { $0.isNumeric }
    guard hasLetters, !hasNumber, written.count <= 60, !QualitativeWords.isFormResidue(written) else {
      return makeTarget(.text, raw: raw)
    }
    let grade = QualitativeWords.grade(in: written)
    // A phrase with no grade and no word of outcome or quality is a description, not a target.
    guard grade != nil || QualitativeWords.isEvaluative(written) || holdsStatedBaseline(segment) else {
      return makeTarget(.text, raw: raw)
    }
    var target = makeTarget(.qualitative, raw: raw)
    if let grade { setGrade(grade, of: &target) }
    return target
  }

  /// A grade found by `QualitativeWords.grade(in:)`, with `以上`/`以下` as the operator.
  private func setGrade(_ found: (grade: String, atLeast: Bool, atMost: Bool), of target: inout Target) {
    target.grade = found.grade
    if found.atLeast { target.op = .atLeast }
    if found.atMost { target.op = .atMost }
  }

  /// `达到国家二级标准`, `4A级景区`, `5A`, `三级甲等`: a rating written with a numeral is a grade, not a
  /// number of 级 (一级 is the best, so reading 二级以上 as ≥ 2 级 says the opposite). Only where
  /// no comparison sign is written: `≥2级` stays a quantity.
  func readRatingGrade(_ segment: [ValueToken], raw: String) -> Target? {
    guard let first = segment.first, let last = segment.last,
      segment.contains(where: { $0.isNumeric }),
      !segment.contains(where: { $0.lexeme?.isComparison == true && !Self.isIdeographic(scalars[$0.start]) })
    else { return nil }
    let written = scalars[first.start..<last.end]
    let rated = written.contains(where: { $0 == "级" || $0 == "类" || $0 == "等" })
    // `5A` and `4A景区` are a scenic rating without their 级: A is no unit of these tables.
    guard written.count <= 60, rated || written.contains("A"),
      let found = QualitativeWords.grade(in: Array(written)), rated || found.grade.hasSuffix("A")
    else { return nil }
    var target = makeTarget(.qualitative, raw: raw)
    setGrade(found, of: &target)
    return target
  }

  // MARK: Template placeholders and 上下半年

  /// `≥**%`, `≤**元/人·月`: a template never filled in; operator and unit are kept.
  func readPlaceholder(_ segment: [ValueToken], raw: String) -> Target? {
    guard
      let holder = segment.firstIndex(where: { if case .placeholder = $0.kind { return true } else { return false } }),
      !segment.contains(where: { $0.isNumeric })
    else { return nil }
    var target = makeTarget(.text, raw: raw)
    target.flags.append(.templatePlaceholder)
    for token in segment[..<holder] {
      if case .comparison(let comparison, _) = token.lexeme {
        target.op = comparison
        break
      }
    }
    let rest = segment[(holder + 1)...]
    if let first = rest.first, first.lexeme != nil || first.isWord {
      let unitTokens = rest.prefix { $0.lexeme != .listSeparator && !($0.lexeme?.isComparison ?? false) }
      if let unit = UnitTable.read(matchText(unitTokens)) {
        target.unit = unit.canonical
        target.unitRaw = text(unitTokens)
        if !unit.isKnown { target.flags.append(.unitUnknown) }
      }
    }
    return target
  }

  /// `上下半年各一次`: one part for each half year, the rest as the qualifier.
  func readBothHalves(_ segment: [ValueToken], raw: String) -> Target? {
    guard let marker = segment.firstIndex(where: { $0.lexeme == .date(.bothHalves) }),
      segment[..<marker].allSatisfy({ $0.isWord || $0.lexeme == .word })
    else { return nil }
    var compound = makeTarget(.compound, raw: raw)
    for half in 1...2 {
      var part = makeTarget(.date, raw: half == 1 ? "上半年" : "下半年")
      if let year = askedBudgetYear {
        part.date = DatePoint(year: year, period: .half(half)).interval(in: year)?.dateInterval
        part.flags.append(.yearAssumed)
      }
      compound.parts.append(part)
    }
    if compound.parts.contains(where: { $0.flags.contains(.yearAssumed) }) { compound.flags.append(.yearAssumed) }
    compound.qualifier = qualifierText(segment[(marker + 1)...])
    return compound
  }
}

extension Lexeme {
  var isComparison: Bool {
    if case .comparison = self { return true }
    return false
  }
}
