import FoundationEssentials

extension Amount {
  /// Half the last printed digit, in 元: the most rounding can have moved the printed figure.
  var halfUnit: Decimal {
    Decimal(sign: .plus, exponent: -(decimals + 1), significand: 5) * (MoneyUnit.named(unit)?.multiplier ?? 1)
  }

  /// The amount as printed with its unit, for messages: `1,633.94 万元`.
  var printed: String { raw.containsBytes(unit) ? raw : "\(raw) \(unit)" }
}

/// How a published total compares with the sum of its parts.
enum SumComparison {
  case equal
  /// Off by no more than rounding of the printed figures can explain.
  case rounding(difference: Decimal)
  case mismatch(difference: Decimal)

  static func compare(total: Amount, parts: [Amount]) -> SumComparison {
    // Most totals are their parts' sum exactly, which integers tell without Decimal arithmetic.
    if let sum = ScaledInteger.sum(parts.lazy.map { $0.yuan }), let exactTotal = ScaledInteger(total.yuan),
      ScaledInteger.compare(sum, exactTotal) == 0
    {
      return .equal
    }
    let sum = parts.reduce(Decimal(0)) { $0 + $1.yuan }
    let difference = total.yuan - sum
    if difference == 0 { return .equal }
    let tolerance = parts.reduce(total.halfUnit) { $0 + $1.halfUnit }
    let magnitude = difference < 0 ? -difference : difference
    return magnitude <= tolerance ? .rounding(difference: difference) : .mismatch(difference: difference)
  }
}

extension SumComparison {
  /// The finding on a printed total and its named parts, each part related to it: none when
  /// they add up, JX203 when rounding explains the gap, else what `mismatch` makes of the
  /// sum (in the total's unit) and the gap (in 元).
  static func finding(
    total: Amount, parts: [(name: String, amount: Amount)],
    mismatch: (_ sum: String, _ difference: String, _ related: [Diagnostic.Related]) -> Diagnostic
  ) -> Diagnostic? {
    var related: [Diagnostic.Related] { parts.map { Diagnostic.Related(.part, span: $0.amount.span, "\($0.name) \($0.amount.printed)") } }
    var sum: String { Figures.inUnit(parts.reduce(Decimal(0)) { $0 + $1.amount.yuan }, like: total) }
    switch compare(total: total, parts: parts.map(\.amount)) {
    case .equal:
      return nil
    case .rounding(let difference):
      return Diagnostic(RoundingDifference.self, span: total.span, total.printed, sum, Figures.yuan(difference), related: related)
    case .mismatch(let difference):
      return mismatch(sum, Figures.yuan(difference), related)
    }
  }
}

enum Figures {
  /// A sum of 元 written in the unit of `like` (万元 amounts are compared in 万元).
  static func inUnit(_ yuan: Decimal, like amount: Amount) -> String {
    let unit = MoneyUnit.named(amount.unit)
    // Dividing by a power of ten moves the point: a Decimal division costs some 60,000
    // instructions.
    let quotient = unit.flatMap { ScaledInteger(yuan)?.divided(byPowerOfTen: $0.powerOfTen)?.decimal } ?? yuan / (unit?.multiplier ?? 1)
    return "\(DecimalText.plain(quotient)) \(amount.unit)"
  }

  static func yuan(_ value: Decimal) -> String { "\(DecimalText.plain(value)) 元" }
}

extension Decimal {
  /// `self > integer`, by integers when the value fits in them.
  func isAbove(_ integer: Int64) -> Bool {
    ScaledInteger.compare(self, integer).map { $0 > 0 } ?? (self > Decimal(integer))
  }

  /// `self >= integer`, by integers when the value fits in them.
  func isAtLeast(_ integer: Int64) -> Bool {
    ScaledInteger.compare(self, integer).map { $0 >= 0 } ?? (self >= Decimal(integer))
  }

  /// `self < integer`, by integers when the value fits in them.
  func isBelow(_ integer: Int64) -> Bool {
    ScaledInteger.compare(self, integer).map { $0 < 0 } ?? (self < Decimal(integer))
  }
}

extension Target {
  /// The target's amount in 元 when it is money.
  var money: Decimal? {
    if let yuan { return yuan }
    guard let value, let unit, let moneyUnit = MoneyUnit.named(unit) else { return nil }
    return value * moneyUnit.multiplier
  }

  var isNumeric: Bool {
    switch kind {
    case .quantitative, .range, .rank: true
    case .compound: parts.contains { $0.isNumeric }
    default: false
    }
  }
}

extension TargetKind {
  /// Whether a target of this kind may be `isNumeric` (a compound one when a part is).
  var mayBeNumeric: Bool {
    switch self {
    case .quantitative, .range, .rank, .compound: true
    default: false
    }
  }
}

extension Indicator {
  var nameSpan: SourceSpan { self.spans[.name] ?? self.span }
  var targetSpan: SourceSpan { self.target.span ?? self.span }
}
