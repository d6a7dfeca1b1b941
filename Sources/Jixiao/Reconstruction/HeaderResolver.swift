/// Turns the header rows of a table into a role per column.
///
/// Multi-row headers come without their merged cells: the upper rows list only their labels
/// (`单位编码 │ 单位名称 │ 年度预算申请 │ 整体绩效目标 │ 部门整体支出年度绩效目标`) while the
/// bottom row has every column. The bottom row gives most roles; its blank columns take the
/// upper rows' leaf labels (not the group labels) in the order those labels stand.
struct HeaderResolver {
  struct Result {
    var roles: [Int: ColumnRole] = [:]
    /// The header cell that named each column.
    var labels: [Int: Cell] = [:]
    var columnCount = 0
    /// The header cells whose role their words told (`ColumnVocabulary.guessedRole`), for
    /// the reader to say so.
    var guessed: [Cell] = []
    /// The header cells of the base row that name no role, by column: what a column no
    /// list holds is called, for the reader to keep its cells under that name.
    var unnamedLabels: [Int: Cell] = [:]
  }

  static func resolve(_ rows: [Row]) -> Result {
    var result = Result()
    // The row with the most cells, and of those the one with the most labels, the lowest
    // on a tie: a sheet's export pads every row to the same width.
    guard let (baseIndex, base) = rows.enumerated().max(by: { a, b in
      (a.element.cells.count, a.element.nonEmpty.count, a.offset) < (b.element.cells.count, b.element.nonEmpty.count, b.offset)
    }) else { return result }
    if let rebuilt = collapsed(rows, base: base) { return rebuilt }
    result.columnCount = base.cells.count
    var blanks: [Int] = []
    var unnamed: [Cell] = []
    for cell in base.cells {
      if !cell.isEmpty, let role = ColumnVocabulary.role(cell.key), role != .group {
        result.roles[cell.column] = role
        result.labels[cell.column] = cell
      } else if cell.isEmpty {
        blanks.append(cell.column)
      } else {
        unnamed.append(cell)
      }
    }
    // A header no list holds names its column by its words, unless a header the lists
    // hold names one so already (its cells are then left unplaced, not read twice).
    for cell in unnamed {
      guard let role = ColumnVocabulary.guessedRole(cell.key), !result.roles.values.contains(role) else {
        result.unnamedLabels[cell.column] = cell
        continue
      }
      result.roles[cell.column] = role
      result.labels[cell.column] = cell
      result.guessed.append(cell)
    }
    var leaves: [(position: Double, row: Int, cell: Cell, role: ColumnRole)] = []
    for (rowIndex, row) in rows.enumerated() where row != base {
      let count = Double(max(row.cells.count, 1))
      for cell in row.cells where !cell.isEmpty {
        guard let role = ColumnVocabulary.role(cell.key), role != .group, role != .blockLabel else { continue }
        // Indicator labels in an upper row belong to columns the base row names already.
        if role.isIndicatorColumn && result.roles.values.contains(role) { continue }
        leaves.append((Double(cell.column) / count, rowIndex, cell, role))
      }
    }
    leaves.sort { ($0.position, $0.row) < ($1.position, $1.row) }
    // A row below the base as wide as it keeps its columns (a grid: tab rows, a page's
    // table): its labels are the leaves under the base's group labels (`项目资金` over
    // `资金总额 │ 财政拨款 │ 其他资金`), each in its own column.
    let gridLeaves = rows[(baseIndex + 1)...].filter { $0.cells.count == base.cells.count }.flatMap { row in
      row.cells.compactMap { cell -> (cell: Cell, role: ColumnRole)? in
        guard !cell.isEmpty, let role = ColumnVocabulary.role(cell.key), role != .group, role != .blockLabel else { return nil }
        return (cell, role)
      }
    }
    for leaf in gridLeaves {
      result.roles[leaf.cell.column] = leaf.role
      result.labels[leaf.cell.column] = leaf.cell
      result.unnamedLabels[leaf.cell.column] = nil
      blanks.removeAll { $0 == leaf.cell.column }
    }
    leaves.removeAll { leaf in gridLeaves.contains { $0.cell == leaf.cell } }
    for (column, leaf) in zip(blanks, leaves) {
      result.roles[column] = leaf.role
      result.labels[column] = leaf.cell
    }
    return result
  }

  /// A header whose merged cells a converter dropped: the base row lost the blanks under the
  /// upper rows' labels (`一级指标 │ 二级指标 │ … │ 备注` and perhaps blanks after them, not
  /// before), and a group in the top row (`绩效指标`) stands where the base row's labels go:
  /// `单位编码 │ 项目名称 │ 资金总额 │ 绩效目标 │ 绩效指标`. The columns are the top row's labels
  /// in order, each group replaced by the labels under it, as a page with rowspans and
  /// colspans draws them. Three rows (a department's `年度预算申请` over `资金总额 │ 按收入性质分
  /// │ 按支出性质分` over the funds' and the indicators' labels): the top row's first group
  /// stands for the middle row, whose groups stand for the base row's labels before the
  /// indicator columns, and its second group for the indicator columns. Nil when the header
  /// is not so.
  private static func collapsed(_ rows: [Row], base: Row) -> Result? {
    guard rows.count > 1, let first = base.cells.first, !first.isEmpty else { return nil }
    let labels = base.nonEmpty
    // Blanks after the labels only: none before, none between.
    guard labels.count == base.cells.prefix(while: { !$0.isEmpty }).count else { return nil }
    let upperRows = rows.filter { $0 != base }
    guard let top = upperRows.first else { return nil }
    let cells = top.nonEmpty
    let roles = cells.map { ColumnVocabulary.role($0.key) }
    let groups = roles.indices.filter { isGroup(roles[$0]) }
    guard let firstGroup = groups.first, firstGroup > 0, roles[..<firstGroup].allSatisfy({ $0 != nil }) else { return nil }
    let below: [[Cell]]
    switch (groups.count, upperRows.count) {
    case (1, 1):
      below = [labels]
    case (2, 2):
      let middle = upperRows[1].nonEmpty
      let middleRoles = middle.map { ColumnVocabulary.role($0.key) }
      let split = labels.firstIndex { ColumnVocabulary.role($0.key)?.isIndicatorColumn == true } ?? labels.count
      guard middleRoles.allSatisfy({ $0 != nil }), middleRoles.contains(where: isGroup), split > 0,
        labels[split...].allSatisfy({ ColumnVocabulary.role($0.key)?.isIndicatorColumn == true })
      else { return nil }
      // The middle row's groups share the labels before the indicator columns, in order.
      var spanned: [Cell] = []
      var placedBase = false
      for (cell, role) in zip(middle, middleRoles) {
        if !isGroup(role) {
          spanned.append(cell)
        } else if !placedBase {
          spanned += labels[..<split]
          placedBase = true
        }
      }
      below = [spanned, Array(labels[split...])]
    default:
      return nil
    }
    var result = Result()
    var column = 0
    func place(_ cell: Cell, _ role: ColumnRole?) {
      if let role, !isGroup(role) {
        result.roles[column] = role
        result.labels[column] = cell
      }
      column += 1
    }
    var groupIndex = 0
    for (index, cell) in cells.enumerated() {
      if isGroup(roles[index]) {
        for label in below[groupIndex] { place(label, ColumnVocabulary.role(label.key)) }
        groupIndex += 1
      } else {
        place(cell, roles[index])
      }
    }
    result.columnCount = max(column, base.cells.count)
    return result
  }

  /// A header cell over other columns: a group (`按收入性质分`) or the block label over the
  /// indicator columns (`绩效指标`).
  private static func isGroup(_ role: ColumnRole?) -> Bool { role == .group || role == .blockLabel }
}
