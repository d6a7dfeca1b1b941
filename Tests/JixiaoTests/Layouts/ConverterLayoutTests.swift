import FoundationEssentials
import Testing

@testable import Jixiao

/// Real documents' rows written again the way the converters behind `Corpus/public/` write a
/// page (see its SOURCES.md): each must read as the document itself does. The public texts
/// show each converter on one or two templates; these cases put the seeds' and the public
/// documents' templates through every one of them, which is what an unseen disclosure does.
///
/// - `spaced`: rendered text, one row a line, a single blank between cells, empty cells gone
///   (101, 102, 103); `spacedNoBreak` and `spacedIdeographic` with U+00A0 or U+3000 for the
///   blank, as some of those pages probably had (SOURCES.md).
/// - `spacedTwoBlanks` and `spacedWideGaps`: two blanks, or an ideographic space, between
///   cells and single blanks inside them (`&nbsp; ` written as two spaces, SOURCES.md): each
///   cell whole, and no layout of columns, whatever columns cells of one width line up.
/// - `tabCollapsed`: tab rows as a browser copies a page's table, empty and merged cells left
///   out (the layout the public corpus lacks, SOURCES.md: "tab-separated rows").
/// - `pipeCollapsed`: `a | b | c ||||`, empty cells dropped and their pipes written after the
///   last cell (108, 112).
/// - `markdownCollapsed`: the same with a leading and a closing pipe (111, 115).
/// - `cellPerLinePipe`: one cell a line ending ` |`, the dropped cells' pipes on a line of
///   their own, a lone `|` after each row (104, 109).
/// - `cellPerLineRows`: one cell a line and a blank line after each row, empty cells gone (an
///   empty cell would be a blank line): read by what the cells are.
/// - `cellPerLineBlank`: one cell a line with a blank line after it, an empty cell a single
///   space (110).
/// - `latex`: a LaTeX tabular, every cell kept (`a &  & b \\ \hline`), `≥` as `$\geq$`.
/// - `latexMerged`: as Mathpix writes a PDF's table: rules at the rows' starts, a row's
///   trailing empty cells folded into `\multicolumn{n}{|c|}{…}`, symbols as `\(\geq\)`.
@Suite struct ConverterLayoutTests {
  enum Layout: String, CaseIterable, Sendable {
    case spaced, spacedNoBreak, spacedIdeographic, spacedTwoBlanks, spacedWideGaps, tabCollapsed, pipeCollapsed,
      markdownCollapsed, cellPerLinePipe, cellPerLineRows, cellPerLineBlank, latex, latexMerged

    /// A cell's text in LaTeX: special characters escaped, `≥` and `≤` in math, between `$`
    /// or between `\(` and `\)`.
    static func escaped(_ text: String, math: Character) -> String {
      let (open, close) = math == "$" ? ("$", "$") : (#"\("#, #"\)"#)
      var out = ""
      for character in text {
        switch character {
        case "\\": out += #"\textbackslash{}"#
        case "%", "&", "_", "#", "$", "{", "}": out += "\\" + String(character)
        case "≥": out += open + #"\geq"# + close
        case "≤": out += open + #"\leq"# + close
        default: out.append(character)
        }
      }
      return out
    }

    /// Whether the layout writes each cell in its column, empty ones too.
    var placesEveryCell: Bool { self == .latex || self == .latexMerged }

    func write(_ rows: [[String]], endsWithLineBreak: Bool) -> String {
      var lines: [String] = []
      for cells in rows {
        let written = cells.filter { !$0.isEmpty }
        let dropped = cells.count - written.count
        let pipes = dropped > 0 ? " " + String(repeating: "|", count: dropped) : ""
        switch self {
        case .spaced: lines.append(written.joined(separator: " "))
        // Blanks inside cells too: a page that writes &nbsp; writes it everywhere.
        case .spacedNoBreak: lines.append(written.joined(separator: " ").replacing(" ", with: "\u{00A0}"))
        case .spacedIdeographic: lines.append(written.joined(separator: " ").replacing(" ", with: "\u{3000}"))
        case .spacedTwoBlanks: lines.append(written.joined(separator: "  "))
        case .spacedWideGaps: lines.append(written.joined(separator: "\u{3000}"))
        case .tabCollapsed: lines.append(written.joined(separator: "\t"))
        case .pipeCollapsed: lines.append(written.joined(separator: " | ") + pipes)
        case .markdownCollapsed: lines.append("| " + written.joined(separator: " | ") + " |" + pipes)
        case .cellPerLinePipe:
          lines += written.map { $0 + " |" }
          if dropped > 0 { lines.append(String(repeating: "|", count: dropped)) }
          lines.append("|")
        case .cellPerLineRows: lines += written + [""]
        case .cellPerLineBlank:
          for cell in cells { lines += [cell.isEmpty ? " " : cell, ""] }
          lines.append("")
        case .latex:
          lines.append(cells.map { Self.escaped($0, math: "$") }.joined(separator: " & ") + #" \\ \hline"#)
        case .latexMerged:
          let last = cells.lastIndex { !$0.isEmpty } ?? 0
          var written = cells[..<last].map { Self.escaped($0, math: "(") }
          let folded = Self.escaped(cells.isEmpty ? "" : cells[last], math: "(")
          written.append(cells.count - last > 1 ? "\\multicolumn{\(cells.count - last)}{|c|}{ \(folded) }" : folded)
          lines.append(#"\hline "# + written.joined(separator: " & ") + #" \\"#)
        }
      }
      if placesEveryCell {
        let width = rows.map(\.count).max() ?? 1
        lines = [#"\begin{tabular}{|"# + String(repeating: "c|", count: width) + "}"] + lines + [#"\end{tabular}"#]
        return lines.joined(separator: "\n") + "\n"
      }
      let text = lines.joined(separator: "\n")
      // A copy cut off in its last cell stays cut off there.
      guard !endsWithLineBreak else { return text + "\n" }
      guard let last = rows.last?.last(where: { !$0.isEmpty }), let end = text.range(of: last, options: .backwards)
      else { return text }
      return String(text[..<end.upperBound])
    }
  }

  struct Case: Sendable, CustomStringConvertible {
    var document: String
    var layouts: [Layout]
    /// Facts read differently, and why (`-` the document's, `+` the re-laid one's).
    var differences: [String] = []
    var description: String { document }
  }

  static let cases: [Case] = [
    Case(document: "seeds/000_68f22dc76fd3e3d9", layouts: Layout.allCases),
    Case(document: "seeds/002_438dc74306bca1aa", layouts: Layout.allCases),
    // One cell a line with blank lines, the seed's rows of dashes and its shifted rows (a
    // target three columns right of its name) are rebuilt as other rows.
    Case(document: "seeds/003_9b738d0a732a3c4b", layouts: Layout.allCases.filter { $0 != .cellPerLineBlank }),
    Case(
      document: "seeds/001_cb4f80606216139f",
      layouts: [
        .pipeCollapsed, .markdownCollapsed, .cellPerLinePipe, .spacedTwoBlanks, .spacedWideGaps, .spaced, .tabCollapsed,
        .cellPerLineRows,
      ],
      differences: [
        // A second row under one indicator, its merged name and target dropped: with only
        // an explanation, a rule and a weight left, it reads as an indicator without a target.
        "- 产出指标/数量指标 协管员编制人数: quantitative = 22 人",
        "+ 产出指标/数量指标 局直属协管员编配人数: empty",
      ]),
    // With every empty cell kept, the second row keeps its place under the first.
    Case(document: "seeds/001_cb4f80606216139f", layouts: [.latex, .latexMerged]),
    Case(document: "public/101", layouts: Layout.allCases),
    Case(document: "public/102", layouts: Layout.allCases),
    Case(document: "public/103", layouts: Layout.allCases),
    Case(document: "public/104", layouts: Layout.allCases),
    Case(document: "public/108", layouts: Layout.allCases),
    Case(document: "public/109", layouts: Layout.allCases),
    Case(document: "public/110", layouts: Layout.allCases),
    Case(
      document: "public/111",
      layouts: [
        .spaced, .spacedNoBreak, .spacedIdeographic, .spacedTwoBlanks, .spacedWideGaps, .tabCollapsed, .pipeCollapsed,
        .markdownCollapsed, .cellPerLinePipe, .cellPerLineRows, .latex, .latexMerged,
      ]),
    Case(
      document: "public/112",
      layouts: [
        .spaced, .spacedNoBreak, .spacedIdeographic, .spacedTwoBlanks, .spacedWideGaps, .tabCollapsed, .pipeCollapsed,
        .markdownCollapsed, .cellPerLinePipe, .cellPerLineRows, .latex, .latexMerged,
      ]),
  ]

  /// Tab rows with a merged cell's place kept (a leading tab, or empty cells inside many rows)
  /// are an exporter's, their positions trusted; rows of several widths without one are a
  /// browser's copy, which keeps a cell empty in the page (a goal not filled in) but drops a
  /// merged one. Rows all of one width say nothing either way: tabbed.
  @Test func tabRowsThatDropTheirEmptyCells() {
    func dialect(_ text: String) -> Dialect { DialectDetector.detectLayout(SourceText.byReference(Array(text.utf8))) }
    let copied = "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t上报案件量\t70000\n质量指标\t案件处置率\t≥90%\n时效指标\t处置时限\t3天\n"
    #expect(dialect(copied) == .tabbedCollapsed)
    #expect(dialect(copied.replacing("\n质量", with: "\n\t质量")) == .tabbed)
    #expect(dialect(copied.replacing("\t处置时限", with: "\t\t处置时限")) == .tabbedCollapsed)
    #expect(dialect(copied.replacing("\t处置时限", with: "\t\t处置时限").replacing("\t案件处置率", with: "\t\t案件处置率")) == .tabbed)
    #expect(dialect(copied.replacing("\t3天", with: "\t3天\t\t")) == .tabbedCollapsed)
    let full = "一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t上报案件量\t70000\n产出指标\t质量指标\t案件处置率\t≥90%\n产出指标\t时效指标\t处置时限\t3天\n"
    #expect(dialect(full) == .tabbed)
  }

  /// A cell of two paragraphs copied from Word or a page as tab rows splits its row in two
  /// lines, the cells before the break on one and those after on the next (`培训` ⏎ `人数 │
  /// ≥100人`), or the last cell's second paragraph on a line of its own under the row: one
  /// row, and the rows still an exporter's (the narrower lines read as a browser's copy, and
  /// each piece as an indicator without a target). The title of the next table is no part
  /// of the row above it.
  @Test func aLineBreakInACellSplitsItsRow() throws {
    let text = [
      "项目支出绩效目标表", "项目名称\t测试项目", "年度资金总额（万元）\t100", "一级指标\t二级指标\t三级指标\t指标值",
      "产出指标\t数量指标\t培训", "人数\t≥100人", "产出指标\t质量指标\t合格率\t≥95%", "效益指标\t社会效益指标\t能力提升\t明显", "提升",
      "满意度指标\t服务对象满意度指标\t满意度\t≥90%", "项目支出绩效目标表", "项目名称\t第二个项目",
      "一级指标\t二级指标\t三级指标\t指标值", "产出指标\t数量指标\t讲座场次\t≥4场",
    ].joined(separator: "\n") + "\n"
    let document = try Jixiao.parse(Array(text.utf8), path: "split.txt")
    #expect(document.source.dialect == "tabbed")
    #expect(document.projects.map(\.name) == ["测试项目", "第二个项目"])
    let indicators = try #require(document.projects.first?.indicators)
    #expect(indicators.map(\.name) == ["培训人数", "合格率", "能力提升", "满意度"])
    #expect(indicators.map(\.target.raw) == ["≥100人", "≥95%", "明显\n提升", "≥90%"])
    #expect(indicators[0].target.value == 100)
    #expect(!document.diagnostics.contains { $0.code == "JX308" })
  }

  /// The document's rows as its own dialect reads them: each cell's text, empty cells kept.
  static func rows(_ bytes: [UInt8], path: String) throws -> [[String]] {
    let (text, _) = try SourceDecoder.decode(bytes, path: path, encoding: nil)
    var grid = Tokenizer.tokenize(text, dialect: nil)
    if grid.dialect.isCellStream { grid = StreamRegrouper.regroup(grid, readings: TargetReadings(simplifiesScript: text.isTraditional)) }
    return grid.rows.filter { !$0.isBlank }.map { row in row.cells.map { $0.text.replacing("\n", with: "") } }
  }

  /// What a reader of the output compares: names, funds, levels, targets.
  static func facts(_ document: Document) -> [String] {
    var lines: [String] = []
    func entity(_ kind: String, _ name: String?, _ funds: Funds, _ indicators: [Indicator]) {
      lines.append("\(kind) \(RoundTrip.key(name) ?? "-") total \(funds.total.map { "\($0.yuan)" } ?? "-")")
      for indicator in indicators {
        lines.append(
          "\(indicator.level1 ?? "-")/\(indicator.level2 ?? "-") \(RoundTrip.key(indicator.name) ?? "-"): "
            + RoundTrip.describe(indicator.target))
      }
    }
    for project in document.projects { entity("project", project.name, project.funds, project.indicators) }
    for department in document.departments {
      entity("department", department.name, department.funds, department.indicators)
    }
    return lines
  }

  /// The facts only one side has, `-` the first's and `+` the second's, in order.
  static func differences(_ expected: [String], _ read: [String]) -> [String] {
    let difference = read.difference(from: expected)
    return difference.removals.map { change -> String in
      if case .remove(_, let line, _) = change { return "- " + line }
      return ""
    } + difference.insertions.map { change -> String in
      if case .insert(_, let line, _) = change { return "+ " + line }
      return ""
    }
  }

  @Test(arguments: cases)
  func readsAsTheDocumentDoes(_ testCase: Case) throws {
    let path = "Corpus/\(testCase.document).txt"
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + path))
    let parsed = try Jixiao.parse(bytes, path: path)
    let original = Self.facts(parsed)
    try #require(original.count > 1)
    let rows = try Self.rows(bytes, path: path)
    // A tabular puts every cell in its column: rows whose dialect dropped their empty cells
    // (spaced, collapsed pipes, a rebuilt stream) do not say which that is.
    for layout in testCase.layouts where !layout.placesEveryCell || Dialect(rawValue: parsed.source.dialect)?.keepsEmptyCells == true {
      let text = layout.write(rows, endsWithLineBreak: bytes.last == 0x0A)
      let document = try Jixiao.parse(Array(text.utf8), path: "\(testCase.document).\(layout.rawValue).txt")
      let found = Self.differences(original, Self.facts(document))
      #expect(found == testCase.differences, "\(testCase.document) as \(layout.rawValue):\n\(found.joined(separator: "\n"))")
    }
  }
}
