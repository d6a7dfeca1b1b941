import FoundationEssentials

/// Reads Chinese numerals: 三百五十, 两百, 一万二千, 二〇二四, 壹佰贰拾叁万肆仟, 三点五, and the
/// colloquial 三万五 (35000) and 三百五 (350).
///
/// ICU's "zh" spellout rules read each section below 万 (ICU 72 misreads 三万五 as 30005 and
/// gives scientific notation for 亿, so 万 and 亿 are composed here); a section ICU does not
/// consume completely is read by a small positional reader instead.
enum ChineseNumeral {
  static func digit(_ scalar: Unicode.Scalar) -> Int? {
    switch scalar {
    case "零", "〇": 0
    case "一", "壹", "幺": 1
    case "二", "两", "贰", "貳", "兩": 2
    case "三", "叁", "參": 3
    case "四", "肆": 4
    case "五", "伍": 5
    case "六", "陆", "陸": 6
    case "七", "柒": 7
    case "八", "捌": 8
    case "九", "玖": 9
    default: nil
    }
  }

  static func smallUnit(_ scalar: Unicode.Scalar) -> Int? {
    switch scalar {
    case "十", "拾": 10
    case "百", "佰": 100
    case "千", "仟": 1000
    default: nil
    }
  }

  static func bigUnit(_ scalar: Unicode.Scalar) -> Int? {
    switch scalar {
    case "万", "萬": 10_000
    case "亿", "億": 100_000_000
    default: nil
    }
  }

  /// Every scalar `isNumeral` accepts (`ChineseNumeralTests` hold the two together).
  static let numerals = Array("零〇一壹幺二两贰貳兩三叁參四肆五伍六陆陸七柒八捌九玖十拾百佰千仟万萬亿億".unicodeScalars)

  static func isNumeral(_ scalar: Unicode.Scalar) -> Bool {
    digit(scalar) != nil || smallUnit(scalar) != nil || bigUnit(scalar) != nil
  }

  /// The value of a numeral run with the number of digits after 点; nil when the run is not
  /// a well-formed numeral (`十一五`, `百`).
  static func value(of run: ArraySlice<Unicode.Scalar>) -> (Decimal, fractionDigits: Int)? {
    reading(of: run).map { ($0.value, $0.fractionDigits) }
  }

  /// `value(of:)` with, for a run without 点, the whole number as `ExactDecimal.integer(value)`
  /// gives it (nil when it prints wider than 12 characters), known before it became a
  /// `Decimal`: printing the `Decimal` to read it back cost several thousand instructions.
  /// The most scalars a numeral the grammar reads has: 九千九百九十九亿九千九百九十九万九千九百九十九
  /// is 23, with 零 and a fraction a few more. Longer runs are not numbers.
  static let longestNumeral = 32

  static func reading(of run: ArraySlice<Unicode.Scalar>) -> (value: Decimal, fractionDigits: Int, integer: Int?)? {
    guard run.count <= longestNumeral else { return nil }
    guard let point = run.firstIndex(of: "点") else {
      guard let integer = integerValue(run) else { return nil }
      let printsNarrow = integer >= -99_999_999_999 && integer <= 999_999_999_999
      return (Decimal(integer), 0, printsNarrow ? integer : nil)
    }
    let whole = run[run.startIndex..<point]
    let fraction = run[run.index(after: point)...]
    guard !fraction.isEmpty else { return nil }
    var digits: [UInt8] = []
    if whole.isEmpty {
      digits.append(0x30)
    } else {
      guard let integer = integerValue(whole) else { return nil }
      digits.append(contentsOf: String(integer).utf8)
    }
    for scalar in fraction {
      guard let value = digit(scalar) else { return nil }
      digits.append(UInt8(0x30 + value))
    }
    guard let decimal = ExactDecimal.make(digits: digits, fractionDigits: fraction.count) else {
      return nil
    }
    return (decimal, fraction.count, nil)
  }

  /// The whole-number value of a run without 点.
  static func integerValue(_ run: ArraySlice<Unicode.Scalar>) -> Int? {
    guard !run.isEmpty else { return nil }
    // 二〇二四, 二零二四: digit by digit, as years are written.
    if run.count >= 2, run.allSatisfy({ digit($0) != nil }) {
      guard run.count <= 12 else { return nil }
      return run.reduce(0) { $0 * 10 + (digit($1) ?? 0) }
    }
    // Split at 亿, then 万: each section is below 万 and is read on its own.
    var total = 0
    var section = run[run.startIndex..<run.startIndex]
    var sectionStart = run.startIndex
    var lastBig = Int.max
    var index = run.startIndex
    while index < run.endIndex {
      if let big = bigUnit(run[index]) {
        section = run[sectionStart..<index]
        // 万 alone (一万 written 万) is not a number here; a section is required.
        guard big < lastBig || lastBig == Int.max, !section.isEmpty,
          let sectionValue = sectionValue(section)
        else {
          // 十万亿 and the like: too large to matter for targets.
          return nil
        }
        if big == 10_000, lastBig == 100_000_000 {
          total += sectionValue * big
        } else {
          total = (total + sectionValue) * big
        }
        lastBig = big
        sectionStart = run.index(after: index)
      }
      index = run.index(after: index)
    }
    let rest = run[sectionStart..<run.endIndex]
    guard !rest.isEmpty else { return total }
    // 三万五 is 35000 in speech: a lone digit after a big unit counts in the next unit down.
    if lastBig != Int.max, rest.count == 1, let single = digit(rest[rest.startIndex]), single != 0 {
      return total + single * (lastBig / 10)
    }
    guard let restValue = sectionValue(rest) else { return nil }
    return total + restValue
  }

  /// A section below 万: 三百五十 (ICU), 三百五 (colloquial 350), 十五, 零五.
  static func sectionValue(_ section: ArraySlice<Unicode.Scalar>) -> Int? {
    guard let first = section.first else { return nil }
    // One digit (the most common numeral by far) needs no rule engine.
    if section.count == 1, let value = digit(first) { return value }
    // Colloquial: a lone digit after 百 or 千 counts in the next unit down (三百五 = 350).
    if section.count >= 3, let last = section.last, let lastDigit = digit(last), lastDigit != 0,
      let unit = smallUnit(section[section.endIndex - 2]), unit >= 100,
      !section.contains("零"), !section.contains("〇")
    {
      let head = section[section.startIndex..<(section.endIndex - 1)]
      if let headValue = positionalValue(head) { return headValue + lastDigit * unit / 10 }
    }
    // 十五, 三百二十: the plain spellings, read natively as ICU reads them (every spelling
    // `plainValue` takes is held to ICU's reading by `ChineseNumeralNativeTests`).
    if let value = plainValue(section) { return value }
    if let text = ICU.spelledOutNumber(String(scalars: section)),
      let decimal = ExactDecimal.parse(text), let value = ExactDecimal.integer(decimal),
      value >= 0, value < 10_000
    {
      return value
    }
    return positionalValue(section)
  }

  /// The longest section `plainValue` reads: as far as its test spells out every input.
  static let plainLength = 5

  /// A section written the plain way, without ICU: at most `plainLength` scalars of 一…九 and
  /// 十百千 only (no 零, no financial or traditional forms), units in falling order with no
  /// unit skipped (一千二十 is left to ICU), each unit after a digit except a leading 十, and a
  /// last digit only as the ones (after 十 or alone). Nil for anything else.
  static func plainValue(_ section: ArraySlice<Unicode.Scalar>) -> Int? {
    guard section.count <= plainLength else { return nil }
    var total = 0
    var pending: Int?
    var lastUnit = Int.max
    for scalar in section {
      if let value = plainDigit(scalar) {
        guard pending == nil else { return nil }
        pending = value
      } else if let unit = plainUnit(scalar) {
        guard lastUnit == Int.max || unit * 10 == lastUnit else { return nil }
        guard pending != nil || (unit == 10 && lastUnit == Int.max) else { return nil }
        total += (pending ?? 1) * unit
        pending = nil
        lastUnit = unit
      } else {
        return nil
      }
    }
    if let pending {
      guard lastUnit == Int.max || lastUnit == 10 else { return nil }
      return total + pending
    }
    return total
  }

  private static func plainDigit(_ scalar: Unicode.Scalar) -> Int? {
    switch scalar {
    case "一": 1
    case "二": 2
    case "三": 3
    case "四": 4
    case "五": 5
    case "六": 6
    case "七": 7
    case "八": 8
    case "九": 9
    default: nil
    }
  }

  private static func plainUnit(_ scalar: Unicode.Scalar) -> Int? {
    switch scalar {
    case "十": 10
    case "百": 100
    case "千": 1000
    default: nil
    }
  }

  /// A plain positional reading of a section below 万 (the fallback when ICU declines).
  static func positionalValue(_ section: ArraySlice<Unicode.Scalar>) -> Int? {
    var total = 0
    var pending: Int?
    var lastUnit = Int.max
    for scalar in section {
      if let value = digit(scalar) {
        if value == 0 {
          pending = nil
          continue
        }
        guard pending == nil else { return nil }
        pending = value
      } else if let unit = smallUnit(scalar) {
        guard unit < lastUnit else { return nil }
        total += (pending ?? 1) * unit
        pending = nil
        lastUnit = unit
      } else {
        return nil
      }
    }
    return total + (pending ?? 0)
  }
}
