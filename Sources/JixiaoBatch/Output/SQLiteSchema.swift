import GRDB

/// DDL for the batch tables, derived from `BatchTables.descriptions`.
enum SQLiteSchema {
  /// Creates the tables and indexes when missing, adds columns a newer version of the
  /// tables has, and refuses a database that holds other tables than ours.
  static func prepare(_ db: Database, path: String, version: String) throws {
    let existing = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
    if !existing.isEmpty && !existing.contains("jixiao_meta") {
      throw OutputError.cannotCreate(path, "the database holds other tables than jixiao's")
    }
    try db.execute(sql: "CREATE TABLE IF NOT EXISTS jixiao_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    try db.execute(
      sql: "INSERT OR REPLACE INTO jixiao_meta (key, value) VALUES ('schema_version', ?)",
      arguments: [version]
    )
    for table in BatchTables.descriptions {
      try db.execute(sql: create(table))
      let columns = Set(
        try Row.fetchAll(db, sql: "PRAGMA table_info(\(quote(table.name)))").map { $0["name"] as String }
      )
      for (name, type) in table.columns where !columns.contains(name) {
        try db.execute(sql: "ALTER TABLE \(quote(table.name)) ADD COLUMN \(quote(name)) \(type.rawValue)")
      }
      for index in table.indexes { try db.execute(sql: createIndex(table.name, index, unique: false)) }
      for index in table.uniqueIndexes { try db.execute(sql: createIndex(table.name, index, unique: true)) }
    }
  }

  static func create(_ table: TableDescription) -> String {
    var parts = table.columns.map { name, type in
      let notNull = table.primaryKey.contains(name) && table.primaryKey.count > 1 ? " NOT NULL" : ""
      return "\(quote(name)) \(type.rawValue)\(notNull)"
    }
    parts.append("PRIMARY KEY (\(table.primaryKey.map(quote).joined(separator: ", ")))")
    if let parent = table.parent {
      let columns = parent.columns.map(quote).joined(separator: ", ")
      parts.append("FOREIGN KEY (\(columns)) REFERENCES \(quote(parent.table)) (\(columns)) ON DELETE CASCADE")
    }
    return "CREATE TABLE IF NOT EXISTS \(quote(table.name)) (\n  " + parts.joined(separator: ",\n  ") + "\n)"
  }

  static func createIndex(_ table: String, _ columns: [String], unique: Bool) -> String {
    let name = quote(table + "_" + columns.joined(separator: "_"))
    return
      "CREATE \(unique ? "UNIQUE " : "")INDEX IF NOT EXISTS \(name) ON \(quote(table)) (\(columns.map(quote).joined(separator: ", ")))"
  }

  static func insert(_ table: TableDescription) -> String {
    let names = table.columns.map { quote($0.0) }.joined(separator: ", ")
    let marks = Array(repeating: "?", count: table.columns.count).joined(separator: ", ")
    return "INSERT INTO \(quote(table.name)) (\(names)) VALUES (\(marks))"
  }

  /// Our names are ASCII words; quoting keeps SQL keywords among them usable.
  static func quote(_ name: String) -> String { "\"" + name + "\"" }
}
