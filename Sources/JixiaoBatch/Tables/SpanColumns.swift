import Jixiao

/// `source_line`, `source_column`, `source_offset` (and `source_length`) of a span.
enum SpanColumns {
  static func of<Source>(_ span: @escaping @Sendable (Source) -> SourceSpan?, length: Bool = true) -> [Column<Source>] {
    var columns: [Column<Source>] = [
      .integer("source_line") { span($0)?.line },
      .integer("source_column") { span($0)?.column },
      .integer("source_offset") { span($0)?.offset },
    ]
    if length { columns.append(.integer("source_length") { span($0)?.length }) }
    return columns
  }
}
