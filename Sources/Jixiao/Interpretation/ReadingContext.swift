import FoundationEssentials

/// What the interpretation stage accumulates besides the model: findings, residue, and the
/// source text for spans of parts of cells.
struct ReadingContext {
  let text: SourceText
  /// Whether the layout keeps every cell in its column (tab rows, docx one-cell-per-line),
  /// or may drop empty cells (web pipe rows, text whose separators were lost).
  var positionsTrusted = true
  /// Cells ran together with no separator (the `runTogether` dialects).
  var cellsRunTogether = false
  /// A cell's text may have been cut in pieces at its blanks or words (`spaced`, the
  /// `runTogether` dialects): pieces on one line may be one cell.
  var cellsMayBePieces = false
  /// Each line of the text is a line of the page, where the page put it (the `aligned`
  /// dialect): a merged cell's text printed at the middle of its rows is there.
  var linesArePlaced = false
  var diagnostics: [Diagnostic] = []
  var residue: [ResidueItem] = []
  /// The document's readings of target texts, each read once (`TargetReadings`), in
  /// simplified script when the document is traditional.
  let targetReadings: TargetReadings

  init(text: SourceText, targetReadings: TargetReadings? = nil) {
    self.text = text
    self.targetReadings = targetReadings ?? TargetReadings(simplifiesScript: text.isTraditional)
  }

  mutating func diagnose(_ code: String, _ span: SourceSpan?, _ arguments: String..., related: [Diagnostic.Related] = []) {
    diagnostics.append(Diagnostic(code, span: span, arguments, related: related))
  }

  mutating func leave(_ cell: Cell, _ reason: ResidueItem.Reason) {
    residue.append(ResidueItem(text: cell.text, span: cell.span, reason: reason))
  }

  /// One cell from the start of `first` to the end of `last`, pieces of one line, with the
  /// text between them as written.
  func joined(_ first: Cell, _ last: Cell) -> Cell {
    var builder = CellBuilder(text: text)
    builder.isTraditional = text.isTraditional
    return builder.cell(joining: first, last)
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
  /// The column label the value stands under where the row's label alone does not name it
  /// (`中期资金总额` over `年度金额： │ 36,000`).
  var column: Cell? = nil
}

/// A list's 合计/小计 row: its amounts under their columns' headers, and the projects (by
/// index among the table's entities) it sums; nil while it is printed above them all.
struct TotalsDraft {
  var label: Cell
  var fields: [FieldDraft]
  var entities: Range<Int>?
  /// The unit the header names for amounts without their own (`ListTableReader.headerMoneyUnit`).
  var moneyUnit: MoneyUnit? = nil
}

/// A project (or department) as read from a table, before its fields are interpreted.
struct EntityDraft {
  var fields: [FieldDraft] = []
  var sections: [[IndicatorDraft]] = []
  var milestones: [[FieldDraft]] = []
  /// The rows of a department's task block (年度主要任务), each its cells under their columns.
  var tasks: [[FieldDraft]] = []
  var moneyUnit: MoneyUnit?
  /// The weight total the indicator header declares (`年度绩效目标(90分)`).
  var declaredWeightTotal: Decimal?
  var span: SourceSpan
  var layout: [LayoutCell] = []

  init(span: SourceSpan) {
    self.span = span
  }

  func first(_ role: FieldRole) -> FieldDraft? {
    // By index: `first(where:)` copied every draft it looked at (two cells each).
    for index in fields.indices where fields[index].role == role { return fields[index] }
    return nil
  }

  /// Whether a field of `role` was read: `first(role) != nil` without the copy.
  func has(_ role: FieldRole) -> Bool {
    for index in fields.indices where fields[index].role == role { return true }
    return false
  }
}
