import FoundationEssentials
import Testing

@testable import Jixiao

/// The central transfer-payment template (中央对地方转移支付区域绩效目标表) and the central
/// departments' project template split the money into a column for several years and one
/// for the year, and their goals the same way, each row with a label of its own.
@Suite struct PeriodColumnsTests {
  static func form(columns: String = "中期资金总额 | 年度资金总额", amounts: [String] = ["36,000 | 12,000", "30,000 | 10,000", "6,000 | 2,000"]) -> [String] {
    [
      "中央对地方转移支付区域绩效目标表",
      "（2024年度）",
      "专项名称 | 农村综合改革转移支付",
      "中央主管部门 | 财政部",
      "资金情况（万元） |  | \(columns)",
      " | 年度金额： | \(amounts[0])",
      " | 其中：中央补助 | \(amounts[1])",
      " | 地方资金 | \(amounts[2])",
      "总体目标 | 中期目标（2024年—2026年） |  | 年度目标",
      " | 目标1：支持村级组织运转； |  | 目标1：保障全省村级组织正常运转；",
      " | 目标2：扶持集体经济村500个。 |  | 目标2：年度扶持集体经济村200个。",
      "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 年度指标值",
      " | 产出指标 | 数量指标 | 扶持村集体经济发展村数 | 200个",
      " | 满意度指标 | 服务对象满意度指标 | 村干部满意度 | ≥90%",
    ]
  }

  static func lines(_ funds: Funds) -> [String] { funds.lines.map { "\($0.label) \($0.amount.raw)" } }

  /// The year's column gives the project's funds; the mid-term amounts are lines named by
  /// their column. (The mid-term 36,000 was the total, and JX201 compared it with nothing.)
  @Test func theYearsColumnGivesTheFunds() throws {
    let document = try TableFixtures.parse(Self.form())
    let project = try #require(document.projects.first)
    #expect(project.funds.total?.yuan == 120_000_000)
    #expect(project.funds.total?.raw == "12,000")
    #expect(
      Self.lines(project.funds) == [
        "中期资金总额·年度金额 36,000", "中期资金总额·其中:中央补助 30,000", "其中:中央补助 10,000", "中期资金总额·地方资金 6,000",
        "地方资金 2,000",
      ])
    #expect(document.residue.isEmpty)
    #expect(!document.diagnostics.contains { $0.code.hasPrefix("JX2") })
  }

  /// The year's column first, or written 实施期: read by what the columns say, not where.
  @Test func theColumnsAreReadByTheirWords() throws {
    let document = try TableFixtures.parse(
      Self.form(columns: "年度资金总额 | 实施期资金总额", amounts: ["12,000 | 36,000", "10,000 | 30,000", "2,000 | 6,000"]))
    let project = try #require(document.projects.first)
    #expect(project.funds.total?.raw == "12,000")
    #expect(Self.lines(project.funds).filter { $0.hasPrefix("实施期资金总额·") }.count == 3)
  }

  /// The year's amounts that do not add up are still found; the mid-term ones are another
  /// breakdown and do not make the year's add up or fail.
  @Test func theYearsAmountsAreChecked() throws {
    let document = try TableFixtures.parse(Self.form(amounts: ["36,000 | 12,000", "30,000 | 10,000", "6,000 | 1,000"]))
    #expect(document.diagnostics.filter { $0.code == "JX201" }.count == 1)
  }

  /// Goals under 中期目标 │ 年度目标 over two rows: each row's text joins its column's goal
  /// (the second row was residue).
  @Test func goalsRunOnByColumn() throws {
    let document = try TableFixtures.parse(Self.form())
    let project = try #require(document.projects.first)
    #expect(project.goals.annual == "目标1：保障全省村级组织正常运转；\n目标2：年度扶持集体经济村200个。")
    #expect(project.goals.longTerm == "目标1：支持村级组织运转；\n目标2：扶持集体经济村500个。")
  }

  /// Without period columns a label's second amount is no year's: 资金总额 │ 100 │ 80 keeps
  /// the first as the total, as before.
  @Test func otherColumnsAreNotPeriods() throws {
    var rows = Self.form()
    rows[4] = "资金情况（万元） |  | 资金总额 | 财政拨款"
    let document = try TableFixtures.parse(rows)
    let project = try #require(document.projects.first)
    #expect(project.funds.total?.raw == "36,000")
    #expect(!project.funds.lines.contains { $0.label.contains(FundLine.columnSeparator) })
  }
}
