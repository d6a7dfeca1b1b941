import FoundationEssentials
import Testing

@testable import Jixiao

/// The checks add and compare amounts as integers (`ScaledInteger`) where they fit, and fall
/// back to Decimal arithmetic where they do not; these hold every integer answer to the
/// Decimal one, over adversarial amounts and every amount of the corpus.
@Suite struct ExactMoneyTests {
  static let texts = [
    "0", "1", "-1", "0.5", "-0.5", "7", "100", "100.0", "100.00000001", "99.99999999999999999", "1000", "999.99", "100000",
    "99999.9999", "1633.94", "650.65", "983.28", "1633.93", "0.01", "0.001", "12345678.9", "9223372036854775807",
    "-9223372036854775807", "9223372036854775808", "-9223372036854775808", "922337203685477580.7", "18446744073709551615",
    "18446744073709551616", "123456789012345678901234567890", "0.000000000000000000000000000001", "1e18", "1e19", "1e-18", "1e-19",
    "1e20", "5e100", "1e120", "1e-120", "3.14159265358979323846264338327950288", "-0", "00042", "42.000",
  ]

  /// The texts as decimals, and in 元 as 万元 and 亿元 make them (`× 10000`, `× 100000000`), and
  /// as a tenth of a unit: what `Amount.yuan` and `halfUnit` hold.
  static let decimals: [Decimal] = texts.flatMap { text -> [Decimal] in
    guard let value = Decimal(string: text) else { return [] }
    return [
      value, value * 10000, value * 100_000_000, Decimal(sign: .plus, exponent: -3, significand: 5) * value, -value,
      Decimal(sign: value < 0 ? .minus : .plus, exponent: value.exponent + 4, significand: value.significand),
    ]
  } + [Decimal.nan, Decimal.greatestFiniteMagnitude, Decimal.leastNonzeroMagnitude, Decimal(Int64.min), Decimal(UInt64.max)]

  @Test func storedFormIsKnown() {
    #expect(ScaledInteger.storedFormIsKnown)
  }

  /// Every value read is the decimal's, and every decimal of up to 18 digits is read.
  @Test func readsTheDecimalsValue() {
    var read = 0
    for decimal in Self.decimals {
      guard let value = ScaledInteger(decimal) else {
        #expect(decimal.isNaN || decimal.significand > Decimal(Int64.max) || -decimal.significand > Decimal(Int64.max), "\(decimal)")
        continue
      }
      read += 1
      let magnitude = Decimal(value.significand.magnitude)
      let rebuilt = Decimal(sign: value.significand < 0 ? .minus : .plus, exponent: value.exponent, significand: magnitude)
      #expect(rebuilt == decimal, "\(decimal) read as \(value)")
    }
    #expect(read > 150)
  }

  static func expectSame(_ left: Decimal, _ right: Decimal, counting exact: inout Int, sourceLocation: SourceLocation = #_sourceLocation) {
    if let a = ScaledInteger(left), let b = ScaledInteger(right) {
      if let order = ScaledInteger.compare(a, b) {
        exact += 1
        #expect(order == (left < right ? -1 : left == right ? 0 : 1), "\(left) <> \(right)", sourceLocation: sourceLocation)
      }
      if let sum = a + b {
        let decimalSum = left + right
        let rebuilt = Decimal(sign: sum.significand < 0 ? .minus : .plus, exponent: sum.exponent, significand: Decimal(sum.significand.magnitude))
        #expect(rebuilt == decimalSum, "\(left) + \(right)", sourceLocation: sourceLocation)
      }
    }
  }

  /// The checks' comparisons with a whole number, as Decimal's.
  static func expectSameBounds(_ value: Decimal, sourceLocation: SourceLocation = #_sourceLocation) {
    for integer: Int64 in [0, 100, 1000, 100_000] {
      #expect(value.isAbove(integer) == (value > Decimal(integer)), "\(value) > \(integer)", sourceLocation: sourceLocation)
      #expect(value.isAtLeast(integer) == (value >= Decimal(integer)), "\(value) >= \(integer)", sourceLocation: sourceLocation)
      #expect(value.isBelow(integer) == (value < Decimal(integer)), "\(value) < \(integer)", sourceLocation: sourceLocation)
    }
  }

  @Test func comparesAndAddsAsDecimal() {
    var exact = 0
    for left in Self.decimals {
      Self.expectSameBounds(left)
      for right in Self.decimals { Self.expectSame(left, right, counting: &exact) }
    }
    #expect(exact > 10000)
  }

  /// `Figures.inUnit` as it divided by the unit's multiplier.
  static func oldInUnit(_ yuan: Decimal, like amount: Amount) -> String {
    let multiplier = MoneyUnit.named(amount.unit)?.multiplier ?? 1
    return "\(DecimalText.plain(yuan / multiplier)) \(amount.unit)"
  }

  @Test func sumsInUnitAsDivided() {
    for yuan in Self.decimals where !yuan.isNaN {
      for unit in MoneyUnit.allCases.map({ $0.rawValue }) + ["", "人", "万"] {
        let like = Self.amount(0, unit: unit)
        #expect(Figures.inUnit(yuan, like: like) == Self.oldInUnit(yuan, like: like), "\(yuan) \(unit)")
      }
    }
  }

  // MARK: The checks' decisions against their Decimal arithmetic before

  /// `SumComparison.compare` before the integer path.
  static func oldCompare(total: Amount, parts: [Amount]) -> SumComparison {
    let sum = parts.reduce(Decimal(0)) { $0 + $1.yuan }
    let difference = total.yuan - sum
    if difference == 0 { return .equal }
    let tolerance = parts.reduce(total.halfUnit) { $0 + $1.halfUnit }
    let magnitude = difference < 0 ? -difference : difference
    return magnitude <= tolerance ? .rounding(difference: difference) : .mismatch(difference: difference)
  }

  static func same(_ left: SumComparison, _ right: SumComparison) -> Bool {
    switch (left, right) {
    case (.equal, .equal): true
    case (.rounding(let a), .rounding(let b)), (.mismatch(let a), .mismatch(let b)): a == b && DecimalText.plain(a) == DecimalText.plain(b)
    default: false
    }
  }

  static func amount(_ yuan: Decimal, decimals: Int = 2, unit: String = "元") -> Amount {
    Amount(yuan: yuan, value: yuan, raw: "\(yuan)", unit: unit, unitSource: .cell, decimals: decimals, span: SourceSpan(line: 1, column: 1, offset: 0))
  }

  /// Totals with parts that add up to them, miss by a rounding and miss by more.
  @Test func sumComparisonAsDecimal() {
    var equal = 0
    let values = Self.decimals.filter { !$0.isNaN && $0.exponent < 60 && $0.exponent > -60 }
    for (index, first) in values.enumerated() {
      for second in values[index...].prefix(25) {
        let parts = [Self.amount(first), Self.amount(second)]
        for total in [first + second, first + second + Decimal(string: "0.004")!, first + second - 1, first, second * 2] {
          let new = SumComparison.compare(total: Self.amount(total), parts: parts)
          #expect(Self.same(new, Self.oldCompare(total: Self.amount(total), parts: parts)), "\(total) = \(first) + \(second)")
          if case .equal = new { equal += 1 }
        }
      }
    }
    #expect(equal > 1000)
  }

  /// What `CostTargetsExceedFunds.run` decides by Decimals: the costs are within the funds.
  static func oldWithin(_ costs: [Indicator], _ funds: Amount) -> Bool {
    var sum = costs.reduce(Decimal(0)) { $0 + ($1.target.money ?? 0) }
    if costs.count >= 3, let largest = costs.compactMap({ $0.target.money }).max(), largest * 2 == sum { sum = largest }
    let withinFunds = funds.yuan.exponent < 100 && !(sum > funds.yuan)
    return withinFunds || !(sum > funds.yuan + funds.halfUnit)
  }

  static func cost(_ yuan: Decimal?) -> Indicator {
    var target = Target(raw: "", kind: .quantitative)
    target.yuan = yuan
    return Indicator(target: target, span: SourceSpan(line: 1, column: 1, offset: 0))
  }

  @Test func costsWithinFundsAsDecimal() {
    var decided = 0
    let values = Self.decimals.filter { !$0.isNaN }
    for (index, funds) in values.enumerated() where index % 3 == 0 {
      for start in stride(from: 0, to: values.count - 4, by: 2) {
        let slice = Array(values[start..<(start + 4)])
        let sets: [[Decimal?]] = [[slice[0]], [slice[0], slice[1]], slice, [slice[0], slice[1], slice[0] + slice[1]], [nil, slice[2], slice[2]]]
        for costs in sets {
          let indicators = costs.map { Self.cost($0) }
          let old = Self.oldWithin(indicators, Self.amount(funds))
          if funds.exponent < 100, let within = CostTargetsExceedFunds.exactlyWithin(indicators, funds) {
            decided += 1
            // The integer answer is what the Decimal arithmetic found, where it decides.
            #expect(!within || old, "\(costs) within \(funds)")
            #expect(within == !(Self.decimalSum(costs) > funds), "\(costs) within \(funds)")
          }
        }
      }
    }
    #expect(decided > 1000)
  }

  static func decimalSum(_ costs: [Decimal?]) -> Decimal {
    var sum = costs.reduce(Decimal(0)) { $0 + ($1 ?? 0) }
    if costs.count >= 3, let largest = costs.compactMap({ $0 }).max(), largest * 2 == sum { sum = largest }
    return sum
  }

  @Test func weightTotalsAsDecimal() {
    var decided = 0
    let weights = Self.decimals.filter { !$0.isNaN }.prefix(90)
    for (index, first) in weights.enumerated() {
      for second in weights[index...].prefix(20) {
        let indicators = [first, second].map { weight -> Indicator in
          var indicator = Self.cost(nil)
          indicator.weight = weight
          return indicator
        }
        for expected in [first + second, Decimal(100), Decimal(90), first] {
          if let exact = WeightsDoNotTotal.exactTotal(indicators, is: expected) {
            decided += 1
            #expect(exact == (first + second == expected), "\(first) + \(second) = \(expected)")
          }
        }
      }
    }
    #expect(decided > 1000)
  }

  /// Every amount of every corpus document against every other of its document, and its
  /// funds' sums against the Decimal ones.
  @Test(arguments: CorpusTests.documents)
  func corpusAmountsAsDecimal(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    guard let document = try? Jixiao.parse(bytes, path: relativePath, options: ParseOptions(validate: false)) else { return }
    var amounts: [Amount] = []
    var values: [Decimal] = []
    var entityFunds: [Funds] = document.projects.map { $0.funds } + document.departments.map { $0.funds }
    for funds in entityFunds {
      amounts += [funds.total, funds.fiscal, funds.other, funds.carryover].compactMap { $0 } + funds.lines.map { $0.amount }
    }
    amounts += document.budgetLines.compactMap { $0.amount }
    values += amounts.flatMap { [$0.yuan, $0.value, $0.halfUnit] }
    for indicator in document.projects.flatMap({ $0.indicators }) + document.departments.flatMap({ $0.indicators }) {
      values += [indicator.weight, indicator.target.value, indicator.target.max, indicator.target.money].compactMap { $0 }
    }
    for value in values {
      Self.expectSameBounds(value)
      for unit in MoneyUnit.allCases {
        let like = Self.amount(0, unit: unit.rawValue)
        #expect(Figures.inUnit(value, like: like) == Self.oldInUnit(value, like: like), "\(relativePath): \(value)")
      }
    }
    var exact = 0
    for left in values.prefix(200) {
      for right in values.prefix(40) { Self.expectSame(left, right, counting: &exact) }
    }
    entityFunds.append(Funds(total: amounts.first, lines: amounts.dropFirst().prefix(3).map { FundLine(label: "基本支出", amount: $0) }))
    for funds in entityFunds {
      guard let total = funds.total else { continue }
      for parts in [[funds.fiscal, funds.other, funds.carryover].compactMap { $0 }, funds.lines.map { $0.amount }] where !parts.isEmpty {
        #expect(Self.same(SumComparison.compare(total: total, parts: parts), Self.oldCompare(total: total, parts: parts)), "\(relativePath)")
      }
    }
  }
}
