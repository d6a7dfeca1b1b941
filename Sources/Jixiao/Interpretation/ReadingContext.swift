import FoundationEssentials

/// What the interpretation stage accumulates besides the model: findings, residue, and the
/// source text for spans of parts of cells.
struct ReadingContext {
  let text: SourceText
  /// Whether the layout keeps every cell in its column (tab rows, docx one-cell-per-line),
  /// or may drop empty cells (web pipe rows, text whose separators were lost).
  var positionsTrusted = true
  /// Cells ran together with no separator (the `runTogether` dialect).
  var cellsRunTogether = false
  var diagnostics: [Diagnostic] = []
  var residue: [ResidueItem] = []
  /// The document's readings of target texts, each read once (`TargetReadings`).
  let targetReadings = TargetReadings()

  mutating func diagnose(_ code: String, _ span: SourceSpan?, _ arguments: String..., related: [Diagnostic.Related] = []) {
    diagnostics.append(Diagnostic(code, span: span, arguments, related: related))
  }

  mutating func leave(_ cell: Cell, _ reason: ResidueItem.Reason) {
    residue.append(ResidueItem(text: cell.text, span: cell.span, reason: reason))
  }

  /// A cell made of part of another cell's text, with its own span.
  func part(of cell: Cell, scalarOffset: Int, text: String) -> Cell {
    var part = cell
    part.text = text
    part.span = self.text.span(cellStart: cell.start, scalarOffset: scalarOffset, length: text.unicodeScalars.count)
    part.start = cell.start
    return part
  }
}

/// A label and the value it introduced, before interpretation.
struct FieldDraft {
  var role: FieldRole
  var label: Cell?
  var value: Cell
  /// The value's text read as an amount with 元 for a missing unit, when the form reader
  /// read it (nil inside: not an amount), for the assembler not to read it again.
  var amount: ParsedAmount?? = nil
}

/// A project (or department) as read from a table, before its fields are interpreted.
struct EntityDraft {
  var fields: [FieldDraft] = []
  var sections: [[IndicatorDraft]] = []
  var milestones: [[FieldDraft]] = []
  var moneyUnit: MoneyUnit?
  /// The weight total the indicator header declares (`年度绩效目标(90分)`).
  var declaredWeightTotal: Decimal?
  var span: SourceSpan
  var layout: [LayoutCell] = []

  init(span: SourceSpan) {
    self.span = span
  }

  func first(_ role: FieldRole) -> FieldDraft? { fields.first { $0.role == role } }

  /// Moves an indicator row to the end of the last section, opening one if there is none;
  /// `draft` is left empty. Swapped in, not appended: the row passed along was copied (a
  /// dozen cells retained, then released with the reader's draft), and `consume` of the
  /// reader's draft crashed the compiler.
  mutating func appendToLastSection(taking draft: inout IndicatorDraft) {
    if sections.isEmpty { sections.append([]) }
    let section = sections.count - 1
    sections[section].append(IndicatorDraft(horizon: draft.horizon, rowSpan: draft.rowSpan))
    swap(&sections[section][sections[section].count - 1], &draft)
  }
}
