import FoundationEssentials

/// One value of a flat table: what a CSV field or an SQLite column holds.
public enum CellValue: Sendable, Hashable {
  case null
  case integer(Int)
  /// Exact decimal (money, targets, weights): text in CSV, NUMERIC in SQLite.
  case decimal(Decimal)
  case text(String)

  static func text(_ value: String?) -> CellValue { value.map { .text($0) } ?? .null }
  static func integer(_ value: Int?) -> CellValue { value.map { .integer($0) } ?? .null }
  static func decimal(_ value: Decimal?) -> CellValue { value.map { .decimal($0) } ?? .null }
  static func boolean(_ value: Bool) -> CellValue { .integer(value ? 1 : 0) }

  /// The field as written to CSV: empty for null, decimals in plain notation.
  var csvText: String {
    switch self {
    case .null: ""
    case .integer(let value): String(value)
    case .decimal(let value): value.description
    case .text(let value): value
    }
  }
}

/// SQLite column affinity of a column.
enum ColumnType: String, Sendable {
  case integer = "INTEGER"
  /// Exact text of a decimal; SQLite stores it as a number when that loses nothing.
  case numeric = "NUMERIC"
  case text = "TEXT"
}

/// A column of a flat table and how to read it from the model.
struct Column<Source>: Sendable {
  var name: String
  var type: ColumnType
  var value: @Sendable (Source) -> CellValue

  init(_ name: String, _ type: ColumnType, _ value: @escaping @Sendable (Source) -> CellValue) {
    self.name = name
    self.type = type
    self.value = value
  }

  static func text(_ name: String, _ value: @escaping @Sendable (Source) -> String?) -> Column {
    Column(name, .text) { .text(value($0)) }
  }

  static func integer(_ name: String, _ value: @escaping @Sendable (Source) -> Int?) -> Column {
    Column(name, .integer) { .integer(value($0)) }
  }

  static func decimal(_ name: String, _ value: @escaping @Sendable (Source) -> Decimal?) -> Column {
    Column(name, .numeric) { .decimal(value($0)) }
  }
}

/// The shape of one output table, shared by the CSV and SQLite writers so that both always
/// have the same columns. Every table starts with `document_id`, which the writer fills in
/// (the batch ordinal in CSV, the row id in SQLite); `columns` follow it.
struct TableSchema<Source>: Sendable {
  /// File name without `.csv`, and SQL table name.
  var name: String
  /// The primary key: `document_id` and the table's own ordinal columns.
  var primaryKey: [String]
  /// The parent table this one's rows belong to, by these columns (deleting a document
  /// deletes its rows).
  var parent: (table: String, columns: [String])?
  var columns: [Column<Source>]
  /// Secondary indexes for the queries analysts run.
  var indexes: [[String]]
  /// Unique indexes.
  var uniqueIndexes: [[String]] = []

  func row(_ source: Source) -> [CellValue] { columns.map { $0.value(source) } }

  /// Column names with `document_id` first.
  var header: [String] { ["document_id"] + columns.map(\.name) }

  var description: TableDescription {
    TableDescription(
      name: name,
      columns: [("document_id", .integer)] + columns.map { ($0.name, $0.type) },
      primaryKey: primaryKey,
      parent: parent,
      indexes: indexes,
      uniqueIndexes: uniqueIndexes
    )
  }
}

/// A table's shape without its model accessors: what DDL and CSV headers need.
struct TableDescription: Sendable {
  var name: String
  var columns: [(String, ColumnType)]
  var primaryKey: [String]
  var parent: (table: String, columns: [String])?
  var indexes: [[String]]
  var uniqueIndexes: [[String]]
}
