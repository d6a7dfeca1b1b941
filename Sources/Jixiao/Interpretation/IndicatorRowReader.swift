/// Reads one row of an indicator section into a draft.
///
/// Where cell positions can be trusted (a docx export keeps every empty cell), a row is read
/// by position. Otherwise — narrow PDF tables whose cells shift, web pages that collapse empty
/// cells, text whose separators were lost — it is read by what each cell is: level names are
/// peeled off wherever they sit, and the other cells are aligned with the header's columns in
/// order by their shape (`CellShape`): the alignment that fits best wins.
struct IndicatorRowReader {
  let columns: [Int: ColumnRole]
  let byContent: Bool
  let targetColumn: Int?
  let nameColumn: Int?
  /// The non-level columns in header order, for the alignment.
  let slots: [(column: Int, role: ColumnRole)]
  let positionsTrusted: Bool
  /// `columns` by column index up to the last one, for the look-ups made at every cell
  /// (hashing a key costs more than the rest of the test).
  private let roleByColumn: [ColumnRole?]
  /// The document's readings of texts, which the cells' shapes are read through.
  let readings: TargetReadings

  init(columns: [Int: ColumnRole], positionsTrusted: Bool = true, readings: TargetReadings = TargetReadings()) {
    self.columns = columns
    self.readings = readings
    let width = min(max((columns.keys.max() ?? -1) + 1, 0), 256)
    self.positionsTrusted = positionsTrusted
    // One walk over the columns, for what sets of roles, a filtered dictionary and a look-up
    // per column index made. Two columns can share a role (指标值 beside 年度指标值): the
    // leftmost is taken, not the first in the dictionary's order, which its hash seed changes
    // from one process to the next.
    var roleByColumn = [ColumnRole?](repeating: nil, count: width)
    var allNarrow = true
    var targetColumn: Int?
    var nameColumn: Int?
    var slots: [(column: Int, role: ColumnRole)] = []
    slots.reserveCapacity(columns.count + 2)
    for (column, role) in columns {
      if column >= 0 && column < width { roleByColumn[column] = role }
      if !Self.isNarrow(role) { allNarrow = false }
      if role == .target && targetColumn.map({ column < $0 }) ?? true { targetColumn = column }
      if role == .name && nameColumn.map({ column < $0 }) ?? true { nameColumn = column }
      switch role {
      case .level1, .level2, .blockLabel, .group: break
      default: slots.append((column, role))
      }
    }
    self.roleByColumn = roleByColumn
    byContent = allNarrow || !positionsTrusted
    self.targetColumn = targetColumn
    self.nameColumn = nameColumn
    // Columns are distinct: the order does not depend on the walk's.
    slots.sort { $0.column < $1.column }
    if !slots.contains(where: { $0.role == .name }) { slots.insert((-1, .name), at: 0) }
    if !slots.contains(where: { $0.role == .target }) {
      let after = (slots.firstIndex { $0.role == .name } ?? -1) + 1
      slots.insert((-1, .target), at: after)
    }
    self.slots = slots
  }

  /// The roles of a layout narrow enough to be read by content: levels, name, target, remark.
  private static func isNarrow(_ role: ColumnRole) -> Bool {
    switch role {
    case .blockLabel, .level1, .level2, .name, .target, .remark, .group: true
    default: false
    }
  }

  func read(_ cells: [Cell], horizon: Horizon, rowSpan: SourceSpan) -> IndicatorDraft {
    var draft = IndicatorDraft(horizon: horizon, rowSpan: rowSpan)
    read(cells, into: &draft)
    return draft
  }

  /// Reads a row into a draft where the caller keeps it (the last row of a section): a draft
  /// returned, or handed on from a variable, was copied (its cells retained, then released
  /// with the variable).
  func read(_ cells: [Cell], into draft: inout IndicatorDraft) {
    if byContent {
      readByContent(cells, into: &draft)
    } else {
      readByPosition(cells, into: &draft)
    }
    if !draft.unplaced.isEmpty { Self.takeOperator(&draft) }
  }

  /// A cell that no column places and that is an operator alone (`≥` or `定性` under 评判标准,
  /// or under a second 度量… column) is the row's operator, as the operator column's
  /// (`IndicatorBuilder.operatorColumn`): as residue, `≥ │ 500` was read as 500.
  static func takeOperator(_ draft: inout IndicatorDraft) {
    guard draft.extra(.direction) == nil,
      let index = draft.unplaced.firstIndex(where: { cell in
        // Short and without a digit: an operator, not a target (`≥500人`) left over.
        guard cell.text.count <= 4, !cell.text.containsASCIIDigit() else { return false }
        switch ColumnReading.readOperator(cell.text) {
        case .comparison?, .qualitative?: return true
        default: return false
        }
      })
    else { return }
    draft.extras.append((.direction, draft.unplaced.remove(at: index)))
  }

  /// The role of a column: `columns[column]`.
  @inline(__always)
  func role(ofColumn column: Int) -> ColumnRole? {
    Self.role(ofColumn: column, roleByColumn, columns)
  }

  /// `role(ofColumn:)` from the reader's tables, for closures that would copy the whole
  /// reader to call the method.
  @inline(__always)
  private static func role(ofColumn column: Int, _ roleByColumn: [ColumnRole?], _ columns: [Int: ColumnRole]) -> ColumnRole? {
    column >= 0 && column < roleByColumn.count ? roleByColumn[column] : columns[column]
  }

  private func readByPosition(_ cells: [Cell], into draft: inout IndicatorDraft) {
    // By index, the empty cells passed over where they lie: `for cell in cells` copied each
    // (a list row keeps every empty cell of its indicator columns).
    for index in cells.indices where !cells[index].isEmpty {
      let cell = cells[index]
      let key = cell.key
      guard let role = role(ofColumn: cell.column) else {
        draft.unplaced.append(cell)
        continue
      }
      switch role {
      case .level1, .level2:
        Self.placeLevel(cell, key: key, column: role, into: &draft)
      case .name:
        if draft.name.isNil { draft.name = cell } else { draft.duplicates.append(cell) }
      case .target:
        if draft.target.isNil { draft.target = cell } else { draft.duplicates.append(cell) }
      case .blockLabel:
        if LevelVocabulary.blockLabel(key) == nil && !LevelVocabulary.isBlockLabelFragment(key) {
          Self.placeLevel(cell, key: key, column: .level1, into: &draft)
        }
      case .explanation, .scoring, .unit, .valueType, .direction, .weight, .remark, .standard,
        .actual, .score, .deviation, .longTermTarget:
        if draft.extra(role) == nil { draft.extras.append((role, cell)) } else { draft.duplicates.append(cell) }
      default:
        draft.unplaced.append(cell)
      }
    }
  }

  /// A level cell: which level it names decides where it goes, whatever its column. A
  /// second cell for a level the row already has is a duplicate: the first is kept.
  static func placeLevel(_ cell: Cell, key: String, column: ColumnRole, into draft: inout IndicatorDraft) {
    // `〃` under a level: the level above, which the resolver carries down as over an empty
    // cell; the mark is laid out.
    if LevelVocabulary.isDittoMark(key) {
      draft.annotations.append(cell)
      return
    }
    let (asLevel1, asLevel2) = LevelVocabulary.levels(key)
    enum Slot { case level1, level2, fragment }
    let slot: Slot
    var shifted = false
    if column == .level2, asLevel2 != nil {
      slot = .level2
    } else if column == .level1, asLevel1 != nil {
      slot = .level1
    } else if asLevel2 != nil {
      slot = .level2
      shifted = true
    } else if asLevel1 != nil {
      slot = .level1
      shifted = true
    } else if key == "指标" {
      slot = .fragment
    } else {
      slot = column == .level1 ? .level1 : .level2
    }
    switch slot {
    case .level1 where !draft.level1Cell.isNil, .level2 where !draft.level2Cell.isNil,
      .fragment where !draft.level2Fragment.isNil:
      draft.duplicates.append(cell)
      return
    case .level1:
      draft.level1Cell = cell
      draft.level1 = asLevel1
    case .level2:
      draft.level2Cell = cell
      draft.level2 = asLevel2
    case .fragment:
      draft.level2Fragment = cell
    }
    if shifted { draft.isShifted = true }
  }

  private func readByContent(_ cells: [Cell], into draft: inout IndicatorDraft) {
    // The non-empty cells by their places in the row, on the stack: an array of them (or
    // `Row.nonEmpty`) cost an allocation, and a retain and release of each cell, for most
    // rows of a form (which keep their empty cells).
    withUnsafeTemporaryAllocation(of: Int.self, capacity: cells.count + 1) { buffer in
      var count = 0
      for index in cells.indices where !cells[index].isEmpty {
        buffer.initializeElement(at: count, to: index)
        count += 1
      }
      readByContent(cells, at: UnsafeBufferPointer(rebasing: buffer[..<count]), into: &draft)
    }
  }

  /// `readByContent` of the non-empty cells `cells[at[0]]`, `cells[at[1]]` …
  private func readByContent(_ cells: [Cell], at: UnsafeBufferPointer<Int>, into draft: inout IndicatorDraft) {
    var sawLevel = false
    // The cells left for the alignment are those from the first that is no level name on:
    // `at[restStart...]`, taken by index (-1: none yet), not copied into an array.
    var restStart = -1
    // The level 2 of the cell after a level name, looked up to read that name and kept for
    // the cell's own turn.
    var lookahead: (index: Int, levels: (Level1?, Level2?))?
    for index in at.indices {
      guard restStart < 0 else {
        // `X │ 数量指标 │ …`: a cell before the row's level 2 sits where the level 1 goes, so
        // it is a level-1 name the vocabulary does not know (garbled, misspelt).
        if index - restStart == 1, !sawLevel, draft.level1Cell.isNil,
          case (nil, let asLevel2?) = LevelVocabulary.levels(cells[at[index]].key),
          CellShape.of(cells[at[restStart]], readings: readings).isWords
        {
          draft.level1Cell = cells[at[restStart]]
          draft.level2Cell = cells[at[index]]
          draft.level2 = asLevel2
          sawLevel = true
          restStart = -1
        }
        continue
      }
      let key = cells[at[index]].key
      let role = role(ofColumn: cells[at[index]].column)
      if LevelVocabulary.blockLabel(key) != nil, !key.equalsBytes("名称") || role == .blockLabel { continue }
      if role == .blockLabel, LevelVocabulary.isBlockLabelFragment(key) { continue }
      // `(40-50)分` under a level name: its score range, not a cell of its own; `〃` before the
      // name, the level above.
      if LevelVocabulary.isScoreAnnotation(key) || LevelVocabulary.isDittoMark(key) {
        draft.annotations.append(cells[at[index]])
        continue
      }
      let (asLevel1, asLevel2) = lookahead?.index == index ? lookahead!.levels : LevelVocabulary.levels(key)
      if asLevel1 != nil || asLevel2 != nil {
        var nextIsLevel2 = false
        if index + 1 < at.count {
          let nextCell = cells[at[index + 1]]
          let next = LevelVocabulary.levels(nextCell.key)
          lookahead = (index + 1, next)
          // A level's short word (成本, 质量) in the name column of a trusted layout is the
          // indicator's name, not a level 2 after this one.
          nextIsLevel2 = next.1 != nil && !isNameInItsColumn(nextCell)
        }
        // 成本指标 names both: a level 1 when a level 2 follows it on the row, or in the
        // level-1 column of a trusted layout; a level 2 otherwise.
        let takeLevel1 =
          asLevel1 != nil && draft.level1Cell.isNil && draft.level2Cell.isNil
          && (asLevel2 == nil || nextIsLevel2 || (positionsTrusted && role == .level1))
        if takeLevel1, let asLevel1 {
          draft.level1Cell = cells[at[index]]
          draft.level1 = asLevel1
          if positionsTrusted && role != .level1 { draft.isShifted = true }
          sawLevel = true
          continue
        }
        if let asLevel2, draft.level2Cell.isNil {
          draft.level2Cell = cells[at[index]]
          draft.level2 = asLevel2
          if positionsTrusted && role != .level2 { draft.isShifted = true }
          sawLevel = true
          continue
        }
      }
      if isNameInItsColumn(cells[at[index]]), sawLevel {
        restStart = index
        continue
      }
      if key.equalsBytes("指标"), sawLevel || role == .level2 {
        draft.level2Fragment = cells[at[index]]
        continue
      }
      restStart = index
    }
    // No cell left: nothing to align, and no extras to swap.
    guard restStart >= 0 else { return }
    if restStart == at.count - 1 {
      let cell = cells[at[restStart]]
      if readsAsTarget(cell) {
        draft.target = cell
      } else if Self.readsAsScoring(cell.key) && !draft.level2Cell.isNil {
        // A scoring rule that slid left into an empty indicator row.
        draft.extras.append((.scoring, cell))
        return
      } else {
        draft.name = cell
      }
      if positionsTrusted, let expected = draft.target.isNil ? nameColumn : targetColumn, cell.column != expected {
        draft.isShifted = true
      }
      return
    }
    // The closure takes what it asks of the reader, not the reader (a copy of it per row).
    align(cells, at: at, from: restStart) { [positionsTrusted, roleByColumn, columns] index, role, reading in
      guard let role else {
        draft.unplaced.append(cells[at[index]])
        return
      }
      if positionsTrusted, Self.role(ofColumn: cells[at[index]].column, roleByColumn, columns) != role { draft.isShifted = true }
      switch role {
      case .name: draft.name = cells[at[index]]
      case .target:
        draft.target = cells[at[index]]
        draft.targetReading = reading
      case .level1, .level2: Self.placeLevel(cells[at[index]], key: cells[at[index]].key, column: role, into: &draft)
      default: draft.extras.append((role, cells[at[index]]))
      }
    }
    swapDirectionAndOperator(&draft)
  }

  /// A cell in the name column of a trusted layout that is a level's word but not its
  /// standard spelling (成本 beside 成本指标): the name, where the layout says so.
  private func isNameInItsColumn(_ cell: Cell) -> Bool {
    guard positionsTrusted, role(ofColumn: cell.column) == .name else { return false }
    let key = cell.key
    let levels = LevelVocabulary.levels(key)
    return (levels.level1 != nil || levels.level2 != nil) && !LevelVocabulary.isStandardSpelling(key)
  }

  /// `align(_:from:_:)` of a whole row, as a list (for tests).
  func align(_ cells: [Cell]) -> [(Cell, ColumnRole?, TargetReading?)] {
    var result: [(Cell, ColumnRole?, TargetReading?)] = []
    let at = Array(cells.indices)
    at.withUnsafeBufferPointer { at in
      align(cells, at: at, from: 0) { result.append((cells[at[$0]], $1, $2)) }
    }
    return result
  }

  /// A cell of the alignment: its shape, the grammar's reading of it when the shape test
  /// made one, its column, and the slot the alignment gives it.
  private struct Candidate {
    var shape: CellShape
    var reading: TargetReading?
    var column: Int
    var slot: Int
    /// The slot of the alignment with the first cell's shape that of its words, kept while the
    /// alignment with it a value is made.
    var wordsSlot = 0
  }

  /// The best order-preserving assignment of the cells `cells[at[start]]`, `cells[at[start + 1]]`
  /// … to the non-level columns, handed to `place` in the cells' order: a cell's index in `at`,
  /// its column (nil: it fits
  /// nowhere and stays unplaced) and, for the cell placed in the target column, the grammar's
  /// reading of it when its shape test made one (no other is asked, and some cells are placed
  /// without a shape test, `TwoCellRow`, or without a value test, the first cell where its
  /// answer would not move it). Unknown level names in level columns come first.
  ///
  /// The shapes and the score table live on the stack for the call: arrays of their own
  /// cost two allocations a row, and cells copied into them a retain and release each.
  func align(_ cells: [Cell], at: UnsafeBufferPointer<Int>, from start: Int, _ place: (Int, ColumnRole?, TargetReading?) -> Void) {
    // More cells than the other columns can take: leading cells sitting in level columns are
    // level names the vocabulary does not know (社会影响力); keep them as such.
    var first = max(start, 0)
    while at.count - first > slots.count, let role = role(ofColumn: cells[at[first]].column), role == .level1 || role == .level2 {
      place(first, role, nil)
      first += 1
    }
    let m = at.count - first
    guard m > 0 else { return }
    // Locals for the closures below, which would copy the reader to reach its properties;
    let slots = slots
    let positionsTrusted = positionsTrusted
    let readings = readings
    // Walked back from the end: each cell's slot (-1 unplaced); a cell not reached keeps this.
    let notReached = -2
    withUnsafeTemporaryAllocation(of: Candidate.self, capacity: m) { buffer in
      // The cells by a span: read in place, not copied out of the array.
      let cells = cells.span
      // The last cell first: under a name and a target column alone, a last cell that reads
      // as a value decides the placement whatever the first cell's shape, which is then not
      // read (its text tested for a value, most rows of narrow tables).
      let last = m - 1
      let (lastShape, lastReading) = CellShape.read(cells[at[first + last]], readings: readings)
      if TwoCellRow.placesByTarget(cells: m, slots: slots, lastShape: lastShape) {
        place(first, .name, nil)
        place(first + 1, .target, lastReading)
        return
      }
      buffer.initializeElement(
        at: last, to: Candidate(shape: lastShape, reading: lastReading, column: cells[at[first + last]].column, slot: notReached))
      // The first cell (most often the name) is tested for a value only where the answer
      // changes the placement or the cell lands in the target column (whose reading is kept):
      // its shape otherwise is that of its words.
      var firstWords: CellShape?
      for i in 0..<last {
        if i == 0 {
          switch CellShape.partialShape(of: cells[at[first]]) {
          case .decided(let shape):
            buffer.initializeElement(at: 0, to: Candidate(shape: shape, reading: nil, column: cells[at[first]].column, slot: notReached))
          case .valueOr(words: let words):
            firstWords = words
            buffer.initializeElement(at: 0, to: Candidate(shape: words, reading: nil, column: cells[at[first]].column, slot: notReached))
          }
          continue
        }
        let (shape, reading) = CellShape.read(cells[at[first + i]], readings: readings)
        buffer.initializeElement(
          at: i, to: Candidate(shape: shape, reading: reading, column: cells[at[first + i]].column, slot: notReached))
      }
      defer { buffer.deinitialize() }
      Self.solve(buffer, slots: slots, positionsTrusted: positionsTrusted)
      // (Index 0 is a candidate: with the first cell's test pending, m is at least 2.)
      if firstWords != nil {
        for i in 0..<m {
          buffer[i].wordsSlot = buffer[i].slot
          buffer[i].slot = notReached
        }
        buffer[0].shape = .value
        Self.solve(buffer, slots: slots, positionsTrusted: positionsTrusted)
      }
      var candidates = buffer.mutableSpan
      if firstWords != nil {
        var same = true
        for i in 0..<m where candidates[i].slot != candidates[i].wordsSlot { same = false }
        let firstSlot = candidates[0].slot
        if !same || (firstSlot >= 0 && slots[firstSlot].role == .target) {
          let (reading, isValue) = CellShape.valueTest(cells[at[first]], readings: readings)
          candidates[0].reading = reading
          if !isValue {
            for i in 0..<m { candidates[i].slot = candidates[i].wordsSlot }
          }
        }
      }
      for i in 0..<m where candidates[i].slot != notReached {
        let slot = candidates[i].slot
        if slot >= 0 {
          let role = slots[slot].role
          place(first + i, role, role == .target ? candidates[i].reading : nil)
        } else {
          place(first + i, nil, nil)
        }
      }
    }
  }

  /// The alignment's table over `buffer`'s candidates: each reached candidate's slot set (-1:
  /// unplaced). One row-major table (row i, column j at i * width + j): best, the best score
  /// with the first i cells placed among the first j slots; move, the step that reached it.
  private static func solve(
    _ buffer: UnsafeMutableBufferPointer<Candidate>, slots: [(column: Int, role: ColumnRole)], positionsTrusted: Bool
  ) {
    var candidates = buffer.mutableSpan
    let m = candidates.count
    let n = slots.count
    let unplacedCost = -6.0
    let width = n + 1
    withUnsafeTemporaryAllocation(of: (best: Double, move: UInt8).self, capacity: (m + 1) * width) { tableBuffer in
      tableBuffer.initialize(repeating: (-.infinity, 0))
      var table = tableBuffer.mutableSpan
      table[0].best = 0
      for i in 0...m {
        for j in 0...n where table[i * width + j].best > -.infinity {
          let here = table[i * width + j].best
          if j < n, here > table[i * width + j + 1].best {
            table[i * width + j + 1] = (here, 1)  // slot j left empty
          }
          guard i < m else { continue }
          if j < n {
            var score = candidates[i].shape.fit(slots[j].role)
            if positionsTrusted && candidates[i].column == slots[j].column { score += 2 }
            if here + score > table[(i + 1) * width + j + 1].best {
              table[(i + 1) * width + j + 1] = (here + score, 2)  // cell i in slot j
            }
          }
          if here + unplacedCost > table[(i + 1) * width + j].best {
            table[(i + 1) * width + j] = (here + unplacedCost, 3)  // cell i unplaced
          }
        }
      }
      var i = m
      var j = n
      while i > 0 || j > 0 {
        switch table[i * width + j].move {
        case 1: j -= 1
        case 2:
          candidates[i - 1].slot = j - 1
          i -= 1
          j -= 1
        case 3:
          candidates[i - 1].slot = -1
          i -= 1
        default:
          i = 0
          j = 0
        }
      }
    }
  }

  /// Tables that head 指标性质 then 指标方向 yet print `正向 =`: put each where it belongs.
  func swapDirectionAndOperator(_ draft: inout IndicatorDraft) {
    guard let typeIndex = draft.extras.firstIndex(where: { $0.role == .valueType }),
      let directionIndex = draft.extras.firstIndex(where: { $0.role == .direction }),
      CellShape.of(draft.extras[typeIndex].cell, readings: readings) == .direction,
      CellShape.of(draft.extras[directionIndex].cell, readings: readings) == .operatorWord
    else { return }
    let type = draft.extras[typeIndex].cell
    draft.extras[typeIndex].cell = draft.extras[directionIndex].cell
    draft.extras[directionIndex].cell = type
  }

  /// A scoring rule: `未达指标值酌情扣分`, `完成得满分，否则不得分`.
  static func readsAsScoring(_ key: String) -> Bool {
    // 扣分, 得分 (不得分 holds it), 满分 anywhere, or 扣 anywhere and 分 last. Every rule needs a
    // 分 (E5 88 86), found by its last byte eight bytes at a time (most keys hold none), and
    // each tested for what precedes it; 扣 is looked for only before a 分 that ends the key.
    key.withUTF8Bytes { bytes in
      guard bytes.count >= 6 else { return false }
      var from = 2
      while let end = bytes.firstIndex(ofByte: 0x86, from: from) {
        from = end + 1
        let start = end - 2
        guard start >= 3, bytes[start] == 0xE5, bytes[start + 1] == 0x88 else { continue }
        // After 扣 E6 89 A3, 得 E5 BE 97 or 满 E6 BB A1.
        switch (bytes[start - 3], bytes[start - 2], bytes[start - 1]) {
        case (0xE6, 0x89, 0xA3), (0xE5, 0xBE, 0x97), (0xE6, 0xBB, 0xA1): return true
        default: break
        }
        if end + 1 == bytes.count {
          var index = 0
          while index + 3 <= start {
            if bytes[index] == 0xE6, bytes[index + 1] == 0x89, bytes[index + 2] == 0xA3 { return true }
            index += 1
          }
        }
      }
      return false
    }
  }

  /// A lone cell is a target when the grammar finds a number, date, rank or grade in it;
  /// a phrase (`长效管理机制健全性`) is a name whose target is missing.
  func readsAsTarget(_ cell: Cell) -> Bool {
    // Text that cannot be a structured value nor a grade is not parsed to know it.
    guard let reading = readings.readingUnlessWords(cell.text) else { return false }
    let target = reading.target
    return target.kind.isStructured || target.grade != nil
  }
}

/// The alignment of two cells under a name and a target column alone (a narrow table's
/// indicator rows, its levels peeled off), known without the first cell's shape when the
/// second reads as a value: the name then the target, whatever the first cell is and
/// wherever the two sit.
///
/// The alignment takes the best of six placements. With the second cell a value (4 as a
/// target, 1 as a name) and the first of any shape (fits from -4 to 5), the name-then-target
/// placement scores `f0(name) + b00 + 4 + b11`, where a bonus `b` (0 or 2) is a trusted
/// position matched, and it beats by at least 1 each other: the first alone as the name
/// (`f0(name) + b00 - 6`), the first as the target (`f0(target) + b01 - 6`, as `f0(name) -
/// f0(target)` is at least -7, a number's), the second
/// as the name (`-6 + 1 + b10`), the second alone as the target (`-6 + 4 + b11`), none placed
/// (-12). Fits here are halves, exact in binary: the unique best is the one the table finds.
/// `RowReadingFastPathTests` holds it to the full alignment for every shape and position.
enum TwoCellRow {
  static func placesByTarget(cells: Int, slots: [(column: Int, role: ColumnRole)], lastShape: CellShape) -> Bool {
    cells == 2 && slots.count == 2 && slots[0].role == .name && slots[1].role == .target && lastShape == .value
  }
}
