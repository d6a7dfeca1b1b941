import FoundationEssentials
import Testing

@testable import Jixiao

/// The assembly stage's second round of fast paths, held to the code they replaced (copied
/// below): `CellText.clean` returning a text without `(`, `<` or `&` after one walk over its
/// bytes; `IndicatorBuilder.weight` assembling the number from its digits instead of
/// `Decimal(string:)` (compared down to the bytes of the `Decimal`, not only its value).
/// Inputs are every line and piece of every corpus document, and made-up texts.
@Suite struct AssemblyCopyFastPathTests {
  static let cleanPieces = [
    "区", "(qū)", "(", ")", "（", "<p>", "</p>", "&amp;", "&", "<", "完成", " ", "\n", "(de)", "(万元)", "a", "12345678",
  ]

  static let numbers: [String] = {
    var texts: [String] = ["350万元", "350(万元)", "-12.5万", "0.5亿元", "１２，０００元", "3千元", "450,000.00", "三百五十万元", "350万元整"]
    for value in 0...1_200 {
      texts += ["\(value)", "\(value)分", "\(value).", "0\(value)", "\(value).0", "\(value).5", "\(value).25", "\(value).050"]
      texts += ["\(value / 100).\(value % 100)", "0.\(value)", "0.00\(value)", "\(value)00", "\(value) 分", "\(value)..5"]
    }
    for length in 15...22 {
      texts += [String(repeating: "9", count: length), String(repeating: "1", count: length) + ".5",
        "1" + String(repeating: "0", count: length), "0." + String(repeating: "0", count: length) + "1",
        String(repeating: "0", count: length) + "7"]
    }
    return texts + ["", ".", ".5", "5..", "1.2.3", "２０分", "20％", "-5", "+5", "1e3", "二十分", "分", "20分分", "1,000",
      "5\u{0600}分", "\u{0600}分", "5\u{0301}分", "5\u{200D}分", "12\u{110BD}分", "5\u{0600}", "20 分", "20.分", "20分 "]
  }()

  static let labelPieces = ["总", "绩", "项", "资", "市", ":", "：", " ", "　", "\u{FF1B}", "\u{FF3A}", "\u{9A}", "已实施情况", "\u{0301}", "a", "\n", "总体目标"]

  static func checkLabels(_ text: String) {
    // `InlineFields.split` reads pairs at `:` and `：`; without one, only a money label right
    // before its amount (`资金总额350`).
    let colon = text.unicodeScalars.contains { $0 == ":" || $0 == "：" }
    #expect(InlineFields.hasColon(text) == colon, "\(text)")
    if !colon { #expect(InlineFields.split(text)?.pieces.allSatisfy { InlineFields.isMoney($0.role) } ?? true, "\(text)") }
    // The segmenter's look at the first label: where `split` reads one at the start, closed by
    // the first colon, it is the same label.
    if let first = InlineFields.split(text)?.pieces.first {
      let scalars = Array(text.unicodeScalars)
      let end = first.labelOffset + first.label.unicodeScalars.count
      let isColon = { (scalar: Unicode.Scalar) in scalar == ":" || scalar == "：" }
      if end < scalars.count, isColon(scalars[end]), !scalars[..<end].contains(where: isColon) {
        #expect(InlineFields.leadingLabelRole(text) == first.role, "\(text)")
      }
    }
    for isTraditional in [false, true] {
      let cell = Cell(text: text, span: SourceSpan(line: 1, column: 1, offset: 0), column: 0, start: 0, isTraditional: isTraditional)
      let other = Cell(text: "项目名称", span: SourceSpan(line: 1, column: 9, offset: 9), column: 1, start: 9)
      #expect(FormTableReader.isEmptyLabel(cell) == Reference.isEmptyLabel(cell), "\(text)")
      for row in [Row(cells: [cell, other], lineIndex: 0), Row(cells: [other, cell], lineIndex: 0)] {
        #expect(FormTableReader.isLabelFragment(cell, in: row) == Reference.isLabelFragment(cell, in: row), "\(text)")
      }
    }
  }

  static func check(_ text: String) {
    checkLabels(text)
    #expect(CellText.clean(text) == Reference.clean(text), "\(text)")
    let weight = IndicatorBuilder.weight(text)
    let expected = Reference.weight(text)
    #expect(weight == expected, "\(text)")
    #expect(weight.map(bytes) == expected.map(bytes), "\(text)")
    #expect(weight.map(\.description) == expected.map(\.description), "\(text)")
    if let parsed = AmountReader.read(text, defaultUnit: .wanYuan) { checkYuan(parsed.value, text) }
    // The form reader's reading (元 for a missing unit) stands for the assembler's.
    let read = AmountReader.read(text, defaultUnit: .yuan)
    for unit in MoneyUnit.allCases {
      let reread = AmountReader.read(text, defaultUnit: unit)
      let reused = read.map { EntityAssembler.amount($0, defaultUnit: unit) }
      #expect(reused == reread, "\(text) \(unit)")
      #expect(reused.map { bytes($0.value) } == reread.map { bytes($0.value) }, "\(text) \(unit)")
    }
    #expect(CellText.mayNeedCleaning(text) == text.utf8.contains { $0 == 0x28 || $0 == 0x3C || $0 == 0x26 }, "\(text)")
    if !CellText.mayNeedCleaning(text) { #expect(Reference.clean(text) == text, "\(text)") }
  }

  /// `MoneyUnit.yuan(of:)` against the product it replaced, in every unit.
  static func checkYuan(_ value: Decimal, _ text: String) {
    for unit in MoneyUnit.allCases {
      let expected = value * unit.multiplier
      let yuan = unit.yuan(of: value)
      #expect(yuan == expected || (yuan.isNaN && expected.isNaN), "\(text) \(unit)")
      #expect(yuan.description == expected.description, "\(text) \(unit)")
      #expect(bytes(yuan) == bytes(expected), "\(text) \(unit)")
    }
  }

  @Test func amountsInYuanAsBefore() {
    for text in Self.numbers {
      for sign in ["", "-"] {
        if let value = Decimal(string: sign + text) { Self.checkYuan(value, sign + text) }
      }
    }
    var values: [Decimal] = [0, -0, 1, -1, .nan, Decimal.greatestFiniteMagnitude, Decimal.leastNonzeroMagnitude, 10, 100, 0.5]
    for exponent in stride(from: -130, through: 130, by: 1) {
      values += [Decimal(sign: .plus, exponent: exponent, significand: 7), Decimal(sign: .minus, exponent: exponent, significand: 1234)]
    }
    for value in values { Self.checkYuan(value, "\(value)") }
  }

  static func bytes(_ value: Decimal) -> [UInt8] {
    withUnsafeBytes(of: value) { Array($0) }
  }

  @Test func madeUpTextsReadAsBefore() {
    for text in Self.numbers { Self.check(text) }
    let changed = Arrangements.expectSameReading(Self.cleanPieces, upTo: 3, CellText.clean, as: Reference.clean)
    #expect(changed > 1_000)
    for text in Arrangements.of(Self.labelPieces, upTo: 3) { Self.checkLabels(text) }
    let labels = Arrangements.of(Self.labelPieces, upTo: 3).map {
      Cell(text: $0, span: SourceSpan(line: 1, column: 1, offset: 0), column: 0, start: 0)
    }
    #expect(labels.count(where: Reference.isEmptyLabel) > 100)
    #expect(labels.count(where: { Reference.isLabelFragment($0, in: Row(cells: [$0], lineIndex: 0)) }) >= 4)
  }

  @Test(arguments: CorpusTests.documents)
  func corpusPiecesReadAsBefore(_ relativePath: String) throws {
    for piece in try AssemblyFastPathTests.pieces(of: relativePath) { Self.check(piece) }
  }

  /// The code as it was.
  enum Reference {
    static func clean(_ text: String) -> String {
      let text = Pinyin.strip(text)
      guard text.withUTF8Bytes({ $0.contains { $0 == 0x3C || $0 == 0x26 } }) else { return text }
      let output = String(decoding: text.withUTF8Bytes(removingMarkup), as: UTF8.self)
      let lines = output.lineSlices(omittingEmpty: false)
        .map { $0.trimmingBlanks() }
      var result: [Substring] = []
      for line in lines where !(line.isEmpty && (result.last?.isEmpty ?? true)) { result.append(line) }
      while result.last?.isEmpty == true { result.removeLast() }
      return result.joined(separator: "\n")
    }

    private static func removingMarkup(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
      var output: [UInt8] = []
      output.reserveCapacity(bytes.count)
      var index = 0
      while index < bytes.count {
        let byte = bytes[index]
        if byte == 0x3C, opensTag(bytes, index), let close = bytes.firstIndex(ofByte: 0x3E, from: index + 1) {
          let tag = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<close]), as: UTF8.self).lowercased()
          let name = tag.split(whereSeparator: { $0 == " " || $0 == "/" }).first.map(String.init) ?? ""
          if ["p", "br", "div", "li", "tr"].contains(name) || tag.hasPrefixBytes("/p") || tag.hasPrefixBytes("/div") {
            if let last = output.last, last != 0x0A { output.append(0x0A) }
          } else if name == "input" && tag.containsBytes("checkbox") {
            output.append(contentsOf: (tag.containsBytes("checked") ? "☑" : "☐").utf8)
          }
          index = close + 1
          continue
        }
        if byte == 0x26, let semicolon = entityEnd(bytes, after: index),
          let decoded = CellText.decodeEntity(String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<semicolon]), as: UTF8.self))
        {
          output.append(contentsOf: decoded.utf8)
          index = semicolon + 1
          continue
        }
        output.append(byte)
        index += 1
      }
      return output
    }

    /// `<` then a letter, `/` and a letter, or `!`; a comparison otherwise (as it became).
    private static func opensTag(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
      let next = index + 1 < bytes.count ? bytes[index + 1] : 0
      let after = index + 2 < bytes.count ? bytes[index + 2] : 0
      func isLetter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
      return next == 0x21 || isLetter(next) || next == 0x2F && isLetter(after)
    }

    private static func entityEnd(_ bytes: UnsafeBufferPointer<UInt8>, after ampersand: Int) -> Int? {
      var scalars = 0
      var index = ampersand + 1
      while index < bytes.count {
        let byte = bytes[index]
        if byte & 0xC0 != 0x80 {
          scalars += 1
          if scalars > 9 { return nil }
          if byte == 0x3B { return index }
        }
        index += 1
      }
      return nil
    }

    static func isLabelFragment(_ cell: Cell, in row: Row) -> Bool {
      let key = cell.key
      switch key.unicodeScalars.first {
      case "总"?, "绩"?, "项"?, "资"?: break
      default: return false
      }
      guard key.count == 1, cell == row.nonEmpty.first, let character = key.first,
        character.unicodeScalars.first?.properties.isIdeographic == true
      else { return false }
      return ["总体目标", "绩效指标", "绩效目标", "项目绩效目标", "资金情况"].contains { $0.first == character }
    }

    static func isEmptyLabel(_ cell: Cell) -> Bool {
      let text = cell.text.trimmingBlanks()
      return (text.hasSuffixBytes(":") || text.hasSuffixBytes("：")) && text.unicodeScalars.count <= 12
    }

    static func weight(_ text: String) -> Decimal? {
      var key = TextKey.make(text)
      if key.count > 1 && key.hasSuffixBytes("%") { key.removeLast() } else if key.hasSuffixBytes("分") { key.removeLast() }
      let isPlainNumber = key.withUTF8Bytes { bytes in
        !bytes.isEmpty && bytes[0] != 0x2E && bytes.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2E }
          && bytes.count(where: { $0 == 0x2E }) <= 1
      }
      guard isPlainNumber else { return nil }
      return Decimal(string: key)
    }
  }
}
