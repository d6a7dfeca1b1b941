import Jixiao
import Testing

@testable import JixiaoBatch

@Suite struct JSONLOutputTests {
  /// Every corpus document's line is exactly `jixiao parse --compact` of that file, and a
  /// file that cannot be read gets a failure line with parse's message and exit code.
  @Test func corpusLinesMatchParse() throws {
    let directory = Support.temporaryDirectory()
    defer { Support.removeTree(directory) }
    let missing = directory + "/missing.txt"
    let inputs = Support.corpusFiles + [missing]
    let output = directory + "/out.jsonl"
    let summary = Support.batch(inputs) {
      $0.output = output
      $0.jobs = 2
    }
    let lines = Support.lines(Support.read(output))
    try #require(lines.count == inputs.count)
    var failures = 0
    for (line, path) in zip(lines, inputs) {
      switch Support.parse(path) {
      case .success(let document):
        #expect(line + [0x0A] == DocumentEncoder.encode(document, language: .en, pretty: false), "\(path)")
      case .failure(let error):
        failures += 1
        let json = try JSONReader.read(line)
        #expect(json.member("path") == .string(path))
        #expect(json.member("error")?.member("message") == .string(error.message))
        #expect(json.member("error")?.member("exitCode") == .number(String(error.exitCode)))
      }
    }
    #expect(summary.read + summary.failed == inputs.count)
    #expect(summary.failed == failures)
    #expect(summary.exitCode == (failures > 0 ? 3 : 0))
  }

  /// The same inputs give byte-identical output whatever the number of jobs.
  @Test func outputIsTheSameForAnyJobs() {
    let directory = Support.temporaryDirectory()
    defer { Support.removeTree(directory) }
    let copies = directory + "/copies"
    _ = mkdirPath(copies)
    _ = Support.uniqueCorpus(in: copies, count: 60)
    var outputs: [[UInt8]] = []
    for jobs in [1, 2, 4] {
      let output = directory + "/out-\(jobs).jsonl"
      _ = Support.batch([Support.packageRoot + "/Corpus", copies, directory + "/missing.txt"]) {
        $0.output = output
        $0.jobs = jobs
      }
      outputs.append(Support.read(output))
    }
    #expect(!outputs[0].isEmpty)
    #expect(outputs[1] == outputs[0])
    #expect(outputs[2] == outputs[0])
  }

  @Test func refusesToOverwriteWithoutForce() {
    let directory = Support.temporaryDirectory()
    defer { Support.removeTree(directory) }
    let output = directory + "/out.jsonl"
    Support.write(output, Array("keep me\n".utf8))
    let refused = Support.batch([Support.corpusFiles[0]]) { $0.output = output }
    #expect(refused.exitCode == 73)
    #expect(Support.read(output) == Array("keep me\n".utf8))
    let forced = Support.batch([Support.corpusFiles[0]]) {
      $0.output = output
      $0.force = true
    }
    #expect(forced.exitCode == 0 || forced.exitCode == 3)
    #expect(Support.read(output) != Array("keep me\n".utf8))
    // No temporary file is left behind.
    #expect(FileSystem.entries(of: directory) == ["out.jsonl"])
  }

  @Test func usageErrors() {
    #expect(Support.batch([]) { _ in }.exitCode == 64)
    #expect(Support.batch(["x"]) { $0.format = .csv }.exitCode == 64)
    #expect(Support.batch(["x"]) { $0.jobs = 0 }.exitCode == 64)
  }
}

#if canImport(Glibc)
import Glibc
#endif

func mkdirPath(_ path: String) -> Bool { mkdir(path, 0o755) == 0 }
