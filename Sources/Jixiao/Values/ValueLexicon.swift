/// Where a comparison word stands relative to its number.
enum ComparisonPlacement: Sendable, Hashable {
  /// Before the number: `≥`, `大于`, `不低于`.
  case prefix
  /// After the number (and unit): `以上`, `以内`.
  case suffix
}

/// Date words the date reader assembles into an interval.
enum DateMarker: Sendable, Hashable {
  case year  // 年
  case budgetYearWord  // 年度
  case month  // 月, 月份
  case day  // 日, 号
  case quarter  // 季度, 季
  case quarterLetter  // Q (Q4)
  case xun(Int)  // 上旬 1, 中旬 2, 下旬 3
  case start  // 初
  case end  // 底, 末
  case monthStart  // 月初
  case monthEnd  // 月底, 月末
  case half(Int)  // 上半年 1, 下半年 2
  case bothHalves  // 上下半年
  case yearEnd  // 年底, 年末
  case yearStart  // 年初
  case wholeYear  // 全年, 年内
  case relativeYear(Int)  // 今年/本年/当年 0, 次年/明年 1
  case before  // 之前, 以前 (前 alone is `front`)
  case after  // 后, 以后, 之后, 起
}

/// Rank words.
enum RankMarker: Sendable, Hashable {
  case ordinal  // 第
  case place  // 名, 位, 名次
  case nearTop  // 前列, 前茅
}

/// What a lexicon entry means to the parser.
enum Lexeme: Sendable, Hashable {
  case comparison(Comparison, ComparisonPlacement)
  /// `控制在`: an upper bound (`<=`) when a number follows.
  case keepWithin
  case unit(LexemeText)
  /// `万`, `亿` after a number: 万元 unless another unit follows; `千` multiplies.
  case scale(LexemeText)
  case date(DateMarker)
  /// `前`: a rank (`前三名`) before a number, a deadline (`9月前`) after a date.
  case front
  case rank(RankMarker)
  /// `百分之` (→ %), `千分之` (→ ‰), `¥` (→ 元, or 万元 with 万 after the number): a unit
  /// written before its number.
  case unitPrefix(LexemeText)
  /// `成` after a numeral: 九成 = 90 %.
  case tenths
  case rangeSeparator
  case listSeparator
  /// `或` between two targets (`≥90%或≥95%`): either, never a range of the two.
  case alternative
  /// `约`, `左右`: kept as a qualifier, the number is unchanged.
  case approximately
  /// `余`, `多` between a number and its unit: more than the number.
  case moreThan
  /// `$`, `★`, LaTeX braces: skipped.
  case ignorable
  /// A word kept whole so its characters are not read as numerals or units (`一致`, `完成`).
  case word
  case openParen
  case closeParen
  case slash
}

/// The text a lexeme carries: a unit's canonical spelling (`万元`), a scale (`万`), a percent
/// sign. Kept as a number into a table, so that a token holds no reference: the parser
/// copies and frees arrays of tokens at every step, and tokens without a reference are
/// copied and freed as bytes, with no retain or release.
struct LexemeText: Hashable, Sendable {
  private let id: UInt16

  private init(id: UInt16) { self.id = id }

  static let wan = LexemeText(id: 0)
  static let yi = LexemeText(id: 1)
  static let qian = LexemeText(id: 2)
  static let percent = LexemeText(id: 3)
  static let permille = LexemeText(id: 4)
  static let yuan = LexemeText(id: 5)

  /// A canonical unit of `UnitTable`; nil for any other text.
  init?(unit: String) {
    guard let id = Self.ids[ByteKey(unit)] else { return nil }
    self.id = id
  }

  var text: String { Self.texts[Int(id)] }

  /// The six texts above, then every other canonical unit.
  private static let texts: [String] = {
    var texts = ["万", "亿", "千", "%", "‰", "元"]
    var seen = Set(texts.map(ByteKey.init))
    // (Grown once: a set grown insert by insert rehashed every key each time.)
    seen.reserveCapacity(texts.count + UnitTable.spellings.count)
    for canonical in UnitTable.spellings.values where seen.insert(ByteKey(canonical)).inserted {
      texts.append(canonical)
    }
    return texts
  }()

  private static let ids: [ByteKey: UInt16] = {
    var ids: [ByteKey: UInt16] = [:]
    for (id, text) in texts.enumerated() { ids[ByteKey(text)] = UInt16(id) }
    return ids
  }()
}

/// The words and symbols of target values, with a longest-match index over Unicode scalars.
///
/// Spellings are after NFKC (`＞` is already `>`). A new operator word, date word or unit is
/// one entry in `entries` (or in `UnitTable`).
enum ValueLexicon {
  static let entries: [(String, Lexeme)] = {
    var list: [(String, Lexeme)] = []
    func add(_ lexeme: Lexeme, _ spellings: String...) {
      for spelling in spellings { list.append((spelling, lexeme)) }
    }
    // Operators: symbols, LaTeX from PDF converters, HTML entities, words.
    add(
      .comparison(.atLeast, .prefix),
      "≥",
      ">=",
      "=>",
      // A blank typed or recognised between the two marks.
      "> =",
      "≧",
      "⩾",
      #"\geq"#,
      #"\ge"#,
      #"\geqslant"#,
      "&ge;",
      "大于等于",
      "大于或等于",
      "大于及等于",
      "不低于",
      "不少于",
      "不小于",
      "不得低于",
      "不得少于",
      "不得小于",
      "不应低于",
      "不应少于",
      "至少",
      "至少为",
      "最少",
      "最低",
      "达到",
      "达",
      "不早于",
      "高于或等于",
      "多于或等于",
      // Negated: 未 and 没有 say 不 (the longest entry is matched, so 未低于 is not 低于).
      "未低于",
      "未少于",
      "未小于",
      "没有低于",
      "≮"
    )
    add(.comparison(.greater, .prefix), ">", #"\gt"#, "&gt;", "大于", "高于", "超过", "多于", "超出", "晚于", "优于", "逾")
    add(.comparison(.equal, .prefix), "=", "==", "═", "等于", "为", "均为", "保持", "维持")
    add(.comparison(.less, .prefix), "<", #"\lt"#, "&lt;", "小于", "低于", "少于", "不足", "不到", "早于", "未达到", "未达")
    add(
      .comparison(.atMost, .prefix),
      "≤",
      "<=",
      "=<",
      "< =",
      "≦",
      "⩽",
      #"\leq"#,
      #"\le"#,
      #"\leqslant"#,
      "&le;",
      "小于等于",
      "小于或等于",
      "不高于",
      "不超过",
      "不大于",
      "不多于",
      "不得超过",
      "不得高于",
      "不得大于",
      "不应超过",
      "不应高于",
      "至多",
      "最多",
      "最高",
      "不晚于",
      "截至",
      "截止",
      "截止到",
      "截至到",
      "低于或等于",
      "未超过",
      "未超出",
      "不超出",
      "没有超过",
      "没超过",
      "不得超出",
      "未高于",
      "未大于",
      "未多于",
      "不高出",
      "不超",
      "≯"
    )
    add(.keepWithin, "控制在", "控制")
    // `90%（含）以上`: the bracketed 含 says the bound is included, which 以上 already is.
    add(.comparison(.atLeast, .suffix), "以上", "及以上", "或以上", "之上", "以上的", "(含)以上", "及其以上")
    add(.comparison(.atMost, .suffix), "以下", "及以下", "或以下", "以内", "之内", "内", "以内的", "(含)以下", "(含)以内", "及其以下")
    // Units come from UnitTable; scale words and money shorthand here.
    add(.scale(.wan), "万", "萬")
    add(.scale(.yi), "亿", "億")
    add(.scale(.qian), "千")
    // Dates.
    add(.date(.year), "年")
    add(.date(.budgetYearWord), "年度")
    add(.date(.month), "月", "月份")
    add(.date(.day), "日", "号")
    add(.date(.quarter), "季度", "季")
    add(.date(.quarterLetter), "Q")
    add(.date(.xun(1)), "上旬")
    add(.date(.xun(2)), "中旬")
    add(.date(.xun(3)), "下旬")
    add(.date(.start), "初")
    add(.date(.end), "底", "末")
    add(.date(.monthStart), "月初")
    add(.date(.monthEnd), "月底", "月末")
    add(.date(.half(1)), "上半年")
    add(.date(.half(2)), "下半年")
    add(.date(.bothHalves), "上下半年", "上、下半年")
    add(.date(.yearEnd), "年底", "年末", "年终")
    add(.date(.yearStart), "年初")
    add(.date(.wholeYear), "全年", "年内", "全年度")
    add(.date(.relativeYear(0)), "今年", "本年", "当年", "本年度", "当年度")
    add(.date(.relativeYear(1)), "次年", "明年", "翌年", "下年", "下一年", "下年度")
    add(.date(.before), "之前", "以前")
    add(.date(.after), "后", "以后", "之后", "起")
    add(.front, "前")
    // Ranks.
    add(.rank(.ordinal), "第")
    add(.rank(.place), "名", "位", "名次")
    add(.rank(.nearTop), "前列", "前茅", "名列前茅")
    // Percent words and the rest.
    add(.unitPrefix(.percent), "百分之")
    add(.unitPrefix(.permille), "千分之")
    // ￥ is ¥ after NFKC.
    add(.unitPrefix(.yuan), "¥")
    add(.tenths, "成")
    add(.rangeSeparator, "-", "~", "〜", "—", "–", "——", "至", "到")
    add(.listSeparator, ",", "、", ";", "\n", "和", "及", "与", "以及", "，", "且", "并且", "同时", "。")
    // (或以上, 大于或等于 are longer entries, matched first.)
    add(.alternative, "或", "或者")
    add(.approximately, "约", "大约", "左右", "上下", "约为", "近", "±", "+/-")
    add(.moreThan, "余", "多")
    add(
      .ignorable,
      "$",
      "★",
      "☆",
      "{",
      "}",
      #"\text"#,
      #"\mathrm"#,
      #"\,"#,
      #"\;"#,
      #"\!"#,
      #"\ "#,
      "\u{00A0}",
      "\u{200B}",
      "\u{FEFF}",
      "&nbsp;"
    )
    add(.openParen, "(", "[", "【", "〔", "《")
    add(.closeParen, ")", "]", "】", "〕", "》")
    add(.slash, "/")
    // Whole words whose characters would otherwise read as numerals, units or dates.
    add(
      .word,
      "一致",
      "逾期",
      "统一",
      "唯一",
      "一流",
      "一体",
      "一体化",
      "一次性",
      "进一步",
      "一般",
      "同一",
      "完成",
      "形成",
      "成本",
      "成效",
      "成果",
      "达成",
      "建成",
      "促成",
      "成熟",
      "成功",
      "前期",
      "前提",
      "提前",
      "目前",
      "当前",
      "事前",
      "后续",
      "落后",
      "前后",
      "内容",
      "年终评选",
      "月度",
      "每月",
      "每年",
      "按月",
      "按季度",
      "按年",
      "日常",
      "及时",
      "人员",
      "人民",
      "个人",
      "名称",
      "单位",
      "天然",
      "千方百计",
      "百姓",
      "时间",
      "第三方",
      "多元",
      "多方",
      "至今",
      "内部",
      "为民",
      "为主",
      "作为",
      "成为",
      "达标",
      "到位",
      "到期",
      "不断",
      "不到位",
      "达到要求",
      "年度计划",
      "规定",
      "标准化",
      "排名",
      "排位",
      "名列",
      "合格",
      "满意",
      "开展",
      "提交",
      "通过",
      "良好",
      "优秀",
      "优良",
      // Words holding 约, 近, 上下 or 余 that say no approximation (节约5% was 约 5 %).
      "节约",
      "约束",
      "制约",
      "预约",
      "约定",
      "最近",
      "附近",
      "上下游",
      "余额"
    )
    // Sorted so the index is the same on every run (dictionary order is not); by bytes, which
    // is cheaper than `String`'s `<` and as stable.
    let units = UnitTable.spellings.sorted { left, right in
      left.key.withUTF8Bytes { left in right.key.withUTF8Bytes { left.lexicographicallyPrecedes($0) } }
    }
    for (spelling, canonical) in units {
      if let canonical = LexemeText(unit: canonical) { list.append((spelling, .unit(canonical))) }
    }
    return list
  }()

  struct Entry {
    var key: [Unicode.Scalar]
    var lexeme: Lexeme
  }

  /// First scalar → entries starting with it, longest first. When two entries share a
  /// spelling, the one listed first wins (so `日` stays a date word, not the unit 天).
  static let index: [Unicode.Scalar: [Entry]] = {
    var byFirst: [Unicode.Scalar: [Entry]] = [:]
    byFirst.reserveCapacity(entries.count)
    // By bytes: a `Set<String>` normalises every spelling it hashes or compares.
    var seen: Set<ByteKey> = []
    seen.reserveCapacity(entries.count)
    for (spelling, lexeme) in entries {
      guard let first = spelling.unicodeScalars.first, seen.insert(ByteKey(spelling)).inserted else { continue }
      byFirst[first, default: []].append(Entry(key: Array(spelling.unicodeScalars), lexeme: lexeme))
    }
    for key in byFirst.keys {
      byFirst[key]?.sort { $0.key.count > $1.key.count }
    }
    return byFirst
  }()

  /// Tried at every scalar of a target: most start no entry, and the filter says so without
  /// hashing the scalar.
  private static let firstScalars = ScalarFilter(index.keys)

  /// The longest entry starting at `position` in `scalars`, with its length.
  static func longestMatch(in scalars: [Unicode.Scalar], at position: Int) -> (Lexeme, Int)? {
    guard position < scalars.count, firstScalars.mayContain(scalars[position]), let candidates = index[scalars[position]] else { return nil }
    for candidate in candidates {
      let length = candidate.key.count
      guard position + length <= scalars.count else { continue }
      var matches = true
      var offset = 1
      while offset < length {
        if scalars[position + offset] != candidate.key[offset] {
          matches = false
          break
        }
        offset += 1
      }
      if matches { return (candidate.lexeme, length) }
    }
    return nil
  }
}
