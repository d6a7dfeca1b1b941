import FoundationEssentials

/// Interprets an entity draft's fields and indicator rows into a project or a department.
struct EntityAssembler {
  let tableIndex: Int
  let framework: Framework?
  let budgetYear: Int?
  let tableUnit: MoneyUnit?
  let remarksAreWeights: Bool
  let labelsMayFollowRows: Bool
  var context: ReadingContext
  var layout: [LayoutCell] = []
  var placeholderRows = 0
  /// Amounts of the current entity read in an assumed unit, reported once per entity.
  var assumedUnits: [Cell] = []
  /// The label of the amount in the current entity's `other` slot.
  var otherLabel: String? = nil

  private mutating func reportAssumedUnits() {
    if let first = assumedUnits.first {
      context.diagnose("JX110", first.span, String(assumedUnits.count), first.text)
    }
    assumedUnits = []
  }

  // MARK: Indicators

  /// The indicators and placeholders of an entity's sections, which are resolved in place.
  mutating func indicators(_ sections: inout [[IndicatorDraft]]) -> ([Indicator], [Placeholder]) {
    var indicators: [Indicator] = []
    indicators.reserveCapacity(sections.reduce(0) { $0 + $1.count })
    var placeholders: [Placeholder] = []
    let builder = IndicatorBuilder(
      budgetYear: budgetYear, remarksAreWeights: remarksAreWeights, readings: context.targetReadings)
    let resolver = LevelResolver(
      framework: framework, labelsMayFollowRows: labelsMayFollowRows, labelsAreCentred: labelsMayFollowRows && context.linesArePlaced)
    for index in sections.indices where !sections[index].isEmpty {
      var diagnostics: [Diagnostic] = []
      resolver.resolve(&sections[index], diagnostics: &diagnostics)
      context.diagnostics += diagnostics
      // Each row read where it lies (`inout` for that alone: a draft holds a dozen cells,
      // too many to copy for a look, and a borrow from the array was a copy).
      for row in sections[index].indices {
        place(&sections[index][row], builder: builder, indicators: &indicators, placeholders: &placeholders)
      }
    }
    placeholderRows += placeholders.count
    return (indicators, placeholders)
  }

  private mutating func place(
    _ row: inout IndicatorDraft, builder: IndicatorBuilder, indicators: inout [Indicator],
    placeholders: inout [Placeholder]
  ) {
    for cell in row.annotations { layout.append(LayoutCell(role: .label, text: cell.text, span: cell.span)) }
    if row.isOnlyAnnotations { return }
    if row.isLevel1Label {
      if let cell = row.level1Cell { layout.append(LayoutCell(role: .label, text: cell.text, span: cell.span)) }
      return
    }
    if row.hasOnlyLevels {
      placeholders.append(
        Placeholder(
          level1: row.resolvedLevel1?.rawValue ?? row.level1Source.map { $0.unsimplifiedKey },
          level2: row.resolvedLevel2?.rawValue ?? row.level2Source.map { $0.unsimplifiedKey },
          span: row.level2Cell?.span ?? row.level1Cell?.span ?? row.level2Fragment?.span ?? row.rowSpan,
          level1Span: row.level2Cell.isNil && row.level2Fragment.isNil ? nil : row.level1Cell?.span))
      if let cell = row.level1Cell, cell != row.level1Source {
        layout.append(LayoutCell(role: .label, text: cell.text, span: cell.span))
      }
      if let cell = row.level1Cell, row.level2Cell.isNil {
        layout.append(LayoutCell(role: .label, text: cell.text, span: cell.span))
      }
      return
    }
    indicators.append(builder.build(row))
    // The row's target for several years (中期指标值): the same indicator over the longer
    // horizon, with its own target and the columns that tell how to read it (operator,
    // unit, explanation); the weight and remarks stay the year's.
    if let cell = row.extra(.longTermTarget), !cell.isEmpty {
      var longTerm = row
      longTerm.target = cell
      longTerm.targetReading = nil
      longTerm.horizon = .longTerm
      longTerm.extras = row.extras.filter { [.direction, .valueType, .unit, .explanation, .standard].contains($0.role) }
      indicators.append(builder.build(longTerm))
    }
  }

  // MARK: Fields

  mutating func project(_ draft: consuming EntityDraft) -> Project {
    var project = Project(table: tableIndex, span: draft.span)
    project.fields = draft.fields.map(field)
    // A task block belongs to department forms; in a project's form its cells stay fields.
    project.fields += draft.tasks.joined().map(field)
    project.declaredWeightTotal = draft.declaredWeightTotal
    layout += draft.layout
    // By index: a loop over the fields copied each one (two cells and an amount) to read it.
    let fields = draft.fields
    for index in fields.indices {
      let role = fields[index].role
      // Made only for the roles that read them: money fields read their own text.
      lazy var text = CellText.clean(fields[index].value.text)
      lazy var line = CellText.singleLine(text)
      switch role {
      case .name: project.name = project.name ?? line
      case .department:
        let (name, code) = NameAndCode.split(line)
        project.department.name = project.department.name ?? name
        if project.department.code == nil { project.department.code = code }
      case .departmentCode, .unitCode: project.department.code = project.department.code ?? line
      case .projectCode: project.code = project.code ?? line
      case .implementingUnit: project.implementingUnit = project.implementingUnit ?? NameAndCode.split(line).name
      case .attribute: project.attribute = project.attribute ?? (Checkbox.selected(in: fields[index].value.text) ?? line)
      // A form's ticked box among printed choices (☑经常性项目 □一次性项目), as for the attribute.
      case .category: project.category = project.category ?? (Checkbox.selected(in: fields[index].value.text) ?? line)
      case .manager: project.manager = project.manager ?? line
      case .period:
        readPeriod(line, into: &project.period)
        if project.period.start == nil && project.period.end == nil && project.period.years == nil {
          context.diagnose("JX118", fields[index].value.span, text)
        }
      case .periodStart: project.period.start = project.period.start ?? FormDate.read(text)
      case .periodEnd: project.period.end = project.period.end ?? FormDate.read(text, endOfMonth: true)
      case .goalAnnual: append(text, to: &project.goals, \.annual, span: \.annualSpan, fields[index].value.span)
      case .goalLongTerm: append(text, to: &project.goals, \.longTerm, span: \.longTermSpan, fields[index].value.span)
      default:
        if InlineFields.isMoney(role) { readFunds(fields[index], into: &project.funds, unit: draft.moneyUnit) }
        if let total = Self.groupAsTotal(fields[index], of: draft) { readFunds(total, into: &project.funds, unit: draft.moneyUnit) }
      }
    }
    // A goal written beside the group label (总体目标 │ 目标1:…) is the annual goal unless the
    // form has one of its own.
    for index in fields.indices where fields[index].role == .goalsGroup {
      let text = CellText.clean(fields[index].value.text)
      if project.goals.annual == nil {
        append(text, to: &project.goals, \.annual, span: \.annualSpan, fields[index].value.span)
      } else if project.goals.longTerm == nil {
        append(text, to: &project.goals, \.longTerm, span: \.longTermSpan, fields[index].value.span)
      }
    }
    // 预算单位 names the implementing unit only where no 实施单位 does.
    if project.implementingUnit == nil, let unit = draft.first(.budgetUnit) {
      project.implementingUnit = NameAndCode.split(CellText.singleLine(CellText.clean(unit.value.text))).name
    }
    project.milestones = draft.milestones.compactMap(milestone)
    if project.period.start == nil && project.period.end == nil, !project.milestones.isEmpty {
      let starts = project.milestones.compactMap(\.start).sorted()
      let ends = project.milestones.compactMap(\.end).sorted()
      if let start = starts.first, let end = ends.last {
        project.period.start = start
        project.period.end = end
        context.diagnose("JX112", project.milestones[0].span, start, end)
      }
    }
    // Whole calendar years only: 2024-01-01…2024-12-31 is one year; a contract year is not.
    if project.period.years == nil, let start = project.period.start, let end = project.period.end,
      start.hasSuffixBytes("-01-01"), end.hasSuffixBytes("-12-31"),
      let startYear = Int(start.prefix(4)), let endYear = Int(end.prefix(4)), endYear >= startYear
    {
      project.period.years = endYear - startYear + 1
    }
    (project.indicators, project.placeholders) = indicators(&draft.sections)
    reportAssumedUnits()
    return project
  }

  mutating func department(_ draft: consuming EntityDraft) -> DepartmentTarget {
    var department = DepartmentTarget(table: tableIndex, span: draft.span)
    department.fields = draft.fields.map(field)
    layout += draft.layout
    for field in draft.fields {
      let text = CellText.clean(field.value.text)
      switch field.role {
      case .name, .department: department.name = department.name ?? CellText.singleLine(text)
      case .unitCode, .departmentCode: department.code = department.code ?? CellText.singleLine(text)
      case .goalAnnual: append(text, to: &department.goals, \.annual, span: \.annualSpan, field.value.span)
      case .goalLongTerm: append(text, to: &department.goals, \.longTerm, span: \.longTermSpan, field.value.span)
      default:
        if InlineFields.isMoney(field.role) { readFunds(field, into: &department.funds, unit: draft.moneyUnit) }
        if let total = Self.groupAsTotal(field, of: draft) { readFunds(total, into: &department.funds, unit: draft.moneyUnit) }
      }
    }
    department.tasks = draft.tasks.map { task($0, unit: draft.moneyUnit) }
    (department.indicators, department.placeholders) = indicators(&draft.sections)
    reportAssumedUnits()
    return department
  }

  /// A row of the task block, its funds read as the department's are.
  private mutating func task(_ fields: [FieldDraft], unit: MoneyUnit?) -> DepartmentTask {
    var task = DepartmentTask(span: fields[0].value.span)
    task.fields = fields.map(field)
    // The label of the amount in the `other` slot is the entity's, not the task's.
    let entityOtherLabel = otherLabel
    otherLabel = nil
    defer { otherLabel = entityOtherLabel }
    for field in fields {
      let text = CellText.clean(field.value.text)
      let span = field.value.span
      switch field.role {
      case .taskName: Self.join(CellText.singleLine(text), to: &task.name, span: &task.nameSpan, span, separator: " ")
      case .taskContent: Self.join(text, to: &task.content, span: &task.contentSpan, span, separator: "\n")
      case .taskExpected: Self.join(text, to: &task.expected, span: &task.expectedSpan, span, separator: "\n")
      default:
        // A column no word names (对应项目) is read with the content.
        if InlineFields.isMoney(field.role) {
          readFunds(field, into: &task.funds, unit: unit)
        } else {
          Self.join(text, to: &task.content, span: &task.contentSpan, span, separator: "\n")
        }
      }
    }
    return task
  }

  /// A text joined to what a column already holds (a cell the layout split in two), the
  /// span the first cell's.
  private static func join(_ text: String, to value: inout String?, span: inout SourceSpan?, _ cellSpan: SourceSpan, separator: String) {
    if let existing = value {
      value = existing + separator + text
    } else {
      value = text
      span = cellSpan
    }
  }

  private func field(_ draft: FieldDraft) -> Field {
    Field(
      role: draft.role.rawValue, label: draft.label?.text, labelSpan: draft.label?.span,
      text: draft.value.text, span: draft.value.span)
  }

  /// One goal and its span, changed through one access to the goals: a project's fields are
  /// one box, which two simultaneous `inout` accesses would both claim.
  private func append(
    _ text: String, to goals: inout Goals, _ goal: WritableKeyPath<Goals, String?>, span: WritableKeyPath<Goals, SourceSpan?>,
    _ valueSpan: SourceSpan
  ) {
    if let existing = goals[keyPath: goal] {
      if TextKey.make(existing) != TextKey.make(text) { goals[keyPath: goal] = existing + "\n" + text }
    } else {
      goals[keyPath: goal] = text
      goals[keyPath: span] = valueSpan
    }
  }

  private func readPeriod(_ text: String, into period: inout Period) {
    period.raw = period.raw ?? text
    if let (start, end) = FormDate.readRange(text) {
      period.start = period.start ?? start
      period.end = period.end ?? end
      return
    }
    // `2021`: the calendar year.
    if let start = FormDate.year(text, endOfYear: false), let end = FormDate.year(text, endOfYear: true) {
      period.start = period.start ?? start
      period.end = period.end ?? end
      return
    }
    let key = TextKey.make(text)
    if key.hasSuffixBytes("年"), let years = Int(key.dropLast()), (1...50).contains(years) {
      period.years = years
    }
  }

  private func milestone(_ fields: [FieldDraft]) -> Milestone? {
    guard let first = fields.first else { return nil }
    var milestone = Milestone(content: "", start: nil, end: nil, span: first.value.span)
    for field in fields {
      let text = CellText.clean(field.value.text)
      switch field.role {
      case .milestoneStart:
        milestone.start = FormDate.read(text) ?? FormDate.year(text, endOfYear: false)
        milestone.startRaw = field.value.text
        milestone.startSpan = field.value.span
      case .milestoneEnd:
        milestone.end = FormDate.read(text, endOfMonth: true) ?? FormDate.year(text, endOfYear: true)
        milestone.endRaw = field.value.text
        milestone.endSpan = field.value.span
      default: milestone.content = milestone.content.isEmpty ? text : milestone.content + "\n" + text
      }
    }
    return milestone
  }

  /// A funds group label with an amount of its own and no total under it (`项目预算（万元）│
  /// 120`, `项目资金 │ 65`): the amount is the total.
  static func groupAsTotal(_ field: FieldDraft, of draft: EntityDraft) -> FieldDraft? {
    guard field.role == .fundsGroup, !draft.has(.fundsTotal),
      AmountReader.read(CellText.clean(field.value.text), defaultUnit: .wanYuan) != nil
    else { return nil }
    var total = field
    total.role = .fundsTotal
    return total
  }

  /// The funds of a list's totals row, read as a project's are.
  mutating func funds(of fields: [FieldDraft], unit: MoneyUnit?) -> Funds {
    var funds = Funds()
    for field in fields where InlineFields.isMoney(field.role) { readFunds(field, into: &funds, unit: unit) }
    return funds
  }

  private mutating func readFunds(_ field: FieldDraft, into funds: inout Funds, unit groupUnit: MoneyUnit?) {
    let text = CellText.clean(field.value.text)
    let labelKey = field.label?.unsimplifiedKey
    let labelUnit = labelKey.flatMap { FormVocabulary.moneyUnit(in: $0) }
    let declared = labelUnit ?? groupUnit ?? tableUnit
    // The form reader's reading, when it read this very text (cleaning left it as it was).
    let reading =
      if case .some(let read) = field.amount, !CellText.mayNeedCleaning(field.value.text) {
        read.map { Self.amount($0, defaultUnit: declared ?? .wanYuan) }
      } else {
        AmountReader.read(text, defaultUnit: declared ?? .wanYuan)
      }
    guard let parsed = reading else {
      // A dash or 无 in a funds cell states no amount; the cell stays among the fields.
      if !NilMarkers.says(text) { context.diagnose("JX111", field.value.span, text, field.label?.text ?? field.role.rawValue) }
      return
    }
    if parsed.readsLetter {
      context.diagnose("JX122", field.value.span, text, field.label?.text ?? field.role.rawValue, parsed.figure)
    }
    let source: Amount.UnitSource = parsed.unitWritten ? .cell : declared == nil ? .assumed : .header
    if source == .assumed { assumedUnits.append(field.value) }
    let amount = Amount(
      yuan: parsed.yuan, value: parsed.value, raw: field.value.text, unit: parsed.unit.rawValue,
      unitSource: source, decimals: parsed.decimals, span: field.value.span)
    var label = labelKey ?? field.role.rawValue
    if let slot = FundSlot(field.role) {
      guard let existing = slot.amount(in: funds) else {
        slot.set(amount, in: &funds)
        if slot == .other { otherLabel = label }
        return
      }
      // The same amount again: a page break repeated the project's columns.
      if existing.yuan == amount.yuan { return }
      // `二、自有资金:0万元三、其他:3683.3970万元`: a zero line does not stand for the other
      // funds when the next non-fiscal line has an amount; it stays as a line.
      if slot == .other, existing.yuan == 0 {
        funds.lines.append(FundLine(label: otherLabel ?? FieldRole.ownFunds.rawValue, amount: existing))
        slot.set(amount, in: &funds)
        otherLabel = label
        return
      }
    }
    if field.role == .fiscalPart { label = FundLine.fiscalPartPrefix + label }
    if let column = field.column { label = column.unsimplifiedKey + FundLine.columnSeparator + label }
    if funds.lines.contains(where: { $0.label == label && $0.amount.yuan == amount.yuan }) { return }
    funds.lines.append(FundLine(label: label, amount: amount))
  }
}

extension EntityAssembler {
  /// An amount read with one default unit, as read with `defaultUnit`: the unit applies only
  /// where none was written, and nothing else depends on it (AmountReader).
  static func amount(_ amount: ParsedAmount, defaultUnit: MoneyUnit) -> ParsedAmount {
    guard !amount.unitWritten else { return amount }
    var amount = amount
    amount.unit = defaultUnit
    return amount
  }
}

/// The named amounts of `Funds`, chosen by a field's role: a switch, where key paths to them
/// were made and applied at run time.
private enum FundSlot {
  case total, fiscal, other, carryover

  init?(_ role: FieldRole) {
    switch role {
    case .fundsTotal: self = .total
    case .fiscal: self = .fiscal
    case .other, .ownFunds: self = .other
    case .carryover: self = .carryover
    default: return nil
    }
  }

  func amount(in funds: Funds) -> Amount? {
    switch self {
    case .total: funds.total
    case .fiscal: funds.fiscal
    case .other: funds.other
    case .carryover: funds.carryover
    }
  }

  func set(_ amount: Amount, in funds: inout Funds) {
    switch self {
    case .total: funds.total = amount
    case .fiscal: funds.fiscal = amount
    case .other: funds.other = amount
    case .carryover: funds.carryover = amount
    }
  }
}
