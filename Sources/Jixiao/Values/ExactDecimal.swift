import FoundationEssentials

/// Builds `Decimal`s from scanned digits, exactly and without `Decimal(string:)`.
///
/// `Decimal(string:)` reads only a prefix of its input (`"1,633.94"` gives 1), so every number
/// in this folder is scanned first and then assembled here from its digits. Nothing passes
/// through a binary floating-point value.
enum ExactDecimal {
  /// The decimal `digits` × 10^-`fractionDigits`, negated when `isNegative`; `digits` holds
  /// ASCII digits only. Nil when `digits` is empty or holds anything else.
  static func make(
    digits: some Collection<UInt8>,
    fractionDigits: Int,
    isNegative: Bool = false
  )
    -> Decimal?
  {
    guard !digits.isEmpty else { return nil }
    var significand: UInt64 = 0
    var count = 0
    var big: Decimal?
    for byte in digits {
      guard byte >= 0x30, byte <= 0x39 else { return nil }
      let digit = UInt64(byte - 0x30)
      if var accumulated = big {
        accumulated = accumulated * 10 + Decimal(digit)
        big = accumulated
      } else if count < 18 {
        significand = significand * 10 + digit
      } else {
        big = Decimal(significand) * 10 + Decimal(digit)
      }
      count += 1
    }
    let magnitude = big ?? Decimal(significand)
    let value = Decimal(
      sign: isNegative ? .minus : .plus,
      exponent: -fractionDigits,
      significand: magnitude
    )
    return value
  }

  /// Reads a plain decimal string such as ICU writes (`350`, `3.5`, `-2`); nil for anything
  /// else, including exponents.
  static func parse(_ text: String) -> Decimal? {
    var digits: [UInt8] = []
    var fraction = 0
    var seenPoint = false
    var negative = false
    for (offset, byte) in text.utf8.enumerated() {
      switch byte {
      case UInt8(ascii: "-") where offset == 0: negative = true
      case UInt8(ascii: "."):
        guard !seenPoint else { return nil }
        seenPoint = true
      case 0x30...0x39:
        digits.append(byte)
        if seenPoint { fraction += 1 }
      default: return nil
      }
    }
    return make(digits: digits, fractionDigits: fraction, isNegative: negative)
  }

  /// `value` as an `Int` when it is a whole number of modest size; nil otherwise.
  ///
  /// `Decimal.description` prints the exact value without trailing zeros (`100.00` → `100`),
  /// so a whole number prints as plain digits.
  static func integer(_ value: Decimal) -> Int? {
    let text = value.description
    guard text.utf8.count <= 12 else { return nil }
    return Int(text)
  }
}
