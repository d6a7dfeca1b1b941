import FoundationEssentials

/// The output contract: a `Document` as the JSON of `Schemas/jixiao.schema.json`, streamed
/// to bytes (no tree of values is built: a large document would spend more on the tree than
/// on its reading).
public enum DocumentEncoder {
  public static func encode(_ document: Document, language: Language, pretty: Bool = true) -> [UInt8] {
    JSONWriter.bytes(pretty: pretty, capacity: estimatedSize(document)) { writer in
      write(document, language: language, into: &writer)
      writer.raw([0x0A])
    }
  }

  /// Room for the JSON of most documents: on one line it is two to eleven times the size
  /// of the text (a short text with many findings can be more; it then grows). Each
  /// indicator writes about a kilobyte, so a dense table (a grid or CSV, some hundred bytes
  /// of text an indicator) gets room by its indicators: outgrown, its JSON would be copied
  /// into fresh memory twice (to larger room, then into its array).
  public static func estimatedSize(_ document: Document) -> Int {
    let indicators =
      document.projects.reduce(0) { $0 + $1.indicators.count } + document.departments.reduce(0) { $0 + $1.indicators.count }
    return Swift.max(1 << 16, document.source.bytes &* 8, indicators &* 1536)
  }

  /// The same bytes as `encode`, handed to `sink` in chunks of about `chunkSize` as they are
  /// written.
  public static func encode(
    _ document: Document, language: Language, pretty: Bool = true, chunkSize: Int = 1 << 16,
    to sink: @escaping ([UInt8]) -> Void
  ) {
    var writer = JSONWriter(pretty: pretty, chunkSize: chunkSize, sink: sink)
    write(document, language: language, into: &writer)
    writer.raw([0x0A])
    writer.flush()
  }

  /// The document as a JSON tree, for code that walks it (tests, embedding). Reads back
  /// the encoded bytes, so the tree is exactly what `encode` writes.
  public static func json(_ document: Document, language: Language) -> JSON {
    (try? JSONReader.read(encode(document, language: language, pretty: false))) ?? .null
  }

  /// Members written between `beginObject` and `endObject`, not in closures: each closure
  /// that read the document copied it whole (a retain and a release of each of its arrays).
  public static func write(_ document: Document, language: Language, into w: inout JSONWriter) {
    w.beginObject()
    w.field("schemaVersion", Document.schemaVersion)
    w.key("source")
    source(document.source, &w)
    w.key("tables")
    w.array(document.tables, table)
    w.key("projects")
    w.array(document.projects, project)
    w.key("departments")
    w.array(document.departments, department)
    w.key("budgetLines")
    w.array(document.budgetLines, budgetLine)
    w.key("passages")
    w.array(document.passages, passage)
    w.key("diagnostics")
    w.array(document.diagnostics) { diagnostic($1, language, &$0) }
    w.key("residue")
    w.array(document.residue, residue)
    w.key("summary")
    summary(document, &w)
    w.endObject()
  }

  static func span(_ span: SourceSpan?, _ w: inout JSONWriter) {
    guard let span else { return w.null() }
    w.object("line", int: span.line, "column", int: span.column, "offset", int: span.offset, "length", int: span.length)
  }

  static func source(_ source: SourceInfo, _ w: inout JSONWriter) {
    w.object { w in
      w.field("path", source.path)
      w.field("sha256", source.sha256)
      w.field("bytes", int: source.bytes)
      w.field("encoding", source.encoding)
      w.field("encodingConfidence", int: source.encodingConfidence)
      w.field("hasBOM", bool: source.hasBOM)
      w.field("lineEnding", source.lineEnding)
      w.field("lines", int: source.lines)
      w.field("dialect", source.dialect)
      w.field("truncated", bool: source.isTruncated)
    }
  }

  static func table(_ w: inout JSONWriter, _ table: TableInfo) {
    w.object { w in
      w.field("index", int: table.index)
      w.field("kind", table.kind.rawValue)
      w.field("title", table.title)
      w.field("year", int: table.year)
      w.field("framework", table.framework?.rawValue)
      w.field("moneyUnit", table.moneyUnit)
      w.field("placeholderRows", int: table.placeholderRows)
      w.field("span") { span(table.span, &$0) }
      w.field("layout") {
        $0.array(table.layout) { w, cell in
          w.beginObject()
          w.field("role", literal: cell.role.jsonLiteral)
          w.field("text", cell.text)
          w.key("span")
          span(cell.span, &w)
          w.endObject()
        }
      }
    }
  }

  static func amount(_ amount: Amount?, _ w: inout JSONWriter) {
    guard let amount else { return w.null() }
    w.object { w in
      w.field("yuan", decimal: amount.yuan)
      w.field("value", decimal: amount.value)
      w.field("raw", amount.raw)
      w.field("unit", amount.unit)
      w.field("unitSource", literal: amount.unitSource.jsonLiteral)
      w.field("span") { span(amount.span, &$0) }
    }
  }

  static func funds(_ funds: Funds, _ w: inout JSONWriter) {
    w.object { w in
      w.field("total") { amount(funds.total, &$0) }
      w.field("fiscal") { amount(funds.fiscal, &$0) }
      w.field("other") { amount(funds.other, &$0) }
      w.field("carryover") { amount(funds.carryover, &$0) }
      w.field("lines") {
        $0.array(funds.lines) { w, line in
          w.object { w in
            w.field("label", line.label)
            w.field("amount") { amount(line.amount, &$0) }
          }
        }
      }
    }
  }

  static func goals(_ goals: Goals, _ w: inout JSONWriter) {
    w.object { w in
      w.field("annual", goals.annual)
      w.field("longTerm", goals.longTerm)
      w.field("annualSpan") { span(goals.annualSpan, &$0) }
      w.field("longTermSpan") { span(goals.longTermSpan, &$0) }
    }
  }

  static func fields(_ fields: [Field], _ w: inout JSONWriter) {
    w.array(fields) { w, field in
      w.beginObject()
      w.field("role", field.role)
      w.field("label", field.label)
      w.key("labelSpan")
      span(field.labelSpan, &w)
      w.field("text", field.text)
      w.key("span")
      span(field.span, &w)
      w.endObject()
    }
  }

  static func placeholders(_ list: [Placeholder], _ w: inout JSONWriter) {
    w.array(list) { w, placeholder in
      w.object { w in
        w.field("level1", placeholder.level1)
        w.field("level2", placeholder.level2)
        w.field("span") { span(placeholder.span, &$0) }
        w.field("level1Span") { span(placeholder.level1Span, &$0) }
      }
    }
  }

  static func project(_ w: inout JSONWriter, _ project: Project) {
    w.object { w in
      w.field("table", int: project.table)
      w.field("name", project.name)
      w.field("code", project.code)
      w.field("department") { w in
        w.object { w in
          w.field("name", project.department.name)
          w.field("code", project.department.code)
        }
      }
      w.field("implementingUnit", project.implementingUnit)
      w.field("attribute", project.attribute)
      w.field("category", project.category)
      w.field("manager", project.manager)
      w.field("period") { w in
        w.object { w in
          w.field("start", project.period.start)
          w.field("end", project.period.end)
          w.field("years", int: project.period.years)
          w.field("raw", project.period.raw)
        }
      }
      w.field("funds") { funds(project.funds, &$0) }
      w.field("goals") { goals(project.goals, &$0) }
      w.field("indicators") { $0.array(project.indicators, indicator) }
      w.field("placeholders") { placeholders(project.placeholders, &$0) }
      w.field("declaredWeightTotal", decimal: project.declaredWeightTotal)
      w.field("milestones") {
        $0.array(project.milestones) { w, milestone in
          w.object { w in
            w.field("content", milestone.content)
            w.field("start", milestone.start)
            w.field("end", milestone.end)
            w.field("startRaw", milestone.startRaw)
            w.field("endRaw", milestone.endRaw)
            w.field("startSpan") { span(milestone.startSpan, &$0) }
            w.field("endSpan") { span(milestone.endSpan, &$0) }
            w.field("span") { span(milestone.span, &$0) }
          }
        }
      }
      w.field("fields") { fields(project.fields, &$0) }
      w.field("span") { span(project.span, &$0) }
    }
  }

  static func department(_ w: inout JSONWriter, _ department: DepartmentTarget) {
    w.object { w in
      w.field("table", int: department.table)
      w.field("name", department.name)
      w.field("code", department.code)
      w.field("funds") { funds(department.funds, &$0) }
      w.field("goals") { goals(department.goals, &$0) }
      w.field("tasks") {
        $0.array(department.tasks) { w, task in
          w.object { w in
            w.field("name", task.name)
            w.field("content", task.content)
            w.field("expected", task.expected)
            w.field("funds") { funds(task.funds, &$0) }
            w.field("nameSpan") { span(task.nameSpan, &$0) }
            w.field("contentSpan") { span(task.contentSpan, &$0) }
            w.field("expectedSpan") { span(task.expectedSpan, &$0) }
            w.field("fields") { fields(task.fields, &$0) }
            w.field("span") { span(task.span, &$0) }
          }
        }
      }
      w.field("indicators") { $0.array(department.indicators, indicator) }
      w.field("placeholders") { placeholders(department.placeholders, &$0) }
      w.field("fields") { fields(department.fields, &$0) }
      w.field("span") { span(department.span, &$0) }
    }
  }

  static func indicator(_ w: inout JSONWriter, _ indicator: Indicator) {
    indicator.withFieldsInPlace { write(&$0, &w) }
  }

  /// An indicator's members, each read from its fields in place and passed on borrowed: read
  /// through `indicator.name`, each String was a copy (a retain and a release). Changes nothing.
  static func write(_ indicator: inout Indicator.Fields, _ w: inout JSONWriter) {
    w.beginObject()
    w.field("level1", indicator.level1)
    w.field("level2", indicator.level2)
    w.field("level1Raw", indicator.level1Raw)
    w.field("level2Raw", indicator.level2Raw)
    w.field("level1Origin", literal: indicator.level1Origin.jsonLiteral)
    w.field("level2Origin", literal: indicator.level2Origin.jsonLiteral)
    w.field("name", indicator.name)
    w.key("target")
    target(indicator.target, &w)
    w.field("horizon", literal: indicator.horizon.jsonLiteral)
    w.field("explanation", indicator.explanation)
    w.field("scoring", indicator.scoring)
    w.field("weight", decimal: indicator.weight)
    w.field("weightRaw", indicator.weightRaw)
    w.field("unitColumn", indicator.unitColumn)
    w.field("valueType", indicator.valueType)
    let direction = indicator.direction
    let standard = indicator.standard
    let remark = indicator.remark
    let actual = indicator.actual
    let score = indicator.score
    let deviation = indicator.deviation
    if !w.pretty, direction == nil, standard == nil, remark == nil, actual == nil, score == nil, deviation == nil {
      // Few tables have these columns: on one line their six nulls are one copy.
      w.members(#","direction":null,"standard":null,"remark":null,"actual":null,"score":null,"deviation":null"#)
    } else {
      w.field("direction", direction)
      w.field("standard", standard)
      w.field("remark", remark)
      w.field("actual", actual)
      w.field("score", score)
      w.field("deviation", deviation)
    }
    w.field("sharesNameAndTargetWithAbove", bool: indicator.sharesNameAndTargetWithAbove)
    w.key("span")
    span(indicator.span, &w)
    w.key("spans")
    w.beginObject()
    // Already in the order of their names.
    for entry in indicator.spans {
      key(entry.name, &w)
      span(entry.span, &w)
    }
    w.endObject()
    w.endObject()
  }

  /// A span name's key as a literal (its raw value): not escaped as data, and each case's
  /// length known where it is copied.
  static func key(_ name: SpanName, _ w: inout JSONWriter) {
    switch name {
    case .level1: w.key("level1")
    case .level2: w.key("level2")
    case .name: w.key("name")
    case .level1Cell: w.key("level1Cell")
    case .level2Fragment: w.key("level2Fragment")
    case .explanation: w.key("explanation")
    case .scoring: w.key("scoring")
    case .unitColumn: w.key("unitColumn")
    case .valueType: w.key("valueType")
    case .direction: w.key("direction")
    case .weight: w.key("weight")
    case .remark: w.key("remark")
    case .standard: w.key("standard")
    case .actual: w.key("actual")
    case .score: w.key("score")
    case .deviation: w.key("deviation")
    }
  }

  /// A target's JSON text.
  public static func targetBytes(_ value: Target, pretty: Bool) -> [UInt8] {
    var writer = JSONWriter(pretty: pretty)
    target(value, &writer)
    return writer.bytes
  }

  /// An indicator's target, read in place.
  static func target(of indicator: Indicator, _ w: inout JSONWriter) { indicator.withFieldsInPlace { target($0.target, &w) } }

  static func target(_ target: Target, _ w: inout JSONWriter) {
    w.beginObject()
    w.field("raw", target.raw)
    w.field("kind", literal: target.kind.jsonLiteral)
    w.field("operator", literal: target.op?.jsonLiteral)
    w.field("value", decimal: target.value)
    if target.withDetailsInPlace({ details(&$0, &w) }) == nil { w.field("unit", nil as String?) }
    w.key("span")
    span(target.span, &w)
    w.endObject()
  }

  /// A target's members after its value, read in place and passed on borrowed: read through
  /// `target.unit` …, each was a copy (a retain and a release). Changes nothing.
  static func details(_ details: inout Target.Details, _ w: inout JSONWriter) {
    w.field("unit", details.unit)
    if details.unitRaw != nil { w.field("unitRaw", details.unitRaw) }
    if let yuan = details.yuan { w.field("yuan", decimal: yuan) }
    if details.min != nil || details.max != nil {
      w.field("min", decimal: details.min)
      w.field("max", decimal: details.max)
    }
    if details.date != nil {
      w.key("date")
      w.beginObject()
      w.field("start", details.date?.start)
      w.field("end", details.date?.end)
      w.endObject()
    }
    if let rank = details.rank { w.field("rank", int: rank) }
    if details.grade != nil { w.field("grade", details.grade) }
    if details.qualifier != nil { w.field("qualifier", details.qualifier) }
    if details.baseline != nil { w.field("baseline", details.baseline) }
    if !details.parts.isEmpty { w.field("parts") { $0.array(details.parts) { target($1, &$0) } } }
    if !details.flags.isEmpty { w.field("flags") { $0.array(details.flags) { $0.string($1.rawValue) } } }
  }

  static func budgetLine(_ w: inout JSONWriter, _ line: BudgetLine) {
    w.object { w in
      w.field("table", int: line.table)
      w.field("label", line.label)
      w.field("normalizedLabel", line.normalizedLabel)
      w.field("side", line.side.rawValue)
      w.field("role", line.role.rawValue)
      w.field("amount") { amount(line.amount, &$0) }
      w.field("span") { span(line.span, &$0) }
    }
  }

  static func passage(_ w: inout JSONWriter, _ passage: Passage) {
    w.object { w in
      w.field("kind", passage.kind.rawValue)
      w.field("text", passage.text)
      w.field("span") { span(passage.span, &$0) }
    }
  }

  /// A finding as JSON (the `check --format json` output and batch tables use it).
  /// A finding as the output contract writes it (also `check --format json`).
  public static func write(_ diagnostic: Diagnostic, language: Language, into w: inout JSONWriter) {
    w.object { w in
      w.field("code", diagnostic.code)
      w.field("severity", diagnostic.severity.rawValue)
      w.field("message") { w in
        // Diagnostic.message(in:), written without building the String.
        guard let entry = Catalogue.entry(diagnostic.code) else { return w.string(diagnostic.code) }
        w.string(template: entry.message.text(language), arguments: diagnostic.arguments, terms: language)
      }
      w.field("span") { span(diagnostic.span, &$0) }
      w.field("arguments") { $0.array(diagnostic.arguments) { $0.string($1) } }
      w.field("related") { writeRelated(of: diagnostic, language: language, into: &$0) }
    }
  }

  /// A finding's related places, as an array (the batch tables store it as one field).
  public static func writeRelated(of diagnostic: Diagnostic, language: Language, into w: inout JSONWriter) {
    w.array(diagnostic.related) { w, related in
      w.object { w in
        w.field("note") { $0.string(template: related.note.template.text(language), arguments: related.arguments) }
        w.field("span") { span(related.span, &$0) }
      }
    }
  }

  static func diagnostic(_ diagnostic: Diagnostic, _ language: Language, _ w: inout JSONWriter) {
    write(diagnostic, language: language, into: &w)
  }

  static func residue(_ w: inout JSONWriter, _ item: ResidueItem) {
    w.object { w in
      w.field("text", item.text)
      w.field("reason", item.reason.rawValue)
      w.field("span") { span(item.span, &$0) }
    }
  }

  static func summary(_ document: Document, _ w: inout JSONWriter) {
    let indicators = document.projects.reduce(0) { $0 + $1.indicators.count }
    let placeholders = document.projects.reduce(0) { $0 + $1.placeholders.count }
      + document.departments.reduce(0) { $0 + $1.placeholders.count }
    var errors = 0
    var warnings = 0
    var notes = 0
    let diagnostics = document.diagnostics
    for index in diagnostics.indices {
      switch diagnostics[index].severity {
      case .error: errors += 1
      case .warning: warnings += 1
      case .note: notes += 1
      }
    }
    w.object { w in
      w.field("projects", int: document.projects.count)
      w.field("indicators", int: indicators)
      w.field("departments", int: document.departments.count)
      w.field("departmentIndicators", int: document.departments.reduce(0) { $0 + $1.indicators.count })
      w.field("placeholders", int: placeholders)
      w.field("budgetLines", int: document.budgetLines.count)
      w.field("residue", int: document.residue.count)
      w.field("errors", int: errors)
      w.field("warnings", int: warnings)
      w.field("notes", int: notes)
    }
  }
}

/// An enumeration whose raw values the output writes as literals (`JSONWriter.field(_:literal:)`):
/// each case's raw value as a static string, plain ASCII with nothing to escape.
protocol JSONLiteral: RawRepresentable where RawValue == String {
  var jsonLiteral: StaticString { get }
}

extension LevelOrigin: JSONLiteral {
  var jsonLiteral: StaticString {
    switch self {
    case .cell: "cell"
    case .merged: "merged"
    case .following: "following"
    case .framework: "framework"
    case .none: "none"
    }
  }
}

extension Horizon: JSONLiteral {
  var jsonLiteral: StaticString {
    switch self {
    case .annual: "annual"
    case .longTerm: "longTerm"
    }
  }
}

extension TargetKind: JSONLiteral {
  var jsonLiteral: StaticString {
    switch self {
    case .quantitative: "quantitative"
    case .range: "range"
    case .date: "date"
    case .rank: "rank"
    case .qualitative: "qualitative"
    case .compound: "compound"
    case .text: "text"
    case .empty: "empty"
    }
  }
}

extension Comparison: JSONLiteral {
  var jsonLiteral: StaticString {
    switch self {
    case .atLeast: ">="
    case .greater: ">"
    case .equal: "="
    case .less: "<"
    case .atMost: "<="
    }
  }
}

extension LayoutCell.Role: JSONLiteral {
  var jsonLiteral: StaticString {
    switch self {
    case .title: "title"
    case .subtitle: "subtitle"
    case .year: "year"
    case .unit: "unit"
    case .header: "header"
    case .repeatedHeader: "repeatedHeader"
    case .separator: "separator"
    case .label: "label"
    case .blockLabel: "blockLabel"
    case .note: "note"
    case .pageNumber: "pageNumber"
    case .pageHeader: "pageHeader"
    }
  }
}

extension Amount.UnitSource: JSONLiteral {
  var jsonLiteral: StaticString {
    switch self {
    case .cell: "cell"
    case .header: "header"
    case .assumed: "assumed"
    }
  }
}
