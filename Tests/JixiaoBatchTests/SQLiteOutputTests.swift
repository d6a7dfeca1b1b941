import FoundationEssentials
import GRDB
import Jixiao
import Testing

@testable import JixiaoBatch

@Suite struct SQLiteOutputTests {
  /// Reads a table back as CSV-like text rows, numbers as the writer would print them.
  static func table(_ db: Database, _ name: String) throws -> Table {
    let rows = try Row.fetchAll(db, sql: "SELECT * FROM \"\(name)\" ORDER BY rowid")
    let header = rows.first.map { Array($0.columnNames) } ?? []
    return Table(header: header, rows: rows.map { row in row.databaseValues.map(text) })
  }

  static func text(_ value: DatabaseValue) -> String {
    switch value.storage {
    case .null: ""
    case .int64(let number): String(number)
    // NUMERIC columns hand back exact decimals as REAL when that is lossless.
    case .double(let number): Decimal(string: String(number))?.description ?? String(number)
    case .string(let string): string
    case .blob: "<blob>"
    }
  }

  @Test func corpusTablesMatchParse() throws {
    let directory = Support.temporaryDirectory()
    defer { Support.removeTree(directory) }
    let database = directory + "/corpus.db"
    let inputs = Support.corpusFiles
    let summary = Support.batch(inputs) {
      $0.format = .sqlite
      $0.output = database
    }
    #expect(summary.stopError == nil)
    #expect(summary.read + summary.failed == inputs.count)

    let queue = try DatabaseQueue(path: database)
    try queue.read { db in
      #expect(try String.fetchOne(db, sql: "PRAGMA integrity_check") == "ok")
      #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
      let documents = try Self.table(db, "documents")
      #expect(documents.column("path") == inputs)
      let projects = try Self.table(db, "projects")
      let indicators = try Self.table(db, "indicators")
      let diagnostics = try Self.table(db, "diagnostics")
      let tasks = try Self.table(db, "tasks")
      #expect(!tasks.rows.isEmpty)
      for (id, path) in zip(documents.column("document_id"), inputs) {
        let row = documents.select(["status", "sha256"], where: "document_id", equals: id)
        switch Support.parse(path) {
        case .success(let document):
          #expect(row == [["read", document.source.sha256]])
          let expected = ExpectedRows(document)
          #expect(
            projects.select(ExpectedRows.projectColumns, where: "document_id", equals: id) == expected.projects,
            "\(path)"
          )
          #expect(
            indicators.select(ExpectedRows.indicatorColumns, where: "document_id", equals: id) == expected.indicators,
            "\(path)"
          )
          #expect(
            diagnostics.select(ExpectedRows.diagnosticColumns, where: "document_id", equals: id)
              == expected.diagnostics,
            "\(path)"
          )
          #expect(tasks.select(ExpectedRows.taskColumns, where: "document_id", equals: id) == expected.tasks, "\(path)")
        case .failure:
          #expect(row == [["failed", Jixiao.sha256(Support.read(path))]])
        }
      }
    }
    try queue.close()
  }

  /// A rerun skips what is stored; --force replaces it; deleting a document deletes its rows.
  @Test func rerunSkipsStoredDocumentsAndForceReplacesThem() throws {
    let directory = Support.temporaryDirectory()
    defer { Support.removeTree(directory) }
    let database = directory + "/corpus.db"
    let inputs = Support.corpusFiles
    let first = Support.batch(inputs) {
      $0.format = .sqlite
      $0.output = database
    }
    func counts() throws -> [Int] {
      let queue = try DatabaseQueue(path: database)
      defer { try? queue.close() }
      return try queue.read { db in
        try ["documents", "projects", "indicators", "diagnostics"].map {
          try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \($0)") ?? -1
        }
      }
    }
    let before = try counts()
    #expect(before[0] == inputs.count)

    let second = Support.batch(inputs) {
      $0.format = .sqlite
      $0.output = database
    }
    #expect(second.skipped == inputs.count)
    #expect(second.read == 0 && second.exitCode == 0)
    #expect(try counts() == before)

    let forced = Support.batch(inputs) {
      $0.format = .sqlite
      $0.output = database
      $0.force = true
    }
    #expect(forced.read == first.read && forced.failed == first.failed)
    #expect(try counts() == before)

    let queue = try DatabaseQueue(path: database)
    try queue.write { db in
      let id = try Int.fetchOne(db, sql: "SELECT document_id FROM documents WHERE indicators > 0 LIMIT 1")
      try db.execute(sql: "DELETE FROM documents WHERE document_id = ?", arguments: [id])
      #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM indicators WHERE document_id = ?", arguments: [id]) == 0)
      #expect(try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM projects WHERE document_id = ?", arguments: [id]) == 0)
    }
    try queue.close()
  }

  /// A scraped corpus holds copies of one disclosure under several names. SQLite keeps one
  /// document per digest, the first input's, and the copies after it are skipped unparsed:
  /// the database and the summary are the same whatever --jobs is.
  @Test func copiesInOneRunAreKeptOnceWhateverTheJobs() throws {
    let directory = Support.temporaryDirectory()
    defer { Support.removeTree(directory) }
    let originals = Array(Support.corpusFiles.prefix(12))
    // Each original, then copies of every third one later in the input order; the copies'
    // names sort after the originals' directory, as the batch walks it.
    var inputs = originals
    var firstPaths = originals
    for (index, original) in originals.enumerated() where index % 3 == 0 {
      let copy = FileSystem.join(directory, "copy-\(index).txt")
      Support.write(copy, Support.read(original))
      inputs.append(copy)
    }
    // An input whose copy comes first in the order: the copy is the one kept.
    let early = FileSystem.join(directory, "early.txt")
    Support.write(early, Support.read(originals[1]))
    inputs.insert(early, at: 0)
    firstPaths.removeAll { $0 == originals[1] }
    firstPaths.insert(early, at: 0)
    let copies = inputs.count - firstPaths.count

    var tables: [[Table]] = []
    for jobs in [1, 3] {
      let database = directory + "/jobs-\(jobs).db"
      let summary = Support.batch(inputs) {
        $0.format = .sqlite
        $0.output = database
        $0.jobs = jobs
      }
      #expect(summary.stopError == nil)
      #expect(summary.skipped == copies, "jobs \(jobs)")
      #expect(summary.read + summary.failed == firstPaths.count, "jobs \(jobs)")
      let queue = try DatabaseQueue(path: database)
      tables.append(
        try queue.read { db in
          try ["documents", "projects", "indicators", "diagnostics"].map { try Self.table(db, $0) }
        })
      try queue.close()
    }
    #expect(tables[0][0].column("path") == firstPaths)
    #expect(tables[0] == tables[1])

    // JSONL keeps every input, copies included.
    let jsonl = directory + "/all.jsonl"
    let summary = Support.batch(inputs) {
      $0.output = jsonl
      $0.jobs = 3
    }
    #expect(summary.skipped == 0 && summary.read + summary.failed == inputs.count)
    #expect(Support.lines(Support.read(jsonl)).count == inputs.count)
  }

  /// A database written before a column existed gets the column on the next run.
  @Test func addsNewColumnsToAnOlderDatabase() throws {
    let directory = Support.temporaryDirectory()
    defer { Support.removeTree(directory) }
    let database = directory + "/old.db"
    let seed = try #require(Support.corpusFiles.first { $0.hasSuffix("000_68f22dc76fd3e3d9.txt") })
    _ = Support.batch([seed]) {
      $0.format = .sqlite
      $0.output = database
    }
    var queue = try DatabaseQueue(path: database)
    try queue.write { try $0.execute(sql: "ALTER TABLE indicators DROP COLUMN remark") }
    try queue.close()
    let summary = Support.batch([seed]) {
      $0.format = .sqlite
      $0.output = database
      $0.force = true
    }
    #expect(summary.read == 1 && summary.stopError == nil)
    queue = try DatabaseQueue(path: database)
    let columns = try queue.read { db in try db.columns(in: "indicators").map(\.name) }
    #expect(columns.contains("remark"))
    try queue.close()
  }

  @Test func refusesADatabaseThatIsNotOurs() throws {
    let directory = Support.temporaryDirectory()
    defer { Support.removeTree(directory) }
    let database = directory + "/other.db"
    let queue = try DatabaseQueue(path: database)
    try queue.write { try $0.execute(sql: "CREATE TABLE mine (x)") }
    try queue.close()
    let summary = Support.batch([Support.corpusFiles[0]]) {
      $0.format = .sqlite
      $0.output = database
    }
    #expect(summary.exitCode == 73)
  }

  /// The example query of Docs/batch.md runs and finds level-2 indicators.
  @Test func exampleQueryRuns() throws {
    let directory = Support.temporaryDirectory()
    defer { Support.removeTree(directory) }
    let database = directory + "/corpus.db"
    _ = Support.batch(Support.corpusFiles) {
      $0.format = .sqlite
      $0.output = database
    }
    let queue = try DatabaseQueue(path: database)
    let rows = try queue.read { db in
      try Row.fetchAll(
        db,
        sql: """
          SELECT d.path, p.year, p.name AS project, i.name AS indicator,
                 i.target_raw, i.target_operator, i.target_value, i.target_unit
          FROM indicators AS i
          JOIN projects AS p USING (document_id, project_id)
          JOIN documents AS d USING (document_id)
          WHERE i.level2 = '数量指标'
          ORDER BY p.year, d.path, p.project_id, i.indicator_id
          """
      )
    }
    #expect(!rows.isEmpty)
    try queue.close()
  }
}
