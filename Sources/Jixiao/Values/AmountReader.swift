import FoundationEssentials

/// A money amount read from a funds cell.
public struct ParsedAmount: Sendable, Hashable {
  /// The number as printed, before the unit.
  public var value: Decimal
  public var unit: MoneyUnit
  /// The unit was written in the text (not taken from the default).
  public var unitWritten: Bool
  /// Digits after the decimal point as printed.
  public var decimals: Int
  /// The exact amount in 元.
  public var yuan: Decimal { value * unit.multiplier }
}

/// Reads amounts such as `450,000.00`, `237.2544`, `350万元`, `１２，０００元`, `0.5亿元`.
public enum AmountReader {
  /// Reads `text` as one amount; nil when it is not an amount (words, several numbers).
  /// `defaultUnit` applies when the text carries no unit.
  public static func read(_ text: String, defaultUnit: MoneyUnit?) -> ParsedAmount? {
    let normalized = ICU.nfkc(text).filter { !$0.isWhitespace }
    guard !normalized.isEmpty else { return nil }
    var digits = ""
    var decimals = 0
    var seenPoint = false
    var index = normalized.startIndex
    if normalized[index] == "-" {
      digits.append("-")
      index = normalized.index(after: index)
    }
    var sawDigit = false
    while index < normalized.endIndex {
      let character = normalized[index]
      if character.isASCII, character.isNumber {
        digits.append(character)
        sawDigit = true
        if seenPoint { decimals += 1 }
      } else if character == "." && !seenPoint {
        seenPoint = true
        digits.append(character)
      } else if character == "," && sawDigit && !seenPoint {
        // thousands separator
      } else {
        break
      }
      index = normalized.index(after: index)
    }
    guard sawDigit, let value = Decimal(string: digits) else { return nil }
    let rest = String(normalized[index...])
    let unit: MoneyUnit?
    switch rest {
    case "": unit = nil
    case "元": unit = .yuan
    case "万元", "万": unit = .wanYuan
    case "千元": unit = .qianYuan
    case "亿元", "亿": unit = .yiYuan
    case "百万元": unit = .baiWanYuan
    default: return nil
    }
    guard let chosen = unit ?? defaultUnit else { return nil }
    return ParsedAmount(value: value, unit: chosen, unitWritten: unit != nil, decimals: decimals)
  }
}
