/// The task block of a department-wide form (部门（单位）整体支出绩效目标申报表):
///
///     年度主要任务 │ 任务名称 │ 主要内容 │ 预算金额（万元）
///                 │         │         │ 总额 │ 财政拨款 │ 其他资金
///                 │ 义务教育保障 │ 保障…运转 │ 1200 │ 1100 │ 100
///     金额合计     │         │         │ 1500 │ 1400 │ 100
///
/// Its columns persist over the rows below them, one task a row, until the sum row (whose
/// amounts are the department's funds) or a form label. Only the decisions live here; the
/// form reader files what they say.
struct TaskBlock {
  typealias Column = (column: Int, role: FieldRole, cell: Cell)

  /// The block's columns by column: name, content, expected result, and the money columns
  /// (the funds group until sub-labels replace it).
  private(set) var columns: [Column]

  /// The block its header row starts: every cell a column (年度主要任务 │ 任务名称 │ 主要内容 │
  /// 预算金额（万元）), one of them the task name. A column no word names (对应项目) is kept, its
  /// values read with the content. Nil when no cell names the task column.
  init?(header cells: [Cell]) {
    var columns: [Column] = []
    for cell in cells {
      let role = Self.columnRole(cell.key)
      if role == .tasksGroup { continue }
      columns.append((cell.column, role, cell))
    }
    guard columns.contains(where: { $0.role == .taskName }) else { return nil }
    self.columns = columns.sorted { $0.column < $1.column }
  }

  /// A cell's role on the block's header row.
  static func columnRole(_ key: String) -> FieldRole {
    var base = Substring(key)
    // `预算金额(万元)`: the unit in brackets is the funds column's.
    if let open = key.firstIndex(of: "("), key[open...].contains("元") { base = key[..<open] }
    let word = headerWords[String(base)]
    if let role = FormVocabulary.role(key), role == .tasksGroup || role == .taskName || InlineFields.isMoney(role) {
      // 预算金额, 预算数: a form's year total by their words, the tasks' funds column here.
      return role == .fundsTotal && word == .taskFunds ? .taskFunds : role
    }
    return word ?? .otherLabel
  }

  /// Words of a task block's header row. `名称` names the task only here, on a row the group
  /// label begins (湛江's 年度重点工作任务 │ 名称 │ 主要实施内容 │ 拟投入的资金（万元） │ 期望达到的目标).
  static let headerWords: [String: FieldRole] = [
    "名称": .taskName, "任务": .taskName, "重点任务": .taskName,
    "主要内容": .taskContent, "主要实施内容": .taskContent, "任务内容": .taskContent, "工作内容": .taskContent,
    "具体内容": .taskContent, "实施内容": .taskContent,
    "预算金额": .taskFunds, "预算数": .taskFunds, "拟投入的资金": .taskFunds, "拟投入资金": .taskFunds,
    "预算资金": .taskFunds, "任务预算": .taskFunds, "金额": .taskFunds, "资金": .taskFunds, "预算": .taskFunds,
    "期望达到的目标": .taskExpected, "预期目标": .taskExpected, "预期效果": .taskExpected,
  ]

  /// What a row of the block is.
  enum Reading {
    /// The money columns' sub-labels (总额 │ 财政拨款 │ 其他资金), after any repeated group
    /// label, or them repeated: layout.
    case subLabels
    /// A task, or the sum row (`金额合计`, its label in `sumLabel`): each value with the
    /// role and label of its column. `layout`: repeated group labels; `leftover`: cells
    /// under no column; `uncertain`: the first amount placed by order with fewer amounts
    /// than money columns.
    case values(Placement, sumLabel: Cell?)
    /// A row the block does not hold: a form label, which ends it.
    case end
  }

  struct Placement {
    var fields: [(role: FieldRole, label: Cell, value: Cell)] = []
    var layout: [Cell] = []
    var leftover: [Cell] = []
    var uncertain: Cell?
  }

  /// Reads a row's non-empty cells.
  mutating func read(_ cells: [Cell], positionsTrusted: Bool) -> Reading {
    var placement = Placement()
    var values = cells[...]
    // The group label (年度主要任务) again, where a layout repeats merged cells on every row.
    while let cell = values.first, FormVocabulary.role(cell.key) == .tasksGroup {
      placement.layout.append(cell)
      values = values.dropFirst()
    }
    guard let first = values.first else { return .values(placement, sumLabel: nil) }
    // Money labels alone: the funds group's sub-labels, or them again after a page break.
    if values.allSatisfy({ FormVocabulary.role($0.key).map(InlineFields.isMoney) == true }) {
      if columns.contains(where: { $0.role == .taskFunds }) { replaceFundsGroup(by: Array(values), positionsTrusted: positionsTrusted) }
      return .subLabels
    }
    // A label ends the block; the header again (任务名称 after a page break) starts it anew.
    if let role = InlineFields.labelRole(of: first), !InlineFields.isMoney(role) {
      return .end
    }
    var sumLabel: Cell?
    if let cell = values.first, Self.isSumLabel(cell.key) {
      sumLabel = cell
      values = values.dropFirst()
    }
    if positionsTrusted {
      placeByColumn(values, into: &placement)
    } else {
      placeByOrder(values, into: &placement)
    }
    return .values(placement, sumLabel: sumLabel)
  }

  /// `金额合计`, `合计`, `总计`: the row of the block's totals.
  static func isSumLabel(_ key: String) -> Bool {
    key == "金额合计" || key == "资金合计" || key == "预算金额合计" || key.withUTF8Bytes(FormTableReader.isTotalLabel)
  }

  /// The funds group (预算金额) gives way to its sub-labels: at their columns where the
  /// layout keeps them, else in their order where the group stood.
  private mutating func replaceFundsGroup(by labels: [Cell], positionsTrusted: Bool) {
    let group = columns.firstIndex { $0.role == .taskFunds }
    let subColumns = labels.map { (column: $0.column, role: FormVocabulary.role($0.key) ?? .fundsLine, cell: $0) }
    if positionsTrusted {
      if let group { columns.remove(at: group) }
      columns = (columns + subColumns).sorted { $0.column < $1.column }
    } else {
      let at = group ?? columns.endIndex
      if group != nil { columns.remove(at: at) }
      columns.insert(contentsOf: subColumns, at: at)
    }
  }

  /// The role a value takes under a column: a funds group without sub-labels is the total.
  private static func valueRole(_ column: Column) -> FieldRole {
    column.role == .taskFunds ? .fundsTotal : column.role
  }

  private static func isMoneyColumn(_ column: Column) -> Bool {
    column.role == .taskFunds || InlineFields.isMoney(column.role)
  }

  /// Each cell under the column it lies in, or the nearest to its left; a cell left of every
  /// column is leftover.
  private func placeByColumn(_ cells: ArraySlice<Cell>, into placement: inout Placement) {
    for cell in cells {
      guard let column = columns.last(where: { $0.column <= cell.column }) else {
        placement.leftover.append(cell)
        continue
      }
      placement.fields.append((Self.valueRole(column), column.cell, cell))
    }
  }

  /// Where the layout dropped empty cells: words fill the text columns in order, amounts the
  /// money columns in order.
  private func placeByOrder(_ cells: ArraySlice<Cell>, into placement: inout Placement) {
    var texts = columns.filter { !Self.isMoneyColumn($0) }[...]
    var money = columns.filter(Self.isMoneyColumn)[...]
    for cell in cells {
      let isAmount = AmountReader.read(cell.text, defaultUnit: .yuan) != nil
      if isAmount, let column = money.popFirst() {
        placement.fields.append((Self.valueRole(column), column.cell, cell))
        placement.uncertain = placement.uncertain ?? cell
      } else if !isAmount, let column = texts.popFirst() {
        placement.fields.append((Self.valueRole(column), column.cell, cell))
      } else {
        placement.leftover.append(cell)
      }
    }
    // All the money columns filled: nothing was placed by guess.
    if money.isEmpty { placement.uncertain = nil }
  }
}
