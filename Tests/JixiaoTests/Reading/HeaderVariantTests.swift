import FoundationEssentials
import Testing

@testable import Jixiao

/// Templates name the same columns and fund lines differently by province and year. Each table here uses
/// headers that no list held when it was written (计算符号, 项目预算数, 指标值单位, 中期指标值,
/// 指标值设定依据及数据来源, 单位名称（项目名称）, 项目目标); before, a header row with two such
/// words was data, and the list of the Zhejiang-style table went to residue whole ("no
/// performance table" in the layouts that need a header to find the table).
@Suite struct HeaderVariantTests {
  typealias Layout = DepartmentTaskTests.Layout

  /// The layouts the tables are written in (HTML and the repeated group are the department
  /// form's own).
  static let layouts: [Layout] = [.tabbed, .markdown, .pipesCollapsed, .spaced, .cellStream, .cellPerLine, .csv, .aligned, .gridTable]

  static func cells(_ rows: [String]) -> [[String]] {
    rows.map { row in row.components(separatedBy: "|").map { $0.trimmingCharacters(in: .whitespaces) } }
  }

  struct Reading: Equatable, CustomStringConvertible {
    var projects: [String]
    var indicators: [String]
    var residue: [String]
    var codes: [String]
    var description: String { "projects \(projects) indicators \(indicators) residue \(residue) codes \(codes)" }
  }

  static func reading(_ text: String) throws -> Reading {
    reading(try Jixiao.parse(Array(text.utf8), path: "variant.txt"))
  }

  static func reading(_ document: Document) -> Reading {
    Reading(
      projects: document.projects.map { (project: Project) -> String in
        let unit: String = project.implementingUnit ?? "-"
        let total: String = project.funds.total.map { "\($0.yuan)" } ?? "-"
        return "\(project.name ?? "-") | \(unit) | \(total) | \(project.goals.annual ?? "-")"
      },
      indicators: document.projects.flatMap(\.indicators).map { indicator in
        let target = indicator.target
        let value = target.value.map { "\($0)" } ?? target.raw
        return "\(indicator.level1 ?? "-")/\(indicator.level2 ?? "-")/\(indicator.name ?? "-") \(target.op?.rawValue ?? "") \(value) \(target.unit ?? "")"
      },
      residue: document.residue.map(\.text),
      codes: document.diagnostics.map(\.code).filter { $0 != "JX121" }.sorted())
  }

  // MARK: - A list whose funds, operator and unit columns are named in other words

  static let list = cells([
    "2024年项目绩效目标表",
    "单位：万元",
    "项目名称 | 项目预算数 | 项目绩效目标 | 一级指标 | 二级指标 | 三级指标 | 计算符号 | 指标值 | 指标值单位 | 指标属性 | 权重",
    "农村饮水安全维修养护 | 120.5 | 完成农村饮水工程维修养护30处。 | 产出指标 | 数量指标 | 维修养护工程数量 | ≥ | 30 | 处 | 定量 | 20",
    " |  |  |  | 质量指标 | 工程验收合格率 | ＝ | 100 | % | 定量 | 20",
    " |  |  | 成本指标 | 经济成本指标 | 维修养护成本 | ≤ | 120.5 | 万元 | 定量 | 30",
    " |  |  | 效益指标 | 社会效益指标 | 供水保障程度 | 定性 | 有效保障 |  | 定性 | 10",
    " |  |  | 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥ | 90 | % | 定量 | 20",
  ])

  static let listReading = Reading(
    projects: ["农村饮水安全维修养护 | - | 1205000 | 完成农村饮水工程维修养护30处。"],
    indicators: [
      "产出指标/数量指标/维修养护工程数量 >= 30 处", "产出指标/质量指标/工程验收合格率 = 100 %",
      "成本指标/经济成本指标/维修养护成本 <= 120.5 万元", "效益指标/社会效益指标/供水保障程度  有效保障 ",
      "满意度指标/服务对象满意度指标/群众满意度 >= 90 %",
    ],
    residue: [], codes: ["JX120", "JX120", "JX120"])

  @Test(arguments: layouts)
  func listReads(_ layout: Layout) throws {
    #expect(try Self.reading(DepartmentTaskTests.text(layout, rows: Self.list)) == Self.listReading)
  }

  /// The guessed headers are named, each once, as what they were read as.
  @Test func guessedHeadersAreNamed() throws {
    let document = try Jixiao.parse(Array(DepartmentTaskTests.text(.tabbed, rows: Self.list).utf8), path: "variant.txt")
    let notes = document.diagnostics.filter { $0.code == "JX120" }
    #expect(notes.map(\.arguments) == [["项目预算数", "资金总额"], ["计算符号", "指标方向"], ["指标值单位", "度量单位"]])
    #expect(notes.allSatisfy { $0.severity == .note && $0.span?.line == 3 })
  }

  /// An operator column under a header no list holds (评判标准), or one whose words another
  /// header took (度量标准 beside 度量单位): its `≥` is the row's operator. (As residue, `≥ │ 30`
  /// read as 30.) A stream of cells needs its header's words to be known to be cut into rows.
  @Test(arguments: ["评判标准", "度量标准"], layouts)
  func anOperatorUnderAnUnknownHeader(_ header: String, _ layout: Layout) throws {
    guard layout != .cellStream || header == "度量标准" else { return }
    var rows = Self.list
    rows[2][6] = header
    rows[2][8] = "度量单位"
    let reading = try Self.reading(DepartmentTaskTests.text(layout, rows: rows))
    #expect(reading.indicators == Self.listReading.indicators)
    #expect(reading.residue.isEmpty)
  }

  // MARK: - Sichuan's list: units head their projects

  static let unitList = cells([
    "2024年部门预算项目绩效目标表",
    "单位：万元",
    "单位名称（项目名称） | 项目目标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位",
    "某区文化广电体育和旅游局 |  |  |  |  |  |  | ",
    "公共文化服务体系建设经费 | 开展群众文化活动120场次。 | 产出指标 | 数量指标 | 开展群众文化活动场次 | ≥ | 120 | 场次",
    " |  | 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥ | 90 | %",
    "某区图书馆 |  |  |  |  |  |  | ",
    "图书采购经费 | 采购图书2万册。 | 产出指标 | 数量指标 | 采购图书册数 | ≥ | 2 | 万册",
    " |  | 效益指标 | 社会效益指标 | 借阅人次增长 | 定性 | 明显增长 | ",
  ])

  static let unitListReading = Reading(
    projects: ["公共文化服务体系建设经费 | 某区文化广电体育和旅游局 | - | 开展群众文化活动120场次。", "图书采购经费 | 某区图书馆 | - | 采购图书2万册。"],
    indicators: [
      "产出指标/数量指标/开展群众文化活动场次 >= 120 场次", "满意度指标/服务对象满意度指标/群众满意度 >= 90 %",
      "产出指标/数量指标/采购图书册数 >= 2 万册", "效益指标/社会效益指标/借阅人次增长  明显增长 ",
    ],
    // (Each project lacks a level 1: the table is short.)
    residue: [], codes: ["JX505", "JX505"])

  /// A row that names a unit and nothing else, under `单位名称（项目名称）`, is the unit of the
  /// projects below it, not a project with no indicators (JX507 before).
  @Test(arguments: layouts.filter { $0 != .cellStream })
  func unitsHeadTheirProjects(_ layout: Layout) throws {
    #expect(try Self.reading(DepartmentTaskTests.text(layout, rows: Self.unitList)) == Self.unitListReading)
  }

  /// The header on two rows, 项目指标 over the indicator columns: the top row is a header
  /// too (it was the first project's row).
  @Test(arguments: [Layout.tabbed, .markdown, .csv, .gridTable])
  func twoRowHeaderWithAGroup(_ layout: Layout) throws {
    var rows = Self.unitList
    rows.replaceSubrange(2...2, with: Self.cells([
      "单位名称（项目名称） | 项目目标 | 项目指标",
      " |  | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位",
    ]))
    #expect(try Self.reading(DepartmentTaskTests.text(layout, rows: rows)) == Self.unitListReading)
  }

  /// The unit's cell is kept with its span in each project it heads.
  @Test func unitCellIsKept() throws {
    let document = try Jixiao.parse(Array(DepartmentTaskTests.text(.tabbed, rows: Self.unitList).utf8), path: "variant.txt")
    let fields = document.projects.map { (project: Project) in
      project.fields.filter { $0.role == FieldRole.implementingUnit.rawValue }.map { "\($0.text) \($0.span.line)" }
    }
    #expect(fields == [["某区文化广电体育和旅游局 4"], ["某区图书馆 7"]])
  }

  /// Under a name column that says nothing of units, a row with a name alone stays a project.
  @Test func projectNameColumnHasNoUnits() throws {
    var rows = Self.unitList
    rows[2][0] = "项目名称"
    let document = try Jixiao.parse(Array(DepartmentTaskTests.text(.tabbed, rows: rows).utf8), path: "variant.txt")
    #expect(document.projects.count == 4)
    #expect(document.projects.allSatisfy { $0.implementingUnit == nil })
  }

  // MARK: - The national form with a mid-term column and a column of sources

  static let form = cells([
    "项目支出绩效目标表",
    "（2024年度）",
    "项目名称 | 城区道路照明设施运维",
    "主管部门 | 某市城市管理局 | 实施单位 | 某市路灯管理所",
    "项目资金（万元） | 年度资金总额 | 360.00",
    " | 其中：财政拨款 | 360.00",
    "年度总体目标 | 完成城区1.2万盏路灯日常维护。",
    "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 计算符号 | 年度指标值 | 中期指标值 | 指标值设定依据及数据来源",
    " | 产出指标 | 数量指标 | 维护路灯数量 | ≥ | 1.2万盏 | 3.6万盏 | 维护台账",
    " |  | 质量指标 | 亮灯率 | ≥ | 98% | 98% | 巡查记录",
    " | 成本指标 | 经济成本指标 | 单灯年运维成本 | ≤ | 300元/盏 | 300元/盏 | 预算测算",
    " | 效益指标 | 社会效益指标 | 夜间出行安全保障 | 定性 | 有效保障 | 有效保障 | 群众反映",
    " | 满意度指标 | 服务对象满意度指标 | 市民满意度 | ≥ | 90% | 90% | 问卷调查",
  ])

  @Test(arguments: layouts)
  func formReads(_ layout: Layout) throws {
    let reading = try Self.reading(DepartmentTaskTests.text(layout, rows: Self.form))
    // Each row's year target, then its mid-term one (the operator column is both's; in text
    // spaced by single blanks the operator joins the year's target cell, and the mid-term
    // target is read without it).
    let expected = [
      "产出指标/数量指标/维护路灯数量 >= 1.2 万盏", "产出指标/数量指标/维护路灯数量 >= 3.6 万盏",
      "产出指标/质量指标/亮灯率 >= 98 %", "产出指标/质量指标/亮灯率 >= 98 %",
      "成本指标/经济成本指标/单灯年运维成本 <= 300 元/盏", "成本指标/经济成本指标/单灯年运维成本 <= 300 元/盏",
      "效益指标/社会效益指标/夜间出行安全保障  有效保障 ", "效益指标/社会效益指标/夜间出行安全保障  有效保障 ",
      "满意度指标/服务对象满意度指标/市民满意度 >= 90 %", "满意度指标/服务对象满意度指标/市民满意度 >= 90 %",
    ]
    let spacedMidTerm = expected.enumerated().map { $0.offset % 2 == 1 ? $0.element.replacing(" >= ", with: "  ").replacing(" <= ", with: "  ") : $0.element }
    #expect(reading.indicators == (layout == .spaced ? spacedMidTerm : expected))
    #expect(reading.residue == [])
    #expect(reading.codes == ["JX120", "JX120"])
  }

  /// The mid-term value is the indicator's long-term target, an indicator of its own with the
  /// year's operator and explanation (it was a remark), and the sources are the explanation.
  @Test func otherColumnsKeepTheirCells() throws {
    let document = try Jixiao.parse(Array(DepartmentTaskTests.text(.tabbed, rows: Self.form).utf8), path: "variant.txt")
    let indicators = try #require(document.projects.first?.indicators)
    let (year, midTerm) = (indicators[0], indicators[1])
    #expect(year.horizon == .annual && year.remark == nil && year.explanation == "维护台账" && year.direction == "≥")
    #expect(year.target.raw == "1.2万盏" && midTerm.target.raw == "3.6万盏")
    #expect(midTerm.horizon == .longTerm && midTerm.name == year.name && midTerm.target.op == .atLeast)
    #expect(midTerm.explanation == "维护台账" && midTerm.target.span?.line == year.target.span?.line)
  }

  /// A header that tells a column another header names already is not read as a second
  /// one: its cells are left unplaced, not read over the named column's.
  @Test func guessedDuplicateIsLeftUnnamed() throws {
    let header = 2
    var rows = Self.list
    rows[header] += ["指标解释", "指标值设定依据"]
    for index in (header + 1)..<rows.count { rows[index] += ["维护台账", "统计报表"] }
    let document = try Jixiao.parse(Array(DepartmentTaskTests.text(.tabbed, rows: rows).utf8), path: "variant.txt")
    let indicator = try #require(document.projects.first?.indicators.first)
    #expect(indicator.explanation == "维护台账")
    #expect(!document.diagnostics.contains { $0.code == "JX120" && $0.arguments.first == "指标值设定依据" })
    #expect(document.residue.map { "\($0.text) \($0.reason)" } == Array(repeating: "统计报表 unknownColumn", count: rows.count - header - 1))
  }

  // MARK: - Funds by the level of government that gives them

  static let health = cells([
    "2024年度项目支出绩效目标表",
    "金额单位：万元",
    "项目名称 | 基本公共卫生服务补助",
    "项目资金 | 资金总额 | 586.4",
    " | 其中：中央补助 | 412.8",
    " | 省级补助 | 96.3",
    " | 县级配套 | 77.3",
    "年度目标 | 为辖区常住居民免费提供国家基本公共卫生服务。",
    "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值",
    " | 产出指标 | 数量指标 | 老年人健康管理率 | ≥62%",
    " | 效益指标 | 社会效益指标 | 公共卫生服务水平 | 不断提高",
    " | 满意度指标 | 服务对象满意度指标 | 居民满意度 | ≥85%",
  ])

  /// 中央补助, 省级补助, 县级配套 are lines of the funds (they were unrecognised rows), and
  /// with no 财政拨款 or 其他资金 they should add up to the total.
  @Test(arguments: [Layout.tabbed, .markdown, .pipesCollapsed, .cellStream, .csv])
  func fundsByLevelAreLines(_ layout: Layout) throws {
    let document = try Jixiao.parse(Array(DepartmentTaskTests.text(layout, rows: Self.health).utf8), path: "variant.txt")
    let funds = try #require(document.projects.first?.funds)
    #expect(funds.lines.map { "\($0.label) \($0.amount.yuan)" } == ["其中:中央补助 4128000", "省级补助 963000", "县级配套 773000"])
    #expect(document.residue.isEmpty)
    #expect(document.diagnostics.allSatisfy { $0.code == "JX121" })
    var rows = Self.health
    rows[6][2] = "70.3"
    let wrong = try Jixiao.parse(Array(DepartmentTaskTests.text(layout, rows: rows).utf8), path: "variant.txt")
    #expect(wrong.diagnostics.map(\.code).filter { $0 != "JX121" } == ["JX201"])
  }

  /// The year's total under the labels templates give it; a funds group label with an
  /// amount of its own is the total too. Before, most of these went to residue.
  @Test(arguments: ["项目总预算", "年度预算数", "预算金额", "项目总金额", "年度预算金额", "预算总额", "本年预算", "申请金额", "总投资", "项目预算", "项目资金"])
  func fundsTotalInOtherWords(_ label: String) throws {
    let rows = Self.cells([
      "项目支出绩效目标表", "项目名称 | 测试项目", "\(label)（万元） | 120", "年度目标 | 完成。",
      "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值", " | 产出指标 | 数量指标 | 数量 | ≥1个",
    ])
    let document = try Jixiao.parse(Array(DepartmentTaskTests.text(.tabbed, rows: rows).utf8), path: "variant.txt")
    let total = try #require(document.projects.first?.funds.total)
    #expect(total.yuan == 1_200_000 && total.unit == "万元" && total.span.line == 3)
    #expect(document.residue.isEmpty)
  }

  @Test func fundsTotalsAreTheirParts() {
    for label in ["年度预算数", "预算金额(万元)", "本年度预算总额(元)", "项目申请金额", "总投资"] {
      #expect(label.withUTF8Bytes(FormVocabulary.isFundsTotal), "\(label)")
    }
    // A year that is not this one, a part, or data.
    for text in ["上年预算数", "中期资金总额", "财政拨款金额", "预算执行率", "项目", "120", "年度预算(人)", "预算", "金额(万元)"] {
      #expect(!text.withUTF8Bytes(FormVocabulary.isFundsTotal), "\(text)")
    }
  }

  @Test func fundsSourcesAreTheirParts() {
    for label in ["中央补助", "省级补助资金", "县级配套", "本级财政资金", "其中:市级资金", "区专项资金", "1、中央补助", "(二)地方财政"] {
      #expect(label.withUTF8Bytes(FormVocabulary.isFundsSource), "\(label)")
    }
    for text in ["中央", "省级", "市场监管", "县城建设", "中央厨房资金", "本级预算执行率", "区域协调发展", "市级资金到位率"] {
      #expect(!text.withUTF8Bytes(FormVocabulary.isFundsSource), "\(text)")
    }
  }

  // MARK: - An export with every cell filled, a unit's column beside the project's

  /// Rows as a database export writes them: the project's cells on every row, and 单位名称
  /// beside 项目名称. The project column names the projects, the unit column their unit (the
  /// first name column in the header's dictionary order named them, a unit holding two
  /// projects' indicators and goals).
  static let export = cells([
    "单位名称 | 项目名称 | 资金总额（万元） | 年度绩效目标 | 一级指标 | 二级指标 | 三级指标 | 指标值",
    "某县教育局 | 学生资助 | 120 | 资助学生500人 | 产出指标 | 数量指标 | 资助人数 | ≥500人",
    "某县教育局 | 学生资助 | 120 | 资助学生500人 | 满意度指标 | 服务对象满意度指标 | 学生满意度 | ≥90%",
    "某县教育局 | 校舍维修 | 80 | 维修校舍3所 | 产出指标 | 数量指标 | 维修校舍数 | 3所",
    "某县教育局 | 校舍维修 | 80 | 维修校舍3所 | 效益指标 | 社会效益指标 | 安全隐患消除 | 消除",
    "某县卫健局 | 疫苗接种 | 50 | 接种率95% | 产出指标 | 数量指标 | 接种人次 | ≥1万人次",
  ])

  @Test(arguments: [Layout.tabbed, .markdown, .csv, .gridTable, .cellPerLine])
  func unitColumnBesideProjects(_ layout: Layout) throws {
    let reading = try Self.reading(DepartmentTaskTests.text(layout, rows: Self.export))
    #expect(reading.projects == [
      "学生资助 | 某县教育局 | 1200000 | 资助学生500人", "校舍维修 | 某县教育局 | 800000 | 维修校舍3所", "疫苗接种 | 某县卫健局 | 500000 | 接种率95%",
    ])
    #expect(reading.indicators.count == 5 && reading.residue.isEmpty)
  }

  // MARK: - Income of other kinds beside 财政拨款

  /// 事业收入, 上级补助收入 … beside 财政拨款 are parts of the total: read as fund lines (they
  /// went to residue, and the funds were reported not to add up), with 其中 or without.
  ///
  /// A label no list holds but that names money (银行贷款, 专项债券资金) is a fund line too
  /// (`FormTableReader.mayNameFunds`): the funds add up if they do with it or without it
  /// (it may break down another line), and JX201 names the parts the vocabulary places.
  @Test(arguments: ["事业收入", "其中：上级补助收入", "用事业基金弥补收支差额", "政府性基金预算拨款", "单位自筹", "银行贷款", "专项债券资金"])
  func incomeOfOtherKindsIsAPart(_ label: String) throws {
    func read(other: String) throws -> Document {
      let rows = Self.cells([
        "项目名称 | 学生资助", "项目资金（万元） | 年度资金总额 | 200", " | 其中：财政拨款 | 150", " | \(label) | 30",
        " | 其他资金 | \(other)", "年度绩效目标 | 资助学生500人。",
        "一级指标 | 二级指标 | 三级指标 | 指标值", "产出指标 | 数量指标 | 资助人数 | ≥500人",
      ])
      return try Jixiao.parse(Array(DepartmentTaskTests.text(.tabbed, rows: rows).utf8), path: "income.txt")
    }
    let adding = try read(other: "20")
    let project = try #require(adding.projects.first)
    #expect(project.funds.lines.map { "\($0.label) \($0.amount.yuan)" } == ["\(label.replacingOccurrences(of: "：", with: ":")) 300000"])
    #expect(adding.residue.isEmpty && !adding.diagnostics.contains { $0.code == "JX201" })
    let off = try read(other: "25")
    let mismatch = try #require(off.diagnostics.first { $0.code == "JX201" })
    let known = FormVocabulary.role(TextKey.make(label)) == .fundsLine
    #expect(mismatch.related.count == (known ? 3 : 2))
  }

  /// 财政拨款 left empty over its parts (一般公共预算拨款 │ 80, 政府性基金预算拨款 │ 20): each part
  /// is a line of the funds, and the fiscal amount is not guessed. The first part was the
  /// label's value (JX111) and its amount the fiscal funds.
  @Test(arguments: [Layout.tabbed, .markdown, .csv])
  func partsUnderAnEmptyFiscalLabelAreLines(_ layout: Layout) throws {
    let rows = Self.cells([
      "项目名称 | 学生资助", "项目资金（万元） | 年度资金总额 | 100", " | 其中：财政拨款 | ", " | 一般公共预算拨款 | 80",
      " | 政府性基金预算拨款 | 20", " | 其他资金 | 0", "年度绩效目标 | 资助学生500人。",
      "一级指标 | 二级指标 | 三级指标 | 指标值", "产出指标 | 数量指标 | 资助人数 | ≥500人",
    ])
    let document = try Jixiao.parse(Array(DepartmentTaskTests.text(layout, rows: rows).utf8), path: "parts.txt")
    let funds = try #require(document.projects.first?.funds)
    #expect(funds.fiscal == nil && funds.total?.yuan == 1_000_000 && funds.other?.yuan == 0)
    #expect(funds.lines.map { "\($0.label) \($0.amount.yuan)" } == ["财政拨款·一般公共预算拨款 800000", "政府性基金预算拨款 200000"])
    #expect(!document.diagnostics.contains { $0.code == "JX111" || $0.code == "JX201" } && document.residue.isEmpty)
  }

  /// A row of amounts after the total (`其中：中央 │ 50 │ 省级 │ 30 │ 县级 │ 20`): each word that
  /// names a part of money labels the amount after it (they were further values of the total,
  /// JX111); 自筹资金 in a cell of pairs is a source (it went to residue, and JX201 fired).
  @Test func partsOfMoneyInTheTotalsRow() throws {
    func read(_ rows: [String]) throws -> Document {
      let table = Self.cells(rows + ["一级指标 | 二级指标 | 三级指标 | 指标值", "产出指标 | 数量指标 | 资助人数 | ≥500人"])
      return try Jixiao.parse(Array(DepartmentTaskTests.text(.tabbed, rows: table).utf8), path: "parts.txt")
    }
    let levels = try read(["项目名称 | 学生资助", "年度资金总额（万元） | 100 | 其中：中央 | 50 | 省级 | 30 | 县级 | 20"])
    let funds = try #require(levels.projects.first?.funds)
    #expect(funds.total?.yuan == 1_000_000)
    #expect(funds.lines.map { "\($0.label) \($0.amount.yuan)" } == ["其中:中央 500000", "省级 300000", "县级 200000"])
    #expect(!levels.diagnostics.contains { $0.code == "JX111" || $0.code == "JX201" } && levels.residue.isEmpty)
    let own = try read(["项目名称 | 学生资助", "项目资金 | 资金总额：100万元 其中：财政资金80万元 自筹资金20万元"])
    #expect(own.projects.first?.funds.lines.map { "\($0.label) \($0.amount.yuan)" } == ["自筹资金 200000"])
    #expect(!own.diagnostics.contains { $0.code == "JX201" } && own.residue.isEmpty)
  }

  /// `执行率分值 │ 10` beside the funds keeps ten points for budget execution: the indicators'
  /// weights total 90 (it was a second value of the total, JX111, and JX205 expected 100).
  @Test func aScoreForBudgetExecutionBesideTheFunds() throws {
    func read(_ funds: String) throws -> Document {
      let rows = Self.cells([
        "项目名称 | 路灯维护", funds, "一级指标 | 二级指标 | 三级指标 | 指标值 | 分值",
        "产出指标 | 数量指标 | 维护路灯数量 | ≥36000盏 | 50", "满意度指标 | 服务对象满意度指标 | 市民满意度 | ≥90% | 40",
      ])
      return try Jixiao.parse(Array(DepartmentTaskTests.text(.markdown, rows: rows).utf8), path: "execution.txt")
    }
    let scored = try read("项目资金（万元） | 年度资金总额 | 320 | 执行率分值 | 10")
    #expect(!scored.diagnostics.contains { $0.code == "JX205" || $0.code == "JX111" })
    #expect(scored.projects.first?.funds.total?.yuan == 3_200_000)
    let unscored = try read("项目资金（万元） | 年度资金总额 | 320 |  | ")
    #expect(unscored.diagnostics.contains { $0.code == "JX205" })
  }

  /// A row after the funds that holds a number but names no money stays out of them (in
  /// residue, as any row the form does not know).
  @Test func countsAreNoFunds() throws {
    let rows = Self.cells([
      "项目名称 | 学生资助", "项目资金（万元） | 年度资金总额 | 200", " | 其中：财政拨款 | 200", "受益人数 | 500",
      "年度绩效目标 | 资助学生500人。", "一级指标 | 二级指标 | 三级指标 | 指标值", "产出指标 | 数量指标 | 资助人数 | ≥500人",
    ])
    let document = try Jixiao.parse(Array(DepartmentTaskTests.text(.tabbed, rows: rows).utf8), path: "counts.txt")
    #expect(document.projects.first?.funds.lines.isEmpty == true)
    #expect(document.residue.map(\.text) == ["受益人数", "500"])
  }

  // MARK: - The pieces

  @Test func headersTellTheirColumns() {
    let cases: [(String, ColumnRole?)] = [
      ("计算符号", .direction), ("指标属性", .valueType), ("指标值类别", .valueType), ("指标方向性", .direction), ("指标值单位", .unit),
      ("中期指标值", .longTermTarget), ("远期目标值", .longTermTarget), ("中期", .remark), ("上年实际完成值", .remark), ("指标值设定依据及数据来源", .explanation),
      ("评分依据", .scoring), ("指标权重(%)", .weight), ("项目预算数", .fundsTotal), ("单位名称(项目名称)", .projectName),
      ("项目年度目标", .goal), ("预期达到的指标值", .target), ("指标", .name), ("指标项", .name), ("绩效指标", nil),
      ("项目编号(系统)", .projectCode), ("预算单位编码", .unitCode),
      // Data: a number, a target, a sentence.
      ("2024年", nil), ("≥95%", nil), ("完成农村饮水工程维修养护及水质检测工作", nil), ("明显提升", nil),
    ]
    for (header, role) in cases { #expect(ColumnVocabulary.guessedRole(header) == role, "\(header)") }
  }

  /// Two indicator labels make a header only when the other cells tell columns too: one cell
  /// of data is allowed (as before), two are not.
  @Test func headerNeedsItsOtherCellsToTellColumns() {
    func row(_ cells: [String]) -> Row {
      Row(cells: cells.enumerated().map { Cell(text: $1, span: SourceSpan(line: 1, column: $0 * 8 + 1, offset: $0 * 8), column: $0, start: 0) }, lineIndex: 0)
    }
    #expect(RowClassifier.kind(of: row(["一级指标", "二级指标", "三级指标", "计算符号", "指标值", "指标值单位"])) == .header)
    #expect(RowClassifier.kind(of: row(["一级指标", "二级指标", "三级指标", "指标值", "维护台账"])) == .header)
    #expect(RowClassifier.kind(of: row(["一级指标", "二级指标", "维护台账", "巡查记录"])) != .header)
  }

  /// An operator in the direction column is the operator when the value-type column holds
  /// 定量; a direction word is none.
  @Test func operatorColumnIsTheOneWithAComparison() {
    #expect(IndicatorBuilder.operatorColumn(valueType: "定量", direction: "≥") == "≥")
    #expect(IndicatorBuilder.operatorColumn(valueType: "正向", direction: "=") == "=")
    #expect(IndicatorBuilder.operatorColumn(valueType: "≤", direction: "反向") == "≤")
    #expect(IndicatorBuilder.operatorColumn(valueType: "定性", direction: "正向") == "定性")
    #expect(IndicatorBuilder.operatorColumn(valueType: nil, direction: "≥") == "≥")
  }

  // MARK: - The project's own code, and its term

  /// 项目编码 is the project's code (it was the department's, in a list, and an unknown label
  /// in a form); 项目期限 is the project's term (it was read as more of the category beside it).
  static let codedForm = cells([
    "2025年项目支出绩效目标申报表",
    "项目名称 | 基本公共卫生服务补助资金",
    "项目编码 | 5101002025000123",
    "主管部门 | 某市卫生健康委员会 | 项目实施单位 | 某市疾病预防控制中心",
    "项目类别 | 延续性项目 | 项目期限 | 1年",
    "项目资金（万元） | 资金总额 | 1,250.60",
    " | 其中：财政资金 | 1,000.00",
    "年度绩效目标 | 完成居民电子健康档案建档。",
    "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重",
    " | 产出指标 | 数量指标 | 建档人数 | ≥ | 120 | 万人 | 50",
    " | 满意度指标 | 服务对象满意度指标 | 居民满意度 | ≥ | 90 | % | 50",
  ])

  static let codedList = cells([
    "2025年项目绩效目标表",
    "单位：万元",
    "单位编码 | 项目编码 | 项目名称 | 资金总额 | 一级指标 | 二级指标 | 三级指标 | 指标值",
    "301001 | 5101002025000123 | 基本公共卫生服务补助资金 | 1250.6 | 产出指标 | 数量指标 | 建档人数 | ≥120万人",
    " |  |  |  | 满意度指标 | 服务对象满意度指标 | 居民满意度 | ≥90%",
  ])

  @Test(arguments: layouts)
  func projectCodeAndTerm(_ layout: Layout) throws {
    let form = try Jixiao.parse(Array(DepartmentTaskTests.text(layout, rows: Self.codedForm).utf8), path: "form.txt")
    let project = try #require(form.projects.first)
    #expect(project.code == "5101002025000123" && project.department.code == nil)
    #expect(project.category == "延续性项目" && project.period.years == 1 && project.period.raw == "1年")
    #expect(project.indicators.count == 2 && form.residue.isEmpty)
    let list = try Jixiao.parse(Array(DepartmentTaskTests.text(layout, rows: Self.codedList).utf8), path: "list.txt")
    let listed = try #require(list.projects.first)
    #expect(listed.code == "5101002025000123" && listed.department.code == "301001")
    #expect(listed.indicators.count == 2 && list.residue.isEmpty)
  }

  // MARK: - A list with the columns a form writes as labels

  /// 序号, 主管部门, 实施单位 and 项目类别 beside 项目名称: before, the first row's cells after
  /// 序号 were read as its indicator's (its level names left as residue and the indicator
  /// put under the next row's level 2), and a header with two of these words was data. The
  /// 合计 row under the list is no project (nor lines of the last one's funds).
  static let fieldList = cells([
    "2024年项目支出绩效目标表",
    "单位：万元",
    "序号 | 项目名称 | 主管部门 | 实施单位 | 项目类别 | 资金总额 | 年度绩效目标 | 一级指标 | 二级指标 | 三级指标 | 指标值",
    "1 | 基本公共卫生服务补助 | 某市卫生健康委员会 | 某市疾病预防控制中心 | 延续性项目 | 3200.00 | 免费提供基本公共卫生服务。 | 产出指标 | 数量指标 | 电子健康档案建档率 | ≥90%",
    " |  |  |  |  |  |  | 满意度指标 | 服务对象满意度指标 | 居民满意度 | ≥85%",
    "2 | 重大传染病防控经费 | 某市卫生健康委员会 | 某市传染病医院 | 新增项目 | 450.00 | 完成传染病防控任务。 | 产出指标 | 时效指标 | 疫情报告及时率 | 100%",
    " |  |  |  |  |  |  | 效益指标 | 社会效益指标 | 传染病报告发病率 | 显著下降",
    "合计 |  |  |  |  | 3650.00 |  |  |  |  | ",
  ])

  @Test(arguments: layouts)
  func listColumnsOfProjectFields(_ layout: Layout) throws {
    let document = try Jixiao.parse(Array(DepartmentTaskTests.text(layout, rows: Self.fieldList).utf8), path: "fields.txt")
    #expect(
      Self.reading(document)
        == Reading(
          projects: [
            "基本公共卫生服务补助 | 某市疾病预防控制中心 | 32000000 | 免费提供基本公共卫生服务。",
            "重大传染病防控经费 | 某市传染病医院 | 4500000 | 完成传染病防控任务。",
          ],
          indicators: [
            "产出指标/数量指标/电子健康档案建档率 >= 90 %", "满意度指标/服务对象满意度指标/居民满意度 >= 85 %",
            "产出指标/时效指标/疫情报告及时率  100 %", "效益指标/社会效益指标/传染病报告发病率  显著下降 ",
          ],
          residue: [], codes: ["JX505", "JX505"]))
    #expect(document.projects.map(\.department.name) == ["某市卫生健康委员会", "某市卫生健康委员会"])
    #expect(document.projects.map(\.category) == ["延续性项目", "新增项目"])
    // The row number is kept with its project, under its header.
    #expect(document.projects.map { $0.fields.filter { $0.label == "序号" }.map(\.text) } == [["1"], ["2"]])
  }

  /// `部门名称：某县教育局` (or `主管部门 │ 某县教育局`) over a list opens the table as a form's
  /// label would; it names every project's department. Before, the list was read as a form:
  /// one nameless project, the projects' cells residue. (Not in spaced text, where the line
  /// without blanks tips the layout to plain prose, nor yet in a stream of cells, where the
  /// line's label starts a form's rows.)
  @Test(arguments: layouts.filter { $0 != .cellStream && $0 != .spaced })
  func departmentLineOverAList(_ layout: Layout) throws {
    for line in ["部门名称：某县教育局", "主管部门 | 某县教育局"] {
      let rows = Self.cells([
        "2024年项目支出绩效目标表", line,
        "项目名称 | 项目资金（元） | 年度绩效目标 | 一级指标 | 二级指标 | 三级指标 | 指标值",
        "学生资助 | 100000.00 | 资助困难学生 | 产出指标 | 数量指标 | 资助人数 | ≥500人",
        " |  |  | 满意度指标 | 服务对象满意度指标 | 满意度 | ≥90%",
        "校舍维修 | 200000.00 | 维修校舍 | 产出指标 | 数量指标 | 维修学校数 | 8所",
      ])
      let document = try Jixiao.parse(Array(DepartmentTaskTests.text(layout, rows: rows).utf8), path: "department.txt")
      #expect(document.projects.map(\.name) == ["学生资助", "校舍维修"], "\(line)")
      #expect(document.projects.map(\.department.name) == ["某县教育局", "某县教育局"], "\(line)")
      #expect(document.projects.map { $0.funds.total?.yuan } == [100_000, 200_000], "\(line)")
      #expect(document.projects.map(\.indicators.count) == [2, 1] && document.residue.isEmpty, "\(line)")
    }
  }

  /// A group over its money columns in a header of two rows, the lower naming them with a
  /// sum's word first (`项目金额` over `合计 │ 财政拨款 │ 其他资金`), and the unit at the right of
  /// the title's row (a spreadsheet's first row). The lower row was a project named by
  /// nothing, the projects' fiscal and other funds residue; the title was lost to the unit.
  /// (Not yet where the layout drops empty cells: the lower row then does not say which
  /// columns it names.)
  @Test(arguments: layouts.filter { ![.spaced, .pipesCollapsed, .cellStream].contains($0) })
  func moneyColumnsUnderAGroup(_ layout: Layout) throws {
    let rows = Self.cells([
      "2024年项目支出绩效目标表 |  |  |  |  |  |  |  | 单位：万元",
      "项目名称 | 项目金额 |  |  | 年度目标 | 一级指标 | 二级指标 | 三级指标 | 指标值",
      " | 合计 | 财政拨款 | 其他资金 |  |  |  |  | ",
      "学生资助 | 10 | 8 | 2 | 资助困难学生 | 产出指标 | 数量指标 | 资助人数 | ≥500人",
      "校舍维修 | 20 | 20 | 0 | 维修校舍 | 产出指标 | 数量指标 | 维修学校数 | 8所",
    ])
    let document = try Jixiao.parse(Array(DepartmentTaskTests.text(layout, rows: rows).utf8), path: "group.txt")
    #expect(document.projects.map(\.name) == ["学生资助", "校舍维修"])
    #expect(document.projects.map { [$0.funds.total?.yuan, $0.funds.fiscal?.yuan, $0.funds.other?.yuan] } == [
      [100_000, 80_000, 20_000], [200_000, 200_000, 0],
    ])
    #expect(document.tables.first?.title == "2024年项目支出绩效目标表" && document.tables.first?.year == 2024)
    #expect(document.residue.isEmpty && !document.diagnostics.contains { $0.code == "JX111" })
  }

  /// The unit in one money column's header (`资金总额（元）`, or `项目资金（元）` over 合计 │
  /// 财政拨款 │ 其他资金) is the unit of the money columns that name none, and of the totals
  /// row's amounts: 财政拨款 1184200.00 was read as 万元 (11,842,000,000 元), with a false JX201
  /// and JX110 saying no unit was anywhere.
  @Test(arguments: [Layout.tabbed, .markdown, .csv, .gridTable, .aligned])
  func aMoneyColumnsUnitIsTheOthers(_ layout: Layout) throws {
    for header in [
      ["项目名称 | 资金总额（元） | 财政拨款 | 其他资金 | 一级指标 | 二级指标 | 三级指标 | 指标值"],
      ["项目名称 | 项目资金（元） |  |  | 一级指标 | 二级指标 | 三级指标 | 指标值", " | 合计 | 财政拨款 | 其他资金 |  |  |  | "],
    ] {
      let rows = Self.cells(
        ["项目支出绩效目标表"] + header + [
          "合计 | 2384200.00 | 2184200.00 | 200000.00 |  |  |  | ",
          "家庭医生签约服务补助 | 1384200.00 | 1184200.00 | 200000.00 | 产出指标 | 数量指标 | 签约人数 | ≥46140人",
          "学生资助 | 1000000.00 | 1000000.00 | 0 | 产出指标 | 数量指标 | 资助人数 | ≥500人",
        ])
      let document = try Jixiao.parse(Array(DepartmentTaskTests.text(layout, rows: rows).utf8), path: "unit.txt")
      #expect(document.projects.map { [$0.funds.total?.yuan, $0.funds.fiscal?.yuan, $0.funds.other?.yuan] } == [
        [1_384_200, 1_184_200, 200_000], [1_000_000, 1_000_000, 0],
      ], "\(header)")
      #expect(!document.diagnostics.contains { ["JX110", "JX201", "JX212"].contains($0.code) }, "\(header)")
    }
  }

  /// A list's 长期目标 column (中长期目标, 长期绩效目标 …) beside 年度目标 is the projects'
  /// long-term goal: it was read as the first indicator's remark (JX120), the level cells
  /// after it shifted into residue.
  @Test(arguments: layouts.filter { $0 != .cellStream && $0 != .spaced })
  func longTermGoalColumn(_ layout: Layout) throws {
    for label in ["长期目标", "中长期目标", "长期绩效目标"] {
      let rows = Self.cells([
        "项目支出绩效目标表",
        "项目名称 | 项目金额 | \(label) | 年度目标 | 一级指标 | 二级指标 | 三级指标 | 指标值",
        "学生资助 | 10 | 持续资助困难学生 | 资助500人 | 产出指标 | 数量指标 | 资助人数 | ≥500人",
        "校舍维修 | 20 | 消除校舍隐患 | 维修8所 | 产出指标 | 数量指标 | 维修学校数 | 8所",
      ])
      let document = try Jixiao.parse(Array(DepartmentTaskTests.text(layout, rows: rows).utf8), path: "goals.txt")
      #expect(document.projects.map(\.goals.longTerm) == ["持续资助困难学生", "消除校舍隐患"], "\(label)")
      #expect(document.projects.map(\.goals.annual) == ["资助500人", "维修8所"], "\(label)")
      #expect(document.projects.flatMap(\.indicators).map(\.level2) == ["数量指标", "数量指标"], "\(label)")
      #expect(document.residue.isEmpty && !document.diagnostics.contains { $0.code == "JX120" }, "\(label)")
    }
  }

  /// A column before the indicator columns under a header no list holds (立项文号) is the
  /// project's, kept under its header: not the first cell of its first indicator. (Not in
  /// spaced text: single blanks cut the unknown header, and the rows stay residue.)
  @Test(arguments: layouts.filter { $0 != .cellStream && $0 != .spaced })
  func unnamedProjectColumn(_ layout: Layout) throws {
    let rows = Self.cells([
      "2024年项目支出绩效目标表",
      "单位：万元",
      "项目名称 | 立项文号 | 资金总额 | 一级指标 | 二级指标 | 三级指标 | 指标值",
      "农村饮水安全维修养护 | 某财预〔2024〕12号 | 120.5 | 产出指标 | 数量指标 | 维修养护工程数量 | ≥30处",
      " |  |  | 满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90%",
    ])
    let document = try Jixiao.parse(Array(DepartmentTaskTests.text(layout, rows: rows).utf8), path: "unnamed.txt")
    let project = try #require(document.projects.first)
    #expect(project.indicators.map { "\($0.level1 ?? "-")/\($0.level2 ?? "-")/\($0.name ?? "-")" } == [
      "产出指标/数量指标/维修养护工程数量", "满意度指标/服务对象满意度指标/群众满意度",
    ])
    #expect(project.fields.contains { $0.label == "立项文号" && $0.text == "某财预〔2024〕12号" })
    #expect(project.funds.total?.yuan == 1_205_000 && document.residue.isEmpty)
  }

  /// `项目资金` over `资金总额 │ 财政拨款 │ 其他资金` in a grid: each amount in the column of
  /// the label under the group (the group's own column was the total, and the labels below
  /// filled the blanks one column off: the fiscal funds read as the total's line, the other
  /// funds as the fiscal).
  @Test(arguments: [Layout.tabbed, .markdown, .csv, .gridTable])
  func fundsGroupOverItsColumns(_ layout: Layout) throws {
    let rows = Self.cells([
      "2024年项目支出绩效目标表",
      "单位：万元",
      "项目名称 | 项目资金 |  |  | 年度绩效目标 | 一级指标 | 二级指标 | 三级指标 | 指标值",
      " | 资金总额 | 财政拨款 | 其他资金 |  |  |  |  | ",
      "基本公共卫生服务补助 | 3200.00 | 3000.00 | 200.00 | 免费提供基本公共卫生服务。 | 产出指标 | 数量指标 | 电子健康档案建档率 | ≥90%",
      " |  |  |  |  | 满意度指标 | 服务对象满意度指标 | 居民满意度 | ≥85%",
    ])
    let document = try Jixiao.parse(Array(DepartmentTaskTests.text(layout, rows: rows).utf8), path: "group.txt")
    let funds = try #require(document.projects.first).funds
    #expect([funds.total?.yuan, funds.fiscal?.yuan, funds.other?.yuan] == [32_000_000, 30_000_000, 2_000_000])
    #expect(funds.lines.isEmpty && document.residue.isEmpty)
    #expect(!document.diagnostics.contains { $0.code == "JX201" })
  }

  /// Nothing lost in any layout of the three tables.
  @Test(arguments: layouts)
  func nothingLost(_ layout: Layout) {
    for (name, rows) in [
      ("list", Self.list), ("units", Self.unitList), ("form", Self.form), ("coded", Self.codedForm), ("codedList", Self.codedList),
      ("export", Self.export), ("fieldList", Self.fieldList),
    ] {
      var result = LosslessInvariant.Result()
      LosslessInvariant.check(
        Array(DepartmentTaskTests.text(layout, rows: rows).utf8), document: "\(name).txt", mutation: layout.rawValue, into: &result)
      #expect(result.losses.map(\.description) == [], "\(name)")
    }
  }

  /// A money column with its unit in brackets (`资金总额（元）`) is the column the list names, not
  /// a header read by its words (a JX120 note on every such list); its unit is still the
  /// amounts'.
  @Test func aMoneyColumnWithItsUnitIsKnown() throws {
    let text = "项目支出绩效目标表\n单位名称\t项目名称\t资金总额（元）\t一级指标\t二级指标\t三级指标\t指标值\n"
      + "某局\t道路养护\t800000\t产出指标\t数量指标\t养护里程\t≥10公里\n"
    let document = try Jixiao.parse(Array(text.utf8), path: "list.txt")
    #expect(document.projects.first?.funds.total?.yuan == 800_000)
    #expect(!document.diagnostics.contains { $0.code == "JX120" })
    #expect(ColumnVocabulary.role("资金总额(元)") == .fundsTotal && ColumnVocabulary.role("资金总额(人)") == nil)
  }
}
