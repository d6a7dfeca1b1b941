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
  /// A number written in digits with four before the point and one or two after, as year
  /// × 100 + the digits after the point (`2023.07` → 202307, `2024.6` → 202406). Nil for any
  /// other number.
  var yearMonthDigits: Int? = nil
  /// Single digits set apart by single spaces that `SpacedDigits` joined into this number
  /// (`≥ 6 1 %` is 61): the reading says so (`Target.Flag.spacedDigits`).
  var spacedDigits = false

  /// `2023.07` may be a month (July 2023) when the context says so, and so may `2024.6` where
  /// `oneDigitMonth`: a month in one digit is how a date is written short (2024.6 is June;
  /// a tenth is no month), but only a column of dates tells it from a number.
  func yearMonth(oneDigitMonth: Bool = false) -> (year: Int, month: Int)? {
    guard !isChinese, integerDigits == 4, fractionDigits == 2 || (oneDigitMonth && fractionDigits == 1),
      !hasThousandsSeparator
    else {
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

  /// `20241231` as a day: eight digits, none after a point, that make a valid date with a
  /// year from 1990 to 2099. Only a context of dates reads it so (`TargetParser.readPoint`).
  var compactDay: (year: Int, month: Int, day: Int)? {
    guard !isChinese, integerDigits == 8, fractionDigits == 0, !hasThousandsSeparator, let digits = integer else {
      return nil
    }
    let year = digits / 10_000
    let month = digits / 100 % 100
    let day = digits % 100
    guard (1990...2099).contains(year), CivilDate.valid(year: year, month: month, day: day) != nil else { return nil }
    return (year, month, day)
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
