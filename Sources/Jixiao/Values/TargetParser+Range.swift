import FoundationEssentials

extension TargetParser {
  /// Whether `readRange` may read the segment: its two ends are joined by a range separator
  /// (`-`, `~`, 至), whatever the context. `ReaderGuardTests` hold this to `readRange` itself.
  static func mayHoldRange(_ segment: [ValueToken]) -> Bool {
    segment.contains { $0.lexeme == .rangeSeparator }
  }

  /// `90%-95%`, `3~5个`, `80至100`, `百分之九十至百分之九十五`, `1万-2万元`: `min` and `max`, one
  /// shared unit, no operator.
  func readRange(_ segment: [ValueToken], raw: String) -> Target? {
    guard let anchor = amountStart(segment, from: 0) else { return nil }
    let label = segment[0..<anchor]
    guard !label.contains(where: { $0.isNumeric || $0.lexeme?.isComparison == true || $0.lexeme == .keepWithin })
    else { return nil }
    guard let low = readAmount(segment, at: anchor), low.end < segment.count,
      segment[low.end].lexeme == .rangeSeparator,
      let high = readAmount(segment, at: low.end + 1)
    else { return nil }
    let trailing = segment[high.end...]
    guard !trailing.contains(where: { $0.isNumeric || $0.lexeme?.isComparison == true }) else { return nil }
    return rangeTarget(low: low, high: high, trailing: trailing, raw: raw)
  }

  /// `80%≤x≤100%`, `90≤满意度≤100`, `100%≥X≥80%`: a bound on each side of the quantity's name,
  /// both inclusive, make one range (read as a quantity, the first bound was a label, lost).
  /// With a strict bound (`80<x<100`), bounds the wrong way round or two units, the cell is
  /// a reading the schema's range cannot hold: `kind` text, raw kept, rather than one bound.
  func readBetween(_ segment: [ValueToken], raw: String) -> Target? {
    guard let anchor = amountStart(segment, from: 0),
      !segment[..<anchor].contains(where: { $0.isNumeric || $0.lexeme?.isComparison == true }),
      let first = readAmount(segment, at: anchor), first.end < segment.count,
      case .comparison(let left, .prefix) = segment[first.end].lexeme
    else { return nil }
    var index = first.end + 1
    while index < segment.count, !segment[index].isNumeric, segment[index].lexeme?.isComparison != true { index += 1 }
    guard index > first.end + 1, index < segment.count, case .comparison(let right, .prefix) = segment[index].lexeme,
      let second = readAmount(segment, at: index + 1)
    else { return nil }
    let trailing = segment[second.end...]
    guard !trailing.contains(where: { $0.isNumeric || $0.lexeme?.isComparison == true }) else { return nil }
    let (low, high): (AmountMatch, AmountMatch)
    switch (left, right) {
    case (.atMost, .atMost): (low, high) = (first, second)
    case (.atLeast, .atLeast): (low, high) = (second, first)
    case (.less, .less), (.less, .atMost), (.atMost, .less), (.greater, .greater), (.greater, .atLeast),
      (.atLeast, .greater):
      return makeTarget(.text, raw: raw)
    default: return nil
    }
    guard low.value <= high.value else { return makeTarget(.text, raw: raw) }
    return rangeTarget(low: low, high: high, trailing: trailing, raw: raw) ?? makeTarget(.text, raw: raw)
  }

  /// A range from its two ends and the words after them.
  private func rangeTarget(low: AmountMatch, high: AmountMatch, trailing: ArraySlice<ValueToken>, raw: String)
    -> Target?
  {
    // A bare 万 read as a magnitude (under a name that counts) is shared as a unit would be:
    // 1-2万 is 10000 to 20000; 1万-2万人次 takes the high end's 万人次 as written.
    var low = low
    if let magnitude = high.magnitude, low.unit == nil, low.magnitude == nil {
      low.value *= Self.multiplier(of: magnitude.scale)
      low.magnitude = magnitude
    } else if let magnitude = low.magnitude, let highUnit = high.unit,
      highUnit.canonical.hasPrefix(magnitude.scale.text)
    {
      low.value = magnitude.written
      low.magnitude = nil
    }
    // One unit for both ends: written once (3~5个), twice the same (90%~100%), or a scale
    // written on both (1万-2万元).
    var unit = high.unit ?? low.unit
    var unitRaw = high.unitRaw ?? low.unitRaw
    if let lowUnit = low.unit, let highUnit = high.unit, lowUnit.canonical != highUnit.canonical {
      // 1万-2万人次: the low end's bare 万 takes the high end's unit; anything else is two units.
      let lowIsBareScale = UnitTable.bareScale(low.unitRaw ?? "") != nil
      guard lowIsBareScale || (lowUnit.money != nil && highUnit.money != nil) else { return nil }
      unit = highUnit
      unitRaw = high.unitRaw
    }
    var target = makeTarget(.range, raw: raw)
    target.min = low.value
    target.max = high.value
    if let unit {
      target.unit = unit.canonical
      target.unitRaw = unitRaw
      if !unit.isKnown { target.flags.append(.unitUnknown) }
    } else if high.magnitude != nil {
      target.unitRaw = high.unitRaw
    }
    target.qualifier = qualifierText(trailing)
    return target
  }
}
