/// A run of rows that form one table, with the rows that announced it.
struct TableBlock {
  var kind: TableKind
  var title: Cell?
  var year: Int?
  var moneyUnit: MoneyUnit?
  /// Title, year, unit and preamble cells.
  var layout: [LayoutCell] = []
  var rows: [Row] = []
  /// The first row, for the table's span.
  var span: SourceSpan
}

/// The reconstruction stage's output.
struct Segmentation {
  var blocks: [TableBlock] = []
  var passages: [Passage] = []
  var residue: [ResidueItem] = []
  var documentYear: Int?
}
