import FoundationEssentials
import Testing

@testable import Jixiao

/// Reading-stage rules found on the public corpus, each isolated in a minimal table.
@Suite struct ReadingTests {
  static let form = [
    "项目支出绩效目标表",
    "(2024年度)",
    "项目名称 | 雾炮车降尘抑尘服务",
    "主管部门 | 湘潭市城市管理和综合执法局 | 实施单位 | 湘潭市环境卫生管理处",
    "年度资金总额 | 250",
    "年度目标 | 持续改善空气质量",
    "一级指标 | 二级指标 | 三级指标 | 指标值",
    "产出指标 | 数量指标 | 配备车辆数 | 10辆",
    " | 质量指标 | 验收合格率 | ≥95%",
  ]
  static let satisfaction = "满意度指标 | 服务对象满意度指标 | 市民满意度 | ≥90%"

  static func codes(_ document: Document) -> [String] { document.diagnostics.map(\.code) }

  /// `项目名称：雾炮车…` in one cell (text from PDFs) opens the form as the label cell does:
  /// before, the rows above the indicator header were left as passages, the project nameless
  /// and without funds or goal.
  @Test(arguments: ["：", ":", "： "])
  func aLabelAndItsValueInOneCellOpenTheForm(colon: String) throws {
    let labelled = try TableFixtures.parse(Self.form + [Self.satisfaction])
    var rows = Self.form + [Self.satisfaction]
    rows[2] = "项目名称\(colon)雾炮车降尘抑尘服务"
    let inline = try TableFixtures.parse(rows)
    #expect(inline.projects.count == 1)
    let project = try #require(inline.projects.first)
    let expected = try #require(labelled.projects.first)
    #expect(project.name == "雾炮车降尘抑尘服务")
    #expect(project.department.name == expected.department.name)
    #expect(project.funds.total?.yuan == expected.funds.total?.yuan)
    #expect(project.goals.annual == expected.goals.annual)
    #expect(project.indicators.map(\.name) == expected.indicators.map(\.name))
    #expect(!inline.passages.contains { $0.text.contains("项目名称") })
  }

  /// Projects one after another in one table, each opened by `项目名称：…` in one cell: the
  /// next one's name ends the indicators and starts a project, as a name label does. (The
  /// second project's fields were read as indicators of the first, without targets.)
  @Test func theNextInlineNameStartsTheNextProject() throws {
    func project(_ name: String, _ amount: String, _ goal: String) -> [String] {
      [
        "项目名称：\(name)",
        "年度资金总额（万元） | \(amount)",
        "年度目标：\(goal)",
        "一级指标 | 二级指标 | 三级指标 | 指标值",
        "产出指标 | 数量指标 | 完成数量 | ≥3个",
        "效益指标 | 社会效益指标 | 通行条件 | 明显改善",
        "满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90%",
      ]
    }
    let document = try TableFixtures.parse(
      ["项目支出绩效目标表"] + project("农村公路养护工程", "350", "完成日常养护") + project("危桥改造工程", "120", "完成危桥改造"))
    #expect(document.projects.map(\.name) == ["农村公路养护工程", "危桥改造工程"])
    #expect(document.projects.map { $0.funds.total?.yuan } == [3_500_000, 1_200_000])
    #expect(document.projects.map(\.goals.annual) == ["完成日常养护", "完成危桥改造"])
    #expect(document.projects.map(\.indicators.count) == [3, 3])
    #expect(!Self.codes(document).contains("JX308"))
  }

  /// The same in a space-aligned page, as `pdftotext -layout` writes one, with the unit at
  /// the end of a field's line.
  @Test func anAlignedPageWithInlineLabels() throws {
    let text = """
      2024年项目支出绩效目标表
      项目名称：农村公路养护工程
      预算单位：某县交通运输局                                  单位：元
      年度资金总额          3,500,000.00
        其中：财政拨款      3,000,000.00
              其他资金        500,000.00
      年度绩效目标：完成农村公路日常养护里程 320 公里，保障群众安全便捷出行。
      一级指标    二级指标      三级指标                    指标值
      产出指标    数量指标      农村公路养护里程            ≥320公里
                  质量指标      优良中等路率                ≥85%
      效益指标    社会效益指标  群众出行条件                明显改善
      满意度指标  服务对象满意  沿线群众满意度              ≥90%
      """
    let document = try Jixiao.parse(Array((text + "\n").utf8), path: "aligned.txt")
    let project = try #require(document.projects.first)
    #expect(project.name == "农村公路养护工程")
    // The line that ends with the unit begins with a field: both are read.
    #expect(project.implementingUnit == "某县交通运输局")
    #expect(document.tables.first?.moneyUnit == "元")
    #expect(project.funds.total?.yuan == 3_500_000)
    #expect(project.funds.fiscal?.yuan == 3_000_000)
    #expect(project.goals.annual?.hasPrefix("完成农村公路") == true)
    #expect(project.indicators.count == 4)
    #expect(document.passages.isEmpty && document.residue.isEmpty)
  }

  /// A department-wide form heads its funds `年度预算申请（万元）`, the parts named beside it
  /// and their amounts on the next row: the group label gives the unit, as `项目资金 (万元)`
  /// does; it was left as an unrecognised row and the amounts read in an assumed unit.
  @Test(arguments: ["年度预算申请（万元）", "部门预算申请(万元)", "年度资金安排（万元）"])
  func aDepartmentFormsFundsGroupGivesTheUnit(label: String) throws {
    let document = try TableFixtures.parse([
      "2025年部门整体支出绩效目标表",
      "部门名称 | 某市生态环境局",
      "\(label) | 资金总额 | 财政拨款 | 其他资金",
      " | 1,250.00 | 1,200.00 | 50.00",
      "年度总体目标 | 持续改善生态环境质量",
      "一级指标 | 二级指标 | 三级指标 | 指标值",
      "产出指标 | 数量指标 | 环境监测点位数 | ≥45个",
      "效益指标 | 生态效益指标 | 空气优良天数比例 | ≥90%",
      "满意度指标 | 服务对象满意度指标 | 公众满意度 | ≥85%",
    ])
    let department = try #require(document.departments.first)
    #expect(department.funds.total?.yuan == 12_500_000)
    #expect(department.funds.total?.unitSource == .header)
    #expect(department.funds.other?.yuan == 500_000)
    #expect(document.residue.isEmpty)
    #expect(!Self.codes(document).contains("JX110"))
  }

  /// A template that heads its operator column 指标方向 (no 指标性质 beside it): `≥`, `=` there
  /// are the targets' operators, as they are under 指标性质; 正向 there is a direction only.
  @Test func operatorsInADirectionColumn() throws {
    let rows = [
      "项目支出绩效目标表",
      "项目名称 | 乡村振兴衔接资金",
      "年度资金总额（万元） | 500",
      "年度目标 | 完成产业项目10个",
      "一级指标 | 二级指标 | 三级指标 | 指标方向 | 指标值 | 计量单位",
      "产出指标 | 数量指标 | 产业项目数 | ≥ | 10 | 个",
      " | 质量指标 | 项目验收合格率 | ＝ | 100 | %",
      "效益指标 | 经济效益指标 | 带动增收 | 正向 | 500 | 万元",
      "满意度指标 | 服务对象满意度指标 | 农户满意度 | 定性 | 满意 | ",
    ]
    let indicators = try #require(TableFixtures.parse(rows).projects.first?.indicators)
    #expect(indicators.map(\.target.op) == [.atLeast, .equal, nil, nil])
    #expect(indicators.map(\.direction) == ["≥", "＝", "正向", "定性"])
    #expect(indicators[0].target.flags.contains(.operatorFromColumn))
    #expect(indicators[3].target.kind == .qualitative)
  }

  /// The central template with a mid-term column beside the year's (中期目标 / 年度目标,
  /// 中期资金总额 beside 年度资金总额): the goals go to their horizons and the mid-term funds
  /// stay lines of their own, not a second total. (Its 中期指标值 column is not read yet: its
  /// cells are residue, `unknownColumn`.)
  @Test func midTermColumnsBesideTheYears() throws {
    let document = try TableFixtures.parse([
      "项目支出绩效目标表（2025年度）",
      "项目名称 | 乡村振兴衔接资金",
      "项目资金（万元） | 年度资金总额 | 500 | 中期资金总额 | 1500",
      " | 其中：财政拨款 | 450 | 其中：财政拨款 | 1350",
      " | 其他资金 | 50 | 其他资金 | 150",
      "总体目标 | 中期目标（2025年-2027年） | 年度目标",
      " | 完成产业项目30个 | 完成产业项目10个",
      "一级指标 | 二级指标 | 三级指标 | 指标值",
      "产出指标 | 数量指标 | 产业项目数 | ≥10个",
      "效益指标 | 经济效益指标 | 带动增收 | ≥500万元",
      "满意度指标 | 服务对象满意度指标 | 农户满意度 | ≥90%",
    ])
    let project = try #require(document.projects.first)
    #expect(project.goals.longTerm == "完成产业项目30个")
    #expect(project.goals.annual == "完成产业项目10个")
    #expect(project.funds.total?.yuan == 5_000_000)
    #expect(project.funds.fiscal?.yuan == 4_500_000)
    #expect(project.funds.lines.first.map { [$0.label, "\($0.amount.yuan)"] } == ["中期资金总额", "15000000"])
    #expect(!Self.codes(document).contains("JX111"))
  }

  /// A dash, a slash or 无 where a form has no other funds says there are none: no amount
  /// read, no JX111, and the cell kept among the project's fields. Any other text still is
  /// JX111.
  @Test(arguments: ["—", "——", "-", "/", "无", "－", "&nbsp;"])
  func nilMarksInFundsCells(_ mark: String) throws {
    let document = try TableFixtures.parse([
      "项目支出绩效目标表",
      "项目名称 | 乡村振兴衔接资金",
      "项目资金（万元） | 年度资金总额 | 500",
      " | 其中：财政拨款 | 500",
      " | 其他资金 | \(mark)",
      "一级指标 | 二级指标 | 三级指标 | 指标值",
      "产出指标 | 数量指标 | 产业项目数 | ≥10个",
    ])
    let project = try #require(document.projects.first)
    #expect(project.funds.other == nil && project.funds.total?.yuan == 5_000_000)
    #expect(!Self.codes(document).contains("JX111"))
    #expect(project.fields.contains { $0.text == mark })
    let worded = try TableFixtures.parse([
      "项目名称 | 乡村振兴衔接资金", "其他资金 | 待定", "一级指标 | 二级指标 | 三级指标 | 指标值", "产出指标 | 数量指标 | 产业项目数 | ≥10个",
    ])
    #expect(Self.codes(worded).contains("JX111"))
  }

  /// Funds printed with a space between thousands, or with a letter for a digit as OCR reads
  /// them: read, the raw text as written, and JX122 on each letter (they were JX111, no amount).
  @Test func fundsWithSpacedThousandsAndOCRLetters() throws {
    let document = try TableFixtures.parse([
      "项目支出绩效目标表",
      "项目名称 | 乡村振兴衔接资金",
      "项目资金（万元） | 年度资金总额 | 1 268.40",
      " | 其中：财政拨款 | 1O68.40",
      " | 其他资金 | 2〇0",
      "一级指标 | 二级指标 | 三级指标 | 指标值",
      "产出指标 | 数量指标 | 产业项目数 | ≥10个",
    ])
    let project = try #require(document.projects.first)
    #expect(project.funds.total?.yuan == 12_684_000 && project.funds.total?.raw == "1 268.40")
    #expect(project.funds.fiscal?.yuan == 10_684_000 && project.funds.fiscal?.raw == "1O68.40")
    #expect(project.funds.other?.yuan == 2_000_000 && project.funds.other?.raw == "2〇0")
    #expect(!Self.codes(document).contains("JX111"))
    let notes = document.diagnostics.filter { $0.code == "JX122" }
    #expect(notes.map { $0.span?.line } == [4, 5])
    #expect(notes.map(\.arguments) == [["1O68.40", "其中：财政拨款", "1068.40 万元"], ["2〇0", "其他资金", "200 万元"]])
  }

  /// A budget summary's amounts read alike: the lines keep them as written, JX122 on the letter.
  @Test func budgetLinesWithSpacedThousandsAndOCRLetters() throws {
    let document = try TableFixtures.parse([
      "部门收支总表", "单位：万元", "收入 | 预算数 | 支出 | 预算数",
      " |  | 一、基本支出 | 65O.65", " |  | 二、项目支出 | 983.29", "收入合计 | 1 633.94 | 支出合计 | 1 633.94",
      "项目支出绩效目标表", "项目名称 | 乡村振兴衔接资金",
      "一级指标 | 二级指标 | 三级指标 | 指标值", "产出指标 | 数量指标 | 产业项目数 | ≥10个",
    ])
    let lines = document.budgetLines.map { [$0.normalizedLabel, $0.amount?.raw ?? "-", $0.amount.map { "\($0.yuan)" } ?? "-"] }
    #expect(lines.contains(["基本支出", "65O.65", "6506500"]))
    #expect(lines.contains(["收入合计", "1 633.94", "16339400"]))
    let notes = document.diagnostics.filter { $0.code == "JX122" }
    #expect(notes.map(\.arguments) == [["65O.65", "一、基本支出", "650.65 万元"]])
  }

  /// The same amounts in a line of inline funds: the pair's amount was cut at the space or the
  /// letter (年度资金总额 1 万元 without a word, 268.40万元 residue with JX104).
  @Test func inlineFundsWithSpacedThousandsAndOCRLetters() throws {
    for line in [
      "年度资金总额：1 268.40万元 其中财政拨款：1O68.40万元 其他资金：2〇0万元",
      "年度资金总额 1 268.40万元 其中财政拨款 1O68.40万元 其他资金 2〇0万元",
    ] {
      let document = try TableFixtures.parse([
        "项目支出绩效目标表", "项目名称：乡村振兴衔接资金", line,
        "一级指标 | 二级指标 | 三级指标 | 指标值",
        "产出指标 | 数量指标 | 产业项目数 | ≥10个",
      ])
      let project = try #require(document.projects.first, "\(line)")
      #expect(project.funds.total?.yuan == 12_684_000 && project.funds.total?.raw == "1 268.40万元", "\(line)")
      #expect(project.funds.fiscal?.yuan == 10_684_000 && project.funds.other?.yuan == 2_000_000, "\(line)")
      #expect(document.residue.isEmpty, "\(line)")
      #expect(Self.codes(document).filter { $0 == "JX122" }.count == 2, "\(line)")
      #expect(!Self.codes(document).contains("JX104") && !Self.codes(document).contains("JX201"), "\(line)")
    }
  }

  /// A form's row of labels over a row of their values (项目名称 │ 主管部门 │ 实施单位) is no
  /// list header, though a list may have those columns beside its indicator labels.
  @Test func formLabelsOverTheirValues() throws {
    let document = try TableFixtures.parse([
      "项目支出绩效目标表",
      "项目名称 | 主管部门 | 实施单位",
      "乡村振兴衔接资金 | 某县农业农村局 | 某县乡村振兴服务中心",
      "年度资金总额（万元） | 500",
      "一级指标 | 二级指标 | 三级指标 | 指标值",
      "产出指标 | 数量指标 | 产业项目数 | ≥10个",
    ])
    #expect(document.projects.map(\.name) == ["乡村振兴衔接资金"])
    let project = try #require(document.projects.first)
    #expect(project.department.name == "某县农业农村局" && project.implementingUnit == "某县乡村振兴服务中心")
    #expect(project.funds.total?.yuan == 5_000_000 && project.indicators.count == 1)
  }

  /// A dotted year and month under 时效指标, or under a name about a time, is a month in a
  /// document as it is for `jixiao value --indicator` (`2024.10` was the number 2024.1).
  @Test func dottedMonthsUnderTimeliness() throws {
    let document = try TableFixtures.parse([
      "2024年项目支出绩效目标表",
      "项目名称 | 老旧小区改造",
      "一级指标 | 二级指标 | 三级指标 | 指标值",
      "产出指标 | 时效指标 | 开工时间 | 2024.6",
      " |  | 完工时限 | 2024.10",
      " | 数量指标 | 项目完工时间 | 2024.11",
      " |  | 改造面积 | 2024.10",
    ])
    let targets = try #require(document.projects.first).indicators.map(\.target)
    #expect(targets.map(\.kind) == [.date, .date, .date, .quantitative])
    #expect(targets.prefix(3).map { $0.date?.start } == ["2024-06-01", "2024-10-01", "2024-11-01"])
    #expect(targets[3].value == Decimal(string: "2024.1"))
  }

  /// `…表（续）` and `续表` over the rest of a table after a page break: the table goes on,
  /// not a second table whose project has no name.
  @Test func continuedTableAfterAPageBreak() throws {
    for mark in ["2024年项目支出绩效目标表（续）", "续表", "（续表）"] {
      let document = try TableFixtures.parse([
        "2024年项目支出绩效目标表",
        "项目名称 | 城区环境卫生保洁服务",
        "一级指标 | 二级指标 | 三级指标 | 指标值",
        "产出指标 | 数量指标 | 道路清扫保洁面积 | ≥420万平方米",
        "\u{0C}" + mark,
        "一级指标 | 二级指标 | 三级指标 | 指标值",
        "效益指标 | 社会效益指标 | 市容环境改善程度 | 明显改善",
        "满意度指标 | 服务对象满意度指标 | 市民满意度 | ≥90%",
      ])
      #expect(document.tables.count == 1, "\(mark)")
      #expect(document.projects.map(\.name) == ["城区环境卫生保洁服务"], "\(mark)")
      #expect(document.projects.first?.indicators.count == 3, "\(mark)")
      #expect(document.residue.isEmpty && document.tables.first?.layout.contains { $0.text == mark } == true, "\(mark)")
    }
  }

  /// A PDF's page furniture in text from pdftotext: the department's name and `表3-2` repeated
  /// at the top of each page, `第 1 页，共 2 页` at the foot, and a label's unit wrapped onto
  /// its own line (`项目资金` ⏎ `（万元）`). Before, the footer and the repeated lines were
  /// indicators of the row above (`表3-2` a target read as a range), the unit residue.
  @Test func pageFurnitureFromAPDF() throws {
    let page1 = [
      "                         某县农业农村局",
      "表3-2",
      "                      2024年项目支出绩效目标表",
      "项目名称      高标准农田建设项目",
      "主管部门      某县农业农村局              实施单位      某县农业技术推广中心",
      "项目资金      年度资金总额      500.00",
      "（万元）      其中：财政拨款    450.00",
      "              其他资金          50.00",
      "年度总体目标  新建高标准农田1万亩，提升耕地质量。",
      "绩效指标      一级指标      二级指标      三级指标                    指标值",
      "              产出指标      数量指标      新建高标准农田面积          ≥1万亩",
      "                            质量指标      工程验收合格率              ≥95%",
      "",
      "                                   第 1 页，共 2 页",
    ]
    let page2 = [
      "                         某县农业农村局",
      "表3-2",
      "                            时效指标      工程完工时间                2024年12月",
      "              效益指标      经济效益指标  亩均增产粮食                ≥50公斤",
      "              满意度指标    服务对象满意度指标  受益群众满意度        ≥90%",
      "",
      "                                   第 2 页，共 2 页",
    ]
    let text = page1.joined(separator: "\n") + "\n\u{0C}" + page2.joined(separator: "\n") + "\n"
    let document = try Jixiao.parse(Array(text.utf8), path: "pages.txt")
    let project = try #require(document.projects.first)
    #expect(document.projects.count == 1 && document.residue.isEmpty)
    #expect(project.indicators.map { "\($0.level2 ?? "-")/\($0.name ?? "-")" } == [
      "数量指标/新建高标准农田面积", "质量指标/工程验收合格率", "时效指标/工程完工时间", "经济效益指标/亩均增产粮食",
      "服务对象满意度指标/受益群众满意度",
    ])
    #expect(project.funds.total?.yuan == 5_000_000 && project.funds.fiscal?.yuan == 4_500_000)
    #expect(!Self.codes(document).contains("JX110"))
    let layout = document.tables.flatMap(\.layout)
    #expect(layout.filter { $0.role == .pageHeader }.map(\.text) == ["某县农业农村局", "表3-2"])
    #expect(layout.filter { $0.role == .pageNumber }.map(\.text) == ["第 1 页，共 2 页", "第 2 页，共 2 页"])
    #expect(layout.contains { $0.role == .unit && $0.text == "（万元）" })
  }

  /// pdftotext sets a label beside the middle line of a value of several lines: the goal's first
  /// line comes before its label (it was residue, the goal kept lines 2 and 3). A lone line
  /// that no label below takes stays residue.
  @Test func valueLineAboveItsLabel() throws {
    let rows = [
      "                      2024年项目支出绩效目标表",
      "项目名称      社区养老服务中心运营补助",
      "项目资金      年度资金总额      80.00",
      "（万元）      其中：财政拨款    80.00",
      "              1.为辖区60岁以上老人提供日间照料服务；",
      "年度总体目标  2.开展助餐服务不少于2万人次；",
      "              3.组织文体活动不少于24场。",
      "绩效指标      一级指标      二级指标      三级指标                    指标值",
      "              产出指标      数量指标      助餐服务人次                ≥2万人次",
      "              满意度指标    服务对象满意度指标  老人满意度            ≥90%",
    ]
    let document = try Jixiao.parse(Array((rows.joined(separator: "\n") + "\n").utf8), path: "goal.txt")
    #expect(document.projects.first?.goals.annual == "1.为辖区60岁以上老人提供日间照料服务；\n2.开展助餐服务不少于2万人次；\n3.组织文体活动不少于24场。")
    #expect(document.residue.isEmpty)

    var stray = rows
    stray[5] = "项目负责人    张三"
    let strayDocument = try Jixiao.parse(Array((stray.joined(separator: "\n") + "\n").utf8), path: "stray.txt")
    #expect(strayDocument.residue.map(\.text) == ["1.为辖区60岁以上老人提供日间照料服务；"])
  }

  /// Funds written as prose, a money label right before its amount without a colon:
  /// `年度资金总额 500万元 其中财政拨款 450万元 …` was residue; after `资金总额：500万元，` the
  /// fiscal and other funds were text bled into the total (JX104). A money word inside
  /// another label's text (a goal) stays that text.
  @Test func fundsWithoutColons() throws {
    for line in [
      "年度资金总额 500万元 其中财政拨款 450万元 其他资金 50万元", "资金总额：500万元，其中财政拨款450万元，其他资金50万元",
      "资金总额500万元；财政拨款450万元；其他资金50万元",
    ] {
      let document = try TableFixtures.parse([
        "2024年项目支出绩效目标表", "项目名称：高标准农田建设项目", line,
        "年度总体目标：完成项目资金500万元的拨付，财政拨款450万元按时到位",
        "一级指标 | 二级指标 | 三级指标 | 指标值",
        "产出指标 | 数量指标 | 新建面积 | ≥1万亩",
      ])
      let project = try #require(document.projects.first, "\(line)")
      #expect(project.funds.total?.yuan == 5_000_000 && project.funds.fiscal?.yuan == 4_500_000, "\(line)")
      #expect(project.funds.other?.yuan == 500_000, "\(line)")
      #expect(project.goals.annual == "完成项目资金500万元的拨付，财政拨款450万元按时到位", "\(line)")
      #expect(document.residue.isEmpty && !Self.codes(document).contains("JX104"), "\(line)")
    }
  }

  /// A list's 小计 rows sum the projects since the last sum, its 合计 all of them when printed
  /// above them; the sums are layout, held against the projects (JX212) column by column,
  /// and in every layout where the row keeps its cells in their columns or has one amount a
  /// column.
  @Test func totalsRowsOfAList() throws {
    let header = "项目名称 | 资金总额 | 财政拨款 | 一级指标 | 二级指标 | 三级指标 | 指标值"
    func project(_ name: String, _ amount: String) -> String {
      "\(name) | \(amount) | \(amount) | 产出指标 | 数量指标 | 服务人次 | ≥100人次"
    }
    let document = try TableFixtures.parse([
      "2024年部门项目支出绩效目标表", "单位：万元", header,
      project("学生资助项目", "120.5"), project("校舍维修项目", "30"), "小计 | 150.5 | 150.5 |  |  |  | ",
      project("营养餐项目", "50"), "小计 | 60 | 50 |  |  |  | ",
    ])
    let totals = try #require(document.tables.first?.totals)
    #expect(totals.map(\.label) == ["小计", "小计"] && totals.map(\.projects) == [0..<2, 2..<3])
    #expect(totals.map { $0.funds.total?.yuan } == [1_505_000, 600_000])
    let sums = document.diagnostics.filter { $0.code == "JX212" }
    #expect(sums.count == 1 && sums.first?.span?.line == 8)
    #expect(document.projects.count == 3 && document.residue.isEmpty)

    let above = try TableFixtures.parse(TableFixtures.projectList(totals: "合计 | 150.5 | 150.5"))
    #expect(above.tables.first?.totals.map(\.projects) == [0..<2])
    #expect(!above.diagnostics.contains { $0.code == "JX212" })
  }

  /// A browser's copy of a list drops the merged cells (the rows below a project's first
  /// slide left) but keeps a cell left empty in the page (the first project's goal): the
  /// empty cell no longer makes it an exporter's rows, whose positions are trusted (two
  /// projects named 满意度指标, indicators without levels).
  @Test func browserCopyWithAnEmptyCell() throws {
    let document = try TableFixtures.parse([
      "项目支出绩效目标表",
      "项目名称 | 项目金额 | 年度目标 | 一级指标 | 二级指标 | 三级指标 | 指标值",
      "学生资助 | 10 |  | 产出指标 | 数量指标 | 资助人数 | ≥500人",
      "满意度指标 | 服务对象满意度指标 | 满意度 | ≥90%",
      "校舍维修 | 20 | 维修校舍 | 产出指标 | 数量指标 | 维修学校数 | 8所",
      "满意度指标 | 服务对象满意度指标 | 满意度 | ≥90%",
    ])
    #expect(document.projects.map(\.name) == ["学生资助", "校舍维修"])
    #expect(document.projects.map { $0.indicators.map { "\($0.level1 ?? "-")/\($0.level2 ?? "-")/\($0.name ?? "-")" } } == [
      ["产出指标/数量指标/资助人数", "满意度指标/服务对象满意度指标/满意度"],
      ["产出指标/数量指标/维修学校数", "满意度指标/服务对象满意度指标/满意度"],
    ])
    #expect(document.projects.map(\.goals.annual) == [nil, "维修校舍"] && document.residue.isEmpty)
  }

  /// A department's goal over several rows (目标1 … ⏎ 目标2 …) is all of them, as a project's
  /// is (it kept the first row only); `部门预算资金` heads its funds as `项目资金` does (it was
  /// residue).
  @Test func departmentGoalOverRows() throws {
    let document = try TableFixtures.parse([
      "部门整体支出绩效目标表",
      "部门名称 | 某市自然资源局 |  | ",
      "部门预算资金 | 资金总额 | 2,865.42 | ",
      "年度总体目标 | 目标1：完成国土空间规划报批； |  | ",
      " | 目标2：完成不动产登记4.5万件。 |  | ",
      "年度绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值",
      " | 产出指标 | 数量指标 | 不动产登记业务量 | 4.5万件",
    ])
    let department = try #require(document.departments.first)
    #expect(department.goals.annual == "目标1：完成国土空间规划报批；\n目标2：完成不动产登记4.5万件。")
    #expect(department.funds.total?.yuan == 28_654_200 && document.residue.isEmpty)
  }

  /// A list written one cell to a line (pdftotext without -layout, docx2txt): the rows the
  /// stream is cut into hold a project's cells alone (`校舍维修 │ 20 │ 维修校舍`), more than
  /// an indicator without its levels has; they start the next project (the second project
  /// was an indicator named 校舍维修 with the target 20, its goal residue).
  @Test func listAsAStreamOfCells() throws {
    let cells = [
      "项目支出绩效目标表", "项目名称", "项目金额", "年度目标", "一级指标", "二级指标", "三级指标", "指标值",
      "学生资助", "10", "资助困难学生", "产出指标", "数量指标", "资助人数", "≥500人",
      "满意度指标", "服务对象满意度指标", "满意度", "≥90%",
      "校舍维修", "20", "维修校舍", "产出指标", "数量指标", "维修学校数", "8所",
      "满意度指标", "服务对象满意度指标", "满意度", "≥90%",
    ]
    let document = try Jixiao.parse(Array((cells.joined(separator: "\n") + "\n").utf8), path: "stream.txt")
    #expect(document.projects.map(\.name) == ["学生资助", "校舍维修"])
    #expect(document.projects.map(\.goals.annual) == ["资助困难学生", "维修校舍"])
    #expect(document.projects.map { $0.funds.total?.yuan } == [100_000, 200_000])
    #expect(document.projects.map(\.indicators.count) == [2, 2] && document.residue.isEmpty)
  }

  /// The table's title repeated after its rows (the next page of a PDF) goes on with the table
  /// unless what follows opens another: a form's 项目名称 starts the next project's table;
  /// indicator rows, or a repeated header over a list's rows, continue this one.
  @Test func repeatedTitleAfterAPageBreak() throws {
    let title = "2024年部门项目支出绩效目标表"
    let continued = try TableFixtures.parse([
      title, "项目名称 | 高标准农田建设项目", "年度资金总额（万元） | 500.00",
      "一级指标 | 二级指标 | 三级指标 | 指标值",
      "产出指标 | 数量指标 | 新建高标准农田面积 | ≥1万亩",
      "- 1 -", "\u{0C}" + title, "单位：万元",
      "效益指标 | 经济效益指标 | 亩均增产粮食 | ≥50公斤",
      "满意度指标 | 服务对象满意度指标 | 受益群众满意度 | ≥90%",
    ])
    #expect(continued.tables.count == 1 && continued.residue.isEmpty)
    #expect(continued.projects.map { $0.indicators.count } == [3])
    #expect(continued.tables.first?.layout.filter { $0.role == .title }.count == 2)

    func form(_ name: String) -> [String] {
      [
        title, "项目名称 | \(name)", "年度资金总额（万元） | 30",
        "一级指标 | 二级指标 | 三级指标 | 指标值",
        "产出指标 | 数量指标 | 受助学生人数 | ≥100人",
        "满意度指标 | 服务对象满意度指标 | 学生满意度 | ≥90%",
      ]
    }
    let forms = try TableFixtures.parse(form("学生资助项目") + ["\u{0C}- 1 -"] + form("校舍维修项目"))
    #expect(forms.tables.count == 2 && forms.residue.isEmpty)
    #expect(forms.projects.map(\.name) == ["学生资助项目", "校舍维修项目"])
    #expect(forms.projects.map { $0.indicators.count } == [2, 2])

    let header = "项目名称 | 资金总额 | 一级指标 | 二级指标 | 三级指标 | 指标值"
    let list = try TableFixtures.parse([
      title, "单位：万元", header,
      "学生资助项目 | 12.5 | 产出指标 | 数量指标 | 受助学生人数 | ≥100人",
      "校舍维修项目 | 30 | 产出指标 | 数量指标 | 维修面积 | ≥500平方米",
      "第 1 页 共 2 页", "\u{0C}" + title, "单位：万元", header,
      " |  | 满意度指标 | 服务对象满意度指标 | 师生满意度 | ≥90%",
    ])
    #expect(list.tables.count == 1 && list.residue.isEmpty)
    #expect(list.projects.map { "\($0.name ?? "-") \($0.indicators.count)" } == ["学生资助项目 1", "校舍维修项目 2"])
  }

  /// A box before its label marks that label (`☐新增项目 ☑延续项目`, a web page's
  /// `<input type=checkbox>`); a box after it, the label before (`新增项目□ 延续项目√`).
  @Test func checkboxesBeforeOrAfterTheirLabels() {
    #expect(Checkbox.selected(in: "☐新增项目 ☑延续项目") == "延续项目")
    #expect(Checkbox.selected(in: "☑ 新增项目 ☐ 延续项目") == "新增项目")
    #expect(Checkbox.selected(in: "□新增 ■延续") == "延续")
    #expect(Checkbox.selected(in: "○新增项目 ●延续项目") == "延续项目")
    #expect(Checkbox.selected(in: "新增项目□ 延续项目√") == "延续项目")
    #expect(Checkbox.selected(in: "新增项目☑ 延续项目☐") == "新增项目")
    #expect(Checkbox.selected(in: "☐新增项目 ☐延续项目") == nil)
  }

  /// `填报单位:(盖章) 单位:万元`: a unit at the end of a sign-off line is the table's unit.
  @Test func moneyUnitEndingASignOffLine() throws {
    var rows = Self.form + [Self.satisfaction]
    rows.insert("填报单位:(盖章) 单位:万元", at: 2)
    let document = try TableFixtures.parse(rows)
    #expect(document.tables.first?.moneyUnit == "万元")
    #expect(document.projects.first?.funds.total?.yuan == 2_500_000)
    #expect(!Self.codes(document).contains("JX110"))

    let unmarked = try TableFixtures.parse(Self.form + [Self.satisfaction])
    #expect(Self.codes(unmarked).contains("JX110"))
  }

  /// A text that stops without a line break before its last project's satisfaction rows was
  /// cut: a note, not findings about missing families.
  @Test func endingBeforeTheSatisfactionRowsIsACut() throws {
    let cut = try TableFixtures.parse(Self.form, cut: true)
    #expect(cut.source.isTruncated)
    #expect(Self.codes(cut).contains("JX115"))
    #expect(!Self.codes(cut).contains("JX505"))

    let whole = try TableFixtures.parse(Self.form + [Self.satisfaction], cut: true)
    #expect(!whole.source.isTruncated)

    // With a final line break the same rows are a complete (if deficient) table.
    let ended = try TableFixtures.parse(Self.form)
    #expect(!ended.source.isTruncated)
    #expect(Self.codes(ended).contains("JX505"))

    // A form cut before any indicator.
    let formOnly = try TableFixtures.parse(Array(Self.form.prefix(3)), cut: true)
    #expect(formOnly.source.isTruncated)
    #expect(!Self.codes(formOnly).contains("JX507"))
  }

  /// The same cut in one-cell-per-line text, where the last row spans several lines.
  @Test func endingInsideAMultiLineRowIsACut() throws {
    func cellPerLine(_ rows: [String]) -> String {
      rows.map { row in row.components(separatedBy: " | ").map { "\t" + $0 }.joined(separator: "\n") }.joined(separator: "\n\n")
    }
    let cut = try Jixiao.parse(Array(cellPerLine(Self.form).utf8), path: "fixture.txt")
    #expect(cut.source.dialect == "cellPerLine")
    #expect(cut.projects.first?.indicators.count == 2)
    #expect(cut.source.isTruncated)
    let whole = try Jixiao.parse(Array(cellPerLine(Self.form + [Self.satisfaction]).utf8), path: "fixture.txt")
    #expect(!whole.source.isTruncated)
  }

  /// A docx export that writes each cell's paragraph without the leading tab, a blank line
  /// after each row: every line is a cell. It was read as plain text, one cell a row, and the
  /// goal swallowed the whole indicator table (JX507, no indicators).
  @Test func aCellPerLineExportWithoutTabs() throws {
    let rows = Self.form.dropFirst(2) + [Self.satisfaction]
    let text = "项目支出绩效目标表\n\n" + rows.map { $0.components(separatedBy: " | ").filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.joined(separator: "\n") }.joined(separator: "\n\n") + "\n"
    let document = try Jixiao.parse(Array(text.utf8), path: "fixture.txt")
    #expect(document.source.dialect == "cellPerLine")
    let project = try #require(document.projects.first)
    #expect(project.name == "雾炮车降尘抑尘服务")
    #expect(project.goals.annual == "持续改善空气质量")
    #expect(project.indicators.map(\.name) == ["配备车辆数", "验收合格率", "市民满意度"])
    #expect(project.indicators.map(\.target.raw) == ["10辆", "≥95%", "≥90%"])
    #expect(document.residue.isEmpty)
  }

  /// What the export's test must not take: prose in paragraphs, a page copied from a
  /// browser (a row's cells on one line, blanks between), a cell stream (a blank line after
  /// every cell).
  @Test func otherTextsAreNotUntabbedCellPerLine() throws {
    let paragraph = "为持续改善城市环境质量，提高群众生活满意度，根据市委市政府工作部署，本单位编制了本年度项目支出绩效目标，现予以公开，接受社会监督。"
    let prose = Array(repeating: [paragraph, paragraph, paragraph].joined(separator: "\n"), count: 6).joined(separator: "\n\n")
    let spaced = (Self.form + [Self.satisfaction]).map { $0.replacing(" | ", with: " ") }
    let pages = Array(repeating: spaced.joined(separator: "\n"), count: 2).joined(separator: "\n\n")
    let stream = (Self.form + [Self.satisfaction]).flatMap { $0.components(separatedBy: " | ") }.joined(separator: "\n\n")
    for text in [prose, pages, stream] {
      let source = try SourceDecoder.decode(Array(text.utf8), path: "t.txt").0
      #expect(!CellPerLineTokenizer.looksLikeUntabbedRows(source, LayoutSurvey(source)), "\(text.prefix(40))")
    }
  }

  /// The weights' total printed under the indicators is layout: read as an indicator named
  /// 合计 it doubled the weights (JX205 "total 200") and was no framework level (JX504).
  @Test(arguments: ["合计 | | | | 100", "总分 | | | | 100分", "分值合计 | | | | 100", "合 计 | | | | 100.00"])
  func aWeightsTotalRowIsNoIndicator(totals: String) throws {
    let rows = [
      "项目支出绩效目标表", "项目名称 | 河道保洁", "年度资金总额（万元） | 60", "年度目标 | 河道保洁全覆盖",
      "一级指标 | 二级指标 | 三级指标 | 指标值 | 分值",
      "产出指标 | 数量指标 | 保洁河道长度 | ≥30公里 | 30",
      " | 质量指标 | 保洁达标率 | ≥95% | 30",
      "效益指标 | 生态效益指标 | 水质改善 | 明显 | 20",
      "满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥90% | 20",
      totals,
    ]
    let document = try TableFixtures.parse(rows)
    #expect(document.projects.first?.indicators.count == 4)
    #expect(Self.codes(document).filter { $0 == "JX205" || $0 == "JX504" }.isEmpty)
    #expect(document.tables.first?.layout.contains { $0.role == .label && $0.text.hasPrefix(String(totals.prefix(1))) } == true)
  }

  /// In a document in traditional script, a cut-off level name is a fragment too.
  @Test func traditionalFragmentIsACut() throws {
    let rows = [
      "項目支出績效目標表", "(2023年度)", "項目名稱 | 價格認定工作經費", "主管部門 | 價格認證鑒定中心",
      "一級指標 | 二級指標 | 三級指標 | 指標值",
      "產出指標 | 數量指標 | 認定案件數量 | 100件",
      "效益指標 | 社會效益指標 | 保證單位正常運轉 | 應保盡保",
      "生態(t",
    ]
    let document = try TableFixtures.parse(rows, cut: true)
    #expect(Self.codes(document).contains("JX114"))
    #expect(document.residue.map(\.text) == ["生態(t"])
    #expect(document.projects.first?.indicators.count == 2)
  }

  @Test func unreadablePeriodIsNoted() throws {
    var rows = Self.form + [Self.satisfaction]
    rows.insert("项目起止时间 | 20246-202516", at: 3)
    let document = try TableFixtures.parse(rows)
    #expect(document.projects.first?.period.raw == "20246-202516")
    #expect(document.projects.first?.period.start == nil)
    #expect(Self.codes(document).contains("JX118"))

    rows[3] = "项目起止时间 | 2024年6月-2025年1月"
    let readable = try TableFixtures.parse(rows)
    #expect(readable.projects.first?.period.start == "2024-06-01")
    #expect(!Self.codes(readable).contains("JX118"))
  }

  /// A number inside words names an indicator; it is not a target.
  @Test(arguments: [
    ("PM2.5浓度下降比例", false), ("舆情监测时间（24小时）", false), ("≥90%", true), ("完成率100%", true),
    ("2024年12月", true), ("不低于上年的95%", true),
  ])
  func numbersInsideWordsReadAsNames(_ text: String, _ isValue: Bool) {
    let cell = Cell(text: text, span: SourceSpan(line: 1, column: 1, offset: 0), column: 0, start: 0)
    #expect((CellShape.of(cell) == .value) == isValue, "\(text): \(CellShape.of(cell))")
  }

  /// A form whose indicator rows leave the unit cell empty (定性 rows) keeps its empty cells:
  /// its narrower rows are the form's label rows, not rows that lost cells. Read as a copy
  /// that drops them, 定性指标 was the target and the target the unit.
  @Test func aFormWithAnEmptyUnitCellKeepsItsColumns() throws {
    let document = try TableFixtures.parse([
      "项目支出绩效目标表",
      "项目名称 | 某项目",
      "一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 权重",
      "产出指标 | 数量指标 | 补贴人数 | 正向指标 | 1286 | 人 | 20",
      "产出指标 | 时效指标 | 补贴发放时间 | 定性指标 | 按季度发放 |  | 10",
    ])
    #expect(document.source.dialect == "tabbed")
    #expect(document.projects.first?.indicators.map(\.target.raw) == ["1286", "按季度发放"])
    #expect(document.residue.isEmpty)
  }

  /// The unit of a funds group written inline (`项目资金（元）：年度资金总额 18,600,000.00 …`) is
  /// its pairs': they were read as 万元 (JX110, JX208).
  @Test func anInlineFundsGroupGivesItsUnit() throws {
    let document = try TableFixtures.parse([
      "项目支出绩效目标表",
      "项目名称：北京市西城区中小学课后服务经费",
      "项目资金（元）：年度资金总额 18,600,000.00  其中：财政拨款 18,600,000.00  其他资金 0.00",
      "一级指标 | 二级指标 | 三级指标 | 指标值",
      "产出指标 | 数量指标 | 参与学生人数 | ≥62000人",
    ])
    let funds = try #require(document.projects.first?.funds)
    #expect([funds.total?.yuan, funds.fiscal?.yuan, funds.other?.yuan] == [18_600_000, 18_600_000, 0])
    #expect(!Self.codes(document).contains("JX110") && !Self.codes(document).contains("JX208"))
  }

  /// `单位名称：长沙市生态环境局 │ … │ 单位：万元` over a list: the unit's line is two rows, and
  /// the name every project's unit (it was laid aside with the money unit).
  @Test func aUnitNameBesideTheMoneyUnitNamesTheProjectsUnit() throws {
    let document = try TableFixtures.parse([
      "2024年度部门项目支出绩效目标表",
      "单位名称：长沙市生态环境局 |  |  | 单位：万元",
      "项目名称 | 资金总额 | 一级指标 | 二级指标 | 三级指标 | 指标值",
      "大气污染防治专项 | 1260 | 产出指标 | 数量指标 | VOCs治理项目数 | ≥40个",
      "水污染防治专项 | 800 | 产出指标 | 数量指标 | 整治排污口数 | ≥20个",
    ])
    #expect(document.projects.map(\.implementingUnit) == ["长沙市生态环境局", "长沙市生态环境局"])
    #expect(document.projects.map { $0.funds.total?.yuan } == [12_600_000, 8_000_000])
  }

  /// Sentences under a table's last row (a remark nobody marked as a note, wrapped or not)
  /// are the text after the table: they were an indicator named after the sentence, with no
  /// target. A line of one cell that ends no sentence stays the table's.
  @Test(arguments: [true, false])
  func sentencesUnderATableAreItsText(_ endsWithAFullStop: Bool) throws {
    let text = [
      "项目支出绩效目标表", "项目名称\t测试项目", "一级指标\t二级指标\t三级指标\t指标值", "产出指标\t数量指标\t培训人数\t≥100人",
      "满意度指标\t服务对象满意度指标\t满意度\t≥90%", "本表由项目单位填报，", endsWithAFullStop ? "财政局审核。" : "财政局审核",
    ].joined(separator: "\n") + "\n"
    let document = try Jixiao.parse(Array(text.utf8), path: "remark.txt")
    let names = document.projects.flatMap(\.indicators).compactMap(\.name)
    if endsWithAFullStop {
      #expect(names == ["培训人数", "满意度"])
      #expect(document.passages.map(\.text) == ["本表由项目单位填报，", "财政局审核。"])
    } else {
      #expect(names.count > 2)
      #expect(document.passages.isEmpty)
    }
  }

  /// Money carried over in the budget's own words (上年结转结余, 以前年度结余 …) is the
  /// carry-over, and a source by the level that gives it (本级财政安排, 财政专户) a funds line:
  /// both went to residue, and JX201 said the parts added up to the grant alone.
  @Test(arguments: ["上年结转结余", "其中：上年结转结余", "上年结余", "结转结余", "以前年度结余", "本级财政安排", "财政专户"])
  func fundsCarriedOverOrByLevelAreLines(_ label: String) throws {
    let text = "项目支出绩效目标表\n项目名称\t乡村道路养护\n项目资金（万元）\t年度资金总额\t100\n\t其中：财政拨款\t60\n\t\(label)\t40\n"
      + "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t养护道路里程\t≥50公里\n"
    let document = try Jixiao.parse(Array(text.utf8), path: "funds.txt")
    let funds = try #require(document.projects.first?.funds)
    #expect(funds.total?.yuan == 1_000_000 && funds.fiscal?.yuan == 600_000)
    #expect((funds.carryover?.yuan ?? funds.lines.first?.amount.yuan) == 400_000)
    #expect(document.residue.isEmpty)
    #expect(!document.diagnostics.contains { $0.code == "JX201" })
  }

  /// A name that is a level's short word (成本 under 成本指标, 质量 under 质量指标) in the
  /// name column of rows that keep their places is the name: it was a level 2, the name lost,
  /// 成本指标 taken for the level 1 and the table said to mix both frameworks.
  @Test(arguments: ["成本", "质量", "社会效益", "经济成本"])
  func aLevelsWordInTheNameColumnIsTheName(_ name: String) throws {
    let text = "项目支出绩效目标表\n项目名称\t乡村道路养护\n一级指标\t二级指标\t三级指标\t指标值\n"
      + "产出指标\t数量指标\t养护道路里程\t≥50公里\n\t成本指标\t\(name)\t≤120万元\n"
    let document = try Jixiao.parse(Array(text.utf8), path: "names.txt")
    let last = try #require(document.projects.first?.indicators.last)
    #expect(last.name == name)
    #expect(last.level1 == "产出指标" && last.level2 == "成本指标")
    #expect(!document.diagnostics.contains { ["JX502", "JX501", "JX103"].contains($0.code) })
  }

  /// Weights as percentages (60%, 40%) are weights out of 100, and weights as fractions of
  /// one (0.6, 0.4) total 1: the first were JX207 errors, the second a JX205 total of 1.
  @Test(arguments: [("60%", "40%", 60), ("0.6", "0.4", 0.6), ("60%", "30%", 60)] as [(String, String, Decimal)])
  func weightsAsShares(_ first: String, _ second: String, _ value: Decimal) throws {
    let text = "项目支出绩效目标表\n项目名称\t乡村道路养护\n一级指标\t二级指标\t三级指标\t指标值\t权重\n"
      + "产出指标\t数量指标\t养护道路里程\t≥50公里\t\(first)\n满意度指标\t服务对象满意度指标\t群众满意度\t≥90%\t\(second)\n"
    let document = try Jixiao.parse(Array(text.utf8), path: "weights.txt")
    let indicators = try #require(document.projects.first?.indicators)
    #expect(indicators.first?.weight == value)
    #expect(!document.diagnostics.contains { $0.code == "JX207" })
    #expect(document.diagnostics.contains { $0.code == "JX205" } == (second == "30%"))
  }

  /// A unit the name gives in brackets (`项目总成本（万元） │ 130`, `群众满意度（%） │ 90`) is the
  /// bare number's, as a unit column's: the cost was no money, and JX209 was missed. A bracket
  /// that names no unit (`培训（线上）`) gives none.
  @Test func aUnitInTheNameIsTheValues() throws {
    let text = "项目支出绩效目标表\n项目名称\t乡村道路养护\n项目资金（万元）\t年度资金总额\t120\n一级指标\t二级指标\t三级指标\t指标值\n"
      + "成本指标\t经济成本指标\t项目总成本（万元）\t130\n产出指标\t数量指标\t培训（线上）\t3\n满意度指标\t服务对象满意度指标\t群众满意度（%）\t90\n"
    let document = try Jixiao.parse(Array(text.utf8), path: "unit-in-name.txt")
    let targets = try #require(document.projects.first?.indicators.map(\.target))
    #expect(targets.map(\.unit) == ["万元", nil, "%"])
    #expect(targets[0].yuan == 1_300_000 && targets[0].flags.contains(.unitFromColumn))
    #expect(document.diagnostics.contains { $0.code == "JX209" })
  }

  /// A department's funds by spending (其中：基本支出 │ 项目支出) and by the budget they come
  /// from (一般公共预算 │ 其他资金) add up either way: 其中： hid 基本支出 from the spending pair, and
  /// 一般公共预算 was no source, so JX201 said the parts were 100 of 1500. A source that does
  /// not add up is still found.
  @Test(arguments: [1400, 1300])
  func fundsBySpendingAndByBudget(_ general: Int) throws {
    let text = "部门整体支出绩效目标表\n部门名称\t某县交通运输局\n年度预算申请（万元）\t资金总额\t1500\n\t其中：基本支出\t600\n\t项目支出\t900\n"
      + "\t一般公共预算\t\(general)\n\t其他资金\t100\n年度绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n\t产出指标\t数量指标\t养护里程\t≥500公里\n"
    let document = try Jixiao.parse(Array(text.utf8), path: "department.txt")
    let findings = document.diagnostics.filter { $0.code == "JX201" }
    #expect(findings.count == (general == 1400 ? 0 : 1))
    #expect(findings.allSatisfy { $0.message(in: .en).contains("1400") })
  }

  /// A project period of whole years (`2024-2025年`, `2024年-2026年` under 起止年限) runs from the
  /// first year's first day to the last's last, and one given as a length (`实施期限 │ 2年`) from
  /// the budget year on: a target date in a later year of the period is no JX401.
  @Test(arguments: [
    ("项目周期", "2024-2025年", "2024-01-01", "2025-12-31"), ("起止年限", "2024年-2026年", "2024-01-01", "2026-12-31"),
    ("实施期限", "2年", nil, nil),
  ] as [(String, String, String?, String?)])
  func aPeriodOfYears(_ label: String, _ period: String, _ start: String?, _ end: String?) throws {
    let text = "项目支出绩效目标表\n（2024年度）\n项目名称\t乡村道路养护\n\(label)\t\(period)\n一级指标\t二级指标\t三级指标\t指标值\n"
      + "产出指标\t时效指标\t完成时间\t2025年6月底前\n"
    let document = try Jixiao.parse(Array(text.utf8), path: "period.txt")
    let project = try #require(document.projects.first)
    #expect(project.period.start == start && project.period.end == end && project.period.raw == period)
    #expect(!document.diagnostics.contains { $0.code == "JX401" || $0.code == "JX118" })
    #expect(document.residue.isEmpty)
  }

  /// A ditto mark under a level (`〃`, `同上`, `"`), as typed tables repeat a level: the level of
  /// the row above, the mark laid out. It was a level named `〃`, with JX504.
  @Test func dittoMarksRepeatTheLevelAbove() throws {
    let text = "项目支出绩效目标表\n项目名称\t测试\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t培训人数\t≥100人\n"
      + "〃\t〃\t培训场次\t≥4场\n同上\t质量指标\t合格率\t≥95%\n\"\t时效指标\t完成时间\t2024年12月\n"
    let document = try Jixiao.parse(Array(text.utf8), path: "ditto.txt")
    let indicators = try #require(document.projects.first?.indicators)
    #expect(indicators.map(\.level1) == ["产出指标", "产出指标", "产出指标", "产出指标"])
    #expect(indicators.map(\.level2) == ["数量指标", "数量指标", "质量指标", "时效指标"])
    #expect(!document.diagnostics.contains { $0.code == "JX504" })
    let marks = document.tables.flatMap(\.layout).filter { $0.role == .label }.map(\.text)
    #expect(marks == ["〃", "〃", "同上", "\""])
  }

  /// A block label on the first row of its block (a merged cell printed there, or the top
  /// line of one wrapped over the rows) switches the horizon, as one alone on a row does;
  /// a part both kinds of label share (`指标`) switches nothing.
  @Test(arguments: [("年度绩效指标", "", "长期绩效指标", ""), ("年度绩效", "指标", "长期绩效", "指标"), ("年", "度", "长", "期")])
  func blockLabelsBesideIndicatorsSetTheHorizon(_ labels: (String, String, String, String)) throws {
    let text = "项目名称\t测试项目\n绩效指标\t一级指标\t二级指标\t三级指标\t指标值\n"
      + "\(labels.0)\t产出指标\t数量指标\t培训人数\t≥100人\n\(labels.1)\t效益指标\t社会效益指标\t群众知晓率\t≥90%\n"
      + "\(labels.2)\t产出指标\t数量指标\t累计培训人数\t≥500人\n\(labels.3)\t效益指标\t社会效益指标\t长期知晓率\t≥95%\n"
    let document = try Jixiao.parse(Array(text.utf8), path: "horizon.txt")
    let indicators = try #require(document.projects.first?.indicators)
    #expect(indicators.map(\.name) == ["培训人数", "群众知晓率", "累计培训人数", "长期知晓率"])
    #expect(indicators.map(\.horizon) == [.annual, .annual, .longTerm, .longTerm])
    #expect(document.residue.isEmpty)
  }

  @Test func sharedPartsOfBlockLabelsNameNoHorizon() {
    #expect(LevelVocabulary.horizon(ofFragment: "长期绩效") == .longTerm)
    #expect(LevelVocabulary.horizon(ofFragment: "年度") == .annual)
    #expect(LevelVocabulary.horizon(ofFragment: "指标") == nil)
    #expect(LevelVocabulary.horizon(ofFragment: "绩效") == nil)
    #expect(LevelVocabulary.horizon(ofFragment: "长期绩效指标") == nil)
    #expect(LevelVocabulary.horizon(ofFragment: "项目") == nil)
  }

  /// 项目类型 is the category under another label (it was residue); a category's ticked box is
  /// its value, as the attribute's is. The label decides which: a list's 项目类别 column says
  /// 新增项目 as often as 经常性项目 (`HeaderVariantTests.listColumnsOfProjectFields`).
  @Test(arguments: [
    ("项目类型：☑新增项目 □延续项目", nil, "新增项目"), ("项目类型\t□常年性项目 ☑一次性项目", nil, "一次性项目"),
    ("项目类别：☑经常性项目 □一次性项目", nil, "经常性项目"), ("项目类别：延续项目", nil, "延续项目"),
    ("项目属性：□新增项目 ☑延续项目", "延续项目", nil),
  ] as [(String, String?, String?)])
  func categoryAndAttributeByTheirLabels(_ line: String, _ attribute: String?, _ category: String?) throws {
    let text = "项目支出绩效目标表\n项目名称\t测试\n\(line)\n年度资金总额\t100万元\n一级指标\t二级指标\t三级指标\t指标值\n"
      + "产出指标\t数量指标\t培训人数\t≥100人\n"
    let document = try Jixiao.parse(Array(text.utf8), path: "category.txt")
    let project = try #require(document.projects.first)
    #expect(project.attribute == attribute)
    #expect(project.category == category)
    #expect(document.residue.isEmpty)
  }

  /// A name and its target one blank apart in one cell, where a layout aligned by blanks had a
  /// single blank between the columns: was the target `水质达标率 ≥95%` with no name. JX123 says so.
  @Test func nameAndTargetOneBlankApartAreSplit() throws {
    let text = "项目支出绩效目标表\n项目名称      农村饮水工程\n年度资金总额  850.00万元\n"
      + "一级指标      二级指标      三级指标       指标值\n产出指标      数量指标      新建供水工程   ≥12处\n"
      + "              质量指标      水质达标率 ≥95%\n满意度指标    服务对象满意度指标  群众满意度 90%\n"
    let document = try Jixiao.parse(Array(text.utf8), path: "split.txt")
    let indicators = try #require(document.projects.first?.indicators)
    #expect(indicators.map(\.name) == ["新建供水工程", "水质达标率", "群众满意度"])
    #expect(indicators.map(\.target.raw) == ["≥12处", "≥95%", "90%"])
    // The parts keep their places in the text: 水质达标率 starts line 6 at column 25, ≥95% at 31.
    #expect(indicators[1].spans[.name]?.line == 6 && indicators[1].spans[.name]?.column == 25)
    #expect(indicators[1].target.span?.column == 31)
    #expect(document.diagnostics.filter { $0.code == "JX123" }.map { $0.arguments[1] } == ["水质达标率", "群众满意度"])
  }

  /// Only a name of words before a value splits: a comparison in words (不低于), digits, a
  /// name alone or a target that reads as words stay one cell.
  @Test(arguments: [
    ("水质达标率 ≥95%", "水质达标率", "≥95%"), ("群众满意度　≥90%", "群众满意度", "≥90%"),
    ("完工时间 2024年12月", "完工时间", "2024年12月"), ("培训人次 3-5万", "培训人次", "3-5万"),
  ])
  func splitsNameFromTarget(_ text: String, _ name: String, _ target: String) throws {
    let split = try #require(NameBesideTarget.split(text))
    #expect(split.name == name && split.target == target)
    #expect(Array(text.unicodeScalars)[split.targetOffset...].elementsEqual(target.unicodeScalars))
  }

  /// A level's name and the next column's words one blank apart in one cell, the row's slot
  /// for them empty: was the indicator `社会效益指标 受益人口` with no level 2. JX124 says so.
  @Test func levelNamesBesideTheNameAreSplit() throws {
    let text = "项目支出绩效目标表\n项目名称    乡村道路养护\n年度资金总额    100万元\n"
      + "一级指标    二级指标    三级指标    指标值\n产出指标    数量指标    养护里程    ≥50公里\n"
      + "效益指标    社会效益指标 受益人口    ≥1万人\n"
      + "满意度指标 服务对象满意度指标    群众满意度    ≥90%\n"
    let document = try Jixiao.parse(Array(text.utf8), path: "levels.txt")
    let indicators = try #require(document.projects.first?.indicators)
    #expect(indicators.map(\.name) == ["养护里程", "受益人口", "群众满意度"])
    #expect(indicators.map(\.level2Raw) == ["数量指标", "社会效益指标", "服务对象满意度指标"])
    #expect(indicators.map(\.level1Raw) == ["产出指标", "效益指标", "满意度指标"])
    // 社会效益指标 starts line 6 at column 9, 受益人口 at 16.
    #expect(indicators[1].spans[.level2]?.column == 9 && indicators[1].spans[.name]?.column == 16)
    #expect(document.diagnostics.filter { $0.code == "JX124" }.count == 2)
  }

  @Test(arguments: [
    ("社会效益指标 受益人口", ["社会效益指标", "受益人口"]), ("效益指标 社会效益指标", ["效益指标", "社会效益指标"]),
    ("效益指标　社会效益指标  受益人口", ["效益指标", "社会效益指标", "受益人口"]),
  ])
  func splitsLevelNames(_ text: String, _ pieces: [String]) throws {
    let split = try #require(LevelBesideName.split(text))
    #expect(split.map(\.text) == pieces)
    for piece in split {
      #expect(Array(text.unicodeScalars)[piece.scalarOffset...].starts(with: piece.text.unicodeScalars))
    }
  }

  /// A name that merely starts with a level's word, levels out of order, or one piece stay whole.
  @Test(arguments: ["满意度 调查", "社会效益 受益人口", "受益人口 社会效益指标", "社会效益指标 效益指标", "社会效益指标", "数量指标 质量指标 合格率"])
  func keepsLevelCellWhole(_ text: String) {
    #expect(LevelBesideName.split(text) == nil, "\(text)")
  }

  @Test(arguments: ["不低于 95%", "达到 90%", "≥ 95%", "第1 95%", "水质达标率 明显提升", "水质达标率", "率 95%", "约 100人", "水质 达标率 优"])
  func keepsOneCell(_ text: String) {
    #expect(NameBesideTarget.split(text) == nil, "\(text)")
  }
}
