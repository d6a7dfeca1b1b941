/// A baseline a target is stated against: `较上年`, `比2023年`, `与上年同期相比`, `同比`, `环比`.
/// Such a target is a change (`较上年提高5%` is 5 % more than last year), not a level, and
/// the year in `较2023年提高` is the baseline's, not the target's date.
///
/// Found on the scalars, as the direction words (`QualitativeWords.directions`) are: a
/// comparison word (较, 比, 与, 同) right before a word of a baseline (上年, 同期 …) or a year,
/// or 同比 / 环比 alone. The comparison word alone says nothing: 比例, 与会, 同步, 较好 have
/// no baseline after it.
struct BaselinePhrase: Sendable, Equatable {
  /// The phrase, comparison word to any 相比 after the baseline: the readers see it as one
  /// word, so that its year reads as no date nor number and 与 as no list separator.
  var start: Int
  var end: Int
  /// The baseline itself (`上年`, `2023年`, `同期`; `同比` and `环比` name their own).
  var referenceStart: Int
  var referenceEnd: Int

  /// Every phrase in `scalars`, in order; empty for most texts, which hold no comparison word.
  static func find(in scalars: [Unicode.Scalar]) -> [BaselinePhrase] {
    // Most targets hold none of the words' first scalars: one test of each scalar.
    guard scalars.contains(where: BaselineWords.firsts.mayContain) else { return [] }
    var phrases: [BaselinePhrase] = []
    var index = 0
    while index < scalars.count {
      if BaselineWords.firsts.mayContain(scalars[index]), let phrase = phrase(in: scalars, at: index) {
        phrases.append(phrase)
        index = phrase.end
      } else {
        index += 1
      }
    }
    return phrases
  }

  /// The phrase that begins at `index`, if one does.
  private static func phrase(in scalars: [Unicode.Scalar], at index: Int) -> BaselinePhrase? {
    let scalar = scalars[index]
    // 同比, 环比: the comparison and its baseline in one word; 同比例 (in proportion) is none.
    if BaselineWords.periodComparisons.contains(scalar), index + 1 < scalars.count, scalars[index + 1] == "比",
      index + 2 == scalars.count || scalars[index + 2] != "例"
    {
      // 同比上年: the baseline written after it is the one.
      var after = skipBlanks(scalars, from: index + 2)
      if let end = reference(in: scalars, at: after) {
        let referenceStart = after
        after = trailing(scalars, from: end)
        return BaselinePhrase(start: index, end: after, referenceStart: referenceStart, referenceEnd: end)
      }
      return BaselinePhrase(start: index, end: index + 2, referenceStart: index, referenceEnd: index + 2)
    }
    guard BaselineWords.comparisons.contains(scalar) else { return nil }
    // 相较于上年, 较之上年, 相比于2023年.
    var after = index + 1
    if after < scalars.count, BaselineWords.joiners.contains(scalars[after]) { after += 1 }
    after = skipBlanks(scalars, from: after)
    guard let end = reference(in: scalars, at: after) else { return nil }
    return BaselinePhrase(start: index, end: trailing(scalars, from: end), referenceStart: after, referenceEnd: end)
  }

  /// The end of a baseline written at `index`: a word of one (longest first), or a year
  /// (four digits, 1900 to 2100, with 年 or 年度 and 同期 if written).
  private static func reference(in scalars: [Unicode.Scalar], at index: Int) -> Int? {
    guard index < scalars.count else { return nil }
    if let word = BaselineWords.references.first(where: { starts(scalars, with: $0, at: index) }) {
      return index + word.count
    }
    var end = index
    while end < scalars.count, end - index < 5, isDigit(scalars[end]) { end += 1 }
    guard end - index == 4 else { return nil }
    var year = 0
    for digit in scalars[index..<end] { year = year * 10 + Int(digit.value - 0x30) }
    guard (1900...2100).contains(year) else { return nil }
    let afterDigits = skipBlanks(scalars, from: end)
    if let word = BaselineWords.yearWords.first(where: { starts(scalars, with: $0, at: afterDigits) }) {
      end = afterDigits + word.count
      if let period = BaselineWords.samePeriod.first(where: { starts(scalars, with: $0, at: end) }) { end += period.count }
      return end
    }
    // A bare year (`较2023提高`) only before words: `比2023.5`, `与2023-12` and `较2023%` are numbers or dates.
    guard afterDigits == scalars.count || TargetParser.isIdeographic(scalars[afterDigits]) else { return nil }
    return end
  }

  /// After the baseline, `相比`, `而言` and the like that close the comparison: part of the
  /// phrase (so not of the qualifier), none of the baseline.
  private static func trailing(_ scalars: [Unicode.Scalar], from index: Int) -> Int {
    let after = skipBlanks(scalars, from: index)
    if let word = BaselineWords.closings.first(where: { starts(scalars, with: $0, at: after) }) { return after + word.count }
    return index
  }

  private static func skipBlanks(_ scalars: [Unicode.Scalar], from index: Int) -> Int {
    var index = index
    while index < scalars.count, scalars[index] == " " || scalars[index] == "\t" || scalars[index] == "\u{3000}" { index += 1 }
    return index
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }

  private static func starts(_ scalars: [Unicode.Scalar], with word: [Unicode.Scalar], at index: Int) -> Bool {
    guard index >= 0, scalars.count - index >= word.count else { return false }
    return scalars[index..<(index + word.count)].elementsEqual(word)
  }
}

/// The words of a baseline phrase (after NFKC; traditional forms too, for a document that is
/// not read in simplified script).
enum BaselineWords {
  /// Words that compare what follows with the value: 较上年, 比2023年, 与同期, 同上年.
  static let comparisons: Set<Unicode.Scalar> = ["较", "較", "比", "与", "與", "同"]
  /// 同比, 环比: compared with the same period a year before, with the period before.
  static let periodComparisons: Set<Unicode.Scalar> = ["同", "环", "環"]
  /// Between a comparison word and its baseline: 相较于, 较之.
  static let joiners: Set<Unicode.Scalar> = ["于", "於", "之"]
  /// Longest first, so that 上年同期 is not taken as 上年.
  static let references: [[Unicode.Scalar]] = longestFirst([
    "上年", "去年", "上年度", "上一年", "上一年度", "前一年", "上年同期", "去年同期", "上年末", "上年底", "同期", "上期",
    "基期", "基年", "上月", "上季度", "上一季度",
  ])
  static let yearWords: [[Unicode.Scalar]] = longestFirst(["年度", "年"])
  static let samePeriod: [[Unicode.Scalar]] = longestFirst(["同期"])
  static let closings: [[Unicode.Scalar]] = longestFirst(["相比", "相较", "相較", "比较", "比較", "而言"])

  /// Scalars a phrase may begin with.
  static let firsts = ScalarFilter(comparisons.union(periodComparisons))

  private static func longestFirst(_ words: [String]) -> [[Unicode.Scalar]] {
    words.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
  }
}
