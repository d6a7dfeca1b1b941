import Testing

@testable import Jixiao

/// Text copied from a page with a single blank between cells: a blank inside a cell cuts it
/// as the blank between cells does, and the reading puts the pieces back together where the
/// table's shape shows them to be one cell. Two blanks between cells (or an ideographic
/// space where single spaces sit inside cells) separate the cells alone.
@Suite struct SpacedPiecesTests {
  /// Public 104's project as a list, one row a project, a single blank between cells: its
  /// goal (`1、… 2、… 3、…`) has blanks of its own.
  static let list = """
    绩效目标申报表
    (2021年度)
    单位(项目)名称 资金总额 绩效目标 一级指标 二级指标 三级指标 指标值
    2021年交通局果园路 500万元 1、改善基础实施建设,建设2公里 2、水泥路硬化路面 3、极大的改善了老百姓的生产生活问题 产出指标 数量指标 新建水泥路1条 2km
    质量指标 项目(工程)验收合格率 100%

    """

  @Test func goalPiecesBeforeTheLevelsAreTheGoal() throws {
    let document = try Jixiao.parse(Array(Self.list.utf8), path: "list.txt")
    #expect(document.source.dialect == Dialect.spaced.rawValue)
    let project = try #require(document.projects.first)
    #expect(document.projects.count == 1)
    #expect(project.name == "2021年交通局果园路")
    #expect(project.funds.total?.yuan == 5_000_000)
    #expect(project.goals.annual == "1、改善基础实施建设,建设2公里 2、水泥路硬化路面 3、极大的改善了老百姓的生产生活问题")
    // The goal's span covers its three pieces, the blanks between them as written.
    #expect(project.goals.annualSpan?.length == project.goals.annual?.count)
    #expect(project.indicators.map(\.level1) == ["产出指标", "产出指标"])
    #expect(project.indicators.map(\.level2) == ["数量指标", "质量指标"])
    #expect(project.indicators.map(\.name) == ["新建水泥路1条", "项目(工程)验收合格率"])
    #expect(document.residue.isEmpty)
    #expect(!document.diagnostics.contains { $0.code == "JX504" })
  }

  /// A list cut after its first row: the header alone (four header words and more on a
  /// line) shows the page was a table.
  @Test func aListHeaderAloneIsATable() throws {
    let text = """
      2023年加工园配套设施建设项目支出绩效目标审批表
      (2023年度)
      单位(项目)名称 资金总额 绩效目标 一级指标 二级指标 三级指标 指标值 分值
      加工园配套设施建设项目 65万元 新建中药材晾晒房一座 成本指标 经济成本指标 项目建设成本 ≤65万元 10

      """
    let document = try Jixiao.parse(Array(text.utf8), path: "one-row.txt")
    #expect(document.source.dialect == Dialect.spaced.rawValue)
    let indicator = try #require(document.projects.first?.indicators.first)
    #expect(indicator.name == "项目建设成本")
    #expect(indicator.target.raw == "≤65万元")
    #expect(indicator.weight == 10)
    // Three header words on a line are not enough alone.
    let prose = "说明\n指标值 分值 备注 见附件\n其余内容\n"
    #expect(DialectDetector.detectLayout(SourceText.byReference(Array(prose.utf8))) != .spaced)
  }

  /// A quotation that heads a name keeps the text after its blank; one before a level name
  /// or a label does not, nor two quotations.
  @Test func aQuotationHeadsTheTextAfterIt() throws {
    let text = """
      项目名称 城管执法普法宣传
      一级指标 二级指标 三级指标 指标值
      产出指标 数量指标 “城管进社区” 宣传活动参与人数 ≥500(人次)
      产出指标 质量指标 “城管进社区” 宣传活动媒体发布指标 ≥5(篇)

      """
    let document = try Jixiao.parse(Array(text.utf8), path: "quoted.txt")
    #expect(document.source.dialect == Dialect.spaced.rawValue)
    let indicators = try #require(document.projects.first).indicators
    #expect(indicators.map(\.name) == ["“城管进社区” 宣传活动参与人数", "“城管进社区” 宣传活动媒体发布指标"])
    #expect(document.residue.isEmpty)
    #expect(!SpacedTokenizerQuotes.joins("“甲”与“乙”", "宣传"))
    #expect(!SpacedTokenizerQuotes.joins("“城管进社区”", "产出指标"))
    #expect(!SpacedTokenizerQuotes.joins("“城管进社区”", "100%"))
  }

  /// Two blanks between cells, one inside them: the page's cells whole (`plain`), not a
  /// layout of columns, though its level names of one width line up.
  @Test func twoBlanksSeparateCellsAndAreNoLayout() throws {
    let text = """
      项目名称  城管队业务工作经费
      项目资金 (万元)  年度资金总额  50
      一级指标  二级指标  三级指标  指标值
      产出指标  数量指标  开展 “六乱” 集中清理整治行动  ≥12次
      产出指标  质量指标  城市市容市貌明显改善  ≥98%
      产出指标  时效指标  按时完成各项工作  2024 年 12 月
      效益指标  社会效益指标  城市管理精细化  显著提升

      """
    let document = try Jixiao.parse(Array(text.utf8), path: "two-blanks.txt")
    #expect(document.source.dialect == Dialect.plain.rawValue)
    let project = try #require(document.projects.first)
    #expect(project.funds.total?.yuan == 500_000)
    #expect(project.indicators.map(\.name) == ["开展 “六乱” 集中清理整治行动", "城市市容市貌明显改善", "按时完成各项工作", "城市管理精细化"])
    #expect(project.indicators.map(\.target.raw) == ["≥12次", "≥98%", "2024 年 12 月", "显著提升"])
    #expect(document.residue.isEmpty)
  }

  /// Ideographic spaces between cells, and a blank line between tables of a few rows: lines
  /// with blanks inside are rows of cells, not a cell a line (`cellPerLine`).
  @Test func wideGapsInGroupsOfLines() throws {
    var text = ""
    for (name, total) in [("城管队业务工作经费", 50), ("智慧城管系统服务费", 17), ("环卫保洁作业经费", 80), ("数字城管运行经费", 26)] {
      text += """
        部门项目支出预算绩效目标表
        单位(项目)名称\u{3000}资金总额\u{3000}一级指标\u{3000}二级指标\u{3000}三级指标\u{3000}指标值
        \(name)\u{3000}\(total)万元\u{3000}产出指标\u{3000}质量指标\u{3000}问题解决率\u{3000}≥98%
        时效指标\u{3000}完成时间\u{3000}2024年底


        """
    }
    let document = try Jixiao.parse(Array(text.utf8), path: "wide.txt")
    // One kind of blank, between cells only: `spaced`.
    #expect(document.source.dialect == Dialect.spaced.rawValue)
    #expect(document.projects.map(\.name) == ["城管队业务工作经费", "智慧城管系统服务费", "环卫保洁作业经费", "数字城管运行经费"])
    #expect(document.projects.map { $0.indicators.map(\.target.raw) } == Array(repeating: ["≥98%", "2024年底"], count: 4))
  }
}

/// `SpacedTokenizer.joinQuotations` of two one-line cells, as texts.
private enum SpacedTokenizerQuotes {
  static func joins(_ first: String, _ second: String) -> Bool {
    let line = first + " " + second
    let text = SourceText.byReference(Array(line.utf8))
    var builder = CellBuilder(text: text)
    let cells = [
      builder.cell(lineIndex: 0, range: 0..<first.utf8.count, column: 0),
      builder.cell(lineIndex: 0, range: (first.utf8.count + 1)..<line.utf8.count, column: 1),
    ]
    return SpacedTokenizer.joinQuotations(cells, builder: &builder).count == 1
  }
}
