/// Reads one row of an indicator section into a draft.
///
/// Wide tables (with explanation, scoring, unit or operator columns) are read by position.
/// Narrow tables (levels, name, target) are read by what each cell is: PDF and web
/// extractions shift their cells, but a level name is a level name wherever it sits.
struct IndicatorRowReader {
  let columns: [Int: ColumnRole]
  let byContent: Bool
  let targetColumn: Int?
  let nameColumn: Int?

  init(columns: [Int: ColumnRole]) {
    self.columns = columns
    let roles = Set(columns.values)
    let narrow: Set<ColumnRole> = [.blockLabel, .level1, .level2, .name, .target, .remark, .group]
    byContent = roles.isSubset(of: narrow)
    targetColumn = columns.first { $0.value == .target }?.key
    nameColumn = columns.first { $0.value == .name }?.key
  }

  func read(_ cells: [Cell], horizon: Horizon, rowSpan: SourceSpan) -> IndicatorDraft {
    byContent
      ? readByContent(cells, horizon: horizon, rowSpan: rowSpan)
      : readByPosition(cells, horizon: horizon, rowSpan: rowSpan)
  }

  private func readByPosition(_ cells: [Cell], horizon: Horizon, rowSpan: SourceSpan) -> IndicatorDraft {
    var draft = IndicatorDraft(horizon: horizon, rowSpan: rowSpan)
    for cell in cells where !cell.isEmpty {
      let key = cell.key
      guard let role = columns[cell.column] else {
        draft.unplaced.append(cell)
        continue
      }
      switch role {
      case .level1, .level2:
        placeLevel(cell, key: key, column: role, into: &draft)
      case .name: draft.name = cell
      case .target: draft.target = cell
      case .blockLabel:
        if LevelVocabulary.blockLabel(key) == nil { placeLevel(cell, key: key, column: .level1, into: &draft) }
      case .explanation, .scoring, .unit, .valueType, .direction, .weight, .remark, .standard,
        .actual, .score, .deviation:
        draft.extras.append((role, cell))
      default:
        draft.unplaced.append(cell)
      }
    }
    return draft
  }

  /// A level cell: which level it names decides where it goes, whatever its column.
  private func placeLevel(_ cell: Cell, key: String, column: ColumnRole, into draft: inout IndicatorDraft) {
    let asLevel1 = LevelVocabulary.level1(key)
    let asLevel2 = LevelVocabulary.level2(key)
    if column == .level2, let asLevel2 {
      draft.level2Cell = cell
      draft.level2 = asLevel2
    } else if column == .level1, let asLevel1 {
      draft.level1Cell = cell
      draft.level1 = asLevel1
    } else if let asLevel2 {
      draft.level2Cell = cell
      draft.level2 = asLevel2
      draft.isShifted = true
    } else if let asLevel1 {
      draft.level1Cell = cell
      draft.level1 = asLevel1
      draft.isShifted = true
    } else if key == "指标" {
      draft.level2Fragment = cell
    } else if column == .level1 {
      draft.level1Cell = cell
    } else {
      draft.level2Cell = cell
    }
  }

  private func readByContent(_ cells: [Cell], horizon: Horizon, rowSpan: SourceSpan) -> IndicatorDraft {
    var draft = IndicatorDraft(horizon: horizon, rowSpan: rowSpan)
    var rest: [Cell] = []
    var sawLevel = false
    for cell in cells where !cell.isEmpty {
      let key = cell.key
      let role = columns[cell.column]
      if rest.isEmpty, LevelVocabulary.blockLabel(key) != nil, key != "名称" || role == .blockLabel {
        continue
      }
      if rest.isEmpty, let level2 = LevelVocabulary.level2(key),
        !(draft.level2Cell != nil) && !(LevelVocabulary.level1(key) != nil && draft.level1Cell == nil && role == .level1)
      {
        draft.level2Cell = cell
        draft.level2 = level2
        if role != .level2 { draft.isShifted = true }
        sawLevel = true
        continue
      }
      if rest.isEmpty, draft.level1Cell == nil, draft.level2Cell == nil, let level1 = LevelVocabulary.level1(key) {
        draft.level1Cell = cell
        draft.level1 = level1
        if role != .level1 { draft.isShifted = true }
        sawLevel = true
        continue
      }
      if rest.isEmpty, key == "指标", sawLevel || role == .level2 {
        draft.level2Fragment = cell
        continue
      }
      rest.append(cell)
    }
    // More cells than a name and a target: leading cells that sit in level columns are level
    // names the vocabulary does not know (社会影响力); keep them as such for the validator.
    let slots = columns.values.contains(.remark) ? 3 : 2
    while rest.count > slots, let role = columns[rest[0].column], role == .level1 || role == .level2 {
      let cell = rest.removeFirst()
      if role == .level1 && draft.level1Cell == nil {
        draft.level1Cell = cell
      } else if draft.level2Cell == nil {
        draft.level2Cell = cell
      } else {
        rest.insert(cell, at: 0)
        break
      }
    }
    switch rest.count {
    case 0:
      break
    case 1:
      let cell = rest[0]
      if readsAsTarget(cell) {
        draft.target = cell
      } else {
        draft.name = cell
      }
      if let expected = draft.target == nil ? nameColumn : targetColumn, cell.column != expected {
        draft.isShifted = true
      }
    default:
      draft.name = rest[0]
      draft.target = rest[1]
      if rest[0].column != nameColumn || rest[1].column != targetColumn { draft.isShifted = true }
      for cell in rest.dropFirst(2) {
        if columns[cell.column] == .remark {
          draft.extras.append((.remark, cell))
        } else {
          draft.unplaced.append(cell)
        }
      }
    }
    return draft
  }

  /// A lone cell is a target when the grammar finds a number, date, rank or grade in it;
  /// a phrase (`长效管理机制健全性`) is a name whose target is missing.
  private func readsAsTarget(_ cell: Cell) -> Bool {
    let target = TargetGrammar.read(cell.text)
    return target.kind.isStructured || target.grade != nil
  }
}
