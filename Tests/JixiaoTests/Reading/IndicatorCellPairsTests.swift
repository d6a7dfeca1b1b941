import Testing

@testable import Jixiao

/// An indicator row written as label/value pairs in one cell (`指标名称：培训人数；指标值：≥100人`).
@Suite struct IndicatorCellPairsTests {
  static let text = """
    项目名称\t技能培训
    年度资金总额（万元）\t20
    一级指标\t二级指标\t三级指标
    产出指标\t数量指标\t指标名称：培训人数；指标值：≥100人
    \t质量指标\t指标名称：培训合格率；目标值：≥90%
    满意度指标\t服务对象满意度指标\t指标名称：学员满意度；指标值：≥95%

    """

  /// The values are the row's name and target, each spanning its own text (the whole cell was
  /// the target, the name null).
  @Test func thePairsAreTheRowsCells() throws {
    let document = try Jixiao.parse(Array(Self.text.utf8), path: "pairs.txt")
    let indicators = try #require(document.projects.first).indicators
    #expect(indicators.map(\.name) == ["培训人数", "培训合格率", "学员满意度"])
    #expect(indicators.map(\.target.raw) == ["≥100人", "≥90%", "≥95%"])
    #expect(indicators.map(\.target.span?.column) == [25, 22, 32])
    #expect(indicators.map { $0.spans[.name]?.column } == [16, 12, 22])
    #expect(document.residue.isEmpty)
  }

  @Test func aCellIsPairsOnlyWithANameAndATarget() {
    #expect(IndicatorCellPairs.split("指标名称：培训人数；指标值：≥100人")?.map(\.value) == ["培训人数", "≥100人"])
    #expect(IndicatorCellPairs.split("三级指标: 培训人数 指标值: ≥100人 ")?.map(\.value) == ["培训人数", "≥100人"])
    // A target that carries its label, a goal with a colon, a name with one: no pairs.
    #expect(IndicatorCellPairs.split("指标值：≥100人") == nil)
    #expect(IndicatorCellPairs.split("目标：培训人数达到100人") == nil)
    #expect(IndicatorCellPairs.split("说明：指标名称：培训人数；指标值：100人") == nil)
  }
}
