/// What a label of a form-style table (项目名称 │ value) introduces.
public enum FieldRole: String, Sendable, CaseIterable {
  case name, department, departmentCode, implementingUnit, attribute, category, manager, phone
  case period, periodStart, periodEnd
  /// A funds group label (`项目资金 (万元)`): carries the unit for the lines below it.
  case fundsGroup
  case fundsTotal, fundsProjectTotal, fiscal, other, carryover, ownFunds, fundsLine
  /// A column under the 财政资金 group (中央, 省级 …): part of the fiscal funds.
  case fiscalPart
  case goalAnnual, goalLongTerm, goalsGroup
  case description, basis, feasibility, necessity, functions
  case scheduleGroup, milestoneContent, milestoneStart, milestoneEnd
  /// A department's task block (年度主要任务) and its columns: 任务名称 │ 主要内容 │
  /// 预算金额（万元） │ 期望达到的目标.
  case tasksGroup, taskName, taskContent, taskFunds, taskExpected
  case notes, review, filler, fillerUnit, fillDate, budgetUnit, budgetExecution, unitCode
  /// 项目编码: the project's code in the budget system, not its department's.
  case projectCode
  case otherLabel
}

/// Labels of form-style tables and their roles.
public enum FormVocabulary {
  /// Label → role. Built with `Dictionary(_:uniquingKeysWith:)` so that a repeated entry
  /// cannot trap at start-up; `VocabularyTests` keeps the lists free of repeats.
  static let exact: [String: FieldRole] = Dictionary(allEntries, uniquingKeysWith: { first, _ in first })
  static let byBytes = WordTable(allEntries)
  private static let allEntries: [(String, FieldRole)] =
    entries.map { ($0.key, $0.value) } + incomeSources.map { ($0, .fundsLine) }

  /// Income by its kind in the budget's classification (事业收入, 上级补助收入 …) and a unit's
  /// own money: a project's funds may list any of them beside 财政拨款, each a part of the
  /// total (`FundsDoNotAddUp`). Read as fund lines, with `其中:` before them or not.
  static let incomeSources: [String] = [
    "事业收入", "事业单位经营收入", "经营收入", "上级补助收入", "附属单位上缴收入", "其他收入", "用事业基金弥补收支差额",
    "政府性基金预算拨款", "国有资本经营预算拨款", "单位自筹", "单位自筹资金", "自筹资金",
  ]
  private static let incomeSourceTable = WordSet(incomeSources)

  /// Whether a key names one of `incomeSources`, with `其中:` before it or not.
  static func isIncomeSource(_ key: String) -> Bool {
    key.withUTF8Bytes { bytes in
      let start = bytes.hasBytes(fundsOf, at: 0) ? fundsOf.count : 0
      return incomeSourceTable[UnsafeBufferPointer(rebasing: bytes[start...])] != nil
    }
  }

  static let entries: KeyValuePairs<String, FieldRole> = [
    "项目名称": .name, "专项名称": .name, "项目支出名称": .name, "项目(专项)名称": .name,
    "主管部门": .department, "主管部门及代码": .department, "主管部门及其编码": .department,
    "业务主管部门": .department, "主管单位": .department, "预算部门": .department,
    "主管部门及编码": .department, "部门名称": .department, "部门(单位)名称": .department,
    "主管部门编码": .departmentCode, "主管部门代码": .departmentCode,
    "实施单位": .implementingUnit, "项目单位": .implementingUnit, "项目实施单位": .implementingUnit,
    "预算单位": .budgetUnit, "单位名称": .budgetUnit,
    "项目属性": .attribute, "项目性质": .attribute, "专项属性": .attribute,
    "项目类别": .category, "项目分类": .category, "项目类型": .category, "归口科室": .otherLabel,
    "项目负责人": .manager, "专项负责人": .manager, "项目负责人及电话": .manager,
    "项目负责人及联系电话": .manager,
    "联系电话": .phone, "联系人及电话": .phone,
    "项目期": .period, "项目起止时间": .period, "建设周期": .period, "项目支出实施期": .period,
    "专项起止时间": .period, "实施期": .period, "项目周期": .period, "项目实施期": .period,
    "项目起止日期": .period, "起止时间": .period, "项目期限": .period, "实施期限": .period,
    "项目实施期限": .period, "执行期限": .period, "项目执行期": .period,
    "起止年限": .period, "项目起止年限": .period, "实施年限": .period, "项目实施年限": .period, "实施周期": .period,
    "项目编码": .projectCode, "项目代码": .projectCode, "项目编号": .projectCode,
    "计划开始日期": .periodStart, "项目开始日期": .periodStart,
    "计划完成日期": .periodEnd, "项目完成日期": .periodEnd, "计划结束日期": .periodEnd,
    "年度资金总额": .fundsTotal, "资金总额": .fundsTotal, "年度资金申请总额": .fundsTotal,
    "项目总预算": .fundsTotal, "年度本级预算金额": .fundsTotal, "本年度预计投入": .fundsTotal,
    "年度资金": .fundsTotal, "总额": .fundsTotal, "年度金额": .fundsTotal,
    "当年年度预算": .fundsLine, "该项目支出上级资金": .fundsLine, "上级资金": .fundsLine, "中期资金总额": .fundsLine, "上级补助": .fundsLine,
    "实施期资金总额": .fundsLine, "中期资金": .fundsLine, "实施期资金": .fundsLine,
    "项目资金总额": .fundsProjectTotal,
    "其中:财政拨款": .fiscal, "财政拨款": .fiscal, "其中:当年财政拨款": .fiscal,
    "当年财政拨款": .fiscal, "其中:财政资金": .fiscal, "财政资金": .fiscal, "一、预算资金": .fiscal,
    "预算资金": .fiscal, "本年财政拨款": .fiscal, "其中:财政拨款数": .fiscal, "财政拨款数": .fiscal,
    "其他资金": .other, "其中:其它资金": .other, "其中:其他资金": .other, "其它资金": .other,
    "三、其他": .other, "其他": .other,
    "自有资金": .ownFunds, "二、自有资金": .ownFunds,
    "上年结转资金": .carryover, "上年结转": .carryover, "其中:上年结转资金": .carryover,
    // 结转结余, the budget's own word for money carried over (上年结转结余 in 收支总表).
    "上年结转结余": .carryover, "上年结转结余资金": .carryover, "结转结余": .carryover, "结转结余资金": .carryover,
    "上年结余": .carryover, "上年结余资金": .carryover, "以前年度结余": .carryover, "以前年度结转结余": .carryover,
    "结转资金": .carryover,
    "年度总体目标": .goalAnnual, "年度目标": .goalAnnual, "年度绩效目标": .goalAnnual,
    "本年度绩效目标": .goalAnnual, "年度主要目标和成果": .goalAnnual, "年度主要目标": .goalAnnual,
    "本年度绩效目标(分目标)": .goalAnnual, "年度总目标": .goalAnnual, "年度总体绩效目标": .goalAnnual,
    "部门整体绩效目标": .goalAnnual, "整体绩效目标": .goalAnnual,
    "长期目标": .goalLongTerm, "项目总目标": .goalLongTerm, "中长期绩效目标": .goalLongTerm,
    "实施期绩效目标": .goalLongTerm, "中长期目标": .goalLongTerm, "总体目标": .goalsGroup,
    "中期目标": .goalLongTerm, "中期绩效目标": .goalLongTerm, "实施期目标": .goalLongTerm,
    "长期绩效目标": .goalLongTerm, "项目长期绩效目标": .goalLongTerm, "项目中长期目标": .goalLongTerm,
    "项目中长期绩效目标": .goalLongTerm,
    "年度总体目标完成情况": .otherLabel, "目标完成情况": .otherLabel,
    "财政资金预算分类": .otherLabel, "财政资金科目代码": .otherLabel, "资金来源": .otherLabel,
    "专项基本情况": .goalsGroup, "项目基本情况": .goalsGroup, "基本情况": .goalsGroup,
    "其中:中央资金": .fundsLine, "中央资金": .fundsLine, "地方资金": .fundsLine, "省级资金": .fundsLine,
    "市级资金": .fundsLine, "县级资金": .fundsLine,
    "本级财政安排": .fundsLine, "本级安排": .fundsLine, "本级安排资金": .fundsLine, "财政专户": .fundsLine,
    "财政专户管理资金": .fundsLine, "财政专户资金": .fundsLine,
    "上级财政资金": .fiscalPart, "本级财政资金": .fiscalPart, "本级财政": .fiscalPart,
    "年初安排金额": .fundsGroup, "项目负责人及电话号码": .manager,
    "项目绩效目标": .goalsGroup, "绩效目标": .goalsGroup, "年度绩效目标及指标": .goalsGroup,
    "项目概况": .description, "项目总体概况": .description, "专项概况": .description,
    "项目基本概况": .description, "项目内容": .description,
    "项目立项情况": .basis, "项目立项的依据": .basis, "项目审批": .basis, "立项依据": .basis,
    "专项立项依据": .basis, "项目立项依据": .basis,
    "项目申报的可行性": .feasibility, "项目申报的必要性": .necessity,
    "项目单位职能概述": .functions, "部门(单位)职责": .functions, "部门职责": .functions, "单位职责": .functions,
    "主要职能": .functions,
    "项目实施进度计划": .scheduleGroup,
    "项目实施内容": .milestoneContent, "实施内容": .milestoneContent,
    "开始时间": .milestoneStart, "完成时间": .milestoneEnd,
    // The task block's other columns (主要内容, 预算金额 …) are labels only on its header row
    // (`TaskBlock.columnRole`): 预算金额 alone is also a piece of 年度本级预算金额.
    "年度主要任务": .tasksGroup, "主要任务": .tasksGroup, "年度重点工作任务": .tasksGroup, "重点工作任务": .tasksGroup,
    "年度工作任务": .tasksGroup,
    "任务名称": .taskName, "工作任务名称": .taskName, "重点任务名称": .taskName,
    "其他需说明的问题": .notes, "其他需要说明事项": .notes, "其他说明的问题": .notes,
    "其他需要说明的问题": .notes,
    "填报单位(盖章)": .fillerUnit, "填报单位": .fillerUnit, "填报人": .filler,
    "填表人": .filler, "单位负责人": .filler, "单位负责人签字": .filler, "填报日期": .fillDate,
    "预算执行": .budgetExecution, "年度预算执行率": .budgetExecution,
    // The score the table keeps for budget execution beside the funds (`执行率分值 │ 10`).
    "执行率分值": .budgetExecution, "预算执行率分值": .budgetExecution,
    "项目预算成本构成": .otherLabel, "保障绩效目标实现措施": .otherLabel, "保障绩效目标实现的措施": .otherLabel,
  ]

  /// The role of a label cell's key, if it is a label.
  public static func role(_ key: String) -> FieldRole? {
    // One pass over the bytes, every look-up on a slice of them: asked for nearly every cell
    // and nearly always a miss.
    let role = key.withUTF8Bytes { bytes in roleOfBytes(bytes) ?? (endsWithReview(bytes) ? .review : nil) }
    // A review label (`主管部门审核意见`) is short: counted in characters.
    if role == .review { return key.count <= 16 ? .review : nil }
    return role
  }

  /// `role` of a key given as bytes, of a text whose every scalar is a character of its own
  /// (ASCII but CR, ideographs), so that its scalars count its characters.
  static func role(plainKey bytes: UnsafeBufferPointer<UInt8>) -> FieldRole? {
    if let role = roleOfBytes(bytes) { return role }
    guard endsWithReview(bytes) else { return nil }
    var characters = 0
    for byte in bytes where byte & 0xC0 != 0x80 { characters += 1 }
    return characters <= 16 ? .review : nil
  }

  /// Whether the bytes end with `意见` (E6 84 8F E8 A7 81).
  @inline(__always)
  private static func endsWithReview(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let end = bytes.count
    return end >= 6 && bytes[end - 1] == 0x81 && bytes[end - 2] == 0xA7 && bytes[end - 3] == 0xE8
      && bytes[end - 4] == 0x8F && bytes[end - 5] == 0x84 && bytes[end - 6] == 0xE6
  }

  /// Every rule of `role` but the review label's; never `.review`.
  private static func roleOfBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> FieldRole? {
    if let role = byBytes[bytes] { return role }
    // `财政资金(万元)`, `本年度预计投入(万元)`: the label with its unit, `元)` (E5 85 83 29).
    let end = bytes.count
    let endsWithUnit = end >= 4 && bytes[end - 1] == 0x29 && bytes[end - 2] == 0x83 && bytes[end - 3] == 0x85
      && bytes[end - 4] == 0xE5
    if endsWithUnit, let open = bytes.lastIndex(of: 0x28), open > 0 {
      if let role = byBytes[UnsafeBufferPointer(rebasing: bytes[..<open])] { return role }
    }
    // `中期目标(2025年-2027年)`, `年度目标(2025年)`: the label with the years it covers (a
    // digit and 年, E5 B9 B4, in the brackets; `年度绩效目标(90分)` declares a weight total).
    if end >= 2, bytes[end - 1] == 0x29, let open = bytes.lastIndex(of: 0x28), open > 0,
      namesYears(UnsafeBufferPointer(rebasing: bytes[open..<end])),
      let role = byBytes[UnsafeBufferPointer(rebasing: bytes[..<open])]
    {
      return role
    }
    let numbering = numberingLength(bytes)
    if numbering > 0, let role = byBytes[UnsafeBufferPointer(rebasing: bytes[numbering...])] { return role }
    // `其中:` before a part of the funds: the part (`其中:上年结转结余`).
    if bytes.hasBytes(fundsOf, at: 0), let role = byBytes[UnsafeBufferPointer(rebasing: bytes[fundsOf.count...])],
      [.fundsLine, .fiscal, .other, .carryover, .ownFunds, .fiscalPart].contains(role)
    {
      return role
    }
    if endsWithUnit, let unitStart = bytes.firstIndex(ofByte: 0x28) {
      if fundsGroupBases[UnsafeBufferPointer(rebasing: bytes[..<unitStart])] != nil { return .fundsGroup }
    }
    if fundsGroupBases[bytes] != nil { return .fundsGroup }
    if isFundsSource(bytes) { return .fundsLine }
    if isFundsTotal(bytes) { return .fundsTotal }
    return nil
  }

  /// The year's total in the words each template picks: 年度预算数, 预算金额, 项目总金额,
  /// 本年预算, 申请金额, 总投资 (with or without its unit, `(万元)`). The list above holds
  /// 资金总额 and its like; the rest are read by their parts: what the money is for (项目,
  /// 年度, 本年, 申请 …), then a word for the total, and nothing else (上年预算数 is no total).
  static func isFundsTotal(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
    var end = key.count
    // `(万元)`, `(元)`: the unit after the label.
    if end >= 5, key[end - 1] == 0x29, let open = key.lastIndex(of: 0x28), open > 0, moneyUnitInBrackets(key, open, end) {
      end = open
    }
    // Most keys are data: only a short one that ends as a total does (算, 数, 额, 资) is
    // taken apart.
    guard end >= 6, end <= 30, fundsTotalEnds.contains(threeBytes(key, at: end - 3)) else { return false }
    var start = 0
    while start < end, let scope = fundsScopes.first(where: { key.hasBytes($0, at: start) && start + $0.count < end }) {
      start += scope.count
    }
    // 预算, 金额, 总额 alone are a column or a group's label: a total with a scope only.
    let total = fundsTotals.firstIndex { $0.count == end - start && key.hasBytes($0, at: start) }
    return total.map { start > 0 || !fundsTotalsNeedingScope.contains($0) } ?? false
  }

  private static func moneyUnitInBrackets(_ key: UnsafeBufferPointer<UInt8>, _ open: Int, _ end: Int) -> Bool {
    let inside = UnsafeBufferPointer(rebasing: key[(open + 1)..<(end - 1)])
    return moneyUnitWords.contains { $0.count == inside.count && inside.hasBytes($0, at: 0) }
  }

  private static let moneyUnitWords = ["万元", "元", "千元", "亿元"].map { Array($0.utf8) }
  private static let fundsScopes = ["本年度", "当年度", "项目", "年度", "本年", "当年", "全年", "申请", "专项"].map { Array($0.utf8) }
  private static let fundsTotals = [
    "总预算", "预算数", "预算金额", "预算总额", "预算", "总金额", "金额", "总额", "申请数", "申请金额", "总投资", "投资总额",
    "资金数", "资金总数",
  ].map { Array($0.utf8) }
  /// The indices in `fundsTotals` of 预算, 金额 and 总额.
  private static let fundsTotalsNeedingScope: Set<Int> = Set(["预算", "金额", "总额"].compactMap { word in
    fundsTotals.firstIndex(of: Array(word.utf8))
  })
  /// The last characters of `fundsTotals` (算, 数, 额, 资) as their three UTF-8 bytes.
  private static let fundsTotalEnds: [UInt32] = Array(Set(fundsTotals.map { threeBytes($0, at: $0.count - 3) }))

  /// A line of funds by the level of government that gives them, in the words each template
  /// picks: 中央补助, 省级补助资金, 县级配套, 本级财政资金, 其中：市级资金. The list above holds
  /// some; the rest are read by their parts: a level, then what kind of money, and nothing
  /// else. (A level alone, 中央, is a column under 财政资金, not a label.)
  static func isFundsSource(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
    var start = numberingLength(key)
    // Most keys are data: only a short one that begins with a level's first character (or
    // 其中) is taken apart, by bytes.
    guard key.count - start >= 9, key.count - start <= 36, fundsLeads.contains(threeBytes(key, at: start)) else { return false }
    if key.hasBytes(fundsOf, at: start) { start += fundsOf.count }
    guard let level = fundsLevels.first(where: { key.hasBytes($0, at: start) }) else { return false }
    start += level.count
    var parts = 0
    if let kind = fundsKinds.first(where: { key.hasBytes($0, at: start) }) {
      start += kind.count
      parts += 1
    }
    if let money = fundsMoneyWords.first(where: { $0.count == key.count - start && key.hasBytes($0, at: start) }) {
      start += money.count
      parts += 1
    }
    return start == key.count && parts > 0
  }

  /// A character's three UTF-8 bytes at `start` as one number.
  private static func threeBytes(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> UInt32 {
    UInt32(bytes[start]) << 16 | UInt32(bytes[start + 1]) << 8 | UInt32(bytes[start + 2])
  }

  private static func threeBytes(_ bytes: [UInt8], at start: Int) -> UInt32 {
    bytes.withUnsafeBufferPointer { threeBytes($0, at: start) }
  }

  /// The first characters of the levels, and 其 (其中), as their three UTF-8 bytes: a
  /// dozen compared in a row cost less than a hash of the key's.
  private static let fundsLeads: [UInt32] = Array(Set((fundsLevels + [fundsOf]).map { threeBytes($0, at: 0) })).sorted()

  private static let fundsOf = Array("其中:".utf8)
  private static let fundsLevels = [
    "中央", "省级", "市级", "县级", "区级", "州级", "乡镇", "镇级", "本级", "上级", "地方", "省", "市", "县", "区",
  ].map { Array($0.utf8) }
  private static let fundsKinds = ["财政", "补助", "配套", "专项", "转移支付"].map { Array($0.utf8) }
  private static let fundsMoneyWords = ["资金", "经费", "拨款", "补助资金", "配套资金"].map { Array($0.utf8) }

  /// A digit and 年 in the bytes.
  static func namesYears(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.contains(where: { $0 >= 0x30 && $0 <= 0x39 }), bytes.count >= 3 else { return false }
    for index in 0..<(bytes.count - 2) where bytes[index] == 0xE5 && bytes[index + 1] == 0xB9 && bytes[index + 2] == 0xB4 {
      return true
    }
    return false
  }

  static let fundsGroupBases = WordSet([
    "项目资金", "项目资金申请", "资金情况", "投入目标", "专项资金情况", "项目资金来源",
    "项目资金总额及构成", "年度资金总额及构成", "资金来源", "项目预算", "金额",
    // Department-wide forms (部门整体支出绩效目标表) head their funds so.
    "年度预算申请", "部门预算申请", "预算申请", "年度预算安排", "年度资金安排", "部门预算资金", "部门资金",
    "部门预算资金情况",
  ])

  /// A cell that reads as a label the vocabulary does not know: short words ending as labels
  /// end (部门, 情况, 措施 …), no digits, no sentence punctuation.
  public static func looksLikeLabel(_ key: String) -> Bool {
    if let count = key.scalarCountIfEachIsACharacter {
      // Each scalar a character: counted and tested by scalars, without grapheme breaking.
      guard (2...20).contains(count), !key.unicodeScalars.contains(where: isNumberOrStop) else { return false }
    } else {
      guard (2...20).contains(key.count), !key.contains(where: { $0.isNumber || "，。；,;".contains($0) }) else { return false }
    }
    return labelEndings.contains { key.hasSuffixBytes($0) }
  }

  /// `Character.isNumber` (its scalar's numeric type) or a stop (`，。；,;`), for a scalar
  /// that is a character of its own.
  private static func isNumberOrStop(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x30...0x39, 0xFF0C, 0x3002, 0xFF1B, 0x2C, 0x3B: return true
    case 0..<0x80: return false
    default: return scalar.properties.numericType != nil
    }
  }

  static let labelEndings = [
    "部门", "单位", "名称", "情况", "措施", "依据", "时间", "目标", "资金", "原因", "意见", "说明", "负责人", "电话",
    "概况", "分类", "代码", "编码", "性质", "属性", "类别", "地址", "职责", "内容", "规模", "标准", "方式", "期限",
  ]

  /// The money unit a funds label or unit line names (`项目资金 (万元)`, `单位:元`).
  public static func moneyUnit(in key: String) -> MoneyUnit? {
    if key.containsBytes("(万元)") || key.hasSuffixBytes("万元") && key.count <= 10 { return .wanYuan }
    if key.containsBytes("(元)") || key.hasSuffixBytes(":元") || isUnitYuan(key) { return .yuan }
    if key.containsBytes("(千元)") { return .qianYuan }
    if key.containsBytes("(亿元)") { return .yiYuan }
    return nil
  }

  /// The span of years a funds column counts (`中期资金总额 │ 年度资金总额`): several years
  /// (中期, 实施期, a project's whole 总资金), or one; nil when the key names neither.
  static func fundsPeriod(_ key: String) -> FundsPeriod? {
    if multiYearWords.contains(where: { key.containsBytes($0) }) { return .multiYear }
    if annualWords.contains(where: { key.containsBytes($0) }) { return .annual }
    return nil
  }

  enum FundsPeriod { case annual, multiYear }

  private static let multiYearWords = ["中期", "实施期", "累计", "三年", "项目总资金", "总投资"]
  private static let annualWords = ["年度", "本年", "当年", "全年"]

  /// A key that is a money unit in brackets and nothing else: `(万元)`, `(单位:元)`.
  static func bracketedMoneyUnit(_ key: String) -> MoneyUnit? {
    guard key.hasPrefixBytes("("), key.hasSuffixBytes(")"), key.utf8.count <= 20 else { return nil }
    var inside = key.dropFirst().dropLast()
    if inside.hasPrefix("单位:") { inside = inside.dropFirst(3) }
    switch inside {
    case "万元": return .wanYuan
    case "元": return .yuan
    case "千元": return .qianYuan
    case "亿元": return .yiYuan
    default: return nil
    }
  }

  /// `key == "单位元"`, by bytes when the key is plain (see `TableSegmenter.isKey`): the
  /// Unicode comparison of `==` cost some 450 instructions a key.
  private static func isUnitYuan(_ key: String) -> Bool {
    TextKey.isPlain(key) ? key.equalsBytes("单位元") : key == "单位元"
  }

  /// `一、预算资金` → `预算资金`, `1、事业收入` → `事业收入`, `(一)` prefixes removed.
  static func stripNumbering(_ key: String) -> String {
    // By bytes: numbering is ASCII digits and CJK numerals, and most keys do not start with
    // one (every field label of a form is asked).
    let rest = key.withUTF8Bytes(numberingLength)
    // Unchanged (一级指标, 2024年): the key itself, not a copy that callers compare with it.
    guard rest > 0 else { return key }
    return key.withUTF8Bytes { String(decoding: UnsafeBufferPointer(rebasing: $0[rest...]), as: UTF8.self) }
  }

  /// Bytes of the numbering `stripNumbering` removes (0: none).
  private static func numberingLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    guard let first = bytes.first, first == 0x28 || numeralLength(bytes, at: 0) > 0 else { return 0 }
    if first == 0x28, let close = bytes.firstIndex(of: 0x29), allNumerals(bytes, from: 1, to: close) {
      return close + 1
    }
    var index = 0
    while index < bytes.count, case let length = numeralLength(bytes, at: index), length > 0 { index += length }
    guard index > 0, index < bytes.count else { return 0 }
    // `、` (E3 80 81), `.`, `,`, `)` after the numerals.
    if bytes[index] == 0x2E || bytes[index] == 0x2C || bytes[index] == 0x29 { return index + 1 }
    if index + 3 <= bytes.count, bytes[index] == 0xE3, bytes[index + 1] == 0x80, bytes[index + 2] == 0x81 { return index + 3 }
    return 0
  }

  /// The length of the numeral at `index`: an ASCII digit (1) or 一 … 十 (3), else 0.
  static func numeralLength(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    let byte = bytes[index]
    if byte >= 0x30 && byte <= 0x39 { return 1 }
    guard byte == 0xE4 || byte == 0xE5, index + 3 <= bytes.count else { return 0 }
    switch (byte, bytes[index + 1], bytes[index + 2]) {
    case (0xE4, 0xB8, 0x80), (0xE4, 0xBA, 0x8C), (0xE4, 0xB8, 0x89), (0xE5, 0x9B, 0x9B), (0xE4, 0xBA, 0x94),
      (0xE5, 0x85, 0xAD), (0xE4, 0xB8, 0x83), (0xE5, 0x85, 0xAB), (0xE4, 0xB9, 0x9D), (0xE5, 0x8D, 0x81):
      return 3
    default: return 0
    }
  }

  private static func allNumerals(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Bool {
    var index = start
    while index < end {
      let length = numeralLength(bytes, at: index)
      guard length > 0 else { return false }
      index += length
    }
    return index == end
  }
}
