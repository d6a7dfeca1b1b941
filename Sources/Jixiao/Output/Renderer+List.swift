/// The projects of one table as a wide list, the layout of multi-project 绩效目标表:
///
/// ```
/// 单位编码 │ 单位(项目)名称 │ 资金总额 │ 绩效目标 │ 一级指标 │ 二级指标 │ 三级指标 │ 指标值
/// 101001   │ 城管队业务经费 │ 50万元   │ …        │ 产出指标 │ 数量指标 │ …        │ ≥96%
///          │                │          │          │          │ 质量指标 │ …        │ ≥98%
/// ```
///
/// A project's columns are merged cells over its indicator rows. Amounts carry their unit in
/// the cell, since a list has no funds group label to state it.
struct ListLayout {
  let document: Document
  let raw: Bool

  func table(_ info: TableInfo, _ projects: [Project]) -> RenderedTable {
    let columns = IndicatorColumns(projects.flatMap(\.indicators))
    let hasCode = projects.contains { $0.department.code != nil }
    let hasGoal = projects.contains { $0.goals.annual != nil }
    var projectHeaders = ["单位(项目)名称", "资金总额"]
    if hasCode { projectHeaders.insert("单位编码", at: 0) }
    if hasGoal { projectHeaders.append("绩效目标") }
    let width = projectHeaders.count + 2 + columns.count + (raw ? 0 : 1)
    var builder = RenderedTable.Builder(columnCount: width)
    builder.add(
      projectHeaders.map { RenderedCell($0) } + ["一级指标", "二级指标"].map { RenderedCell($0) }
        + columns.headers.map { RenderedCell($0) } + (raw ? [] : [RenderedCell("读作")]),
      isHeader: true
    )
    for project in projects {
      let rows = max(project.indicators.count, 1)
      var first: [RenderedCell] = []
      if hasCode { first.append(RenderedCell(project.department.code ?? "", rowSpan: rows)) }
      first.append(RenderedCell(project.name ?? "", rowSpan: rows))
      first.append(RenderedCell(project.funds.total.map(ReadingText.written) ?? "", rowSpan: rows))
      if hasGoal { first.append(RenderedCell(project.goals.annual ?? "", rowSpan: rows)) }
      guard !project.indicators.isEmpty else {
        builder.add(first)
        continue
      }
      let runs = LevelRuns(project.indicators)
      for (index, indicator) in project.indicators.enumerated() {
        var cells = index == 0 ? first : []
        if let cell = runs.level1[index] { cells.append(cell) }
        if let cell = runs.level2[index] { cells.append(cell) }
        cells += columns.cells(indicator).map { RenderedCell($0) }
        if !raw { cells.append(RenderedCell(ReadingText.target(indicator.target))) }
        builder.add(cells)
      }
    }
    return builder.table(title: info.title ?? "项目支出绩效目标表", subtitle: info.year.map { "(\($0)年度)" })
  }
}

/// The texts the renderer writes for amounts and targets: as written, and their reading.
enum ReadingText {
  /// The amount as written, with its unit when the unit came from a header.
  static func written(_ amount: Amount) -> String {
    amount.unitSource == .cell ? amount.raw : amount.raw + amount.unit
  }

  /// `500000 元`.
  static func amount(_ amount: Amount) -> String {
    "\(DecimalText.plain(amount.yuan)) 元"
  }

  /// `quantitative: ≥ 96 %`, `date: 2024-12-01…2024-12-31` …
  static func target(_ target: Target) -> String {
    let detail: String
    switch target.kind {
    case .quantitative:
      let number = target.value.map(DecimalText.plain) ?? ""
      detail = [target.op.map(symbol), number, target.unit].compactMap { $0 }.joined(separator: " ") + yuan(target)
    case .range:
      let range = [target.min, target.max].map { $0.map(DecimalText.plain) ?? "" }.joined(separator: "…")
      detail = [range, target.unit].compactMap { $0 }.joined(separator: " ") + yuan(target)
    case .date:
      detail = target.date.map { "\($0.start)…\($0.end)" } ?? ""
    case .rank:
      detail = target.rank.map { "\($0)" } ?? ""
    case .qualitative:
      detail = target.grade ?? target.raw
    case .compound:
      detail = target.parts.map(Self.target).joined(separator: "; ")
    case .text, .empty:
      detail = ""
    }
    return detail.isEmpty ? target.kind.rawValue : "\(target.kind.rawValue): \(detail)"
  }

  static func symbol(_ op: Comparison) -> String {
    switch op {
    case .atLeast: "≥"
    case .greater: ">"
    case .equal: "="
    case .less: "<"
    case .atMost: "≤"
    }
  }

  private static func yuan(_ target: Target) -> String {
    guard let yuan = target.yuan, target.unit != "元" else { return "" }
    return " (\(DecimalText.plain(yuan)) 元)"
  }
}
