/// Splits `平罗县住房和城乡建设局-029`, `湘潭市城市管理和综合执法局 308001`, `(433)乌海市供销合作社联合社`,
/// `[610001]湖南省润山润水生态农业发展有限公司` into a name and a code.
enum NameAndCode {
  static func split(_ text: String) -> (name: String, code: String?) {
    let trimmed = String(text.trimmingBlanks())
    let normalized = ICU.nfkc(trimmed)
    // Every code below holds an ASCII digit: a text without one is a name alone.
    guard normalized.containsASCIIDigit() else { return (trimmed, nil) }
    // Leading code in brackets.
    for (open, close) in [("(", ")"), ("[", "]")] where normalized.hasPrefixBytes(open) {
      if let end = normalized.firstIndex(of: Character(close)) {
        let code = normalized[normalized.index(after: normalized.startIndex)..<end]
        let rest = normalized[normalized.index(after: end)...]
        if isCode(code), !rest.isEmpty { return (String(rest.trimmingBlanks()), String(code)) }
      }
    }
    // Trailing code after a dash or blank, or in brackets: read back from the end of the
    // text (an array of all its characters, and strings made again of them, cost most of a
    // split).
    let start = normalized.startIndex
    if let last = normalized.last, last == ")" || last == "]",
      let open = normalized.lastIndex(where: { $0 == "(" || $0 == "[" })
    {
      let code = String(normalized[normalized.index(after: open)..<normalized.index(before: normalized.endIndex)])
      if isCode(code[...]), open > start {
        return (String(normalized[..<open].trimmingBlanks()), code)
      }
    }
    var digitsStart = normalized.endIndex
    var digits = 0
    while digitsStart > start {
      let previous = normalized.index(before: digitsStart)
      let character = normalized[previous]
      guard character.isASCII, character.isNumber else { break }
      digitsStart = previous
      digits += 1
    }
    if digits >= 2 && digitsStart > start {
      let code = String(normalized[digitsStart...])
      var name = String(normalized[..<digitsStart])
      var separatorFound = false
      while let last = name.last, last == "-" || last == "—" || last == "_" || last == " " || last == ":" {
        name.removeLast()
        separatorFound = true
      }
      if separatorFound && !name.isEmpty { return (name, code) }
    }
    return (trimmed, nil)
  }

  private static func isCode(_ text: Substring) -> Bool {
    text.count >= 2 && text.count <= 16 && text.allSatisfy { $0.isASCII && ($0.isNumber || $0.isLetter) }
      && text.contains(where: \.isNumber)
  }
}

/// Reads dates as printed in forms: `2024-01-01`, `2019年8月1日`, `2023.07`, `2023年4月`.
enum FormDate {
  /// An ISO date, or a month given as its first (or last) day.
  static func read(_ text: String, endOfMonth: Bool = false) -> String? {
    let key = TextKey.make(text)
    guard let numbers = numbers(key) else { return nil }
    guard let year = numbers.first, (1990...2100).contains(year), numbers.count >= 2,
      numbers.count <= 3
    else { return nil }
    let month = numbers[1]
    guard (1...12).contains(month) else { return nil }
    if numbers.count == 3 {
      let day = numbers[2]
      guard (1...CalendarMath.daysIn(month: month, year: year)).contains(day) else { return nil }
      return CalendarMath.iso(year, month, day)
    }
    return CalendarMath.iso(year, month, endOfMonth ? CalendarMath.daysIn(month: month, year: year) : 1)
  }

  /// The runs of ASCII digits of a key, each as a number (-1 beyond `Int`); nil when the key
  /// starts with anything else.
  static func numbers(_ key: String) -> [Int]? {
    if case .some(let numbers) = key.withUTF8Bytes(plainNumbers) { return numbers }
    var numbers: [Int] = []
    var current = ""
    for character in key {
      if character.isASCII && character.isNumber {
        current.append(character)
      } else {
        if !current.isEmpty {
          numbers.append(Int(current) ?? -1)
          current = ""
        } else if numbers.isEmpty {
          return nil
        }
      }
    }
    if !current.isEmpty { numbers.append(Int(current) ?? -1) }
    return numbers
  }

  /// `numbers(key)` by bytes, for a key of ASCII and CJK ideographs (U+4E00–U+9FFF, most
  /// dates): each of those scalars is a character of its own (CR LF, one character, is two
  /// non-digits here, which reads the same), so a digit byte is a digit character. Reading
  /// characters cost some 1,000 instructions each. `.none` for any other key.
  private static func plainNumbers(_ bytes: UnsafeBufferPointer<UInt8>) -> [Int]?? {
    var numbers: [Int] = []
    var current = 0
    var digits = 0
    var overflow = false
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte >= 0x30 && byte <= 0x39 {
        let (times10, o1) = current.multipliedReportingOverflow(by: 10)
        let (sum, o2) = times10.addingReportingOverflow(Int(byte &- 0x30))
        overflow = overflow || o1 || o2
        current = sum
        digits += 1
        index += 1
        continue
      }
      if byte < 0x80 {
        index += 1
      } else if index + 2 < bytes.count && AlignedTokenizer.isUnifiedIdeograph(byte, bytes[index + 1], bytes[index + 2]) {
        index += 3
      } else {
        return .none
      }
      if digits > 0 {
        numbers.append(overflow ? -1 : current)
        current = 0
        digits = 0
        overflow = false
      } else if numbers.isEmpty {
        return .some(nil)
      }
    }
    if digits > 0 { numbers.append(overflow ? -1 : current) }
    return .some(numbers)
  }

  /// `2024年`, `2024年度` as `2024`.
  private static func withoutYearWord(_ key: String) -> String {
    if key.hasSuffix("年度") { return String(key.dropLast(2)) }
    if key.hasSuffix("年") { return String(key.dropLast()) }
    return key
  }

  /// A year alone (`2021`): its first or last day.
  static func year(_ text: String, endOfYear: Bool) -> String? {
    let key = TextKey.make(text)
    guard key.count == 4, key.allSatisfy({ $0.isASCII && $0.isNumber }), let year = Int(key), (1990...2100).contains(year)
    else { return nil }
    return CalendarMath.iso(year, endOfYear ? 12 : 1, endOfYear ? 31 : 1)
  }

  /// A period written in one cell: `2023.07-2024.01`, `2023年4月-2024年2月`, `2023年1月至12月`.
  static func readRange(_ text: String) -> (start: String, end: String)? {
    let key = TextKey.make(text)
    // A separator absent from the bytes is absent from the characters (none of them has
    // another canonically equivalent form): only a separator present is split at.
    for separator in ["至", "-", "~", "—", "－", "到"] where key.containsBytes(separator) {
      let parts = key.components(separatedBy: separator)
      guard parts.count == 2 else { continue }
      // `2024-2025年`, `2024年至2026年`: whole years, from the first's first day to the last's last.
      if let start = year(Self.withoutYearWord(parts[0]), endOfYear: false),
        let end = year(Self.withoutYearWord(parts[1]), endOfYear: true), start < end
      {
        return (start, end)
      }
      guard let start = read(parts[0]) else { continue }
      if let end = read(parts[1], endOfMonth: true) { return (start, end) }
      // `2023年1月至12月`: the end omits the year.
      if let year = Int(start.prefix(4)), let end = read("\(year)年" + parts[1], endOfMonth: true) {
        return (start, end)
      }
    }
    return nil
  }
}

enum CalendarMath {
  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

  static func iso(_ year: Int, _ month: Int, _ day: Int) -> String {
    func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
    return "\(year)-\(pad(month))-\(pad(day))"
  }
}

extension String {
  /// Splits at every occurrence of `separator` (FoundationEssentials has no components(separatedBy:)).
  func components(separatedBy separator: String) -> [String] {
    componentsBytes(separatedBy: separator)
  }
}
