import Testing

@testable import Jixiao

@Suite struct RendererTests {
  static let source = """
    部门项目支出预算绩效目标表
    (2024年度)
    项目名称\t城管队业务工作经费\t\t\t
    主管部门及代码\t平罗县住房和城乡建设局-029\t实施单位\t平罗县城市管理大队\t
    项目资金 (万元)\t年度资金总额:\t50\t\t
    \t其中:财政拨款\t50\t\t
    年度总体目标\t一是开展“六乱”整治，提升市容<p>二是提高管理水平</p>\t\t\t
    名称\t一级指标\t二级指标\t三级指标\t指标值
    绩效指标\t产出指标\t数量指标\t签订数|施划数\t≥96%
    \t\t时效指标\t按时完成各项工作\t2024 年 12 月
    \t效益指标\t社会效益指标\t市容改善, 群众满意\t有效提高

    """

  static func document() throws -> Document {
    try Jixiao.parse(Array(source.utf8), path: "renderer.txt")
  }

  @Test func markdownWritesOneTablePerProjectWithTheReading() throws {
    let text = Renderer.render(try Self.document(), options: .init(format: .markdown))
    let expected = """
      部门项目支出预算绩效目标表

      (2024年度)

      | 项目名称 | 城管队业务工作经费 |  |  |  |  |
      | --- | --- | --- | --- | --- | --- |
      | 主管部门及代码 | 平罗县住房和城乡建设局-029 | 实施单位 | 平罗县城市管理大队 |  |  |
      | 项目资金（万元） | 年度资金总额 | 50 |  |  | 500000 元 |
      |  | 其中：财政拨款 | 50 |  |  | 500000 元 |
      | 年度总体目标 | 一是开展“六乱”整治，提升市容<br>二是提高管理水平 |  |  |  |  |
      | 绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 | 读作 |
      |  | 产出指标 | 数量指标 | 签订数\\|施划数 | ≥96% | quantitative: ≥ 96 % |
      |  |  | 时效指标 | 按时完成各项工作 | 2024 年 12 月 | date: 2024-12-01…2024-12-31 |
      |  | 效益指标 | 社会效益指标 | 市容改善, 群众满意 | 有效提高 | qualitative: 有效提高 |

      """
    #expect(text == expected)
  }

  @Test func rawLeavesTheReadingOut() throws {
    let text = Renderer.render(try Self.document(), options: .init(format: .tsv, raw: true))
    #expect(!text.contains("读作"))
    #expect(!text.contains("500000"))
    #expect(text.contains("年度总体目标\t一是开展“六乱”整治，提升市容<br>二是提高管理水平\t\t\t\n"))
  }

  @Test func htmlHasRealSpansAndEscapes() throws {
    let text = Renderer.render(try Self.document(), options: .init(format: .html, raw: true))
    #expect(text.hasPrefix("<!DOCTYPE html>"))
    #expect(text.contains("<tr><td rowspan=\"2\">项目资金（万元）</td><td>年度资金总额</td><td colspan=\"3\">50</td></tr>"))
    #expect(text.contains("<tr><th rowspan=\"4\">绩效指标</th><th>一级指标</th>"))
    #expect(text.contains("<td rowspan=\"2\">产出指标</td>"))
    #expect(text.contains("提升市容<br>二是提高管理水平"))
    let escaped = Renderer.encode(
      [
        RenderedTable(
          title: "a<b",
          subtitle: nil,
          columnCount: 1,
          rows: [RenderedRow(slots: [RenderedCell("x & \"y\" < z")])]
        )
      ],
      as: .html
    )
    #expect(escaped.contains("<td>x &amp; &quot;y&quot; &lt; z</td>"))
  }

  @Test func csvIsWhatExcelSaves() throws {
    let text = Renderer.render(try Self.document(), options: .init(format: .csv, raw: true))
    #expect(text.hasPrefix("\u{FEFF}部门项目支出预算绩效目标表,,,,\r\n(2024年度),,,,\r\n"))
    #expect(text.contains(",效益指标,社会效益指标,\"市容改善, 群众满意\",有效提高\r\n"))
    #expect(text.contains("年度总体目标,\"一是开展“六乱”整治，提升市容\n二是提高管理水平\",,,\r\n"))
    let records = CSVTokenizer.records(Array(text.utf8.dropFirst(3)))
    #expect(Set(records.map(\.fields.count)).count == 1)
    #expect(DelimitedEncoder.quote("say \"hi\"") == "\"say \"\"hi\"\"\"")
  }

  @Test func alignedColumnsLineUpByDisplayWidth() throws {
    let text = Renderer.render(try Self.document(), options: .init(format: .aligned, raw: true))
    let lines = text.split(separator: "\n").map(String.init)
    // 数量指标 and 时效指标 start at the same display column on their lines.
    func column(of word: String, in line: String) -> Int? {
      guard let range = line.range(of: word) else { return nil }
      return AlignedEncoder.displayWidth(String(line[..<range.lowerBound]))
    }
    let quantity = try #require(lines.first { $0.contains("数量指标") })
    let timeliness = try #require(lines.first { $0.contains("时效指标") })
    #expect(column(of: "数量指标", in: quantity) == column(of: "时效指标", in: timeliness))
    #expect(lines.first?.hasPrefix(" ") == true)  // the title is centred
  }

  @Test func gridTablesLeaveMergedCellsOpen() throws {
    let text = Renderer.render(try Self.document(), options: .init(format: .grid, raw: true))
    let lines = text.split(separator: "\n").map(String.init)
    // Under 项目资金（万元）, the rule is open in the first column and closed in the others.
    let funds = try #require(lines.firstIndex { $0.contains("项目资金（万元）") })
    #expect(lines[funds + 1].hasPrefix("|                  +"))
    #expect(lines.contains { $0.hasPrefix("+---") })
  }

  @Test func listLayoutPutsProjectColumnsOnTheFirstRow() throws {
    let text = Renderer.render(try Self.document(), options: .init(format: .tsv, raw: true, layout: .list))
    let lines = text.split(separator: "\n").map(String.init)
    #expect(lines[2] == "单位编码\t单位(项目)名称\t资金总额\t绩效目标\t一级指标\t二级指标\t三级指标\t指标值")
    #expect(lines[3].hasPrefix("029\t城管队业务工作经费\t50万元\t"))
    #expect(lines[4] == "\t\t\t\t\t时效指标\t按时完成各项工作\t2024 年 12 月")
  }

  @Test func everyFormatReadsBackAsTheSameProjects() throws {
    let document = try Self.document()
    for format in RenderFormat.allCases {
      let text = Renderer.render(document, options: .init(format: format, raw: true))
      let again = try Jixiao.parse(Array(text.utf8), path: "again.txt")
      #expect(again.projects.map(\.name) == document.projects.map(\.name), "\(format)")
      #expect(
        again.projects.flatMap(\.indicators).map { RoundTrip.describe($0.target) }
          == document.projects.flatMap(\.indicators).map { RoundTrip.describe($0.target) },
        "\(format)"
      )
    }
  }
}
