/// An indicator row as read, before its levels are resolved.
struct IndicatorDraft {
  var level1Cell: Cell?
  var level1: Level1?
  var level2Cell: Cell?
  var level2: Level2?
  /// `指标` alone: the tail of a level-2 label split over two rows.
  var level2Fragment: Cell?
  var name: Cell?
  var target: Cell?
  /// The grammar's reading of a target text without context, when the row reader made one.
  var targetReading: TargetReading?
  var extras: [(role: ColumnRole, cell: Cell)] = []
  var horizon: Horizon
  var rowSpan: SourceSpan
  /// Cells sat in columns other than their header's: read by what they contain.
  var isShifted = false
  /// Name and target came from the merged cells of the row above.
  var inheritsNameAndTarget = false
  /// The target is a run of digits that may be several run-together cells: not read.
  var digitsRunTogether = false
  /// Cells the row reader could not place.
  var unplaced: [Cell] = []
  /// Second cells for a field the row already has (two columns with the same heading, two
  /// rows run into one): the first one is kept, these go to residue.
  var duplicates: [Cell] = []
  /// Score ranges printed under a level name (`(40-50)分`): layout, not data.
  var annotations: [Cell] = []
  // Resolved by LevelResolver.
  var resolvedLevel1: Level1?
  var resolvedLevel2: Level2?
  var level1Origin: LevelOrigin = .none
  var level2Origin: LevelOrigin = .none
  var level1Source: Cell?
  var level2Source: Cell?

  init(horizon: Horizon, rowSpan: SourceSpan) {
    self.horizon = horizon
    self.rowSpan = rowSpan
  }

  // The four tests below are inlined so that asking a draft in an array does not copy it
  // whole first.

  /// Only level names, nothing else: a template row (placeholder) or a level label.
  @inline(__always)
  var hasOnlyLevels: Bool {
    name.isNil && target.isNil && extras.isEmpty && unplaced.isEmpty
  }

  /// Nothing but score annotations.
  @inline(__always)
  var isOnlyAnnotations: Bool {
    hasOnlyLevels && level1Cell.isNil && level2Cell.isNil && level2Fragment.isNil && !annotations.isEmpty
  }

  /// A template row that names a level 2 and nothing else.
  @inline(__always)
  var isPlaceholder: Bool { hasOnlyLevels && (!level2Cell.isNil || !level2Fragment.isNil) }

  /// A row holding only a level-1 name: the label of the rows around it.
  @inline(__always)
  var isLevel1Label: Bool { hasOnlyLevels && level2Cell.isNil && level2Fragment.isNil && !level1Cell.isNil }

  func extra(_ role: ColumnRole) -> Cell? {
    // By index: `first(where:)` copied every pair it looked at.
    for index in extras.indices where extras[index].role == role { return extras[index].cell }
    return nil
  }

  /// The text of `extra(role)`, without a copy of the cell.
  @inline(__always)
  func extraText(_ role: ColumnRole) -> String? {
    for index in extras.indices where extras[index].role == role { return extras[index].cell.text }
    return nil
  }
}

extension Optional where Wrapped == Cell {
  /// No cell. `== nil` on an optional cell is `Equatable`'s `==`: the cell was copied into
  /// a pair with nil and released again, at every test.
  @inline(__always)
  var isNil: Bool {
    if case .none = self { return true }
    return false
  }
}

extension Cell {
  /// `TextKey.make(text)`, taken from the key the cell already has unless that one is also
  /// simplified (a traditional-script cell).
  var unsimplifiedKey: String { isTraditional ? TextKey.make(text) : key }
}
