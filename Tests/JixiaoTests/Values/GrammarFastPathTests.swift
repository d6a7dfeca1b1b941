import FoundationEssentials
import Testing

@testable import Jixiao

/// The value grammar's fast paths held to what they replaced:
/// - `ChineseNumeral.reading` keeps a run's whole number, where the tokenizer printed its
///   `Decimal` to read it back (`ExactDecimal.integer`);
/// - `CivilDate.iso` writes ten bytes, where it padded printed parts (`paddedISO`);
/// - `UnitTable.read` keeps a text that drops nothing, where it rebuilt it (`OldUnitTable`);
/// - `ValueTokenizer.number` gathers a number's digits on the stack, where it grew an array;
/// - `TargetParser.valueTokens` shares a whole cell's tokens when there is nothing to drop;
/// - `TargetParser.isIdeographic`/`isAlphabetic` skip the property table for CJK and ASCII;
/// - `TargetReading` parses with `ColumnReading.withoutContext`, where it read an empty context;
/// - `NumberLiteral.yearMonth` reads the digits the tokenizer kept, where it printed `value * 100`.
@Suite struct GrammarFastPathTests {
  /// Every number the tokenizer reads gives the year and month it gave when `value * 100` was
  /// printed and read back: generated numbers around the year.month shape (four digits and two
  /// decimals, months 00…19, leading zeros, separators, other widths), every corpus cell, and
  /// every target case.
  @Test func yearMonthFromTheDigits() {
    var texts = RowReadingFastPathTests.texts
    var generator = SeededGenerator(seed: 2023)
    let years = ["1899", "1900", "2023", "2100", "2101", "0202", "9999", "0000", "1,900", "202", "20230"]
    for year in years {
      for month in ["00", "01", "07", "09", "10", "12", "13", "19", "1", "071", "99"] {
        texts += [year + "." + month, year + "." + month + "-2024.01", "≥" + year + "." + month + "前", "(" + year + "." + month]
      }
    }
    for _ in 0..<5_000 {
      let digits = (0..<Int.random(in: 1...8, using: &generator)).map { _ in String(Int.random(in: 0...9, using: &generator)) }
      let point = Int.random(in: 0...digits.count, using: &generator)
      texts.append(digits[..<point].joined() + "." + digits[point...].joined())
    }
    var yearMonths = 0
    var shortMonths = 0
    for text in texts {
      for token in ValueTokenizer.tokenize(NormalizedText(text).scalars) {
        guard let number = token.number else { continue }
        // As it was.
        var old: (year: Int, month: Int)?
        if !number.isChinese, number.integerDigits == 4, number.fractionDigits == 2, !number.hasThousandsSeparator,
          let scaled = ExactDecimal.integer(number.value * 100), (1900...2100).contains(scaled / 100),
          (1...12).contains(scaled % 100)
        {
          old = (scaled / 100, scaled % 100)
        }
        #expect(number.yearMonth()?.year == old?.year && number.yearMonth()?.month == old?.month, "'\(text)'")
        if old != nil { yearMonths += 1 }
        // A month in one digit, where a column of dates allows it: `2024.6` is June.
        var short: (year: Int, month: Int)?
        if !number.isChinese, number.integerDigits == 4, number.fractionDigits == 1, !number.hasThousandsSeparator,
          let scaled = ExactDecimal.integer(number.value * 10), (1900...2100).contains(scaled / 10), scaled % 10 >= 1
        {
          short = (scaled / 10, scaled % 10)
        }
        let read = number.yearMonth(oneDigitMonth: true)
        #expect(read?.year == (old ?? short)?.year && read?.month == (old ?? short)?.month, "'\(text)'")
        if short != nil { shortMonths += 1 }
      }
    }
    #expect(yearMonths > 100)
    #expect(shortMonths >= 20)
  }

  /// Chinese numeral runs: digits, units, 点, years digit by digit, and beyond 12 digits.
  static let numeralRuns: [String] = {
    var runs = ["一", "十", "十一", "二十五", "一百", "三百五十", "九十五", "一千零一", "两万", "三万五千", "十万",
      "一亿", "五亿", "九千九百九十九亿", "九千亿", "一万亿", "十万亿", "九十九万亿", "二〇二四", "二零二三",
      "一二三四五六七八九〇一二", "一二三四五六七八九〇一二三", "九九九九九九九九九九九九", "三点五", "点五", "零点零",
      "十点", "一百点二五", "百", "十一五", "万", "〇", "零", "两", "千", "一千万亿", "九千九百九十九万亿"]
    let digits = Array("〇一二三四五六七八九")
    for width in 1...14 {
      runs.append(String((0..<width).map { digits[($0 * 7 + width) % 10] }))
      runs.append(String(repeating: "九", count: width))
    }
    return runs
  }()

  @Test func numeralIntegerReadsAsPrinted() {
    var runs = Self.numeralRuns
    // Every run of numerals in every corpus cell and target case.
    for text in RowReadingFastPathTests.texts {
      var run = ""
      for scalar in text.unicodeScalars {
        if ChineseNumeral.isNumeral(scalar) || scalar == "点" {
          run.unicodeScalars.append(scalar)
        } else if !run.isEmpty {
          runs.append(run)
          run = ""
        }
      }
      if !run.isEmpty { runs.append(run) }
    }
    var integers = 0
    for run in runs {
      let scalars = Array(run.unicodeScalars)[...]
      let reading = ChineseNumeral.reading(of: scalars)
      let value = ChineseNumeral.value(of: scalars)
      #expect(reading?.value == value?.0 && reading?.fractionDigits == value?.fractionDigits, "'\(run)'")
      guard let reading else { continue }
      let expected = reading.fractionDigits == 0 ? ExactDecimal.integer(reading.value) : nil
      #expect(reading.integer == expected, "'\(run)'")
      if reading.integer != nil { integers += 1 }
    }
    #expect(integers > 100 && runs.count > 1000)
  }

  @Test func isoWritesAsPadded() {
    for year in [0, 1, 9, 10, 99, 100, 999, 1000, 1899, 1900, 1999, 2024, 2100, 9999, 10000, 12345, -1, -2024] {
      for month in [-1, 0, 1, 9, 10, 12, 13, 99, 100] {
        for day in [-5, 0, 1, 9, 10, 28, 31, 99, 100, 123] {
          let date = CivilDate(year: year, month: month, day: day)
          #expect(date.iso == date.paddedISO, "\(year)-\(month)-\(day)")
        }
      }
    }
    for serial in stride(from: 61, to: 80_000, by: 37) {
      guard let date = CivilDate.excelSerial(serial) else { continue }
      #expect(date.iso == date.paddedISO && date.iso.utf8.count == 10, "\(serial)")
    }
  }

  @Test func unitReadsAsBefore() {
    var texts = Array(UnitTable.spellings.keys) + Array(UnitTable.bareScales.keys)
    for spelling in Array(texts) {
      texts += ["(" + spelling + ")", "（" + spelling + "）", " " + spelling, spelling + " ", "【" + spelling + "】",
        "[" + spelling + "]", "万" + spelling, spelling + "/人", "元/" + spelling + "·月"]
    }
    texts += ["", " ", "()", "( )", "【】", "人/次/天", "元/人·月", "/株", "Mbps", "e\u{0301}", "\u{00E9}"]
    texts += RowReadingFastPathTests.texts
    for text in texts {
      let new = UnitTable.read(text)
      let old = OldUnitTable.read(text)
      #expect(new == old && new?.canonical.equalsBytes(old?.canonical ?? "") != false, "'\(text)'")
    }
  }

  /// A number's value and whole value from its scalars, as the tokenizer made them from an
  /// array of its digits.
  @Test func numberReadsAsFromItsDigitArray() {
    var written: [(String, Int, Int)] = []
    for integer in ["", "0", "5", "12", "450", "1,633", "450,000", "12,000,000", "123456789012", "1234567890123",
      "99999999999999999999", "007", "2023"]
    {
      for fraction in ["", "0", "00", "5", "07", "50", "000001", "12345678901234567890"] {
        guard !(integer.isEmpty && fraction.isEmpty) else { continue }
        let text = fraction.isEmpty ? integer : integer + "." + fraction
        written.append((text, integer.filter(\.isNumber).count, fraction.count))
      }
    }
    // Every ASCII number of every corpus cell and target case.
    for text in RowReadingFastPathTests.texts {
      let scalars = NormalizedText(text).scalars
      for token in ValueTokenizer.tokenize(scalars) {
        guard let number = token.number, !number.isChinese,
          scalars[token.start..<token.end].allSatisfy({ ("0"..."9").contains($0) || $0 == "," || $0 == "." })
        else { continue }
        written.append((String(scalars: scalars[token.start..<token.end]), number.integerDigits, number.fractionDigits))
      }
    }
    for (text, integerDigits, fractionDigits) in written {
      let scalars = Array(text.unicodeScalars)
      let fraction = scalars.split(separator: ".", omittingEmptySubsequences: false).dropFirst().first ?? []
      let allFractionZero = fraction.allSatisfy { $0 == "0" }
      let (value, integer, _) = ValueTokenizer.number(
        scalars[...], integerDigits: integerDigits, fractionDigits: fractionDigits, allFractionZero: allFractionZero)
      // As it was: the digits gathered in an array.
      var digits: [UInt8] = scalars.filter { ("0"..."9").contains($0) }.map { UInt8($0.value) }
      if digits.isEmpty { digits.append(0x30) }
      let oldValue = ExactDecimal.make(digits: digits, fractionDigits: fractionDigits) ?? 0
      var oldInteger: Int?
      if integerDigits <= 12, allFractionZero {
        oldInteger = digits.prefix(integerDigits).reduce(0) { $0 * 10 + Int($1 - 0x30) }
        if integerDigits == 0 { oldInteger = 0 }
      }
      #expect(value == oldValue && value.description == oldValue.description && integer == oldInteger, "'\(text)'")
    }
    #expect(written.count > 1000)
  }

  /// A whole cell's tokens, given to the readers as they are when there is nothing to drop,
  /// are what the copy without ignorable tokens held.
  @Test func wholeCellTokensLessTheIgnorable() {
    var texts = RowReadingFastPathTests.texts
    texts += ["*≥95%", "≥95%*", "★良好", "$合格$", "*", "**", "*100*", "＊达标", "(≥**%)≥90%", "¥350万元"]
    var dropped = 0
    for text in texts {
      let normalized = NormalizedText(text)
      let tokens = ValueTokenizer.tokenize(normalized.scalars)
      let parser = TargetParser(
        raw: text, normalized: normalized, tokens: tokens, context: TargetContext(), unitColumn: nil,
        expectsDate: false, span: nil)
      var flags: [Target.Flag] = []
      let given = parser.valueTokens(of: tokens[...], flags: &flags)
      guard !tokens.contains(where: { if case .placeholder = $0.kind { true } else { false } }) else { continue }
      let old = tokens.filter { $0.lexeme != .ignorable }
      if old.count < tokens.count { dropped += 1 }
      #expect(given.map { [$0.start, $0.end] } == old.map { [$0.start, $0.end] } && flags.isEmpty, "'\(text)'")
    }
    #expect(dropped > 5)
  }

  /// The letter tests without the property table answer as the table does, for every scalar
  /// of the Basic Multilingual Plane.
  @Test func letterTestsAnswerAsTheTable() {
    for value in UInt32(0)...0xFFFF {
      guard let scalar = Unicode.Scalar(value) else { continue }
      #expect(TargetParser.isIdeographic(scalar) == scalar.properties.isIdeographic, "\(value)")
      #expect(TargetParser.isAlphabetic(scalar) == scalar.properties.isAlphabetic, "\(value)")
    }
  }

  /// An operator column that begins with a comparison reads as the tokenizer's first token.
  @Test func leadingComparisonIsTheFirstToken() {
    var texts = RowReadingFastPathTests.texts + ["≥", "≤", "＝", "=", ">=", "<", "大于等于", "不低于", "≥95%", "1≥", "一≥",
      "A≥", "*≥", "**≥", ".≥", " ≥", "\\geq", "\\leq 5", "以上", "≧", "⩾", "定性", "定量", "不少于"]
    for entries in ValueLexicon.index.values {
      for entry in entries { texts.append(String(String.UnicodeScalarView(entry.key))) }
    }
    var found = 0
    for text in texts {
      let scalars = ColumnReading.compact(text)
      guard let comparison = ColumnReading.leadingComparison(scalars) else { continue }
      found += 1
      let first = ValueTokenizer.tokenize(scalars).first
      guard case .comparison(let expected, _)? = first?.lexeme else {
        Issue.record("'\(text)' begins with no comparison token")
        continue
      }
      #expect(comparison == expected, "'\(text)'")
    }
    #expect(found > 50)
  }

  /// Flags deduplicated only when one repeats: the same list either way.
  @Test func flagsKeptUnlessOneRepeats() {
    let flags: [Target.Flag] = [.unitUnknown, .operatorConflict, .unitConflict, .yearAssumed, .unitFromColumn]
    var lists: [[Target.Flag]] = [[]]
    for _ in 0..<4 { lists += lists.flatMap { list in flags.map { list + [$0] } } }
    for list in Set(lists.map { $0.map(\.rawValue) }).map({ $0.compactMap(Target.Flag.init(rawValue:)) }) {
      var unique: [Target.Flag] = []
      for flag in list where !unique.contains(flag) { unique.append(flag) }
      #expect(TargetGrammar.hasDuplicate(list) == (unique != list), "\(list)")
    }
  }

  /// A reading without context parses with no columns, as an empty context's columns read.
  @Test func emptyContextReadsNoColumns() {
    var values = 0
    for text in RowReadingFastPathTests.texts {
      let columns = ColumnReading(TargetContext(), value: NormalizedText(text))
      let none = ColumnReading.withoutContext
      #expect(columns.unit == none.unit && columns.op == none.op && columns.expectsDate == none.expectsDate, "'\(text)'")
      if columns.unit == nil { values += 1 }
    }
    #expect(values > 1000)
  }
}


/// `UnitTable.read` as it was, rebuilding the spelling of every text.
private enum OldUnitTable {
  static func read(_ text: String) -> UnitReading? {
    let trimmed = text.unicodeScalars.lazy.filter { !isDropped($0) }
    guard !trimmed.isEmpty else { return nil }
    let spelling = String(scalars: trimmed)
    if let canonical = UnitTable.canonical(spelling) { return UnitReading(canonical: canonical, isKnown: true) }
    if let money = UnitTable.bareScale(spelling) { return UnitReading(canonical: money, isKnown: true) }
    if let scaled = readScaled(spelling) { return scaled }
    if spelling.unicodeScalars.contains(where: { $0 == "/" || $0 == "·" }) {
      // The rate reader is unchanged; it sees the same spelling.
      return UnitTable.read(spelling)
    }
    return UnitReading(canonical: spelling, isKnown: false)
  }

  private static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
    Blank.isWhitespace(scalar) || scalar == "(" || scalar == ")" || scalar == "[" || scalar == "]" || scalar == "【"
      || scalar == "】"
  }

  private static func readScaled(_ spelling: String) -> UnitReading? {
    guard let first = spelling.unicodeScalars.first, first == "万" || first == "萬" || first == "亿" || first == "億"
    else { return nil }
    let rest = String(scalars: spelling.unicodeScalars.dropFirst())
    guard !rest.isEmpty, let base = UnitTable.canonical(rest) else { return nil }
    let scale = (first == "万" || first == "萬") ? "万" : "亿"
    return UnitReading(canonical: scale + base, isKnown: true)
  }
}
