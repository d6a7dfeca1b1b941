/// Reads a form-style table (项目名称 │ value │ 主管部门 │ value …, then a block of indicator
/// rows): the layout of 申报表, 审批表 and 项目支出绩效目标表 templates.
///
/// Labels take the value cell after them. A row of labels without values (项目总目标 │
/// 年度总体目标) hands its labels to the next row by column. An indicator header (一级指标 │
/// 二级指标 …) starts a block of indicator rows, which lasts until a form label such as
/// 其他需说明的问题 or the next 项目名称.
struct FormTableReader {
  private var context: ReadingContext
  private let block: TableBlock
  private var entities: [EntityDraft] = []
  private var current: EntityDraft?
  private var pendingLabels: [(column: Int, role: FieldRole, cell: Cell)] = []
  private var indicatorReader: IndicatorRowReader?
  private var horizon: Horizon = .annual
  private var headerKeys: [String] = []
  /// Rows read by content because their cells sat outside their header's columns.
  private var shiftedRows: [SourceSpan] = []
  /// Targets of run-together rows that are only digits under several columns (JX119).
  private var digitRuns: [Cell] = []
  /// The role of the last field read, for text that continues it on the next row.
  private var lastFieldRole: FieldRole?
  /// Sub-labels under a group label (中央 │ 省级 │ 市级资金 │ 本级 under 财政资金).
  private var pendingSubLabels: [Cell] = []
  /// The labels of the row being read (`readFieldRow`), kept between rows for their storage.
  private var labelBuffer: [(index: Int, role: FieldRole, valued: Bool)] = []
  /// The columns of a department's task block while its rows are read.
  private var taskBlock: TaskBlock?
  /// A lone line that no field above continues, held for one row: pdftotext sets a label
  /// beside the middle line of its value (`1.…` ⏎ `年度总体目标 │ 2.…` ⏎ `3.…`), so the
  /// value's first line comes before its label. Residue unless the next row is that label.
  private var lineAboveLabel: Cell?
  /// Funds columns by period (`中期资金总额 │ 年度资金总额`) over rows that each bring their
  /// own label (`年度金额： │ 36,000 │ 12,000`, `其中：中央补助 │ …`): kept while such rows follow.
  private var periodColumns: [(column: Int, cell: Cell, period: FormVocabulary.FundsPeriod)] = []
  /// Labels whose values, placed by column, may run on over the next rows (`中期目标 │ 年度目标`
  /// over `目标1：… │ 目标1：…` ⏎ `目标2：… │ 目标2：…`).
  private var continuedLabels: [(column: Int, role: FieldRole, cell: Cell)] = []
  var layout: [LayoutCell] = []

  init(block: TableBlock, context: ReadingContext) {
    self.block = block
    self.context = context
  }

  static func read(_ block: TableBlock, context: inout ReadingContext) -> (entities: [EntityDraft], layout: [LayoutCell]) {
    var reader = FormTableReader(block: block, context: context)
    for row in block.rows { reader.consume(row) }
    if let held = reader.lineAboveLabel.take() { reader.context.leave(held, .unrecognisedRow) }
    reader.finishEntity()
    if let first = reader.shiftedRows.first {
      let lines = reader.shiftedRows.prefix(12).map { String($0.line) }.joined(separator: ", ")
      let more = reader.shiftedRows.count > 12 ? ", …" : ""
      reader.context.diagnose("JX103", first, String(reader.shiftedRows.count), lines + more)
    }
    if let first = reader.digitRuns.first {
      let columns = reader.headerKeys.filter { key in
        ColumnVocabulary.role(key).map { ![.level1, .level2, .blockLabel, .group].contains($0) } ?? false
      }
      reader.context.diagnose("JX119", first.span, String(reader.digitRuns.count), first.text, columns.joined(separator: " │ "))
    }
    context = reader.context
    return (reader.entities, reader.layout)
  }

  private mutating func consume(_ row: Row) {
    guard !row.isBlank else { return }
    if let held = lineAboveLabel.take(), !placeLineAboveLabel(held, in: row) { context.leave(held, .unrecognisedRow) }
    if RowClassifier.kind(of: row) == .header {
      startIndicatorBlock(row)
      return
    }
    if taskBlock != nil, readTaskRow(row) { return }
    if indicatorReader != nil {
      // The first non-empty cell found in place, by its index: `nonEmpty` copies a row that
      // has empty cells, and `first(where:)` the cell. A label written with its value
      // (`项目名称：危桥改造工程`) ends the indicators as the label alone does.
      let cells = row.cells
      if let first = cells.firstIndex(where: { !$0.isEmpty }),
        let role = InlineFields.labelRole(of: cells[first]),
        Self.endsIndicators(role)
      {
        indicatorReader = nil
      } else {
        readIndicatorRow(row)
        return
      }
    }
    readFieldRow(row)
  }

  /// The held line is the first of the value of this row's label when the label takes text
  /// that runs over lines (a goal, a description) and its value stands in the line's column.
  private mutating func placeLineAboveLabel(_ line: Cell, in row: Row) -> Bool {
    let cells = row.nonEmpty
    guard cells.count >= 2, cells[1].column == line.column, let role = FormVocabulary.role(cells[0].key),
      role != .otherLabel, Self.continues(role), FormVocabulary.role(cells[1].key) == nil
    else { return false }
    addField(role, label: nil, value: line)
    return true
  }

  /// `88100`, `88100…`: three digits or more and nothing else (an ellipsis row may follow).
  /// By bytes: an ASCII digit is a character of its own unless a mark follows, and a mark is
  /// no digit byte (by characters, the test took a tenth of a run-together document's reading).
  static func isDigitRun(_ key: String) -> Bool {
    key.withUTF8Bytes { bytes in
      var end = bytes.count
      // `.` 2E, `…` E2 80 A6.
      while end > 0 {
        if bytes[end - 1] == 0x2E {
          end -= 1
        } else if end >= 3 && bytes[end - 1] == 0xA6 && bytes[end - 2] == 0x80 && bytes[end - 3] == 0xE2 {
          end -= 3
        } else {
          break
        }
      }
      guard end >= 3 else { return false }
      for index in 0..<end where bytes[index] &- 0x30 > 9 { return false }
      return true
    }
  }

  static func endsIndicators(_ role: FieldRole) -> Bool {
    switch role {
    case .name, .notes, .review, .filler, .fillerUnit, .fillDate, .department, .fundsGroup,
      .goalsGroup, .goalAnnual, .goalLongTerm, .description, .basis:
      true
    default: false
    }
  }

  private mutating func startIndicatorBlock(_ row: Row) {
    let keys = row.nonEmpty.map(\.key)
    // The header printed again at the top of a new page, inside the same block: the rows
    // below continue the section (their blank level cells are merged with those above).
    if indicatorReader != nil && keys == headerKeys {
      for cell in row.nonEmpty { layout.append(LayoutCell(role: .repeatedHeader, text: cell.text, span: cell.span)) }
      return
    }
    headerKeys = keys
    taskBlock = nil
    // Sized for the row (and a block label): grown from empty, it was rehashed twice a block.
    var columns = [Int: ColumnRole](minimumCapacity: row.cells.count + 1)
    var unnamed: [Cell] = []
    for cell in row.cells where !cell.isEmpty {
      let key = cell.key
      if let role = ColumnVocabulary.role(key) {
        columns[cell.column] = role
        if role == .blockLabel, let blockHorizon = LevelVocabulary.blockLabel(key), let blockHorizon {
          horizon = blockHorizon
        }
        if role == .blockLabel, let total = LevelVocabulary.declaredWeight(key) {
          if current == nil { current = EntityDraft(span: cell.span) }
          current?.declaredWeightTotal = total
        }
      } else {
        unnamed.append(cell)
      }
      layout.append(LayoutCell(role: .header, text: cell.text, span: cell.span))
    }
    // As `HeaderResolver` names them: an indicator column no other header names.
    for cell in unnamed {
      guard let role = ColumnVocabulary.guessedRole(cell.key), role.isIndicatorColumn, !columns.values.contains(role)
      else { continue }
      columns[cell.column] = role
      context.diagnose("JX120", cell.span, cell.text, ColumnVocabulary.usualHeader(role))
    }
    if current == nil { current = EntityDraft(span: row.nonEmpty.first?.span ?? block.span) }
    if !columns.values.contains(.blockLabel), let first = columns.keys.min(), first > 0 {
      columns[0] = .blockLabel
    }
    indicatorReader = IndicatorRowReader(
      columns: columns, positionsTrusted: context.positionsTrusted, readings: context.targetReadings)
    current?.sections.append([])
    pendingLabels = []
  }

  private mutating func readIndicatorRow(_ row: Row) {
    // The reader is asked in place: a copy of it per row retained its tables.
    guard indicatorReader != nil else { return }
    // The row's cells where they lie, the empty ones passed over: the reader takes them
    // so (`nonEmpty` copied each cell of a row with empty cells into an array of its own).
    var cells = row.cells
    // (Every indicator row is asked: each cell's bytes where they lie, no copy of a cell.)
    for index in cells.indices where !cells[index].isEmpty && cells[index].withTextBytes(InlineFields.hasColon) {
      expandPairs(&cells)
      break
    }
    var first = -1
    var count = 0
    for index in cells.indices where !cells[index].isEmpty {
      if first < 0 { first = index }
      count += 1
    }
    // A block label alone on a row: 长期绩效指标 / 年度绩效指标 switch the horizon.
    if count == 1, let label = LevelVocabulary.blockLabel(cells[first].key) {
      if let label { horizon = label }
      layout.append(LayoutCell(role: .blockLabel, text: cells[first].text, span: cells[first].span))
      return
    }
    // A row of `…` (the template's "and so on"): layout, no indicator.
    if count == 1, StreamRegrouper.isEllipsis(cells[first].key) {
      layout.append(LayoutCell(role: .label, text: cells[first].text, span: cells[first].span))
      return
    }
    // The weights' total under the indicators (`合计 │ │ │ 100`): layout, not an indicator
    // named 合计 whose weight counts twice.
    if Self.isTotalsRow(cells, first: first) {
      for cell in cells where !cell.isEmpty { layout.append(LayoutCell(role: .label, text: cell.text, span: cell.span)) }
      return
    }
    // Read where it will lie, the last row of the entity's last section (taken out of the
    // entity meanwhile): a draft read into a variable was copied into the section, or moved
    // there past a blank one made and destroyed for it.
    let rowSpan = first >= 0 ? cells[first].span : block.span
    guard current != nil else {
      var draft = IndicatorDraft(horizon: horizon, rowSpan: rowSpan)
      indicatorReader!.read(cells, into: &draft)
      tidy(&draft, cells: cells)
      return
    }
    var section = current!.sections.popLast() ?? []
    section.append(IndicatorDraft(horizon: horizon, rowSpan: rowSpan))
    let last = section.count - 1
    indicatorReader!.read(cells, into: &section[last])
    tidy(&section[last], cells: cells)
    current!.sections.append(section)
  }

  /// `指标名称：培训人数；指标值：≥100人`: a cell of an indicator's label/value pairs becomes
  /// the cells of its values, in the order written, each where it lies in the text; the labels
  /// are layout. The cells after it move over by the values it adds.
  private mutating func expandPairs(_ cells: inout [Cell]) {
    var expanded: [Cell] = []
    expanded.reserveCapacity(cells.count + 2)
    for cell in cells {
      guard !cell.isEmpty, InlineFields.hasColon(cell.text), let pairs = IndicatorCellPairs.split(cell.text) else {
        var moved = cell
        moved.column = expanded.count
        expanded.append(moved)
        continue
      }
      for pair in pairs {
        let label = context.part(of: cell, scalarOffset: pair.labelOffset, text: pair.label)
        layout.append(LayoutCell(role: .label, text: label.text, span: label.span))
        guard !pair.value.isEmpty else { continue }
        var value = context.part(of: cell, scalarOffset: pair.valueOffset, text: pair.value)
        value.column = expanded.count
        expanded.append(value)
      }
    }
    cells = expanded
  }

  /// `合计`, `总分`, `分值合计` … first, and nothing after it but numbers. Asked of every
  /// indicator row: the key's bytes are compared in place with the few labels (a set of
  /// strings hashed each row's first key, 1 % of a batch).
  static func isTotalsRow(_ cells: [Cell], first: Int) -> Bool {
    isTotalsRow(cells, first: first) { IndicatorBuilder.weight($0) != nil }
  }

  /// A total's label in the row's first non-empty cell (`first`, -1 for none) and, in each
  /// non-empty cell after it, text that `total` accepts; at least one such cell when
  /// `needsTotal`. (The readers' totals differ: weights in a form, amounts in a list.)
  static func isTotalsRow(_ cells: [Cell], first: Int, needsTotal: Bool = false, _ total: (String) -> Bool) -> Bool {
    guard first >= 0, cells[first].withKeyBytes(isTotalLabel) else { return false }
    var totals = 0
    for index in cells.indices where index > first && !cells[index].isEmpty {
      guard total(cells[index].text) else { return false }
      totals += 1
    }
    return totals >= 1 || !needsTotal
  }

  @inline(__always)
  static func isTotalLabel(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
    // Two to four ideographs; most first cells (level names) fail on their first three bytes.
    guard key.count >= 6, key.count <= 12 else { return false }
    for label in totalLabels where label.count == key.count && label[0] == key[0] && label[1] == key[1] && label[2] == key[2] {
      if label.elementsEqual(key) { return true }
    }
    return false
  }

  static let totalLabels: [[UInt8]] = ["合计", "总计", "小计", "总分", "总分值", "分值合计", "合计分值", "权重合计", "分值总计"].map {
    Array($0.utf8)
  }

  /// What a row's draft tells the table: digits run together, block labels, a shifted row,
  /// cells left over.
  private mutating func tidy(_ draft: inout IndicatorDraft, cells: [Cell]) {
    // Run-together digits with no name under two columns or more besides the name (指标值 │
    // 备注): where the target ends cannot be told (JX119).
    if context.cellsRunTogether, draft.name.isNil, draft.extras.isEmpty, let target = draft.target,
      Self.isDigitRun(target.key), indicatorReader!.slots.filter({ $0.column >= 0 && $0.role != .name }).count >= 2
    {
      draft.digitsRunTogether = true
      digitRuns.append(target)
    }
    // Each cell's key by a span: read in place, not copied out of the array with the cell.
    let span = cells.span
    // A block label beside the row's first indicator (a merged 长期绩效指标 cell printed on its
    // first row, or the top line of one wrapped over its rows: 长期绩效 ⏎ 指标) switches the
    // horizon for this row and those below, as one alone on its row does.
    var rowHorizon: Horizon?
    for index in cells.indices where !span[index].isEmpty && isBlockLabel(span[index]) {
      let cell = cells[index]
      if cell != draft.name && cell != draft.target {
        layout.append(LayoutCell(role: .blockLabel, text: cell.text, span: cell.span))
      }
      if rowHorizon == nil { rowHorizon = LevelVocabulary.blockLabel(cell.key) ?? LevelVocabulary.horizon(ofFragment: cell.key) }
    }
    if let rowHorizon {
      horizon = rowHorizon
      draft.horizon = rowHorizon
    }
    // A name and its target one blank apart in the target's cell (`水质达标率 ≥95%`), where a
    // layout aligned by blanks had a single one between the two columns: the name, then the
    // target, said in a note.
    if draft.name.isNil, let target = draft.target, let split = NameBesideTarget.split(target.text) {
      draft.name = context.part(of: target, scalarOffset: 0, text: split.name)
      draft.target = context.part(of: target, scalarOffset: split.targetOffset, text: split.target)
      draft.targetReading = nil
      context.diagnose("JX123", target.span, target.text, split.name, split.target)
    }
    splitLevelsBesideName(&draft)
    if draft.isShifted && !draft.hasOnlyLevels { shiftedRows.append(draft.rowSpan) }
    for cell in draft.unplaced {
      context.leave(cell, .unknownColumn)
    }
    draft.unplaced = []
    for cell in draft.duplicates { context.leave(cell, .duplicateCell) }
    draft.duplicates = []
  }

  /// Level names and the indicator's name one blank apart in one cell (`社会效益指标 受益人口`
  /// with no level 2 on the row), where a layout aligned by blanks had a single blank between
  /// the columns: the cells placed as `LevelBesideName.placement` says, in a note.
  private mutating func splitLevelsBesideName(_ draft: inout IndicatorDraft) {
    // Most rows have no blank in these cells: nothing to split.
    guard LevelBesideName.mayHoldPieces(draft.name?.text) || LevelBesideName.mayHoldPieces(draft.level2Cell?.text)
      || LevelBesideName.mayHoldPieces(draft.level1Cell?.text)
    else { return }
    for source in LevelBesideName.Slot.allCases.reversed() {
      guard let cell = draft.cell(in: source), let pieces = LevelBesideName.split(cell.text),
        let moves = LevelBesideName.placement(of: pieces, from: source, in: draft)
      else { continue }
      let placed = moves.map { move in
        (move.piece.map { context.part(of: cell, scalarOffset: $0.scalarOffset, text: $0.text) } ?? draft.cell(in: move.from)!, move.to)
      }
      for slot in LevelBesideName.Slot.allCases { draft.setCell(nil, in: slot) }
      for (cell, slot) in placed { draft.setCell(cell, in: slot) }
      context.diagnose("JX124", cell.span, cell.text, pieces.map(\.text).joined(separator: " │ "))
      return
    }
  }

  /// A block label, or part of one in the block-label column (`IndicatorRowReader` passes
  /// both over).
  private func isBlockLabel(_ cell: borrowing Cell) -> Bool {
    let key = cell.key
    if LevelVocabulary.blockLabel(key) != nil { return true }
    return indicatorReader?.role(ofColumn: cell.column) == .blockLabel && LevelVocabulary.isBlockLabelFragment(key)
  }

  private mutating func readFieldRow(_ row: Row) {
    // The row's cells where they lie, the empty ones skipped: `nonEmpty` made an array of
    // copies of a row with empty cells (most rows of a form), asked only for sub-labels.
    let cells = row.cells
    // Short words under a row of funds labels: sub-labels of a group (中央 │ 省级 │ 市级资金 │
    // 本级 under 财政资金), whose values come on the next row.
    if pendingSubLabels.isEmpty, pendingLabels.contains(where: { InlineFields.isMoney($0.role) }) {
      let cells = row.nonEmpty
      if cells.count >= 2,
        cells.allSatisfy({ $0.key.characterCount <= 6 && !$0.key.contains(where: \.isNumber) && FormVocabulary.role($0.key).map(InlineFields.isMoney) != false })
      {
        pendingSubLabels = cells
        for cell in cells { layout.append(LayoutCell(role: .label, text: cell.text, span: cell.span)) }
        return
      }
    }
    // The first label's role, kept for its turn in the walk below: the test for a label and
    // the walk asked the vocabulary twice for every cell up to it.
    var firstLabel = -1
    var firstRole: FieldRole?
    for index in cells.indices where !cells[index].isEmpty {
      if let role = FormVocabulary.role(cells[index].key) {
        firstLabel = index
        firstRole = role
        break
      }
    }
    guard firstLabel >= 0 else {
      readUnlabelledRow(row)
      return
    }
    continuedLabels = []
    if let columns = Self.periodColumns(of: pendingLabels) { periodColumns = columns }
    if !periodColumns.isEmpty {
      if InlineFields.isMoney(firstRole!), readUnderPeriods(cells, label: firstLabel, role: firstRole!) {
        pendingLabels = []
        return
      }
      periodColumns = []
    }
    if firstRole == .tasksGroup || firstRole == .taskName, startTaskBlock(row) { return }
    // The row's labels by their place in `cells`: a pair holding the cell itself was copied
    // at each look. The array is the reader's, reused from row to row (an allocation a row).
    var rowLabels = labelBuffer
    labelBuffer = []
    defer {
      rowLabels.removeAll(keepingCapacity: true)
      labelBuffer = rowLabels
    }
    // The cells by a span: each read in place, not copied out of the array for the turn.
    let span = cells.span
    for index in cells.indices where !span[index].isEmpty {
      let key = span[index].key
      if let role = index < firstLabel ? nil : index == firstLabel ? firstRole : FormVocabulary.role(key) {
        if role == .name, current?.has(.name) == true {
          finishEntity()
        }
        if current == nil { current = EntityDraft(span: span[index].span) }
        // `项目资金（万元）` over the lines, or `年度资金总额（万元）` beside `其中：财政拨款`: the
        // unit of one money label is that of the entity's lines that state none.
        if role == .fundsGroup || (InlineFields.isMoney(role) && current?.moneyUnit == nil),
          let unit = FormVocabulary.moneyUnit(in: key)
        {
          current?.moneyUnit = unit
        }
        rowLabels.append((index, role, false))
        continue
      }
      readFieldRowCell(span[index], at: index, key: key, row: row, labels: &rowLabels, cells: cells)
    }
    pendingLabels = []
    for label in rowLabels where !label.valued {
      let cell = cells[label.index]
      addLabelOnly(cell, role: label.role)
      // Labels without values hand their columns to the next row.
      if !Self.isGroup(label.role) || label.role == .scheduleGroup { pendingLabels.append((cell.column, label.role, cell)) }
    }
    if pendingLabels.contains(where: { $0.role == .milestoneContent }) { pendingLabels.removeAll { $0.role == .scheduleGroup || $0.role == .goalsGroup } }
  }

  /// The header row of a task block (年度主要任务 │ 任务名称 │ 主要内容 │ 预算金额（万元）)
  /// starts it; its cells are layout. A group label alone (年度主要任务 over a header on the
  /// next row) is read as any label.
  private mutating func startTaskBlock(_ row: Row) -> Bool {
    let cells = row.nonEmpty
    guard let block = TaskBlock(header: cells) else { return false }
    taskBlock = block
    if current == nil { current = EntityDraft(span: cells[0].span) }
    for cell in cells { addLabelOnly(cell, role: .taskName) }
    // The funds column's unit (预算金额（万元）) is the block's amounts' and the sum row's.
    if current?.moneyUnit == nil, let funds = block.columns.first(where: { $0.role == .taskFunds }) {
      current?.moneyUnit = FormVocabulary.moneyUnit(in: funds.cell.key)
    }
    pendingLabels = []
    return true
  }

  /// A row of the task block; false when the row ends the block, to be read as any other.
  private mutating func readTaskRow(_ row: Row) -> Bool {
    let cells = row.nonEmpty
    switch taskBlock!.read(cells, positionsTrusted: context.positionsTrusted) {
    case .end:
      taskBlock = nil
      return false
    case .subLabels:
      for cell in cells { addLabelOnly(cell, role: .fundsTotal) }
      return true
    case .values(let placement, let sumLabel):
      for cell in placement.layout { addLabelOnly(cell, role: .tasksGroup) }
      for cell in placement.leftover { context.leave(cell, .unknownColumn) }
      if let cell = placement.uncertain, let field = placement.fields.first(where: { $0.value == cell }) {
        context.diagnose("JX105", cell.span, field.label.text, String(cell.span.line))
      }
      if let sumLabel {
        // The sum row's amounts are the department's funds; the block ends with it.
        addLabelOnly(sumLabel, role: .fundsTotal)
        for field in placement.fields { addField(field.role, label: field.label, value: field.value) }
        taskBlock = nil
      } else if !placement.fields.isEmpty {
        if current == nil { current = EntityDraft(span: placement.fields[0].value.span) }
        current?.tasks.append(placement.fields.map { FieldDraft(role: $0.role, label: $0.label, value: $0.value) })
      }
      return true
    }
  }

  /// A cell of a labelled row that is no label: layout, an empty label, the value of the
  /// row's last label or of the label above it, or a loose cell.
  private mutating func readFieldRowCell(
    _ cell: borrowing Cell, at index: Int, key: String, row: Row,
    labels rowLabels: inout [(index: Int, role: FieldRole, valued: Bool)], cells: [Cell]
  ) {
    if LevelVocabulary.blockLabel(key) != nil || Self.isLabelFragment(cell, in: row) {
      layout.append(LayoutCell(role: .label, text: cell.text, span: cell.span))
      return
    }
    // `项目资金` ⏎ `（万元）`: a label's unit wrapped onto the next line is no value; it is the
    // unit of the entity's funds.
    if let unit = FormVocabulary.bracketedMoneyUnit(key) {
      layout.append(LayoutCell(role: .unit, text: cell.text, span: cell.span))
      if current != nil && current?.moneyUnit == nil { current?.moneyUnit = unit }
      return
    }
    if Self.isEmptyLabel(cell) {
      addLabelOnly(cell, role: .otherLabel)
      return
    }
    // `年度资金总额 │ 100 │ 其中：中央 │ 50 │ 省级 │ 30`: after a money label's amount, words that
    // name a part of money, an amount after them, label a line of it (they were a second and
    // third value of the label, JX111).
    if let last = rowLabels.last, last.valued, InlineFields.isMoney(last.role), Self.namesFundsPart(cell),
      let next = cells[(index + 1)...].first(where: { !$0.isEmpty }), AmountReader.read(next.text, defaultUnit: .wanYuan) != nil
    {
      rowLabels.append((index, last.role == .fiscal || last.role == .fiscalPart ? .fiscalPart : .fundsLine, false))
      return
    }
    if let last = rowLabels.indices.last {
      if rowLabels[last].valued {
        addField(rowLabels[last].role, label: nil, value: copy cell)
      } else {
        addField(rowLabels[last].role, label: cells[rowLabels[last].index], value: copy cell)
        rowLabels[last].valued = true
      }
    } else if let pending = pendingLabel(for: cell.column) {
      addField(pending.role, label: pending.cell, value: copy cell)
    } else {
      readLooseCell(copy cell)
    }
  }

  /// The funds columns of a row of labels when they split the money by period, one column
  /// for the year and at least one for several years; nil otherwise.
  static func periodColumns(of labels: [(column: Int, role: FieldRole, cell: Cell)])
    -> [(column: Int, cell: Cell, period: FormVocabulary.FundsPeriod)]?
  {
    let columns = labels.compactMap { label in
      InlineFields.isMoney(label.role) ? FormVocabulary.fundsPeriod(label.cell.key).map { (label.column, label.cell, $0) } : nil
    }
    guard columns.contains(where: { $0.2 == .annual }), columns.contains(where: { $0.2 == .multiYear }) else { return nil }
    return columns.sorted { $0.0 < $1.0 }
  }

  /// A row of funds under period columns (`年度金额： │ 36,000 │ 12,000` under `中期资金总额 │
  /// 年度资金总额`): the year's amount is the label's; an amount for several years is a line
  /// named by its column and the label. The label's last value would be taken for the year
  /// (the mid-term 36,000 was the project's total). False when the row's cells do not fall
  /// under the columns, to be read as any other row.
  private mutating func readUnderPeriods(_ cells: [Cell], label index: Int, role: FieldRole) -> Bool {
    guard !cells[..<index].contains(where: { !$0.isEmpty }) else { return false }
    let values = cells[(index + 1)...].filter { !$0.isEmpty }
    guard !values.isEmpty, values.allSatisfy({ FormVocabulary.role($0.key) == nil }) else { return false }
    var placed: [(value: Cell, column: (column: Int, cell: Cell, period: FormVocabulary.FundsPeriod))] = []
    let byColumn = values.compactMap { value in periodColumns.first { $0.column == value.column }.map { (value, $0) } }
    if context.positionsTrusted && byColumn.count == values.count {
      placed = byColumn
    } else if values.count == periodColumns.count {
      placed = Array(zip(values, periodColumns)).map { ($0, $1) }
    } else {
      return false
    }
    for (value, column) in placed {
      if column.period == .annual {
        addField(role, label: cells[index], value: value)
      } else {
        addField(.fundsLine, label: cells[index], value: value, column: column.cell)
      }
    }
    return true
  }

  /// A vertical label that lost its other characters (`总` for 总体目标, `绩` for 绩效指标):
  /// one character that begins a group label, first on a row that holds a real label.
  static func isLabelFragment(_ cell: Cell, in row: Row) -> Bool {
    let key = cell.key
    // A first scalar that starts none of the labels rules the cell out before characters
    // are counted or cells compared (总, 绩, 项 and 资 have no other canonical form). Read
    // as its three bytes: the first scalar of a string cost some 600 instructions.
    let mayBeFragment = key.withUTF8Bytes { bytes in
      guard bytes.count >= 3 else { return false }
      switch (bytes[0], bytes[1], bytes[2]) {
      case (0xE6, 0x80, 0xBB), (0xE7, 0xBB, 0xA9), (0xE9, 0xA1, 0xB9), (0xE8, 0xB5, 0x84): return true
      default: return false
      }
    }
    guard mayBeFragment else { return false }
    // One character that is one of those four scalars is their three bytes alone (none is
    // the same as a longer sequence): counting the characters of a long cell cost more.
    guard key.utf8.count == 3, cell == row.nonEmpty.first, let character = key.first, character.unicodeScalars.first?.properties.isIdeographic == true
    else { return false }
    return ["总体目标", "绩效指标", "绩效目标", "项目绩效目标", "资金情况"].contains { $0.first == character }
  }

  static func isGroup(_ role: FieldRole) -> Bool {
    role == .fundsGroup || role == .goalsGroup || role == .scheduleGroup
  }

  private mutating func readUnlabelledRow(_ row: Row) {
    let cells = row.nonEmpty
    // A line of its own pairs (`填表人: 宋云花 联系电话:…`) is not a value of the labels above.
    // Its pairs are handed on: the readers below would read them again.
    var loneSplit: InlineSplit?
    if !pendingLabels.isEmpty && cells.count == 1 { loneSplit = InlineSplit(InlineFields.split(cells[0].text, simplify: cells[0].isTraditional)) }
    guard !pendingLabels.isEmpty, !(cells.count == 1 && loneSplit?.result != nil) else {
      if pendingLabels.isEmpty, let continued = placeUnderContinuedLabels(cells) {
        for (cell, label) in continued { addField(label.role, label: nil, value: cell) }
        return
      }
      continuedLabels = []
      readUnknownLabels(cells, loneSplit: loneSplit)
      return
    }
    continuedLabels = []
    // `其中：财政拨款 │` (empty) ⏎ `一般公共预算拨款 │ 80`: a source the vocabulary does not know,
    // with its amount, under a money label left without one is a part of that label's money
    // (as 银行贷款 │ 30 under 财政拨款 │ 150 is a line), not the label's value; the label waits
    // for the next part.
    if cells.count == 2, pendingSubLabels.isEmpty, let pending = pendingLabel(for: cells[0].column),
      InlineFields.isMoney(pending.role), Self.mayNameFunds(cells[0]),
      AmountReader.read(cells[1].text, defaultUnit: .wanYuan) != nil
    {
      addField(pending.role == .fiscal ? .fiscalPart : .fundsLine, label: cells[0], value: cells[1])
      return
    }
    expandSubLabels(valueCount: cells.count)
    let placed = placeUnderPendingLabels(cells, row: row)
    if pendingLabels.contains(where: { $0.role == .milestoneContent || $0.role == .milestoneStart }) {
      var milestone: [FieldDraft] = []
      for (cell, label) in placed {
        if let label {
          milestone.append(FieldDraft(role: label.role, label: label.cell, value: cell))
        } else {
          readLooseCell(cell)
        }
      }
      if !milestone.isEmpty { current?.milestones.append(milestone) }
      return
    }
    for (cell, label) in placed {
      if let label {
        addField(label.role, label: label.cell, value: cell)
      } else {
        readLooseCell(cell)
      }
    }
    // A row of labels heads one row of values (milestones excepted, above); text under
    // several of them may run on by column.
    if placed.count >= 2, placed.allSatisfy({ $0.1.map { Self.continues($0.role) && $0.role != .otherLabel } ?? false }) {
      continuedLabels = placed.compactMap(\.1)
    }
    pendingLabels = []
  }

  /// Replaces the group label (财政资金) by its sub-labels when the values row has one value
  /// per leaf column.
  private mutating func expandSubLabels(valueCount: Int) {
    guard !pendingSubLabels.isEmpty else { return }
    defer { pendingSubLabels = [] }
    let labels = pendingLabels.sorted { $0.column < $1.column }
    guard labels.count - 1 + pendingSubLabels.count == valueCount,
      let group = labels.firstIndex(where: { $0.role == .fiscal }) ?? (labels.count > 1 ? 1 : nil)
    else { return }
    // The sub-columns share the group's unit (财政资金(万元)).
    if current?.moneyUnit == nil, let unit = FormVocabulary.moneyUnit(in: labels[group].cell.key) { current?.moneyUnit = unit }
    var expanded = Array(labels[..<group])
    for (offset, sub) in pendingSubLabels.enumerated() {
      expanded.append((labels[group].column * 100 + offset, labels[group].role == .fiscal ? .fiscalPart : .fundsLine, sub))
    }
    expanded += labels[(group + 1)...].map { ($0.column * 100 + 99, $0.role, $0.cell) }
    pendingLabels = expanded
  }

  /// A row with no label the vocabulary knows: label-shaped cells (`中央主管部门`,
  /// `单位已有的保证专项实施的制度、措施`) with their values, text continuing the field above, or
  /// residue.
  private mutating func readUnknownLabels(_ cells: [Cell], loneSplit: InlineSplit? = nil) {
    // 银行贷款 │ 30 under 财政拨款 │ 150: a source of the funds that the vocabulary does not
    // know is a fund line, its label kept (it went to residue).
    if cells.count == 2, let role = lastFieldRole, InlineFields.isMoney(role), Self.mayNameFunds(cells[0]),
      AmountReader.read(cells[1].text, defaultUnit: .wanYuan) != nil
    {
      addField(.fundsLine, label: cells[0], value: cells[1])
      return
    }
    // The pairs of a lone cell, read at most once.
    var loneSplit = loneSplit
    func split(ofLone cell: Cell) -> InlineSplit {
      if let loneSplit { return loneSplit }
      let split = InlineSplit(InlineFields.split(cell.text, simplify: cell.isTraditional))
      loneSplit = split
      return split
    }
    if cells.count == 1, LevelVocabulary.blockLabel(cells[0].key) != nil {
      layout.append(LayoutCell(role: .blockLabel, text: cells[0].text, span: cells[0].span))
      return
    }
    if cells.count == 1, let role = lastFieldRole, Self.continues(role), split(ofLone: cells[0]).result == nil,
      !Self.isEmptyLabel(cells[0]), !FormVocabulary.looksLikeLabel(cells[0].key)
    {
      addField(role, label: nil, value: cells[0])
      return
    }
    // `中央主管部门 │ 财政部… │ 省级财政部门 │ …`: alternate labels and values.
    if cells.count >= 2, cells.count % 2 == 0,
      stride(from: 0, to: cells.count, by: 2).allSatisfy({ FormVocabulary.looksLikeLabel(cells[$0].key) })
    {
      for index in stride(from: 0, to: cells.count, by: 2) {
        addField(.otherLabel, label: cells[index], value: cells[index + 1])
      }
      return
    }
    var index = 0
    var paired = false
    while index < cells.count {
      let cell = cells[index]
      if FormVocabulary.looksLikeLabel(cell.key), index + 1 < cells.count, !FormVocabulary.looksLikeLabel(cells[index + 1].key) {
        addField(.otherLabel, label: cell, value: cells[index + 1])
        index += 2
        paired = true
        continue
      }
      if (paired && FormVocabulary.looksLikeLabel(cell.key)) || Self.isEmptyLabel(cell) {
        addLabelOnly(cell, role: .otherLabel)
      } else if cells.count == 1, split(ofLone: cell).result == nil {
        lineAboveLabel = cell
      } else {
        readLooseCell(cell, split: cells.count == 1 ? split(ofLone: cell) : nil)
      }
      index += 1
    }
  }

  /// Words for a part of money in a row of amounts: a source (`mayNameFunds`) or a level of
  /// government alone (中央, 省级, 县级), 其中 before it or not.
  static func namesFundsPart(_ cell: Cell) -> Bool {
    if mayNameFunds(cell) { return true }
    var key = Substring(cell.key)
    for lead in ["其中:", "其中"] where key.hasPrefix(lead) { key = key.dropFirst(lead.count) }
    return governmentLevels.contains(String(key))
  }

  private static let governmentLevels: Set<String> = [
    "中央", "省级", "省", "市级", "市", "县级", "县", "区级", "区", "本级", "乡镇", "乡镇级", "镇级", "州级", "盟市",
  ]

  /// A short label without digits that names money in a word (社会投入, 其中：银行贷款,
  /// 专项债券资金) and no level: a line of funds, not a row of a table that lost its header
  /// (受益人数 │ 500 is no amount of money).
  static func mayNameFunds(_ cell: Cell) -> Bool {
    let key = cell.key
    guard !key.containsASCIIDigit() else { return false }
    let characters = key.count
    guard (2...16).contains(characters), moneyWords.contains(where: { key.containsBytes($0) }),
      LevelVocabulary.blockLabel(key) == nil
    else { return false }
    let levels = LevelVocabulary.levels(key)
    return levels.level1 == nil && levels.level2 == nil
  }

  private static let moneyWords = [
    "资金", "收入", "拨款", "投入", "贷款", "自筹", "支出", "经费", "补助", "配套", "债", "基金", "预算", "合计", "小计", "融资",
  ]

  /// `市:`, `已实施情况:`: a label whose value was left empty.
  static func isEmptyLabel(_ cell: Cell) -> Bool {
    // Without a colon anywhere (`:`, or `：` EF BC 9A) it ends with none: most cells are
    // ruled out by one walk over their bytes, before they are trimmed.
    guard InlineFields.hasColon(cell.text) else { return false }
    let text = cell.text.trimmingBlanks()
    return (text.hasSuffixBytes(":") || text.hasSuffixBytes("：")) && text.unicodeScalars.count <= 12
  }

  static func continues(_ role: FieldRole) -> Bool {
    switch role {
    case .goalAnnual, .goalLongTerm, .goalsGroup, .description, .basis, .feasibility, .necessity, .functions, .notes,
      .otherLabel:
      true
    default: false
    }
  }

  /// Values under a row of labels: by column where the layout keeps empty cells, in order
  /// where it drops them. A row with fewer values than labels is matched uncertainly (JX105).
  private mutating func placeUnderPendingLabels(_ cells: [Cell], row: Row)
    -> [(Cell, (column: Int, role: FieldRole, cell: Cell)?)]
  {
    let labels = pendingLabels.sorted { $0.column < $1.column }
    let labelRowWidth = (labels.map(\.column).max() ?? 0) + 1
    if context.positionsTrusted, cells.allSatisfy({ pendingLabel(for: $0.column) != nil }) {
      let placed = cells.map { ($0, pendingLabel(for: $0.column)) }
      if row.cells.count < labelRowWidth && labels.count > 1, let (cell, label) = placed.first, let label {
        context.diagnose("JX105", cell.span, label.cell.text, String(cell.span.line))
      }
      return placed
    }
    var placed: [(Cell, (column: Int, role: FieldRole, cell: Cell)?)] = []
    for (index, cell) in cells.enumerated() {
      let label = index < labels.count ? labels[index] : labels.last
      placed.append((cell, label))
    }
    if cells.count < labels.count, let (cell, label) = placed.first, let label {
      context.diagnose("JX105", cell.span, label.cell.text, String(cell.span.line))
    }
    return placed
  }

  /// The cells of a row of two or more, each in the column of one of `continuedLabels`, that
  /// label's text running on; nil when a cell stands elsewhere, or is a label.
  private func placeUnderContinuedLabels(_ cells: [Cell]) -> [(Cell, (column: Int, role: FieldRole, cell: Cell))]? {
    guard cells.count >= 2, !continuedLabels.isEmpty,
      !cells.contains(where: { FormVocabulary.looksLikeLabel($0.key) || Self.isEmptyLabel($0) })
    else { return nil }
    if context.positionsTrusted {
      let placed = cells.compactMap { cell in continuedLabels.first { $0.column == cell.column }.map { (cell, $0) } }
      return placed.count == cells.count ? placed : nil
    }
    return cells.count == continuedLabels.count ? Array(zip(cells, continuedLabels)) : nil
  }

  /// The pending label of a column, or of the nearest column to its left.
  private func pendingLabel(for column: Int) -> (column: Int, role: FieldRole, cell: Cell)? {
    if let exact = pendingLabels.first(where: { $0.column == column }) { return exact }
    return pendingLabels.filter { $0.column < column }.max { $0.column < $1.column }
  }

  /// A cell outside any label: `填报人： 李长洋`, or something unknown.
  /// `split`: the cell's pairs, when the caller has read them.
  private mutating func readLooseCell(_ cell: Cell, split: InlineSplit? = nil) {
    if let (pieces, leftover) = (split ?? InlineSplit(InlineFields.split(cell.text, simplify: cell.isTraditional))).result, !pieces.isEmpty {
      for piece in pieces {
        // A second name starts the next entity, as a name label does (`readFieldRow`).
        if piece.role == .name, current?.has(.name) == true { finishEntity() }
        if current == nil { current = EntityDraft(span: cell.span) }
        let label = context.part(of: cell, scalarOffset: piece.labelOffset, text: piece.label)
        if piece.value.isEmpty {
          addLabelOnly(label, role: piece.role)
        } else {
          addField(piece.role, label: label, value: context.part(of: cell, scalarOffset: piece.valueOffset, text: piece.value))
        }
      }
      if let leftover { leaveBledText(cell, from: leftover) }
      return
    }
    context.leave(cell, .unrecognisedRow)
  }

  /// What `InlineFields.split` read in a cell, nil inside when no pairs: boxed in a struct so
  /// that "not read yet" (an optional of it) and "read, none" differ plainly.
  struct InlineSplit {
    let result: (pieces: [InlineFields.Piece], leftoverOffset: Int?)?
    init(_ result: (pieces: [InlineFields.Piece], leftoverOffset: Int?)?) { self.result = result }
  }

  private mutating func addField(_ role: FieldRole, label: Cell?, value: Cell, column: Cell? = nil) {
    if current == nil { current = EntityDraft(span: label?.span ?? value.span) }
    // A funds group label's value is a cell of inline pairs (`资金总额：350 财政拨款：350`).
    let isMoney = InlineFields.isMoney(role)
    let amount = isMoney ? AmountReader.read(value.text, defaultUnit: .yuan) : nil
    if role == .fundsGroup || isMoney && amount == nil,
      let (pieces, leftover) = InlineFields.split(value.text, simplify: value.isTraditional), !pieces.isEmpty
    {
      if let label { addLabelOnly(label, role: role) }
      // `项目资金（元）：年度资金总额 18,600,000.00 …`: the group's unit is its pairs'.
      if role == .fundsGroup, current?.moneyUnit == nil, let label { current?.moneyUnit = FormVocabulary.moneyUnit(in: label.key) }
      for piece in pieces {
        let pieceLabel = context.part(of: value, scalarOffset: piece.labelOffset, text: piece.label)
        if piece.value.isEmpty {
          addLabelOnly(pieceLabel, role: piece.role)
        } else {
          current?.fields.append(
            FieldDraft(role: piece.role, label: pieceLabel, value: context.part(of: value, scalarOffset: piece.valueOffset, text: piece.value)))
        }
      }
      if let leftover { leaveBledText(value, from: leftover) }
      return
    }
    current?.fields.append(FieldDraft(role: role, label: label, value: value, amount: isMoney ? .some(amount) : .none, column: column))
    lastFieldRole = role
  }

  private mutating func addLabelOnly(_ label: Cell, role: FieldRole) {
    if current == nil { current = EntityDraft(span: label.span) }
    current?.layout.append(LayoutCell(role: .label, text: label.text, span: label.span))
  }

  /// Text after the last inline pair that no label explains: template sub-labels (`1、事业收入`)
  /// are layout; the rest bled in from elsewhere on the page.
  private mutating func leaveBledText(_ cell: Cell, from offset: Int) {
    let scalars = Array(cell.text.unicodeScalars)
    var position = offset
    while position < scalars.count {
      var end = position
      while end < scalars.count, !Blank.isBlank(scalars[end]) { end += 1 }
      let word = String(scalars: scalars[position..<end])
      let wordKey = TextKey.make(word, simplify: cell.isTraditional)
      let key = FormVocabulary.stripNumbering(wordKey)
      guard key != wordKey, ["事业收入", "经营性收入", "其他", "经营收入", "其他收入"].contains(key) else { break }
      current?.layout.append(LayoutCell(role: .label, text: word, span: context.text.span(cellStart: cell.start, scalarOffset: position, length: end - position)))
      position = end
      while position < scalars.count, Blank.isBlank(scalars[position]) { position += 1 }
    }
    guard position < scalars.count else { return }
    let text = String(scalars: scalars[position...])
    let part = context.part(of: cell, scalarOffset: position, text: text)
    context.residue.append(ResidueItem(text: text, span: part.span, reason: .bledText))
    context.diagnose("JX104", part.span, String(text.prefix(24)))
  }

  private mutating func finishEntity() {
    if let entity = current.take() { entities.append(entity) }
    current = nil
    pendingLabels = []
    indicatorReader = nil
    taskBlock = nil
    horizon = .annual
  }
}
