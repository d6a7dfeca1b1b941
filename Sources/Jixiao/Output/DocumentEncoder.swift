import FoundationEssentials

/// The output contract: a `Document` as the JSON of `Schemas/jixiao.schema.json`.
public enum DocumentEncoder {
  public static func json(_ document: Document, language: Language) -> JSON {
    .object([
      ("schemaVersion", .string(Document.schemaVersion)),
      ("source", source(document.source)),
      ("tables", .array(document.tables.map(table))),
      ("projects", .array(document.projects.map { project($0) })),
      ("departments", .array(document.departments.map(department))),
      ("budgetLines", .array(document.budgetLines.map(budgetLine))),
      ("passages", .array(document.passages.map(passage))),
      ("diagnostics", .array(document.diagnostics.map { diagnostic($0, language) })),
      ("residue", .array(document.residue.map(residue))),
      ("summary", summary(document)),
    ])
  }

  public static func encode(_ document: Document, language: Language, pretty: Bool = true) -> [UInt8] {
    var bytes = json(document, language: language).render(pretty: pretty)
    bytes.append(0x0A)
    return bytes
  }

  static func span(_ span: SourceSpan?) -> JSON {
    guard let span else { return .null }
    return .object([
      ("line", .int(span.line)), ("column", .int(span.column)), ("offset", .int(span.offset)),
      ("length", .int(span.length)),
    ])
  }

  static func source(_ source: SourceInfo) -> JSON {
    .object([
      ("path", .string(source.path)), ("sha256", .string(source.sha256)), ("bytes", .int(source.bytes)),
      ("encoding", .string(source.encoding)), ("encodingConfidence", .int(source.encodingConfidence)),
      ("hasBOM", .bool(source.hasBOM)), ("lineEnding", .string(source.lineEnding)),
      ("lines", .int(source.lines)), ("dialect", .string(source.dialect)),
      ("truncated", .bool(source.isTruncated)),
    ])
  }

  static func table(_ table: TableInfo) -> JSON {
    .object([
      ("index", .int(table.index)), ("kind", .string(table.kind.rawValue)), ("title", .string(table.title)),
      ("year", .int(table.year)), ("framework", .string(table.framework?.rawValue)),
      ("moneyUnit", .string(table.moneyUnit)), ("placeholderRows", .int(table.placeholderRows)),
      ("span", span(table.span)),
      ("layout", .array(table.layout.map { .object([("role", .string($0.role.rawValue)), ("text", .string($0.text)), ("span", span($0.span))]) })),
    ])
  }

  static func amount(_ amount: Amount?) -> JSON {
    guard let amount else { return .null }
    return .object([
      ("yuan", .decimal(amount.yuan)), ("value", .decimal(amount.value)), ("raw", .string(amount.raw)),
      ("unit", .string(amount.unit)), ("unitSource", .string(amount.unitSource.rawValue)),
      ("span", span(amount.span)),
    ])
  }

  static func funds(_ funds: Funds) -> JSON {
    .object([
      ("total", amount(funds.total)), ("fiscal", amount(funds.fiscal)), ("other", amount(funds.other)),
      ("carryover", amount(funds.carryover)),
      ("lines", .array(funds.lines.map { .object([("label", .string($0.label)), ("amount", amount($0.amount))]) })),
    ])
  }

  static func goals(_ goals: Goals) -> JSON {
    .object([
      ("annual", .string(goals.annual)), ("longTerm", .string(goals.longTerm)),
      ("annualSpan", span(goals.annualSpan)), ("longTermSpan", span(goals.longTermSpan)),
    ])
  }

  static func fields(_ fields: [Field]) -> JSON {
    .array(fields.map {
      .object([
        ("role", .string($0.role)), ("label", .string($0.label)), ("labelSpan", span($0.labelSpan)),
        ("text", .string($0.text)), ("span", span($0.span)),
      ])
    })
  }

  static func placeholders(_ list: [Placeholder]) -> JSON {
    .array(list.map { .object([("level1", .string($0.level1)), ("level2", .string($0.level2)), ("span", span($0.span))]) })
  }

  static func project(_ project: Project) -> JSON {
    .object([
      ("table", .int(project.table)), ("name", .string(project.name)), ("code", .string(project.code)),
      ("department", .object([("name", .string(project.department.name)), ("code", .string(project.department.code))])),
      ("implementingUnit", .string(project.implementingUnit)), ("attribute", .string(project.attribute)),
      ("category", .string(project.category)), ("manager", .string(project.manager)),
      ("period", .object([
        ("start", .string(project.period.start)), ("end", .string(project.period.end)),
        ("years", .int(project.period.years)), ("raw", .string(project.period.raw)),
      ])),
      ("funds", funds(project.funds)), ("goals", goals(project.goals)),
      ("indicators", .array(project.indicators.map(indicator))),
      ("placeholders", placeholders(project.placeholders)),
      ("declaredWeightTotal", .decimal(project.declaredWeightTotal)),
      ("milestones", .array(project.milestones.map {
        .object([("content", .string($0.content)), ("start", .string($0.start)), ("end", .string($0.end)), ("span", span($0.span))])
      })),
      ("fields", fields(project.fields)), ("span", span(project.span)),
    ])
  }

  static func department(_ department: DepartmentTarget) -> JSON {
    .object([
      ("table", .int(department.table)), ("name", .string(department.name)), ("code", .string(department.code)),
      ("funds", funds(department.funds)), ("goals", goals(department.goals)),
      ("indicators", .array(department.indicators.map(indicator))),
      ("placeholders", placeholders(department.placeholders)),
      ("fields", fields(department.fields)), ("span", span(department.span)),
    ])
  }

  static func indicator(_ indicator: Indicator) -> JSON {
    .object([
      ("level1", .string(indicator.level1)), ("level2", .string(indicator.level2)),
      ("level1Raw", .string(indicator.level1Raw)), ("level2Raw", .string(indicator.level2Raw)),
      ("level1Origin", .string(indicator.level1Origin.rawValue)), ("level2Origin", .string(indicator.level2Origin.rawValue)),
      ("name", .string(indicator.name)), ("target", target(indicator.target)),
      ("horizon", .string(indicator.horizon.rawValue)), ("explanation", .string(indicator.explanation)),
      ("scoring", .string(indicator.scoring)), ("weight", .decimal(indicator.weight)),
      ("weightRaw", .string(indicator.weightRaw)), ("unitColumn", .string(indicator.unitColumn)),
      ("valueType", .string(indicator.valueType)), ("direction", .string(indicator.direction)),
      ("standard", .string(indicator.standard)), ("remark", .string(indicator.remark)),
      ("sharesNameAndTargetWithAbove", .bool(indicator.sharesNameAndTargetWithAbove)),
      ("span", span(indicator.span)),
      ("spans", .object(indicator.spans.sorted { $0.key < $1.key }.map { ($0.key, span($0.value)) })),
    ])
  }

  public static func target(_ target: Target) -> JSON {
    var members: [(String, JSON)] = [
      ("raw", .string(target.raw)), ("kind", .string(target.kind.rawValue)),
      ("operator", .string(target.op?.rawValue)), ("value", .decimal(target.value)),
      ("unit", .string(target.unit)),
    ]
    if let unitRaw = target.unitRaw { members.append(("unitRaw", .string(unitRaw))) }
    if let yuan = target.yuan { members.append(("yuan", .decimal(yuan))) }
    if target.min != nil || target.max != nil {
      members.append(("min", .decimal(target.min)))
      members.append(("max", .decimal(target.max)))
    }
    if let date = target.date { members.append(("date", .object([("start", .string(date.start)), ("end", .string(date.end))]))) }
    if let rank = target.rank { members.append(("rank", .int(rank))) }
    if let grade = target.grade { members.append(("grade", .string(grade))) }
    if let qualifier = target.qualifier { members.append(("qualifier", .string(qualifier))) }
    if !target.parts.isEmpty { members.append(("parts", .array(target.parts.map(self.target)))) }
    if !target.flags.isEmpty { members.append(("flags", .array(target.flags.map { .string($0.rawValue) }))) }
    members.append(("span", span(target.span)))
    return .object(members)
  }

  static func budgetLine(_ line: BudgetLine) -> JSON {
    .object([
      ("table", .int(line.table)), ("label", .string(line.label)), ("normalizedLabel", .string(line.normalizedLabel)),
      ("side", .string(line.side.rawValue)), ("role", .string(line.role.rawValue)), ("amount", amount(line.amount)),
      ("span", span(line.span)),
    ])
  }

  static func passage(_ passage: Passage) -> JSON {
    .object([("kind", .string(passage.kind.rawValue)), ("text", .string(passage.text)), ("span", span(passage.span))])
  }

  public static func diagnostic(_ diagnostic: Diagnostic, _ language: Language) -> JSON {
    .object([
      ("code", .string(diagnostic.code)), ("severity", .string(diagnostic.severity.rawValue)),
      ("message", .string(diagnostic.message(in: language))), ("span", span(diagnostic.span)),
      ("arguments", .array(diagnostic.arguments.map { .string($0) })),
      ("related", .array(diagnostic.related.map {
        .object([("note", .string($0.message(in: language))), ("span", span($0.span))])
      })),
    ])
  }

  static func residue(_ item: ResidueItem) -> JSON {
    .object([("text", .string(item.text)), ("reason", .string(item.reason.rawValue)), ("span", span(item.span))])
  }

  static func summary(_ document: Document) -> JSON {
    let indicators = document.projects.reduce(0) { $0 + $1.indicators.count }
    let placeholders = document.projects.reduce(0) { $0 + $1.placeholders.count }
      + document.departments.reduce(0) { $0 + $1.placeholders.count }
    func count(_ severity: Severity) -> Int { document.diagnostics.filter { $0.severity == severity }.count }
    return .object([
      ("projects", .int(document.projects.count)), ("indicators", .int(indicators)),
      ("departments", .int(document.departments.count)),
      ("departmentIndicators", .int(document.departments.reduce(0) { $0 + $1.indicators.count })),
      ("placeholders", .int(placeholders)), ("budgetLines", .int(document.budgetLines.count)),
      ("residue", .int(document.residue.count)), ("errors", .int(count(.error))),
      ("warnings", .int(count(.warning))), ("notes", .int(count(.note))),
    ])
  }
}
