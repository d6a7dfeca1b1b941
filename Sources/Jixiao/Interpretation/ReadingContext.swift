/// What the interpretation stage accumulates besides the model: findings, residue, and the
/// source text for spans of parts of cells.
struct ReadingContext {
  let text: SourceText
  var diagnostics: [Diagnostic] = []
  var residue: [ResidueItem] = []

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
}

/// A project (or department) as read from a table, before its fields are interpreted.
struct EntityDraft {
  var fields: [FieldDraft] = []
  var sections: [[IndicatorDraft]] = []
  var milestones: [[FieldDraft]] = []
  var moneyUnit: MoneyUnit?
  var span: SourceSpan
  var layout: [LayoutCell] = []

  init(span: SourceSpan) {
    self.span = span
  }

  func first(_ role: FieldRole) -> FieldDraft? { fields.first { $0.role == role } }
}
