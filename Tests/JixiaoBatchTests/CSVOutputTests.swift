import Jixiao
import Testing

@testable import JixiaoBatch

@Suite struct CSVOutputTests {
  @Test func corpusTablesMatchParse() throws {
    let directory = Support.temporaryDirectory()
    defer { Support.removeTree(directory) }
    let output = directory + "/tables"
    let inputs = Support.corpusFiles
    let summary = Support.batch(inputs) {
      $0.format = .csv
      $0.output = output
    }
    #expect(summary.stopError == nil)
    #expect(FileSystem.entries(of: directory) == ["tables"])

    var tables: [String: Table] = [:]
    for name in ["documents", "projects", "indicators", "diagnostics", "tasks"] {
      let bytes = Support.read(output + "/\(name).csv")
      let (header, rows) = try CSVReader.read(bytes)
      #expect(header.first == "document_id")
      tables[name] = Table(header: header, rows: rows)
    }
    // The corpus's department template has its main tasks.
    #expect(tables["tasks"]?.rows.isEmpty == false)
    let documents = try #require(tables["documents"])
    #expect(documents.column("document_id") == inputs.indices.map { String($0 + 1) })
    #expect(documents.column("path") == inputs)

    for (index, path) in inputs.enumerated() {
      let id = String(index + 1)
      let row = documents.select(["status", "sha256", "error", "indicators"], where: "document_id", equals: id)
      switch Support.parse(path) {
      case .success(let document):
        #expect(row == [["read", document.source.sha256, "", String(ExpectedRows(document).indicators.count)]])
        let expected = ExpectedRows(document)
        #expect(
          tables["projects"]?.select(ExpectedRows.projectColumns, where: "document_id", equals: id)
            == expected.projects,
          "\(path)"
        )
        #expect(
          tables["indicators"]?.select(ExpectedRows.indicatorColumns, where: "document_id", equals: id)
            == expected.indicators,
          "\(path)"
        )
        #expect(
          tables["diagnostics"]?.select(ExpectedRows.diagnosticColumns, where: "document_id", equals: id)
            == expected.diagnostics,
          "\(path)"
        )
        #expect(tables["tasks"]?.select(ExpectedRows.taskColumns, where: "document_id", equals: id) == expected.tasks, "\(path)")
      case .failure(let error):
        #expect(row == [["failed", Jixiao.sha256(Support.read(path)), error.message, ""]])
      }
    }
  }

  @Test func quotingFollowsRFC4180() throws {
    let bytes = CSVSink.encode([
      [.text("a,b"), .text("say \"hi\""), .text("two\nlines"), .null, .integer(7), .text("中文")]
    ])
    #expect(String(decoding: bytes, as: UTF8.self) == "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,7,中文\r\n")
    let (_, rows) = try CSVReader.read([0xEF, 0xBB, 0xBF] + Array("h1,h2,h3,h4,h5,h6\r\n".utf8) + bytes)
    #expect(rows == [["a,b", "say \"hi\"", "two\nlines", "", "7", "中文"]])
  }

  @Test func existingFilesNeedForce() {
    let directory = Support.temporaryDirectory()
    defer { Support.removeTree(directory) }
    // An existing empty directory is fine.
    let first = Support.batch([Support.corpusFiles[0]]) {
      $0.format = .csv
      $0.output = directory
    }
    #expect(first.stopError == nil)
    let refused = Support.batch([Support.corpusFiles[0]]) {
      $0.format = .csv
      $0.output = directory
    }
    #expect(refused.exitCode == 73)
    let forced = Support.batch([Support.corpusFiles[0]]) {
      $0.format = .csv
      $0.output = directory
      $0.force = true
    }
    #expect(forced.stopError == nil)
    #expect(
      FileSystem.entries(of: directory) == ["diagnostics.csv", "documents.csv", "indicators.csv", "projects.csv", "tasks.csv"]
    )
  }
}
