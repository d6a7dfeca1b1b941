import FoundationEssentials

/// A unit as the grammar understood it.
struct UnitReading: Hashable, Sendable {
  /// The one spelling every consumer sees: `%`, `元`, `万元`, `人次`, `平方米`, `元/亩`.
  var canonical: String
  /// False when some part of the unit is not in `UnitTable` (kept as written).
  var isKnown: Bool

  /// The money unit, when this is an amount of money (not a rate such as `万元/人`).
  var money: MoneyUnit? { MoneyUnit.named(canonical) }
}

/// Every unit spelling the grammar knows, with its canonical form.
///
/// Adding a unit is one line here: the tokenizer, the parenthesised-unit reader and the unit
/// column all read this table. Spellings are after NFKC, so `％`, `㎡` and `ｋｍ` arrive as
/// `%`, `m2` and `km`.
enum UnitTable {
  /// Spelling → canonical unit.
  static let spellings: [String: String] = {
    var table: [String: String] = [:]
    func add(_ canonical: String, _ spellings: String...) {
      table[canonical] = canonical
      for spelling in spellings { table[spelling] = canonical }
    }
    add("%", "百分比", "百分率", "百分数", #"\%"#)
    add("‰", "千分比", "千分率")
    add("百分点", "个百分点")
    add("元", "圆", "元人民币")
    add("千元")
    add("万元", "萬元", "万元人民币")
    add("百万元", "百萬元")
    add("亿元", "億元")
    add("人", "人数", "名人员")
    add("名")
    add("人次", "人/次", "人·次")
    add("户")
    add("户次")
    add("个")
    add("次")
    add("天", "日")
    add("工作日", "个工作日")
    add("月", "个月", "月份")
    add("年")
    add("季度", "个季度")
    add("周", "星期", "个星期")
    add("小时", "个小时", "h")
    add("分钟", "min")
    add("秒")
    add("平方米", "平米", "m2", "平方")
    add("平方公里", "km2")
    add("立方米", "m3", "方")
    add("公里", "km", "KM", "千米")
    add("米", "m", "M")
    add("厘米", "cm")
    add("毫米", "mm")
    add("公顷", "ha")
    add("亩")
    add("吨", "t")
    add("公斤", "kg", "千克")
    add("克", "g")
    add("毫克", "mg")
    add("微克", "μg", "ug")
    add("升", "L")
    add("毫升", "ml", "mL")
    // Energy and environment tables: 万千瓦时, 微克/立方米, 吨标准煤, 分贝.
    add("千瓦时", "kWh", "kwh", "KWh", "kW·h", "度电")
    add("千瓦", "kW", "kw", "KW")
    add("兆瓦", "MW")
    add("吨标准煤", "吨标煤")
    add("分贝", "dB")
    add("倍")
    add("岁", "周岁")
    add("分")
    for word in [
      "件", "场", "处", "家", "所", "台", "辆", "期", "项", "套", "册", "批", "条", "份", "篇", "张",
      "部", "页", "字", "课", "课时", "学时", "学期", "班", "班次", "层级", "株", "棵", "盏", "座", "栋",
      "间", "只", "头", "块", "根", "本", "组", "支", "队", "例", "笔", "宗", "起", "单", "票", "种", "类",
      "车次", "辆次", "架次", "台次", "场次", "期次", "节", "堂", "门", "幅", "枚", "面", "校", "村", "个村",
      "届", "轮", "遍", "版", "集", "首", "级", "档", "床", "口", "眼", "座次", "人日", "人天", "人月",
      "个点", "点位", "站", "网点", "所次", "户数", "件次", "条次", "批次", "项次", "名次", "等次",
      "家次", "册次", "篇次", "份次", "课次", "天次", "日次", "单位次",
      // 生均 amounts: `元/生`, `元/生·年` (per pupil).
      "生",
    ] {
      add(word)
    }
    return table
  }()

  /// Money units written as a scale word alone after a number: `350万` is 350 万元.
  static let bareScales: [String: String] = ["万": "万元", "萬": "万元", "亿": "亿元", "億": "亿元"]

  // By bytes first: a `String`-keyed lookup hashes the text's canonical form, a few
  // thousand instructions for a short CJK word.
  private static let canonicalSpellings = CanonicalWordTable(spellings.map { ($0.key, $0.value) })
  private static let bareScaleWords = CanonicalWordTable(bareScales.map { ($0.key, $0.value) })

  /// The canonical unit of a spelling, as `spellings[spelling]` reads it.
  static func canonical(_ spelling: String) -> String? { canonicalSpellings[spelling] }

  /// The money unit a bare scale word stands for (`万` → 万元), as `bareScales` reads it.
  static func bareScale(_ word: String) -> String? { bareScaleWords[word] }

  /// Whether `read(text)` may find a known unit: a known reading ends with a known spelling,
  /// a bare scale word or a rate's separator, so the last scalar that `read` keeps must be the
  /// last of one of these. Most words asked (names, remarks) end otherwise. (Spellings match
  /// up to canonical equivalence: a last scalar that is its own form, as every spelling's is,
  /// ends whatever text matches as it ends the spelling; any other may end a match.)
  static func mayReadAsKnown(_ text: String) -> Bool {
    for scalar in text.unicodeScalars.reversed() where !isDropped(scalar) {
      return !NormalizedText.isStable(scalar) || knownLastScalars.mayContain(scalar)
    }
    return false
  }

  private static let knownLastScalars = ScalarFilter(
    // (Closures, not key paths: a key path is applied through the runtime, a few thousand
    // instructions a key.)
    Array(spellings.keys).compactMap { $0.unicodeScalars.last } + Array(bareScales.keys).compactMap { $0.unicodeScalars.last }
      + ["/", "·"])

  /// What `read` leaves out of a unit's spelling.
  private static func isDropped(_ scalar: Unicode.Scalar) -> Bool {
    Blank.isWhitespace(scalar) || scalar == "(" || scalar == ")" || scalar == "[" || scalar == "]" || scalar == "【"
      || scalar == "】"
  }

  /// Reads a unit written on its own: inside parentheses (`(人)`, `（百分比）`), in a unit
  /// column, or after a number. Unknown units are kept as written with `isKnown` false.
  ///
  /// Besides the table it understands scaled units (`万人次`, `万平方米`) and rates whose
  /// parts are all known (`元/亩`, `人/次/天`, `万元/人`, `元/人·月`).
  static func read(_ text: String) -> UnitReading? {
    // Most texts drop nothing and are their own spelling: no new string.
    let spelling: String
    if text.unicodeScalars.contains(where: isDropped) {
      let trimmed = text.unicodeScalars.lazy.filter { !isDropped($0) }
      guard !trimmed.isEmpty else { return nil }
      spelling = String(scalars: trimmed)
    } else {
      guard !text.isEmpty else { return nil }
      spelling = text
    }
    if let canonical = canonical(spelling) { return UnitReading(canonical: canonical, isKnown: true) }
    if let money = bareScale(spelling) { return UnitReading(canonical: money, isKnown: true) }
    if let scaled = readScaled(spelling) { return scaled }
    if spelling.unicodeScalars.contains(where: { $0 == "/" || $0 == "·" }) {
      return readRate(spelling)
    }
    return UnitReading(canonical: spelling, isKnown: false)
  }

  /// `万人次` → 万人次 (known because 人次 is); nil when there is no scale prefix.
  private static func readScaled(_ spelling: String) -> UnitReading? {
    guard let first = spelling.unicodeScalars.first, first == "万" || first == "萬" || first == "亿" || first == "億"
    else { return nil }
    let rest = String(scalars: spelling.unicodeScalars.dropFirst())
    guard !rest.isEmpty, let base = canonical(rest) else { return nil }
    let scale = (first == "万" || first == "萬") ? "万" : "亿"
    return UnitReading(canonical: scale + base, isKnown: true)
  }

  /// The dot of a compound unit (人·月) as typed without the middle dot: `元/人.年`,
  /// `元/人•年`, `元/人・年`. Read as `·` inside a rate.
  static func isCompoundDot(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "·" || scalar == "." || scalar == "•" || scalar == "・" || scalar == "･"
  }

  /// `元/亩`, `人/次/天`, `元/人·月`, `/株`: each part read on its own, joined as written
  /// (a compound unit's dot as `·`).
  private static func readRate(_ spelling: String) -> UnitReading {
    // 人/次 is how many forms write 人次; read it as one unit before splitting.
    let joined = spelling.replacingBytes("人/次", with: "人次")
    var canonical = ""
    var isKnown = true
    var part = ""
    func flush() {
      guard !part.isEmpty else { return }
      if let known = UnitTable.canonical(part) {
        canonical += known
      } else if let scaled = readScaled(part) {
        canonical += scaled.canonical
      } else if let money = bareScale(part) {
        canonical += money
      } else {
        canonical += part
        isKnown = false
      }
      part = ""
    }
    for scalar in joined.unicodeScalars {
      if scalar == "/" {
        flush()
        canonical.unicodeScalars.append(scalar)
      } else if isCompoundDot(scalar) {
        flush()
        canonical += "·"
      } else {
        part.unicodeScalars.append(scalar)
      }
    }
    flush()
    return UnitReading(canonical: canonical, isKnown: isKnown)
  }
}
