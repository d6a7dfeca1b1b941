/// Rebuilds rows from a stream of cells that lost its row boundaries (one cell per line, or
/// cells split out of run-together text). What a cell is decides where rows break: a label
/// starts a row and takes the values after it; labels in a row head the values that follow
/// them; an indicator header is a run of header words; an indicator row ends at its header's
/// last column (绩效标准, 备注 …) or before the next level name.
struct StreamRegrouper {
  private var rows: [Row] = []
  private var current: [Cell] = []
  private var currentIsLabels = false
  private var header: [ColumnRole]?
  /// Run-together text: a target after the row's name closes the row when the header ends
  /// with the target column (`… │ 反映…情况 │ 2280次` then the next name).
  private var targetClosesRow = false
  /// Run-together text: the number of column labels (项目实施内容 │ 开始时间 │ 完成时间) the
  /// values after them fill, row after row.
  private var valueColumns = 0
  /// The indicator row being built has a name and, after it, a target.
  private var rowHasTarget = false
  /// Cells of the row being built after its level names (all of them in a row with none).
  private var cellsAfterLevels = 0
  /// Inside a department's task block (任务名称 │ 主要内容 │ 预算金额): a task is words, then
  /// amounts, so words after an amount start the next task (or the sum row, 金额合计).
  private var inTaskBlock = false
  /// Header words of the task block after its funds column (期望达到的目标): words a task has
  /// after its amounts.
  private var taskWordsAfterFunds = 0
  private var taskHeaderHasFunds = false
  /// The document's readings of texts, which the cells' shapes are read through: the reader
  /// asks the same texts again when it aligns the rows made here, and a row's last cell is
  /// asked again at every cell after it.
  private let readings: TargetReadings

  private init(readings: TargetReadings) { self.readings = readings }

  static func regroup(_ grid: Grid, readings: TargetReadings) -> Grid {
    var cells: [Cell] = []
    var lineIndices: [Int] = []
    var passthrough: [Row] = []
    for row in grid.rows {
      for cell in row.nonEmpty {
        cells.append(cell)
        lineIndices.append(row.lineIndex)
      }
      if row.isBlank { passthrough.append(row) }
    }
    var regrouper = StreamRegrouper(readings: readings)
    regrouper.targetClosesRow = grid.dialect == .runTogether
    regrouper.consume(joinFragments(cells))
    return Grid(dialect: grid.dialect, rows: regrouper.rows)
  }

  /// `项目起` + `止时间`, `可持续影响` + `指标`: pieces of one label the layout broke.
  static func joinFragments(_ cells: [Cell]) -> [Cell] {
    var result: [Cell] = []
    for cell in cells {
      // A piece that is a label word itself is never joined: asked first, before the two
      // texts are joined and keyed (which then need not ask it again).
      if let previous = result.last, !isLabelWord(cell.key) {
        let joined = TextKey.make(previous.text + cell.text, simplify: cell.isTraditional)
        if isLabelWord(joined) && !isRunOn(previous.key, cell.key, joined) {
          result[result.count - 1] = Self.joined(previous, cell)
          continue
        }
      }
      result.append(cell)
    }
    return result
  }

  /// A header that stays the header it was with the piece after it (`指标值` then `课题研究`,
  /// `评(扣)分标准` then `306001`: a prefix rule takes both): the piece is the next cell, run
  /// on where the stream dropped the cells between them, not the rest of a word. A note in
  /// brackets (`项目资金申请` then `(万元)`) is the header's own.
  static func isRunOn(_ previous: String, _ piece: String, _ joined: String) -> Bool {
    if piece.utf8.first == UInt8(ascii: "(") { return false }
    if let role = ColumnVocabulary.role(previous), ColumnVocabulary.role(joined) == role { return true }
    if let role = FormVocabulary.role(previous), FormVocabulary.role(joined) == role { return true }
    return false
  }

  static func isLabelWord(_ key: String) -> Bool {
    FormVocabulary.role(key) != nil || ColumnVocabulary.role(key) != nil || LevelVocabulary.level1(key) != nil
      || LevelVocabulary.level2(key) != nil
  }

  private mutating func emit() {
    guard let first = current.first else { return }
    var cells = current
    for index in cells.indices { cells[index].column = index }
    rows.append(Row(cells: cells, lineIndex: first.span.line - 1))
    current = []
    currentIsLabels = false
    rowHasTarget = false
    cellsAfterLevels = 0
  }

  private mutating func consume(_ cells: [Cell]) {
    var index = 0
    while index < cells.count {
      let cell = cells[index]
      let key = cell.key
      // Titles, year lines, notes: rows of their own.
      let single = Row(cells: [cell], lineIndex: cell.span.line - 1)
      switch RowClassifier.classify(single) {
      case .title, .year, .moneyUnit, .note, .image:
        emit()
        rows.append(single)
        index += 1
        continue
      default: break
      }
      // A run of header words with at least two indicator columns: an indicator header.
      let run = Self.headerRun(cells[index...])
      // (A run of fewer than two words has fewer than two roles: no arrays made for it.)
      let roles = run.count >= 2 ? run.compactMap { ColumnVocabulary.role($0.key) ?? ColumnVocabulary.guessedRole($0.key) } : []
      if roles.count >= 2 && roles.filter({ ColumnVocabulary.indicatorHeaderRoles.contains($0) }).count >= 2 {
        emit()
        current = Array(run)
        emit()
        header = roles.filter { $0 != .blockLabel && $0 != .group }
        inTaskBlock = false
        index += run.count
        continue
      }
      // 预算金额 after 任务名称 is the tasks' funds column, though a form reads it as a total.
      let formRole = inTaskBlock && currentIsLabels && TaskBlock.columnRole(key) == .taskFunds ? nil : FormVocabulary.role(key)
      if let role = formRole, header == nil || FormTableReader.endsIndicators(role) {
        header = nil
        // Labels that head columns (项目实施内容 │ 开始时间 │ 完成时间, 长期目标 │ 年度目标)
        // share a row; any other label starts its own, even when the one before had no value.
        let previousHeadsColumns = current.last.flatMap { FormVocabulary.role($0.key) }.map(Self.headsColumn) ?? false
        // The task block's money columns (总额 │ 财政拨款 │ 其他资金 under 预算金额) share a row.
        let isSubLabel =
          inTaskBlock && InlineFields.isMoney(role)
          && current.allSatisfy { FormVocabulary.role($0.key).map(InlineFields.isMoney) == true }
        if !(currentIsLabels && (previousHeadsColumns && Self.headsColumn(role) || isSubLabel)) {
          emit()
          valueColumns = 0
        }
        if role == .taskName || role == .tasksGroup {
          if !inTaskBlock || !currentIsLabels { (taskWordsAfterFunds, taskHeaderHasFunds) = (0, false) }
          inTaskBlock = true
        } else if !InlineFields.isMoney(role) {
          inTaskBlock = false
        }
        if Self.headsColumn(role) && !FormTableReader.isGroup(role) && role != .otherLabel && role != .tasksGroup { valueColumns += 1 }
        current.append(cell)
        currentIsLabels = true
        index += 1
        continue
      }
      // The task block's other header words (主要内容, 预算金额（万元）) after 任务名称.
      if inTaskBlock, currentIsLabels, case let role = TaskBlock.columnRole(key), role != .otherLabel {
        if role == .taskFunds || InlineFields.isMoney(role) {
          (taskWordsAfterFunds, taskHeaderHasFunds) = (0, true)
        } else if taskHeaderHasFunds {
          taskWordsAfterFunds += 1
        }
        current.append(cell)
        index += 1
        continue
      }
      if let header {
        consumeIndicatorCell(cell, header: header, next: index + 1 < cells.count ? cells[index + 1] : nil)
      } else {
        // Values after a run of several labels form a row of their own, in label order.
        if currentIsLabels && current.count >= 2 { emit() }
        if targetClosesRow, valueColumns >= 2, !currentIsLabels, current.count == valueColumns { emit() }
        if inTaskBlock, !currentIsLabels, !Self.isAmount(cell), let lastAmount = current.lastIndex(where: Self.isAmount),
          current.count - 1 - lastAmount >= taskWordsAfterFunds
        {
          emit()
        }
        currentIsLabels = false
        current.append(cell)
      }
      index += 1
    }
    emit()
  }

  private mutating func consumeIndicatorCell(_ cell: Cell, header: [ColumnRole], next: Cell?) {
    let key = cell.key
    // A row of `…` between indicator rows stands alone.
    if Self.isEllipsis(key) {
      emit()
      current = [cell]
      emit()
      return
    }
    var hasContent = current.contains { LevelVocabulary.level1($0.key) == nil && LevelVocabulary.level2($0.key) == nil }
    // A word of both levels (成本指标) that begins the row and has a level 2 after it is the
    // row's level 1: the level 2 after it (经济成本指标) stays in its row.
    let beginsWithLevel1 = current.first.map { Self.isLevel1BeforeLevel2($0.key, next: current.count > 1 ? current[1].key : key) } ?? false
    let hasLevel2 = current.indices.contains { LevelVocabulary.level2(current[$0].key) != nil && !($0 == 0 && beginsWithLevel1) }
    let level2 = LevelVocabulary.level2(key)
    // A level-1 word after a level 2 (满意度 under 服务对象满意度指标) is the indicator's name;
    // one that says 指标 (`产出指标(40-50)分`) never is.
    let isLevel1 = LevelVocabulary.level1(key) != nil && level2 == nil
      && (!(hasLevel2 && !hasContent) || key.containsBytes("指标"))
    // A level-2 word right after the same level 2 (群众满意度 under 服务对象满意度指标) is the
    // indicator's name: a level is not written twice in a row.
    let repeatsLevel2 = level2 != nil && current.last.map { LevelVocabulary.level2($0.key) == level2 } == true
    let isLevel2 = level2 != nil && !repeatsLevel2
    let shape = CellShape.of(cell, readings: readings)
    if !isLevel1, !isLevel2, cellsAfterLevels > 0, let last = current.last, Self.continuesValue(last, with: cell, readings: readings) {
      // `≥95` ⏎ `%`: the value's line ran out; the piece is the rest of it.
      current[current.count - 1] = Self.joined(last, cell)
      return
    }
    if !isLevel1, !isLevel2, cellsAfterLevels > 0, case .text(1) = shape, let last = current.last,
      case .text = CellShape.of(last, readings: readings)
    {
      // `生活垃圾无害化处理` ⏎ `率`: one character is no indicator's name, nor its explanation;
      // the name's line ran out, whatever follows (a comparison after two names is otherwise
      // the next indicator's target, below).
      current[current.count - 1] = Self.joined(last, cell)
      return
    }
    if !isLevel1, !isLevel2, !Self.isComparison(key), header.suffix(2) == [.name, .target],
      cellsAfterLevels >= 2, isFull(header: header),
      shape == .value || TargetGrammar.read(cell.text).kind == .qualitative,
      current.suffix(cellsAfterLevels).allSatisfy({ piece in
        guard case .text = CellShape.of(piece, readings: readings) else { return false }
        return TargetGrammar.read(piece.text).kind == .text
      })
    {
      // Words that fill the row, then a value that is no comparison, or words of a grade or a
      // direction (`农村公路通行条件及群众` ⏎ `出行便利程度` ⏎ `明显改善`): one name wrapped onto
      // lines of its own, and its target.
      let pieces = current.suffix(cellsAfterLevels)
      current.removeLast(cellsAfterLevels)
      current.append(pieces.dropFirst().reduce(pieces.first!) { Self.joined($0, $1) })
      cellsAfterLevels = 1
    }
    if (isLevel1 && !current.isEmpty) || (isLevel2 && (hasContent || hasLevel2)) {
      emit()
    } else if !isLevel1, !isLevel2, isFull(header: header) {
      // The row holds a cell for every column after the levels (三级指标 │ 指标值 filled):
      // this cell starts the next indicator, whatever its target's shape (`提升`, `及时`).
      // A comparison (`>85.00(百分比)`) is no name, though: under 三级指标 │ 指标值 the row's
      // last cell is its name, and the row's own target was an empty cell the stream lost
      // (`信访群众满意度 │ 受益人群满意度` then `>85.00(百分比)`).
      var carried: Cell?
      if header.suffix(2) == [.name, .target], let level = header.dropLast(2).last, level == .level1 || level == .level2,
        Self.isComparison(key),
        cellsAfterLevels >= 2, let last = current.last, case .text = CellShape.of(last, readings: readings)
      {
        carried = current.removeLast()
      }
      emit()
      hasContent = false
      if let carried {
        current = [carried]
        cellsAfterLevels = 1
        hasContent = true
      }
    } else if rowHasTarget, case .text(let length) = shape, length <= 40, header.contains(.target),
      let next, CellShape.of(next, readings: readings) == .value
    {
      // A name and its target after a row that has both: the next indicator under the same
      // levels (`流转土地补助标准 │ <=475元/亩 │ 景观建设成本 │ <=2875元/个`), not a remark.
      emit()
    }
    current.append(cell)
    cellsAfterLevels = isLevel1 || isLevel2 ? 0 : cellsAfterLevels + 1
    if hasContent, shape == .value || shape.isNumber { rowHasTarget = true }
    // The header's last column closes the row (绩效标准: 计划标准).
    guard let last = header.last else { return }
    if shape.fit(last) >= 5 { emit() }
    else if targetClosesRow, last == .target, hasContent, shape == .value { emit() }
  }

  /// Whether a piece is the rest of a value its line cut (`≥95` then `%`, `2024年12` then
  /// `月`): the two read as one value across the break (`Target.Flag.wrappedLine`).
  static func continuesValue(_ value: Cell, with piece: Cell, readings: TargetReadings) -> Bool {
    guard piece.text.unicodeScalars.count <= 4 else { return false }
    let shape = CellShape.of(value, readings: readings)
    guard shape == .value || shape.isNumber else { return false }
    return TargetGrammar.read(value.text + "\n" + piece.text).flags.contains(.wrappedLine)
  }

  /// Two cells of the stream as one. Pieces on different lines stay on their lines (a key
  /// ignores the break).
  static func joined(_ first: Cell, _ second: Cell) -> Cell {
    var merged = first
    let separator = first.span.line == second.span.line ? "" : "\n"
    merged.text = first.text + separator + second.text
    merged.span.length += second.span.length + separator.count
    return merged
  }

  /// Whether the row has as many cells after its levels as the header has columns after
  /// its levels: no cell is left for one more. Until it has a cell for every project column
  /// (单位编码 │ 名称 │ 450,000.00元 │ 绩效目标), a row with no level and an amount may be a
  /// project's own row, whose columns come before the levels.
  private func isFull(header: [ColumnRole]) -> Bool {
    // A header that names the indicator's name and target columns after the levels; in a
    // header with words missing (run-together text) the row is wider than it tells.
    guard let lastLevel = header.lastIndex(where: { $0 == .level1 || $0 == .level2 }),
      header[(lastLevel + 1)...].contains(.name), header[(lastLevel + 1)...].contains(.target),
      cellsAfterLevels >= header.count - lastLevel - 1
    else { return false }
    let projectColumns = header.prefix { $0.isProjectColumn }.count
    if cellsAfterLevels == current.count, current.count < projectColumns, current.contains(where: Self.isAmount) { return false }
    return true
  }

  /// `>85.00(百分比)`, `≥95%`, `=2`: an operator, then a digit before any ideograph. Keys are
  /// NFKC: `＞`, `＝` are ASCII.
  static func isComparison(_ key: String) -> Bool {
    key.withUTF8Bytes { bytes in
      var index = 0
      var sawOperator = false
      while index < bytes.count {
        let byte = bytes[index]
        if byte >= 0x3C && byte <= 0x3E {
          sawOperator = true
          index += 1
        } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x89, (0xA4...0xA7).contains(bytes[index + 2]) {
          // ≤ ≥ ≦ ≧
          sawOperator = true
          index += 3
        } else {
          return sawOperator && byte >= 0x30 && byte <= 0x39
        }
      }
      return false
    }
  }

  /// A word of both levels (成本指标) followed by a word of level 2 only (经济成本指标).
  static func isLevel1BeforeLevel2(_ key: String, next: String) -> Bool {
    LevelVocabulary.level1(key) != nil && LevelVocabulary.level2(key) != nil
      && LevelVocabulary.level2(next) != nil && LevelVocabulary.level1(next) == nil
  }

  /// `…`, `……`, `...`: a template row saying "and so on".
  /// A key of `…`, `.`, `。` and `⋯` alone. By bytes: none of the four has another form
  /// equal to it as a character, and a mark combining with one is a byte of none of them, so
  /// the bytes decide as the characters did (a string comparison a character).
  static func isEllipsis(_ key: String) -> Bool {
    key.withUTF8Bytes { bytes in
      guard !bytes.isEmpty else { return false }
      var index = 0
      while index < bytes.count {
        if bytes[index] == 0x2E {
          index += 1
          continue
        }
        // `…` E2 80 A6, `⋯` E2 8B AF, `。` E3 80 82.
        guard index + 2 < bytes.count else { return false }
        let (lead, second, third) = (bytes[index], bytes[index + 1], bytes[index + 2])
        guard lead == 0xE2 && (second == 0x80 && third == 0xA6 || second == 0x8B && third == 0xAF)
          || lead == 0xE3 && second == 0x80 && third == 0x82
        else { return false }
        index += 3
      }
      return true
    }
  }

  static func headsColumn(_ role: FieldRole) -> Bool {
    switch role {
    case .scheduleGroup, .milestoneContent, .milestoneStart, .milestoneEnd, .goalsGroup, .goalLongTerm, .goalAnnual,
      .otherLabel, .tasksGroup, .taskName:
      true
    default: false
    }
  }

  static func isAmount(_ cell: Cell) -> Bool {
    AmountReader.read(cell.text, defaultUnit: .yuan) != nil
  }

  /// The header words from the first cell on: words the lists hold, and between them words
  /// that tell a column (`ColumnVocabulary.guessedRole`: 计算符号, 指标值设定依据) and are no form
  /// label but a money one (保障绩效目标实现措施 starts a row of its own; 项目预算数 heads a
  /// list's funds column). The run ends at a word the lists
  /// hold or at a guessed indicator column, so that a first data cell such as `专项资金` is
  /// not taken in.
  static func headerRun(_ cells: ArraySlice<Cell>) -> ArraySlice<Cell> {
    guard let first = cells.first, isHeaderWord(first.key) else { return cells.prefix(0) }
    var end = cells.startIndex + 1
    var index = end
    while index < cells.endIndex {
      let key = cells[index].key
      if isHeaderWord(key) {
        index += 1
        end = index
      } else if FormVocabulary.role(key).map(InlineFields.isMoney) != false, let role = ColumnVocabulary.guessedRole(key) {
        index += 1
        // An indicator column's header may end the run: a first data cell (a level name, a
        // project's name or funds) tells no indicator column.
        if role.isIndicatorColumn { end = index }
      } else {
        break
      }
    }
    return cells[cells.startIndex..<end]
  }

  static func isHeaderWord(_ key: String) -> Bool {
    ColumnVocabulary.role(key) != nil || LevelVocabulary.blockLabel(key) != nil
  }
}
