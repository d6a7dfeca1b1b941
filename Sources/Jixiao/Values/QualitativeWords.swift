/// Word lists for qualitative targets (定性): grades, directions and decoration.
enum QualitativeWords {
  /// Grades as written (分级分档): the reading keeps the one it finds in `grade`.
  static let grades: [String] = [
    "优秀", "优良", "良好", "较好", "合格", "不合格", "及格", "不及格", "达标", "不达标", "满意", "基本满意",
    "非常满意", "不满意", "基本达标", "基本合格", "通过", "不通过", "中等", "一般", "较差", "优", "良", "中", "差", "好", "是", "否",
    "有", "无", "A", "B", "C", "D", "A级", "B级", "C级", "AAA", "AA",
    // Ratings written with a numeral (一级 is the best, so 二级以上 is 一级 or 二级): a rating
    // level, not a number of 级. NFKC has made Ⅲ the letters III.
    "AAAA", "AAAAA", "3A", "4A", "5A", "一级", "二级", "三级", "四级",
    "五级", "甲级", "乙级", "丙级", "甲等", "乙等", "丙等", "二级甲等", "二级乙等", "三级甲等", "三级乙等", "一类", "二类",
    "三类", "四类", "五类", "I类", "II类", "III类", "IV类", "V类", "I级", "II级", "III级", "IV级", "V级",
  ]

  /// Words around a grade that do not change it: 得到良好等次, 达到合格标准, 评为优秀.
  static let gradePrefixes: [String] = [
    "评定为", "评为", "达到", "得到", "获得", "保持", "确保", "均为", "为", "全部", "考核", "等次为", "等级为",
    "结果为", "验收", "质量", "整体", "总体", "国家", "地表水", "水质",
    // An operator column's `=` run into its value (`=合格`): equal to the grade, no bound.
    "=", "==",
  ]
  static let gradeSuffixes: [String] = [
    "等次", "等级", "级别", "标准", "水平", "以上", "及以上", "以上等次", "档次", "档", "级", "率", "结果", "评价", "景区",
    "水质",
  ]

  /// Direction words: 提高5% differs from 下降5%, so one right before a number is kept.
  /// Alone they are a qualitative target of a direction (有所提高, 有所减轻: 正向 or 反向
  /// without a figure); 减轻 and 缓解 say less of a burden or a harm (污染, 负担, 拥堵).
  static let directionScalars: [[Unicode.Scalar]] = directions.map { Array($0.unicodeScalars) }
  static let directions: [String] = [
    "提高", "提升", "增长", "增加", "上升", "下降", "降低", "减少", "缩短", "节约", "压缩", "增幅", "降幅", "同比增长",
    "同比下降", "环比增长", "环比下降", "减轻", "缓解",
    // Neither up nor down: `与上年持平`.
    "持平",
  ]

  /// Words that make a phrase a qualitative target (an outcome or a quality to reach), as
  /// opposed to a description that says what will be done (`采集上报城市管理问题`, kept as
  /// text with a diagnostic). An event that must not happen is one (零, 杜绝, 不发生 under
  /// 安全事故: the outcome is its absence), 未发生 as a self-evaluation states it.
  static let evaluative: [String] = [
    "完成", "及时", "健全", "建立", "有效", "明显", "显著", "改善", "好转", "保障", "稳定", "准确", "规范", "持续",
    "实现", "达到", "达成", "优化", "推广", "一致", "扩大", "适宜", "共享", "符合", "落实", "形成", "覆盖",
    "长期", "公开", "公布", "应用", "保证", "确保", "满足", "增强", "加强", "完善", "不断", "逐步", "全面",
    "高于", "低于", "不低于", "不高于", "零", "无重大", "杜绝", "消除", "不发生", "未发生", "不出现", "控制在",
    "统一", "唯一", "一流", "领先", "前列", "保持", "维护", "应保尽保", "應保盡保", "满意", "认可", "到位", "正常", "安全", "按时", "按期", "按月",
    "按季", "按年", "每月", "每季", "每年", "定期", "常态", "良好", "健康", "畅通", "整洁", "有序", "可持续",
    "通过", "十佳", "先进", "示范",
  ]

  static let evaluativeScalars: [[Unicode.Scalar]] = evaluative.map { Array($0.unicodeScalars) }
  /// Evaluative and direction words by their first scalar: one pass over the text looks up
  /// the words that can start at each place, instead of one pass per word (a hundred words
  /// scanned every target and every cell tested for a value).
  private static let evaluativeByFirst = WordIndex(evaluativeScalars + directionScalars)

  /// Whether the phrase states a quality or an outcome (see `evaluative`).
  static func isEvaluative(_ text: [Unicode.Scalar]) -> Bool {
    evaluativeByFirst.occurs(in: text)
  }

  /// Text that is a form's sign-off, not a target.
  static let formResidue: [String] = ["盖章", "签字", "签名", "填报人", "联系电话", "审核意见"]

  private static let gradeSet = Set(grades)
  private static let gradeWords = WordIndex(grades.map { Array($0.unicodeScalars) })
  /// `不低于良好`, `不低于二级`, `≥良好`: this grade or a better one. `优于Ⅲ类` is read so too:
  /// the water-quality statistics it comes from count Ⅲ类 itself as 优于Ⅲ类 (达到或优于).
  private static let atLeastPrefixes = [
    "不低于", "不得低于", "不应低于", "至少", "至少为", "至少达到", "≥", ">=", "=>", "≧", "⩾", "优于", "好于", "达到或优于",
    "不劣于",
  ]
  // Longest first, decoration and bounds in one list: `以上` taken before `及以上` left `良好及`,
  // and `达到` before `达到或优于` left `或优于Ⅲ类`, no grade.
  private static let prefixScalars = (gradePrefixes.map { ($0, false) } + atLeastPrefixes.map { ($0, true) })
    .map { (Array($0.unicodeScalars), $1) }.sorted { $0.0.count > $1.0.count }
  private static let suffixScalars = longestFirst(gradeSuffixes).map { ($0, $0.contains("上")) }
  private static let atMostSuffixes = longestFirst(["以下", "及以下"])

  private static func longestFirst(_ words: [String]) -> [[Unicode.Scalar]] {
    words.map { Array($0.unicodeScalars) }.sorted { $0.count > $1.count }
  }
  private static let residueScalars = formResidue.map { Array($0.unicodeScalars) }

  /// Whether a grade word occurs anywhere in `text` (a grade can only be read where one does).
  static func mayHoldGrade(_ text: [Unicode.Scalar]) -> Bool { gradeWords.occurs(in: text) }

  /// The grade in `text`, if the text is a grade with decoration around it.
  static func grade(in text: [Unicode.Scalar]) -> (grade: String, atLeast: Bool, atMost: Bool)? {
    // What is left after the decoration is a part of the text: no grade in it, no grade.
    guard mayHoldGrade(text) else { return nil }
    var core = text[...]
    var atLeast = false
    var atMost = false
    // The grade is the last core that is one: `A级` strips to `A`, `二级标准` to `二级` and not
    // on to `二`, since 级 is also decoration.
    var found: (grade: String, atLeast: Bool, atMost: Bool)?
    func consider() {
      guard core.count <= 6 else { return }
      let candidate = String(scalars: core)
      if gradeSet.contains(candidate) { found = (candidate, atLeast, atMost) }
    }
    consider()
    var changed = true
    while changed {
      changed = false
      for (prefix, isAtLeast) in prefixScalars where core.count > prefix.count && core.starts(with: prefix) {
        if isAtLeast { atLeast = true }
        core = core.dropFirst(prefix.count)
        changed = true
        consider()
      }
      for (suffix, isAtLeast) in suffixScalars
      where core.count > suffix.count && core.reversed().starts(with: suffix.reversed()) {
        if isAtLeast { atLeast = true }
        core = core.dropLast(suffix.count)
        changed = true
        consider()
      }
      for suffix in atMostSuffixes where core.count > suffix.count && core.reversed().starts(with: suffix.reversed()) {
        atMost = true
        core = core.dropLast(suffix.count)
        changed = true
        consider()
      }
    }
    return found
  }

  /// Whether `text` holds a form's sign-off words (盖章, 签字 …).
  static func isFormResidue(_ text: [Unicode.Scalar]) -> Bool {
    guard text.count >= 2 else { return false }
    return residueByFirst.occurs(in: text)
  }

  private static let residueByFirst = WordIndex(residueScalars)

  /// Whether `text` ends with one of `words`; returns that word.
  static func suffix(of text: ArraySlice<Unicode.Scalar>, among words: [[Unicode.Scalar]]) -> [Unicode.Scalar]? {
    words.first { text.count >= $0.count && text.reversed().starts(with: $0.reversed()) }
  }
}

/// Words grouped by their first scalar, to find whether any of them occurs in a text in one
/// pass over it.
struct WordIndex: Sendable {
  private let byFirst: [Unicode.Scalar: [[Unicode.Scalar]]]
  private let firsts: ScalarFilter

  init(_ words: [[Unicode.Scalar]]) {
    byFirst = Dictionary(grouping: words.filter { !$0.isEmpty }, by: { $0[0] })
    firsts = ScalarFilter(byFirst.keys)
  }

  func occurs(in text: [Unicode.Scalar]) -> Bool {
    for start in text.indices where firsts.mayContain(text[start]) {
      if occurs(in: text, at: start) { return true }
    }
    return false
  }

  /// Whether one of the words is written at `start` (a valid index of `text`).
  func occurs(in text: [Unicode.Scalar], at start: Int) -> Bool {
    guard let words = byFirst[text[start]] else { return false }
    for word in words where text.count - start >= word.count {
      if text[start..<(start + word.count)].elementsEqual(word) { return true }
    }
    return false
  }
}

/// A bitmap of the Basic Multilingual Plane: whether a scalar may be one of a set, answered
/// without hashing it. Word lists keyed by their first scalar are probed at every scalar of
/// a text, and most scalars start no word; a dictionary lookup hashes each one first.
struct ScalarFilter: Sendable {
  private let bits: [UInt64]

  init(_ scalars: some Sequence<Unicode.Scalar>) {
    var bits = [UInt64](repeating: 0, count: 1024)
    for scalar in scalars where scalar.value < 0x10000 {
      bits[Int(scalar.value >> 6)] |= 1 << UInt64(scalar.value & 63)
    }
    self.bits = bits
  }

  /// False only when the scalar is surely not in the set (scalars beyond the BMP: true).
  @inline(__always)
  func mayContain(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    guard value < 0x10000 else { return true }
    return bits.withUnsafeBufferPointer { $0[Int(value >> 6)] } & (1 << UInt64(value & 63)) != 0
  }
}
