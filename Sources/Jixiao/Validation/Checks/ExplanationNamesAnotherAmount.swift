import FoundationEssentials

/// JX601: the explanation states one amount of money that is not the target (`≤32万元` with
/// 控制公用经费支出58万元).
enum ExplanationNamesAnotherAmount: Check {
  static let entry = CatalogueEntry(
    "JX601", .warning,
    title: Localized(zh: "指标解释中的金额与目标不符", en: "explanation names another amount"),
    message: Localized(zh: "指标值为 {0}，指标解释却写 {1}", en: "the target is {0} but the explanation says {1}"),
    explanation: Localized(
      zh: "以金额表示的目标，其指标解释（指标值内容）中写的金额应与之相符。只在解释中恰好写了一个总额（不含“元/人”之类单价）、且它及各金额之和都不等于目标（允许末位舍入）时报告；评分标准中的阈值不比较。\n示例：`公用经费成本控制 │ ≤ │ 32 │ 万元 │ 控制公用经费支出58万元`。\n修正：统一两处金额。",
      en: "For a target in money, the amount stated in its explanation (指标值内容 / 指标解释) should agree. Reported only when the explanation states exactly one total (unit prices such as 元/人 are ignored) and neither it nor the sum of the amounts equals the target (allowing for rounding); thresholds in scoring rules are not compared.\nExample: `公用经费成本控制 │ ≤ │ 32 │ 万元 │ 控制公用经费支出58万元`.\nFix: make the two amounts agree."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    // Most explanations have no amount, which the facts tell (asking for the target's money
    // copies the target).
    // A relative target's amount is a change (`较上年减少3万元`), which the explanation's total is not.
    subject.eachFact(ownTargetsOnly: true, where: { $0.explanationMayHoldAmount && !$0.has(.relative) }) { entity, checked in
      let indicator = checked.indicator
      guard let explanation = checked.explanationText, AmountsInText.mayHoldAmount(explanation),
        !indicator.target.flags.contains(.relative), let target = indicator.target.money
      else { return }
      let amounts = AmountsInText.find(anyText: explanation)
      guard amounts.count == 1, let stated = amounts.first else { return }
      let tolerance = halfUnit(indicator.target)
      let difference = stated.yuan - target
      if (difference < 0 ? -difference : difference) > tolerance {
        diagnostics.append(
          Diagnostic(
            self, span: indicator.targetSpan, indicator.target.raw + (indicator.unitColumn.map { " \($0)" } ?? ""), stated.text,
            related: indicator.spans[.explanation].map { [.init(.comparedWith, span: $0, stated.text)] } ?? []))
      }
    }
    return diagnostics
  }

  static func halfUnit(_ target: Target) -> Decimal {
    let text = target.raw
    let decimals = text.split(separator: ".").dropFirst().first.map { $0.prefix { $0.isNumber }.count } ?? 0
    let multiplier = target.unit.flatMap { MoneyUnit.named($0)?.multiplier } ?? 1
    return Decimal(sign: .plus, exponent: -(decimals + 1), significand: 5) * multiplier
  }
}

/// Amounts of money written in running text: `58万元`, `3874777元`, `50000元`; unit prices
/// (`929.71元/人/月`) are not amounts.
enum AmountsInText {
  struct Found {
    var text: String
    var yuan: Decimal
  }

  static func find(_ text: String) -> [Found] {
    guard mayHoldAmount(text) else { return [] }
    return find(anyText: text)
  }

  /// Whether the text has 元 or 万: every amount has one, and NFKC makes them from no other
  /// character (TextScanTests).
  static func mayHoldAmount(_ text: String) -> Bool { amountMarks.anyOccurs(in: text) }

  private static let amountMarks = WordList(["元", "万"])

  /// `find` without the test for 元 and 万 (what TextScanTests hold it to). Read on the NFKC
  /// text's bytes: digits, `.`, `,` and `/` are ASCII, so a byte test at a scalar boundary is
  /// the scalar test, and no continuation byte passes for a digit (an array of scalars and a
  /// string per digit cost about 50,000 instructions an explanation).
  static func find(anyText text: String) -> [Found] {
    ICU.nfkc(text).withUTF8Bytes { bytes in
      var found: [Found] = []
      var index = 0
      while index < bytes.count {
        guard isDigit(bytes[index]), index == 0 || !(isDigit(bytes[index - 1]) || bytes[index - 1] == 0x2E) else {
          index += 1
          continue
        }
        var end = index
        var hasComma = false
        while end < bytes.count, isDigit(bytes[end]) || bytes[end] == 0x2E || bytes[end] == 0x2C {
          if bytes[end] == 0x2C { hasComma = true }
          end += 1
        }
        var unitEnd = end
        var multiplier: Decimal?
        var power = 0
        for unit in units where bytes.count - end >= unit.bytes.count {
          if unit.bytes.withUnsafeBufferPointer({ equalBytes(bytes.baseAddress! + end, $0.baseAddress, unit.bytes.count) }) {
            multiplier = unit.multiplier
            power = unit.power
            unitEnd = end + unit.bytes.count
            break
          }
        }
        // `/` or 每 (E6 AF 8F) after the unit: a unit price.
        let isRate =
          unitEnd < bytes.count
          && (bytes[unitEnd] == 0x2F
            || (bytes.count - unitEnd >= 3 && bytes[unitEnd] == 0xE6 && bytes[unitEnd + 1] == 0xAF && bytes[unitEnd + 2] == 0x8F))
        if let multiplier, !isRate, !isFactor(bytes, start: index, end: unitEnd) {
          let number = UnsafeBufferPointer(rebasing: bytes[index..<end])
          let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<unitEnd]), as: UTF8.self)
          if let (significand, fractionDigits) = plainNumber(number) {
            // The amount in 元 built as it reads, where parsing a string and multiplying cost
            // two Decimal operations of thousands of instructions each.
            found.append(Found(text: text, yuan: Decimal(sign: .plus, exponent: power - fractionDigits, significand: Decimal(significand))))
            index = max(unitEnd, index + 1)
            continue
          }
          let digits = hasComma ? String(decoding: number.filter { $0 != 0x2C }, as: UTF8.self) : String(decoding: number, as: UTF8.self)
          if let value = Decimal(string: digits) {
            found.append(Found(text: text, yuan: value * multiplier))
          }
        }
        index = max(unitEnd, index + 1)
      }
      return found
    }
  }

  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  /// An amount multiplied by something (`20公里×2.4万元`, `2.4万元*20`, `乘以`): a factor of the
  /// figure the explanation works out, a unit price, not the figure.
  private static func isFactor(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Bool {
    var before = start
    while before > 0, bytes[before - 1] == 0x20 { before -= 1 }
    var after = end
    while after < bytes.count, bytes[after] == 0x20 { after += 1 }
    func isTimes(at index: Int, backwards: Bool) -> Bool {
      if backwards {
        guard index > 0 else { return false }
        if bytes[index - 1] == 0x2A || bytes[index - 1] == 0x78 || bytes[index - 1] == 0x58 { return true }
        // × (C3 97), 乘 (E4 B9 98), 乘以 (E4 B9 98 E4 BB A5).
        if index >= 2, bytes[index - 2] == 0xC3, bytes[index - 1] == 0x97 { return true }
        if index >= 3, bytes[index - 3] == 0xE4, bytes[index - 2] == 0xB9, bytes[index - 1] == 0x98 { return true }
        return index >= 6 && bytes[index - 6] == 0xE4 && bytes[index - 5] == 0xB9 && bytes[index - 4] == 0x98
          && bytes[index - 3] == 0xE4 && bytes[index - 2] == 0xBB && bytes[index - 1] == 0xA5
      }
      guard index < bytes.count else { return false }
      if bytes[index] == 0x2A || bytes[index] == 0x78 || bytes[index] == 0x58 { return true }
      if index + 1 < bytes.count, bytes[index] == 0xC3, bytes[index + 1] == 0x97 { return true }
      return index + 2 < bytes.count && bytes[index] == 0xE4 && bytes[index + 1] == 0xB9 && bytes[index + 2] == 0x98
    }
    return isTimes(at: before, backwards: true) || isTimes(at: after, backwards: false)
  }

  /// Digits with at most one `.` between them, commas ignored, and at most 18 digits: their
  /// value as an integer and the digits after the point. Nil for anything else (`1.2.3`,
  /// `12.`), which `Decimal(string:)` reads.
  static func plainNumber(_ number: UnsafeBufferPointer<UInt8>) -> (UInt64, Int)? {
    var significand: UInt64 = 0
    var digits = 0
    var fractionDigits: Int?
    for byte in number {
      if isDigit(byte) {
        guard digits < 18 else { return nil }
        significand = significand * 10 + UInt64(byte - 0x30)
        digits += 1
        if let count = fractionDigits { fractionDigits = count + 1 }
      } else if byte == 0x2E {
        guard fractionDigits == nil else { return nil }
        fractionDigits = 0
      } else if byte != 0x2C {
        return nil
      }
    }
    if fractionDigits == 0 { return nil }
    return digits > 0 ? (significand, fractionDigits ?? 0) : nil
  }

  /// The units an amount may end with, the longer first where one begins another, with their
  /// size as a multiplier and as a power of ten.
  private static let units: [(bytes: [UInt8], multiplier: Decimal, power: Int)] = [
    (Array("万元".utf8), 10000, 4), (Array("亿元".utf8), 100_000_000, 8), (Array("元".utf8), 1, 0), (Array("万".utf8), 10000, 4),
  ]
}
