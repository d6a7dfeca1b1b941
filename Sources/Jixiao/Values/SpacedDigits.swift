import FoundationEssentials

/// Digits of one number that OCR set apart with spaces (`≥ 6 1 %`, `≥ 2 8 %`, `9 5.5%`), or
/// its thousands (`≥1 200人`), joined into that number after the tokenizer read them as several.
///
/// The rule, and why it is this narrow: a run of at least two single digits, each one space
/// after the one before (the last may carry a decimal part, `9 5.5`, or one point may stand
/// apart as they do, `2 . 5`), with an operator right before it (`≥`, `大于`, `控制在`) or a
/// unit, a scale, a suffix operator, a date's 年, 月 or 日 or a rank's 名 right after it (`%`,
/// `人`, `万`, `以上`, `2 0 2 4 年`, `第 1 0 名`), and no number one space beyond either end. OCR spaces a number digit
/// by digit; numbers of two digits or more a space apart are two numbers as written
/// (`2024 年 12 月` a date, `60 - 80` a range), a lone digit is a number already (`3 项`), and
/// digits with no operator and no unit beside them (`1 2 3`, a list, a code) say nothing of
/// being one number. The joined number carries `spacedDigits`, which the reading turns into
/// a flag.
enum SpacedDigits {
  static func join(_ tokens: inout [ValueToken], in scalars: [Unicode.Scalar]) {
    // Most texts hold fewer than two numbers: nothing to look at.
    var numbers = 0
    for token in tokens where token.number != nil { numbers += 1 }
    guard numbers >= 2 else { return }
    // Then the other bound of a range whose anchored bound was spaced (`6 0 - 8 0 %`): the
    // range's unit anchors both of its bounds.
    if pass(&tokens, scalars, besideRanges: false) { pass(&tokens, scalars, besideRanges: true) }
  }

  /// Joins every anchored run; whether it joined one.
  @discardableResult
  private static func pass(_ tokens: inout [ValueToken], _ scalars: [Unicode.Scalar], besideRanges: Bool) -> Bool {
    var joinedAny = false
    var index = 0
    while index < tokens.count {
      var end = runEnd(tokens, scalars, from: index)
      if end - index < 2 { end = groupsEnd(tokens, scalars, from: index) }
      guard end - index >= 2,
        besideRanges ? isBesideSpacedBound(tokens, before: index, after: end) : isAnchored(tokens, before: index, after: end),
        !touchesNumber(tokens, before: index, after: end)
      else {
        index = max(end, index + 1)
        continue
      }
      tokens.replaceSubrange(index..<end, with: [joined(tokens[index..<end], scalars)])
      joinedAny = true
      index += 1
    }
    return joinedAny
  }

  /// A range separator between the run and a bound joined from spaced digits.
  private static func isBesideSpacedBound(_ tokens: [ValueToken], before start: Int, after end: Int) -> Bool {
    if end + 1 < tokens.count, tokens[end].lexeme == .rangeSeparator, tokens[end + 1].number?.spacedDigits == true { return true }
    if start >= 2, tokens[start - 1].lexeme == .rangeSeparator, tokens[start - 2].number?.spacedDigits == true { return true }
    return false
  }

  /// The end of the run that starts at `start` (`start` itself when no digit starts there).
  private static func runEnd(_ tokens: [ValueToken], _ scalars: [Unicode.Scalar], from start: Int) -> Int {
    var end = start
    var sawPoint = false
    while end < tokens.count {
      if end > start {
        let previous = tokens[end - 1]
        guard tokens[end].start == previous.end + 1, scalars[previous.end] == " " else { break }
        // A piece with a decimal part ends the run: no digit of the number comes after it.
        if let fraction = tokens[end - 1].number?.fractionDigits, fraction != 0 { break }
      }
      if let digit = tokens[end].number, isPiece(digit, tokens[end]) {
        end += 1
      } else if end > start, !sawPoint, isSpacedPoint(tokens, scalars, at: end) {
        // `2 . 5`: the point set apart as the digits are, a digit after it.
        sawPoint = true
        end += 1
      } else {
        break
      }
    }
    return end
  }

  /// A `.` alone between spaces, a single digit one space after it.
  private static func isSpacedPoint(_ tokens: [ValueToken], _ scalars: [Unicode.Scalar], at index: Int) -> Bool {
    let token = tokens[index]
    guard token.isWord, token.end - token.start == 1, scalars[token.start] == ".", index + 1 < tokens.count,
      let next = tokens[index + 1].number, isPiece(next, tokens[index + 1]), next.fractionDigits == 0
    else { return false }
    return tokens[index + 1].start == token.end + 1 && scalars[token.end] == " "
  }

  /// The end of a run of thousands set apart by spaces (`≥1 200人`, `10 000 元`): one to three
  /// digits, then groups of exactly three, each one space after the one before (the last may
  /// carry a decimal part), as print and OCR set a number's thousands. Anchored and alone as
  /// the digits' run is (`join`); `2024 年` starts no run (four digits), nor does `60 - 80`.
  private static func groupsEnd(_ tokens: [ValueToken], _ scalars: [Unicode.Scalar], from start: Int) -> Int {
    guard start < tokens.count, let first = tokens[start].number, isGroup(first, tokens[start], lead: true),
      first.fractionDigits == 0
    else { return start }
    var end = start + 1
    while end < tokens.count, let group = tokens[end].number, isGroup(group, tokens[end], lead: false) {
      let previous = tokens[end - 1]
      guard tokens[end].start == previous.end + 1, scalars[previous.end] == " ", previous.number?.fractionDigits == 0 else { break }
      end += 1
    }
    return end
  }

  /// Digits of one group as written: one to three leading the number, exactly three after.
  private static func isGroup(_ number: NumberLiteral, _ token: ValueToken, lead: Bool) -> Bool {
    guard !number.isChinese, !number.hasThousandsSeparator else { return false }
    let digits = number.integerDigits
    guard lead ? (1...3).contains(digits) : digits == 3 else { return false }
    return token.end - token.start == (number.fractionDigits == 0 ? digits : digits + 1 + number.fractionDigits)
  }

  /// One ASCII digit, or one before a decimal part (`5.5`), as written.
  private static func isPiece(_ number: NumberLiteral, _ token: ValueToken) -> Bool {
    !number.isChinese && !number.hasThousandsSeparator && number.integerDigits == 1
      && token.end - token.start == (number.fractionDigits == 0 ? 1 : 2 + number.fractionDigits)
  }

  /// A number one space before or after the run (`12 3 4 %`) leaves where the number begins
  /// or ends a guess: no run.
  private static func touchesNumber(_ tokens: [ValueToken], before start: Int, after end: Int) -> Bool {
    if start > 0, tokens[start - 1].isNumeric, tokens[start - 1].end + 1 == tokens[start].start { return true }
    if end < tokens.count, tokens[end].isNumeric, tokens[end - 1].end + 1 == tokens[end].start { return true }
    return false
  }

  private static func isAnchored(_ tokens: [ValueToken], before start: Int, after end: Int) -> Bool {
    if start > 0 {
      switch tokens[start - 1].lexeme {
      // A rank's marker too: `第 1 0 名`, `前 1 0 名`.
      case .comparison(_, .prefix), .keepWithin, .rank(.ordinal), .front: return true
      default: break
      }
    }
    if end < tokens.count {
      switch tokens[end].lexeme {
      case .unit, .scale, .tenths, .comparison(_, .suffix): return true
      // A date's parts: `2 0 2 4 年 1 1 月`.
      case .date(.year), .date(.month), .date(.day), .rank(.place): return true
      default: break
      }
    }
    return false
  }

  private static func joined(_ run: ArraySlice<ValueToken>, _ scalars: [Unicode.Scalar]) -> ValueToken {
    let first = run.first!
    let last = run.last!
    // The digits before a spaced point (`2 . 5`) are the integer's, those after it the fraction's.
    let point = run.firstIndex { $0.number == nil }
    let integerPart = point.map { run[..<$0] } ?? run
    let fractionPart = point.map { run[($0 + 1)...] } ?? []
    let integerDigits = integerPart.reduce(0) { $0 + ($1.number?.integerDigits ?? 0) }
    let fractionDigits = point == nil ? last.number?.fractionDigits ?? 0 : fractionPart.count
    let allFractionZero =
      point == nil
      ? scalars[(last.end - fractionDigits)..<last.end].allSatisfy { $0 == "0" }
      : fractionPart.allSatisfy { $0.number?.integer == 0 }
    let (value, integer, _) = ValueTokenizer.number(
      scalars[first.start..<last.end], integerDigits: integerDigits, fractionDigits: fractionDigits,
      allFractionZero: allFractionZero)
    let literal = NumberLiteral(
      value: value, fractionDigits: fractionDigits, integerDigits: integerDigits, integer: integer, isChinese: false,
      hasThousandsSeparator: false, spacedDigits: true)
    return ValueToken(kind: .number(literal), start: first.start, end: last.end)
  }
}
