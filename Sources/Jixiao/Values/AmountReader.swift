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
  /// A letter or 〇 among the digits was read as the digit it stands for (`1268.4O`,
  /// `l268.40`, `1268.4〇`), as a target's are (`Target.Flag.ocrDigit`); the amount model has no
  /// flag, so whoever makes an `Amount` of it says so in a diagnostic (JX122).
  public var readsLetter: Bool = false
  /// The exact amount in 元.
  public var yuan: Decimal { unit.yuan(of: value) }
  /// The number and its unit as read, to the decimals printed, for a message: `1268.40 万元`
  /// (beside `1268.4O`, the digits the reader put for the letters).
  var figure: String {
    var text = DecimalText.plain(value)
    let shown = text.split(separator: ".", maxSplits: 1).dropFirst().first?.count ?? 0
    if decimals > shown { text += (shown == 0 ? "." : "") + String(repeating: "0", count: decimals - shown) }
    return text + " " + unit.rawValue
  }
}

/// Reads amounts such as `450,000.00`, `1 268.40`, `237.2544`, `350万元`, `１２，０００元`, `0.5亿元`, `250万`,
/// `￥500.00`, `三百五十万元`, `1268.4O`, with the target grammar's tokenizer (so both read numbers
/// the same way).
public enum AmountReader {
  /// Reads `text` as exactly one amount; nil when it is not one (words, several numbers, a
  /// unit that is not money). `defaultUnit` applies when the text carries no unit (a funds
  /// column headed `(万元)`); without one, a unitless number is nil.
  public static func read(_ text: String, defaultUnit: MoneyUnit?) -> ParsedAmount? {
    // A cell wrapped in a narrow column (`450,000.00` over `元`) is one amount.
    let scalars = Array(NormalizedText.nfkc(CellText.singleLine(text)).unicodeScalars)
    let tokens = ValueTokenizer.tokenize(scalars).filter { $0.lexeme != .ignorable }
    var index = 0
    var negative = false
    if index < tokens.count, tokens[index].lexeme == .rangeSeparator, scalars[tokens[index].start] == "-" {
      negative = true
      index += 1
    }
    // `¥450,000.00` is in 元 whatever the column says, `¥50万` in 万元.
    var signed: MoneyUnit?
    if index < tokens.count, tokens[index].lexeme == .unitPrefix(.yuan) {
      signed = .yuan
      index += 1
    }
    // Digits a space apart joined into one number (`≥ 6 1 %`) are a target's reading, anchored
    // on its operator or unit; in a funds cell they are more likely two cells than one amount.
    guard index < tokens.count, let literal = tokens[index].number, !literal.spacedDigits else { return nil }
    let readsLetter = LookalikeDigits.readsLetter(tokens[index], in: scalars)
    index += 1
    var unit: MoneyUnit?
    if index < tokens.count {
      switch tokens[index].lexeme {
      case .unit(let canonical): unit = MoneyUnit.named(canonical.text)
      case .scale(let scale) where scale != .qian:
        unit = UnitTable.bareScale(scale.text).flatMap(MoneyUnit.init(rawValue:))
      case .openParen:
        // 350(万元)
        if index + 2 < tokens.count, tokens[index + 2].lexeme == .closeParen,
          case .unit(let canonical) = tokens[index + 1].lexeme
        {
          unit = MoneyUnit.named(canonical.text)
          index += 2
        }
      default: break
      }
      guard unit != nil else { return nil }
      index += 1
    }
    guard index == tokens.count, let chosen = unit ?? signed ?? defaultUnit else { return nil }
    return ParsedAmount(
      value: negative ? -literal.value : literal.value,
      unit: chosen,
      unitWritten: unit != nil || signed != nil,
      decimals: literal.fractionDigits,
      readsLetter: readsLetter
    )
  }
}
