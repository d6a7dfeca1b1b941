import FoundationEssentials

/// A Decimal's exact value as an integer times a power of ten, for the checks' sums and
/// comparisons: a FoundationEssentials Decimal addition or comparison costs 2,000 to 4,000
/// instructions, and the checks make several per amount and indicator.
///
/// Exact or nothing: every operation returns nil when its result does not fit in Int64 (or
/// the operands' powers of ten are too far apart to line up), and the caller then does the
/// Decimal arithmetic. Within Int64 Decimal arithmetic is exact too (it rounds only beyond 38
/// digits), so both give the same answer.
struct ScaledInteger: Equatable {
  var significand: Int64
  var exponent: Int

  init(significand: Int64, exponent: Int) {
    self.significand = significand
    self.exponent = exponent
  }

  /// The decimal's value, nil for NaN and for significands beyond Int64.
  ///
  /// Decimal does not expose its significand (only as another Decimal), so it is read from
  /// the stored form, which is frozen (NSDecimal's: an 8-bit exponent, a byte holding the
  /// length in 16-bit words, the sign and the compact flag, then eight 16-bit words). If a
  /// toolchain stored it otherwise, `storedFormIsKnown` would be false and nothing would be
  /// read: every caller falls back to Decimal arithmetic.
  init?(_ decimal: Decimal) {
    guard Self.storedFormIsKnown, let value = Self.read(decimal) else { return nil }
    self = value
  }

  private static func read(_ decimal: Decimal) -> ScaledInteger? {
    withUnsafeBytes(of: decimal) { raw -> ScaledInteger? in
      guard raw.count == 20 else { return nil }
      let flags = raw[1]
      let length = Int(flags >> 4)
      let isNegative = flags & 0x08 != 0
      // Length 0: zero, or NaN when negative.
      if length == 0 { return isNegative ? nil : ScaledInteger(significand: 0, exponent: 0) }
      guard length <= 4 else { return nil }
      var magnitude: UInt64 = 0
      for word in 0..<length {
        magnitude |= (UInt64(raw[4 + 2 * word]) | UInt64(raw[5 + 2 * word]) << 8) << (16 * word)
      }
      guard magnitude <= UInt64(Int64.max) else { return nil }
      let significand = Int64(magnitude)
      return ScaledInteger(significand: isNegative ? -significand : significand, exponent: Int(Int8(bitPattern: raw[0])))
    }
  }

  /// Whether decimals built through the public API read back as built (checked once a process).
  static let storedFormIsKnown: Bool = {
    let samples: [(Decimal, ScaledInteger?)] = [
      (Decimal(sign: .minus, exponent: -3, significand: Decimal(1_234_567)), ScaledInteger(significand: -1_234_567, exponent: -3)),
      (Decimal(sign: .plus, exponent: 5, significand: Decimal(70_000_000_001)), ScaledInteger(significand: 70_000_000_001, exponent: 5)),
      (Decimal(Int64.max), ScaledInteger(significand: Int64.max, exponent: 0)),
      (Decimal(0), ScaledInteger(significand: 0, exponent: 0)),
      (Decimal(UInt64.max), nil),
      (Decimal.nan, nil),
    ]
    return samples.allSatisfy { read($0.0) == $0.1 }
  }()

  private static let powersOfTen: [Int64] = (0...18).map { power in (0..<power).reduce(1) { value, _ in value * 10 } }

  /// The significand at a smaller exponent, nil when it overflows.
  func significand(at exponent: Int) -> Int64? {
    let shift = self.exponent - exponent
    if shift == 0 { return significand }
    guard shift > 0, shift <= 18 else { return significand == 0 && shift > 0 ? 0 : nil }
    let (scaled, overflow) = significand.multipliedReportingOverflow(by: Self.powersOfTen[shift])
    return overflow ? nil : scaled
  }

  /// The two significands at their common exponent.
  static func aligned(_ left: ScaledInteger, _ right: ScaledInteger) -> (Int64, Int64, exponent: Int)? {
    let exponent = min(left.exponent, right.exponent)
    guard let leftSignificand = left.significand(at: exponent), let rightSignificand = right.significand(at: exponent) else { return nil }
    return (leftSignificand, rightSignificand, exponent)
  }

  static func + (left: ScaledInteger, right: ScaledInteger) -> ScaledInteger? {
    guard let (leftSignificand, rightSignificand, exponent) = aligned(left, right) else { return nil }
    let (sum, overflow) = leftSignificand.addingReportingOverflow(rightSignificand)
    return overflow ? nil : ScaledInteger(significand: sum, exponent: exponent)
  }

  /// -1, 0 or 1 as `left` is below, equal to or above `right`; nil when they cannot be lined up.
  static func compare(_ left: ScaledInteger, _ right: ScaledInteger) -> Int? {
    guard let (leftSignificand, rightSignificand, _) = aligned(left, right) else { return nil }
    return leftSignificand < rightSignificand ? -1 : leftSignificand == rightSignificand ? 0 : 1
  }

  /// -1, 0 or 1 as `decimal` is below, equal to or above `integer`; nil when not exact.
  static func compare(_ decimal: Decimal, _ integer: Int64) -> Int? {
    guard let value = ScaledInteger(decimal) else { return nil }
    return compare(value, ScaledInteger(significand: integer, exponent: 0))
  }

  /// The value as a Decimal.
  var decimal: Decimal {
    Decimal(sign: significand < 0 ? .minus : .plus, exponent: exponent, significand: Decimal(significand.magnitude))
  }

  /// The value divided by 10^`power`; nil far from the magnitudes of money, where Decimal's
  /// division, which scales its operands, runs out of exponent and gives NaN.
  func divided(byPowerOfTen power: Int) -> ScaledInteger? {
    (-40...40).contains(exponent - power) ? ScaledInteger(significand: significand, exponent: exponent - power) : nil
  }

  /// The exact sum of the decimals, nil when one is not exact or the sum does not fit.
  static func sum(_ decimals: some Sequence<Decimal>) -> ScaledInteger? {
    var total = ScaledInteger(significand: 0, exponent: 0)
    for decimal in decimals {
      guard let value = ScaledInteger(decimal), let sum = total + value else { return nil }
      total = sum
    }
    return total
  }
}
