/// One project (or department) as a form, the layout of 部门项目支出预算绩效目标表:
///
/// ```
/// 项目名称        │ 城管队业务工作经费
/// 主管部门及代码  │ 平罗县住房和城乡建设局-029 │ 实施单位 │ 平罗县城市管理大队
/// 项目资金（万元）│ 年度资金总额               │ 50
///                 │ 其中：财政拨款             │ 50
/// 年度总体目标    │ …
/// 绩效指标        │ 一级指标 │ 二级指标 │ 三级指标 │ 指标值
///                 │ 产出指标 │ 数量指标 │ …        │ ≥96%
/// ```
///
/// Long-term indicators get a block of their own under `长期绩效指标`, annual ones under
/// `年度绩效指标` (as seed 002 has them).
struct FormLayout {
  let document: Document
  let raw: Bool

  func project(_ project: Project) -> RenderedTable {
    let columns = IndicatorColumns(project.indicators)
    var form = Form(columns: columns, raw: raw)
    form.line("项目名称", project.name ?? "")
    if let department = Self.department(project.department) ?? project.implementingUnit.map({ _ in ("主管部门", "") }) {
      if let unit = project.implementingUnit {
        form.pair(department, ("实施单位", unit))
      } else {
        form.line(department.0, department.1)
      }
    }
    if project.attribute != nil || project.period.raw != nil {
      form.pair(("项目属性", project.attribute ?? ""), ("项目期", project.period.raw ?? ""))
    }
    form.funds(project.funds)
    if let goal = project.goals.longTerm { form.line("长期目标", goal) }
    if let goal = project.goals.annual { form.line("年度总体目标", goal) }
    form.indicators(project.indicators)
    let info = document.tables.indices.contains(project.table) ? document.tables[project.table] : nil
    return form.builder.table(title: info?.title ?? "项目支出绩效目标表", subtitle: info?.year.map { "(\($0)年度)" })
  }

  /// The department label and value: `主管部门及代码 │ 平罗县住房和城乡建设局-029` (a code
  /// that is not all digits goes in brackets, as NameAndCode reads it), or the name or the
  /// code alone under its own label.
  static func department(_ department: Department) -> (String, String)? {
    switch (department.name, department.code) {
    case (let name?, let code?):
      let joined = code.allSatisfy { $0.isASCII && $0.isNumber } ? "\(name)-\(code)" : "\(name)(\(code))"
      return ("主管部门及代码", joined)
    case (let name?, nil): return ("主管部门", name)
    case (nil, let code?): return ("主管部门编码", code)
    case (nil, nil): return nil
    }
  }

  func department(_ department: DepartmentTarget) -> RenderedTable {
    let columns = IndicatorColumns(department.indicators)
    var form = Form(columns: columns, raw: raw)
    form.line("部门名称", department.name ?? "")
    form.funds(department.funds)
    if let goal = department.goals.longTerm { form.line("长期目标", goal) }
    if let goal = department.goals.annual { form.line("年度总体目标", goal) }
    form.indicators(department.indicators)
    let info = document.tables.indices.contains(department.table) ? document.tables[department.table] : nil
    return form.builder.table(title: info?.title ?? "部门整体支出绩效目标表", subtitle: info?.year.map { "(\($0)年度)" })
  }
}

/// The rows of a form under construction.
private struct Form {
  let columns: IndicatorColumns
  let raw: Bool
  var builder: RenderedTable.Builder
  /// Block column, level 1, level 2, then the indicator columns, then 读作.
  var width: Int { 3 + columns.count + (raw ? 0 : 1) }

  init(columns: IndicatorColumns, raw: Bool) {
    self.columns = columns
    self.raw = raw
    builder = RenderedTable.Builder(columnCount: 3 + columns.count + (raw ? 0 : 1))
  }

  /// `label │ value` over the whole width.
  mutating func line(_ label: String, _ value: String) {
    builder.add([RenderedCell(label), RenderedCell(value, columnSpan: width - 1)])
  }

  /// `label │ value │ label │ value`.
  mutating func pair(_ first: (String, String), _ second: (String, String)) {
    builder.add([
      RenderedCell(first.0), RenderedCell(first.1), RenderedCell(second.0),
      RenderedCell(second.1, columnSpan: width - 3),
    ])
  }

  mutating func funds(_ funds: Funds) {
    var lines: [(String, Amount)] = []
    if let total = funds.total { lines.append(("年度资金总额", total)) }
    if let fiscal = funds.fiscal { lines.append(("其中：财政拨款", fiscal)) }
    if let carryover = funds.carryover { lines.append(("上年结转资金", carryover)) }
    if let other = funds.other { lines.append(("其他资金", other)) }
    for line in funds.lines { lines.append((line.label, line.amount)) }
    guard !lines.isEmpty else { return }
    // One unit for the group when every amount took it from a header: `项目资金（万元）`.
    let headerUnits = Set(lines.filter { $0.1.unitSource != .cell }.map(\.1.unit))
    let sharedUnit = headerUnits.count == 1 && lines.allSatisfy({ $0.1.unitSource != .cell }) ? headerUnits.first : nil
    let group = sharedUnit.map { "项目资金（\($0)）" } ?? "项目资金"
    for (index, (label, amount)) in lines.enumerated() {
      var cells: [RenderedCell] = []
      if index == 0 { cells.append(RenderedCell(group, rowSpan: lines.count)) }
      let written = sharedUnit != nil ? amount.raw : ReadingText.written(amount)
      cells.append(RenderedCell(label))
      cells.append(RenderedCell(written, columnSpan: width - 2 - (raw ? 0 : 1)))
      if !raw { cells.append(RenderedCell(ReadingText.amount(amount))) }
      builder.add(cells)
    }
  }

  mutating func indicators(_ indicators: [Indicator]) {
    guard !indicators.isEmpty else { return }
    let hasLongTerm = indicators.contains { $0.horizon == .longTerm }
    let blocks: [(String, [Indicator])] =
      hasLongTerm
      ? [
        ("长期绩效指标", indicators.filter { $0.horizon == .longTerm }),
        ("年度绩效指标", indicators.filter { $0.horizon == .annual }),
      ]
      : [("绩效指标", indicators)]
    for (label, block) in blocks where !block.isEmpty {
      let header =
        [RenderedCell(label, rowSpan: block.count + 1), RenderedCell("一级指标"), RenderedCell("二级指标")]
        + columns.headers.map { RenderedCell($0) } + (raw ? [] : [RenderedCell("读作")])
      builder.add(header, isHeader: true)
      let runs = LevelRuns(block)
      for (index, indicator) in block.enumerated() {
        var cells: [RenderedCell] = []
        if let cell = runs.level1[index] { cells.append(cell) }
        if let cell = runs.level2[index] { cells.append(cell) }
        cells += columns.cells(indicator).map { RenderedCell($0) }
        if !raw { cells.append(RenderedCell(ReadingText.target(indicator.target))) }
        builder.add(cells)
      }
    }
  }
}
