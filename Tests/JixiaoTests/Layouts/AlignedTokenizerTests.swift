import Testing

@testable import Jixiao

@Suite struct AlignedTokenizerTests {
  /// As `pdftotext -layout` prints a form: columns by display width (CJK two), a wrapped
  /// name under its column, a right-aligned amount, merged level cells blank, and a second
  /// page (form feed) repeating the header.
  static let page = """
                        部门项目支出预算绩效目标表
                              (2024年度)

    项目名称          城管队业务工作经费
    项目资金（万元）  年度资金总额        1,633.94
                      其中：财政拨款        983.28
    绩效指标          一级指标      二级指标        三级指标                      指标值
                      产出指标      数量指标        门前五包签订数、施划停车位    ≥96%
                                                    数量、工作数量等
                                    质量指标        城市市容市貌明显改善          ≥98%
    \u{0C}绩效指标          一级指标      二级指标        三级指标                      指标值
                      满意度指标    服务对象满意度  群众对城市管理满意度提高      ≥95%
                                    指标

    """

  @Test func detectsAlignedColumns() throws {
    #expect(try tokenized(Self.page).1.dialect == .aligned)
  }

  @Test func cellsSitInTheirColumns() throws {
    let rows = try cellTexts(tokenized(Self.page).1)
    #expect(rows[0].filter { !$0.isEmpty } == ["部门项目支出预算绩效目标表"])
    #expect(rows[2] == ["项目名称", "城管队业务工作经费", "", "", ""])
    // Right-aligned amounts stay in the column they sit in.
    #expect(rows[3] == ["项目资金（万元）", "年度资金总额", "1,633.94", "", ""])
    #expect(rows[4] == ["", "其中：财政拨款", "983.28", "", ""])
    #expect(rows[5] == ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"])
  }

  @Test func wrappedCellsAreJoinedBack() throws {
    let rows = try cellTexts(tokenized(Self.page).1)
    #expect(rows[6] == ["", "产出指标", "数量指标", "门前五包签订数、施划停车位\n数量、工作数量等", "≥96%"])
    #expect(rows[7] == ["", "", "质量指标", "城市市容市貌明显改善", "≥98%"])
  }

  @Test func pageBreaksStartRowsAndKeepTheirColumns() throws {
    let grid = try tokenized(Self.page).1
    let rows = grid.rows.filter { !$0.isBlank }
    let repeated = try #require(rows.first { $0.followsPageBreak })
    #expect(repeated.cells.map(\.text) == ["绩效指标", "一级指标", "二级指标", "三级指标", "指标值"])
    // The new page is a region of its own; a level name broken over two lines is joined.
    #expect(rows.last?.cells.map(\.text) == ["", "满意度指标", "服务对象满意度\n指标", "群众对城市管理满意度提高", "≥95%"])
  }

  @Test func spansPointAtCells() throws {
    let (source, grid) = try tokenized(Self.page)
    #expect(spansPointAtText(source, grid) == [])
  }

  @Test func aShortLineIsNotAWrap() throws {
    // 按时完成 leaves room in its column: the next line is a row of its own, not a wrap.
    let text = """
      三级指标              指标值
      按时完成              2024年12月
      验收合格率            100%
      验收合格率下降比例    ≤5%
      """
    let rows = try cellTexts(tokenized(text, .aligned).1)
    #expect(rows == [["三级指标", "指标值"], ["按时完成", "2024年12月"], ["验收合格率", "100%"], ["验收合格率下降比例", "≤5%"]])
  }

  /// A renderer that sets `≥` two columns wide places the line's later pieces one column
  /// right of where this reader, which counts it as one (its East Asian Width is ambiguous),
  /// puts the next line's: the last column's cell on a `≥` line is then two columns short
  /// of the widest (one for the CJK character that did not fit) and still wraps.
  @Test func aPieceOneColumnOffStillContinues() throws {
    let text = """
      三级指标      指标值       评(扣)分标准
      城管协管员对  ≥90%        满意度90%以上得满分，每下降1%
      工资的满意度               扣0.1分。
      清扫保洁面积  628平方米    实际面积大于指标值的得满分，共
                                 计20分。
      """
    let rows = try cellTexts(tokenized(text, .aligned).1)
    #expect(rows.count == 3, "\(rows)")
    #expect(rows.dropFirst().map(\.last) == ["满意度90%以上得满分，每下降1%\n扣0.1分。", "实际面积大于指标值的得满分，共\n计20分。"])
  }

  /// A paragraph under a cell one column off (an ambiguous-width `“` earlier on one of the
  /// lines) is the cell's next paragraph.
  @Test func aParagraphOneColumnOffContinues() throws {
    let text = """
      三级指标          指标值     评(扣)分标准
      群众满意度        ≥90%      满意度90%以上得满分。
                                   每下降1%扣0.1分。
      """
    let rows = try cellTexts(tokenized(text, .aligned).1)
    #expect(rows == [["三级指标", "指标值", "评(扣)分标准"], ["群众满意度", "≥90%", "满意度90%以上得满分。\n每下降1%扣0.1分。"]])
  }

  /// Sichuan's list indents each project under its unit (`  公共文化服务体系建设经费`): the
  /// indented names are the header's column, not a column of their own that pushed every
  /// cell after them one column on.
  @Test func indentedCellsKeepTheirColumn() throws {
    let text = """
      单位名称（项目名称）      一级指标    二级指标      三级指标              指标值
        公共文化服务体系建设经费  产出指标    数量指标      开展群众文化活动场次  120场次
                                              质量指标      活动验收合格率        ≥95%
        全民健身赛事活动经费      产出指标    数量指标      举办赛事次数          8次
      """
    let rows = try cellTexts(tokenized(text, .aligned).1)
    #expect(rows.map(\.count) == [5, 5, 5, 5], "\(rows)")
    #expect(rows[1] == ["公共文化服务体系建设经费", "产出指标", "数量指标", "开展群众文化活动场次", "120场次"])
    #expect(rows[3] == ["全民健身赛事活动经费", "产出指标", "数量指标", "举办赛事次数", "8次"])
  }

  /// A limit of the layout, not a reading stage's: after a line that nearly fills its
  /// column, a row whose cell starts with a Latin word that would not have fitted there,
  /// beside a wide value in the last column, looks exactly like a wrapped row. It reads as
  /// one. (The round-trip property starts such names with a CJK character in this dialect.)
  @Test func aLatinWordAfterANearlyFullLineIsAmbiguous() throws {
    let text = """
      三级指标                        指标值
      对新建在建违法建筑和重点类型    控制在12000平方米以内
      存量违建情况现场核查次数        ≥1,200（百分比）
      群众对城市管理满意度提高        控制在12000平方米以内
      PM2.5浓度下降比例               96%
      """
    let rows = try cellTexts(tokenized(text, .aligned).1)
    withKnownIssue("A1: a row that looks like a wrap reads as one") {
      #expect(rows.last == ["PM2.5浓度下降比例", "96%"])
    }
  }

  @Test func piecesCountCJKAsTwoColumns() {
    let bytes = Array("名称  ab  数量指标".utf8)
    let pieces = AlignedTokenizer.pieces(bytes, 0..<bytes.count)
    #expect(pieces.map(\.start) == [0, 6, 10])
    #expect(pieces.map(\.end) == [4, 8, 18])
  }

  @Test func proseAndSingleSpacedTextAreNotAligned() throws {
    let prose = """
      根据《预算法》规定，现将2024年度部门项目支出绩效目标公开如下。
          一、项目名称：城管队业务工作经费，资金50万元。
          二、绩效目标：提高城市管理水平。
      项目名称 城管队业务工作经费 主管部门 平罗县住房和城乡建设局
      """
    #expect(try tokenized(prose).1.dialect != .aligned)
  }
}
