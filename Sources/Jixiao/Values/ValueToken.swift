import FoundationEssentials

/// A number as written in a target: `450,000.00`, `９５`, `三百五十`, `2023.07`.
struct NumberLiteral: Hashable, Sendable {
  var value: Decimal
  /// Digits after the decimal point as written.
  var fractionDigits: Int
  /// Digits before the decimal point as written (a year has four).
  var integerDigits: Int
  /// The value when it is a whole number below 10¹² (`100.00` counts as 100).
  var integer: Int?
  var isChinese: Bool
  var hasThousandsSeparator: Bool
  /// The six digits of a number written in digits with four before the point and two after,
  /// as one whole number: `value` × 100 (`2023.07` → 202307). Nil for any other number.
  var yearMonthDigits: Int? = nil

  /// `2023.07` may be a month (July 2023) when the context says so.
  var yearMonth: (year: Int, month: Int)? {
    guard !isChinese, integerDigits == 4, fractionDigits == 2, !hasThousandsSeparator else {
      return nil
    }
    // value = YYYY.MM exactly; the two parts from its digits (`value * 100` printed and read
    // back cost some 15,000 instructions).
    guard let scaled = yearMonthDigits else { return nil }
    let year = scaled / 100
    let month = scaled % 100
    guard (1900...2100).contains(year), (1...12).contains(month) else { return nil }
    return (year, month)
  }

  static func == (lhs: NumberLiteral, rhs: NumberLiteral) -> Bool {
    lhs.value == rhs.value && lhs.fractionDigits == rhs.fractionDigits
      && lhs.integerDigits == rhs.integerDigits && lhs.isChinese == rhs.isChinese
  }

  func hash(into hasher: inout Hasher) {
    hasher.combine(value)
    hasher.combine(fractionDigits)
  }
}

/// One token of a target value, with its place in the normalised text.
struct ValueToken: Sendable {
  enum Kind: Sendable {
    case number(NumberLiteral)
    /// `2024-12-31`, `2024/12/31`, `2024.12.31` (day) or `2024-12` (month).
    case dateLiteral(year: Int, month: Int, day: Int?)
    case lexeme(Lexeme)
    /// `**` in a template (`≥**%`).
    case placeholder
    /// Anything the lexicon does not know: a label, a qualifier, an unknown unit.
    case word
  }

  var kind: Kind
  /// Scalar offsets into the normalised text.
  var start: Int
  var end: Int

  var lexeme: Lexeme? {
    if case .lexeme(let lexeme) = kind { return lexeme }
    return nil
  }

  var number: NumberLiteral? {
    if case .number(let number) = kind { return number }
    return nil
  }

  var isWord: Bool {
    if case .word = kind { return true }
    return false
  }

  var isNumeric: Bool {
    switch kind {
    case .number, .dateLiteral: true
    default: false
    }
  }
}
