import FoundationEssentials
import PropertyBased
import Testing

@testable import Jixiao

/// How an operator may be written around a number: before it, after it, or both.
private struct OperatorSpelling: Sendable {
  var op: Comparison?
  var before: String
  var after: String
  var isLaTeX = false
}

private let operatorSpellings: [OperatorSpelling] = [
  OperatorSpelling(op: nil, before: "", after: ""),
  OperatorSpelling(op: .atLeast, before: "≥", after: ""),
  OperatorSpelling(op: .atLeast, before: ">=", after: ""),
  OperatorSpelling(op: .atLeast, before: "≧", after: ""),
  OperatorSpelling(op: .atLeast, before: "⩾", after: ""),
  OperatorSpelling(op: .atLeast, before: "不低于", after: ""),
  OperatorSpelling(op: .atLeast, before: "不少于", after: ""),
  OperatorSpelling(op: .atLeast, before: "大于等于", after: ""),
  OperatorSpelling(op: .atLeast, before: "至少", after: ""),
  OperatorSpelling(op: .atLeast, before: "达到", after: ""),
  OperatorSpelling(op: .atLeast, before: "", after: "以上"),
  OperatorSpelling(op: .atLeast, before: "", after: "及以上"),
  OperatorSpelling(op: .atLeast, before: "", after: "（含）以上"),
  OperatorSpelling(op: .atLeast, before: "$\\geq ", after: "$", isLaTeX: true),
  OperatorSpelling(op: .atLeast, before: "$\\ge ", after: "$", isLaTeX: true),
  OperatorSpelling(op: .greater, before: ">", after: ""),
  OperatorSpelling(op: .greater, before: "＞", after: ""),
  OperatorSpelling(op: .greater, before: "大于", after: ""),
  OperatorSpelling(op: .greater, before: "超过", after: ""),
  OperatorSpelling(op: .greater, before: "高于", after: ""),
  OperatorSpelling(op: .equal, before: "=", after: ""),
  OperatorSpelling(op: .equal, before: "＝", after: ""),
  OperatorSpelling(op: .equal, before: "等于", after: ""),
  OperatorSpelling(op: .less, before: "<", after: ""),
  OperatorSpelling(op: .less, before: "＜", after: ""),
  OperatorSpelling(op: .less, before: "小于", after: ""),
  OperatorSpelling(op: .less, before: "低于", after: ""),
  OperatorSpelling(op: .atMost, before: "≤", after: ""),
  OperatorSpelling(op: .atMost, before: "<=", after: ""),
  OperatorSpelling(op: .atMost, before: "≦", after: ""),
  OperatorSpelling(op: .atMost, before: "不超过", after: ""),
  OperatorSpelling(op: .atMost, before: "不高于", after: ""),
  OperatorSpelling(op: .atMost, before: "", after: "以下"),
  OperatorSpelling(op: .atMost, before: "", after: "以内"),
  OperatorSpelling(op: .atMost, before: "", after: "(含)以下"),
  OperatorSpelling(op: .atMost, before: "控制在", after: "以内"),
  OperatorSpelling(op: .atMost, before: "$\\leq ", after: "$", isLaTeX: true),
  OperatorSpelling(op: .atMost, before: "$\\le ", after: "$", isLaTeX: true),
]

/// (canonical unit, spelling)
private let unitSpellings: [(String?, String)] = [
  (nil, ""), ("%", "%"), ("%", "％"), ("%", "(%)"), ("%", "（百分比）"), ("%", "百分比"), ("‰", "‰"),
  ("人", "人"), ("人", "(人)"), ("人", "（人）"), ("人次", "人次"), ("人次", "(人次)"), ("个", "个"),
  ("个", "(个)"), ("元", "元"), ("万元", "万元"), ("万元", "(万元)"), ("亿元", "亿元"), ("平方米", "㎡"),
  ("平方米", "平方米"), ("平方米", "m²"), ("公里", "km"), ("天", "(天)"), ("次", "次"), ("分", "(分)"),
]

private let labels = ["", "满意度", "完成率", "数量"]

private let fullWidthDigits: [Character: Character] = [
  "0": "０", "1": "１", "2": "２", "3": "３", "4": "４", "5": "５", "6": "６", "7": "７", "8": "８", "9": "９",
  ".": "．", ",": "，",
]

/// Writes a positive integer below 10⁸ the standard way (一千零五, 十五, 一万零一十).
func chineseNumeral(_ number: Int) -> String {
  let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
  func section(_ value: Int, leading: Bool) -> String {
    var out = ""
    var pendingZero = false
    var started = false
    for (unit, name) in [(1000, "千"), (100, "百"), (10, "十"), (1, "")] {
      let digit = value / unit % 10
      if digit == 0 {
        if started { pendingZero = true }
        continue
      }
      if pendingZero || (!started && !leading && unit < 1000) { out += "零" }
      pendingZero = false
      out += (unit == 10 && digit == 1 && !started && leading) ? name : digits[digit] + name
      started = true
    }
    return out
  }
  if number == 0 { return "零" }
  let high = number / 10_000
  let low = number % 10_000
  var out = high > 0 ? section(high, leading: true) + "万" : ""
  if low > 0 { out += section(low, leading: high == 0) }
  return out
}

/// The integer part written with thousands separators (1,234,567).
private func grouped(_ digits: String) -> String {
  var out = ""
  for (index, character) in digits.enumerated() {
    if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
    out.append(character)
  }
  return out
}

@Suite("Target grammar properties")
struct TargetGrammarPropertyTests {
  /// Any decimal, written in any supported way with any operator and unit spelling, reads back
  /// to the same operator, value and unit.
  @Test func anySpellingReadsBack() async {
    await propertyCheck(
      count: 2000,
      input: Gen.int(in: 0...9_999_999),
      Gen.int(in: 0...4),
      Gen.int(in: 0...4),
      Gen.int(in: 0...(operatorSpellings.count - 1)),
      Gen.int(in: 0...(unitSpellings.count - 1)),
      Gen.int(in: 0...(labels.count - 1)),
      Gen.bool
    ) { integerPart, fractionDigits, style, operatorIndex, unitIndex, labelIndex, spaced in
      let fractionSource = String(integerPart * 7919 % 10_000)
      let fraction = String(
        (String(repeating: "0", count: max(0, 4 - fractionSource.count)) + fractionSource).prefix(fractionDigits)
      )
      let plain = fraction.isEmpty ? String(integerPart) : "\(integerPart).\(fraction)"
      var written: String
      switch style {
      case 0: written = plain
      case 1: written = grouped(String(integerPart)) + (fraction.isEmpty ? "" : "." + fraction)
      case 2: written = String(plain.map { fullWidthDigits[$0] ?? $0 })
      case 3:
        written = String(
          (grouped(String(integerPart)) + (fraction.isEmpty ? "" : "." + fraction)).map { fullWidthDigits[$0] ?? $0 }
        )
      default:
        // Chinese numerals; a trailing 万 is a unit prefix by convention (350万 is 350 万元),
        // so whole multiples of 万 are written in digits.
        if integerPart % 10_000 == 0 {
          written = plain
        } else {
          let digitNames = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
          written =
            chineseNumeral(integerPart)
            + (fraction.isEmpty ? "" : "点" + fraction.map { digitNames[Int(String($0)) ?? 0] }.joined())
        }
      }
      let spelling = operatorSpellings[operatorIndex]
      let (unit, unitText) = unitSpellings[unitIndex]
      let isChinese = written.unicodeScalars.contains { $0.properties.isIdeographic }
      // A bare numeral after a word is part of the word (唯一, 统一); labels go with units.
      let label = isChinese && unit == nil ? "" : labels[labelIndex]
      var text: String
      if spelling.isLaTeX {
        let latexUnit = unit == "%" ? "\\%" : unitText
        text = label + spelling.before + written + latexUnit + spelling.after
      } else {
        text = label + spelling.before + (spaced ? " " : "") + written + unitText + spelling.after
      }
      if spelling.before.isEmpty && spelling.after.isEmpty && spaced { text = " " + text + " " }
      let target = TargetGrammar.read(text)
      let expectedValue = Decimal(string: plain)
      #expect(target.kind == .quantitative, "\(text)")
      #expect(target.op == spelling.op, "\(text)")
      #expect(target.value == expectedValue, "\(text)")
      #expect(target.unit == unit, "\(text)")
      if let unit, let money = MoneyUnit(rawValue: unit), let expectedValue {
        #expect(target.yuan == expectedValue * money.multiplier, "\(text)")
      } else {
        #expect(target.yuan == nil, "\(text)")
      }
      #expect(target.flags.isEmpty, "\(text)")
    }
  }

  /// The operator column fills an operator the text leaves out, and agrees or conflicts.
  @Test func operatorColumnFillsOrConflicts() async {
    let columns: [(String, Comparison)] = [
      ("≥", .atLeast), ("＞", .greater), ("＝", .equal), ("=", .equal), ("<", .less), ("≤", .atMost),
      ("≧", .atLeast), ("═", .equal),
    ]
    await propertyCheck(
      input: Gen.int(in: 0...100_000),
      Gen.int(in: 0...(columns.count - 1)),
      Gen.int(in: 0...(operatorSpellings.count - 1))
    ) { number, columnIndex, spellingIndex in
      let (column, columnOp) = columns[columnIndex]
      let spelling = operatorSpellings[spellingIndex]
      guard !spelling.isLaTeX else { return }
      let text = spelling.before + String(number) + spelling.after
      let target = TargetGrammar.read(text, context: TargetContext(unitColumn: "个", operatorColumn: column))
      #expect(target.value == Decimal(number))
      #expect(target.unit == "个")
      if let textOp = spelling.op {
        #expect(target.op == textOp)
        #expect(target.flags.contains(.operatorConflict) == (textOp != columnOp), "\(text) with \(column)")
      } else {
        #expect(target.op == columnOp)
        #expect(target.flags.contains(.operatorFromColumn))
      }
    }
  }

  /// Every section below 万 reads as ICU's spellout parser reads it, and composed numerals
  /// above it read to the number they were written from.
  @Test func chineseNumeralsReadBack() async {
    await propertyCheck(count: 1000, input: Gen.int(in: 1...99_999_999)) { number in
      let written = chineseNumeral(number)
      let scalars = Array(written.unicodeScalars)
      #expect(ChineseNumeral.integerValue(scalars[...]) == number, "\(written)")
      if number < 10_000, let icu = ICU.spelledOutNumber(written) {
        #expect(icu == String(number), "\(written)")
      }
    }
  }
}

/// Pieces of target text, valid and broken, for the no-trap property.
private let fragments: [String] = [
  "≥", ">", "=", "<", "≤", "＞", "$\\geq", "\\%", "$", "大于", "不低于", "以上", "以内", "控制在", "前", "第", "名", "0", "1",
  "9", "12", "2024", "44,561", "１２，０００", ".", ",", "-", "~", "至", "、", "，", "和", "(", ")", "（", "）", "%", "％", "百分之",
  "成", "万", "亿", "千", "元", "万元", "人", "人次", "/", "·", "年", "月", "日", "季度", "上半年", "上下半年", "底", "中旬", "前",
  "后", "次年", "一", "二", "十", "百", "零", "〇", "两", "三万五", "**", "*", "良好", "提高", "合格", "M", "km", "Q", "m²",
  "㎡", " ", "\n", "余", "约", "左右", "点", "五", "🙂", "\u{0301}",
  // Letters that may be read as digits, alternatives, eight-digit days.
  "O", "o", "l", "I", "OK", "或", "不高于", "20241231", "20241331",
]

@Test func neverTrapsOnFragments() async {
  await propertyCheck(
    count: 3000,
    input: Gen.int(in: 0...(fragments.count - 1)).array(of: 0...10),
    Gen.int(in: 0...3)
  ) { indexes, columns in
    let text = indexes.map { fragments[$0] }.joined()
    let context = TargetContext(
      unitColumn: columns & 1 == 1 ? "万" : nil,
      operatorColumn: columns & 2 == 2 ? "≥" : nil,
      budgetYear: 2024,
      indicatorName: columns == 3 ? "完成时间" : columns == 0 ? "培训人次" : nil
    )
    let target = TargetGrammar.read(text, context: context)
    #expect(target.raw == text)
    if let date = target.date { #expect(date.start <= date.end, "\(text)") }
  }
}
