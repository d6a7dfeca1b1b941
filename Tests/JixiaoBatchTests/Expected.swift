import FoundationEssentials
import Jixiao

/// What the flat tables must hold for a document, computed from the model directly (not
/// through the batch's own table code), as text the way CSV writes it.
struct ExpectedRows {
  var projects: [[String]] = []
  var indicators: [[String]] = []
  var diagnostics: [[String]] = []
  var tasks: [[String]] = []

  /// Columns compared for projects: project_id, kind, name, funds_total_yuan.
  static let projectColumns = ["project_id", "kind", "name", "funds_total_yuan"]
  /// Columns compared for indicators.
  static let indicatorColumns = [
    "project_id", "indicator_id", "level1", "level2", "name", "target_raw", "target_kind", "target_operator",
    "target_value", "target_unit", "target_baseline", "target_flags", "weight", "source_line", "source_column",
    "source_offset",
  ]
  static let diagnosticColumns = ["diagnostic_id", "code", "severity", "message", "source_line"]
  static let taskColumns = [
    "project_id", "task_id", "name", "content", "funds_total_yuan", "funds_fiscal_yuan", "funds_other_yuan", "source_line",
  ]

  init(_ document: Document) {
    var owners: [(kind: String, name: String?, total: Decimal?, indicators: [Indicator])] = []
    for project in document.projects {
      owners.append(("project", project.name, project.funds.total?.yuan, project.indicators))
    }
    for department in document.departments {
      owners.append(("department", department.name, department.funds.total?.yuan, department.indicators))
      for (index, task) in department.tasks.enumerated() {
        tasks.append([
          String(owners.count), String(index + 1), task.name ?? "",
          task.content ?? "", task.funds.total?.yuan.description ?? "", task.funds.fiscal?.yuan.description ?? "",
          task.funds.other?.yuan.description ?? "", String(task.span.line),
        ])
      }
    }
    for (projectIndex, owner) in owners.enumerated() {
      projects.append([String(projectIndex + 1), owner.kind, owner.name ?? "", owner.total?.description ?? ""])
      for (index, indicator) in owner.indicators.enumerated() {
        let target = indicator.target
        indicators.append([
          String(projectIndex + 1), String(index + 1), indicator.level1 ?? "", indicator.level2 ?? "",
          indicator.name ?? "", target.raw, target.kind.rawValue, target.op?.rawValue ?? "",
          target.value?.description ?? "", target.unit ?? "", target.baseline ?? "",
          target.flags.map(\.rawValue).joined(separator: ","), indicator.weight?.description ?? "",
          String(indicator.span.line), String(indicator.span.column), String(indicator.span.offset),
        ])
      }
    }
    for (index, diagnostic) in document.diagnostics.enumerated() {
      diagnostics.append([
        String(index + 1), diagnostic.code, diagnostic.severity.rawValue, diagnostic.message(in: .en),
        diagnostic.span.map { String($0.line) } ?? "",
      ])
    }
  }
}

/// Picks named columns out of rows that have a header.
struct Table: Equatable {
  var header: [String]
  var rows: [[String]]

  func select(_ columns: [String], where column: String, equals value: String) -> [[String]] {
    let indexes = columns.map { name in header.firstIndex(of: name) ?? -1 }
    guard let key = header.firstIndex(of: column) else { return [] }
    return rows.filter { $0[key] == value }.map { row in indexes.map { $0 >= 0 ? row[$0] : "<missing \($0)>" } }
  }

  func column(_ name: String) -> [String] {
    guard let index = header.firstIndex(of: name) else { return [] }
    return rows.map { $0[index] }
  }
}
