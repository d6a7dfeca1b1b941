import Jixiao

struct IndicatorSource {
  var project: Int
  /// 1-based within the project.
  var ordinal: Int
  var indicator: Indicator
}

/// `indicators`: one row per indicator with its levels, raw and parsed target and span,
/// keyed by (`document_id`, `project_id`, `indicator_id`).
enum IndicatorsTable {
  static let schema = TableSchema<IndicatorSource>(
    name: "indicators",
    primaryKey: ["document_id", "project_id", "indicator_id"],
    parent: (table: "projects", columns: ["document_id", "project_id"]),
    columns: [
      .integer("project_id") { $0.project },
      .integer("indicator_id") { $0.ordinal },
      .text("horizon") { $0.indicator.horizon.rawValue },
      .text("level1") { $0.indicator.level1 },
      .text("level2") { $0.indicator.level2 },
      .text("level1_raw") { $0.indicator.level1Raw },
      .text("level2_raw") { $0.indicator.level2Raw },
      .text("level1_origin") { $0.indicator.level1Origin.rawValue },
      .text("level2_origin") { $0.indicator.level2Origin.rawValue },
      .text("name") { $0.indicator.name },
      .text("target_raw") { $0.indicator.target.raw },
      .text("target_kind") { $0.indicator.target.kind.rawValue },
      .text("target_operator") { $0.indicator.target.op?.rawValue },
      .decimal("target_value") { $0.indicator.target.value },
      .text("target_unit") { $0.indicator.target.unit },
      .text("target_unit_raw") { $0.indicator.target.unitRaw },
      .decimal("target_yuan") { $0.indicator.target.yuan },
      .decimal("target_min") { $0.indicator.target.min },
      .decimal("target_max") { $0.indicator.target.max },
      .text("target_date_start") { $0.indicator.target.date?.start },
      .text("target_date_end") { $0.indicator.target.date?.end },
      .integer("target_rank") { $0.indicator.target.rank },
      .text("target_grade") { $0.indicator.target.grade },
      .text("target_qualifier") { $0.indicator.target.qualifier },
      // A change's baseline as written (上年, 2023年, 同比), with flag relative: a comparison
      // across documents has to tell a change from a level.
      .text("target_baseline") { $0.indicator.target.baseline },
      .integer("target_parts") { $0.indicator.target.parts.count },
      .text("target_flags") {
        let flags = $0.indicator.target.flags
        return flags.isEmpty ? nil : flags.map(\.rawValue).joined(separator: ",")
      },
      .text("explanation") { $0.indicator.explanation },
      .text("scoring") { $0.indicator.scoring },
      .decimal("weight") { $0.indicator.weight },
      .text("weight_raw") { $0.indicator.weightRaw },
      .text("unit_column") { $0.indicator.unitColumn },
      .text("value_type") { $0.indicator.valueType },
      .text("direction") { $0.indicator.direction },
      .text("standard") { $0.indicator.standard },
      .text("remark") { $0.indicator.remark },
      Column("shares_name_and_target_with_above", .integer) { .boolean($0.indicator.sharesNameAndTargetWithAbove) },
    ] + SpanColumns.of { $0.indicator.span },
    indexes: [["level2"], ["name"]]
  )
}
