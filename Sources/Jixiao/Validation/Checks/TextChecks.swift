import FoundationEssentials

/// JX602: the scoring rule states a full mark (`共计8分`) other than the indicator's weight.
enum ScoringFullMarkDiffersFromWeight: Check {
  static let entry = CatalogueEntry(
    "JX602", .warning,
    title: Localized(zh: "评分标准的满分与分值不符", en: "scoring rule's full mark differs from the weight"),
    message: Localized(zh: "“{0}”的分值为 {1}，评分标准却写“{2}”", en: "'{0}' is weighted {1} but its scoring rule says '{2}'"),
    explanation: Localized(
      zh: "评分标准写明了满分（“共计N分”“满分N分”），而分值（权重）列是另一个数，二者必有一处未更新。只比较明确写出的满分，不比较分档得分与扣分。\\n示例：分值 5分，评分标准“成本节约率大于0得满分，共计9分”。\\n修正：统一分值与评分标准。",
      en: "The scoring rule states a full mark (共计N分, 满分N分) while the weight column gives another number; one of the two was not updated. Only an explicit full mark is compared, not tiered scores or deductions.\\nExample: weight 5分 and the rule 成本节约率大于0得满分，共计9分.\\nFix: make the weight and the scoring rule agree."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    subject.findings(ownTargetsOnly: false, where: { $0.hasWeight && $0.hasScoring }) { entity, checked in
      let indicator = checked.indicator
      guard let weight = indicator.weight, let scoring = checked.scoringText,
        let (phrase, fullMark) = fullMark(in: scoring), fullMark != weight
      else { return nil }
      return Diagnostic(
        self, span: indicator.spans[.scoring] ?? indicator.span, indicator.name ?? "", indicator.weightRaw ?? DecimalText.plain(weight), phrase,
        related: indicator.spans[.weight].map { [.init(.comparedWith, span: $0, indicator.weightRaw ?? "")] } ?? [])
    }
  }

  /// `共计8分`, `满分10分`, `满分为10分`, `总分20分`: the phrase and its number (the first
  /// marker of the list that has one, then the first place it has one).
  static func fullMark(in text: String) -> (String, Decimal)? {
    // Every phrase has 分 and a marker. NFKC makes none of their characters from any other
    // (TextScanTests), nor joins or parts them: a text without them needs no ICU.
    guard text.containsBytes("分"), fullMarkMarkerList.anyOccurs(in: text) else { return nil }
    return fullMark(inAnyText: text)
  }

  /// `fullMark` without the test for 分 and a marker (what TextScanTests hold it to).
  static func fullMark(inAnyText text: String) -> (String, Decimal)? {
    text.withUTF8Bytes { bytes in
      // `ICU.nfkc` of most texts is `narrowFullWidth`'s, which is written here to the stack:
      // as a string it was allocated, and then read only to find the phrase.
      withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { output in
        if let count = NFKCCheck.narrowFullWidth(bytes, into: output) {
          return fullMark(inNormalized: UnsafeBufferPointer(rebasing: output[..<count]))
        }
        return ICU.nfkcByICU(text).withUTF8Bytes { fullMark(inNormalized: $0) }
      }
    }
  }

  /// The phrase and number of the first marker of `fullMarkMarkers` that has one in the NFKC
  /// bytes, at the first place it has one; in one walk over the bytes rather than one a marker.
  private static func fullMark(inNormalized bytes: UnsafeBufferPointer<UInt8>) -> (String, Decimal)? {
    let markers = fullMarkMarkers
    var best: (marker: Int, phrase: String, value: Decimal)?
    var index = 0
    // Every marker begins with 共 (E5 85 B1), 满 (E6 BB A1) or 总 (E6 80 BB): only there are
    // the markers compared. A marker, UTF-8 as the text is, begins where a scalar does: the
    // walk steps over continuation bytes.
    while index + 2 < bytes.count {
      let lead = bytes[index]
      if lead == 0xE5 || lead == 0xE6, Self.beginsMarker(bytes[index + 1], bytes[index + 2]) {
        for marker in markers.indices where marker < (best?.marker ?? markers.count) {
          if let (phrase, value) = phrase(of: markers[marker], at: index, in: bytes) {
            best = (marker, phrase, value)
            break
          }
        }
        if best?.marker == 0 { break }
      }
      index &+= WordList.scalarLength(leading: lead)
    }
    return best.map { ($0.phrase, $0.value) }
  }

  /// Whether the second and third bytes of a scalar led by E5 or E6 are those of 共, 满 or 总.
  @inline(__always)
  private static func beginsMarker(_ second: UInt8, _ third: UInt8) -> Bool {
    (second == 0x85 && third == 0xB1) || (second == 0xBB && third == 0xA1) || (second == 0x80 && third == 0xBB)
  }

  /// `marker`, digits and points, and 分 at `at`: the phrase and its number.
  @inline(__always)
  private static func phrase(of marker: [UInt8], at: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (String, Decimal)? {
    guard bytes.hasBytes(marker, at: at) else { return nil }
    var end = at + marker.count
    while end < bytes.count, bytes[end] >= 0x30 && bytes[end] <= 0x39 || bytes[end] == 0x2E { end += 1 }
    let digits = at + marker.count..<end
    // 分 is E5 88 86.
    guard !digits.isEmpty, end + 3 <= bytes.count, bytes[end] == 0xE5, bytes[end + 1] == 0x88, bytes[end + 2] == 0x86,
      let value = AmountsInText.plainNumber(UnsafeBufferPointer(rebasing: bytes[digits])).map({
        Decimal(sign: .plus, exponent: -$0.1, significand: Decimal($0.0))
      }) ?? Decimal(string: String(decoding: UnsafeBufferPointer(rebasing: bytes[digits]), as: UTF8.self))
    else { return nil }
    return (String(decoding: UnsafeBufferPointer(rebasing: bytes[at..<(end + 3)]), as: UTF8.self), value)
  }

  private static let fullMarkMarkers: [[UInt8]] = ["共计", "满分为", "满分", "总分为", "总分"].map { Array($0.utf8) }
  private static let fullMarkMarkerList = WordList(["共计", "满分", "总分"])
}

/// `text.unicodeScalars.count <= limit` from the UTF-8 bytes: every scalar has one byte that
/// is not a continuation byte (10xxxxxx), and the scalar view counted by decoding. A scalar
/// has at most four bytes, so a longer text (most goals) has more scalars uncounted.
func scalarCount(_ text: String, isAtMost limit: Int) -> Bool {
  text.withUTF8Bytes { bytes in
    if bytes.count <= limit { return true }
    if bytes.count > 4 * limit { return false }
    var count = 0
    for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
    return count <= limit
  }
}

/// JX603: a project's name or short goal names only a year other than the budget year
/// (`2022年餐饮油烟维护经费` in a 2023 table).
enum YearInNameOrGoal: Check {
  static let entry = CatalogueEntry(
    "JX603", .warning,
    title: Localized(zh: "名称或目标的年份与预算年度不符", en: "name or goal names another year"),
    message: Localized(zh: "“{0}”写的是 {1} 年，而表格的预算年度是 {2} 年", en: "'{0}' names {1}, but the table's budget year is {2}"),
    explanation: Localized(
      zh: "项目名称或简短的绩效目标写了一个与预算年度不同的年份，多为沿用上年表格未改。只看名称和 40 字以内的目标，且其中没有出现预算年度时才报告。\\n示例：2023 年度表中，名称“2023年餐饮油烟维护经费”，绩效目标“2022年餐饮油烟维护经费”。\\n修正：更正年份。",
      en: "A project's name or short goal names a year other than the budget year, usually because last year's table was copied. Only the name and goals of up to 40 characters are read, and only when the budget year does not appear in them.\\nExample: in a 2023 table, the name 2023年餐饮油烟维护经费 with the goal 2022年餐饮油烟维护经费.\\nFix: correct the year."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for project in subject.document.projects {
      guard let year = subject.table(project.table)?.year else { continue }
      var texts: [(String, SourceSpan)] = []
      if let name = project.name, let field = project.fields.first(where: { $0.role == FieldRole.name.rawValue }) {
        texts.append((name, field.span))
      }
      if let goal = project.goals.annual, scalarCount(goal, isAtMost: 40), let span = project.goals.annualSpan {
        texts.append((goal, span))
      }
      for (text, span) in texts {
        let written = TextNamesAnotherYear.yearsWritten(in: text)
        if written.isEmpty { continue }
        let years = Set(written)
        if let other = years.sorted().first, !years.contains(String(year)) {
          diagnostics.append(Diagnostic(self, span: span, text, other, String(year)))
        }
      }
    }
    return diagnostics
  }
}
