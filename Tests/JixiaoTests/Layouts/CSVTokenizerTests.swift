import Testing

@testable import Jixiao

@Suite struct CSVTokenizerTests {
  /// As Excel saves a sheet: BOM, CRLF, every record as wide as the sheet, a quoted cell
  /// with commas, doubled quotes and line breaks.
  static let sheet =
    "\u{FEFF}部门项目支出预算绩效目标表,,,,\r\n(2024年度),,,,\r\n"
    + "项目名称,城管队业务工作经费,,,\r\n"
    + "项目资金（万元）,年度资金总额,\"1,633.94\",,\r\n"
    + "年度总体目标,\"一是开展\"\"六乱\"\"整治,\r\n二是提升管理水平\",,,\r\n"
    + "绩效指标,一级指标,二级指标,三级指标,指标值\r\n"
    + ",产出指标,数量指标,门前五包签订数,≥96%\r\n"
    + ",,时效指标,按时完成,2024年12月\r\n"

  @Test func detectsExcelExports() throws {
    #expect(try tokenized(Self.sheet).1.dialect == .csv)
  }

  @Test func readsQuotedCells() throws {
    let rows = try cellTexts(tokenized(Self.sheet).1)
    #expect(rows[0] == ["部门项目支出预算绩效目标表", "", "", "", ""])
    #expect(rows[3] == ["项目资金（万元）", "年度资金总额", "1,633.94", "", ""])
    #expect(rows[4] == ["年度总体目标", "一是开展\"六乱\"整治,\n二是提升管理水平", "", "", ""])
    #expect(rows[6] == ["", "产出指标", "数量指标", "门前五包签订数", "≥96%"])
    #expect(rows[7] == ["", "", "时效指标", "按时完成", "2024年12月"])
  }

  @Test func spansPointInsideTheQuotes() throws {
    let (source, grid) = try tokenized(Self.sheet)
    #expect(spansPointAtText(source, grid) { $0.text.contains("\"") } == [])
    let amount = try #require(grid.rows.flatMap(\.cells).first { $0.text == "1,633.94" })
    #expect(amount.span.line == 4)
    #expect(amount.span.column == 18)
    // The BOM is not part of the decoded text but is part of the file's offsets.
    #expect(grid.rows[0].cells[0].span.offset == 3)
  }

  @Test func recordsFollowRFC4180() {
    let bytes = Array("a,\"b,c\",\"d\"\"e\"\n\"multi\nline\",,\n\"x\"tail,y,".utf8)
    let records = CSVTokenizer.records(bytes)
    #expect(records.map(\.fields.count) == [3, 3, 3])
    func text(_ field: CSVTokenizer.Field) -> String { String(decoding: bytes[field.content], as: UTF8.self) }
    #expect(records[0].fields.map(text) == ["a", "b,c", "d\"\"e"])
    #expect(records[1].fields.map(text) == ["multi\nline", "", ""])
    // Text after a closing quote joins the field, as Excel reads it.
    #expect(records[2].fields.map(text) == ["x\"tail", "y", ""])
  }

  @Test func readsGB18030() throws {
    // 项目名称,"城管队,业务经费" / 绩效指标,一级指标,指标值 / ,产出指标,≥96% in GB18030.
    var bytes: [UInt8] = [
      207, 238, 196, 191, 195, 251, 179, 198, 44, 34, 179, 199, 185, 220, 182, 211, 44, 210, 181, 206, 241, 190, 173,
      183, 209, 34, 13, 10,
    ]
    bytes += [
      188, 168, 208, 167, 214, 184, 177, 234, 44, 210, 187, 188, 182, 214, 184, 177, 234, 44, 214, 184, 177, 234, 214,
      181, 13, 10,
    ]
    bytes += [44, 178, 250, 179, 246, 214, 184, 177, 234, 44, 161, 221, 57, 54, 37, 13, 10]
    bytes += [44, 178, 250, 179, 246, 214, 184, 177, 234, 44, 161, 221, 57, 56, 37, 13, 10]
    let (source, report) = try SourceDecoder.decode(bytes, path: "gb.csv")
    #expect(report.encoding == "GB18030")
    let grid = Tokenizer.tokenize(source)
    #expect(grid.dialect == .csv)
    #expect(cellTexts(grid)[0] == ["项目名称", "城管队,业务经费"])
    #expect(cellTexts(grid)[2] == ["", "产出指标", "≥96%"])
    // Offsets are in the GB18030 file: the quoted cell starts after 8 bytes of 项目名称 and `,"`.
    #expect(grid.rows[0].cells[1].span.offset == 10)
  }

  /// A database export: a header, then every cell of every record filled and none quoted
  /// (it was read as text run together, the header's words its only cells).
  @Test func exportWithEveryCellFilled() throws {
    let export = """
      单位名称,项目名称,资金总额,一级指标,二级指标,三级指标,指标值
      某县教育局,学生资助,120,产出指标,数量指标,资助人数,≥500人
      某县教育局,学生资助,120,满意度指标,服务对象满意度指标,学生满意度,≥90%
      某县卫健局,疫苗接种,50,产出指标,数量指标,接种人次,≥1万人次

      """
    #expect(try tokenized(export).1.dialect == .csv)
    // Lines of one width that end as sentences are still prose.
    let minutes = """
      会议时间,2024年3月1日,地点,县财政局会议室,记录人,张三。
      会议议题,审议绩效目标,主持人,李四,参会人,王五。
      会议结论,同意上报,下步工作,按时公开,备注,无。

      """
    #expect(try tokenized(minutes).1.dialect != .csv)
  }

  @Test func proseWithCommasIsNotCSV() throws {
    let prose = """
      根据《预算法》规定,现将2024年度部门项目支出绩效目标公开如下,请予以监督。
      一、项目名称:城管队业务工作经费,资金50万元,其中财政拨款50万元。
      二、绩效目标:提高城市管理水平,改善市容环境,群众满意度达到95%以上。
      三、联系方式:电话0952-1234567,地址:平罗县城关镇,邮编753400。
      附件:绩效目标表.xlsx
      """
    #expect(try tokenized(prose).1.dialect != .csv)
  }

  @Test func tabAndPipeTablesWithAmountsKeepTheirDialect() throws {
    let tabbed = "项目名称\t城管\t\t\n年度资金总额\t450,000.00\t\t\n绩效指标\t一级指标\t二级指标\t指标值\n\t产出指标\t数量指标\t1,200,000\n"
    #expect(try tokenized(tabbed).1.dialect == .tabbed)
    let pipe =
      "| 单位 | 金额 | 备注 |\n| --- | --- | --- |\n| 合计 | 7,548,150 | a,b |\n| 其中 | 1,000 | c,d |\n| 本级 | 2,000 | e |\n"
    #expect(try tokenized(pipe).1.dialect == .markdown)
  }
}
