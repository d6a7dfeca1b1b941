import Testing

@testable import Jixiao

/// A page rendered without its cell borders and blanks: one row a line, the cells of each
/// run together (public 113 is laid out so). Each rule on an invented line or table.
@Suite struct RunTogetherRowsTests {
  /// The cells of `line` as the tokenizer cuts it, in an indicator row or not.
  static func cells(_ line: String, inIndicators: Bool = true) -> [String] {
    let scalars = Array(line.unicodeScalars)
    return RunTogetherTokenizer.cells(in: scalars, endsCut: false, inIndicators: inIndicators).map {
      String(String.UnicodeScalarView(scalars[$0.0..<$0.1]))
    }
  }

  static func parse(_ text: String) throws -> Document {
    try Jixiao.parse(Array(text.utf8), path: "glued.txt")
  }

  static let form = """
    项目支出绩效目标表
    （2024年度）
    项目名称农村公路养护工程
    主管部门某某县交通运输局实施单位某某县公路养护中心
    项目资金（万元）年度资金总额150.00
    其中：财政拨款150.00
    其他资金0.00
    年度总体目标完成县乡道路日常养护320公里，路况优良率不低于85%。
    绩效指标一级指标二级指标三级指标指标方向性指标值计量单位权重（%）

    """

  /// Detected without being asked, read row by row: the form's labels, the funds with the
  /// unit their label's note gives, each indicator's name, target and weight, with JX117.
  @Test func formReadRowByRow() throws {
    let document = try Self.parse(
      Self.form + """
        产出指标数量指标日常养护里程≥320公里20
        质量指标路况优良率≥85%20
        时效指标养护完成时限≤12月10
        成本指标经济成本指标每公里养护成本≤0.47万元/公里20
        效益指标社会效益指标群众出行条件定性明显改善10
        满意度指标服务对象满意度指标沿线群众满意度≥90%10

        """)
    #expect(document.source.dialect == "runTogetherRows")
    let project = try #require(document.projects.first)
    #expect(project.name == "农村公路养护工程")
    #expect(project.implementingUnit == "某某县公路养护中心")
    #expect(project.funds.total?.yuan == 1_500_000)
    #expect(project.funds.total?.unitSource == .header)
    #expect(project.indicators.map(\.name) == ["日常养护里程", "路况优良率", "养护完成时限", "每公里养护成本", "群众出行条件", "沿线群众满意度"])
    #expect(project.indicators.map(\.target.raw) == ["≥320公里", "≥85%", "≤12月", "≤0.47万元/公里", "明显改善", "≥90%"])
    #expect(project.indicators.map(\.level2) == ["数量指标", "质量指标", "时效指标", "经济成本指标", "社会效益指标", "服务对象满意度指标"])
    #expect(project.indicators.map(\.weight) == [20, 20, 10, 20, 10, 10])
    #expect(document.residue.isEmpty)
    #expect(document.diagnostics.contains { $0.code == "JX117" })
  }

  /// A funds part or 预算执行 opening a row inside the indicators is a name's start
  /// (`财政资金到位率`): the rows after it are still indicator rows.
  @Test func labelWordsOpeningAnIndicatorRow() throws {
    let document = try Self.parse(
      Self.form + """
        产出指标数量指标日常养护里程≥320公里20
        质量指标财政资金到位率≥95%20
        路况优良率≥85%10
        预算执行率≥90%10

        """)
    let project = try #require(document.projects.first)
    #expect(project.indicators.map(\.name) == ["日常养护里程", "财政资金到位率", "路况优良率", "预算执行率"])
    #expect(project.indicators.map(\.target.raw) == ["≥320公里", "≥95%", "≥85%", "≥90%"])
  }

  /// The same rows with a blank line between them read the same (public 113's layout).
  @Test func blankLinesBetweenRows() throws {
    let rows = ["产出指标数量指标日常养护里程≥320公里20", "质量指标路况优良率≥85%20"]
    let document = try Self.parse(Self.form + rows.joined(separator: "\n\n") + "\n")
    #expect(document.source.dialect == "runTogetherRows")
    #expect(try #require(document.projects.first).indicators.map(\.target.raw) == ["≥320公里", "≥85%"])
  }

  /// Texts that are not glued rows keep their dialects: a stream of one cell a line (each line
  /// one word) and a page whose cells are single blanks apart.
  @Test func otherLayoutsAreNotGluedRows() throws {
    func dialect(_ lines: [String], _ separator: String) throws -> Dialect {
      DialectDetector.detectLayout(try SourceDecoder.decode(Array((lines.joined(separator: separator) + "\n").utf8), path: "t.txt").0)
    }
    let cells = ["项目名称", "农村公路养护工程", "一级指标", "二级指标", "三级指标", "指标值", "产出指标", "数量指标", "日常养护里程", "≥320公里"]
    #expect(try dialect(cells + cells, "\n\n") == .cellStream)
    let spaced = ["项目名称 农村公路养护工程", "一级指标 二级指标 三级指标 指标值", "产出指标 数量指标 日常养护里程 ≥320公里", "质量指标 路况优良率 ≥85%"]
    #expect(try dialect(spaced, "\n") == .spaced)
    let glued = ["项目名称农村公路养护工程", "一级指标二级指标三级指标指标值", "产出指标数量指标日常养护里程≥320公里", "质量指标路况优良率≥85%"]
    #expect(try dialect(glued, "\n") == .runTogetherRows)
  }

  /// A target with an operator ends the name; digits after its unit or percent sign are the
  /// next cell; a rate's unit and a date stay whole.
  @Test func targetsAfterNames() {
    #expect(Self.cells("日常养护里程≥320公里20") == ["日常养护里程", "≥320公里", "20"])
    #expect(Self.cells("每公里养护成本≤0.47万元/公里20") == ["每公里养护成本", "≤0.47万元/公里", "20"])
    #expect(Self.cells("完工时间≤2024年11月定性10") == ["完工时间", "≤2024年11月", "定性", "10"])
    // A month's year before it is the time's (was the name's: `项目完成时间2024年` │ `12月底前`).
    #expect(Self.cells("项目完成时间2024年12月底前") == ["项目完成时间", "2024年12月底前"])
    #expect(Self.cells("完成时间12月底前") == ["完成时间", "12月底前"])
    // A template's hint in brackets and a figure in the name are the name's.
    #expect(Self.cells("旅游景点开发数量(≥**个)>=4个") == ["旅游景点开发数量(≥**个)", ">=4个"])
    #expect(Self.cells("*建设质量达标率100%>=98%") == ["*建设质量达标率100%", ">=98%"])
    // A second value after the target, then words: a mid-term value and a source.
    #expect(Self.cells("维护路灯数量≥1.2万盏3.6万盏维护台账") == ["维护路灯数量", "≥1.2万盏", "3.6万盏", "维护台账"])
    // A name that starts with a number keeps it.
    #expect(Self.cells("2年后案件上报处置率≥90%") == ["2年后案件上报处置率", "≥90%"])
    // A percentage after a name, then words.
    #expect(Self.cells("拍摄素材合格率80%合格") == ["拍摄素材合格率", "80%", "合格"])
    // A comparison in words before the figure ending the row is the target's, not the name's.
    #expect(Self.cells("社会覆盖面大于20%") == ["社会覆盖面", "大于20%"])
    #expect(Self.cells("路况优良率大于等于85%") == ["路况优良率", "大于等于85%"])
    #expect(Self.cells("日常养护里程不少于320公里") == ["日常养护里程", "不少于320公里"])
    #expect(Self.cells("养护成本不超过150万元") == ["养护成本", "不超过150万元"])
    // The word is the name's where the figure does not end the row as a target.
    #expect(Self.cells("年龄大于60岁老人人数") == ["年龄大于60岁老人人数"])
  }

  /// 定性 / 定量 between a name and its target is a cell; 稳定性 is a name's.
  @Test func typeWords() {
    #expect(Self.cells("群众出行条件定性明显改善10") == ["群众出行条件", "定性", "明显改善", "10"])
    #expect(Self.cells("系统运行稳定性≥99%") == ["系统运行稳定性", "≥99%"])
  }

  /// Targets in words after their names: after a name ending in 性, a grade or an outcome
  /// word ending the text with its adverb, a time.
  @Test func targetsInWords() {
    #expect(Self.cells("人员到位及时性及时") == ["人员到位及时性", "及时"])
    #expect(Self.cells("提高执法针对性和有效性不断提高") == ["提高执法针对性和有效性", "不断提高"])
    #expect(Self.cells("长效管理机制健全性符合中长期规划") == ["长效管理机制健全性", "符合中长期规划"])
    #expect(Self.cells("采购及时性二季度完成换发需求征集") == ["采购及时性", "二季度完成换发需求征集"])
    #expect(Self.cells("服装质量合格") == ["服装质量", "合格"])
    #expect(Self.cells("群众文化参与度明显提升") == ["群众文化参与度", "明显提升"])
    #expect(Self.cells("系统人民建议征集工作体系建立健全") == ["系统人民建议征集工作体系", "建立健全"])
    // A name ending in the word, then the word again.
    #expect(Self.cells("市民满意度提高提高") == ["市民满意度提高", "提高"])
    #expect(Self.cells("社会满意度测评报告完成时间8月和次年1月") == ["社会满意度测评报告完成时间", "8月和次年1月"])
    #expect(Self.cells("法制干部按计划完成培训八月前完成") == ["法制干部按计划完成培训", "八月前完成"])
    // Outside indicator rows text is not cut so: a goal keeps its words.
    #expect(Self.cells("服装质量合格", inIndicators: false) == ["服装质量合格"])
  }

  /// An explanation (`该指标…。`, `反映…情况`) is a cell between the name and the target; text
  /// that reads as a sentence is no name to cut a target from.
  @Test func explanations() {
    #expect(
      Self.cells("群众满意度该指标主要考察群众对运维的满意度情况。95%")
        == ["群众满意度", "该指标主要考察群众对运维的满意度情况。", "95%"])
    #expect(Self.cells("达到使用标准和服务效果。95%合格") == ["达到使用标准和服务效果。95%合格"])
  }

  /// In an indicator row only level names cut: a form's label in a name is the name's; a
  /// header again is cut at its words, and a form's row at its labels.
  @Test func wordsInsideIndicatorRows() {
    #expect(Self.cells("预算执行率≥95.00(%)") == ["预算执行率", "≥95.00(%)"])
    #expect(Self.cells("一级指标二级指标三级指标指标值") == ["一级指标", "二级指标", "三级指标", "指标值"])
    #expect(Self.cells("项目名称城管执法装备建设") == ["项目名称", "城管执法装备建设"])
    // A note in brackets after a word is the word's.
    #expect(Self.cells("成本指标(0-20)分经济成本指标项目建设成本≤65万元10") == ["成本指标(0-20)分", "经济成本指标", "项目建设成本", "≤65万元", "10"])
  }

  /// A list's row opens with its project's cells: a code (a year after it is the name's), the
  /// name up to its amount, the amount, the goal.
  @Test func projectCellsOfAList() {
    #expect(
      Self.cells("029城管队业务工作经费50万元本项目年度建设内容产出指标数量指标门前五包签订数≥96%")
        == ["029", "城管队业务工作经费", "50万元", "本项目年度建设内容", "产出指标", "数量指标", "门前五包签订数", "≥96%"])
    #expect(
      Self.cells("3060012023年餐饮油烟维护经费130.00万元餐饮油烟维护效益指标")
        == ["306001", "2023年餐饮油烟维护经费", "130.00万元", "餐饮油烟维护", "效益指标"])
    // A bare amount (the table's unit on a line of its own).
    #expect(
      Self.cells("农村饮水安全维修养护120.5完成维修养护30处产出指标")
        == ["农村饮水安全维修养护", "120.5", "完成维修养护30处", "产出指标"])
  }

  /// In a list, a row left as one cell (its name and target run together, nothing cut them)
  /// is an indicator of the project above, not a project of its own; under 单位(项目)名称 a
  /// row that names a body (…局) alone still heads the projects below it.
  @Test func loneRowsOfAList() throws {
    let document = try Self.parse(
      """
      项目支出绩效目标表
      单位(项目)名称资金总额绩效目标一级指标二级指标三级指标指标值
      上海市城市管理行政执法局
      长三角一体化城市管理综合工作450,000.00元开展执法协作产出指标数量指标课题完成数=2个
      提高执法效能及时执法
      质量指标项目验收通过率=100%
      上海市绿化和市容管理局
      绿化养护经费120.00万元养护全市绿地产出指标数量指标养护面积≥300亩

      """)
    #expect(document.projects.map(\.name) == ["长三角一体化城市管理综合工作", "绿化养护经费"])
    #expect(document.projects.map(\.implementingUnit) == ["上海市城市管理行政执法局", "上海市绿化和市容管理局"])
    #expect(document.projects.first?.indicators.map(\.name) == ["课题完成数", "提高执法效能及时执法", "项目验收通过率"])
  }

  /// The attribute's value ends where the period's label (too short for the vocabulary)
  /// starts.
  @Test func attributeBeforePeriod() throws {
    #expect(Self.cells("项目属性0101—一年期项目项目期1 年", inIndicators: false) == ["项目属性", "0101—一年期项目", "项目期", "1 年"])
  }
}

extension RunTogetherRowsTests {
  /// Lines of words, values, operators, dates, brackets and blanks in every order, cut as
  /// indicator rows and not: the cells are ordered, apart, inside the line and not empty, and
  /// the text between them is separators only (no text is lost between two cells).
  @Test func cutsCoverTheLine() {
    let pieces = ["产出指标", "数量指标", "三级指标", "项目名称", "预算执行", "定性", "稳定性", "及时性", "及时", "合格", "明显提升", "≥", ">=",
      "95", "%", "(", ")", "（万元）", "万元/公里", "2024年", "11月", "二季度", "上下半年", "该指标", "反映", "情况", "。", "项目期",
      "029", "50万元", "120.5", "2023年", "完成", " ", "，", "分", "…", "𠀀"]
    var random = SeededSequence(seed: 0x61_0E_D0)
    var cut = 0
    for _ in 0..<1500 {
      let scalars = Array((0..<(1 + random.next(14))).map { _ in pieces[random.next(pieces.count)] }.joined().unicodeScalars)
      for inIndicators in [true, false] {
        let cells = RunTogetherTokenizer.cells(in: scalars, endsCut: random.next(4) == 0, inIndicators: inIndicators)
        var position = 0
        for (lower, upper) in cells {
          #expect(lower >= position && lower < upper && upper <= scalars.count, "\(String(String.UnicodeScalarView(scalars))) \(cells)")
          #expect(scalars[position..<max(position, lower)].allSatisfy(RunTogetherTokenizer.isSeparator), "\(String(String.UnicodeScalarView(scalars))) \(cells)")
          position = max(position, upper)
        }
        #expect(scalars[position...].allSatisfy(RunTogetherTokenizer.isSeparator), "\(String(String.UnicodeScalarView(scalars))) \(cells)")
        cut += cells.count
      }
    }
    #expect(cut > 5_000, "\(cut)")
  }
}
