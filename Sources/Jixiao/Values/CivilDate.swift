/// A calendar day in the proleptic Gregorian calendar, for date targets.
///
/// The grammar needs only a few things: month lengths, ISO text, and turning an Excel
/// serial into a day. A small value type does that without Foundation's calendar.
struct CivilDate: Hashable, Sendable, Comparable {
  var year: Int
  var month: Int  // 1...12
  var day: Int  // 1...daysInMonth

  static func isLeap(_ year: Int) -> Bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: isLeap(year) ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  /// The day, or nil when the month or day does not exist.
  static func valid(year: Int, month: Int, day: Int) -> CivilDate? {
    guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year) else {
      return nil
    }
    return CivilDate(year: year, month: month, day: day)
  }

  static func lastDay(year: Int, month: Int) -> CivilDate {
    CivilDate(year: year, month: month, day: daysIn(month: month, year: year))
  }

  /// `YYYY-MM-DD`.
  var iso: String {
    // Ten ASCII bytes written in place (interpolating padded parts cost ~2,500 instructions);
    // a year or month outside the four and two digits (never a parsed date) takes `paddedISO`.
    guard (0...9999).contains(year), (0...99).contains(month), (0...99).contains(day) else { return paddedISO }
    return String(unsafeUninitializedCapacity: 10) { buffer in
      func put(_ number: Int, width: Int, at offset: Int) {
        var rest = number
        for index in (offset..<(offset + width)).reversed() {
          buffer[index] = UInt8(0x30 + rest % 10)
          rest /= 10
        }
      }
      put(year, width: 4, at: 0)
      buffer[4] = UInt8(ascii: "-")
      put(month, width: 2, at: 5)
      buffer[7] = UInt8(ascii: "-")
      put(day, width: 2, at: 8)
      return 10
    }
  }

  /// `iso` by padding each part as printed, for any year.
  var paddedISO: String {
    func pad(_ number: Int, _ width: Int) -> String {
      let digits = String(number)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }

  static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// The day an Excel (1900 system) serial number names: 44561 is 2021-12-31.
  ///
  /// Excel counts 1900 as a leap year, so from serial 61 on, day 0 is 1899-12-30.
  static func excelSerial(_ serial: Int) -> CivilDate? {
    guard serial >= 61, serial < 2_958_466 else { return nil }
    return fromDaysSinceEpoch(serial + daysSinceEpoch(year: 1899, month: 12, day: 30))
  }

  /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
  static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  /// The inverse of `daysSinceEpoch` (Hinnant's `civil_from_days`).
  static func fromDaysSinceEpoch(_ days: Int) -> CivilDate {
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let monthPart = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * monthPart + 2) / 5 + 1
    let month = monthPart < 10 ? monthPart + 3 : monthPart - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return CivilDate(year: year, month: month, day: day)
  }
}

/// An inclusive span of days, the reading of a date target.
struct CivilInterval: Hashable, Sendable {
  var start: CivilDate
  var end: CivilDate

  var dateInterval: DateInterval { DateInterval(start: start.iso, end: end.iso) }

  static func month(_ month: Int, of year: Int) -> CivilInterval {
    CivilInterval(
      start: CivilDate(year: year, month: month, day: 1),
      end: .lastDay(year: year, month: month)
    )
  }

  static func months(_ first: Int, _ last: Int, of year: Int) -> CivilInterval {
    CivilInterval(
      start: CivilDate(year: year, month: first, day: 1),
      end: .lastDay(year: year, month: last)
    )
  }

  static func day(_ date: CivilDate) -> CivilInterval { CivilInterval(start: date, end: date) }
}
