import Jixiao

/// A project or a department-wide target block: both own indicators.
struct ProjectSource {
  enum Owner {
    case project(Project)
    case department(DepartmentTarget)
  }

  /// 1-based within the document: projects in order, then department-wide blocks.
  var ordinal: Int
  var owner: Owner
  var table: TableInfo?

  var project: Project? {
    if case .project(let project) = owner { return project }
    return nil
  }

  var funds: Funds {
    switch owner {
    case .project(let project): project.funds
    case .department(let department): department.funds
    }
  }

  var goals: Goals {
    switch owner {
    case .project(let project): project.goals
    case .department(let department): department.goals
    }
  }

  var indicators: [Indicator] {
    switch owner {
    case .project(let project): project.indicators
    case .department(let department): department.indicators
    }
  }

  /// The owners of a document in output order.
  static func all(in document: Document) -> [ProjectSource] {
    func table(_ index: Int) -> TableInfo? { document.tables.first { $0.index == index } }
    var sources: [ProjectSource] = []
    for project in document.projects {
      sources.append(ProjectSource(ordinal: sources.count + 1, owner: .project(project), table: table(project.table)))
    }
    for department in document.departments {
      sources.append(
        ProjectSource(ordinal: sources.count + 1, owner: .department(department), table: table(department.table))
      )
    }
    return sources
  }
}

/// `projects`: one row per project (项目) or department-wide block (部门整体), keyed by
/// (`document_id`, `project_id`).
enum ProjectsTable {
  static let schema = TableSchema<ProjectSource>(
    name: "projects",
    primaryKey: ["document_id", "project_id"],
    parent: (table: "documents", columns: ["document_id"]),
    columns: [
      .integer("project_id") { $0.ordinal },
      .text("kind") {
        switch $0.owner {
        case .project: "project"
        case .department: "department"
        }
      },
      .integer("table_index") { $0.table?.index },
      .text("table_kind") { $0.table?.kind.rawValue },
      .text("table_title") { $0.table?.title },
      .integer("year") { $0.table?.year },
      .text("framework") { $0.table?.framework?.rawValue },
      .text("name") {
        switch $0.owner {
        case .project(let project): project.name
        case .department(let department): department.name
        }
      },
      .text("code") {
        switch $0.owner {
        case .project(let project): project.code
        case .department(let department): department.code
        }
      },
      .text("department") { $0.project?.department.name },
      .text("department_code") { $0.project?.department.code },
      .text("implementing_unit") { $0.project?.implementingUnit },
      .text("attribute") { $0.project?.attribute },
      .text("category") { $0.project?.category },
      .text("manager") { $0.project?.manager },
      .text("period_start") { $0.project?.period.start },
      .text("period_end") { $0.project?.period.end },
      .integer("period_years") { $0.project?.period.years },
      .text("period_raw") { $0.project?.period.raw },
      .decimal("funds_total_yuan") { $0.funds.total?.yuan },
      .text("funds_total_raw") { $0.funds.total?.raw },
      .decimal("funds_fiscal_yuan") { $0.funds.fiscal?.yuan },
      .decimal("funds_other_yuan") { $0.funds.other?.yuan },
      .decimal("funds_carryover_yuan") { $0.funds.carryover?.yuan },
      .text("goal_annual") { $0.goals.annual },
      .text("goal_long_term") { $0.goals.longTerm },
      .integer("indicators") { $0.indicators.count },
    ]
      + SpanColumns.of(
        {
          switch $0.owner {
          case .project(let project): project.span
          case .department(let department): department.span
          }
        },
        length: false
      ),
    indexes: [["name"], ["code"]]
  )
}
