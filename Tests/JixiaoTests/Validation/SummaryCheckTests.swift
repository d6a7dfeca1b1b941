import FoundationEssentials
import Testing

@testable import Jixiao

/// The checks that compare tables with each other (budget summary, department table,
/// project table), on documents built from the model.
@Suite struct SummaryCheckTests {
  static func amount(_ text: String, line: Int) -> Amount {
    let parsed = AmountReader.read(text, defaultUnit: .wanYuan)!
    return Amount(
      yuan: parsed.yuan, value: parsed.value, raw: text, unit: parsed.unit.rawValue, unitSource: .header,
      decimals: parsed.decimals, span: SourceSpan(line: line, column: 1, offset: line * 10, length: text.count))
  }

  static func line(_ label: String, _ side: BudgetLine.Side, _ role: BudgetLine.Role, _ value: String?, _ number: Int) -> BudgetLine {
    BudgetLine(
      table: 0, label: label, normalizedLabel: label, side: side, role: role,
      amount: value.map { amount($0, line: number) }, span: SourceSpan(line: number, column: 1, offset: number * 10))
  }

  static func summary(spendingTotal: String) -> Document {
    var document = Document(
      source: SourceInfo(path: "t", sha256: "", bytes: 1, encoding: "UTF-8", encodingConfidence: 100, hasBOM: false, lineEnding: "LF", lines: 1, dialect: "tabbed"))
    document.tables = [TableInfo(index: 0, kind: .budgetSummary, title: nil, year: 2023, span: SourceSpan(line: 1, column: 1, offset: 0))]
    document.budgetLines = [
      line("本级财政拨款收入", .income, .item, "1,633.94", 2),
      line("基本支出", .expenditure, .item, "650.65", 3),
      line("项目支出", .expenditure, .item, "983.28", 4),
      line("本年收入合计", .income, .total, "1,633.94", 5),
      line("收入总计", .income, .total, "1,633.94", 6),
      line("支出总计", .expenditure, .total, spendingTotal, 7),
    ]
    return document
  }

  /// The national template's income lines end in 拨款 and 资金, not 收入: each is a line of
  /// the summary, so its totals are checked, and none is left over.
  @Test func templateIncomeLinesAreRead() throws {
    let text = "部门收支总表\n单位：万元\n收入\t\t支出\t\n项目\t预算数\t项目\t预算数\n"
      + "一、一般公共预算拨款\t1,633.94\t一、一般公共服务支出\t1,200.00\n二、政府性基金预算拨款\t100.00\t二、城乡社区支出\t533.94\n"
      + "三、财政专户管理资金\t0.00\t\t\n四、单位资金\t0.00\t\t\n本年收入合计\t1,833.94\t本年支出合计\t1,733.94\n\n"
      + "项目支出绩效目标表\n项目名称\t测试项目\n年度资金总额\t100万元\n一级指标\t二级指标\t三级指标\t指标值\n"
      + "产出指标\t数量指标\t培训人数\t≥100人\n"
    let document = try Jixiao.parse(Array(text.utf8), path: "summary.txt")
    let income = document.budgetLines.filter { $0.side == .income }
    #expect(income.map(\.normalizedLabel) == ["一般公共预算拨款", "政府性基金预算拨款", "财政专户管理资金", "单位资金", "本年收入合计"])
    #expect(document.residue.isEmpty)
    // 1,633.94 + 100 is 1,733.94, not the 1,833.94 written.
    #expect(document.diagnostics.contains { $0.code == "JX204" && $0.arguments.first == "本年收入合计" })
  }

  @Test func budgetSummaryMismatchIsAnError() {
    let codes = Validator.check(Self.summary(spendingTotal: "1,643.94")).map(\.code)
    #expect(codes.contains("JX204"))
  }

  @Test func budgetSummaryRoundingIsOnlyANote() {
    let diagnostics = Validator.check(Self.summary(spendingTotal: "1,633.94"))
    #expect(!diagnostics.map(\.code).contains("JX204"))
    #expect(diagnostics.filter { $0.code == "JX203" }.map(\.severity) == [.note])
  }

  @Test func balancedSummaryHasNoFinding() {
    var document = Self.summary(spendingTotal: "1,633.93")
    document.budgetLines.removeAll { $0.label == "收入总计" }
    #expect(Validator.check(document).isEmpty)
  }

  static func withProjects(_ totals: [String], projectSpending: String) -> Document {
    var document = summary(spendingTotal: "1,633.93")
    document.budgetLines = [line("项目支出", .expenditure, .item, projectSpending, 4)]
    document.tables.append(TableInfo(index: 1, kind: .projectTargets, title: nil, year: 2023, span: SourceSpan(line: 10, column: 1, offset: 100)))
    for (index, total) in totals.enumerated() {
      var project = Project(table: 1, span: SourceSpan(line: 20 + index, column: 1, offset: 200 + index))
      project.name = "项目\(index)"
      project.funds.total = amount(total, line: 20 + index)
      document.projects.append(project)
    }
    return document
  }

  @Test func projectFundsMustAddUpToProjectSpending() {
    #expect(Validator.check(Self.withProjects(["900.00", "73.28"], projectSpending: "983.28")).map(\.code).contains("JX202"))
    #expect(!Validator.check(Self.withProjects(["910.00", "73.28"], projectSpending: "983.28")).map(\.code).contains("JX202"))
  }
}
