import Jixiao

struct DiagnosticSource {
  /// 1-based within the document, in the document's order.
  var ordinal: Int
  var diagnostic: Diagnostic
  var language: Language
}

/// `diagnostics`: one row per finding, keyed by (`document_id`, `diagnostic_id`).
enum DiagnosticsTable {
  static let schema = TableSchema<DiagnosticSource>(
    name: "diagnostics",
    primaryKey: ["document_id", "diagnostic_id"],
    parent: (table: "documents", columns: ["document_id"]),
    columns: [
      .integer("diagnostic_id") { $0.ordinal },
      .text("code") { $0.diagnostic.code },
      .text("severity") { $0.diagnostic.severity.rawValue },
      .text("message") { $0.diagnostic.message(in: $0.language) },
      // Arguments and related places as JSON arrays: lists do not fit one field otherwise.
      .text("arguments") { jsonText(.array($0.diagnostic.arguments.map { .string($0) })) },
      .text("related") {
        guard !$0.diagnostic.related.isEmpty else { return nil }
        var writer = JSONWriter(pretty: false)
        DocumentEncoder.writeRelated(of: $0.diagnostic, language: $0.language, into: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
      },
    ] + SpanColumns.of { $0.diagnostic.span },
    indexes: [["code"]]
  )

  private static func jsonText(_ value: JSON) -> String {
    String(decoding: value.render(pretty: false), as: UTF8.self)
  }
}
