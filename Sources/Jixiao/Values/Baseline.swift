/// A baseline a target is stated against: `较上年`, `比2023年`, `与上年同期相比`, `同比`, `环比`,
/// `在上年基础上`, `不低于上年水平`. Such a target is a change (`较上年提高5%` is 5 % more than
/// last year) or a level set by the baseline (`不低于上年水平`), not a level of its own, and the
/// year in `较2023年提高` is the baseline's, not the target's date.
///
/// Found on the scalars, as the direction words (`QualitativeWords.directions`) are: a
/// comparison word (较, 比, 与, 同) right before a word of a baseline (上年, 同期 …) or a year;
/// 同比 / 环比 alone; a baseline framed by 在…基础上 or 以…为基数; or an operator word of the
/// lexicon (不低于, 超过, 保持 …) right before a word of a baseline. The comparison word alone
/// says nothing: 比例, 与会, 同步, 较好 have no baseline after it, and 不低于90%, 不低于上级要求
/// compare with a level, not a baseline.
struct BaselinePhrase: Sendable, Equatable {
  /// The phrase, comparison word to any 相比 after the baseline: the readers see it as one
  /// word, so that its year reads as no date nor number and 与 as no list separator.
  var start: Int
  var end: Int
  /// The baseline itself (`上年`, `2023年`, `同期`; `同比` and `环比` name their own).
  var referenceStart: Int
  var referenceEnd: Int
  /// The operator an operator word states against the baseline (`不低于上年` is ≥ last year's
  /// level); nil after 较, 比, 与, 同, 在, 以, whose direction, if any, is written after.
  var comparison: Comparison? = nil

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
      if let end = reference(in: scalars, at: after, withMonth: true) {
        let referenceStart = after
        after = trailing(scalars, from: end)
        return BaselinePhrase(start: index, end: after, referenceStart: referenceStart, referenceEnd: end)
      }
      return BaselinePhrase(start: index, end: index + 2, referenceStart: index, referenceEnd: index + 2)
    }
    if BaselineWords.comparisons.contains(scalar) {
      // 相较于上年, 较之上年, 相比于2023年.
      var after = index + 1
      if after < scalars.count, BaselineWords.joiners.contains(scalars[after]) { after += 1 }
      after = skipBlanks(scalars, from: after)
      if let end = reference(in: scalars, at: after, withMonth: true) {
        return BaselinePhrase(start: index, end: trailing(scalars, from: end), referenceStart: after, referenceEnd: end)
      }
    }
    if let closings = BaselineWords.frames[scalar], let phrase = framed(in: scalars, at: index, closings) {
      return phrase
    }
    return operatorPhrase(in: scalars, at: index)
  }

  /// `在上年基础上`, `在2023年的基础之上`, `以上年为基数`, `在预算范围内`: the frame's closing
  /// words are what make 在 and 以 name a baseline (在2024年12月前 and 以上 name none). A
  /// closing that bounds (范围内, 以内) takes no year: `在2024年内` is a date.
  private static func framed(
    in scalars: [Unicode.Scalar], at index: Int, _ closings: [BaselineWords.Closing]
  ) -> BaselinePhrase? {
    let after = skipBlanks(scalars, from: index + 1)
    guard let end = reference(in: scalars, at: after, withMonth: true) else { return nil }
    let closing = skipBlanks(scalars, from: end)
    guard let word = closings.first(where: { starts(scalars, with: $0.word, at: closing) }),
      word.comparison == nil || !isDigit(scalars[after])
    else { return nil }
    return BaselinePhrase(
      start: index, end: closing + word.word.count, referenceStart: after, referenceEnd: end, comparison: word.comparison)
  }

  /// `不低于上年水平`, `超过上年`, `不低于上年的95%`: the lexicon's operator word right before a
  /// baseline states the target against it. A year counts only with a level or 同期 after it
  /// (`高于2023年水平`): `达到2024年12月`, `不低于2024年底` and `为2024年` are dates, and a number
  /// is no year (`超过2000人`).
  private static func operatorPhrase(in scalars: [Unicode.Scalar], at index: Int) -> BaselinePhrase? {
    guard let words = BaselineWords.operators[scalars[index]],
      let match = words.first(where: { starts(scalars, with: $0.word, at: index) })
    else { return nil }
    let after = skipBlanks(scalars, from: index + match.word.count)
    guard let end = reference(in: scalars, at: after, withMonth: false, yearWord: true),
      // `不少于上年结转资金`, `≥预算执行进度`: the word begins the noun the operator compares
      // with, and names no baseline (after 较 it does: 较上年项目数增加).
      !BaselineWords.nounContinuations.contains(where: { starts(scalars, with: $0, at: end) })
    else { return nil }
    // 水平, 标准, 的 after the baseline are of the phrase (the level of the baseline), not a
    // qualifier; a year needs one of them or its 同期 (the only year reference ending in 期).
    let level = skipBlanks(scalars, from: end)
    var phraseEnd = end
    if let levelWord = BaselineWords.levels.first(where: { starts(scalars, with: $0, at: level) }) {
      phraseEnd = level + levelWord.count
    } else if isDigit(scalars[after]), scalars[end - 1] != "期" {
      return nil
    }
    return BaselinePhrase(
      start: index, end: phraseEnd, referenceStart: after, referenceEnd: end, comparison: match.comparison)
  }

  /// The end of a baseline written at `index`: a word of one (longest first), or a year
  /// (four digits, 1900 to 2100, with 年 or 年度 and 同期 if written). `withMonth`: the year
  /// goes on to its month or end (`较2023年12月末`, `比2023年底`), which a comparison word makes
  /// the baseline's; `yearWord`: a year needs its 年 (`超过2000人` has no year).
  private static func reference(
    in scalars: [Unicode.Scalar], at index: Int, withMonth: Bool, yearWord: Bool = false
  ) -> Int? {
    guard index < scalars.count else { return nil }
    // A word only where one begins (`≥95%` has a digit after its sign, most texts neither).
    if !isDigit(scalars[index]) {
      guard BaselineWords.referenceFirsts.contains(scalars[index]),
        let word = BaselineWords.references.first(where: { starts(scalars, with: $0, at: index) })
      else { return nil }
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
      if withMonth, word.count == 1 { end = month(in: scalars, from: end) }
      if let period = BaselineWords.samePeriod.first(where: { starts(scalars, with: $0, at: end) }) { end += period.count }
      return end
    }
    // A bare year (`较2023提高`) only before words: `比2023.5`, `与2023-12` and `较2023%` are numbers or dates.
    guard !yearWord, afterDigits == scalars.count || TargetParser.isIdeographic(scalars[afterDigits]) else { return nil }
    return end
  }

  /// After a year's 年, the month or end of the period it is taken at: `12月末`, `6月`, `底`,
  /// `末`; `index` itself when none is written.
  private static func month(in scalars: [Unicode.Scalar], from index: Int) -> Int {
    if index < scalars.count, BaselineWords.periodEnds.contains(scalars[index]) { return index + 1 }
    let start = skipBlanks(scalars, from: index)
    var end = start
    var month = 0
    while end < scalars.count, end - start < 3, isDigit(scalars[end]) {
      month = month * 10 + Int(scalars[end].value - 0x30)
      end += 1
    }
    guard end > start, end - start <= 2, (1...12).contains(month) else { return index }
    end = skipBlanks(scalars, from: end)
    guard end < scalars.count, scalars[end] == "月" else { return index }
    end += 1
    if end < scalars.count, BaselineWords.periodEnds.contains(scalars[end]) { end += 1 }
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
    "上年", "去年", "上年度", "上一年", "上一年度", "前一年", "上年同期", "去年同期", "上年末", "上年底", "上年度末",
    "上年度底", "上月末", "上季度末", "同期", "上期", "基期", "基年", "上月", "上季度", "上一季度",
    // A cost stated against the money it may spend: `≤预算`, `不超过批复金额`, `比预算节约5%`;
    // a rate of spending against the time elapsed: `不低于序时进度`.
    "预算", "预算数", "预算金额", "预算资金", "年度预算", "批复预算", "批复金额", "批复数", "合同金额", "合同价",
    "序时进度", "时序进度",
  ])
  static let referenceFirsts = Set(references.map { $0[0] })
  /// After an operator's baseline word, the start of a longer noun the word is part of:
  /// 上年结转资金, 预算执行进度 name no baseline.
  static let nounContinuations: [[Unicode.Scalar]] = longestFirst([
    "执行", "编制", "绩效", "管理", "调整", "单位", "项目", "科目", "支出", "收入", "公开", "结转", "结余",
  ])
  static let yearWords: [[Unicode.Scalar]] = longestFirst(["年度", "年"])
  static let samePeriod: [[Unicode.Scalar]] = longestFirst(["同期"])
  static let closings: [[Unicode.Scalar]] = longestFirst(["相比", "相较", "相較", "比较", "比較", "而言"])

  /// A frame's closing words, with the bound one states (在预算范围内 is at most the budget).
  struct Closing: Sendable {
    var word: [Unicode.Scalar]
    var comparison: Comparison?
  }
  /// 在…基础上, 以…为基数, 在…范围内: the opening word and the closings that make it frame a
  /// baseline.
  static let frames: [Unicode.Scalar: [Closing]] = [
    "在": (longestFirst(["基础上", "基础之上", "的基础上", "的基础之上", "基础上面"]).map { Closing(word: $0) }
      + longestFirst(["范围内", "范围之内", "的范围内", "以内", "之内", "内"]).map { Closing(word: $0, comparison: .atMost) })
      .sorted { $0.word.count > $1.word.count },
    "以": longestFirst(["为基数", "为基准", "为基础", "为基期", "为基年"]).map { Closing(word: $0) },
  ]
  /// The end a baseline's month or year is taken at (`2023年12月末`, `2023年底`).
  static let periodEnds: Set<Unicode.Scalar> = ["末", "底", "初"]
  /// After an operator's baseline, its level: 不低于上年水平, 不低于上年的95%.
  static let levels: [[Unicode.Scalar]] = longestFirst([
    "水平", "标准", "同期水平", "平均水平", "的水平", "的标准", "的",
  ])

  /// The lexicon's operators before a value, words and signs (不低于, 超过, 保持, ≥, `\geq` …),
  /// by their first scalar, longest first, with the operator each states: `≥上年` says what
  /// `不低于上年` says. A year after one counts only with its level (`operatorPhrase`), so
  /// `≥2023年` stays a date. Not the words of time order (早于, 不晚于, 截至), whose year is the
  /// target's date.
  static let operators: [Unicode.Scalar: [(word: [Unicode.Scalar], comparison: Comparison)]] = {
    var words: [(word: [Unicode.Scalar], comparison: Comparison)] = []
    for (spelling, lexeme) in ValueLexicon.entries {
      guard case .comparison(let comparison, .prefix) = lexeme else { continue }
      let scalars = Array(spelling.unicodeScalars)
      guard !scalars.contains(where: timeOrder.contains) else { continue }
      words.append((scalars, comparison))
    }
    words.sort { $0.word.count > $1.word.count }
    return Dictionary(grouping: words, by: { $0.word[0] })
  }()
  private static let timeOrder: Set<Unicode.Scalar> = ["早", "晚", "截"]

  /// Scalars a phrase may begin with.
  static let firsts = ScalarFilter(
    comparisons.union(periodComparisons).union(frames.keys).union(operators.keys))

  private static func longestFirst(_ words: [String]) -> [[Unicode.Scalar]] {
    words.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
  }
}
