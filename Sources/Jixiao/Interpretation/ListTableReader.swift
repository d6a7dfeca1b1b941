/// Reads a list-style table: one row per indicator, with project columns (单位编码, 项目名称,
/// 资金总额, 绩效目标) written on a project's first row and left blank below (merged cells).
///
/// After a page break the converter repeats the header, and the first row repeats the
/// project's columns: the project continues. A row whose name column is blank but whose
/// 绩效目标 column holds new text starts a project named by that text (the name slid one
/// column right in the source).
struct ListTableReader {
  private(set) var context: ReadingContext
  private let block: TableBlock
  private var entities: [EntityDraft] = []
  private var current: EntityDraft?
  private var totals: [TotalsDraft] = []
  /// Lines above the header that say whose the projects are (`部门名称：某县教育局`): fields of
  /// every project, after its own.
  private var sharedFields: [FieldDraft] = []
  /// The unit a heading row named (`unitHeading`), given to each project below it.
  private var unit: FieldDraft?
  private var currentKey: String?
  private(set) var header = HeaderResolver.Result()
  private var headerSignatures: [[String]] = []
  /// The header's roles by column (nil past the last named one): a dictionary look-up for
  /// every cell of every row cost more than the rest of sorting the cell.
  private var roleByColumn: [ColumnRole?] = []
  /// The columns of the project's name and goal: the leftmost of each role (the header's
  /// roles are a dictionary, whose order changes from process to process).
  private var nameColumn: Int?
  private var goalColumn: Int?
  /// Name columns that name the project's unit beside a column of project names (单位名称 │
  /// 项目名称): their cells are the implementing unit, not the project's name.
  private var unitColumns: Set<Int> = []
  /// The name column names units as well as projects (单位名称（项目名称）).
  private var namesUnits = false
  /// The leftmost indicator column: the columns before it are the project's.
  private(set) var firstIndicatorColumn = Int.max
  /// The one money unit the header's project columns name (`资金总额（元）` beside a bare
  /// 财政拨款 │ 其他资金, or `项目资金（元）` over them): every amount's without its own.
  private var headerMoneyUnit: MoneyUnit?
  private var indicatorReader = IndicatorRowReader(columns: [:])
  var layout: [LayoutCell] = []

  private init(block: TableBlock, context: ReadingContext) {
    self.block = block
    self.context = context
  }

  static func read(
    _ block: TableBlock, context: inout ReadingContext
  ) -> (entities: [EntityDraft], layout: [LayoutCell], totals: [TotalsDraft]) {
    var reader = ListTableReader(block: block, context: context)
    reader.readAll()
    context = reader.context
    // A sum printed under the header, above the projects, sums them all.
    for index in reader.totals.indices where reader.totals[index].entities == nil {
      reader.totals[index].entities = 0..<reader.entities.count
    }
    return (reader.entities, reader.layout, reader.totals)
  }

  private mutating func readAll() {
    var headerRows: [Row] = []
    var index = 0
    var rows = block.rows
    while index < rows.count, rows[index].isBlank || readSharedFields(rows[index]) { index += 1 }
    while index < rows.count,
      rows[index].isBlank || RowClassifier.kind(of: rows[index]) == .header || (!headerRows.isEmpty && Self.isSubHeader(rows[index]))
    {
      if !rows[index].isBlank { headerRows.append(rows[index]) }
      index += 1
    }
    useHeader(headerRows, role: .header)
    if context.linesArePlaced { rows = movingCentredProjectCells(rows, from: index) }
    var pendingHeader: [Row] = []
    while index < rows.count {
      let row = rows[index]
      index += 1
      if row.isBlank { continue }
      if RowClassifier.kind(of: row) == .header {
        pendingHeader.append(row)
        continue
      }
      if !pendingHeader.isEmpty {
        let signatures = pendingHeader.map { $0.nonEmpty.map(\.key) }
        if signatures.allSatisfy({ headerSignatures.contains($0) }) {
          for headerRow in pendingHeader { addLayout(headerRow, .repeatedHeader) }
        } else {
          useHeader(pendingHeader, role: .header)
        }
        pendingHeader = []
      }
      readDataRow(row)
    }
    for headerRow in pendingHeader { addLayout(headerRow, .repeatedHeader) }
    finishEntity()
  }

  private mutating func useHeader(_ rows: [Row], role: LayoutCell.Role) {
    header = HeaderResolver.resolve(rows)
    roleByColumn = Array(repeating: nil, count: max(header.roles.keys.max() ?? -1, -1) + 1)
    for (column, role) in header.roles where column >= 0 { roleByColumn[column] = role }
    func namesUnit(_ column: Int) -> Bool {
      header.labels[column].map { $0.key.containsBytes("单位") || $0.key.containsBytes("部门") } ?? false
    }
    let nameColumns = header.roles.filter { $0.value == .projectName }.keys.sorted()
    let projectColumn = nameColumns.first { header.labels[$0]?.key.containsBytes("项目") == true && !namesUnit($0) }
    nameColumn = nameColumns.count >= 2 ? projectColumn ?? nameColumns.first : nameColumns.first
    unitColumns = Set(nameColumns.filter { $0 != nameColumn && nameColumn == projectColumn && namesUnit($0) })
    namesUnits = nameColumn.map(namesUnit) ?? false
    goalColumn = header.roles.filter { $0.value == .goal }.keys.min()
    firstIndicatorColumn = header.roles.filter { $0.value.isIndicatorColumn }.keys.min() ?? Int.max
    let units = Set(rows.flatMap(\.nonEmpty).filter { $0.column < firstIndicatorColumn }.compactMap { FormVocabulary.moneyUnit(in: $0.key) })
    headerMoneyUnit = units.count == 1 ? units.first : nil
    headerSignatures = rows.map { $0.nonEmpty.map(\.key) }
    for row in rows { addLayout(row, role) }
    for cell in header.guessed { context.diagnose("JX120", cell.span, cell.text, header.roles[cell.column].map(ColumnVocabulary.usualHeader) ?? "") }
    indicatorReader = IndicatorRowReader(
      columns: header.roles.filter { $0.value.isIndicatorColumn }, positionsTrusted: context.positionsTrusted,
      readings: context.targetReadings)
  }

  private mutating func addLayout(_ row: Row, _ role: LayoutCell.Role) {
    for cell in row.nonEmpty { layout.append(LayoutCell(role: role, text: cell.text, span: cell.span)) }
  }

  /// The role of a cell's column, as `header.roles[column]`.
  func role(_ column: Int) -> ColumnRole? {
    column < roleByColumn.count ? roleByColumn[column] : nil
  }

  /// The row's cell in `column` (`nameColumn`, `goalColumn`), unless it is empty. A realigned
  /// row's cells are not at their columns' indices (its empty cells are not there).
  private func cell(_ row: Row, _ column: Int?) -> Cell? {
    guard let column, column >= 0 else { return nil }
    let cell: Cell
    if column < row.cells.count, row.cells[column].column == column {
      cell = row.cells[column]
    } else {
      guard let found = row.cells.first(where: { $0.column == column }) else { return nil }
      cell = found
    }
    return cell.isEmpty ? nil : cell
  }

  private mutating func readDataRow(_ slid: Row) {
    // `合计 │ │ 3,770.00 │ 3,550.00`: the list's sums, no project (before, a project named 合计,
    // or lines of the last project's funds where the row lost its empty cells).
    if Self.isTotalsRow(slid.cells) {
      finishEntity()
      addLayout(slid, .label)
      readTotals(slid)
      return
    }
    // Asked once: both the indicators-only test and the realignment need it.
    let projectCellsOnly = !context.positionsTrusted && isProjectCellsOnly(slid.nonEmpty)
    if isIndicatorsOnly(slid, projectCellsOnly: projectCellsOnly) {
      readIndicator(slid.nonEmpty, row: slid)
      return
    }
    let (row, placedInOrder) = realigned(slid, projectCellsOnly: projectCellsOnly)
    for cell in placedInOrder {
      context.diagnose("JX105", cell.span, header.labels[cell.column]?.text ?? "", String(cell.span.line))
    }
    let nameCell = cell(row, nameColumn)
    let goalCell = cell(row, goalColumn)
    if let nameCell {
      let key = TextKey.make(nameCell.text)
      if key != currentKey {
        if let heading = unitHeading() {
          // The unit of the projects below, not a project.
          unit = heading
          current = nil
        } else {
          finishEntity()
        }
        startEntity(at: nameCell, key: key)
        if let unit { current?.fields.append(unit) }
      }
    } else if let goalCell, current == nil || TextKey.make(goalCell.text) != currentGoalKey {
      // The name slid into the goal column: the project is named by that text.
      let key = TextKey.make(goalCell.text)
      if key != currentKey {
        finishEntity()
        startEntity(at: goalCell, key: key)
        current?.fields.append(FieldDraft(role: .name, label: header.labels[goalCell.column], value: goalCell))
        context.diagnose("JX109", goalCell.span, goalCell.text)
      }
    }
    if current == nil { startEntity(at: row.nonEmpty.first ?? nameCell ?? block.title ?? row.cells[0], key: "") }
    // One look-up of each cell's column: a project field, or a cell of the indicator.
    var indicatorCells: [Cell] = []
    indicatorCells.reserveCapacity(row.cells.count)
    for cell in row.cells {
      let columnRole = role(cell.column)
      guard let role = columnRole, role.isProjectColumn else {
        if columnRole == nil, cell.column < firstIndicatorColumn {
          // A column before the indicator's that no list names: the project's, not a cell
          // of its first indicator (which would then be read from the wrong cell on).
          if !cell.isEmpty { readUnnamedProjectCell(cell) }
          continue
        }
        indicatorCells.append(cell)
        continue
      }
      if cell.isEmpty { continue }
      let field = FieldDraft(role: fieldRole(cell.column, role), label: header.labels[cell.column], value: cell)
      current?.fields.append(field)
    }
    readIndicator(indicatorCells, row: row)
  }

  /// In text copied from a rendered page, empty cells are gone and the cells after them have
  /// slid left. The first level name (产出指标, 数量指标) shows where the indicator columns
  /// start: the cells before it go to the project columns in order, the rest to the
  /// indicator columns (read by content there).
  /// `placedInOrder`: amounts that fewer amounts than amount columns left uncertain (JX105).
  /// Where a cell's text may have been cut in pieces (`cellsMayBePieces`), more cells before
  /// the first level name than project columns are pieces of the project's texts: they are
  /// joined back (`joinedProjectCells`), whatever the row's width.
  private func realigned(_ row: Row, projectCellsOnly: Bool) -> (row: Row, placedInOrder: [Cell]) {
    guard !context.positionsTrusted else { return (row, []) }
    let cells = row.nonEmpty
    guard let anchor = Self.firstLevel(cells) ?? (projectCellsOnly ? cells.count : nil) else { return (row, []) }
    let projectColumns = header.roles.filter { $0.value.isProjectColumn }.keys.sorted()
    let indicatorColumns = header.roles.filter { $0.value.isIndicatorColumn }.keys.sorted()
    guard let firstIndicator = indicatorColumns.first else { return (row, []) }
    let projectCells: [Cell]
    if anchor > projectColumns.count, context.cellsMayBePieces,
      let joined = joinedProjectCells(cells[..<anchor], in: projectColumns)
    {
      projectCells = joined
    } else {
      guard Self.width(row) < header.columnCount, anchor <= projectColumns.count else { return (row, []) }
      projectCells = placeProjectCells(cells[..<anchor], in: projectColumns)
    }
    var placed = row
    placed.cells = projectCells + cells[anchor...].enumerated().map { index, cell in
      var cell = cell
      cell.column = firstIndicator + index
      return cell
    }
    // Amounts go to the amount columns in order, the first (资金总额) first: with fewer
    // amounts than columns, which column each later one had is not known.
    let amountColumns = projectColumns.filter { Self.isAmountColumn(header.roles[$0]) }.count
    let amounts = projectCells.filter { Self.isAmountColumn(header.roles[$0.column]) }
    return (placed, amounts.count >= 2 && amounts.count < amountColumns ? Array(amounts.dropFirst()) : [])
  }

  private static func isAmountColumn(_ role: ColumnRole?) -> Bool {
    switch role {
    case .fundsTotal, .fiscal, .governmentFund, .specialAccount, .otherFunds, .basicSpending, .projectSpending: true
    default: false
    }
  }

  /// A cell under a header no list holds, before the indicator columns: a field of the
  /// project under its header's words, or residue where the header is blank there.
  private mutating func readUnnamedProjectCell(_ cell: Cell) {
    guard current != nil, let label = header.unnamedLabels[cell.column] else {
      context.leave(cell, .unknownColumn)
      return
    }
    current?.fields.append(FieldDraft(role: .otherLabel, label: label, value: cell))
  }

  /// The project cells of a slid row in their columns: in order, each in the next column
  /// its shape fits (a code, an amount, words), so that a merged 单位编码 or an empty
  /// 绩效目标 does not push the others one column off. In order from the left when shapes
  /// do not settle it.
  private func placeProjectCells(_ cells: ArraySlice<Cell>, in columns: [Int]) -> [Cell] {
    var placed: [Cell] = []
    var next = 0
    for var cell in cells {
      guard let fit = columns[next...].firstIndex(where: { Self.fits(cell, header.roles[$0]) }) else {
        return cells.enumerated().map { index, cell in
          var cell = cell
          cell.column = columns[index]
          return cell
        }
      }
      cell.column = columns[fit]
      placed.append(cell)
      next = fit + 1
    }
    return placed
  }

  /// The project cells of a row whose texts were cut in pieces (`1、改善… │ 2、水泥路…`), each
  /// column given a run of the pieces in order: a run of two or more only in a column of
  /// words (the name, the goal) and on one line, its first piece fitting the column as in
  /// `placeProjectCells`. The goal takes the longest run that leaves the others placeable, the
  /// other columns the shortest. Nil when no assignment fits.
  private func joinedProjectCells(_ pieces: ArraySlice<Cell>, in columns: [Int]) -> [Cell]? {
    let pieces = Array(pieces)
    let roles = columns.map { header.roles[$0] }
    // memo[i * (columns + 1) + j]: whether pieces[i...] can be placed in columns[j...] (nil: not yet asked).
    var memo = [Bool?](repeating: nil, count: (pieces.count + 1) * (columns.count + 1))
    func runs(_ i: Int, _ j: Int) -> [Int] {
      guard Self.fits(pieces[i], roles[j]) else { return [] }
      let isWords = roles[j] == .projectName || roles[j] == .goal
      var ends = [i + 1]
      if isWords {
        var end = i + 1
        while end < pieces.count, pieces[end].span.line == pieces[i].span.line, pieces[end].start > pieces[end - 1].start {
          end += 1
          ends.append(end)
        }
      }
      return roles[j] == .goal ? ends.reversed() : ends
    }
    func placeable(_ i: Int, _ j: Int) -> Bool {
      if i == pieces.count { return true }
      if j == columns.count { return false }
      let slot = i * (columns.count + 1) + j
      if let known = memo[slot] { return known }
      let result = runs(i, j).contains { placeable($0, j + 1) } || placeable(i, j + 1)
      memo[slot] = result
      return result
    }
    guard placeable(0, 0) else { return nil }
    var placed: [Cell] = []
    var (i, j) = (0, 0)
    while i < pieces.count {
      if let end = runs(i, j).first(where: { placeable($0, j + 1) }) {
        var cell = end - i == 1 ? pieces[i] : context.joined(pieces[i], pieces[end - 1])
        cell.column = columns[j]
        placed.append(cell)
        i = end
      }
      j += 1
    }
    return placed
  }

  private static func fits(_ cell: Cell, _ role: ColumnRole?) -> Bool {
    let key = cell.key
    let isCode = key.containsASCIIDigit() && key.utf8.allSatisfy { $0 < 0x80 && $0 != 0x20 }
    var digits = Substring(key)
    for unit in ["万元", "千元", "亿元", "元", "万"] where digits.hasSuffix(unit) {
      digits = digits.dropLast(unit.count)
      break
    }
    let isAmount = !digits.isEmpty && digits.utf8.allSatisfy { (0x30...0x39).contains($0) || $0 == 0x2E || $0 == 0x2C }
    switch role {
    case .unitCode, .projectCode: return isCode
    case .projectName, .goal: return !isCode && !isAmount
    case .serial: return key.utf8.count <= 4 && key.utf8.allSatisfy { (0x30...0x39).contains($0) }
    case .projectField: return !isAmount
    case nil: return false
    default: return isAmount
    }
  }

  /// In text copied from a rendered page, a row under merged project cells has lost them and
  /// its cells have slid left: a row narrower than the indicator columns alone cannot hold a
  /// project column, and its cells are read by content as an indicator of the project above.
  private func isIndicatorsOnly(_ row: Row, projectCellsOnly: Bool) -> Bool {
    guard !context.positionsTrusted, current != nil else { return false }
    // A unit's name alone in the name column heads the projects below (`unitHeading`): it
    // is no indicator of the project above. Where cells were cut at words, a lone cell is as
    // often an indicator left uncut (its name and target run together): a unit only where it
    // is named as one (…局, …中心).
    if namesUnits, let nameColumn, row.nonEmpty.count == 1, let only = row.nonEmpty.first, only.column == nameColumn,
      LevelVocabulary.level1(only.key) == nil, LevelVocabulary.level2(only.key) == nil, CellShape.of(only) != .value,
      !context.cellsRunTogether || Self.namesOrganisation(only.key)
    {
      return false
    }
    // A level name after other cells: those are the project's (a new project's first row,
    // its 单位编码 merged from above), whatever the count.
    let anchor = Self.firstLevel(row.nonEmpty)
    if let anchor, anchor > 0 { return false }
    if projectCellsOnly { return false }
    // Without a level name, the row's cells are those after the levels: more of them than
    // such columns is a project's row (`校舍维修 │ 20 │ 维修校舍` from a stream of cells), not
    // an indicator whose name is the project's.
    let hasLevel = anchor != nil
    let indicatorColumns = header.roles.values.filter { $0.isIndicatorColumn && (hasLevel || ($0 != .level1 && $0 != .level2)) }.count
    return row.nonEmpty.count <= indicatorColumns && Self.width(row) < header.columnCount
  }

  private mutating func readSharedFields(_ row: Row) -> Bool {
    guard let fields = Self.sharedFields(row, context: context) else { return false }
    sharedFields += fields
    return true
  }

  /// The fields of a line over a list that names whose its projects are: `部门名称：某县教育局`
  /// in one cell, or labels and values in turn (`主管部门 │ 某县教育局`). Nil for any other line,
  /// and for labels of a project's own (a name, funds, a goal).
  static func sharedFields(_ row: Row, context: ReadingContext) -> [FieldDraft]? {
    let cells = row.nonEmpty
    var fields: [FieldDraft] = []
    if cells.count == 1 {
      guard let (pieces, leftover) = InlineFields.split(cells[0].text, simplify: cells[0].isTraditional), leftover == nil,
        !pieces.isEmpty, pieces.allSatisfy({ isShared($0.role) && !$0.value.isEmpty })
      else { return nil }
      for piece in pieces {
        fields.append(
          FieldDraft(
            role: piece.role, label: context.part(of: cells[0], scalarOffset: piece.labelOffset, text: piece.label),
            value: context.part(of: cells[0], scalarOffset: piece.valueOffset, text: piece.value)))
      }
      return fields
    }
    guard cells.count == 2 || cells.count == 4 else { return nil }
    for index in stride(from: 0, to: cells.count, by: 2) {
      guard let role = FormVocabulary.role(cells[index].key), isShared(role), FormVocabulary.role(cells[index + 1].key) == nil
      else { return nil }
      fields.append(FieldDraft(role: role, label: cells[index], value: cells[index + 1]))
    }
    return fields
  }

  /// Whose the projects are: a department, a budget unit and their codes.
  private static func isShared(_ role: FieldRole) -> Bool {
    switch role {
    case .department, .departmentCode, .budgetUnit, .unitCode, .fillerUnit: true
    default: false
    }
  }

  /// A row under the header that names the columns of a group in it (`项目金额` over `合计 │
  /// 财政拨款 │ 其他资金`): labels of money columns and words of a sum, no amount. Read as
  /// data, it was a project named by nothing whose funds were `合计`, the projects' fiscal
  /// and other funds residue.
  static func isSubHeader(_ row: Row) -> Bool {
    let cells = row.nonEmpty
    guard cells.count >= 2 else { return false }
    var named = 0
    for cell in cells {
      if let role = ColumnVocabulary.role(cell.key), isAmountColumn(role) {
        named += 1
      } else if !cell.withKeyBytes(FormTableReader.isTotalLabel) && cell.key != "金额" && cell.key != "总额" {
        return false
      }
    }
    return named >= 1
  }

  /// The amounts of a totals row under the amount columns, to be checked against the
  /// projects since the last such row. Where a row may have lost its empty cells, its
  /// amounts are the amount columns' in order only when there are as many.
  private mutating func readTotals(_ row: Row) {
    let cells = row.nonEmpty
    guard let label = cells.first else { return }
    var fields: [FieldDraft] = []
    if context.positionsTrusted {
      for cell in cells.dropFirst() {
        guard let role = role(cell.column), Self.isAmountColumn(role) else { continue }
        fields.append(FieldDraft(role: fieldRole(cell.column, role), label: header.labels[cell.column], value: cell))
      }
    } else {
      let columns = header.roles.filter { Self.isAmountColumn($0.value) }.sorted { $0.key < $1.key }
      guard columns.count == cells.count - 1 else { return }
      for ((column, role), cell) in zip(columns, cells.dropFirst()) {
        fields.append(FieldDraft(role: fieldRole(column, role), label: header.labels[column], value: cell))
      }
    }
    guard !fields.isEmpty else { return }
    let covered = totals.last?.entities?.upperBound ?? 0
    totals.append(
      TotalsDraft(label: label, fields: fields, entities: entities.isEmpty ? nil : covered..<entities.count, moneyUnit: headerMoneyUnit))
  }

  /// A total's label (`合计`, `小计`, `总计`) first, then amounts and dashes only, one at least.
  /// (The row's cells by index, the empty ones passed over: asked of every data row.)
  static func isTotalsRow(_ cells: [Cell]) -> Bool {
    var first = -1
    for index in cells.indices where !cells[index].isEmpty {
      first = index
      break
    }
    return FormTableReader.isTotalsRow(cells, first: first, needsTotal: true) {
      AmountReader.read($0, defaultUnit: .yuan) != nil || NilMarkers.says($0)
    }
  }

  /// Whether a name ends as the names of government bodies and their units do.
  static func namesOrganisation(_ key: String) -> Bool {
    organisationEndings.contains { key.hasSuffixBytes($0) }
  }

  private static let organisationEndings = [
    "局", "委", "办", "厅", "署", "处", "科", "部", "院", "所", "站", "馆", "校", "社", "中心", "大队", "支队", "政府", "委员会", "办公室", "公司",
  ]

  /// A row of a project's own cells and nothing after them, as a cell stream's rows are
  /// rebuilt (`306001 │ 背街小巷作业经费 │ 387.48万元 │ 背街小巷作业经费`, its first indicator
  /// in the next row): three cells or more that fit the project columns in order by shape,
  /// one of them an amount written with its unit or a unit's code of five characters or more
  /// (`100 │ % │ ≥` fits too). An indicator's name and a cost target (`保洁经费 │ 350万元`) are
  /// two.
  private func isProjectCellsOnly(_ cells: [Cell]) -> Bool {
    guard cells.count >= 3, Self.firstLevel(cells) == nil else { return false }
    let columns = header.roles.filter { $0.value.isProjectColumn }.keys.sorted()
    guard cells.count <= columns.count else { return false }
    var next = 0
    var isTold = false
    for cell in cells {
      guard let fit = columns[next...].firstIndex(where: { Self.fits(cell, header.roles[$0]) }) else { return false }
      switch header.roles[columns[fit]] {
      case .unitCode, .projectCode: isTold = isTold || cell.keyUTF8Count >= 5
      case let role where Self.isAmountColumn(role):
        guard cell.key.hasSuffixBytes("元") || cell.key.hasSuffixBytes("万") else { return false }
        isTold = true
      default: break
      }
      next = fit + 1
    }
    return isTold
  }

  /// Where the indicator's cells begin in a row that lost its empty cells: its first level
  /// name (产出指标, 数量指标).
  private static func firstLevel(_ cells: [Cell]) -> Int? {
    cells.firstIndex { LevelVocabulary.level1($0.key) != nil || LevelVocabulary.level2($0.key) != nil }
  }

  /// The columns up to the row's last cell that is not empty: a converter that drops empty
  /// cells may still write the pipes of those it dropped after the last cell (`… | 备注 ||||`),
  /// and a markdown row its closing pipe, so the cells that trail say nothing of the width.
  private static func width(_ row: Row) -> Int {
    (row.cells.lastIndex { !$0.isEmpty } ?? -1) + 1
  }

  private mutating func readIndicator(_ indicatorCells: [Cell], row: Row) {
    guard indicatorCells.contains(where: { !$0.isEmpty }) else { return }
    let rowSpan = indicatorCells.first { !$0.isEmpty }?.span ?? row.cells[0].span
    // Read where it will lie, the last row of the entity's last section (taken out of the
    // entity meanwhile): see `FormTableReader.readIndicatorRow`.
    guard current != nil else {
      var draft = IndicatorDraft(horizon: .annual, rowSpan: rowSpan)
      indicatorReader.read(indicatorCells, into: &draft)
      for cell in draft.unplaced { context.leave(cell, .unknownColumn) }
      for cell in draft.duplicates { context.leave(cell, .duplicateCell) }
      return
    }
    var section = current!.sections.popLast() ?? []
    section.append(IndicatorDraft(horizon: .annual, rowSpan: rowSpan))
    let last = section.count - 1
    indicatorReader.read(indicatorCells, into: &section[last])
    for cell in section[last].unplaced { context.leave(cell, .unknownColumn) }
    section[last].unplaced = []
    for cell in section[last].duplicates { context.leave(cell, .duplicateCell) }
    section[last].duplicates = []
    if section[last].name.isNil && section[last].target.isNil && !section[last].extras.isEmpty,
      let previous = section[..<last].last(where: { !$0.name.isNil || !$0.target.isNil })
    {
      // 三级指标 and 指标值 merged over this row and the one above.
      section[last].name = previous.name
      section[last].target = previous.target
      section[last].inheritsNameAndTarget = true
      context.diagnose("JX108", section[last].rowSpan, previous.name?.text ?? "", String(previous.rowSpan.line))
    }
    current!.sections.append(section)
  }

  /// Under `单位名称（项目名称）` a row that names a unit and nothing else heads the projects
  /// of that unit below it: the name as the implementing unit of each of them.
  private func unitHeading() -> FieldDraft? {
    // (The unit of a heading above it is no field of its own.)
    guard let current, current.sections.allSatisfy(\.isEmpty) else { return nil }
    let own = current.fields.filter { $0.role != .implementingUnit }
    guard namesUnits, own.count == 1, own[0].role == .name else { return nil }
    return FieldDraft(role: .implementingUnit, label: own[0].label, value: own[0].value)
  }

  private var currentGoalKey: String? {
    current?.fields.first { $0.role == .goalAnnual }.map { TextKey.make($0.value.text) }
  }

  private mutating func startEntity(at cell: Cell, key: String) {
    current = EntityDraft(span: cell.span)
    current?.moneyUnit = headerMoneyUnit
    currentKey = key
  }

  private mutating func finishEntity() {
    if var entity = current.take() {
      entity.fields += sharedFields
      entities.append(entity)
    }
    current = nil
    currentKey = nil
  }

  /// The field a project column's cells are: a unit beside the project's name
  /// (`unitColumns`), a form's field under its label (`projectField`), or the role's own.
  private func fieldRole(_ column: Int, _ role: ColumnRole) -> FieldRole {
    if unitColumns.contains(column) { return .implementingUnit }
    if role == .projectField { return header.labels[column].flatMap { FormVocabulary.role($0.key) } ?? .otherLabel }
    return Self.fieldRole(role)
  }

  static func fieldRole(_ role: ColumnRole) -> FieldRole {
    switch role {
    case .unitCode: .unitCode
    case .projectCode: .projectCode
    case .projectName: .name
    case .fundsTotal: .fundsTotal
    case .fiscal: .fiscal
    case .otherFunds: .other
    case .goal: .goalAnnual
    case .serial, .projectField: .otherLabel
    default: .fundsLine
    }
  }
}
