import Jixiao

/// The rows one input adds to the four flat tables, without `document_id` (the writer puts
/// it first).
struct TableRows: Sendable {
  var document: [CellValue]
  var projects: [[CellValue]] = []
  var indicators: [[CellValue]] = []
  var diagnostics: [[CellValue]] = []
  var tasks: [[CellValue]] = []
}

/// The flat tables of CSV and SQLite output: `documents`, `projects`, `indicators`,
/// `diagnostics`, `tasks`. Add a column by adding one line to the table's schema; both writers
/// follow.
enum BatchTables {
  static let descriptions: [TableDescription] = [
    DocumentsTable.schema.description, ProjectsTable.schema.description,
    IndicatorsTable.schema.description, DiagnosticsTable.schema.description, TasksTable.schema.description,
  ]

  static func rows(_ item: ParsedItem, language: Language) -> TableRows {
    var rows = TableRows(document: DocumentsTable.schema.row(item))
    guard case .document(let document) = item.outcome else { return rows }
    for source in ProjectSource.all(in: document) {
      rows.projects.append(ProjectsTable.schema.row(source))
      for (index, indicator) in source.indicators.enumerated() {
        rows.indicators.append(
          IndicatorsTable.schema.row(IndicatorSource(project: source.ordinal, ordinal: index + 1, indicator: indicator))
        )
      }
      if case .department(let department) = source.owner {
        for (index, task) in department.tasks.enumerated() {
          rows.tasks.append(TasksTable.schema.row(TaskSource(project: source.ordinal, ordinal: index + 1, task: task)))
        }
      }
    }
    for (index, diagnostic) in document.diagnostics.enumerated() {
      rows.diagnostics.append(
        DiagnosticsTable.schema.row(DiagnosticSource(ordinal: index + 1, diagnostic: diagnostic, language: language))
      )
    }
    return rows
  }
}
