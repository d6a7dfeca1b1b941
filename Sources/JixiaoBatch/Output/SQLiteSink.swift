import GRDB
import Jixiao

/// `--format sqlite --out FILE.db`: the flat tables in one SQLite database, with
/// foreign keys (deleting a document deletes its rows) and indexes, written in
/// transactions of a few hundred documents.
///
/// Re-runnable: a document whose SHA-256 is already stored is skipped without being parsed
/// (`--force` parses it again and replaces its rows), and the same content met twice in one
/// run is stored once. A killed batch loses at most its open transaction, and the next run
/// does the rest. `document_id` is the row id, given in input order.
final class SQLiteSink: BatchSink {
  typealias Payload = SQLiteRows

  /// The rows of one input and its digest (nil when the file could not be read).
  struct SQLiteRows: Sendable {
    var sha256: String?
    var path: String
    var rows: TableRows
  }

  /// Written in `jixiao_meta`; a database without it is not ours and is not touched.
  static let schemaVersion = "1"
  /// A transaction is committed after this many documents or this many seconds.
  static let transactionDocuments = 200
  static let transactionSeconds = 1.0

  let renderer: @Sendable (ParsedItem) -> SQLiteRows
  let storedDigests: Set<String>
  let keepsOneCopy = true
  private let queue: DatabaseQueue
  private let path: String
  private let force: Bool
  private var writtenThisRun: Set<String> = []
  private var isInTransaction = false
  private var transactionStart = 0.0
  private var documentsInTransaction = 0
  private let inserts: [String]

  init(path: String, force: Bool, language: Language) throws(OutputError) {
    self.path = path
    self.force = force
    if case (let kind, _)? = FileSystem.kind(of: path), kind != .file {
      throw .cannotCreate(path, "exists and is not a file")
    }
    var configuration = Configuration()
    configuration.foreignKeysEnabled = true
    // Transactions span several `write` calls, one per document.
    configuration.allowsUnsafeTransactions = true
    configuration.label = "jixiao.batch"
    do {
      queue = try DatabaseQueue(path: path, configuration: configuration)
      try queue.inDatabase { db in
        try db.execute(sql: "PRAGMA journal_mode = WAL")
        try db.execute(sql: "PRAGMA synchronous = NORMAL")
        try SQLiteSchema.prepare(db, path: path, version: SQLiteSink.schemaVersion)
      }
      // With --force nothing is skipped: stored documents are parsed again and replaced.
      storedDigests =
        force
        ? []
        : try queue.inDatabase { db in
          Set(try String.fetchAll(db, sql: "SELECT sha256 FROM documents WHERE sha256 IS NOT NULL"))
        }
    } catch let error as OutputError {
      throw error
    } catch {
      throw .cannotCreate(path, SQLiteSink.describe(error))
    }
    inserts = BatchTables.descriptions.map(SQLiteSchema.insert)
    renderer = { item in
      SQLiteRows(sha256: item.sha256, path: item.label, rows: BatchTables.rows(item, language: language))
    }
  }

  static func describe(_ error: any Error) -> String {
    if let error = error as? DatabaseError { return error.message ?? "\(error.resultCode)" }
    return "\(error)"
  }

  func write(_ payload: SQLiteRows, of result: WorkResult<SQLiteRows>) throws(OutputError) -> Bool {
    if let sha256 = payload.sha256 {
      guard writtenThisRun.insert(sha256).inserted else { return false }
    }
    do {
      try queue.inDatabase { db in
        if !isInTransaction {
          try db.execute(sql: "BEGIN IMMEDIATE")
          isInTransaction = true
          transactionStart = Clock.now()
          documentsInTransaction = 0
        }
        if let sha256 = payload.sha256 {
          // Only with --force can a stored digest get here; its old rows go (cascading).
          if force { try db.execute(sql: "DELETE FROM documents WHERE sha256 = ?", arguments: [sha256]) }
        } else {
          // An unreadable file has no digest: replace its earlier failure by path.
          try db.execute(
            sql: "DELETE FROM documents WHERE sha256 IS NULL AND path = ?",
            arguments: [payload.path]
          )
        }
        try insert(db, table: 0, [.null] + payload.rows.document)
        let documentID = CellValue.integer(Int(db.lastInsertedRowID))
        for row in payload.rows.projects { try insert(db, table: 1, [documentID] + row) }
        for row in payload.rows.indicators { try insert(db, table: 2, [documentID] + row) }
        for row in payload.rows.diagnostics { try insert(db, table: 3, [documentID] + row) }
        for row in payload.rows.tasks { try insert(db, table: 4, [documentID] + row) }
        documentsInTransaction += 1
        if documentsInTransaction >= SQLiteSink.transactionDocuments
          || Clock.now() - transactionStart >= SQLiteSink.transactionSeconds
        {
          try db.execute(sql: "COMMIT")
          isInTransaction = false
        }
      }
    } catch {
      throw .writeFailed(path, SQLiteSink.describe(error))
    }
    return true
  }

  private func insert(_ db: Database, table: Int, _ values: [CellValue]) throws {
    let statement = try db.cachedStatement(sql: inserts[table])
    try statement.execute(arguments: StatementArguments(values.map(\.databaseValue)))
  }

  func finish() throws(OutputError) {
    do {
      try queue.inDatabase { db in
        if isInTransaction {
          try db.execute(sql: "COMMIT")
          isInTransaction = false
        }
        // One self-contained file at the end: fold the write-ahead log back in.
        try db.execute(sql: "PRAGMA journal_mode = DELETE")
      }
      try queue.close()
    } catch {
      throw .writeFailed(path, SQLiteSink.describe(error))
    }
  }

  func abandon() {
    try? queue.inDatabase { db in
      if isInTransaction {
        // What was committed stays: the next run resumes from there.
        try db.execute(sql: "ROLLBACK")
        isInTransaction = false
      }
    }
    try? queue.close()
  }
}

extension CellValue {
  var databaseValue: DatabaseValue {
    switch self {
    case .null: .null
    case .integer(let value): Int64(value).databaseValue
    // As text into a NUMERIC column: SQLite keeps it as a number when that is exact.
    case .decimal(let value): value.description.databaseValue
    case .text(let value): value.databaseValue
    }
  }
}
