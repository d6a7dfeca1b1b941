import FoundationEssentials

/// Writes a parsed document back as clean tables: one form per project (and department),
/// or one wide list per table, in any `RenderFormat`, so that a reviewer sees what the tool
/// understood.
///
/// Everything written comes from the model as read: names, the amounts and targets as
/// written (`raw`), their units as stated. Unless `raw` is set, a column `读作` beside each
/// target and amount shows its reading (kind, operator, value, unit, 元) — formatted from
/// the model, never computed here. With `raw` set the output is a table Jixiao reads back
/// into the same projects and indicators (the round-trip tests rely on it).
public enum Renderer {
  public struct Options: Sendable {
    public var format: RenderFormat
    /// Leave out the `读作` column (the normalised reading).
    public var raw: Bool
    public var layout: RenderLayout

    public init(format: RenderFormat, raw: Bool = false, layout: RenderLayout = .form) {
      self.format = format
      self.raw = raw
      self.layout = layout
    }
  }

  public static func render(_ document: Document, options: Options) -> String {
    encode(tables(document, raw: options.raw, layout: options.layout), as: options.format)
  }

  /// The document as tables, before any output format.
  public static func tables(_ document: Document, raw: Bool, layout: RenderLayout = .form) -> [RenderedTable] {
    var tables: [RenderedTable] = []
    switch layout {
    case .form:
      for project in document.projects {
        tables.append(FormLayout(document: document, raw: raw).project(project))
      }
    case .list:
      for (index, info) in document.tables.enumerated() {
        let projects = document.projects.filter { $0.table == index }
        if !projects.isEmpty { tables.append(ListLayout(document: document, raw: raw).table(info, projects)) }
      }
    }
    for department in document.departments {
      tables.append(FormLayout(document: document, raw: raw).department(department))
    }
    if !document.budgetLines.isEmpty { tables.append(budgetSummary(document, raw: raw)) }
    return tables
  }

  /// Tables in an output format.
  public static func encode(_ tables: [RenderedTable], as format: RenderFormat) -> String {
    switch format {
    case .markdown: MarkdownEncoder.encode(tables)
    case .html: HTMLEncoder.encode(tables)
    case .tsv: DelimitedEncoder.tsv(tables)
    case .csv: DelimitedEncoder.csv(tables)
    case .aligned: AlignedEncoder.encode(tables)
    case .grid: GridEncoder.encode(tables)
    }
  }

  static func budgetSummary(_ document: Document, raw: Bool) -> RenderedTable {
    let title = document.budgetLines.first.flatMap { line in
      document.tables.indices.contains(line.table) ? document.tables[line.table].title : nil
    }
    // Label and amount per line, as the summary prints them (no header: 项目 │ 金额 is no
    // label the budget reader knows, and would come back as residue).
    var builder = RenderedTable.Builder(columnCount: raw ? 2 : 3)
    for line in document.budgetLines {
      let amount = line.amount.map(ReadingText.written) ?? ""
      builder.add(
        [RenderedCell(line.label), RenderedCell(amount)]
          + (raw ? [] : [RenderedCell(line.amount.map(ReadingText.amount) ?? "")])
      )
    }
    let unit = document.budgetLines.compactMap(\.amount).first { $0.unitSource != .cell }?.unit
    return builder.table(title: title ?? "部门收支总表", subtitle: unit.map { "单位：\($0)" })
  }
}

/// The indicator columns a set of indicators needs: the four every table has, and the
/// optional ones any of them fills.
struct IndicatorColumns {
  enum Extra: CaseIterable {
    case explanation, unit, valueType, weight, scoring, remark

    var header: String {
      switch self {
      case .explanation: "指标解释"
      case .unit: "计量单位"
      case .valueType: "指标值类型"
      case .weight: "分值"
      case .scoring: "评(扣)分标准"
      case .remark: "备注"
      }
    }

    func text(_ indicator: Indicator) -> String {
      switch self {
      case .explanation: indicator.explanation ?? ""
      case .unit: indicator.unitColumn ?? ""
      case .valueType: indicator.valueType ?? ""
      case .weight: indicator.weightRaw ?? indicator.weight.map(DecimalText.plain) ?? ""
      case .scoring: indicator.scoring ?? ""
      case .remark: indicator.remark ?? ""
      }
    }
  }

  /// Extras after the target, in this order (the explanation goes before it).
  var extras: [Extra]
  var hasExplanation: Bool

  init(_ indicators: [Indicator]) {
    let present = Extra.allCases.filter { extra in indicators.contains { !extra.text($0).isEmpty } }
    hasExplanation = present.contains(.explanation)
    extras = present.filter { $0 != .explanation }
  }

  /// 三级指标 │ [指标解释] │ 指标值 │ extras…
  var headers: [String] {
    ["三级指标"] + (hasExplanation ? ["指标解释"] : []) + ["指标值"] + extras.map(\.header)
  }

  func cells(_ indicator: Indicator) -> [String] {
    [indicator.name ?? ""] + (hasExplanation ? [indicator.explanation ?? ""] : []) + [indicator.target.raw]
      + extras.map { $0.text(indicator) }
  }

  /// Columns from 三级指标 to the last extra.
  var count: Int { headers.count }
}

/// Level cells as merged cells: each level 1 over its run of rows, each level 2 over its run
/// within the level 1.
struct LevelRuns {
  /// Per indicator: the level-1 and level-2 cells it starts (nil where a run goes on).
  var level1: [RenderedCell?]
  var level2: [RenderedCell?]

  init(_ indicators: [Indicator]) {
    level1 = Array(repeating: nil, count: indicators.count)
    level2 = Array(repeating: nil, count: indicators.count)
    var index = 0
    while index < indicators.count {
      let name1 = Self.level1Text(indicators[index])
      var end = index + 1
      while end < indicators.count, Self.level1Text(indicators[end]) == name1 { end += 1 }
      level1[index] = RenderedCell(name1, rowSpan: end - index)
      var inner = index
      while inner < end {
        let name2 = Self.level2Text(indicators[inner])
        var innerEnd = inner + 1
        while innerEnd < end, Self.level2Text(indicators[innerEnd]) == name2 { innerEnd += 1 }
        level2[inner] = RenderedCell(name2, rowSpan: innerEnd - inner)
        inner = innerEnd
      }
      index = end
    }
  }

  static func level1Text(_ indicator: Indicator) -> String { indicator.level1Raw ?? indicator.level1 ?? "" }
  static func level2Text(_ indicator: Indicator) -> String { indicator.level2Raw ?? indicator.level2 ?? "" }
}
