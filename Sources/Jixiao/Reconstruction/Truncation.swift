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
    var rows: [Row] = []
    var holdback = Holdback()
    for row in grid.rows { holdback.push(row) { rows.append($0) } }
    let (ending, _) = holdback.finish(text: text) { rows.append($0) }
    return (Grid(dialect: grid.dialect, rows: rows), ending)
  }

  /// Passes rows on, holding back the last non-blank row and the blank rows after it until
  /// the text ends, so that its last cell can be cut before anyone reads it.
  struct Holdback {
    /// The last non-blank row so far (blank only once `finish` cut its last cell).
    private var held: Row?
    /// The blank rows after it.
    private var blanksAfter: [Row] = []
    /// The last non-blank row passed on.
    private var lastPassed: Row?

    /// Rows are taken and passed on, not copied; the array of blank rows keeps its capacity.
    mutating func push(_ row: consuming Row, _ pass: (consuming Row) -> Void) {
      if row.isBlank {
        if held == nil { pass(row) } else { blanksAfter.append(row) }
        return
      }
      release(to: pass)
      held = row
    }

    /// Cuts the last cell if the text ends inside it and passes the held rows on. Returns how
    /// the text ends and its last non-blank row after the cut.
    mutating func finish(text: SourceText, _ pass: (consuming Row) -> Void) -> (Ending, lastRow: Row?) {
      var ending = Ending.complete
      if let last = text.utf8.last, last != 0x0A, last != 0x0D, let row = held,
        let cellIndex = row.cells.lastIndex(where: { !$0.isEmpty })
      {
        let cell = row.cells[cellIndex]
        if isFragment(cell.key) {
          held?.cells[cellIndex].text = ""
          ending = .fragment(cell)
        } else if isTerm(cell.key) {
          ending = .afterLabel(cell)
        }
      }
      let lastHeld = held.flatMap { $0.isBlank ? nil : $0 }
      let before = lastPassed
      release(to: pass)
      return (ending, lastHeld ?? before)
    }

    private mutating func release(to pass: (consuming Row) -> Void) {
      guard let row = held.take() else { return }
      if !row.isBlank { lastPassed = row }
      pass(row)
      guard !blanksAfter.isEmpty else { return }
      for index in blanksAfter.indices { pass(blanksAfter[index]) }
      blanksAfter.removeAll(keepingCapacity: true)
    }
  }

  /// A text that ends without a line break inside its last project, before that project
  /// reached its satisfaction indicators (always the last family, in both frameworks), was
  /// cut there too, even when its last cell is whole: `项目名称 │ 中央财政衔接推进老区乡村振`
  /// with no indicators yet, or a last row `中職免學費應受助學生數 │ 100%` under 产出指标. A
  /// complete table that merely lacks a line break ends on its satisfaction rows or its
  /// footer. Called after reading, when the projects are known; `lastRow` is the grid's last
  /// non-blank row (the grid itself is gone by then).
  static func cutInsideLastProject(_ ending: Ending, lastRow: Row?, text: SourceText, projects: [Project]) -> Ending {
    guard case .complete = ending, let last = text.utf8.last, last != 0x0A, last != 0x0D,
      let project = projects.last, !hasSatisfaction(project),
      let row = lastRow, let cell = row.cells.last(where: { !$0.isEmpty }),
      project.span <= cell.span, endsIndicatorRow(row, cell, project) || project.indicators.isEmpty
    else { return ending }
    return .afterLabel(cell)
  }

  private static func hasSatisfaction(_ project: Project) -> Bool {
    let levels = project.indicators.map { ($0.level1, $0.level2) } + project.placeholders.map { ($0.level1, $0.level2) }
    return levels.contains { level1, level2 in
      level1 == Level1.satisfaction.rawValue || (level2?.containsBytes("满意度") ?? false)
    }
  }

  /// The last row of the text is the project's last indicator row (not a footer line after
  /// it): the last indicator starts within that row, which may span lines (one cell per line).
  private static func endsIndicatorRow(_ row: Row, _ cell: Cell, _ project: Project) -> Bool {
    guard let last = project.indicators.lazy.map({ $0.span }).max() else { return false }
    return last.line >= row.lineIndex + 1 && last <= cell.span
  }

  /// A proper prefix of a vocabulary word, an unclosed bracket, or an operator alone.
  static func isFragment(_ key: String) -> Bool {
    if operatorWords.contains(key) { return true }
    var core = key
    if let open = core.lastIndex(where: { $0 == "(" || $0 == "（" }), !core[open...].containsBytes(")") {
      core = String(core[..<open])
      if core.isEmpty { return true }
      if isTerm(core) { return true }
    }
    guard !core.isEmpty, !isTerm(core) else { return false }
    return termPrefixes.hasLongerTerm(startingWith: core)
  }

  private static let operatorWords = ["≥", "≤", ">", "<", "=", ">=", "<="]

  static func isTerm(_ key: String) -> Bool {
    terms.contains(key) || LevelVocabulary.level1(key) != nil || LevelVocabulary.level2(key) != nil
  }

  /// The terms' bytes one after another, for the prefix test of `isFragment`, which reads
  /// every term: iterating the set retained and released each string.
  private static let termPrefixes = TermPrefixes(terms)

  struct TermPrefixes {
    private let store: [UInt8]
    /// Where each term's bytes end in `store` (the next one's start).
    private let ends: [Int]

    init(_ words: some Sequence<String>) {
      var store: [UInt8] = []
      var ends: [Int] = []
      for word in words {
        store.append(contentsOf: word.utf8)
        ends.append(store.count)
      }
      self.store = store
      self.ends = ends
    }

    /// Whether a term is longer than `prefix` and begins with its bytes. (Byte lengths: the
    /// terms are plain CJK words, and `count` walks grapheme clusters.)
    func hasLongerTerm(startingWith prefix: String) -> Bool {
      prefix.withUTF8Bytes { prefix in
        store.withUnsafeBufferPointer { store in
          var start = 0
          for end in ends {
            if end - start > prefix.count, equalBytes(store.baseAddress! + start, prefix.baseAddress, prefix.count) {
              return true
            }
            start = end
          }
          return false
        }
      }
    }
  }

  static let terms: Set<String> = {
    var words = Set(Level1.allCases.map(\.rawValue) + Level2.allCases.map(\.rawValue))
    words.formUnion(ColumnVocabulary.exact.keys)
    words.formUnion(FormVocabulary.exact.keys)
    words.formUnion(["社会公众或服务对象满意度指标", "服务对象满意度指标", "可持续影响指标", "绩效目标表", "绩效指标"])
    return words
  }()
}
