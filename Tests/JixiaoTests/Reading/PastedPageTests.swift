import Testing

@testable import Jixiao

/// A multi-page table pasted as text: the form feeds are lost, the page's running head and
/// the header it repeats stay between the rows.
@Suite struct PastedPageTests {
  static let text = """
    某县2024年部门预算公开
    项目支出绩效目标表
    项目名称\t道路维修
    年度资金总额（万元）\t80
    其中：财政拨款\t80
    年度目标\t完成道路维修
    一级指标\t二级指标\t三级指标\t指标值
    产出指标\t数量指标\t维修面积\t≥5000平方米
    \t质量指标\t验收合格率\t100%
    某县2024年部门预算公开
    一级指标\t二级指标\t三级指标\t指标值
    产出指标\t时效指标\t完成时间\t2024年10月
    满意度指标\t服务对象满意度指标\t群众满意度\t≥90%

    """

  /// The running head is no row's text (it was joined to 100% as a wrapped line, making it a
  /// compound), nor an indicator: it is laid out as the page's head.
  @Test func theRunningHeadIsPageFurniture() throws {
    let document = try Jixiao.parse(Array(Self.text.utf8), path: "pasted.txt")
    let project = try #require(document.projects.first)
    #expect(project.indicators.map(\.target.raw) == ["≥5000平方米", "100%", "2024年10月", "≥90%"])
    #expect(project.indicators.map(\.name) == ["维修面积", "验收合格率", "完成时间", "群众满意度"])
    #expect(document.residue.isEmpty)
    let layout = document.tables.flatMap(\.layout)
    #expect(layout.contains { $0.role == .pageHeader && $0.text == "某县2024年部门预算公开" && $0.span.line == 10 })
  }

  /// The unit in one money label (`年度资金总额（万元）`) is that of the lines beside it that
  /// state none: no JX110 for 其中：财政拨款's 80.
  @Test func aMoneyLabelsUnitIsItsSiblings() throws {
    let document = try Jixiao.parse(Array(Self.text.utf8), path: "pasted.txt")
    let funds = try #require(document.projects.first?.funds)
    #expect(funds.fiscal?.yuan == 800_000 && funds.fiscal?.unitSource == .header)
    #expect(!document.diagnostics.contains { $0.code == "JX110" })
  }
}
