import Jixiao

/// `documents`: one row per input, read or failed.
enum DocumentsTable {
  static let schema = TableSchema<ParsedItem>(
    name: "documents",
    primaryKey: ["document_id"],
    parent: nil,
    columns: [
      .text("path") { $0.label },
      .text("status") {
        switch $0.outcome {
        case .document: "read"
        case .failed: "failed"
        }
      },
      .text("error_kind") { failure($0)?.kind },
      .text("error") { failure($0)?.message },
      .integer("exit_code") { failure($0).map { Int($0.exitCode) } },
      .text("sha256") { $0.sha256 },
      .integer("bytes") { $0.bytes },
      .text("encoding") { document($0)?.source.encoding },
      .integer("encoding_confidence") { document($0)?.source.encodingConfidence },
      Column("has_bom", .integer) { document($0).map { .boolean($0.source.hasBOM) } ?? .null },
      .text("line_ending") { document($0)?.source.lineEnding },
      .integer("lines") { document($0)?.source.lines },
      .text("dialect") { document($0)?.source.dialect },
      .text("schema_version") { document($0).map { _ in Document.schemaVersion } },
      .integer("tables") { document($0)?.tables.count },
      .text("table_kinds") { document($0)?.tables.map(\.kind.rawValue).joined(separator: ",") },
      .integer("year") { document($0)?.tables.lazy.compactMap(\.year).first },
      .integer("projects") { document($0)?.projects.count },
      .integer("departments") { document($0)?.departments.count },
      .integer("indicators") { document($0).map { DocumentCounts($0).indicators } },
      .integer("errors") { document($0).map { DocumentCounts($0).errors } },
      .integer("warnings") { document($0).map { DocumentCounts($0).warnings } },
      .integer("notes") { document($0).map { DocumentCounts($0).notes } },
      .integer("residue") { document($0)?.residue.count },
    ],
    indexes: [["path"]],
    uniqueIndexes: [["sha256"]]
  )

  private static func document(_ item: ParsedItem) -> Document? {
    if case .document(let document) = item.outcome { return document }
    return nil
  }

  private static func failure(_ item: ParsedItem) -> ItemFailure? {
    if case .failed(let failure) = item.outcome { return failure }
    return nil
  }
}
