import FoundationEssentials
import Testing

@testable import Jixiao

/// Pieces of what `ConverterLayoutTests` holds the whole documents to, each alone: a target
/// written with blanks in a spaced page, and a list table whose empty cells a converter dropped.
@Suite struct CollapsedLayoutTests {
  static func spacedCells(_ lines: [String]) throws -> [[String]] {
    let text = try SourceDecoder.decode(Array((lines.joined(separator: "\n") + "\n").utf8), path: "t.txt").0
    return Tokenizer.tokenize(text, dialect: .spaced).rows.filter { !$0.isBlank }.map { $0.nonEmpty.map(\.text) }
  }

  /// A page that writes `2024 年 12 月` and `50 万元` with blanks gives one target cell each; with
  /// no indicator header yet, and under one without operator or unit columns.
  @Test func targetWithBlanksIsOneCell() throws {
    let rows = try Self.spacedCells([
      "一级指标 二级指标 三级指标 指标值",
      "产出指标 时效指标 按时完成各项工作 2024 年 12 月",
      "成本指标 经费补助标准 50 万元",
      "质量指标 验收合格率 ≥ 95 %",
      "完成时限 2024 年底",
      "满意度 95% 以上",
      "培训人数 3 个 班次",
    ])
    #expect(rows[1] == ["产出指标", "时效指标", "按时完成各项工作", "2024 年 12 月"])
    #expect(rows[2] == ["成本指标", "经费补助标准", "50 万元"])
    #expect(rows[3] == ["质量指标", "验收合格率", "≥ 95 %"])
    #expect(rows[4] == ["完成时限", "2024 年底"])
    #expect(rows[5] == ["满意度", "95% 以上"])
    // `班次` is no unit the table knows after `3 个`: the number takes one unit word.
    #expect(rows[6] == ["培训人数", "3 个", "班次"])
  }

  /// A number whose thousands or digits a page (or OCR) set a blank apart (`≥1 200人`, `≥9 5%`)
  /// is one target cell, read as one number: it was `≥1` (residue) and `200人`, and a row of
  /// `≥9` (the name) and `5%`. Two numbers each whole stay two cells.
  @Test func aNumberSetApartByBlanksIsOneCell() throws {
    let rows = try Self.spacedCells([
      "一级指标 二级指标 三级指标 指标值",
      "产出指标 数量指标 受益人数 ≥1 200人",
      "质量指标 养护合格率 ≥9 5%",
      "时效指标 完成时间 2024 12",
    ])
    #expect(rows[1] == ["产出指标", "数量指标", "受益人数", "≥1 200人"])
    #expect(rows[2] == ["质量指标", "养护合格率", "≥9 5%"])
    #expect(rows[3] == ["时效指标", "完成时间", "2024", "12"])
  }

  /// LaTeX a converter left in a cell (`$\geq 90\%$`, seed 003's) is one cell however many
  /// blanks it holds; a dollar sign no later cell closes joins nothing.
  @Test func latexIsOneCell() throws {
    let rows = try Self.spacedCells([
      "一级指标 二级指标 三级指标 指标值",
      "满意度指标 服务对象满意度指标 全市城管执法人员满意度 $\\geq 90\\%$",
      "满意度指标 服务对象满意度指标 满意度 $ \\geq $ 90%",
      "成本指标 经济成本指标 单价 $5 每人",
    ])
    #expect(rows[1] == ["满意度指标", "服务对象满意度指标", "全市城管执法人员满意度", "$\\geq 90\\%$"])
    #expect(rows[2] == ["满意度指标", "服务对象满意度指标", "满意度", "$ \\geq $", "90%"])
    #expect(rows[3] == ["成本指标", "经济成本指标", "单价", "$5", "每人"])
  }

  /// A label spaced out to fill its cell (seed 001's `本 年 收 入 合 计`) is one cell; single
  /// characters that make no label stay apart.
  @Test func letterSpacedLabelIsOneCell() throws {
    let rows = try Self.spacedCells([
      "一级指标 二级指标 三级指标 指标值",
      "本 年 收 入 合 计 1,633.94万元",
      "项 目 名 称 城管工作经费",
      "产出指标 质量指标 验收结果 是 否 合",
    ])
    #expect(rows[1] == ["本 年 收 入 合 计", "1,633.94万元"])
    #expect(rows[2] == ["项 目 名 称", "城管工作经费"])
    #expect(rows[3] == ["产出指标", "质量指标", "验收结果", "是", "否", "合"])
  }

  /// A blank after `，`, `；` or `、` is inside a sentence (seed 001's scoring rules), unless a
  /// label or a level name follows.
  @Test func clauseGoesOnAfterComma() throws {
    let rows = try Self.spacedCells([
      "一级指标 二级指标 三级指标 指标值 评(扣)分标准",
      "产出指标 时效指标 应急管理 100% 100%通知立即到位， 一项不到位扣5分，扣完为止",
      "产出指标 数量指标 宣传次数 ≥4次 偏离目标40%不得分； 偏离30%得2分、 偏离20%得4分",
      "产出指标 数量指标 宣传次数 完成， 质量指标 合格率 100%",
    ])
    #expect(rows[1] == ["产出指标", "时效指标", "应急管理", "100%", "100%通知立即到位， 一项不到位扣5分，扣完为止"])
    #expect(rows[2] == ["产出指标", "数量指标", "宣传次数", "≥4次", "偏离目标40%不得分； 偏离30%得2分、 偏离20%得4分"])
    #expect(rows[3] == ["产出指标", "数量指标", "宣传次数", "完成，", "质量指标", "合格率", "100%"])
  }

  /// Where empty cells are gone, a target of words (`不断缩小`) after its name goes to the
  /// target column, not to a 备注 column after it: a row has a target far more often than a
  /// remark. Before, the two tied and the remark won.
  @Test func wordsAfterTheNameAreTheTarget() throws {
    let rows = HeaderVariantTests.cells([
      "2024年度项目支出绩效目标表",
      "项目名称 | 基本公共卫生服务补助",
      "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 备注",
      " | 产出指标 | 数量指标 | 老年人健康管理率 | ≥62% | ",
      " | 效益指标 | 社会效益指标 | 城乡居民公共卫生差距 | 不断缩小 | ",
      " |  | 可持续影响指标 | 基本公共卫生服务水平 | 不断提高 | 逐年考核",
      " | 满意度指标 | 服务对象满意度指标 | 居民满意度 | ≥85% | ",
    ])
    for layout: DepartmentTaskTests.Layout in [.tabbed, .markdown, .pipesCollapsed, .spaced, .cellStream] {
      let document = try Jixiao.parse(Array(DepartmentTaskTests.text(layout, rows: rows).utf8), path: "t.txt")
      let indicators = try #require(document.projects.first?.indicators)
      #expect(indicators.map(\.target.raw) == ["≥62%", "不断缩小", "不断提高", "≥85%"], "\(layout)")
      #expect(indicators.map(\.remark) == [nil, nil, "逐年考核", nil], "\(layout)")
    }
  }

  /// Under a header with its own operator and unit columns (102's 指标方向 / 计量单位), `= 24
  /// 人/次` is three cells.
  @Test func operatorAndUnitColumnsStayApart() throws {
    let rows = try Self.spacedCells([
      "一级指标 二级指标 三级指标 指标性质 指标方向 目标值 计量单位 分值",
      "产出指标 数量指标 出差人次 正向 = 24 人/次 4",
      "一级指标 二级指标 三级指标 指标值",
      "产出指标 数量指标 出差人次 = 24 人/次",
    ])
    #expect(rows[1] == ["产出指标", "数量指标", "出差人次", "正向", "=", "24", "人/次", "4"])
    // The next table's header gives the target alone again.
    #expect(rows[3] == ["产出指标", "数量指标", "出差人次", "= 24 人/次"])
  }

  /// A list table of projects (seed 001's template) as a converter writes it with empty cells
  /// dropped and their pipes after the last cell: the header's second row lost the blanks
  /// under the project columns, a project's later rows lost its merged project cells, and a
  /// project row without its 单位编码 (merged from the row above) lost that.
  static let list = [
    "项目支出绩效目标表",
    "单位：万元",
    "单位编码 | 单位（项目）名称 | 资金总额 | 财政拨款 | 其他资金 | 绩效目标 | 绩效指标",
    "一级指标 | 二级指标 | 三级指标 | 指标值 ||||||",
    "306001 | 餐饮油烟维护经费 | 130.00 | 130.00 | 0 | 维护油烟设施 | 产出指标 | 数量指标 | 维护设施数量 | ≥50台",
    "满意度指标 | 服务对象满意度指标 | 群众满意度 | ≥95% |||||||",
    "燃气安全检测服务 | 17.56 | 10.00 | 检测燃气企业 | 产出指标 | 质量指标 | 检测覆盖率 | 100% ||",
    "效益指标 | 社会效益指标 | 安全事故 | 0起 |||||||",
  ]

  static func pipeText(_ rows: [String]) -> [UInt8] { Array((rows.joined(separator: "\n") + "\n").utf8) }

  @Test func listWithDroppedCellsReadsByColumn() throws {
    let document = try Jixiao.parse(Self.pipeText(Self.list), path: "list.txt")
    #expect(document.source.dialect == Dialect.pipe.rawValue)
    #expect(document.projects.map(\.name) == ["餐饮油烟维护经费", "燃气安全检测服务"])
    let first = try #require(document.projects.first)
    #expect(first.funds.total?.yuan == 1_300_000)
    #expect(first.funds.fiscal?.yuan == 1_300_000)
    #expect(first.indicators.map { "\($0.level1 ?? "-")/\($0.level2 ?? "-")/\($0.name ?? "-")/\($0.target.raw)" } == [
      "产出指标/数量指标/维护设施数量/≥50台", "满意度指标/服务对象满意度指标/群众满意度/≥95%",
    ])
    let second = try #require(document.projects.last)
    #expect(second.funds.total?.yuan == 175_600)
    #expect(second.indicators.map(\.name) == ["检测覆盖率", "安全事故"])
  }

  /// The second project gives two amounts for three amount columns: the first is the total,
  /// the other was placed under 财政拨款 by its position, and says so (JX105). The first
  /// project gives all three: nothing to say.
  @Test func fewerAmountsThanColumnsAreMarked() throws {
    let document = try Jixiao.parse(Self.pipeText(Self.list), path: "list.txt")
    let placed = document.diagnostics.filter { $0.code == "JX105" }
    #expect(placed.map(\.span?.line) == [7])
    #expect(placed.first?.arguments.first == "财政拨款")
    #expect(document.projects.last?.funds.fiscal?.yuan == 100_000)
  }
}
