import FoundationEssentials
import Testing

@testable import Jixiao

/// A list of projects as `pdftotext -layout` prints it: each project's merged cells (name,
/// amount, goal) at the middle of its rows, a long name wrapped over two lines.
@Suite struct CentredListTests {
  static let page = """
                                      2024 年项目支出绩效目标表
    单位名称：某县卫生健康局                                                                         单位：万元
      项目名称       项目金额    年度绩效目标          一级指标     二级指标        三级指标                指标值
                                                       产出指标     数量指标        免费检查孕妇人数        ≥3000 人
                                 为全县孕产妇提供免                 质量指标        检查规范率              ≥95%
      孕产妇健康管理   68.50     费产前筛查服务        效益指标     社会效益指标    孕产妇死亡率            ≤10/10 万
                                                       满意度指标   服务对象满意    孕产妇满意度            ≥90%
                                                                    度指标
                                                       产出指标     数量指标        接种人次                ≥2.5 万人次
      免疫规划疫苗                                                  时效指标        疫苗配送及时率          100%
      接种补助         45.00     完成国家免疫规划      效益指标     社会效益指标    适龄儿童免疫规划疫苗    ≥90%
                                 疫苗接种任务                                       接种率
                                                       满意度指标   服务对象满意    儿童家长满意度          ≥90%
                                                                    度指标
    """

  /// Every project's indicators are its own, from its first row (the first project's first
  /// row was a project with no name; the next projects' first rows the one above's), and a
  /// wrapped name is one name.
  @Test func eachProjectTakesTheRowsAroundItsName() throws {
    let document = try Jixiao.parse(Array((Self.page + "\n").utf8), path: "centred.txt")
    #expect(document.projects.map(\.name) == ["孕产妇健康管理", "免疫规划疫苗接种补助"])
    #expect(document.projects.map { $0.funds.total?.yuan } == [685_000, 450_000])
    #expect(document.projects.map { $0.indicators.map(\.name) } == [
      ["免费检查孕妇人数", "检查规范率", "孕产妇死亡率", "孕产妇满意度"],
      ["接种人次", "疫苗配送及时率", "适龄儿童免疫规划疫苗接种率", "儿童家长满意度"],
    ])
    #expect(document.projects.first?.goals.annual?.hasPrefix("为全县孕产妇提供免") == true)
    #expect(document.residue.isEmpty)
    #expect(!document.diagnostics.contains { $0.code == "JX109" || $0.code == "JX505" })
  }

  /// Where the levels do not start again between two names, the cut is not known: the list
  /// reads as the lines stand (the first row no project's own).
  @Test func withoutARestartTheRowsStayWhereTheyAre() throws {
    // Every row an output indicator: no level goes back anywhere.
    let page = Self.page.replacing("效益指标     社会效益指标", with: "产出指标     质量指标    ")
      .replacing("满意度指标   服务对象满意", with: "产出指标     质量指标    ")
    let document = try Jixiao.parse(Array((page + "\n").utf8), path: "centred.txt")
    #expect(document.projects.first?.name == nil)
    #expect(document.projects.map(\.name).contains("孕产妇健康管理"))
  }
}
