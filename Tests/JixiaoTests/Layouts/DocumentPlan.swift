import FoundationEssentials

@testable import Jixiao

/// A random but valid target document, as plain choices: what the round-trip property
/// renders in every dialect and expects to read back.
///
/// Choices are small integers (seeds) resolved against the pools below, so that a failing
/// case shrinks towards index 0 of every pool: the simplest name, target and amount.
struct DocumentPlan: Sendable, CustomStringConvertible {
  var year: Int
  var framework: Framework
  var layout: RenderLayout
  /// Bare amounts under `项目资金（万元）`/`（元）`, or amounts with the unit in the cell.
  var moneyUnit: MoneyUnit
  var unitInCell: Bool
  /// Operators and units in columns of their own (指标值类型, 计量单位), as seed 001.
  var operatorColumn: Bool
  var projects: [ProjectPlan]
  /// A 部门整体支出绩效目标表 after the projects.
  var department: DepartmentPlan?
  /// A page break before this indicator row of the first project that has enough rows,
  /// with the header repeated.
  var pageBreak: PageBreakPlan?

  var description: String {
    var lines = [
      "\(layout) \(framework.rawValue) \(year) \(moneyUnit.rawValue)\(unitInCell ? " in cell" : "")\(operatorColumn ? " operator column" : "")"
    ]
    if let pageBreak { lines.append("page break before row \(pageBreak.row) (merged cells \(pageBreak.mergedCells))") }
    for project in projects {
      lines.append("project \(project.name) \(project.total) \(project.goal ?? "-")")
      for indicator in project.indicators {
        lines.append(
          "  \(indicator.level1) \(indicator.level2) \(indicator.name) | \(indicator.target) | \(indicator.valueType ?? "") \(indicator.unitColumn ?? "") \(indicator.horizon)"
        )
      }
    }
    if let department {
      lines.append("department \(department.name) \(department.total) \(department.goal ?? "-")")
      for indicator in department.indicators {
        lines.append("  \(indicator.level1) \(indicator.level2) \(indicator.name) | \(indicator.target) | \(indicator.valueType ?? "") \(indicator.unitColumn ?? "")")
      }
    }
    return lines.joined(separator: "\n")
  }
}

struct ProjectPlan: Sendable {
  var name: String
  var department: String?
  var departmentCode: String?
  var implementingUnit: String?
  /// The amount as written (without its unit).
  var total: String
  var goal: String?
  var indicators: [IndicatorPlan]
}

struct DepartmentPlan: Sendable {
  var name: String
  var total: String
  var goal: String?
  var indicators: [IndicatorPlan]
}

struct IndicatorPlan: Sendable {
  /// As written in the table (a variant spelling sometimes).
  var level1: String
  var level2: String
  var name: String
  var target: String
  var valueType: String?
  var unitColumn: String?
  var horizon: Horizon
}

struct PageBreakPlan: Sendable {
  enum MergedCells: String, Sendable {
    /// The new page leaves a merged cell blank (Word prints its text on the first page only).
    case blank
    /// The new page prints the merged cell's text again.
    case repeated
  }

  var row: Int
  var mergedCells: MergedCells
}

/// Seeds for one indicator, one project and one document.
struct IndicatorSeed: Sendable {
  var level: Int
  var name: Int
  var target: Int
  var longTerm: Bool
}

struct ProjectSeed: Sendable {
  var name: Int
  var department: Int
  var amount: Int
  var goal: Int
  var indicators: [IndicatorSeed]
}

struct DocumentSeed: Sendable {
  var projects: [ProjectSeed]
  /// A department table built from this seed's name, amount, goal and indicators.
  var department: ProjectSeed?
  var shape: Int
  var pageBreak: Int

  /// Resolves the seeds. `layout` and the shape bits choose framework, units and columns.
  func plan(layout: RenderLayout) -> DocumentPlan {
    let framework: Framework = shape & 1 == 0 ? .legacy : .y2021
    let moneyUnit: MoneyUnit = shape & 2 == 0 ? .wanYuan : .yuan
    let unitInCell = layout == .list || shape & 4 != 0
    let operatorColumn = shape & 8 != 0
    let hasLongTerm = layout == .form && shape & 16 != 0
    let year = 2019 + (shape >> 5) % 7
    var planned: [ProjectPlan] = []
    var names = Set<String>()
    for seed in projects {
      var name = Pools.projectNames[seed.name % Pools.projectNames.count]
      while names.contains(name) { name += "（二期）" }
      names.insert(name)
      let department = Pools.departments[seed.department % Pools.departments.count]
      var indicators = seed.indicators.map {
        Pools.indicator($0, framework: framework, operatorColumn: operatorColumn, longTerm: hasLongTerm && $0.longTerm)
      }
      // Tables group indicators by horizon, level 1 and level 2, in the framework's order.
      indicators = Pools.ordered(indicators, framework: framework)
      planned.append(
        ProjectPlan(
          name: name,
          department: department.name,
          departmentCode: department.code,
          implementingUnit: department.unit,
          total: Pools.amount(seed.amount, unit: moneyUnit),
          goal: seed.goal % 4 == 3 ? nil : Pools.goals[seed.goal % Pools.goals.count],
          indicators: indicators
        )
      )
    }
    var breakPlan: PageBreakPlan?
    if pageBreak > 0, let first = planned.first, first.indicators.count >= 2 {
      breakPlan = PageBreakPlan(
        row: 1 + pageBreak % (first.indicators.count - 1),
        mergedCells: pageBreak % 2 == 0 ? .repeated : .blank
      )
    }
    let departmentPlan = department.flatMap { seed -> DepartmentPlan? in
      guard let name = Pools.departments[seed.department % Pools.departments.count].name else { return nil }
      let indicators = seed.indicators.map {
        Pools.indicator($0, framework: framework, operatorColumn: operatorColumn, longTerm: false)
      }
      return DepartmentPlan(
        name: name,
        total: Pools.amount(seed.amount, unit: moneyUnit),
        goal: Pools.goals[seed.goal % Pools.goals.count],
        indicators: Pools.ordered(indicators, framework: framework)
      )
    }
    return DocumentPlan(
      year: year,
      framework: framework,
      layout: layout,
      moneyUnit: moneyUnit,
      unitInCell: unitInCell,
      operatorColumn: operatorColumn,
      projects: planned,
      department: departmentPlan,
      pageBreak: breakPlan
    )
  }
}
