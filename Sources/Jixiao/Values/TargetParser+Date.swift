/// A date as written, before the budget year is known: `2024年12月`, `二季度`, `年底`.
struct DatePoint {
  enum Period {
    case year
    case month(Int)
    /// Days `first...last` of a month; `last` nil means the month's last day.
    case monthPart(Int, first: Int, last: Int?)
    case day(month: Int, day: Int)
    /// 10月底, 10月末: the month's last day.
    case monthEnd(Int)
    case quarter(Int)
    case quarterStart(Int)
    case quarterEnd(Int)
    case half(Int)
    case yearStart
    case yearEnd
  }

  var year: Int?
  /// 次年 = 1, 当年 = 0: relative to the budget year.
  var yearOffset: Int?
  var period: Period = .year

  /// The first month the period touches (for ordering the ends of a range).
  var firstMonth: Int {
    switch period {
    case .year, .yearStart: 1
    case .month(let month), .monthPart(let month, _, _), .day(let month, _), .monthEnd(let month): month
    case .quarter(let quarter), .quarterStart(let quarter), .quarterEnd(let quarter): quarter * 3 - 2
    case .half(let half): half == 1 ? 1 : 7
    case .yearEnd: 12
    }
  }

  func interval(in year: Int) -> CivilInterval? {
    switch period {
    case .year: return .months(1, 12, of: year)
    case .month(let month): return .month(month, of: year)
    case .monthPart(let month, let first, let last):
      let end =
        last.flatMap { CivilDate.valid(year: year, month: month, day: $0) } ?? .lastDay(year: year, month: month)
      guard let start = CivilDate.valid(year: year, month: month, day: first) else { return nil }
      return CivilInterval(start: start, end: end)
    case .monthEnd(let month): return .day(.lastDay(year: year, month: month))
    case .day(let month, let day):
      return CivilDate.valid(year: year, month: month, day: day).map(CivilInterval.day)
    case .quarter(let quarter): return .months(quarter * 3 - 2, quarter * 3, of: year)
    case .quarterStart(let quarter): return .month(quarter * 3 - 2, of: year)
    case .quarterEnd(let quarter): return .day(.lastDay(year: year, month: quarter * 3))
    case .half(let half): return half == 1 ? .months(1, 6, of: year) : .months(7, 12, of: year)
    case .yearStart: return .month(1, of: year)
    case .yearEnd: return .day(CivilDate(year: year, month: 12, day: 31))
    }
  }
}

extension TargetParser {
  /// `2024年12月`, `12月中旬`, `年底前`, `二季度完成开题`, `3-11月开展`, `2023.07-2024.01`,
  /// `截至2024年12月31日`, `9月前完成`.
  ///
  /// The interval is the period named (`2024年12月` → 12-01…12-31; `年底`, `10月底` → that
  /// last day); 前/之前/以前/截至 make the operator `<=`, 后/以后/起 make it `>=`.
  func readDate(_ segment: [ValueToken], raw: String) -> Target? {
    var index = 0
    while index < segment.count, isLabel(segment[index]) { index += 1 }
    var op: Comparison?
    while index < segment.count, case .comparison(let comparison, .prefix) = segment[index].lexeme {
      op = op ?? comparison
      index += 1
    }
    var first: DatePoint
    var second: DatePoint?
    if let (start, end, next) = readMonthRange(segment, at: index) {
      first = start
      second = end
      index = next
    } else if let (point, next) = readPoint(segment, at: index, allowDotted: expectsDate) {
      first = point
      index = next
      if index + 1 < segment.count, segment[index].lexeme == .rangeSeparator,
        let (point2, next2) = readPoint(segment, at: index + 1, allowDotted: expectsDate)
      {
        second = point2
        index = next2
      }
    } else if let (start, end, next) = readDottedRange(segment, at: index) {
      first = start
      second = end
      index = next
    } else {
      return nil
    }
    while index < segment.count {
      switch segment[index].lexeme {
      case .front, .date(.before): op = op ?? .atMost
      case .date(.after): op = op ?? .atLeast
      case .comparison(let comparison, .suffix): op = op ?? comparison
      default: break
      }
      guard case .some(let lexeme) = segment[index].lexeme, lexeme.isDateSuffix else { break }
      index += 1
    }
    let trailing = segment[index...]
    guard !trailing.contains(where: { $0.isNumeric }) else { return nil }
    var target = makeTarget(.date, raw: raw)
    target.op = op
    target.qualifier = qualifierText(trailing)
    // Fill in years: a range end without a year takes the other end's.
    if var end = second {
      if end.year == nil, end.yearOffset == nil, let startYear = first.year {
        end.year = end.firstMonth < first.firstMonth ? startYear + 1 : startYear
      }
      if first.year == nil, first.yearOffset == nil, let endYear = end.year {
        first.year = first.firstMonth > end.firstMonth ? endYear - 1 : endYear
      }
      second = end
    }
    guard let (startYear, startAssumed) = resolveYear(first) else { return target }
    guard let startInterval = first.interval(in: startYear) else { return nil }
    var interval = startInterval
    var assumed = startAssumed
    if let end = second {
      guard let (endYear, endAssumed) = resolveYear(end), let endInterval = end.interval(in: endYear) else {
        return target
      }
      guard endInterval.end >= startInterval.start else { return nil }
      interval.end = endInterval.end
      assumed = assumed || endAssumed
    }
    target.date = interval.dateInterval
    if assumed { target.flags.append(.yearAssumed) }
    return target
  }

  private func resolveYear(_ point: DatePoint) -> (Int, Bool)? {
    if let year = point.year { return (year, false) }
    guard let budgetYear = askedBudgetYear else { return nil }
    return (budgetYear + (point.yearOffset ?? 0), true)
  }

  /// One date: a year, month, day, ten-day period, quarter, half or year end.
  func readPoint(_ segment: [ValueToken], at start: Int, allowDotted: Bool) -> (DatePoint, Int)? {
    var index = start
    guard index < segment.count else { return nil }
    var point = DatePoint()
    if case .dateLiteral(let year, let month, let day) = segment[index].kind {
      point.year = year
      point.period = day.map { .day(month: month, day: $0) } ?? .month(month)
      return (point, index + 1)
    }
    if let literal = segment[index].number, let (year, month) = literal.yearMonth(oneDigitMonth: true) {
      // Whether a dotted number is a month comes from the context (`allowDotted`), which is
      // noted as asked even where it says no: a reading cached without it would serve a
      // column of dates.
      contextUse?.note()
      if allowDotted {
        point.year = year
        point.period = .month(month)
        return (point, index + 1)
      }
    }
    // 20241231 under 时效指标 or a time name: a day written without separators. Elsewhere
    // eight digits are a number (an amount in 元 may have as many).
    if let literal = segment[index].number, let (year, month, day) = literal.compactDay {
      contextUse?.note()
      if allowDotted {
        point.year = year
        point.period = .day(month: month, day: day)
        return (point, index + 1)
      }
    }
    var hasYear = false
    if let year = yearNumber(segment[index]), index + 1 < segment.count {
      switch segment[index + 1].lexeme {
      case .date(.year), .date(.budgetYearWord):
        point.year = year
        hasYear = true
        index += 2
      case .date(.yearEnd), .date(.yearStart), .date(.half), .date(.wholeYear):
        point.year = year
        hasYear = true
        index += 1
      default: break
      }
    }
    if !hasYear, case .date(.relativeYear(let offset)) = segment[index].lexeme {
      point.yearOffset = offset
      hasYear = true
      index += 1
      if index < segment.count, segment[index].lexeme == .date(.budgetYearWord) || segment[index].lexeme == .date(.year)
      {
        index += 1
      }
    }
    guard index < segment.count else { return hasYear ? (point, index) : nil }
    let token = segment[index]
    switch token.kind {
    case .number(let literal):
      guard index + 1 < segment.count, let value = literal.integer else { break }
      switch segment[index + 1].lexeme {
      case .date(.month) where (1...12).contains(value):
        return readMonthTail(segment, at: index + 2, month: value, point: point)
      case .date(.monthStart) where (1...12).contains(value):
        point.period = .monthPart(value, first: 1, last: 10)
        return (point, index + 2)
      case .date(.monthEnd) where (1...12).contains(value):
        point.period = .monthEnd(value)
        return (point, index + 2)
      case .date(.quarter) where (1...4).contains(value):
        return readQuarterTail(segment, at: index + 2, quarter: value, point: point)
      default: break
      }
    case .lexeme(.rank(.ordinal)):
      if index + 2 < segment.count, let quarter = segment[index + 1].number?.integer, (1...4).contains(quarter),
        segment[index + 2].lexeme == .date(.quarter)
      {
        return readQuarterTail(segment, at: index + 3, quarter: quarter, point: point)
      }
    case .lexeme(.date(.quarterLetter)):
      if index + 1 < segment.count, let quarter = segment[index + 1].number?.integer, (1...4).contains(quarter) {
        return readQuarterTail(segment, at: index + 2, quarter: quarter, point: point)
      }
    case .lexeme(.date(.half(let half))):
      point.period = .half(half)
      return (point, index + 1)
    case .lexeme(.date(.yearEnd)):
      point.period = .yearEnd
      return (point, index + 1)
    case .lexeme(.date(.yearStart)):
      point.period = .yearStart
      return (point, index + 1)
    case .lexeme(.date(.wholeYear)):
      point.period = .year
      return (point, index + 1)
    default: break
    }
    return hasYear ? (point, index) : nil
  }

  /// After `N月`: a day (`31日`), a ten-day period (`中旬`), 初 or 底/末.
  private func readMonthTail(_ segment: [ValueToken], at start: Int, month: Int, point: DatePoint) -> (DatePoint, Int) {
    var point = point
    point.period = .month(month)
    guard start < segment.count else { return (point, start) }
    switch segment[start].lexeme {
    case .date(.xun(let part)):
      point.period = .monthPart(month, first: part * 10 - 9, last: part == 3 ? nil : part * 10)
      return (point, start + 1)
    case .date(.start):
      point.period = .monthPart(month, first: 1, last: 10)
      return (point, start + 1)
    case .date(.end):
      point.period = .monthEnd(month)
      return (point, start + 1)
    default: break
    }
    if start + 1 < segment.count, let day = segment[start].number?.integer, (1...31).contains(day),
      segment[start + 1].lexeme == .date(.day)
    {
      point.period = .day(month: month, day: day)
      return (point, start + 2)
    }
    return (point, start)
  }

  private func readQuarterTail(
    _ segment: [ValueToken],
    at start: Int,
    quarter: Int,
    point: DatePoint
  ) -> (DatePoint, Int) {
    var point = point
    point.period = .quarter(quarter)
    guard start < segment.count else { return (point, start) }
    switch segment[start].lexeme {
    case .date(.end):
      point.period = .quarterEnd(quarter)
      return (point, start + 1)
    case .date(.start):
      point.period = .quarterStart(quarter)
      return (point, start + 1)
    default: return (point, start)
    }
  }

  /// `3-11月`, `1-3季度`, `2024-2026年`: two numbers sharing one date word (two years as a
  /// span of years, never a count of 2024 to 2026 years).
  private func readMonthRange(_ segment: [ValueToken], at start: Int) -> (DatePoint, DatePoint, Int)? {
    var point = DatePoint()
    var index = start
    if index + 1 < segment.count, let year = yearNumber(segment[index]), segment[index + 1].lexeme == .date(.year) {
      point.year = year
      index += 2
    }
    guard index + 3 < segment.count, let from = segment[index].number?.integer,
      segment[index + 1].lexeme == .rangeSeparator, let to = segment[index + 2].number?.integer, from < to
    else { return nil }
    var first = point
    var last = point
    switch segment[index + 3].lexeme {
    case .date(.month) where (1...12).contains(from) && (1...12).contains(to):
      first.period = .month(from)
      last.period = .month(to)
    case .date(.quarter) where (1...4).contains(from) && (1...4).contains(to):
      first.period = .quarter(from)
      last.period = .quarter(to)
    case .date(.year), .date(.budgetYearWord):
      guard point.year == nil, let fromYear = yearNumber(segment[index]), let toYear = yearNumber(segment[index + 2])
      else { return nil }
      (first.year, last.year) = (fromYear, toYear)
      (first.period, last.period) = (.year, .year)
    default: return nil
    }
    return (first, last, index + 4)
  }

  /// `2023.07-2024.01`: two year.month numbers joined by a dash read as months. With a
  /// one-digit month (`2024.1-2024.12`, `2024.3-2024.6`) too where the two are months in
  /// order at most a year apart: as numbers such ends make no range anyone writes.
  private func readDottedRange(_ segment: [ValueToken], at start: Int) -> (DatePoint, DatePoint, Int)? {
    guard start + 2 < segment.count, segment[start + 1].lexeme == .rangeSeparator,
      let fromNumber = segment[start].number, let toNumber = segment[start + 2].number,
      let from = fromNumber.yearMonth(oneDigitMonth: true), let to = toNumber.yearMonth(oneDigitMonth: true)
    else { return nil }
    if fromNumber.fractionDigits == 1 || toNumber.fractionDigits == 1 {
      guard (0...1).contains(to.year - from.year), (from.year, from.month) <= (to.year, to.month) else { return nil }
    }
    return (
      DatePoint(year: from.year, period: .month(from.month)), DatePoint(year: to.year, period: .month(to.month)),
      start + 3
    )
  }

  /// Whether `readDate` may read the segment: every date it reads holds a date literal, a
  /// date word (年, 月, 季度, 年底, 次年 …), a number that may be `2023.07` or `2024.6` (four
  /// digits, one or two decimals: `NumberLiteral.yearMonth` less what costs a multiplication)
  /// or one that may be `20241231` (eight digits, none after a point: `compactDay`'s).
  /// The last kinds must pass even when the context rules dates out, since reading them
  /// notes that the context was asked. `ReaderGuardTests` hold this to `readDate` itself.
  static func mayHoldDate(_ segment: [ValueToken]) -> Bool {
    segment.contains { token in
      switch token.kind {
      case .dateLiteral, .lexeme(.date): true
      case .number(let literal):
        !literal.isChinese
          && (literal.integerDigits == 4 && (literal.fractionDigits == 1 || literal.fractionDigits == 2)
            || literal.integerDigits == 8 && literal.fractionDigits == 0)
      default: false
      }
    }
  }

  /// A four-digit year from 1900 to 2100 (`2024`, `二〇二四`).
  func yearNumber(_ token: ValueToken) -> Int? {
    guard let literal = token.number, let value = literal.integer, literal.fractionDigits == 0,
      !literal.hasThousandsSeparator, (1900...2100).contains(value)
    else { return nil }
    return value
  }
}

extension Lexeme {
  /// Words that may follow a date: 前, 之前, 以后, 以内 ….
  var isDateSuffix: Bool {
    switch self {
    case .front, .date(.before), .date(.after), .comparison(_, .suffix): true
    default: false
    }
  }
}
