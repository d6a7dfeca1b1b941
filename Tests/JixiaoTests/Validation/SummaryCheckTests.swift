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
