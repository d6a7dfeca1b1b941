import FoundationEssentials

/// A number with what belongs to it: a percent word, 成, a scale (万, 千), 余/多 and a unit.
struct AmountMatch {
  var value: Decimal
  var literal: NumberLiteral
  var unit: UnitReading?
  var unitRaw: String?
  /// `余`, `多`: more than the number.
  var op: Comparison?
  /// Index in the segment just after the amount.
  var end: Int
  /// The unit joins a bare 万 to the unit column (`1.5万` under `人次`).
  var usedUnitColumn = false
  /// A bare 万 or 亿 taken as a magnitude (`1.5万` under 培训人次 is 15000): the scale, and the
  /// number as written before it.
  var magnitude: (scale: LexemeText, written: Decimal)? = nil
}

extension TargetParser {
  /// Reads a number and its unit starting at `start` (which may be a `-` sign or 百分之).
  func readAmount(_ segment: [ValueToken], at start: Int) -> AmountMatch? {
    var index = start
    var negative = false
    if index < segment.count, segment[index].lexeme == .rangeSeparator, scalars[segment[index].start] == "-",
      index + 1 < segment.count, segment[index + 1].number != nil,
      segment[index + 1].start == segment[index].end
    {
      negative = true
      index += 1
    }
    var unit: UnitReading?
    var unitRaw: String?
    // ¥ before the number says 元 unless the number carries its own money word (¥50万,
    // ¥500元): the sign leaves the scale and the unit after the number to be read.
    var currencySign = false
    if index < segment.count, case .unitPrefix(let prefix) = segment[index].lexeme {
      unit = UnitReading(canonical: prefix.text, isKnown: true)
      unitRaw = text([segment[index]])
      currencySign = prefix == .yuan
      index += 1
    }
    guard index < segment.count, let literal = segment[index].number else { return nil }
    var value = negative ? -literal.value : literal.value
    index += 1
    // 九成 = 90 %, 九成五 = 95 %.
    if unit == nil, index < segment.count, segment[index].lexeme == .tenths {
      value *= 10
      unit = UnitReading(canonical: "%", isKnown: true)
      unitRaw = text([segment[index]])
      index += 1
      if index < segment.count, let tail = segment[index].number, tail.isChinese, let digit = tail.integer,
        (1...9).contains(digit)
      {
        value += Decimal(digit)
        index += 1
      }
    }
    var bareScale: LexemeText?
    var scaleRaw: String?
    if unit == nil || currencySign, index < segment.count, case .scale(let scale) = segment[index].lexeme {
      if scale == .qian {
        value *= 1000
      } else {
        bareScale = scale
        scaleRaw = text([segment[index]])
      }
      index += 1
    }
    var usedUnitColumn = false
    var op: Comparison?
    if index < segment.count, segment[index].lexeme == .moreThan {
      op = .greater
      index += 1
    }
    // 3年内, 一年内完成: the lexicon's 年内 (within the year) after a number is 年 and a bound.
    if unit == nil, bareScale == nil, index < segment.count, segment[index].lexeme == .date(.wholeYear),
      scalars[segment[index].start..<segment[index].end].elementsEqual("年内".unicodeScalars)
    {
      unit = UnitReading(canonical: "年", isKnown: true)
      unitRaw = "年"
      op = op ?? .atMost
      index += 1
    }
    if unit == nil || currencySign, let (reading, written, end) = readUnit(segment, at: index, after: segment[index - 1]) {
      unit = reading
      unitRaw = written
      index = end
      currencySign = false
    }
    var magnitude: (scale: LexemeText, written: Decimal)?
    if let scaleWord = bareScale {
      let scale = scaleWord.text
      if currencySign {
        // ¥50万: the sign, then the scale.
        unit = UnitReading(canonical: scale + "元", isKnown: true)
        unitRaw = (unitRaw ?? "") + (scaleRaw ?? "")
      } else if let base = unit {
        // 10万人次: the scale joins the unit (万 + 元 is already 万元 in the lexicon).
        let canonical = base.money != nil ? scale + "元" : scale + base.canonical
        unit = UnitReading(canonical: canonical, isKnown: base.isKnown)
        unitRaw = (scaleRaw ?? "") + (unitRaw ?? "")
      } else if let column = askedUnitColumn, column.money == nil, column.canonical != "%" {
        // 1.5万 with a 人次 column: 1.5 万人次, not money.
        unit = UnitReading(canonical: scale + column.canonical, isKnown: column.isKnown)
        unitRaw = scaleRaw
        usedUnitColumn = true
      } else if unitColumn == nil, askedScaleIsMagnitude {
        // ≥1.5万 under 培训人次: a number of what the name counts, whose unit is not written.
        magnitude = (scaleWord, value)
        value *= Self.multiplier(of: scaleWord)
        unitRaw = scaleRaw
      } else {
        // 350万: 万 alone after a number is 万元 in these tables.
        unit = UnitReading(canonical: scale + "元", isKnown: true)
        unitRaw = scaleRaw
      }
    }
    return AmountMatch(
      value: value,
      literal: literal,
      unit: unit,
      unitRaw: unitRaw,
      op: op,
      end: index,
      usedUnitColumn: usedUnitColumn,
      magnitude: magnitude
    )
  }

  /// What a bare scale word multiplies: 万 10⁴, 亿 10⁸.
  static func multiplier(of scale: LexemeText) -> Decimal {
    scale == .yi ? 100_000_000 : 10_000
  }

  /// A unit at `index`: a unit word (with `/` rates), a parenthesised unit, a date word used
  /// as a unit (`一年`), or an unknown character or Latin word right after the number.
  private func readUnit(
    _ segment: [ValueToken],
    at index: Int,
    after previous: ValueToken
  )
    -> (UnitReading, String, Int)?
  {
    guard index < segment.count else { return nil }
    let token = segment[index]
    if token.lexeme == .openParen {
      guard let close = segment[index...].firstIndex(where: { $0.lexeme == .closeParen }), close > index + 1,
        !segment[(index + 1)..<close].contains(where: { $0.isNumeric })
      else { return nil }
      let inner = matchText(segment[(index + 1)..<close])
      guard let reading = UnitTable.read(inner) else { return nil }
      return (reading, text(segment[index...close]), close + 1)
    }
    let startsUnit: Bool
    switch token.kind {
    case .lexeme(.unit): startsUnit = true
    case .lexeme(.slash): startsUnit = index + 1 < segment.count && isUnitPart(segment[index + 1])
    case .lexeme(.date(let marker)):
      switch marker {
      case .year, .month, .day, .quarter, .after: startsUnit = UnitTable.canonical(matchText([token])) != nil
      default: startsUnit = false
      }
    case .lexeme(.rank(.place)): startsUnit = true
    case .word:
      // Unknown unit: one character (or a Latin word) written right after the number.
      startsUnit = token.start == previous.end && isUnitLike(token)
    default: startsUnit = false
    }
    guard startsUnit else { return nil }
    // `/株` (≤28.40/株) starts with its slash: take the part after it too.
    var end = token.lexeme == .slash ? index + 2 : index + 1
    // Rates: 元/亩, 人/次/天, 万元/人, 元/人·月.
    while end + 1 < segment.count, segment[end].lexeme == .slash, isUnitPart(segment[end + 1]) {
      end += 2
      // 人·月: a compound unit joined by a middle dot, right after the last part.
      while end + 1 < segment.count, segment[end].isWord, segment[end].start == segment[end - 1].end,
        segment[end].end - segment[end].start == 1, UnitTable.isCompoundDot(scalars[segment[end].start]),
        isUnitPart(segment[end + 1]), segment[end + 1].start == segment[end].end
      {
        end += 2
      }
    }
    let written = text(segment[index..<end])
    if end == index + 1, case .lexeme(.unit(let canonical)) = token.kind {
      return (UnitReading(canonical: canonical.text, isKnown: true), written, end)
    }
    guard let reading = UnitTable.read(normalized.isSimplified ? matchText(segment[index..<end]) : written) else { return nil }
    return (reading, written, end)
  }

  private func isUnitPart(_ token: ValueToken) -> Bool {
    switch token.kind {
    case .lexeme(.unit), .lexeme(.rank(.place)), .lexeme(.date), .word: true
    default: false
    }
  }

  /// An unknown unit is a single CJK character or a short Latin word (`Mbps`).
  private func isUnitLike(_ token: ValueToken) -> Bool {
    let length = token.end - token.start
    let first = scalars[token.start]
    if Self.isIdeographic(first) { return length == 1 }
    return first.isASCII && first.properties.isAlphabetic && length <= 6
  }

  // MARK: Quantity

  /// `≥96%`, `大于90%`, `满意度≥90%`, `90%以上`, `控制在350万元以内`, `80%合格`, `提供78个就业机会`.
  func readQuantity(_ segment: [ValueToken], raw: String) -> Target? {
    let lead = perPeriodLead(segment)
    guard let anchor = amountStart(segment, from: lead) else { return nil }
    // The operator words right before the number; anything before them is a label.
    var prefixStart = anchor
    while prefixStart > lead, isPrefixWord(segment[prefixStart - 1]) { prefixStart -= 1 }
    let label = segment[0..<prefixStart]
    if segment[lead..<prefixStart].contains(where: { $0.isNumeric }) { return nil }
    var op: Comparison?
    var weakUpperBound = false
    var approximate: String?
    for token in segment[prefixStart..<anchor] {
      switch token.lexeme {
      case .comparison(let comparison, _): if op == nil { op = comparison }
      case .keepWithin: weakUpperBound = true
      case .approximately: approximate = text([token])
      default: break
      }
    }
    guard let amount = readAmount(segment, at: anchor) else { return nil }
    var index = amount.end
    var suffixOp: Comparison?
    while index < segment.count {
      if case .comparison(let comparison, .suffix) = segment[index].lexeme {
        if suffixOp == nil { suffixOp = comparison }
      } else if segment[index].lexeme == .approximately {
        approximate = approximate ?? text([segment[index]])
      } else {
        break
      }
      index += 1
    }
    let trailing = segment[index...]
    // ≥4.5分（满分5分）: a number in a note in brackets after the value is the note's.
    guard !trailing.contains(where: { $0.isNumeric }) || Self.isEnclosed(Array(trailing)) else { return nil }
    // 不低于上年的95%: an operator word earlier in the label still applies.
    // (A loop: a lazy chain here instantiated its generic types at every call.)
    var labelOp: Comparison?
    for token in label.reversed() {
      if case .comparison(let comparison, .prefix) = token.lexeme {
        labelOp = comparison
        break
      }
    }
    var target = makeTarget(.quantitative, raw: raw)
    target.op = op ?? suffixOp ?? (weakUpperBound ? .atMost : nil) ?? labelOp ?? amount.op
    target.value = amount.value
    if let unit = amount.unit {
      target.unit = unit.canonical
      target.unitRaw = amount.unitRaw
      if !unit.isKnown { target.flags.append(.unitUnknown) }
      if amount.usedUnitColumn { target.flags.append(.unitFromColumn) }
    } else if amount.magnitude != nil {
      // The 万 as written, with no unit: the value holds it.
      target.unitRaw = amount.unitRaw
    }
    var qualifiers: [String] = []
    if let frequency = frequencyLabel(label) { qualifiers.append(frequency) }
    if let direction = directionWord(endingLabel: label) { qualifiers.append(direction) }
    if let approximate { qualifiers.append(approximate) }
    if let words = qualifierText(trailing) { qualifiers.append(words) }
    if !qualifiers.isEmpty { target.qualifier = qualifiers.joined(separator: " ") }
    return target
  }

  /// A quantity anchored on an operator when the segment holds other numbers too
  /// (`6月底经费使用大于等于30%`): the part before the operator is a label.
  func readAnchoredQuantity(_ segment: [ValueToken], raw: String) -> Target? {
    guard
      let operatorIndex = segment.lastIndex(where: {
        if case .comparison(_, .prefix) = $0.lexeme { return true } else { return false }
      }), operatorIndex + 1 < segment.count, segment[(operatorIndex + 1)...].contains(where: { $0.number != nil })
    else { return nil }
    let tail = Array(segment[operatorIndex...])
    guard var target = readQuantity(tail, raw: raw) else { return nil }
    target.raw = raw
    return target
  }

  func isPrefixWord(_ token: ValueToken) -> Bool {
    switch token.lexeme {
    case .comparison(_, .prefix), .keepWithin, .approximately: true
    default: false
    }
  }

  /// Index of the first amount: a number, a unit written before it (百分之, ¥), or a `-` sign
  /// before a number.
  func amountStart(_ segment: [ValueToken], from start: Int) -> Int? {
    var index = start
    while index < segment.count {
      let token = segment[index]
      if token.number != nil {
        if index > start, segment[index - 1].lexeme == .rangeSeparator, scalars[segment[index - 1].start] == "-",
          segment[index - 1].end == token.start,
          index - 1 == start || isPrefixWord(segment[index - 2])
        {
          return index - 1
        }
        return index
      }
      if case .unitPrefix = token.lexeme, index + 1 < segment.count, segment[index + 1].number != nil {
        return index
      }
      if case .dateLiteral = token.kind { return nil }
      index += 1
    }
    return nil
  }

  /// 每季度1次, 每月, 一年两次: a frequency written before the number is kept as a qualifier.
  private func frequencyLabel(_ label: ArraySlice<ValueToken>) -> String? {
    guard let first = label.first, scalars[first.start] == "每" || scalars[first.start] == "按" || scalars[first.start] == "一"
    else { return nil }
    return text(label)
  }

  /// `一年两次`, `一月一次`, `一学期2次`: 一 and a period before a number say "per period" (a
  /// frequency, as 每年 does), not 1 年; the tokens of the lead (2), or 0. Alone (`一年`) they
  /// are the quantity.
  func perPeriodLead(_ segment: [ValueToken]) -> Int {
    guard segment.count >= 3, let one = segment[0].number, one.isChinese, one.integer == 1,
      case let period = scalars[segment[1].start..<segment[1].end],
      Self.periodWords.contains(where: { $0.elementsEqual(period) }),
      segment[2...].contains(where: { $0.number != nil })
    else { return 0 }
    return 2
  }

  private static let periodWords: [[Unicode.Scalar]] = ["年", "月", "季度", "季", "周", "星期", "天", "日", "学期", "年度"].map {
    Array($0.unicodeScalars)
  }

  /// 较上年下降5%: a direction word right before the number changes its meaning; keep it.
  private func directionWord(endingLabel label: ArraySlice<ValueToken>) -> String? {
    guard let first = label.first, let last = label.last else { return nil }
    let written = scalars[first.start..<last.end]
    return QualitativeWords.suffix(of: written, among: QualitativeWords.directionScalars).map {
      String(scalars: $0)
    }
  }
}
