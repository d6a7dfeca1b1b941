import Testing

@testable import Jixiao

/// Rules of the run-together dialect (cells with no separator at all), each on an invented
/// one-line table shaped like the public documents 106 and 107.
@Suite struct RunTogetherTests {
  static func parse(_ text: String) throws -> Document {
    try Jixiao.parse(Array(text.utf8), path: "run-together.txt", options: ParseOptions(dialect: .runTogether))
  }

  static func codes(_ document: Document) -> [String] { document.diagnostics.map(\.code) }

  static let form =
    "项目绩效目标表(2023年度)填报单位(盖章):示例镇人民政府 项目名称示例道路维护项目属性新增项目√延续项目□主管部门示例镇"
    + "年度资金总额及构成总额150万元财政拨款:100万元(其中:上级财政资金:60万元;本级财政:40万元)二、自有资金:0万元三、其他:50万元"

  /// A title with its year is one cell; funds read after their labels, `总额` included, with
  /// the colon and the bracketed breakdown as separators; a zero 自有资金 gives way to 其他.
  @Test func titleAndFunds() throws {
    let document = try Self.parse(Self.form + "年度绩效指标一级指标二级指标三级指标指标解释指标值产出指标数量指标维护道路里程反映道路维护情况≥12公里\n")
    #expect(document.tables.first?.title == "项目绩效目标表(2023年度)")
    #expect(document.tables.first?.year == 2023)
    let project = try #require(document.projects.first)
    #expect(project.name == "示例道路维护")
    #expect(project.attribute == "新增项目")
    #expect(project.funds.total?.yuan == 1_500_000)
    #expect(project.funds.fiscal?.yuan == 1_000_000)
    #expect(project.funds.other?.yuan == 500_000)
    #expect(project.funds.lines.contains { $0.label == "财政拨款·上级财政资金" && $0.amount.yuan == 600_000 })
    #expect(!Self.codes(document).contains("JX111"))
    #expect(!Self.codes(document).contains("JX201"))
  }

  /// `名称反映…情况≥12公里名称…`: the explanation is cut from the name before it and the
  /// target after it; the target closes the row.
  @Test func explanationBetweenNameAndTarget() throws {
    let document = try Self.parse(
      Self.form + "年度绩效指标一级指标二级指标三级指标指标解释指标值产出指标数量指标维护道路里程反映道路维护情况≥12公里"
        + "修复路灯数量反映路灯修复情况20盏质量指标验收合格率反映工程质量情况>95%\n")
    let indicators = try #require(document.projects.first).indicators
    #expect(indicators.map(\.name) == ["维护道路里程", "修复路灯数量", "验收合格率"])
    #expect(indicators.map(\.explanation) == ["反映道路维护情况", "反映路灯修复情况", "反映工程质量情况"])
    #expect(indicators.map(\.target.raw) == ["≥12公里", "20盏", ">95%"])
    #expect(indicators[1].level2 == "数量指标")
  }

  /// Rows of levels and digits under 指标内容 │ 指标值 │ 备注: the digits are kept as text and
  /// not read as one number; a `…` row is layout; the cut last word is a fragment.
  @Test func digitsUnderSeveralColumnsAreNotRead() throws {
    let document = try Self.parse(
      Self.form + "长期绩效指标一级指标二级指标指标内容指标值备注产出指标数量指标88100质量指标95100…效益指标社会效益指标68100满意度指")
    let indicators = try #require(document.projects.first).indicators
    #expect(indicators.map(\.target.raw) == ["88100", "95100", "68100"])
    // The `…` row is layout.
    #expect(document.tables.first?.layout.contains { $0.text == "…" } == true)
    #expect(indicators.allSatisfy { $0.target.kind == .text && $0.target.value == nil && $0.target.flags.contains(.digitsRunTogether) })
    #expect(indicators.first?.horizon == .longTerm)
    #expect(Self.codes(document).filter { $0 == "JX119" }.count == 1)
    #expect(!Self.codes(document).contains("JX311"))
    #expect(Self.codes(document).contains("JX114"))
    #expect(document.residue.contains { $0.text == "满意度指" && $0.reason == .truncated })
  }

  /// `项目实施内容开始时间完成时间1总体规划201620202、核心区规划20212021`: years run together
  /// under the schedule labels are cells, three to a row; a year alone is that whole year.
  @Test func scheduleYearsAndPeriod() throws {
    let document = try Self.parse(
      "项目绩效目标表(2023年度)项目名称示例道路维护项目负责人张三起止时间2023年度资金总额及构成总额150万元"
        + "项目实施进度计划项目实施内容开始时间完成时间1总体规划201620202、核心区规划20212021"
        + "年度绩效指标一级指标二级指标三级指标指标解释指标值产出指标数量指标维护道路里程反映道路维护情况≥12公里\n")
    let project = try #require(document.projects.first)
    #expect(project.manager == "张三")
    #expect(project.period.start == "2023-01-01" && project.period.end == "2023-12-31")
    #expect(project.milestones.map(\.content) == ["1总体规划", "2、核心区规划"])
    #expect(project.milestones.map(\.start) == ["2016-01-01", "2021-01-01"])
    #expect(project.milestones.map(\.end) == ["2020-12-31", "2021-12-31"])
  }

  /// `项目性质持续性项目立项依据…`: the value keeps its 项目; the label is 立项依据.
  @Test func attributeValueKeepsItsEnding() throws {
    let document = try Self.parse(
      "示例市2022年项目支出绩效目标表项目名称示例办公楼运行保障项目类别本级支出项目项目性质持续性项目立项依据三定方案"
        + "绩效指标一级指标二级指标三级指标指标解释指标值产出指标数量指标维修次数反映全年维修情况≥280次\n")
    let project = try #require(document.projects.first)
    #expect(project.category == "本级支出项目")
    #expect(project.attribute == "持续性项目")
    #expect(project.fields.contains { $0.role == "basis" && $0.label == "立项依据" && $0.text == "三定方案" })
  }

  /// Rows with no explanation: a target with an operator ends its name (`数量>3.00(人)课题…`),
  /// and a target the grammar reads whole ends the last name before a level (`标准50 万元`).
  /// A name that holds a value of its own is not cut.
  @Test func namesAndTargetsWithoutExplanations() throws {
    let document = try Self.parse(
      Self.form + "年度绩效指标一级指标二级指标三级指标指标值产出指标数量指标研究人员配置数量>3.00(人)课题完成数=2.00(个)"
        + "时效指标完成时间2023 年 12 月成本指标经费补助标准50 万元质量指标合格率95%以上效益指标社会效益指标受益人数≥500人\n")
    let indicators = try #require(document.projects.first).indicators
    #expect(indicators.map(\.name) == ["研究人员配置数量", "课题完成数", "完成时间", "经费补助标准", "合格率", "受益人数"])
    #expect(indicators.map(\.target.raw) == [">3.00(人)", "=2.00(个)", "2023 年 12 月", "50 万元", "95%以上", "≥500人"])
  }

  /// On one line, a comparison written in words before a target's figure is the target's
  /// operator (`大于20%` reads > 20), not the end of the name before it.
  @Test func comparisonWordsStartTargets() throws {
    let document = try Self.parse(
      Self.form + "年度绩效指标一级指标二级指标三级指标指标值产出指标数量指标日常养护里程不少于320公里质量指标路况优良率大于等于85%"
        + "效益指标社会效益指标社会覆盖面大于20%成本指标经济成本指标养护成本不超过150万元\n")
    let indicators = try #require(document.projects.first).indicators
    #expect(indicators.map(\.name) == ["日常养护里程", "路况优良率", "社会覆盖面", "养护成本"])
    #expect(indicators.map(\.target.raw) == ["不少于320公里", "大于等于85%", "大于20%", "不超过150万元"])
    #expect(indicators.map(\.target.op) == [.atLeast, .atLeast, .greater, .atMost])
  }

  /// The run-together vocabulary holds every funds group label long enough to cut at.
  @Test func fundsGroupLabelsAreInStep() {
    for label in RunTogetherTokenizer.fundsGroupLabels {
      #expect(FormVocabulary.role(label) != nil, "\(label)")
    }
    #expect(FormVocabulary.role("年度资金总额及构成") == .fundsGroup)
    #expect(FormVocabulary.role("项目资金总额及构成") == .fundsGroup)
  }

  /// A named row keeps its number; an explanation with no column of its own is residue,
  /// never the target.
  @Test func namedRowKeepsItsNumber() throws {
    let document = try Self.parse(
      Self.form + "长期绩效指标一级指标二级指标指标内容指标值备注产出指标数量指标维护道路里程反映道路维护情况12公里\n")
    let indicator = try #require(document.projects.first?.indicators.first)
    #expect(indicator.name == "维护道路里程")
    #expect(indicator.target.raw == "12公里")
    #expect(indicator.target.kind == .quantitative)
    #expect(document.residue.contains { $0.text == "反映道路维护情况" })
    #expect(!Self.codes(document).contains("JX119"))

    // Under 三级指标 │ 指标值 alone, digits with no name can only be the target.
    let targetOnly = try Self.parse(Self.form + "年度绩效指标一级指标二级指标三级指标指标值产出指标数量指标88100\n")
    #expect(targetOnly.projects.first?.indicators.first?.target.value == 88100)
    #expect(!Self.codes(targetOnly).contains("JX119"))
  }

  /// A text cut inside its last word leaves a fragment at the end of the last cell, however
  /// long that cell is; a long cell that does not end inside a word has none.
  @Test func fragmentAtTheEndOfALongCell() {
    let long = Array(String(repeating: "镇域内基础设施建设，振兴乡村。", count: 300).unicodeScalars)
    let cut = long + Array("满意度指".unicodeScalars)
    #expect(RunTogetherTokenizer.fragmentStart(cut, 0, cut.count) == long.count)
    #expect(RunTogetherTokenizer.fragmentStart(long, 0, long.count) == nil)
  }

  /// A name with its target after it is found in the last characters of a text, however long
  /// the text before them is.
  @Test func trailingTargetAfterALongName() {
    let name = Array(String(repeating: "项1", count: 2000).unicodeScalars) + Array("经费补助标准".unicodeScalars)
    let text = name + Array("50万元".unicodeScalars)
    #expect(RunTogetherTokenizer.trailingTarget(text, 0, text.count) == name.count)
  }

  /// Rows run together on one line, their targets in words, times and bare figures: each
  /// target is cut from the name before it and the name after it.
  @Test func targetsBetweenNamesOnOneLine() throws {
    let document = try Self.parse(
      Self.form + "年度绩效指标一级指标二级指标三级指标指标值"
        + "产出指标数量指标办公大楼日常维修维护次数2280次大楼安检巡察次数200次配备车辆数10雾炮车风炮射程≥80米"
        + "时效指标提供法律咨询及时性及时诉讼材料提交及时性7月完成课件购置及时性12月底前完成"
        + "效益指标社会效益指标信访工作规范化程度提升人民建议征集宣传范围明显扩大项目完成率完成完成两个层级年终评选=2个\n")
    let indicators = try #require(document.projects.first).indicators
    #expect(
      indicators.map(\.name) == [
        "办公大楼日常维修维护次数", "大楼安检巡察次数", "配备车辆数", "雾炮车风炮射程", "提供法律咨询及时性", "诉讼材料提交及时性", "课件购置及时性",
        "信访工作规范化程度", "人民建议征集宣传范围", "项目完成率", "完成两个层级年终评选",
      ])
    #expect(indicators.map(\.target.raw) == ["2280次", "200次", "10", "≥80米", "及时", "7月完成", "12月底前完成", "提升", "明显扩大", "完成", "=2个"])
    #expect(indicators.map(\.level2) == ["数量指标", "数量指标", "数量指标", "数量指标", "时效指标", "时效指标", "时效指标"] + Array(repeating: "社会效益指标", count: 4))
  }

  /// What is not cut between names: a word that goes on as a name does (`及时率`), a
  /// name that ends in an outcome word before its target (`管理水平提高显著提高`), an outcome
  /// with no target after it (`形成制度化文件` is the last target), a time that goes on
  /// (`8月和次年1月`), a count inside a name (`新增2个社区…`), a quarter in a name (`二季度完成`).
  @Test func wordsThatStayInTheirCell() {
    func cuts(_ text: String) -> [String] {
      let scalars = Array(text.unicodeScalars)
      return RunTogetherTokenizer.cells(in: scalars, endsCut: false).map { String(scalars: scalars[$0.0..<$0.1]) }
    }
    #expect(cuts("社会效益指标城市精细化管理水平提高显著提高") == ["社会效益指标", "城市精细化管理水平提高", "显著提高"])
    #expect(cuts("社会效益指标经验成果转化性形成制度化文件") == ["社会效益指标", "经验成果转化性", "形成制度化文件"])
    #expect(cuts("时效指标信息发布及时性及时率≥90%") == ["时效指标", "信息发布及时性及时率", "≥90%"])
    #expect(cuts("时效指标案例汇编时间8月和次年1月") == ["时效指标", "案例汇编时间", "8月和次年1月"])
    #expect(cuts("数量指标新增2个社区服务站覆盖率≥90%") == ["数量指标", "新增2个社区服务站覆盖率", "≥90%"])
    #expect(cuts("时效指标及时完成相关活动和研究工作二季度完成开题") == ["时效指标", "及时完成相关活动和研究工作", "二季度完成开题"])
    #expect(cuts("数量指标二季度完成开题报告数量≥2份") == ["数量指标", "二季度完成开题报告数量", "≥2份"])
  }

  /// A title named for its form (`…目标申报表`, `…目标审批表`) is one cell wherever it sits, as
  /// `…目标表` is: after the last target of the table before it too.
  @Test func titlesOfEveryFormName() {
    let scalars = Array("城管执法满意度≥85(%)财政项目支出绩效目标申报表(2024年度)项目名称".unicodeScalars)
    let titles = RunTogetherTokenizer.titleRanges(in: scalars, words: RunTogetherTokenizer.words(in: scalars))
    #expect(titles.map { String(scalars: scalars[$0]) } == ["财政项目支出绩效目标申报表(2024年度)"])
    for form in ["目标审批表", "目标审核表", "目标表"] {
      let title = Array("项目\(form)".unicodeScalars)
      #expect(RunTogetherTokenizer.titleMarkerEnd(title, 2) == title.count)
    }
    #expect(RunTogetherTokenizer.titleMarkerEnd(Array("绩效目标值".unicodeScalars), 2) == nil)
  }
}
