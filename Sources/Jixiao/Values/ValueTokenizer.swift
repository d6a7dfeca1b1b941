import FoundationEssentials

/// Splits a normalised target value into tokens: numbers, lexicon words, placeholders and
/// unknown words.
///
/// It walks Unicode scalars once. At each position it tries, in order: an ASCII number or
/// ISO-style date, a template placeholder, a Chinese numeral (unless a longer lexicon word
/// such as 一致 or 百分之 starts there), a Latin word looked up whole (`km`, `M`, `\geq`),
/// and the longest lexicon entry. Whatever is left joins an unknown word.
struct ValueTokenizer {
  let scalars: [Unicode.Scalar]
  private(set) var tokens: [ValueToken] = []

  init(_ scalars: [Unicode.Scalar]) {
    self.scalars = scalars
    // A token covers at least one scalar, so one allocation holds a short cell's tokens
    // where appends would reallocate the array several times; a long text (a remark) is
    // capped, to keep no large unused buffer with a reading, and grows as before.
    tokens.reserveCapacity(min(scalars.count, 32))
  }

  static func tokenize(_ scalars: [Unicode.Scalar]) -> [ValueToken] {
    var tokenizer = ValueTokenizer(LookalikeDigits.reading(scalars) ?? scalars)
    tokenizer.run()
    SpacedDigits.join(&tokenizer.tokens, in: tokenizer.scalars)
    return tokenizer.tokens
  }

  private mutating func run() {
    var position = 0
    while position < scalars.count {
      let scalar = scalars[position]
      if scalar == " " || scalar == "\t" || scalar == "\r" || scalar == "\u{3000}" {
        position += 1
        continue
      }
      if isDigit(scalar) || (scalar == "." && isDigit(at: position + 1) && !isDigit(at: position - 1)) {
        if let end = scanDateLiteral(from: position) {
          position = end
          continue
        }
        position = scanNumber(from: position)
        continue
      }
      if scalar == "*" || scalar == "＊" {
        var end = position
        while end < scalars.count, scalars[end] == "*" || scalars[end] == "＊" { end += 1 }
        if end - position >= 2 {
          tokens.append(ValueToken(kind: .placeholder, start: position, end: end))
        } else {
          // A lone star marks a required field or a core indicator: not part of the value.
          tokens.append(ValueToken(kind: .lexeme(.ignorable), start: position, end: end))
        }
        position = end
        continue
      }
      let lexicon = ValueLexicon.longestMatch(in: scalars, at: position)
      if ChineseNumeral.isNumeral(scalar), let end = scanChineseNumeral(from: position, lexicon: lexicon) {
        position = end
        continue
      }
      if isLatinLetter(scalar) {
        position = scanLatinWord(from: position)
        continue
      }
      if let (lexeme, length) = lexicon {
        tokens.append(ValueToken(kind: .lexeme(lexeme), start: position, end: position + length))
        position += length
        continue
      }
      appendWord(position, position + 1)
      position += 1
    }
  }

  // MARK: Numbers

  private func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

  private func isDigit(at position: Int) -> Bool {
    position >= 0 && position < scalars.count && isDigit(scalars[position])
  }

  private func digitRun(from position: Int) -> Int {
    var end = position
    while end < scalars.count, isDigit(scalars[end]) { end += 1 }
    return end
  }

  private func intValue(_ start: Int, _ end: Int) -> Int {
    var value = 0
    for index in start..<end { value = value * 10 + Int(scalars[index].value - 0x30) }
    return value
  }

  /// `2024-12-31`, `2024/12/31`, `2024.12.31`, `2024-12`, `2024/12`: a four-digit year
  /// (1900–2100), a separator, a valid month and optionally a valid day.
  private mutating func scanDateLiteral(from position: Int) -> Int? {
    let yearEnd = digitRun(from: position)
    guard yearEnd - position == 4, yearEnd < scalars.count else { return nil }
    let separator = scalars[yearEnd]
    guard separator == "-" || separator == "/" || separator == "." else { return nil }
    let year = intValue(position, yearEnd)
    guard (1900...2100).contains(year) else { return nil }
    let monthEnd = digitRun(from: yearEnd + 1)
    guard (1...2).contains(monthEnd - yearEnd - 1) else { return nil }
    let month = intValue(yearEnd + 1, monthEnd)
    guard (1...12).contains(month) else { return nil }
    if monthEnd < scalars.count, scalars[monthEnd] == separator, isDigit(at: monthEnd + 1) {
      let dayEnd = digitRun(from: monthEnd + 1)
      guard (1...2).contains(dayEnd - monthEnd - 1) else { return nil }
      let day = intValue(monthEnd + 1, dayEnd)
      guard CivilDate.valid(year: year, month: month, day: day) != nil else { return nil }
      if dayEnd < scalars.count, scalars[dayEnd] == "." || isDigit(scalars[dayEnd]) { return nil }
      tokens.append(
        ValueToken(kind: .dateLiteral(year: year, month: month, day: day), start: position, end: dayEnd)
      )
      return dayEnd
    }
    // 2023.07 stays a number (it may be an amount); the parser reads it as a month in a
    // range of two such (`2023.07-2024.01`) or when the context asks for a date.
    guard separator != "." else { return nil }
    if monthEnd < scalars.count, isDigit(scalars[monthEnd]) || scalars[monthEnd] == "." { return nil }
    tokens.append(
      ValueToken(kind: .dateLiteral(year: year, month: month, day: nil), start: position, end: monthEnd)
    )
    return monthEnd
  }

  /// Digits with optional thousands separators (`450,000.00`, `1 268.40`: groups of exactly
  /// three) and a decimal part; also the spoken `3万2` (32000).
  private mutating func scanNumber(from position: Int) -> Int {
    var end = digitRun(from: position)
    var integerDigits = end - position
    var hasSeparator = false
    if integerDigits >= 1, integerDigits <= 3 {
      while end < scalars.count, scalars[end] == ",", digitRun(from: end + 1) - (end + 1) == 3 {
        integerDigits += 3
        hasSeparator = true
        end += 4
      }
      if !hasSeparator, let groups = spaceGroups(after: end) {
        integerDigits += 3 * groups
        hasSeparator = true
        end += 4 * groups
      }
    }
    var fractionDigits = 0
    var allFractionZero = true
    if end < scalars.count, scalars[end] == ".", isDigit(at: end + 1) {
      let fractionEnd = digitRun(from: end + 1)
      for index in (end + 1)..<fractionEnd where scalars[index] != "0" { allFractionZero = false }
      fractionDigits = fractionEnd - end - 1
      end = fractionEnd
    }
    // More digits than any amount or rate has (a `Decimal` keeps 38, and rounded or past its
    // range printed NaN, which is no JSON): a word, not a number.
    guard integerDigits + fractionDigits <= Self.longestNumber else {
      appendWord(position, end)
      return end
    }
    let (value, integer, yearMonthDigits) = Self.number(
      scalars[position..<end], integerDigits: integerDigits, fractionDigits: fractionDigits,
      allFractionZero: allFractionZero)
    // 3万2 (32000) and 3万2千: spoken forms that ICU cannot read.
    if fractionDigits == 0, let whole = integer, whole < 100_000, end < scalars.count,
      let big = ChineseNumeral.bigUnit(scalars[end]), isDigit(at: end + 1),
      digitRun(from: end + 1) - end - 1 <= 4
    {
      let tailEnd = digitRun(from: end + 1)
      let tail = intValue(end + 1, tailEnd)
      var composed: (value: Int, end: Int)?
      let next = tailEnd < scalars.count ? scalars[tailEnd] : nil
      if tailEnd - end - 1 == 1, next.map({ ChineseNumeral.smallUnit($0) == nil }) ?? true {
        composed = (whole * big + tail * (big / 10), tailEnd)
      } else if let next, let small = ChineseNumeral.smallUnit(next), tail * small < big {
        composed = (whole * big + tail * small, tailEnd + 1)
      }
      if let composed {
        tokens.append(
          ValueToken(
            kind: .number(
              NumberLiteral(
                value: Decimal(composed.value),
                fractionDigits: 0,
                integerDigits: String(composed.value).count,
                integer: composed.value,
                isChinese: false,
                hasThousandsSeparator: false
              )
            ),
            start: position,
            end: composed.end
          )
        )
        return composed.end
      }
    }
    tokens.append(
      ValueToken(
        kind: .number(
          NumberLiteral(
            value: value,
            fractionDigits: fractionDigits,
            integerDigits: integerDigits,
            integer: integer,
            isChinese: false,
            hasThousandsSeparator: hasSeparator,
            yearMonthDigits: yearMonthDigits
          )
        ),
        start: position,
        end: end
      )
    )
    return end
  }

  /// How many groups of three digits, each after a single space, follow the digits that end
  /// at `end`, when a decimal part ends them: print sets an amount's thousands apart with a
  /// thin space (`1 268.40`, `12 345 678.00`, a space once NFKC has read it), and OCR reads
  /// a comma so. Nil without the decimal part: `350 350` may be two cells a blank apart,
  /// where a point after the groups says one amount written to its fen.
  private func spaceGroups(after end: Int) -> Int? {
    var position = end
    var groups = 0
    while position < scalars.count, scalars[position] == " ", digitRun(from: position + 1) - (position + 1) == 3 {
      groups += 1
      position += 4
    }
    guard groups > 0, position < scalars.count, scalars[position] == ".", isDigit(at: position + 1) else { return nil }
    return groups
  }

  /// The most digits a number is read with: 万亿 元 to the fen is 15.
  static let longestNumber = 30

  /// The value of a number's scalars (digits, and the commas and point between them), and its
  /// whole value when it has at most 12 integer digits and no fraction but zeros. The digits
  /// are gathered on the stack: an array for them was made and grown for every number.
  static func number(
    _ written: ArraySlice<Unicode.Scalar>, integerDigits: Int, fractionDigits: Int, allFractionZero: Bool
  ) -> (Decimal, Int?, yearMonthDigits: Int?) {
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(1, written.count)) { buffer in
      var count = 0
      for scalar in written where scalar.value >= 0x30 && scalar.value <= 0x39 {
        buffer[count] = UInt8(scalar.value)
        count += 1
      }
      if count == 0 {
        buffer[0] = 0x30
        count = 1
      }
      let digits = UnsafeBufferPointer(rebasing: buffer[..<count])
      let value = ExactDecimal.make(digits: digits, fractionDigits: fractionDigits) ?? 0
      var integer: Int?
      if integerDigits <= 12, allFractionZero {
        integer = digits.prefix(integerDigits).reduce(0) { $0 * 10 + Int($1 - 0x30) }
        if integerDigits == 0 { integer = 0 }
      }
      // (Only such a number may be a year and month: `NumberLiteral.yearMonth`.)
      var yearMonthDigits: Int?
      if integerDigits == 4, fractionDigits == 1 || fractionDigits == 2, count == 4 + fractionDigits {
        let year = digits.prefix(4).reduce(0) { $0 * 10 + Int($1 - 0x30) }
        yearMonthDigits = year * 100 + digits.dropFirst(4).reduce(0) { $0 * 10 + Int($1 - 0x30) }
      }
      return (value, integer, yearMonthDigits)
    }
  }

  /// A run of Chinese numerals; nil (nothing appended) when the run is not a number or a
  /// lexicon word at least as long starts here (一致, 百分之, 万元).
  private mutating func scanChineseNumeral(from position: Int, lexicon: (Lexeme, Int)?) -> Int? {
    var end = position
    while end < scalars.count {
      let scalar = scalars[end]
      if scalar == "点", end > position, end + 1 < scalars.count, ChineseNumeral.digit(scalars[end + 1]) != nil {
        end += 1
        continue
      }
      guard ChineseNumeral.isNumeral(scalar) else { break }
      // 九十五百分比 and 百分之九十五: 百分 starts a unit or a percent word, not a numeral.
      if (scalar == "百" || scalar == "千"), end + 1 < scalars.count, scalars[end + 1] == "分" { break }
      // 一致, 统一 …: a word entry that starts inside the run ends it.
      if end > position, let (lexeme, length) = ValueLexicon.longestMatch(in: scalars, at: end),
        case .word = lexeme, length >= 2
      {
        break
      }
      end += 1
    }
    // A trailing 万 or 亿 is a unit (350万 = 350 万元, 十万人次 = 10 万人次), not part of the
    // number: leave it for the lexicon.
    if end - position >= 2, ChineseNumeral.bigUnit(scalars[end - 1]) != nil { end -= 1 }
    guard end > position else { return nil }
    // A run longer than any number (OCR noise, a cell of 十十十…) is one word, read once: a
    // run that failed was tried again from each of its scalars, the whole run read each time.
    if end - position > ChineseNumeral.longestNumeral {
      appendWord(position, end)
      return end
    }
    if let (lexeme, length) = lexicon, length >= end - position {
      switch lexeme {
      case .word, .unitPrefix, .unit, .scale, .date, .rank, .comparison: return nil
      default: break
      }
    }
    guard let (value, fractionDigits, integer) = ChineseNumeral.reading(of: scalars[position..<end]) else { return nil }
    tokens.append(
      ValueToken(
        kind: .number(
          NumberLiteral(
            value: value,
            fractionDigits: fractionDigits,
            integerDigits: integer.map { String($0).count } ?? 0,
            integer: integer,
            isChinese: true,
            hasThousandsSeparator: false
          )
        ),
        start: position,
        end: end
      )
    )
    return end
  }

  // MARK: Words

  private func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value >= 0x41 && scalar.value <= 0x5A) || (scalar.value >= 0x61 && scalar.value <= 0x7A)
  }

  /// A Latin word is looked up whole (`km`, `M`, `Q`, `m2`), never split into letters.
  private mutating func scanLatinWord(from position: Int) -> Int {
    var end = position
    while end < scalars.count, isLatinLetter(scalars[end]) { end += 1 }
    // m2, km2, m3: a square or cubic unit written with a digit (NFKC turns ² into 2).
    if end < scalars.count, scalars[end] == "2" || scalars[end] == "3", !isDigit(at: end + 1) {
      let spelling = String(scalars: scalars[position...end])
      if let canonical = UnitTable.canonical(spelling).flatMap(LexemeText.init(unit:)) {
        tokens.append(ValueToken(kind: .lexeme(.unit(canonical)), start: position, end: end + 1))
        return end + 1
      }
    }
    if let (lexeme, length) = ValueLexicon.longestMatch(in: scalars, at: position), length == end - position {
      tokens.append(ValueToken(kind: .lexeme(lexeme), start: position, end: end))
    } else {
      appendWord(position, end)
    }
    return end
  }

  private mutating func appendWord(_ start: Int, _ end: Int) {
    // A character right after a number stays a token of its own: it may be a unit the
    // table does not know (5宗案件: 宗), with the rest of the word as a qualifier.
    let followsNumber =
      tokens.count >= 2 && tokens[tokens.count - 2].number != nil
      && tokens[tokens.count - 2].end == tokens[tokens.count - 1].start
    if let last = tokens.last, last.isWord, last.end == start, !followsNumber {
      tokens[tokens.count - 1].end = end
    } else {
      tokens.append(ValueToken(kind: .word, start: start, end: end))
    }
  }
}

/// Letters that OCR and hurried typing put for digits inside a number: `1O0%`, `≥9O%`, `l00%`,
/// `2O24年`, and the numeral 〇 among digits (`1268.4〇`: a Chinese OCR model reads a round
/// zero so). The tokenizer reads a copy of the text with them as digits (one scalar for one,
/// so every token's place holds in the text as written); a numeric token over such a letter
/// is how the parser knows to flag its reading (`Target.Flag.ocrDigit`).
///
/// A letter is read as a digit only inside a run of digits and such letters (with `.` and `,`
/// between them, or single spaces between ones that stand alone: `≥ 9 O %`) that no other
/// Latin letter touches, and that begins with a digit, or with l
/// or I right before one (l00): a number never begins with 0, so a run that begins with O is
/// a word (O2O, O3), and a letter beside another (OK, IT, LED, CO2) is part of a word.
enum LookalikeDigits {
  /// The digit a letter stands for, nil for any other scalar.
  static func digit(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    switch scalar {
    case "O", "o", "〇": "0"
    case "l", "I": "1"
    default: nil
    }
  }

  /// The text with the letters that stand for digits read as them; nil when it has none
  /// (most texts: no copy is made).
  static func reading(_ scalars: [Unicode.Scalar]) -> [Unicode.Scalar]? {
    guard scalars.contains(where: { digit($0) != nil }) else { return nil }
    var result: [Unicode.Scalar]?
    var index = 0
    while index < scalars.count {
      guard isDigit(scalars[index]) || digit(scalars[index]) != nil else {
        index += 1
        continue
      }
      let start = index
      var end = index + 1
      var letters = digit(scalars[start]) != nil ? 1 : 0
      var digits = letters == 0 ? 1 : 0
      while end < scalars.count {
        let scalar = scalars[end]
        if isDigit(scalar) {
          digits += 1
        } else if digit(scalar) != nil {
          letters += 1
        } else if scalar == "." || scalar == ",", end + 1 < scalars.count,
          isDigit(scalars[end + 1]) || digit(scalars[end + 1]) != nil
        {
          // (Between two scalars of the run: `1O.5`, `1,OOO`.)
        } else if scalar == " ", standsAlone(scalars, end - 1), end + 1 < scalars.count, standsAlone(scalars, end + 1) {
          // (Between two that stand alone: OCR's digits a space apart, `≥ 9 O %`.)
        } else {
          break
        }
        end += 1
      }
      index = end
      guard letters > 0, digits > 0,
        start == 0 || !isLatinLetter(scalars[start - 1]), end == scalars.count || !isLatinLetter(scalars[end]),
        isDigit(scalars[start]) || (digit(scalars[start]) == "1" && isDigit(scalars[start + 1]))
      else { continue }
      if result == nil { result = scalars }
      for position in start..<end {
        if let read = digit(scalars[position]) { result![position] = read }
      }
    }
    return result
  }

  /// Whether a token is a number read over such a letter. (A Chinese numeral's 〇, 二〇二四,
  /// is its own zero: the run holds no digit, and the numeral reader read it.)
  static func readsLetter(_ token: ValueToken, in scalars: [Unicode.Scalar]) -> Bool {
    token.isNumeric && token.number?.isChinese != true && scalars[token.start..<token.end].contains { digit($0) != nil }
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

  /// A digit or such a letter with no digit or Latin letter on either side.
  private static func standsAlone(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
    func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool { isDigit(scalar) || digit(scalar) != nil || isLatinLetter(scalar) }
    guard isDigit(scalars[index]) || digit(scalars[index]) != nil else { return false }
    return (index == 0 || !isAlphanumeric(scalars[index - 1])) && (index + 1 == scalars.count || !isAlphanumeric(scalars[index + 1]))
  }

  private static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
    (scalar.value >= 0x41 && scalar.value <= 0x5A) || (scalar.value >= 0x61 && scalar.value <= 0x7A)
  }
}
