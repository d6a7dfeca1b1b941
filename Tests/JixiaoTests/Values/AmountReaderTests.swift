import FoundationEssentials
import PropertyBased
import Testing

@testable import Jixiao

@Suite("Amount reader")
struct AmountReaderTests {
  struct AmountCase: Sendable, CustomTestStringConvertible {
    var text: String
    var defaultUnit: MoneyUnit?
    var value: String
    var unit: MoneyUnit
    var yuan: String
    var decimals: Int
    var unitWritten: Bool
    var testDescription: String { "'\(text)'" + (defaultUnit.map { " default \($0.rawValue)" } ?? "") }
  }

  // swift-format-ignore
  static let cases: [AmountCase] = [
    AmountCase(text: "237.2544", defaultUnit: .wanYuan, value: "237.2544", unit: .wanYuan, yuan: "2372544", decimals: 4, unitWritten: false),
    AmountCase(text: "237.2544万元", defaultUnit: nil, value: "237.2544", unit: .wanYuan, yuan: "2372544", decimals: 4, unitWritten: true),
    AmountCase(text: "1,633.94", defaultUnit: .wanYuan, value: "1633.94", unit: .wanYuan, yuan: "16339400", decimals: 2, unitWritten: false),
    AmountCase(text: "450,000.00", defaultUnit: .yuan, value: "450000", unit: .yuan, yuan: "450000", decimals: 2, unitWritten: false),
    AmountCase(text: "450,000.00元", defaultUnit: .wanYuan, value: "450000", unit: .yuan, yuan: "450000", decimals: 2, unitWritten: true),
    AmountCase(text: "3,625,000.00", defaultUnit: .yuan, value: "3625000", unit: .yuan, yuan: "3625000", decimals: 2, unitWritten: false),
    AmountCase(text: "350万元", defaultUnit: nil, value: "350", unit: .wanYuan, yuan: "3500000", decimals: 0, unitWritten: true),
    AmountCase(text: "１２，０００元", defaultUnit: nil, value: "12000", unit: .yuan, yuan: "12000", decimals: 0, unitWritten: true),
    AmountCase(text: "0.5亿元", defaultUnit: nil, value: "0.5", unit: .yiYuan, yuan: "50000000", decimals: 1, unitWritten: true),
    AmountCase(text: "250万", defaultUnit: nil, value: "250", unit: .wanYuan, yuan: "2500000", decimals: 0, unitWritten: true),
    AmountCase(text: "10606.7522万元", defaultUnit: nil, value: "10606.7522", unit: .wanYuan, yuan: "106067522", decimals: 4, unitWritten: true),
    AmountCase(text: "6923.3552", defaultUnit: .wanYuan, value: "6923.3552", unit: .wanYuan, yuan: "69233552", decimals: 4, unitWritten: false),
    AmountCase(text: "84.662432", defaultUnit: .wanYuan, value: "84.662432", unit: .wanYuan, yuan: "846624.32", decimals: 6, unitWritten: false),
    AmountCase(text: "387664.62", defaultUnit: .yuan, value: "387664.62", unit: .yuan, yuan: "387664.62", decimals: 2, unitWritten: false),
    AmountCase(text: "7,548,150", defaultUnit: .yuan, value: "7548150", unit: .yuan, yuan: "7548150", decimals: 0, unitWritten: false),
    AmountCase(text: " 50 ", defaultUnit: .wanYuan, value: "50", unit: .wanYuan, yuan: "500000", decimals: 0, unitWritten: false),
    AmountCase(text: "0.00", defaultUnit: .yuan, value: "0", unit: .yuan, yuan: "0", decimals: 2, unitWritten: false),
    AmountCase(text: "三百五十万元", defaultUnit: nil, value: "350", unit: .wanYuan, yuan: "3500000", decimals: 0, unitWritten: true),
    AmountCase(text: "5千元", defaultUnit: nil, value: "5", unit: .qianYuan, yuan: "5000", decimals: 0, unitWritten: true),
    AmountCase(text: "2百万元", defaultUnit: nil, value: "2", unit: .baiWanYuan, yuan: "2000000", decimals: 0, unitWritten: true),
    // The currency sign is the unit: 元 over a column's (or a table's) 万元, 万元 with 万.
    AmountCase(text: "¥1,200.50", defaultUnit: .yuan, value: "1200.5", unit: .yuan, yuan: "1200.5", decimals: 2, unitWritten: true),
    AmountCase(text: "￥500,000.00", defaultUnit: .wanYuan, value: "500000", unit: .yuan, yuan: "500000", decimals: 2, unitWritten: true),
    AmountCase(text: "￥500,000.00", defaultUnit: nil, value: "500000", unit: .yuan, yuan: "500000", decimals: 2, unitWritten: true),
    AmountCase(text: "￥50万", defaultUnit: .yuan, value: "50", unit: .wanYuan, yuan: "500000", decimals: 0, unitWritten: true),
    AmountCase(text: "¥5万元", defaultUnit: nil, value: "5", unit: .wanYuan, yuan: "50000", decimals: 0, unitWritten: true),
    AmountCase(text: "-3.5万元", defaultUnit: nil, value: "-3.5", unit: .wanYuan, yuan: "-35000", decimals: 1, unitWritten: true),
    AmountCase(text: "65(万元)", defaultUnit: nil, value: "65", unit: .wanYuan, yuan: "650000", decimals: 0, unitWritten: true),
    AmountCase(text: "28.8萬元", defaultUnit: nil, value: "28.8", unit: .wanYuan, yuan: "288000", decimals: 1, unitWritten: true),
    // Thousands set apart by a space (a thin or an ideographic one is a space after NFKC).
    AmountCase(text: "1 268.40", defaultUnit: .wanYuan, value: "1268.4", unit: .wanYuan, yuan: "12684000", decimals: 2, unitWritten: false),
    AmountCase(text: "12 345 678.00", defaultUnit: .yuan, value: "12345678", unit: .yuan, yuan: "12345678", decimals: 2, unitWritten: false),
    AmountCase(text: "1 268.40万元", defaultUnit: .yuan, value: "1268.4", unit: .wanYuan, yuan: "12684000", decimals: 2, unitWritten: true),
    AmountCase(text: "1\u{2009}268.40", defaultUnit: .wanYuan, value: "1268.4", unit: .wanYuan, yuan: "12684000", decimals: 2, unitWritten: false),
    AmountCase(text: "１\u{3000}２６８．４０", defaultUnit: .wanYuan, value: "1268.4", unit: .wanYuan, yuan: "12684000", decimals: 2, unitWritten: false),
    // OCR letters among the digits (`lettersForDigitsAreSaid` holds the flag).
    AmountCase(text: "1268.4〇", defaultUnit: .wanYuan, value: "1268.4", unit: .wanYuan, yuan: "12684000", decimals: 2, unitWritten: false),
    AmountCase(text: "1268.4O", defaultUnit: .wanYuan, value: "1268.4", unit: .wanYuan, yuan: "12684000", decimals: 2, unitWritten: false),
    AmountCase(text: "l268.40", defaultUnit: .wanYuan, value: "1268.4", unit: .wanYuan, yuan: "12684000", decimals: 2, unitWritten: false),
  ]

  @Test(arguments: cases)
  func reads(_ expected: AmountCase) throws {
    let amount = try #require(AmountReader.read(expected.text, defaultUnit: expected.defaultUnit))
    #expect(amount.value == exact(expected.value))
    #expect(amount.unit == expected.unit)
    #expect(amount.yuan == exact(expected.yuan))
    #expect(amount.decimals == expected.decimals)
    #expect(amount.unitWritten == expected.unitWritten)
  }

  @Test(arguments: [
    "", "   ", "资金总额：350 财政拨款：350", "350 350", "350人", "约350万元", "350万元整", "abc", "12abc", "50",
    "1,2", "3千", "—", "350%",
  ])
  func rejects(_ text: String) {
    #expect(AmountReader.read(text, defaultUnit: text == "50" ? nil : nil) == nil)
  }

  /// An amount read over a letter or 〇 says so; the raw text is the caller's, as written.
  @Test(arguments: ["1268.4〇", "1268.4O", "1268.4o", "l268.40", "I268.40", "1,268.4O", "1 268.4O"])
  func lettersForDigitsAreSaid(_ text: String) throws {
    let amount = try #require(AmountReader.read(text, defaultUnit: .wanYuan))
    #expect(amount.value == exact("1268.4") && amount.decimals == 2 && amount.readsLetter)
    #expect(amount.figure == "1268.40 万元")
  }

  /// Groups a space apart are one amount only as print sets them: three digits after the
  /// first group, and a decimal part after the last (`350 350` may be two cells).
  @Test func spaceGroupsNeedThreeDigitsAndAPoint() {
    #expect(AmountReader.read("1 268.40", defaultUnit: .wanYuan)?.value == exact("1268.4"))
    #expect(AmountReader.read("1 268.40", defaultUnit: .wanYuan)?.readsLetter == false)
    for text in ["350 350", "1 268", "12 34.50", "1 2 345.00", "1268 400.00", "1 268.40 5", "1  268.40"] {
      #expect(AmountReader.read(text, defaultUnit: .wanYuan) == nil, "\(text)")
    }
  }

  /// 万元 with up to six decimals converts to 元 exactly, however the number is written.
  @Test func wanYuanConvertsExactly() async {
    await propertyCheck(
      count: 500,
      input: Gen.int(in: 0...99_999_999),
      Gen.int(in: 0...999_999),
      Gen.int(in: 0...6),
      Gen.bool
    ) { whole, fractionSource, fractionDigits, fullWidth in
      let padded = String(repeating: "0", count: max(0, 6 - String(fractionSource).count)) + String(fractionSource)
      let fraction = String(padded.prefix(fractionDigits))
      var grouped = ""
      let digits = String(whole)
      for (index, character) in digits.enumerated() {
        if index > 0, (digits.count - index) % 3 == 0 { grouped.append(",") }
        grouped.append(character)
      }
      var text = grouped + (fraction.isEmpty ? "" : "." + fraction) + "万元"
      if fullWidth {
        text = String(
          text.unicodeScalars.map { scalar -> Character in
            if scalar.value >= 0x30 && scalar.value <= 0x39 {
              return Character(Unicode.Scalar(scalar.value + 0xFEE0) ?? scalar)
            }
            return scalar == "," ? "，" : Character(scalar)
          }
        )
      }
      let plain = digits + (fraction.isEmpty ? "" : "." + fraction)
      let amount = AmountReader.read(text, defaultUnit: nil)
      #expect(amount?.value == Decimal(string: plain), "\(text)")
      #expect(amount?.yuan == Decimal(string: plain).map { $0 * 10_000 }, "\(text)")
      #expect(amount?.decimals == fraction.count, "\(text)")
    }
  }
}
