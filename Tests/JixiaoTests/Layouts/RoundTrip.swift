import FoundationEssentials

@testable import Jixiao

/// Renders a `DocumentPlan` in a dialect, reads it back through `Jixiao.parse`, and lists
/// every way the reading differs from the plan.
enum RoundTrip {
  /// The dialects a plan is written in, with the output format that writes them. Pipe rows
  /// as converters leave them are markdown without its `---` rows.
  static let formats: [(Dialect, RenderFormat)] = [
    (.tabbed, .tsv), (.markdown, .markdown), (.pipe, .markdown), (.html, .html), (.csv, .csv), (.aligned, .aligned),
    (.gridTable, .grid), (.cellPerLine, .tsv), (.plain, .tsv),
  ]

  static func format(of dialect: Dialect) -> RenderFormat? {
    formats.first { $0.0 == dialect }?.1
  }

  /// The plan as a document for the renderer: only what the tables show.
  static func document(_ plan: DocumentPlan) -> Document {
    var document = Document(
      source: SourceInfo(
        path: "plan",
        sha256: "",
        bytes: 0,
        encoding: "UTF-8",
        encodingConfidence: 100,
        hasBOM: false,
        lineEnding: "LF",
        lines: 0,
        dialect: "tabbed"
      )
    )
    let span = SourceSpan(line: 1, column: 1, offset: 0)
    let title = plan.layout == .list ? "项目支出绩效目标表" : "部门项目支出预算绩效目标表"
    document.tables = [TableInfo(index: 0, kind: .projectTargets, title: title, year: plan.year, span: span)]
    for projectPlan in plan.projects {
      var project = Project(table: 0, span: span)
      project.name = projectPlan.name
      project.department = Department(name: projectPlan.department, code: projectPlan.departmentCode)
      project.implementingUnit = projectPlan.implementingUnit
      project.funds = funds(projectPlan.total, plan)
      project.goals.annual = projectPlan.goal
      project.indicators = projectPlan.indicators.map(indicator)
      document.projects.append(project)
    }
    if let departmentPlan = plan.department {
      document.tables.append(
        TableInfo(index: 1, kind: .departmentTargets, title: "部门整体支出绩效目标表", year: plan.year, span: span))
      var department = DepartmentTarget(table: 1, span: span)
      department.name = departmentPlan.name
      department.funds = funds(departmentPlan.total, plan)
      department.goals.annual = departmentPlan.goal
      department.indicators = departmentPlan.indicators.map(indicator)
      document.departments.append(department)
    }
    return document
  }

  /// A total as the table writes it (its unit in the cell or in the header), all of it
  /// fiscal: only what the renderer prints.
  static func funds(_ total: String, _ plan: DocumentPlan) -> Funds {
    let amount = Amount(
      yuan: 0, value: 0, raw: written(total, plan), unit: plan.moneyUnit.rawValue,
      unitSource: plan.unitInCell ? .cell : .header, decimals: 0, span: SourceSpan(line: 1, column: 1, offset: 0))
    var funds = Funds()
    funds.total = amount
    funds.fiscal = amount
    return funds
  }

  /// A planned total as its cell shows it.
  static func written(_ total: String, _ plan: DocumentPlan) -> String {
    total + (plan.unitInCell ? plan.moneyUnit.rawValue : "")
  }

  /// What the planned total is in 元.
  static func plannedYuan(_ total: String, _ plan: DocumentPlan) -> Decimal? {
    AmountReader.read(written(total, plan), defaultUnit: plan.moneyUnit)?.yuan
  }

  static func indicator(_ plan: IndicatorPlan) -> Indicator {
    var indicator = Indicator(target: Target(raw: plan.target, kind: .text), span: SourceSpan(line: 1, column: 1, offset: 0))
    indicator.level1Raw = plan.level1
    indicator.level2Raw = plan.level2
    indicator.name = plan.name
    indicator.valueType = plan.valueType
    indicator.unitColumn = plan.unitColumn
    indicator.horizon = plan.horizon
    return indicator
  }

  /// The plan's tables, with its page break.
  static func tables(_ plan: DocumentPlan) -> [RenderedTable] {
    var tables = Renderer.tables(document(plan), raw: true, layout: plan.layout)
    if let pageBreak = plan.pageBreak, !tables.isEmpty {
      tables[0] = Pagination.breakPage(tables[0], beforeIndicatorRow: pageBreak.row, mergedCells: pageBreak.mergedCells)
    }
    return tables
  }

  static func text(_ plan: DocumentPlan, _ dialect: Dialect) -> String {
    guard let format = format(of: dialect) else { return "" }
    let text = Renderer.encode(tables(plan), as: format)
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    switch dialect {
    case .pipe:
      return lines.filter { !($0.hasPrefix("| ---") && $0.allSatisfy { "|- ".contains($0) }) }.joined(separator: "\n")
    case .cellPerLine:
      // A docx export: every cell on its own line led by a tab, a blank line after each row.
      return lines.map { line in
        line.isEmpty ? "" : line.split(separator: "\t", omittingEmptySubsequences: false).map { "\t" + $0 }.joined(separator: "\n") + "\n"
      }.joined(separator: "\n")
    case .plain:
      // Text copied from a rendered page: cells apart by runs of blanks, empty cells gone.
      return lines.map { line in
        line.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: "    ")
      }.joined(separator: "\n")
    default:
      return text
    }
  }

  /// What is wrong with the reading of `plan` written in `dialect`; empty when nothing.
  static func problems(_ plan: DocumentPlan, _ dialect: Dialect) -> [String] {
    let text = text(plan, dialect)
    let document: Document
    // A generated form is a dozen lines whose labels are mostly four characters wide: joined
    // by runs of blanks, their gaps line up by chance and detection takes them for
    // space-aligned text. Real copied pages (Corpus/public 101–105) are longer and detected;
    // here the property is about reading, so the dialect is given.
    let given: Dialect? = dialect == .plain ? .plain : nil
    do {
      document = try Jixiao.parse(Array(text.utf8), path: "generated.txt", options: ParseOptions(dialect: given))
    } catch {
      return ["not read: \(error.message)"]
    }
    var problems: [String] = []
    // Padded columns whose gaps all come out one width (a short list whose cells are all of
    // one length) are text copied from a page by every measure the detector has
    // (`AlignedTokenizer.hasUniformGaps`); both read cells at runs of blanks, so the reading,
    // still compared below, is what must hold.
    let sameCut = dialect == .aligned && document.source.dialect == Dialect.plain.rawValue
    if document.source.dialect != dialect.rawValue && !sameCut {
      problems.append("detected as \(document.source.dialect)")
    }
    guard document.projects.count == plan.projects.count else {
      let names = document.projects.map { $0.name ?? "-" }.joined(separator: ", ")
      return problems + ["\(document.projects.count) projects (\(names)), expected \(plan.projects.count)"]
    }
    for (project, expected) in zip(document.projects, plan.projects) {
      problems += compare(project, expected, plan)
    }
    return problems + compareDepartments(document.departments, plan)
  }

  static func compareDepartments(_ departments: [DepartmentTarget], _ plan: DocumentPlan) -> [String] {
    guard let expected = plan.department else {
      return departments.isEmpty ? [] : ["\(departments.count) department tables, expected none"]
    }
    guard departments.count == 1, let department = departments.first else {
      return ["\(departments.count) department tables, expected 1"]
    }
    var problems: [String] = []
    let label = "department " + expected.name
    if key(department.name) != key(expected.name) { problems.append("\(label): name '\(department.name ?? "-")'") }
    let yuan = plannedYuan(expected.total, plan)
    if department.funds.total?.yuan != yuan {
      problems.append("\(label): funds \(department.funds.total.map { "\($0.yuan)" } ?? "-") 元, expected \(yuan.map { "\($0)" } ?? "-")")
    }
    if key(department.goals.annual) != key(expected.goal) {
      problems.append("\(label): goal '\(department.goals.annual ?? "-")', expected '\(expected.goal ?? "-")'")
    }
    return problems + compareIndicators(department.indicators, expected.indicators, label: label, plan)
  }

  static func compare(_ project: Project, _ expected: ProjectPlan, _ plan: DocumentPlan) -> [String] {
    var problems: [String] = []
    let label = expected.name
    if key(project.name) != key(expected.name) {
      problems.append("name '\(project.name ?? "-")', expected '\(expected.name)'")
    }
    let yuan = plannedYuan(expected.total, plan)
    if project.funds.total?.yuan != yuan {
      problems.append(
        "\(label): funds \(project.funds.total.map { "\($0.yuan)" } ?? "-") 元, expected \(yuan.map { "\($0)" } ?? "-")"
      )
    }
    if key(project.goals.annual) != key(expected.goal) {
      problems.append("\(label): goal '\(project.goals.annual ?? "-")', expected '\(expected.goal ?? "-")'")
    }
    if plan.layout == .form {
      if key(project.department.name) != key(expected.department) || project.department.code != expected.departmentCode
      {
        problems.append(
          "\(label): department \(project.department), expected \(expected.department ?? "-") \(expected.departmentCode ?? "-")"
        )
      }
      if key(project.implementingUnit) != key(expected.implementingUnit) {
        problems.append(
          "\(label): unit '\(project.implementingUnit ?? "-")', expected '\(expected.implementingUnit ?? "-")'"
        )
      }
      if project.funds.fiscal?.yuan != yuan {
        problems.append("\(label): fiscal funds \(String(describing: project.funds.fiscal?.yuan))")
      }
    }
    return problems + compareIndicators(project.indicators, expected.indicators, label: label, plan)
  }

  static func compareIndicators(_ indicators: [Indicator], _ expected: [IndicatorPlan], label: String, _ plan: DocumentPlan) -> [String] {
    var problems: [String] = []
    guard indicators.count == expected.count else {
      let read = indicators.map { "\($0.level2 ?? "-")/\($0.name ?? "-")/\($0.target.raw)" }.joined(separator: "; ")
      return ["\(label): \(indicators.count) indicators (\(read)), expected \(expected.count)"]
    }
    for (index, (indicator, want)) in zip(indicators, expected).enumerated() {
      let at = "\(label) #\(index + 1) \(want.name)"
      let level1 = LevelVocabulary.level1(TextKey.make(want.level1))?.rawValue
      let level2 = LevelVocabulary.level2(TextKey.make(want.level2))?.rawValue
      if indicator.level1 != level1 || indicator.level2 != level2 {
        problems.append(
          "\(at): levels \(indicator.level1 ?? "-")/\(indicator.level2 ?? "-"), expected \(level1 ?? "-")/\(level2 ?? "-")"
        )
      }
      if key(indicator.name) != key(want.name) { problems.append("\(at): name '\(indicator.name ?? "-")'") }
      if indicator.horizon != want.horizon { problems.append("\(at): horizon \(indicator.horizon)") }
      let context = TargetContext(
        unitColumn: want.unitColumn.flatMap { $0.isEmpty ? nil : $0 },
        operatorColumn: want.valueType.flatMap { $0.isEmpty ? nil : $0 },
        budgetYear: plan.year
      )
      // A target wrapped over lines keeps its line break in `raw`; its reading is that of the
      // text as planned.
      let reading = describe(TargetGrammar.read(want.target, context: context))
      if describe(indicator.target) != reading {
        problems.append(
          "\(at): target '\(indicator.target.raw)' read \(describe(indicator.target)), expected \(reading)"
        )
      }
    }
    return problems
  }

  /// A target's reading, spans and raw text aside.
  static func describe(_ target: Target) -> String {
    var parts = ["\(target.kind.rawValue)"]
    if let op = target.op { parts.append(op.rawValue) }
    if let value = target.value { parts.append("\(value)") }
    if let unit = target.unit { parts.append(unit) }
    if let yuan = target.yuan { parts.append("¥\(yuan)") }
    if target.min != nil || target.max != nil {
      parts.append("[\(target.min.map { "\($0)" } ?? "")…\(target.max.map { "\($0)" } ?? "")]")
    }
    if let date = target.date { parts.append("\(date.start)…\(date.end)") }
    if let rank = target.rank { parts.append("#\(rank)") }
    if let grade = target.grade { parts.append(grade) }
    if !target.parts.isEmpty { parts.append("(" + target.parts.map(describe).joined(separator: "; ") + ")") }
    return parts.joined(separator: " ")
  }

  /// Text compared without blanks and line breaks (a wrapped cell comes back with `\n`).
  static func key(_ text: String?) -> String? {
    text.map { TextKey.make(CellText.clean($0)) }.flatMap { $0.isEmpty ? nil : $0 }
  }
}

/// Page breaks in a rendered table, as a PDF or a paged export makes them.
enum Pagination {
  /// Breaks the page before the `row`-th indicator row (0-based, after the first indicator
  /// header): the header row is printed again, and each merged cell that went on across the
  /// break is cut in two, its lower part blank or with its text again.
  static func breakPage(
    _ table: RenderedTable,
    beforeIndicatorRow row: Int,
    mergedCells: PageBreakPlan.MergedCells
  ) -> RenderedTable {
    guard let first = table.rows.firstIndex(where: \.isHeader) else { return table }
    let indicatorRows = table.rows.indices.filter { $0 > first && !table.rows[$0].isHeader }
    guard row < indicatorRows.count else { return table }
    let at = indicatorRows[row]
    guard let header = table.rows[..<at].lastIndex(where: \.isHeader) else { return table }
    var rows = table.rows
    var repeated = rows[header]
    repeated.startsPage = true
    for column in repeated.slots.indices {
      guard let cell = repeated.slots[column], cell.rowSpan > 1 else { continue }
      repeated.slots[column]?.rowSpan = header + cell.rowSpan - at + 1
    }
    for rowIndex in 0..<at {
      for column in rows[rowIndex].slots.indices {
        guard let cell = rows[rowIndex].slots[column], rowIndex + cell.rowSpan > at else { continue }
        let remaining = rowIndex + cell.rowSpan - at
        rows[rowIndex].slots[column]?.rowSpan = at - rowIndex
        // The repeated header covers its own spans; other merged cells restart on the new page.
        if rowIndex == header && repeated.slots[column] != nil { continue }
        let text = mergedCells == .repeated ? cell.text : ""
        rows[at].slots[column] = RenderedCell(text, rowSpan: remaining, columnSpan: cell.columnSpan)
      }
    }
    rows.insert(repeated, at: at)
    return RenderedTable(title: table.title, subtitle: table.subtitle, columnCount: table.columnCount, rows: rows)
  }
}
