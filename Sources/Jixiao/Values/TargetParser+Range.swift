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
    }
    target.qualifier = qualifierText(trailing)
    return target
  }
}
