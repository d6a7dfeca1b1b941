/// What a table column holds, as told by its header.
public enum ColumnRole: String, Sendable, CaseIterable {
  // Indicator columns.
  case blockLabel, level1, level2, name, target, explanation, scoring, unit, valueType, direction
  case weight, remark, standard
  /// A target for several years beside the year's (中期指标值 │ 年度指标值): read as the same
  /// indicator's long-term target, an indicator of its own.
  case longTermTarget
  // Self-evaluation columns: their presence tells a 自评表 from a target table.
  case actual, score, deviation
  // Project columns of list-style tables (one row per indicator, project on its first row).
  case unitCode, projectCode, projectName, fundsTotal, fiscal, governmentFund, specialAccount, otherFunds
  case basicSpending, projectSpending, goal
  /// A list's column of row numbers (序号).
  case serial
  /// A list's column of a project field that forms write as a label (主管部门, 实施单位,
  /// 项目类别, 项目负责人 …): its field is the label's `FormVocabulary` role.
  case projectField
  // Header cells that head a group of columns (按收入性质分, 绩效指标).
  case group

  var isIndicatorColumn: Bool {
    switch self {
    case .level1, .level2, .name, .target, .explanation, .scoring, .unit, .valueType,
      .direction, .weight, .remark, .standard, .actual, .score, .deviation, .longTermTarget:
      true
    default: false
    }
  }

  var isProjectColumn: Bool {
    switch self {
    case .unitCode, .projectCode, .projectName, .fundsTotal, .fiscal, .governmentFund, .specialAccount,
      .otherFunds, .basicSpending, .projectSpending, .goal, .serial, .projectField:
      true
    default: false
    }
  }
}

/// Header cells and the column role they give.
public enum ColumnVocabulary {
  /// Header → role (see `FormVocabulary.exact` on why it is built from pairs).
  static let exact: [String: ColumnRole] = Dictionary(allEntries, uniquingKeysWith: { first, _ in first })
  static let byBytes = WordTable(allEntries)
  /// `entries`, then the labels of `projectFieldRoles` that no entry holds.
  static let allEntries: [(String, ColumnRole)] = {
    let own = entries.map { ($0.key, $0.value) }
    let taken = Set(own.map(\.0) + ["部门名称"])
    let fields = FormVocabulary.entries.filter { projectFieldRoles.contains($0.value) && !taken.contains($0.key) }
    return own + fields.map { ($0.key, ColumnRole.projectField) }
  }()

  /// The project fields a list may give a column of its own, under the label a form gives
  /// them: a list of projects puts 主管部门 or 实施单位 beside 项目名称 as often as a form does
  /// below it, and 长期目标 beside 年度目标 (it was read as the first indicator's remark). Not
  /// 部门名称: in a list of departments it names the row's entity.
  private static let projectFieldRoles: Set<FieldRole> = [
    .department, .departmentCode, .implementingUnit, .budgetUnit, .attribute, .category, .manager, .phone,
    .period, .periodStart, .periodEnd, .goalLongTerm,
  ]

  static let entries: KeyValuePairs<String, ColumnRole> = [
    "一级指标": .level1, "一级": .level1, "一级目标": .level1, "一级指标名称": .level1,
    "二级指标": .level2, "二级": .level2, "二级指标名称": .level2,
    "三级指标": .name, "三级": .name, "三级指标内容": .name, "指标内容": .name, "指标名称": .name,
    "三级指标名称": .name, "绩效指标名称": .name, "具体指标": .name,
    "指标值": .target, "年度指标值": .target, "目标值": .target, "年度(/项目)指标值": .target,
    "指标值及单位": .target, "当年预期实现值": .target, "预期目标值": .target, "绩效目标值": .target,
    "年度目标值": .target, "预期指标值": .target, "指标目标值": .target, "计划指标值": .target,
    "目标值(指标值)": .target, "年度预期目标值": .target,
    "中期指标值": .longTermTarget, "长期指标值": .longTermTarget, "实施期指标值": .longTermTarget,
    "中长期指标值": .longTermTarget, "中期目标值": .longTermTarget, "长期目标值": .longTermTarget,
    "指标值内容": .explanation, "指标解释": .explanation, "指标说明": .explanation,
    "指标内容说明": .explanation, "评价内容": .explanation,
    "评(扣)分标准": .scoring, "评分标准": .scoring, "扣分标准": .scoring, "评分规则": .scoring,
    "评(扣)分依据": .scoring, "评分方法": .scoring,
    "度量单位": .unit, "计量单位": .unit, "单位": .unit, "指标单位": .unit,
    "指标值类型": .valueType, "指标性质": .valueType, "指标类型": .valueType, "指标值性质": .valueType,
    "指标属性": .valueType,
    "指标方向": .direction, "指标方向性": .direction,
    "分值": .weight, "权重": .weight, "权重(%)": .weight, "指标分值": .weight, "分值(分)": .weight,
    "指标权重": .weight, "权重分值": .weight,
    "备注": .remark, "说明": .remark,
    "绩效标准": .standard, "标准类型": .standard,
    "实际完成值": .actual, "全年实际值": .actual, "实际完成情况": .actual, "完成值": .actual,
    "得分": .score,
    "偏差原因分析及改进措施": .deviation, "未达到指标值原因": .deviation, "偏差原因": .deviation,
    "单位编码": .unitCode, "单位代码": .unitCode, "项目编码": .projectCode, "项目代码": .projectCode,
    "项目编号": .projectCode, "序号": .serial,
    "单位(项目)名称": .projectName, "项目名称": .projectName, "单位名称": .projectName,
    "部门(单位)名称": .projectName, "单位名称(项目名称)": .projectName,
    "资金总额": .fundsTotal, "年度资金总额": .fundsTotal, "项目资金": .fundsTotal, "项目金额": .fundsTotal,
    "一般公共预算": .fiscal, "财政拨款": .fiscal, "一般公共预算拨款": .fiscal,
    "政府性基金拨款": .governmentFund, "政府性基金": .governmentFund,
    "财政专户管理资金": .specialAccount,
    "其他资金": .otherFunds,
    "基本支出": .basicSpending, "项目支出": .projectSpending,
    "绩效目标": .goal, "整体绩效目标": .goal, "年度绩效目标": .goal, "部门整体绩效目标": .goal,
    "年度目标": .goal, "项目目标": .goal, "项目绩效目标": .goal,
    "年度预算申请": .group, "按收入性质分": .group, "按支出性质分": .group,
    "部门整体支出年度绩效目标": .group, "绩效指标": .blockLabel, "名称": .blockLabel,
    "年度绩效指标": .blockLabel, "长期绩效指标": .blockLabel, "本年度绩效指标": .blockLabel,
    "专项年度绩效指标": .blockLabel,
  ]

  public static func role(_ key: String) -> ColumnRole? {
    if let role = byBytes[key] { return role }
    return prefixRole(key) ?? key.withUTF8Bytes(annotatedRole)
  }

  /// An indicator column's header with a note in brackets after it: the national
  /// department-wide template's `指标值（包含数字及文字描述）`, `三级指标(指标内容)`.
  static func annotatedRole(_ bytes: UnsafeBufferPointer<UInt8>) -> ColumnRole? {
    guard bytes.count > 2, bytes[bytes.count - 1] == 0x29, let open = bytes.firstIndex(of: 0x28), open > 0,
      let role = byBytes[UnsafeBufferPointer(rebasing: bytes[..<open])]
    else { return nil }
    switch role {
    case .level1, .level2, .name, .target, .explanation, .scoring, .unit, .valueType, .direction, .weight, .remark, .standard:
      return role
    case .fundsTotal, .fiscal, .otherFunds, .governmentFund, .specialAccount, .basicSpending, .projectSpending:
      // A money column with its unit (`资金总额(元)`, `财政拨款(万元)`), which the list's
      // reader takes from the header as written; not a form's funds group (`项目资金(万元)`
      // heads the funds rows of a form).
      let note = UnsafeBufferPointer(rebasing: bytes[(open + 1)..<(bytes.count - 1)])
      guard moneyUnits.contains(where: { $0.elementsEqual(note) }),
        FormVocabulary.role(String(decoding: UnsafeBufferPointer(rebasing: bytes[..<open]), as: UTF8.self)) != .fundsGroup
      else { return nil }
      return role
    default: return nil
    }
  }

  private static let moneyUnits = ["元", "万元", "千元", "亿元"].map { Array($0.utf8) }

  /// The role of a header the exact table does not hold, from how it begins (`绩效指标(…)`,
  /// `指标值(%)`).
  static func prefixRole(_ key: String) -> ColumnRole? {
    guard key.withUTF8Bytes(mayHavePrefix) else { return nil }
    if key.hasPrefixBytes("绩效指标(") || key.hasPrefixBytes("年度绩效目标(") { return .blockLabel }
    if key.hasPrefixBytes("评(扣)分") { return .scoring }
    // 指标值(%), not 指标值单位 or 指标值说明, nor a cell run onto the header (指标值 then a
    // project's name, 课题研究, where a stream dropped the cells between them).
    if key.hasPrefixBytes("指标值("), key.count <= 8, guessedRole(key) == .target { return .target }
    return nil
  }

  /// The prefixes start with 年, 指, 绩 or 评, and the shortest is 9 bytes: a key that does
  /// not (most misses are data cells) needs none of the four comparisons.
  @inline(__always)
  static func mayHavePrefix(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count >= 9 else { return false }
    switch (bytes[0], bytes[1], bytes[2]) {
    case (0xE5, 0xB9, 0xB4), (0xE6, 0x8C, 0x87), (0xE7, 0xBB, 0xA9), (0xE8, 0xAF, 0x84): return true
    default: return false
    }
  }

  /// `mayHavePrefix`, or a note in brackets at the end (`annotatedRole`).
  @inline(__always)
  static func mayHavePrefixOrNote(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    mayHavePrefix(bytes) || bytes.last == 0x29
  }

  /// `role` of a key that `TextKey.isPlain` accepts, from its bytes: a string is made only
  /// for the rare key that may have one of the prefixes.
  static func role(plainKey bytes: UnsafeBufferPointer<UInt8>) -> ColumnRole? {
    if let role = byBytes[bytes] { return role }
    if mayHavePrefix(bytes), let role = prefixRole(String(decoding: bytes, as: UTF8.self)) { return role }
    return annotatedRole(bytes)
  }

  /// Header cells that only an indicator header has: a row with two of them is a header.
  static let indicatorHeaderRoles: Set<ColumnRole> = [.level1, .level2, .name, .target]
}

extension ColumnVocabulary {
  /// The usual header of a role (its first entry), to name a column in a message.
  static func usualHeader(_ role: ColumnRole) -> String {
    entries.first { $0.value == role }?.key ?? role.rawValue
  }

  /// The role a header that no list holds tells by its words: templates vary their headers
  /// by province and year (`指标方向性`, `指标属性`, `计算符号`, `项目金额`, `单位名称（项目名称）`)
  /// far more than by what the columns hold. Asked only of cells in a row that other cells
  /// already make a header, and short ones (a header is a few words; a note in brackets is
  /// passed over), so that data is never read as a header by it.
  static func guessedRole(_ key: String) -> ColumnRole? {
    key.withUTF8Bytes { key in
      // One pass over the bytes before anything is made: most keys asked are data (a name,
      // a target), too long or with a digit. The words outside brackets are copied only
      // once a bracket shows (`分值(100分)`, `权重【%】`).
      guard key.count >= 6, key.count <= 96 else { return nil }
      var words: [UInt8]?
      var depth = 0
      var characters = 0
      var index = 0
      while index < key.count {
        if let (opens, length) = bracket(key, index) {
          if words == nil { words = Array(key[..<index]) }
          depth = opens ? depth + 1 : max(depth - 1, 0)
          index += length
          continue
        }
        let byte = key[index]
        if depth == 0 {
          if (0x30...0x39).contains(byte) || byte == 0x3A { return nil }
          if byte & 0xC0 != 0x80 { characters += 1 }
          words?.append(byte)
        }
        index += 1
      }
      guard (2...16).contains(characters) else { return nil }
      guard let words else { return guessedRole(words: key) }
      return words.withUnsafeBufferPointer(guessedRole(words:))
    }
  }

  /// The bracket at `index`, opening or closing, and its length: `(` `[` `)` `]`, and
  /// 【 〔 】 〕 (E3 80 90, 94, 91, 95).
  private static func bracket(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> (opens: Bool, length: Int)? {
    switch bytes[index] {
    case 0x28, 0x5B: return (true, 1)
    case 0x29, 0x5D: return (false, 1)
    case 0xE3 where index + 2 < bytes.count && bytes[index + 1] == 0x80:
      switch bytes[index + 2] {
      case 0x90, 0x94: return (true, 3)
      case 0x91, 0x95: return (false, 3)
      default: return nil
      }
    default: return nil
    }
  }

  private static func guessedRole(words: UnsafeBufferPointer<UInt8>) -> ColumnRole? {
    func has(_ parts: StaticString...) -> Bool {
      parts.contains { part in
        let needle = UnsafeBufferPointer(start: part.utf8Start, count: part.utf8CodeUnitCount)
        return words.firstIndex(of: needle) != nil
      }
    }
    func hasPrefix(_ part: StaticString) -> Bool {
      part.utf8CodeUnitCount <= words.count && equalBytes(words.baseAddress, part.utf8Start, part.utf8CodeUnitCount)
    }
    // The most telling words first: 指标值说明 explains, 指标值类型 types, 目标值 targets.
    if has("一级") { return .level1 }
    if has("二级") { return .level2 }
    if has("三级", "指标名称", "指标内容") { return .name }
    // 一级指标 │ 二级指标 │ 指标 │ 指标值: the word alone, or 指标项, heads the indicators' names.
    if words.count == 6 && hasPrefix("指标") || words.count == 9 && hasPrefix("指标项") { return .name }
    // A mid-term target beside the year's is one of its own; last year's value, a remark.
    if has("中期", "长期", "远期", "实施期"), has("指标值", "目标值") { return .longTermTarget }
    if has("中期", "长期", "远期", "上年", "历史", "往年", "基期") { return .remark }
    if has("评分", "扣分", "计分", "评价标准") { return .scoring }
    if has("解释", "说明", "释义", "口径", "依据", "来源") { return .explanation }
    if has("方向") { return .direction }
    // The operator column (计算符号) as the direction column is read when it holds `≥`
    // (`IndicatorBuilder.operatorColumn`): a table may also have 指标属性 (定量, 定性).
    if has("符号", "运算", "比较") { return .direction }
    if has("性质", "属性", "类型") || has("指标") && has("类别") { return .valueType }
    if has("权重", "分值") { return .weight }
    if has("计量", "度量") || has("单位") && (hasPrefix("指标") || hasPrefix("数值")) { return .unit }
    if has("指标值", "目标值", "预期值", "标准值", "期望值", "计划值") { return .target }
    if has("备注") { return .remark }
    if has("编码", "代码", "编号") { return hasPrefix("项目") ? .projectCode : .unitCode }
    if has("名称") { return .projectName }
    if has("财政拨款", "财政资金", "一般公共预算") { return .fiscal }
    if has("其他资金", "其它资金", "自筹") { return .otherFunds }
    if has("金额", "资金", "总额", "预算数") { return .fundsTotal }
    if has("目标"), !has("指标") { return .goal }
    return nil
  }
}
