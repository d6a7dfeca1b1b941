import FoundationEssentials
import Testing

@testable import Jixiao

/// The task block of the national department-wide template (年度主要任务: 任务名称 │ 主要内容 │
/// 预算金额（万元）over 总额 │ 财政拨款 │ 其他资金, then 金额合计), in the layouts converters write.
/// Before the block was read, the first task's amounts became the department's `other`
/// funds and the rest went to residue.
@Suite struct DepartmentTaskTests {
  static let rows = TableFixtures.department.map { row in row.components(separatedBy: "|").map { $0.trimmingCharacters(in: .whitespaces) } }

  struct Reading: Equatable, CustomStringConvertible {
    var tasks: [String]
    var funds: String
    var indicators: Int
    var residue: [String]
    var codes: [String]
    var description: String { "tasks \(tasks) funds \(funds) indicators \(indicators) residue \(residue) codes \(codes)" }
  }

  static func yuan(_ amount: Amount?) -> String { amount.map { "\($0.yuan)" } ?? "-" }

  static func reading(_ text: String, path: String = "dept.txt") throws -> Reading {
    let document = try Jixiao.parse(Array(text.utf8), path: path)
    let department = try #require(document.departments.first)
    return Reading(
      tasks: department.tasks.map { task in
        "\(task.name ?? "-") / \(task.content ?? "-") / \(yuan(task.funds.total)) \(yuan(task.funds.fiscal)) \(yuan(task.funds.other))"
      },
      funds: "\(yuan(department.funds.total)) \(yuan(department.funds.fiscal)) \(yuan(department.funds.other)) lines \(department.funds.lines.count)",
      indicators: department.indicators.count,
      residue: document.residue.map(\.text),
      // JX121, the note every cell stream has (`StreamListTests` holds it), is left out:
      // the reading of each layout is compared with the others'.
      codes: document.diagnostics.map(\.code).filter { $0 != "JX121" })
  }

  static let expected = Reading(
    tasks: ["义务教育保障 / 保障义务教育学校正常运转 / 12000000 11000000 1000000", "学生资助 / 落实各项学生资助政策 / 3000000 3000000 0"],
    funds: "15000000 14000000 1000000 lines 0", indicators: 3, residue: [], codes: [])

  enum Layout: String, CaseIterable {
    case tabbed, markdown, pipesCollapsed, spaced, cellStream, html, groupRepeated, cellPerLine, csv, aligned, gridTable
  }

  /// Columns as wide as a monospaced page shows them (an ideograph is two).
  static func width(_ text: String) -> Int { text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) } }

  static func padded(_ rows: [[String]]) -> (rows: [[String]], widths: [Int]) {
    let count = rows.map(\.count).max() ?? 0
    let rows = rows.map { $0 + Array(repeating: "", count: count - $0.count) }
    let widths = (0..<count).map { column in rows.map { width($0[column]) }.max() ?? 0 }
    return (rows, widths)
  }

  static func text(_ layout: Layout) -> String { text(layout, rows: rows) }

  /// `rows` in `layout` (HTML is the department form's own page).
  static func text(_ layout: Layout, rows: [[String]]) -> String {
    switch layout {
    case .tabbed: return rows.map { $0.joined(separator: "\t") }.joined(separator: "\n") + "\n"
    case .markdown: return rows.map { "| " + $0.joined(separator: " | ") + " |" }.joined(separator: "\n") + "\n"
    case .pipesCollapsed: return rows.map { "| " + $0.filter { !$0.isEmpty }.joined(separator: " | ") + " |" }.joined(separator: "\n") + "\n"
    case .spaced: return rows.map { $0.filter { !$0.isEmpty }.joined(separator: " ") }.joined(separator: "\n") + "\n"
    case .cellStream: return rows.flatMap { $0.filter { !$0.isEmpty } }.joined(separator: "\n\n") + "\n"
    case .html: return html
    case .cellPerLine:
      // A docx export: each cell on a line of its own led by a tab, a blank line after a row.
      return rows.map { $0.map { "\t" + $0 + "\n" }.joined() + "\n" }.joined()
    case .csv:
      // As Excel and WPS export: every row as wide as the widest.
      return Self.padded(rows).rows.map { $0.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    case .aligned:
      let (rows, widths) = Self.padded(rows)
      return rows.map { row in
        guard row.filter({ !$0.isEmpty }).count > 1 else { return "      " + row[0] }
        let cells = row.indices.map { row[$0] + String(repeating: " ", count: widths[$0] - Self.width(row[$0])) }
        return String(cells.joined(separator: "   ").reversed().drop { $0 == " " }.reversed())
      }.joined(separator: "\n") + "\n"
    case .gridTable:
      let (rows, widths) = Self.padded(rows)
      let rule = "+" + widths.map { String(repeating: "-", count: $0 + 2) }.joined(separator: "+") + "+"
      return rows.map { row in
        rule + "\n|" + row.indices.map { " " + row[$0] + String(repeating: " ", count: widths[$0] - Self.width(row[$0])) + " " }.joined(separator: "|") + "|"
      }.joined(separator: "\n") + "\n" + rule + "\n"
    case .groupRepeated:
      // A converter that fills merged cells writes the group label on each of its rows.
      return rows.enumerated().map { index, row in
        var row = row
        if (4...6).contains(index) { row[0] = "年度主要任务" }
        return row.joined(separator: "\t")
      }.joined(separator: "\n") + "\n"
    }
  }

  static let html = """
    <table>
    <tr><td colspan="6">部门（单位）整体支出绩效目标申报表</td></tr>
    <tr><td colspan="6">（2024年度）</td></tr>
    <tr><td>部门（单位）名称</td><td colspan="5">某县教育局</td></tr>
    <tr><td rowspan="4">年度主要任务</td><td rowspan="2">任务名称</td><td rowspan="2">主要内容</td><td colspan="3">预算金额（万元）</td></tr>
    <tr><td>总额</td><td>财政拨款</td><td>其他资金</td></tr>
    <tr><td>义务教育保障</td><td>保障义务教育学校正常运转</td><td>1200</td><td>1100</td><td>100</td></tr>
    <tr><td>学生资助</td><td>落实各项学生资助政策</td><td>300</td><td>300</td><td>0</td></tr>
    <tr><td colspan="3">金额合计</td><td>1500</td><td>1400</td><td>100</td></tr>
    <tr><td>年度总体目标</td><td colspan="5">保障全县义务教育学校正常运转，落实学生资助政策。</td></tr>
    <tr><td rowspan="4">年度绩效指标</td><td>一级指标</td><td>二级指标</td><td colspan="2">三级指标</td><td>指标值</td></tr>
    <tr><td>产出指标</td><td>数量指标</td><td colspan="2">资助学生人数</td><td>≥3000人</td></tr>
    <tr><td>效益指标</td><td>社会效益指标</td><td colspan="2">义务教育巩固率</td><td>≥99%</td></tr>
    <tr><td>满意度指标</td><td>服务对象满意度指标</td><td colspan="2">家长满意度</td><td>≥95%</td></tr>
    </table>

    """

  @Test(arguments: Layout.allCases)
  func tasksAndSumRead(_ layout: Layout) throws {
    #expect(try Self.reading(Self.text(layout)) == Self.expected)
  }

  /// Every cell of the block lands in the output with its span (or in residue).
  @Test(arguments: Layout.allCases)
  func nothingLost(_ layout: Layout) {
    var result = LosslessInvariant.Result()
    LosslessInvariant.check(Array(Self.text(layout).utf8), document: "dept.txt", mutation: layout.rawValue, into: &result)
    #expect(result.losses.map(\.description) == [])
    #expect(result.cellsChecked > 40)
  }

  /// The sum row gives the department's funds in the header's unit; a task's span is its name.
  @Test func amountsKeepTheirCells() throws {
    let document = try TableFixtures.parse(TableFixtures.department)
    let department = try #require(document.departments.first)
    let total = try #require(department.funds.total)
    #expect(total.raw == "1500" && total.unit == "万元" && total.unitSource == .header)
    #expect(total.span.line == 8)
    let task = try #require(department.tasks.first)
    #expect(task.nameSpan?.line == 6 && task.span == task.nameSpan && task.contentSpan?.line == 6)
    #expect(task.funds.other?.span.line == 6)
    // The tasks' cells are not the department's fields; the sum row's amounts are, under
    // their columns' labels.
    #expect(!department.fields.contains { $0.text == "义务教育保障" || $0.text == "1200" })
    #expect(department.fields.filter { $0.span.line == 8 }.map { "\($0.label ?? "") \($0.text)" } == ["总额 1500", "财政拨款 1400", "其他资金 100"])
  }

  /// A budget column without sub-labels: each task's amount is its total.
  @Test func oneBudgetColumn() throws {
    let rows = [
      "部门整体支出绩效目标表",
      "部门名称 | 某县卫健局",
      "年度主要任务 | 任务名称 | 主要内容 | 预算金额（万元）",
      " | 公共卫生服务 | 开展基本公共卫生服务 | 80.5",
      " | 疾病防控 | 做好传染病防控 | 19.5",
      "金额合计 |  |  | 100",
      "年度绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值",
      " | 产出指标 | 数量指标 | 服务人数 | ≥1000人",
    ]
    let document = try TableFixtures.parse(rows)
    let department = try #require(document.departments.first)
    #expect(department.tasks.map { Self.yuan($0.funds.total) } == ["805000", "195000"])
    #expect(department.tasks.allSatisfy { $0.funds.fiscal == nil })
    #expect(Self.yuan(department.funds.total) == "1000000")
    #expect(document.residue.isEmpty)
  }

  /// The group label alone above the header, and a column no word names (对应项目): the
  /// header row is read as a whole, the unnamed column's values with the content.
  @Test func headerRowIsReadWhole() throws {
    let rows = [
      "部门整体支出绩效目标表",
      "部门名称 | 某县卫健局",
      "年度主要任务",
      "任务名称 | 主要内容 | 对应项目 | 预算数（元）",
      "公共卫生服务 | 开展基本公共卫生服务 | 基本公共卫生服务补助 | 805,000.00",
      "年度总体目标 | 做好公共卫生服务。",
      "年度绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值",
      " | 产出指标 | 数量指标 | 服务人数 | ≥1000人",
    ]
    let document = try TableFixtures.parse(rows)
    let department = try #require(document.departments.first)
    let task = try #require(department.tasks.first)
    #expect(task.name == "公共卫生服务")
    #expect(task.content == "开展基本公共卫生服务\n基本公共卫生服务补助")
    #expect(task.funds.total?.yuan == 805000 && task.funds.total?.unit == "元")
    #expect(department.goals.annual == "做好公共卫生服务。")
    #expect(document.residue.isEmpty)
  }

  /// Guangdong's department-wide form names the task column `名称` under 年度重点工作任务, with an
  /// expected result per task; `名称` names a task only on the row the group label begins.
  @Test(arguments: [Layout.tabbed, .markdown, .pipesCollapsed, .spaced, .cellStream, .cellPerLine])
  func keyTasksWithExpectedResults(_ layout: Layout) throws {
    let rows = [
      "部门整体（预算）绩效目标表",
      "部门名称 | 某市住房和城乡建设局",
      "年度重点工作任务 | 名称 | 主要实施内容 | 拟投入的资金（万元） | 期望达到的目标",
      " | 城镇老旧小区改造 | 改造老旧小区12个 | 2,400.00 | 惠及居民3000户",
      " | 保障性住房建设 | 新建保障性租赁住房500套 | 1,600.00 | 按期交付",
      "年度绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值",
      " | 产出指标 | 数量指标 | 改造小区数量 | =12个",
    ].map { row in row.components(separatedBy: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
    let document = try Jixiao.parse(Array(Self.text(layout, rows: rows).utf8), path: "tasks.txt")
    let department = try #require(document.departments.first)
    #expect(department.tasks.map(\.name) == ["城镇老旧小区改造", "保障性住房建设"])
    #expect(department.tasks.map(\.expected) == ["惠及居民3000户", "按期交付"])
    #expect(department.tasks.map { $0.funds.total?.yuan } == [24_000_000, 16_000_000])
    #expect(document.residue.isEmpty)
    #expect(department.indicators.count == 1)
  }

  /// Where the layout dropped empty cells and a task gives fewer amounts than the money
  /// columns, they are placed in order and the first is marked uncertain (JX105).
  @Test func fewerAmountsAreMarked() throws {
    var text = Self.text(.pipesCollapsed)
    text = text.replacing("| 学生资助 | 落实各项学生资助政策 | 300 | 300 | 0 |", with: "| 学生资助 | 落实各项学生资助政策 | 300 | 300 |")
    let document = try Jixiao.parse(Array(text.utf8), path: "dept.txt")
    let marked = document.diagnostics.filter { $0.code == "JX105" }
    #expect(marked.map(\.span?.line) == [7])
    #expect(document.departments.first?.tasks.last?.funds.other == nil)
  }

  /// A task whose total is not its fiscal and other funds is JX201, named by the task; the
  /// sum row against the tasks, column by column, is JX211.
  @Test func arithmeticIsChecked() throws {
    let rows = TableFixtures.department.map {
      $0.replacing("| 学生资助 | 落实各项学生资助政策 | 300 | 300 | 0", with: "| 学生资助 | 落实各项学生资助政策 | 300 | 250 | 0")
    }
    let diagnostics = try TableFixtures.parse(rows).diagnostics
    #expect(diagnostics.filter { $0.code == "JX201" }.map(\.arguments.first) == ["学生资助"])
    let sums = diagnostics.filter { $0.code == "JX211" }
    #expect(sums.map { $0.arguments[1] } == ["财政拨款"])
    #expect(sums.first?.span?.line == 8)
  }

  /// A form label after the tasks ends the block even without a sum row: the goal is the
  /// department's, not a task.
  @Test func formLabelEndsTheBlock() throws {
    let rows = TableFixtures.department.filter { !$0.hasPrefix("金额合计") }
    let department = try #require(try TableFixtures.parse(rows).departments.first)
    #expect(department.tasks.count == 2)
    #expect(department.goals.annual == "保障全县义务教育学校正常运转，落实学生资助政策。")
    #expect(department.funds.total == nil)
  }
}
