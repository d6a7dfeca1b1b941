import Testing

@testable import Jixiao

/// `pdftotext -layout` of a PDF table (the text of `Corpus/relaid/tools/pdf.py`'s PDFs of the
/// seeds' tables and public 102): each piece padded to the column of its place on the page
/// counted in characters, whatever their width; a label that spans rows (a merged cell)
/// printed at the middle of its rows, alone on a line between two of them or beside the
/// middle line of the cell it names; one blank between two cells of narrow columns.
@Suite struct PdftotextLayoutTests {
  static func text(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }

  /// The top of seed 000's first form: the label column four to seven characters wide, the
  /// values at column 11 in characters (15 and 18 in display width); the funds label alone
  /// between its two rows, the goal's label beside its fourth line.
  static let form = text([
    "项目名称       城管队业务工作经费",
    "主管部门及代码    平罗县住房和城乡建设局-029       实施单位           平罗县城市管理大队",
    "项目属性       0101—一年期项目            项目期            1年",
    "           年度资金总额                50",
    "项目资金（万元）",
    "           其中：财政拨款               50",
    "           本项目年度建设内容如下:一是通过开展“六乱”集中清理整治行动、未在指定区域经营的流动摊贩治理行动、占道堆放、占道经营、非法张贴小广告治理、户外广告、",
    "           门头牌匾治理等行动进一步提高县城区市容环境质量。提高城市颜值。二是通过开展“城管+”综合执法活动,大力开展县城区机动车与非机动车停放秩序治理、僵尸车清",
    "           理、施划停车位解决停车难、乱停车的问题以及开展渣土行治理行动,违法建筑物查处等进一步提高城市管理水平。三是开展专项治理行动,切实解决城市管理难点、堵点",
    "年度总体目标     问题。通过开展早夜市、步行街提标及专项治理行动,进一步提高我县早夜市和步行街管理水平和档次;通过开展渣土车专项治理、窨井盖专项治理等行动关注群众“脚底",
    "           下的安全”,进一步提高市容环境治理,提升县城区人居环境质量;四是通过开展燃气安全专项整治行动以及节假日检查等工作,确保燃气安全;五是通过开展划设便民摊位、",
    "           夏季“绿色西瓜”便民摊位、合理设置便民串串车以及东西区早(晚)市设置免费摊位等工作开展好民生工作;六是对年达到报废的执法车进行报废并采购新的执法车,保障",
    "           各项工作开展;七是单位通过各种政治理论学习、法治培训等进一步使新时代城管队伍形象更加规范化、法制化。",
  ])

  @Test func columnsAreCountedInCharacters() throws {
    let (_, grid) = try tokenized(Self.form)
    #expect(grid.dialect == .aligned)
    let rows = cellTexts(grid).map { $0.filter { !$0.isEmpty } }
    #expect(rows[0] == ["项目名称", "城管队业务工作经费"])
    #expect(rows[1] == ["主管部门及代码", "平罗县住房和城乡建设局-029", "实施单位", "平罗县城市管理大队"])
    #expect(rows[2] == ["项目属性", "0101—一年期项目", "项目期", "1年"])
  }

  @Test func aCentredLabelJoinsTheRowsItSpans() throws {
    let rows = try cellTexts(tokenized(Self.form).1)
    // Alone between its two rows: the label of the row above.
    #expect(rows[3].prefix(3) == ["项目资金（万元）", "年度资金总额", "50"])
    #expect(rows[4].prefix(3) == ["", "其中：财政拨款", "50"])
    // The goal is no line of 其中：财政拨款 (it runs across the 50); its label, beside its
    // fourth line, is its row's.
    #expect(rows.count == 6)
    #expect(rows[5][0] == "年度总体目标")
    #expect(rows[5][1].hasPrefix("本项目年度建设内容如下") && rows[5][1].hasSuffix("规范化、法制化。"))
    #expect(rows[5][1].split(separator: "\n").count == 7)
  }

  @Test func formReadsEndToEnd() throws {
    let document = try Jixiao.parse(Array(("部门项目支出预算绩效目标表\n" + Self.form).utf8), path: "form.txt")
    let project = try #require(document.projects.first)
    #expect(project.funds.total?.yuan == 500_000)
    #expect(project.funds.fiscal?.yuan == 500_000)
    #expect(project.goals.annual?.hasPrefix("本项目年度建设内容如下") == true)
    #expect(document.residue.isEmpty)
  }

  /// Seed 003's indicators set at the top of their cells: a level name beside a name starts
  /// a row, even where the name above filled its column (a label beside text joins a row
  /// only when the row has wrapped: a centred label has lines above it).
  @Test func aLabelBesideANameStartsARow() throws {
    let lines = [
      "                                                      系统联系点设置数                 =10.00(家)",
      "                                                      成效视频宣传推广性                适宜推广",
      "                                                      人民建议征集案例汇编参考和实用性         明显",
      "                                       时效指标           项目按期完成率",
      "                                                      成效视频拍摄完成节点               十一月",
    ]
    let rows = try cellTexts(tokenized(Self.text(lines), .aligned).1).map { $0.filter { !$0.isEmpty } }
    #expect(rows == [["系统联系点设置数", "=10.00(家)"], ["成效视频宣传推广性", "适宜推广"], ["人民建议征集案例汇编参考和实用性", "明显"],
      ["时效指标", "项目按期完成率"], ["成效视频拍摄完成节点", "十一月"]])
  }

  /// A narrow column's cell set one blank after the cell before it: the blank before a
  /// column's start separates them.
  @Test func oneBlankBeforeAColumnSeparatesCells() throws {
    let lines = [
      "绩效指标       一级指标                 二级指标         三级指标       计算符号 年度指标值 中期指标值 指标值设定依据及数据来源",
      "           产出指标                 数量指标         维护路灯数量     ≥      1.2万盏  3.6万盏  维护台账",
      "                                质量指标         亮灯率        ≥      98%    98%    巡查记录",
      "                                时效指标         故障修复时限     ≤      24小时   24小时   运维制度",
      "           成本指标                 经济成本指标       单灯年运维成本    ≤      300元/盏 300元/盏 预算测算",
      "           效益指标                 社会效益指标       夜间出行安全保障   定性     有效保障   有效保障   群众反映",
    ]
    let rows = try cellTexts(tokenized(Self.text(lines), .aligned).1).map { $0.filter { !$0.isEmpty } }
    #expect(rows[4] == ["成本指标", "经济成本指标", "单灯年运维成本", "≤", "300元/盏", "300元/盏", "预算测算"])
  }

  /// Public 102 as a PDF with its merged cells centred: 时效指标 beside the middle one of
  /// its three rows, 数量指标 alone between its two, and 绩效指标 alone on a line between
  /// two rows of 时效指标. Rows between two labels are split by the lines (as many lines
  /// below a label as its rows have above it, lines that hold only a label not counted).
  @Test func centredLevelNamesTakeTheRowsAroundThem() throws {
    let lines = [
      "                                     再生资源回收市场管理经费项目绩效目标表",
      "",
      "                                              (2021年度)",
      "项目名称       再生资源回收市场管理经费",
      "主管部门及代码    乌海市供销合作社联合社(部门)-433                  实施单位    乌海市供销合作社联合社",
      "           年度资金总额                               3",
      "项目资金（万元）   其中：财政拨款                              3",
      "           其他资金                                 0",
      "           一级指标                                 二级指标    三级指标                   指标值    计量单位   指标值类型  分值",
      "                                                        出差人数                   8             =      4",
      "                                                数量指标",
      "                                                        出差人次                   24     人/次    =      4",
      "                                                质量指标    工作任务完成率                100    %      =      4",
      "                                                        项目财政资金到位时间             44,561 44,561 =      10",
      "                                                时效指标    财政资金到位及时支付率            100    %      =      4",
      "绩效指标",
      "           产出指标                                         工作计划按时完成时间             44,561 44,561 =      4",
      "                                                        出差单位成本                 0      万元/人   =      4",
      "                                                        出差总成本                  1      万元     =      4",
      "                                                成本指标    劳务人员总成本                2      万元     =      4",
      "                                                        办公费总成本                 0      万元     =      4",
      "                                                        年度预算总成本                3      万元     =      4",
    ]
    let document = try Jixiao.parse(Array(Self.text(lines).utf8), path: "102.txt")
    let project = try #require(document.projects.first)
    let levels = project.indicators.map { "\($0.name ?? "-") \($0.level1 ?? "-")/\($0.level2 ?? "-")" }
    #expect(
      levels == [
        "出差人数 产出指标/数量指标", "出差人次 产出指标/数量指标", "工作任务完成率 产出指标/质量指标", "项目财政资金到位时间 产出指标/时效指标",
        "财政资金到位及时支付率 产出指标/时效指标", "工作计划按时完成时间 产出指标/时效指标", "出差单位成本 产出指标/成本指标",
        "出差总成本 产出指标/成本指标", "劳务人员总成本 产出指标/成本指标", "办公费总成本 产出指标/成本指标", "年度预算总成本 产出指标/成本指标",
      ])
    #expect(project.funds.fiscal?.yuan == 30_000)
  }

  /// A page that starts inside a merged goal (seed 000's fourth form): the goal's lines a
  /// little left of the values' column above, its label alone on the page's left edge.
  @Test func aLabelAloneLeftOfEveryColumnIsTheLabelColumn() throws {
    let lines = [
      "项目名称       政府长聘人员经费",
      "项目属性       0101—一年期项目           项目期                   1年",
      "           年度资金总额               237.2544",
      "项目资金（万元）",
      "           其中：财政拨款              237.2544",
      "\u{0C}         一是协助开展日常城市管理工作及综合执法工作。1.“六乱”治理。清理零星张贴小广告、橱窗张贴、店外经营、店外堆放、随意摆摊的流动摊贩、门前五包履职不到",
      "         位、环境卫生脏乱差；2.户外广告、门头牌匾专项治理。主要针对破损有安全隐患、违规设置的不符合市容市貌管理规定的广告牌匾；3.车辆停放回血专项治理行动，通",
      "年度总体目标",
      "         配合自然资源局开展违建查处工作；5.开展渣土车未遮盖篷布、路面遗撒治理以及随意倾倒建筑垃圾的治理工作；6.开展城市道路交通秩序治理工作；七",
      "         一级指标                  二级指标          三级指标                          指标值",
      "         产出指标                  数量指标          开展各项工作的数量                     90%",
    ]
    let rows = try cellTexts(tokenized(Self.text(lines), .aligned).1).map { $0.filter { !$0.isEmpty } }
    let goal = try #require(rows.first { $0.first == "年度总体目标" })
    #expect(goal.count == 2)
    #expect(goal[1].hasPrefix("一是协助开展") && goal[1].hasSuffix("工作；七"))
  }

  /// Seed 003's 城管执法工作标准、规范、制度研究 as a PDF with centred merged cells: 数量指标
  /// beside the fifth of its nine rows. Its last two rows (研究报告, which the names alone
  /// would give to 质量指标 below) are its own: as many lines below the label as above.
  @Test func aCentredLevelNameTakesAsManyLinesBelowItAsAbove() throws {
    let lines = [
      "                                         财政项目支出绩效目标申报表",
      "",
      "                                             (2024年度)",
      "项目名称      城管执法工作标准、规范、制度研究",
      "主管部门      上海市住房和城乡建设管理委员会        实施单位         上海市城市管理行政执法局",
      "项目属性      其他一次性项目                项目期",
      "          年度资金总额                 792,000.00",
      "          其中：财政拨款                792,000.00",
      "项目资金（元）",
      "          上年结转资金                 0.00",
      "          其他资金                   0.00",
      "          课题的研究成果全部得到应用，转化为文件政策或者技术指导，在工作中得到充分应用和分享，形成课题研究成果汇编，供全系统和相关单位学习参考。<br><br>上半年完成",
      "          所有课题开题和2024年系统优秀研究成果评选；下半年完成优秀研究成果汇编并发放，课题研究项目通过结题评审，完成2024年课题研究项目立项。<br><br>期刊每期印数16",
      "年度总体目标",
      "          00本，体现城管执法队伍执法规范、崇法善治队伍形象。刊物发送至住建部、长三角兄弟单位、系统城管执法区局、中队，以及基层人民政府，形成示范效应。<br><br>完成",
      "          4个标准规范的研究工作，3月份前草拟计划任务书及开题报告并召开开题评审会。7月份完成中期自评。3、11月之前完成结题评审。",
      "          一级指标                   二级指标         三级指标                       指标值",
      "                                              科研项目工作开展天数                 =120.00(天)",
      "                                              科研项目工作内容完成率                =100(%)",
      "                                              科研项目人员配置数量                 =2(人)",
      "                                              期刊发行期数                     =6(期)",
      "                                 数量指标         期刊印刷外发件数                   ≥8000(份)",
      "                                              期刊内页页数                     ≥60(页)",
      "                                              标准结题报告                     =4(份)",
      "          产出指标",
      "                                              城管执法队伍规范化建设规范研究报告          =1.00(份)",
      "绩效指标",
      "                                              队伍依法履职成效评估数据模型研究报告         =1.00(份)",
      "                                              项目验收通过率                    =100(%)",
      "                                 质量指标         结题报告通过专家评审                 通过",
      "                                              期刊内容准确性                    ≥95.00(%)",
      "                                              期刊人员到位及时性                  按期完成期刊发行所需的工作",
      "                                 时效指标",
      "                                              工作完成及时性                    及时",
      "                                 社会效益指标       标准成果应用                     有效应用于城管执法实践",
      "          效益指标",
      "                                 可持续影响指标      长效管理机制健全性                  建立健全",
    ]
    let document = try Jixiao.parse(Array(Self.text(lines).utf8), path: "003.txt")
    let project = try #require(document.projects.first)
    let levels = project.indicators.map { $0.level2 ?? "-" }
    #expect(levels == Array(repeating: "数量指标", count: 9) + Array(repeating: "质量指标", count: 3) + ["时效指标", "时效指标", "社会效益指标", "可持续影响指标"])
    #expect(document.residue.isEmpty)
  }

  /// Seed 003 as a list (one row per indicator, the project's name, funds and goal merged
  /// over its rows) set at the top of its cells: the goal's lines sit beside the indicator
  /// rows, and the funds wrap onto a line of their own (`450,000.00` over `元`). The project's
  /// cells gather their lines; the indicators stay rows of their own.
  @Test func aListsProjectCellsGatherTheirLinesBesideTheRows() throws {
    let lines = [
      "                                                            财政项目支出绩效目标申报表",
      "",
      "                                                                (2024年度)",
      "单位(项目)名称              资金总额              绩效目标                    一级指标       二级指标      三级指标                      指标值",
      "长三角一体化城市管理综合工作        450,000.00        按照长三角城管执法协作发展实践，委托      产出指标       数量指标      协作制度机制研究人员配置数量            >3.00(人)",
      "                      元                 专业资质研究单位进行专项研究，研究长                           课题完成数                     =2.00(个)",
      "                                        三角执法协作规则制度，研究明确三年行                           工作内容完成率                   =100(%)",
      "                                        动计划；开展长三角执法协作典型案例评                           公众号发布消息数量                 >50.00(条)",
      "                                        选，汇集评选三省一市优秀协作案例，形                 质量指标      项目验收通过率                   =100(%)",
      "                                        成执法协作示范效应。                                   活动媒体宣传覆盖率                 =100.00(%)",
      "                                                                           时效指标      及时完成相关活动和研究工作             二季度完成开题，四季度完成结题",
      "                                                                效益指标       社会效益      人员到位及时性                   及时",
      "                                                                           社会效益指标    经验成果转化性                   形成制度化文件",
      "                                                                           可持续影响指标   长效管理机制健全性                 符合我局长三角中长期规划",
      "                                                                满意度指       服务对象满意度指标 城管执法满意度                   ≥85(%)",
      "                                                                标",
      "",
    ]
    let rows = try cellTexts(tokenized(Self.text(lines)).1)
    let project = try #require(rows.first { $0.first == "长三角一体化城市管理综合工作" })
    #expect(project[1] == "450,000.00\n元")
    #expect(project[2].hasPrefix("按照长三角") && project[2].hasSuffix("形\n成执法协作示范效应。"))
    #expect(project[2].split(separator: "\n").count == 6)
    let document = try Jixiao.parse(Array(Self.text(lines).utf8), path: "003.txt")
    #expect(document.projects.count == 1)
    let read = try #require(document.projects.first)
    #expect(read.funds.total?.yuan == 450_000)
    #expect(read.goals.annual?.hasSuffix("形\n成执法协作示范效应。") == true)
    #expect(read.indicators.count == 11)
    #expect(read.indicators.map(\.name).prefix(4) == ["协作制度机制研究人员配置数量", "课题完成数", "工作内容完成率", "公众号发布消息数量"])
  }

  /// A goal longer than its project's rows (seed 003's 城管执法普法宣传 as a list): a line
  /// or two of other columns' rows between two lines of the goal.
  @Test func aGoalsLinesSkipTheRowsBetweenThem() throws {
    let lines = [
      "单位(项目)名称      资金总额               绩效目标                                 一级指标         二级指标               三级指标                     指标值",
      "城管执法普法宣传      200,000.00元        党的十八届四中全会明确提出实行国家机关“谁执法谁             产出指标         数量指标               制作、发放宣传资料数量              ≥17500(份)",
      "                                 普法”的普法责任制。明确各级城管执法部门普法任务",
      "                                                                                   质量指标               项目验收通过率                  通过",
      "                                 ，推动“谁执法谁普法”的普法责任制，健全普法宣传",
      "                                 机制，开展对市民群众的普法宣传，对于创造良好的法                          时效指标               项目完成及时性                  12月中旬",
      "                                 治环境意义重大。<br><br>发挥城管执法普法队伍作用",
      "                                 ，健全普法教育工作机制，进一步提高市民群众普法参             效益指标         社会效益指标             优化法治环境                   提升",
      "                                 与度，和对宪法、城市管理领域法律法规的知晓度。<b                                            提高全社会遵法守法意识              提高",
      "                                 r><br>第一季度，确定制作厂商，制定设计方案；第二",
      "                                 、三季度，确定宣传形式、内容，用于普法宣传。第四                          可持续影响指标            长效管理机制健全性                建立健全",
      "                                 季度，继续开展普法宣传，同时对项目执行情况进行总",
      "                                                                      满意度指标        服务对象满意度 指标         城管执法社会满意度                ≥85(分)",
      "                                 结。",
    ]
    let document = try Jixiao.parse(Array(Self.text(lines).utf8), path: "003.txt")
    #expect(document.projects.count == 1)
    let project = try #require(document.projects.first)
    #expect(project.goals.annual?.hasPrefix("党的十八届四中全会") == true)
    #expect(project.goals.annual?.hasSuffix("结。") == true)
    #expect(project.indicators.count == 7)
    #expect(document.residue.isEmpty)
  }

  /// Two projects of a list one under the other, the second without a code, its name under a
  /// name that fills the column (so the name alone could be the first one's next line): with
  /// cells in three project columns the line starts a project.
  @Test func aLineWithCellsInThreeProjectColumnsStartsAProject() throws {
    let lines = [
      "                              项目支出绩效目标表",
      "",
      "单位编码  单位(项目)名称        资金总额  绩效目标            一级指标  二级指标  三级指标    指标值",
      "029   长三角一体化城市管理综合工作  1万元   完成年度城市管理各项工作任务  产出指标  数量指标  案件上报数量  96%",
      "      城管队业务工作经费       1万元   完成年度城市管理各项工作任务  产出指标  数量指标  案件上报数量  96%",
    ]
    let document = try Jixiao.parse(Array(Self.text(lines).utf8), path: "list.txt")
    #expect(document.source.dialect == "aligned")
    #expect(document.projects.map(\.name) == ["长三角一体化城市管理综合工作", "城管队业务工作经费"])
  }

  /// Cells taller than their row's line, as `pdftotext -layout` prints them: a level 2 that
  /// wraps (`服务对象` ⏎ `满意度指标`) has its first line above the row and its second below,
  /// and the block label (`年度绩效` ⏎ `指标`) its two lines on two rows. The first line of the
  /// level 2 is no wrapped line of the whole name above it (`社会效益指标`), and the block
  /// label's parts are layout, not level names.
  @Test func cellsCentredOnTheirRowHaveLinesAboveAndBelowIt() throws {
    let lines = [
      "                                    部门项目支出预算绩效目标表",
      "项目名称       城管队业务工作经费",
      "           一级指标                  二级指标           三级指标                           指标值",
      "                                 数量指标           门前五包签订数                    ≥96%",
      "年度绩效       产出指标",
      "指标                               时效指标           按时完成各项工作                       2024 年 12 月",
      "                                 社会效益指标         提升城市综合竞争力              有效提高",
      "           效益指标",
      "                                 服务对象",
      "           满意度指标                                 群众对城市管理满意度提高                   ≥95%",
      "                                 满意度指标",
    ]
    let document = try Jixiao.parse(Array(Self.text(lines).utf8), path: "centred.txt")
    let project = try #require(document.projects.first)
    #expect(project.indicators.map(\.name) == ["门前五包签订数", "按时完成各项工作", "提升城市综合竞争力", "群众对城市管理满意度提高"])
    #expect(project.indicators.map(\.level1) == ["产出指标", "产出指标", "效益指标", "满意度指标"])
    #expect(project.indicators.map(\.level2) == ["数量指标", "时效指标", "社会效益指标", "服务对象满意度指标"])
    let last = try #require(project.indicators.last)
    #expect(last.level2Raw == "服务对象\n满意度指标")
    #expect(last.spans[.level2]?.line == 9)
    let blockLabels = document.tables.flatMap(\.layout).filter { $0.role == .blockLabel }.map(\.text)
    #expect(blockLabels == ["年度绩效", "指标"])
    #expect(document.residue.isEmpty)
  }
}
