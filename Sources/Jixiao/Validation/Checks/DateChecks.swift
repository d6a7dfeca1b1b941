/// JX401: a date target outside the budget year and the project period.
enum DateOutsideYear: Check {
  static let entry = CatalogueEntry(
    "JX401", .warning,
    title: Localized(zh: "日期超出预算年度", en: "date outside the budget year"),
    message: Localized(zh: "目标日期“{0}”（{1}）不在预算年度 {2} 及项目期内", en: "the target date '{0}' ({1}) falls outside the budget year {2} and the project period"),
    explanation: Localized(
      zh: "完成时间类目标应落在表格的预算年度（或项目起止时间）之内。\n示例：2024 年度的表中，`完成时间 │ 2023年12月`，或项目期止于 2024-12-31 而目标为“次年1月”。\n修正：核对年份。",
      en: "A completion date should fall within the table's budget year (or the project's period).\nExample: in a 2024 table, `完成时间 │ 2023年12月`; or a project ending 2024-12-31 with a target of 次年1月.\nFix: check the year."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    // Most targets have neither a date nor parts, which the facts tell.
    subject.eachFact(ownTargetsOnly: true, where: { $0.horizon == .annual && $0.hasDateOrParts }) { entity, checked in
      guard let year = entity.table?.year else { return }
      let period = entity.period
      let indicator = checked.indicator
      for interval in dates(indicator.target) {
        let inYear = interval.start.hasPrefixBytes("\(year)") || interval.end.hasPrefixBytes("\(year)")
        var inPeriod = false
        if let start = period?.start, let end = period?.end {
          inPeriod = interval.end >= start && interval.start <= end
        } else if let years = period?.years, years > 1, years <= 50 {
          // A period given as a length (`实施期限 │ 2年`) runs from the budget year on.
          inPeriod = interval.end >= "\(year)-01-01" && interval.start <= "\(year + years - 1)-12-31"
        }
        if !inYear && !inPeriod {
          diagnostics.append(Diagnostic(self, span: indicator.targetSpan, indicator.target.raw, "\(interval.start)…\(interval.end)", String(year)))
          break
        }
      }
    }
    return diagnostics
  }

  /// The dates of a target and of its parts. A year the grammar filled in is the budget
  /// year, so only written years (`2023年12月`) and relative ones (`次年1月`) can fall outside.
  static func dates(_ target: Target) -> [DateInterval] {
    var result: [DateInterval] = []
    if let date = target.date { result.append(date) }
    for part in target.parts { result += dates(part) }
    return result
  }
}

/// JX402: the explanation or scoring rule names a different year than the date target.
enum TextNamesAnotherYear: Check {
  static let entry = CatalogueEntry(
    "JX402", .warning,
    title: Localized(zh: "说明中的年份与目标不符", en: "text names another year"),
    message: Localized(zh: "目标为 {0} 年（“{1}”），{2}却写 {3} 年", en: "the target is in {0} ('{1}') but the {2} says {3}"),
    explanation: Localized(
      zh: "时间目标的年份与指标解释或评分标准中的年份不一致，多为沿用上年表格未改。\n示例：`完成时间 │ 2023年12月`，评分标准“在2022年12月底前完成得满分”。\n修正：统一年份。",
      en: "The year of a date target and the year in its explanation or scoring rule disagree, usually because last year's table was copied without updating.\nExample: `完成时间 │ 2023年12月` with the scoring rule 在2022年12月底前完成得满分.\nFix: make the years agree."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    // Most targets have neither a date nor parts, which the facts tell.
    subject.eachFact(ownTargetsOnly: true, where: { $0.hasDateOrParts }) { entity, checked in
      let indicator = checked.indicator
      guard let date = indicator.target.date ?? indicator.target.parts.lazy.compactMap({ $0.date }).first else { return }
      let targetYear = String(date.start.prefix(4))
      for (key, text) in [(SpanName.explanation, indicator.explanation), (.scoring, indicator.scoring)] {
        guard let text else { continue }
        let years = Set(yearsWritten(in: text))
        if let other = years.sorted().first(where: { $0 != targetYear }), !years.contains(targetYear) {
          diagnostics.append(
            Diagnostic(
              self, span: indicator.targetSpan, targetYear, indicator.target.raw, "@" + key.rawValue, other,
              related: indicator.spans[key].map { [.init(.comparedWith, span: $0, String(text.prefix(30)))] } ?? []))
        }
      }
    }
    return diagnostics
  }

  /// Four-digit years followed by 年: `2022年12月底`.
  static func yearsWritten(in text: String) -> [String] {
    // Only 年 and its compatibility form U+F98E are 年 after NFKC (TextScanTests): without
    // either, most texts need neither ICU nor a character walk.
    guard text.containsBytes("年") || text.containsBytes(compatibilityNian) else { return [] }
    let normalized = ICU.nfkc(text)
    // Where every scalar is a character of its own, digits and 年 are found in the bytes.
    if normalized.scalarCountIfEachIsACharacter != nil { return yearsWritten(inBytesOf: normalized) }
    return yearsWritten(inCharactersOf: normalized)
  }

  /// U+F98E, built from its scalar: a literal would have the same bytes, but this says so.
  private static let compatibilityNian = String(Character(Unicode.Scalar(0xF98E)!))

  /// `yearsWritten` on NFKC text whose every scalar is a character: ASCII digits are single
  /// bytes, and a test at a byte inside a scalar fails as the test at its character would.
  static func yearsWritten(inBytesOf normalized: String) -> [String] {
    normalized.withUTF8Bytes { bytes in
      var years: [String] = []
      var index = 0
      // 年 is E5 B9 B4.
      while index + 7 <= bytes.count {
        var year = 0
        var digits = 0
        while digits < 4, bytes[index + digits] >= 0x30 && bytes[index + digits] <= 0x39 {
          year = year * 10 + Int(bytes[index + digits] - 0x30)
          digits += 1
        }
        if digits == 4, bytes[index + 4] == 0xE5, bytes[index + 5] == 0xB9, bytes[index + 6] == 0xB4,
          index == 0 || !(bytes[index - 1] >= 0x30 && bytes[index - 1] <= 0x39), (1990...2100).contains(year)
        {
          years.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[index..<(index + 4)]), as: UTF8.self))
          index += 7
        } else {
          index += 1
        }
      }
      return years
    }
  }

  /// `yearsWritten` by characters, for NFKC text where a scalar may join another.
  static func yearsWritten(inCharactersOf normalized: String) -> [String] {
    let characters = Array(normalized)
    var years: [String] = []
    var index = 0
    while index + 4 < characters.count {
      let slice = characters[index..<(index + 4)]
      if slice.allSatisfy({ $0.isASCII && $0.isNumber }), characters[index + 4] == "年",
        index == 0 || !(characters[index - 1].isASCII && characters[index - 1].isNumber),
        let year = Int(String(slice)), (1990...2100).contains(year)
      {
        years.append(String(slice))
        index += 5
      } else {
        index += 1
      }
    }
    return years
  }
}

/// JX403: a project period that ends before it starts.
enum PeriodEndsBeforeStart: Check {
  static let entry = CatalogueEntry(
    "JX403", .error,
    title: Localized(zh: "项目期结束早于开始", en: "period ends before it starts"),
    message: Localized(zh: "项目期结束 {1} 早于开始 {0}", en: "the project period ends {1}, before it starts {0}"),
    explanation: Localized(
      zh: "计划完成日期早于计划开始日期。\n示例：`计划开始日期 │ 2024-06-01 │ 计划完成日期 │ 2024-01-31`。\n修正：更正日期。",
      en: "The planned end is earlier than the planned start.\nExample: `计划开始日期 │ 2024-06-01 │ 计划完成日期 │ 2024-01-31`.\nFix: correct the dates."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    subject.document.projects.compactMap { project in
      guard let start = project.period.start, let end = project.period.end, end < start else { return nil }
      return Diagnostic(self, span: project.span, start, end)
    }
  }
}
