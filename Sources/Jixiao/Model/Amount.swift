import FoundationEssentials

/// A sum of money as printed, with its exact value in 元.
public struct Amount: Sendable, Hashable {
  /// Where the unit came from.
  public enum UnitSource: String, Sendable {
    /// Written in the cell itself (`350万元`).
    case cell
    /// From the table or column header (`项目资金 (万元)`, `单位：元`).
    case header
    /// Not written anywhere; assumed, with a diagnostic.
    case assumed
  }

  /// The exact amount in 元 (never rounded, never a binary float).
  public var yuan: Decimal
  /// The number as printed, before the unit: 237.2544 for `237.2544`.
  public var value: Decimal
  /// The text as written in the cell.
  public var raw: String
  /// The unit as written or implied: 元, 万元, 亿元, 千元.
  public var unit: String
  public var unitSource: UnitSource
  /// Digits after the decimal point as printed (for rounding tolerances).
  public var decimals: Int
  public var span: SourceSpan

  public init(
    yuan: Decimal, value: Decimal, raw: String, unit: String, unitSource: UnitSource,
    decimals: Int, span: SourceSpan
  ) {
    self.yuan = yuan
    self.value = value
    self.raw = raw
    self.unit = unit
    self.unitSource = unitSource
    self.decimals = decimals
    self.span = span
  }
}

/// Money units and their size in 元.
public enum MoneyUnit: String, Sendable, CaseIterable {
  case yuan = "元"
  case qianYuan = "千元"
  case wanYuan = "万元"
  case baiWanYuan = "百万元"
  case yiYuan = "亿元"

  /// `value` in 元, exactly `value * multiplier`. The multipliers are powers of ten, so the
  /// product is the value with its exponent raised: `*` multiplies mantissas, some 2,600
  /// instructions an amount. Zero (whose sign bit would make a NaN), NaN and exponents near
  /// the ends of their range go through `*`.
  public func yuan(of value: Decimal) -> Decimal {
    let exponent = value.exponent + powerOfTen
    guard !value.isZero, value.isFinite, exponent > -100, exponent < 100 else { return value * multiplier }
    return Decimal(sign: value.sign, exponent: exponent, significand: value.significand)
  }

  /// The multiplier's power of ten.
  var powerOfTen: Int {
    switch self {
    case .yuan: 0
    case .qianYuan: 3
    case .wanYuan: 4
    case .baiWanYuan: 6
    case .yiYuan: 8
    }
  }

  public var multiplier: Decimal {
    switch self {
    case .yuan: 1
    case .qianYuan: 1000
    case .wanYuan: 10000
    case .baiWanYuan: 1_000_000
    case .yiYuan: 100_000_000
    }
  }
}
