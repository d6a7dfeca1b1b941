@testable import Jixiao

/// Small hand-written tables for the checks: a clean form-style project (no finding), and
/// edits of it that each break one rule.
enum TableFixtures {
  /// Tab-separated rows written with `|` for readability, each ending with a line break
  /// unless `cut` (a text that stops without one may have been cut off: see `Truncation`).
  static func tabbed(_ rows: [String], cut: Bool = false) -> [UInt8] {
    let lines = rows.map { $0.replacing(" | ", with: "\t").replacing("|", with: "\t") }
    return Array((lines.joined(separator: "\n") + (cut ? "" : "\n")).utf8)
  }

  /// Two projects in a list with a totals row above them (`totals`, its amounts under
  /// 资金总额 │ 财政拨款): 120.5 + 30 = 150.5 each.
  static func projectList(totals: String) -> [String] {
    [
      "2024年部门项目支出绩效目标表", "单位：万元",
      "项目名称 | 资金总额 | 财政拨款 | 一级指标 | 二级指标 | 三级指标 | 指标值",
      totals + " |  |  |  | ",
      "学生资助项目 | 120.5 | 120.5 | 产出指标 | 数量指标 | 受助学生人数 | ≥100人",
      " |  |  | 满意度指标 | 服务对象满意度指标 | 学生满意度 | ≥90%",
      "校舍维修项目 | 30 | 30 | 产出指标 | 数量指标 | 维修面积 | ≥500平方米",
      " |  |  | 满意度指标 | 服务对象满意度指标 | 师生满意度 | ≥90%",
    ]
  }

  static func parse(_ rows: [String], cut: Bool = false) throws -> Document {
    try Jixiao.parse(tabbed(rows, cut: cut), path: "fixture.txt")
  }

  /// Codes of the validation families (2xx–6xx) found in the table.
  static func findings(_ rows: [String]) throws -> [String] {
    try parse(rows).diagnostics.map(\.code).filter { !$0.hasPrefix("JX1") }
  }

  static let header = [
    "部门项目支出预算绩效目标表",
    "(2024年度)",
    "项目名称 | 城管队业务工作经费",
    "主管部门及代码 | 平罗县住房和城乡建设局-029 | 实施单位 | 平罗县城市管理大队",
    "项目属性 | 0101—一年期项目 | 项目期 | 1 年",
  ]

  static func funds(total: String = "50", fiscal: String = "50", other: String = "") -> [String] {
    [
      "项目资金 (万元) | 年度资金总额: | \(total)",
      " | 其中:财政拨款 | \(fiscal)",
      " | 其他资金 | \(other)",
      "年度总体目标 | 开展城市管理专项治理行动。",
    ]
  }

  static let indicatorHeader = "名称 | 一级指标 | 二级指标 | 三级指标 | 指标值"

  /// A department-wide form of the national template (部门（单位）整体支出绩效目标申报表), with
  /// its task block: two tasks and the sum row, which add up.
  static let department = [
    "部门（单位）整体支出绩效目标申报表",
    "（2024年度）",
    "部门（单位）名称 | 某县教育局",
    "年度主要任务 | 任务名称 | 主要内容 | 预算金额（万元）",
    " |  |  | 总额 | 财政拨款 | 其他资金",
    " | 义务教育保障 | 保障义务教育学校正常运转 | 1200 | 1100 | 100",
    " | 学生资助 | 落实各项学生资助政策 | 300 | 300 | 0",
    "金额合计 |  |  | 1500 | 1400 | 100",
    "年度总体目标 | 保障全县义务教育学校正常运转，落实学生资助政策。",
    "年度绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值",
    " | 产出指标 | 数量指标 | 资助学生人数 | ≥3000人",
    " | 效益指标 | 社会效益指标 | 义务教育巩固率 | ≥99%",
    " | 满意度指标 | 服务对象满意度指标 | 家长满意度 | ≥95%",
  ]

  static let indicators = [
    "绩效指标 | 产出指标 | 数量指标 | 专项治理行动次数 | ≥12次",
    " |  | 质量指标 | 问题整改合格率 | ≥95%",
    " |  | 时效指标 | 完成时间 | 2024年12月",
    " |  | 成本指标 | 经费补助标准 | 50万元",
    " | 效益指标 | 社会效益指标 | 市容环境 | 显著提升",
    " | 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥95%",
  ]

  /// The clean form-style table: every check must stay silent on it.
  static var clean: [String] { header + funds() + [indicatorHeader] + indicators }

  /// The same table with `indicators` replaced.
  static func with(indicators rows: [String], funds fundRows: [String] = funds()) -> [String] {
    header + fundRows + [indicatorHeader] + rows
  }

  /// A wide table with unit, operator-type, weight and explanation columns.
  static let wideHeader = "名称 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 度量单位 | 指标值类型 | 分值 | 指标解释 | 评（扣）分标准"

  static let wideIndicators = [
    "绩效指标 | 产出指标 | 数量指标 | 专项治理行动次数 | 12 | 次 | ≥ | 30 | 全年开展专项治理 | 少一次扣5分",
    " |  | 成本指标 | 经费补助标准 | 50 | 万元 | ≤ | 20 | 控制经费支出50万元 | 超支不得分",
    " | 效益指标 | 社会效益指标 | 市容环境 | 显著提升 |  | 定性 | 30 | 市容环境改善 | 未改善不得分",
    " | 满意度指标 | 服务对象满意度指标 | 群众满意度 | 95 | % | ≥ | 20 | 群众满意度调查 | 每降1%扣1分",
  ]

  static var cleanWide: [String] { header + funds() + [wideHeader] + wideIndicators }

  static func wide(_ rows: [String], funds fundRows: [String] = funds()) -> [String] {
    header + fundRows + [wideHeader] + rows
  }
}
