/// Documents cut off by the site they came from end in the middle of a cell (`数量指`,
/// `生態(t`, `>`). That last fragment is not data: it goes to residue with a diagnostic, so the
/// rest reads as what it is, an incomplete table.
enum Truncation {
  /// How a text ends.
  enum Ending {
    case complete
    /// Cut mid-cell: the fragment, removed from the grid.
    case fragment(Cell)
    /// Ends on a level name or label with nothing after it and no line break.
    case afterLabel(Cell)
  }

  /// The grid without its cut-off last cell, and how the text ends.
  static func cut(_ grid: Grid, text: SourceText) -> (Grid, Ending) {
    guard let last = text.utf8.last, last != 0x0A, last != 0x0D else { return (grid, .complete) }
    guard let rowIndex = grid.rows.lastIndex(where: { !$0.isBlank }),
      let cellIndex = grid.rows[rowIndex].cells.lastIndex(where: { !$0.isEmpty })
    else { return (grid, .complete) }
    let cell = grid.rows[rowIndex].cells[cellIndex]
    if isFragment(cell.key) {
      var cut = grid
      cut.rows[rowIndex].cells[cellIndex].text = ""
      return (cut, .fragment(cell))
    }
    if isTerm(cell.key) { return (grid, .afterLabel(cell)) }
    return (grid, .complete)
  }

  /// A proper prefix of a vocabulary word, an unclosed bracket, or an operator alone.
  static func isFragment(_ key: String) -> Bool {
    if ["≥", "≤", ">", "<", "=", ">=", "<="].contains(key) { return true }
    var core = key
    if let open = core.lastIndex(where: { $0 == "(" || $0 == "（" }), !core[open...].containsBytes(")") {
      core = String(core[..<open])
      if core.isEmpty { return true }
      if isTerm(core) { return true }
    }
    guard !core.isEmpty, !isTerm(core) else { return false }
    return terms.contains { $0.count > core.count && $0.hasPrefixBytes(core) }
  }

  static func isTerm(_ key: String) -> Bool {
    terms.contains(key) || LevelVocabulary.level1(key) != nil || LevelVocabulary.level2(key) != nil
  }

  static let terms: Set<String> = {
    var words = Set(Level1.allCases.map(\.rawValue) + Level2.allCases.map(\.rawValue))
    words.formUnion(ColumnVocabulary.exact.keys)
    words.formUnion(FormVocabulary.exact.keys)
    words.formUnion(["社会公众或服务对象满意度指标", "服务对象满意度指标", "可持续影响指标", "绩效目标表", "绩效指标"])
    return words
  }()
}
