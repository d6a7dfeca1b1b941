import Jixiao

struct TaskSource {
  /// The department-wide block's `project_id`.
  var project: Int
  /// 1-based within the block.
  var ordinal: Int
  var task: DepartmentTask
}

/// `tasks`: one row per main task (年度主要任务) of a department-wide block, with its budget,
/// keyed by (`document_id`, `project_id`, `task_id`).
enum TasksTable {
  static let schema = TableSchema<TaskSource>(
    name: "tasks",
    primaryKey: ["document_id", "project_id", "task_id"],
    parent: (table: "projects", columns: ["document_id", "project_id"]),
    columns: [
      .integer("project_id") { $0.project },
      .integer("task_id") { $0.ordinal },
      .text("name") { $0.task.name },
      .text("content") { $0.task.content },
      .text("expected") { $0.task.expected },
      .decimal("funds_total_yuan") { $0.task.funds.total?.yuan },
      .text("funds_total_raw") { $0.task.funds.total?.raw },
      .decimal("funds_fiscal_yuan") { $0.task.funds.fiscal?.yuan },
      .decimal("funds_other_yuan") { $0.task.funds.other?.yuan },
      .text("funds_unit") { $0.task.funds.total?.unit ?? $0.task.funds.fiscal?.unit },
    ] + SpanColumns.of { $0.task.span },
    indexes: [["name"]]
  )
}
