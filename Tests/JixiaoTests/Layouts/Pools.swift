import FoundationEssentials

@testable import Jixiao

/// What generated documents are made of: names, amounts, goals, level pairs of both
/// frameworks and targets of every kind and operator spelling. Index 0 of each pool is the
/// plainest choice, where shrinking ends.
enum Pools {
  static let projectNames = [
    "城管队业务工作经费", "智慧城管系统移动终端服务费项目", "政府长聘人员经费", "背街小巷作业经费",
    "长三角一体化城市管理综合工作", "城管执法装备建设", "2023年餐饮油烟维护经费", "课题研究",
    "数字化城市管理数据采集及坐席队伍市场化服务项目", "环卫作业车辆购置（第一批，含“新能源”车型）",
  ]

  static let departments: [(name: String?, code: String?, unit: String?)] = [
    ("平罗县住房和城乡建设局", "029", "平罗县城市管理大队"),
    (nil, nil, nil),
    ("上海市住房和城乡建设管理委员会", nil, "上海市城市管理行政执法局"),
    (nil, "306001", nil),
    ("湘潭市城市管理和综合执法局", "308001", "湘潭市环境卫生管理处"),
  ]

  static let goals = [
    "完成年度城市管理各项工作任务",
    "一是通过开展集中整治行动，进一步提高县城区市容环境质量；二是提升城市管理水平。",
    "按照“721”工作法，推进精细化管理,提高群众满意度\n持续巩固创城成果，形成长效机制",
    "确保系统正常运行, 案件上报率、结案率达到90%以上",
  ]

  static let indicatorNames = [
    "案件上报数量", "门前五包签订数、施划停车位数量、工作数量等", "项目验收通过率", "按时完成各项工作",
    "经费补助标准", "城市管理精细化,提升城市综合竞争力", "群众对城市管理满意度提高", "协管员编制人数",
    "舆情监测时间（24小时）", "“双十佳”推荐人数", "对新建在建违法建筑和重点类型存量违建情况现场核查次数",
    "PM2.5浓度下降比例", "垃圾分类覆盖率", "系统运维资金", "培训人次",
  ]

  /// Level pairs as written, per framework, in table order.
  static func levelPairs(_ framework: Framework) -> [(String, String)] {
    let output = [("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标")]
    let benefit = [
      ("效益指标", "经济效益指标"), ("效益指标", "社会效益指标"), ("效益指标", "生态效益指标"),
      ("效益指标", "可持续影响指标"), ("效益指标", "环境效益指标"),
    ]
    let satisfaction = [("满意度指标", "服务对象满意度指标"), ("满意度指标", "社会公众或服务对象满意度指标")]
    switch framework {
    case .y2021:
      let cost = [("成本指标", "经济成本指标"), ("成本指标", "社会成本指标"), ("成本指标", "生态环境成本指标")]
      return cost + output + benefit + satisfaction
    default:
      return output + [("产出指标", "成本指标")] + benefit + satisfaction
    }
  }

  static func indicator(
    _ seed: IndicatorSeed,
    framework: Framework,
    operatorColumn: Bool,
    longTerm: Bool
  ) -> IndicatorPlan {
    let pairs = levelPairs(framework)
    let (level1, level2) = pairs[seed.level % pairs.count]
    let name = indicatorNames[seed.name % indicatorNames.count]
    let (target, valueType, unitColumn) = Self.target(seed.target, operatorColumn: operatorColumn)
    return IndicatorPlan(
      level1: level1,
      level2: level2,
      name: name,
      target: target,
      valueType: valueType,
      unitColumn: unitColumn,
      horizon: longTerm ? .longTerm : .annual
    )
  }

  /// Long-term block first, then by level pair in the framework's order (stable).
  static func ordered(_ indicators: [IndicatorPlan], framework: Framework) -> [IndicatorPlan] {
    let pairs = levelPairs(framework)
    func level1Rank(_ indicator: IndicatorPlan) -> Int {
      pairs.firstIndex { $0.0 == indicator.level1 } ?? 0
    }
    func pairRank(_ indicator: IndicatorPlan) -> Int {
      pairs.firstIndex { $0.0 == indicator.level1 && $0.1 == indicator.level2 } ?? 0
    }
    return indicators.enumerated().sorted { a, b in
      let keyA = (a.element.horizon == .longTerm ? 0 : 1, level1Rank(a.element), pairRank(a.element), a.offset)
      let keyB = (b.element.horizon == .longTerm ? 0 : 1, level1Rank(b.element), pairRank(b.element), b.offset)
      return keyA < keyB
    }.map(\.element)
  }

  // MARK: Targets

  /// Operators as written before or after a number.
  static let operatorSpellings: [(before: String, after: String)] = [
    ("", ""), ("≥", ""), (">=", ""), ("≧", ""), ("不低于", ""), ("不少于", ""), ("大于等于", ""),
    ("至少", ""), ("达到", ""), ("", "以上"), ("", "及以上"), (">", ""), ("＞", ""), ("大于", ""),
    ("超过", ""), ("高于", ""), ("=", ""), ("＝", ""), ("等于", ""), ("<", ""), ("＜", ""), ("小于", ""),
    ("低于", ""), ("≤", ""), ("<=", ""), ("≦", ""), ("不超过", ""), ("不高于", ""), ("", "以下"),
    ("", "以内"), ("控制在", "以内"),
  ]
  static let numbers = ["96", "100", "3", "98.5", "1,200", "0.5", "２０", "12000", "3.00"]
  static let units = ["%", "", "个", "人次", "万元", "元", "％", "(人)", "次", "天", "km", "平方米", "（百分比）"]
  static let others = [
    "显著提升", "2024年12月", "90%-95%", "前三名", "有效提高", "2024年底", "3~5个", "$\\geq 90\\%$",
    "合格", "二季度", "第一名", "二季度完成开题，四季度完成结题", "12月中旬", "$\\leq 5\\%$", "明显改善",
    "80%合格", "2024年6月30日前", "是",
  ]
  /// Operators as an operator column writes them, with the operator they mean.
  static let operatorColumnSpellings = ["≥", "＝", "=", "≤", ">", "<", "＞", "≦"]

  /// A target as written, and the operator and unit columns when the table has them.
  static func target(_ seed: Int, operatorColumn: Bool) -> (String, String?, String?) {
    let number = numbers[(seed / 7) % numbers.count]
    let unit = units[(seed / 11) % units.count]
    // Two in three targets are numbers with an operator; the others every other kind.
    if seed % 3 == 2 {
      let other = others[(seed / 3) % others.count]
      return (
        other, operatorColumn ? (TargetGrammar.read(other).kind == .qualitative ? "定性" : "定量") : nil,
        operatorColumn ? "" : nil
      )
    }
    if operatorColumn {
      let op = operatorColumnSpellings[(seed / 3) % operatorColumnSpellings.count]
      let columnUnit = unit.trimmingCharacters(in: "()（）")
      return (number, op, columnUnit)
    }
    let spelling = operatorSpellings[(seed / 3) % operatorSpellings.count]
    return (spelling.before + number + unit + spelling.after, nil, nil)
  }

  // MARK: Amounts

  /// An amount as written in `unit`: 万元 with up to four decimals, 元 with thousands
  /// separators and fen.
  static func amount(_ seed: Int, unit: MoneyUnit) -> String {
    let base = 1 + seed % 4999
    switch unit {
    case .wanYuan:
      switch seed % 4 {
      case 0: return "\(base)"
      case 1: return "\(base).\(seed % 10)"
      case 2: return grouped(base * 3) + ".\(10 + seed % 90)"
      default: return "\(base).\(1000 + seed % 9000)"
      }
    default:
      let yuan = base * 100 + seed % 7
      return seed % 2 == 0 ? grouped(yuan) + ".00" : "\(yuan)"
    }
  }

  static func grouped(_ value: Int) -> String {
    let digits = Array(String(value))
    var output = ""
    for (index, digit) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { output += "," }
      output.append(digit)
    }
    return output
  }
}

extension String {
  func trimmingCharacters(in set: String) -> String {
    String(self.drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
  }
}
