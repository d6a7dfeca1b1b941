import Testing

@testable import Jixiao

/// Each check with a table that triggers it and a near-identical one that must not.
@Suite struct CheckTests {
  struct Case: CustomTestStringConvertible, Sendable {
    var code: String
    var triggering: [String]
    var clean: [String]
    var testDescription: String { code }
  }

  static let cases: [Case] = [
    Case(
      code: "JX201",
      triggering: TableFixtures.with(indicators: TableFixtures.indicators, funds: TableFixtures.funds(total: "50", fiscal: "40", other: "5")),
      clean: TableFixtures.with(indicators: TableFixtures.indicators, funds: TableFixtures.funds(total: "50", fiscal: "45", other: "5"))),
    Case(
      code: "JX203",
      triggering: TableFixtures.with(indicators: TableFixtures.indicators, funds: TableFixtures.funds(total: "50.00", fiscal: "45.00", other: "4.99"))
        .map { $0.replacing("| 50万元", with: "| 50.00万元") },
      clean: TableFixtures.with(indicators: TableFixtures.indicators, funds: TableFixtures.funds(total: "50.00", fiscal: "45.00", other: "5.00"))),
    Case(
      code: "JX205",
      triggering: TableFixtures.wide(TableFixtures.wideIndicators.map { $0.replacing("| 20 | 群众满意度调查", with: "| 10 | 群众满意度调查") }),
      clean: TableFixtures.cleanWide),
    Case(
      code: "JX206",
      triggering: TableFixtures.wide(TableFixtures.wideIndicators.map { $0.replacing("| 20 | 群众满意度调查", with: "|  | 群众满意度调查") }),
      clean: TableFixtures.cleanWide),
    Case(
      code: "JX207",
      triggering: TableFixtures.wide(TableFixtures.wideIndicators.map { $0.replacing("| 20 | 群众满意度调查", with: "| 二十左右 | 群众满意度调查") }),
      clean: TableFixtures.cleanWide),
    Case(
      code: "JX208",
      triggering: TableFixtures.with(indicators: TableFixtures.indicators.map { $0.replacing("50万元", with: "450000万元") }, funds: TableFixtures.funds(total: "450,000.00", fiscal: "450,000.00")),
      clean: TableFixtures.clean),
    Case(
      code: "JX209",
      triggering: TableFixtures.with(indicators: TableFixtures.indicators + [" |  | 成本指标 | 设备购置费 | 20万元"]),
      clean: TableFixtures.with(indicators: TableFixtures.indicators.map { $0.replacing("50万元", with: "30万元") } + [" |  | 成本指标 | 设备购置费 | 20万元"])),
    Case(
      code: "JX210",
      triggering: TableFixtures.with(indicators: TableFixtures.indicators, funds: TableFixtures.funds(total: "", fiscal: "")),
      clean: TableFixtures.clean),
    Case(
      code: "JX211",
      triggering: TableFixtures.department.map { $0.replacing("金额合计 |  |  | 1500", with: "金额合计 |  |  | 1600") },
      clean: TableFixtures.department),
    Case(
      code: "JX212",
      triggering: TableFixtures.projectList(totals: "合计 | 160.5 | 150.5"),
      clean: TableFixtures.projectList(totals: "合计 | 150.5 | 150.5")),
    Case(
      code: "JX301",
      triggering: TableFixtures.wide(TableFixtures.wideIndicators.map { $0.replacing("| 50 | 万元 |", with: "| 50万元 | 元 |") }),
      clean: TableFixtures.wide(TableFixtures.wideIndicators.map { $0.replacing("| 50 | 万元 |", with: "| 50万元 | 万元 |") })),
    Case(
      code: "JX302",
      triggering: TableFixtures.wide(TableFixtures.wideIndicators + [" |  | 成本指标 | 成本节约率 | 0 | 元 | ≥ |  | 节约成本 | 大于0得满分"]),
      clean: TableFixtures.wide(TableFixtures.wideIndicators + [" |  | 成本指标 | 成本节约率 | 0 | % | ≥ |  | 节约成本 | 大于0得满分"])),
    // A rate's change in points of it is no other unit.
    Case(
      code: "JX302",
      triggering: TableFixtures.wide(TableFixtures.wideIndicators + [" |  | 效益指标 | 农村生活污水治理率 | 5 | 个 | ≥ |  | 提高 | 提高得满分"]),
      clean: TableFixtures.wide(TableFixtures.wideIndicators + [" |  | 效益指标 | 农村生活污水治理率 | 5 | 个百分点 | ≥ |  | 提高 | 提高得满分"])),
    // A count with a percentage (seed 000's 开展各项工作的数量 │ 90%); a change against a
    // baseline and a rate are none.
    Case(
      code: "JX314",
      triggering: TableFixtures.with(indicators: TableFixtures.indicators.map { $0.replacing("专项治理行动次数 | ≥12次", with: "专项治理行动次数 | ≥90%") }),
      clean: TableFixtures.with(indicators: TableFixtures.indicators.map { $0.replacing("专项治理行动次数 | ≥12次", with: "专项治理行动次数 | 较上年增长10%") })),
    Case(
      code: "JX314",
      triggering: TableFixtures.with(indicators: TableFixtures.indicators.map { $0.replacing("专项治理行动次数 | ≥12次", with: "受助学生数量 | 100%") }),
      clean: TableFixtures.with(indicators: TableFixtures.indicators.map { $0.replacing("专项治理行动次数 | ≥12次", with: "空气质量指数 | 100%") })),
    Case(
      code: "JX303",
      triggering: TableFixtures.with(indicators: TableFixtures.indicators.map { $0.replacing("群众满意度 | ≥95%", with: "群众满意度 | ≥105%") }),
      clean: TableFixtures.clean),
    Case(
      code: "JX304",
      triggering: TableFixtures.with(indicators: TableFixtures.indicators.map { $0.replacing("群众满意度 | ≥95%", with: "群众满意度 | 提升") }),
      clean: TableFixtures.clean),
    Case(
      code: "JX305",
      triggering: TableFixtures.wide(TableFixtures.wideIndicators.map { $0.replacing("| 12 | 次 | ≥", with: "| <12 | 次 | ≥") }),
      clean: TableFixtures.wide(TableFixtures.wideIndicators.map { $0.replacing("| 12 | 次 | ≥", with: "| ≥12 | 次 | ≥") })),
    Case(
      code: "JX306",
      triggering: TableFixtures.wide(TableFixtures.wideIndicators.map { $0.replacing("| 12 | 次 | ≥", with: "| 12 | 次 | 定性") }),
      clean: TableFixtures.cleanWide),
    Case(
      code: "JX307",
      triggering: TableFixtures.wide(TableFixtures.wideIndicators.map { $0.replacing("| 显著提升 |  | 定性", with: "| 显著提升 |  | 定量") }),
      clean: TableFixtures.cleanWide),
    Case(
      code: "JX308",
      triggering: TableFixtures.with(indicators: TableFixtures.indicators.map { $0.replacing("| 显著提升", with: "|") }),
      clean: TableFixtures.clean),
    Case(
      code: "JX309",
      triggering: TableFixtures.wide(TableFixtures.wideIndicators + [" |  | 时效指标 | 完成时间 | 2024年12月 | 天 | ＝ |  | 年底前完成 | 每推迟一月扣1分"]),
      clean: TableFixtures.wide(TableFixtures.wideIndicators + [" |  | 时效指标 | 完成时间 | 2024年12月 |  | ＝ |  | 年底前完成 | 每推迟一月扣1分"])),
    Case(
      code: "JX310",
      triggering: TableFixtures.with(indicators: TableFixtures.indicators.map { $0.replacing("问题整改合格率 | ≥95%", with: "问题整改合格率 | ≤95%") }),
      clean: TableFixtures.clean),
    Case(
      code: "JX401",
      triggering: TableFixtures.with(indicators: TableFixtures.indicators.map { $0.replacing("2024年12月", with: "2023年12月") }),
      clean: TableFixtures.clean),
    Case(
      code: "JX402",
      triggering: TableFixtures.wide(TableFixtures.wideIndicators + [" |  | 时效指标 | 完成时间 | 2024年12月 |  | ＝ |  | 2024年12月底前完成 | 在2023年12月底前完成得满分"]),
      clean: TableFixtures.wide(TableFixtures.wideIndicators + [" |  | 时效指标 | 完成时间 | 2024年12月 |  | ＝ |  | 2024年12月底前完成 | 在2024年12月底前完成得满分"])),
    Case(
      code: "JX403",
      triggering: TableFixtures.clean.map { $0.replacing("项目期 | 1 年", with: "项目期 | 2024年6月-2024年1月") },
      clean: TableFixtures.clean.map { $0.replacing("项目期 | 1 年", with: "项目期 | 2024年1月-2024年12月") }),
    Case(
      code: "JX501",
      triggering: TableFixtures.with(indicators: TableFixtures.indicators.map { $0.replacing("| 效益指标 | 社会效益指标 |", with: "| 效益指标 | 数量指标 |") }),
      clean: TableFixtures.clean),
    Case(
      code: "JX502",
      triggering: TableFixtures.with(indicators: TableFixtures.indicators + [" | 成本指标 | 经济成本指标 | 设备购置费 | ≤0万元"]),
      clean: TableFixtures.clean),
    Case(
      code: "JX503",
      triggering: TableFixtures.with(indicators: TableFixtures.indicators.map { $0.replacing("社会效益指标", with: "社会效益") }),
      clean: TableFixtures.clean),
    Case(
      code: "JX504",
      triggering: TableFixtures.with(indicators: TableFixtures.indicators.map { $0.replacing("| 社会效益指标 |", with: "| 社会影响力 |") }),
      clean: TableFixtures.clean),
    Case(
      code: "JX505",
      triggering: TableFixtures.with(indicators: Array(TableFixtures.indicators.dropLast())),
      clean: TableFixtures.clean),
    Case(
      code: "JX506",
      triggering: TableFixtures.with(indicators: TableFixtures.indicators + [" |  | 数量指标 | 专项治理行动次数 | ≥12次"]),
      clean: TableFixtures.with(indicators: TableFixtures.indicators + [" |  | 数量指标 | 宣传活动次数 | ≥12次"])),
    Case(
      code: "JX507",
      triggering: TableFixtures.header + TableFixtures.funds(),
      clean: TableFixtures.clean),
    Case(
      code: "JX311",
      triggering: TableFixtures.with(indicators: TableFixtures.indicators.map { $0.replacing("| 显著提升", with: "| 采集上报城市管理问题") }),
      clean: TableFixtures.clean),
    Case(
      code: "JX312",
      triggering: TableFixtures.with(indicators: TableFixtures.indicators + [" |  | 质量指标 | 设备更新验收合格率 | 295%"]),
      clean: TableFixtures.with(indicators: TableFixtures.indicators + [" |  | 质量指标 | 设备更新验收合格率 | 95%"])),
    Case(
      code: "JX508",
      triggering: TableFixtures.with(indicators: TableFixtures.indicators + [" | 决策 | 项目立项 | 立项依据充分性 | 充分"]),
      clean: TableFixtures.clean),
    Case(
      code: "JX602",
      triggering: TableFixtures.wide(TableFixtures.wideIndicators.map { $0.replacing("| 少一次扣5分", with: "| 完成得满分，共计20分") }),
      clean: TableFixtures.wide(TableFixtures.wideIndicators.map { $0.replacing("| 少一次扣5分", with: "| 完成得满分，共计30分") })),
    Case(
      code: "JX603",
      triggering: TableFixtures.clean.map { $0.replacing("城管队业务工作经费", with: "2023年城管队业务工作经费") },
      clean: TableFixtures.clean.map { $0.replacing("城管队业务工作经费", with: "2024年城管队业务工作经费") }),
    Case(
      code: "JX313",
      triggering: TableFixtures.with(indicators: TableFixtures.indicators.map { $0.replacing("群众满意度 | ≥95%", with: "群众满意度 | ≥95粒") }),
      clean: TableFixtures.clean),
    Case(
      code: "JX601",
      triggering: TableFixtures.wide(TableFixtures.wideIndicators.map { $0.replacing("控制经费支出50万元", with: "控制经费支出58万元") }),
      clean: TableFixtures.cleanWide),
  ] + relativeCases

  /// A change against a baseline (`较上年…`) is no level: each check that compares a target
  /// as one stays silent on it, where the same text without its baseline fires.
  static let relativeCases: [Case] = [
    // Growth may exceed 100 %.
    Case(
      code: "JX303",
      triggering: TableFixtures.with(indicators: TableFixtures.indicators.map { $0.replacing("问题整改合格率 | ≥95%", with: "问题整改合格率 | 增长150%") }),
      clean: TableFixtures.with(indicators: TableFixtures.indicators.map { $0.replacing("问题整改合格率 | ≥95%", with: "问题整改合格率 | 比上年增长150%") })),
    // A cost's change is not what the project spends.
    Case(
      code: "JX209",
      triggering: TableFixtures.with(indicators: TableFixtures.indicators + [" |  | 成本指标 | 设备购置费 | 增加20万元"]),
      clean: TableFixtures.with(indicators: TableFixtures.indicators + [" |  | 成本指标 | 设备购置费 | 较上年增加20万元"])),
    // ≥ bounds the fall the qualifier asks for, not the rate.
    Case(
      code: "JX310",
      triggering: TableFixtures.with(indicators: TableFixtures.indicators + [" |  | 质量指标 | 群众投诉率 | 下降≥3%"]),
      clean: TableFixtures.with(indicators: TableFixtures.indicators + [" |  | 质量指标 | 群众投诉率 | 较上年下降≥3%"])),
    // A change in points is measured.
    Case(
      code: "JX304",
      triggering: TableFixtures.with(indicators: TableFixtures.indicators.map { $0.replacing("群众满意度 | ≥95%", with: "群众满意度 | 提高2个百分点") }),
      clean: TableFixtures.with(indicators: TableFixtures.indicators.map { $0.replacing("群众满意度 | ≥95%", with: "群众满意度 | 较上年提高2个百分点") })),
    // The explanation states the spending, the target its change.
    Case(
      code: "JX601",
      triggering: TableFixtures.wide(TableFixtures.wideIndicators.map { $0.replacing("| 50 | 万元 | ≤", with: "| 减少8 | 万元 | ≤") }),
      clean: TableFixtures.wide(TableFixtures.wideIndicators.map { $0.replacing("| 50 | 万元 | ≤", with: "| 较上年减少8 | 万元 | ≤") })),
    // A growth above 100 % is possible: only a sibling's digits make a misread ≥.
    Case(
      code: "JX312",
      triggering: TableFixtures.with(indicators: TableFixtures.indicators + [" |  | 质量指标 | 设备更新验收合格率 | 250%"]),
      clean: TableFixtures.with(indicators: TableFixtures.indicators + [" |  | 质量指标 | 设备更新验收合格率 | 较上年提高250%"])),
    // The year compared with is no date of the target.
    Case(
      code: "JX401",
      triggering: TableFixtures.with(indicators: TableFixtures.indicators.map { $0.replacing("| 市容环境 | 显著提升", with: "| 市容环境 | 2023年显著提升") }),
      clean: TableFixtures.with(indicators: TableFixtures.indicators.map { $0.replacing("| 市容环境 | 显著提升", with: "| 市容环境 | 较2023年显著提升") })),
  ]

  @Test func cleanTablesHaveNoFindings() throws {
    #expect(try TableFixtures.findings(TableFixtures.clean) == [])
    #expect(try TableFixtures.findings(TableFixtures.cleanWide) == [])
    #expect(try TableFixtures.findings(TableFixtures.department) == [])
  }

  @Test(arguments: cases)
  func checkFiresOnlyWhereItShould(_ test: Case) throws {
    let triggered = try TableFixtures.findings(test.triggering)
    #expect(triggered.contains(test.code), "expected \(test.code), got \(triggered)")
    let clean = try TableFixtures.findings(test.clean)
    #expect(!clean.contains(test.code), "\(test.code) fired on the clean table: \(clean)")
  }

  /// Every check of the catalogue has a case here, except those over several tables
  /// (JX202, JX204: see SummaryCheckTests).
  @Test func everyCheckHasACase() {
    let covered = Set(Self.cases.map(\.code))
    let exempt: Set<String> = ["JX202", "JX204"]
    let missing = ValidationChecks.entries.map(\.code).filter { !covered.contains($0) && !exempt.contains($0) }
    #expect(missing.isEmpty, "checks without a triggering case: \(missing)")
  }
}
