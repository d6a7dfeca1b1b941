import GRDB
import Jixiao
import Testing

@testable import JixiaoBatch

#if canImport(Glibc)
import Glibc
#endif

/// Killing a batch midway loses nothing already written, and a rerun completes it.
@Suite(.serialized) struct ResumeTests {
  static func documentCount(_ database: String) -> Int {
    guard FileSystem.exists(database), let queue = try? DatabaseQueue(path: database) else { return 0 }
    defer { try? queue.close() }
    return (try? queue.read { try Int.fetchOne($0, sql: "SELECT COUNT(*) FROM documents") ?? 0 }) ?? 0
  }

  /// Path records for `--input jsonl`, one per line.
  static func records(_ paths: ArraySlice<String>) -> [UInt8] {
    paths.flatMap { JSON.object([("path", .string($0))]).render(pretty: false) + [0x0A] }
  }

  /// The batch is fed through a pipe that stays open, so it cannot finish before it is
  /// killed however fast the parser is: the kill lands while documents are in flight.
  @Test func killedSQLiteBatchResumes() throws {
    let directory = Support.temporaryDirectory()
    defer { Support.removeTree(directory) }
    let corpus = directory + "/corpus"
    _ = mkdirPath(corpus)
    let paths = Support.uniqueCorpus(in: corpus, count: 600)
    let database = directory + "/corpus.db"

    let child = ChildProcess(
      [
        Support.jixiao, "batch", "--input", "jsonl", "-", "--format", "sqlite", "--out", database, "--jobs", "2",
        "--quiet",
      ],
      outputPath: "/dev/null"
    )
    child.send(Self.records(paths[..<400]))
    // Wait for a committed transaction, send more work, and kill without warning.
    var committed = 0
    for _ in 0..<6000 where committed == 0 {
      usleep(10_000)
      committed = Self.documentCount(database)
    }
    child.send(Self.records(paths[400..<450]))
    child.kill(SIGKILL)
    #expect(child.wait() == 128 + SIGKILL)
    let atKill = Self.documentCount(database)
    #expect(atKill > 0)
    #expect(atKill <= 450)

    let rerun = Support.batch([corpus]) {
      $0.format = .sqlite
      $0.output = database
    }
    #expect(rerun.stopError == nil)
    #expect(rerun.skipped == atKill)
    #expect(rerun.read == paths.count - atKill)

    let queue = try DatabaseQueue(path: database)
    try queue.read { db in
      let stored = try String.fetchAll(db, sql: "SELECT path FROM documents ORDER BY path")
      #expect(stored == paths.sorted())
      #expect(try Int.fetchOne(db, sql: "SELECT COUNT(DISTINCT sha256) FROM documents") == paths.count)
      #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
      // Every document has its indicators once: the counts agree with the rows.
      let mismatched = try Int.fetchOne(
        db,
        sql: """
          SELECT COUNT(*) FROM documents AS d
          WHERE d.indicators != (SELECT COUNT(*) FROM indicators AS i WHERE i.document_id = d.document_id)
          """
      )
      #expect(mismatched == 0)
    }
    try queue.close()
  }

  /// A killed JSONL or CSV batch leaves no half output where the output belongs.
  @Test(arguments: ["jsonl", "csv"])
  func killedFileBatchLeavesNoOutput(format: String) throws {
    let directory = Support.temporaryDirectory()
    defer { Support.removeTree(directory) }
    let corpus = directory + "/corpus"
    _ = mkdirPath(corpus)
    let paths = Support.uniqueCorpus(in: corpus, count: 40)
    let output = directory + "/out"
    let child = ChildProcess(
      [Support.jixiao, "batch", "--input", "jsonl", "-", "--format", format, "--out", output, "--quiet"],
      outputPath: "/dev/null"
    )
    child.send(Self.records(paths[...]))
    usleep(500_000)
    child.kill(SIGKILL)
    #expect(child.wait() == 128 + SIGKILL)
    #expect(!FileSystem.exists(output))
  }
}
