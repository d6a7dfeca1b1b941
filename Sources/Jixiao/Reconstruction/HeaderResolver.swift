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
  }

  static func resolve(_ rows: [Row]) -> Result {
    var result = Result()
    guard let base = rows.max(by: { $0.cells.count < $1.cells.count }) else { return result }
    result.columnCount = base.cells.count
    var blanks: [Int] = []
    for cell in base.cells {
      if !cell.isEmpty, let role = ColumnVocabulary.role(cell.key), role != .group {
        result.roles[cell.column] = role
        result.labels[cell.column] = cell
      } else if cell.isEmpty {
        blanks.append(cell.column)
      }
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
    for (column, leaf) in zip(blanks, leaves) {
      result.roles[column] = leaf.role
      result.labels[column] = leaf.cell
    }
    return result
  }
}
