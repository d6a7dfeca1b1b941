import Foundation
import Testing

@testable import Jixiao

/// The built `jixiao` binary, run as a batch script would: one line on stderr naming the
/// file, and the exit code of DESIGN.md.
@Suite("CLI errors", .serialized)
final class CLIErrorTests {
  let binary: String
  let scratch: URL

  init() throws {
    binary = try #require(
      Robustness.cliBinary, "the jixiao executable was not found next to the test bundle; run `swift build` first")
    scratch = try Robustness.temporaryDirectory()
  }

  deinit {
    try? FileManager.default.removeItem(at: scratch)
  }

  func file(_ name: String, _ bytes: [UInt8]) throws -> String {
    let url = scratch.appendingPathComponent(name)
    try Data(bytes).write(to: url)
    return url.path
  }

  func expectFailure(
    _ arguments: [String], stdin: [UInt8]? = nil, message: String, status: Int32,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let outcome = try Robustness.run(binary, arguments, stdin: stdin)
    #expect(outcome.status == status, "\(arguments)", sourceLocation: sourceLocation)
    #expect(outcome.stderr == "jixiao: " + message + "\n", sourceLocation: sourceLocation)
    #expect(outcome.stdout.isEmpty, sourceLocation: sourceLocation)
  }

  /// `jixiao parse FILE` is read without the argument parser (`JixiaoCommand.main`): it answers
  /// as the parsed command with its defaults does, byte for byte and with the same exit code,
  /// for a document, an empty file, a missing one and standard input.
  @Test func plainCallAnswersAsTheParsedOne() throws {
    let corpus = try #require(Robustness.corpusFiles.first { $0.lastPathComponent.hasPrefix("002_") })
    let cases: [(String, [UInt8]?)] = [
      (corpus.path, nil), (try file("empty.txt", []), nil), (scratch.appendingPathComponent("missing.txt").path, nil),
      ("-", Array("项目名称\t乡村道路养护\n产出指标\t数量指标\t养护里程\t≥320公里\n".utf8)),
    ]
    for (path, stdin) in cases {
      let plain = try Robustness.run(binary, ["parse", path], stdin: stdin)
      let parsed = try Robustness.run(binary, ["parse", path, "--max-size", "\(16 << 20)"], stdin: stdin)
      // Compared apart from the expectation, so that a difference is reported in a line, not
      // as two documents' bytes.
      let sameOutput = plain.stdout == parsed.stdout
      #expect(plain.status == parsed.status, "\(path)")
      #expect(sameOutput, "standard output of `jixiao parse \(path)` differs from the parsed call's")
      #expect(plain.stderr == parsed.stderr, "\(path)")
    }
    #expect(try Robustness.run(binary, ["parse", corpus.path]).status == 0)
  }

  @Test func missingFile() throws {
    let path = scratch.appendingPathComponent("missing.txt").path
    try expectFailure(["parse", path], message: "\(path): no such file", status: 66)
  }

  @Test func directory() throws {
    try expectFailure(["parse", scratch.path], message: "\(scratch.path): is a directory, not a file", status: 66)
  }

  /// chmod 000 does not stop root, so as root the binary runs as `nobody` through setpriv.
  @Test func permissionDenied() throws {
    let path = try file("secret.txt", Array("项目名称\n".utf8))
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: scratch.path)
    try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: path)
    var arguments = ["parse", path]
    var executable = binary
    if geteuid() == 0 {
      guard FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
        Issue.record("running as root without setpriv: cannot make a permission error")
        return
      }
      executable = "/usr/bin/setpriv"
      arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", binary] + arguments
    }
    let outcome = try Robustness.run(executable, arguments)
    #expect(outcome.status == 66)
    #expect(outcome.stderr == "jixiao: \(path): cannot read the file (Permission denied)\n")
  }

  @Test func empty() throws {
    let path = try file("empty.txt", [])
    try expectFailure(["parse", path], message: "\(path): file is empty", status: 65)
  }

  @Test func whitespaceOnly() throws {
    let path = try file("blank.txt", Array(" \n\t\r\n\u{3000}\n".utf8))
    try expectFailure(["parse", path], message: "\(path): file holds only blank characters", status: 65)
  }

  @Test func binaries() throws {
    let png = try file("logo.png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
    try expectFailure(["parse", png], message: "\(png): not a text file: PNG image at byte 0", status: 65)
    let zip = try file("a.zip", [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0])
    try expectFailure(["parse", zip], message: "\(zip): not a text file: ZIP archive, or .docx/.xlsx at byte 0", status: 65)
    let elf = try file("tool", Robustness.bytes(URL(fileURLWithPath: binary)).prefix(4096).map { $0 })
    try expectFailure(["parse", elf], message: "\(elf): not a text file: ELF executable at byte 0", status: 65)
    let nul = try file("nul.txt", Array("项目名称\t".utf8) + [0, 0] + Array("社区服务\n".utf8))
    try expectFailure(["parse", nul], message: "\(nul): not a text file: NUL byte at byte 13", status: 65)
  }

  /// The first three non-blank lines, each cut at 40 characters.
  @Test func noTable() throws {
    let html = try file("error-page.txt", Array("<html>\n<head><title>502 Bad Gateway</title></head>\n<body>nginx</body>\n</html>\n".utf8))
    try expectFailure(
      ["parse", html],
      message: "\(html): no performance table found; first lines read: '<html>' / '<head><title>502 Bad Gateway</title></he' / '<body>nginx</body>'",
      status: 65)
  }

  @Test func tooLarge() throws {
    let path = try file("big.txt", Array(repeating: 0x61, count: 2000))
    try expectFailure(
      ["parse", "--max-size", "1000", path],
      message: "\(path): file is 2000 bytes, over the limit of 1000 (raise it with --max-size)", status: 65)
    // Standard input has no size to check first: reading stops once past the limit.
    try expectFailure(
      ["parse", "--max-size", "1000", "-"], stdin: Array(repeating: 0x61, count: 70_000),
      message: "<stdin>: file is 65536 bytes, over the limit of 1000 (raise it with --max-size)", status: 65)
  }

  /// The default limit refuses a file past 16 MiB at once, from its size, without reading it
  /// (a sparse file: no disk is used).
  @Test func defaultSizeLimit() throws {
    let path = scratch.appendingPathComponent("huge.log").path
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.truncate(atOffset: 1 << 30)
    try handle.close()
    try expectFailure(
      ["parse", path],
      message: "\(path): file is 1073741824 bytes, over the limit of 16777216 (raise it with --max-size)", status: 65)
  }

  /// A single 4 MB line (a log or minified page picked up by a glob) parses or fails cleanly,
  /// and the process stays within ten times the input in memory.
  @Test func longSingleLine() throws {
    let line = "项目名称\t" + String(repeating: "数", count: 1_400_000) + "\n"
    let path = try file("one-line.txt", Array(line.utf8))
    guard let (status, peak) = try Robustness.measure(binary, ["parse", "--compact", path]) else {
      Issue.record("python3 is needed to measure a child's memory")
      return
    }
    #expect(status == 0 || status == 65)
    // AddressSanitizer's shadow memory and quarantine are several times the heap.
    let bound = (Robustness.isAddressSanitized ? 8 : 1) * (10 * line.utf8.count + (64 << 20))
    #expect(peak < bound, "peak RSS \(peak / 1_048_576) MiB for a \(line.utf8.count / 1_048_576) MiB line")
  }

  @Test func unknownEncoding() throws {
    let path = try file("a.txt", Array("项目名称\n".utf8))
    try expectFailure(
      ["parse", "--encoding", "KLINGON-8", path],
      message: "\(path): unknown encoding 'KLINGON-8' (try UTF-8, UTF-16LE, UTF-16BE, GB18030 or GBK)", status: 64)
  }

  @Test func outputFile() throws {
    let corpus = try #require(Robustness.corpusFiles.first { $0.lastPathComponent.hasPrefix("002_") })
    let output = scratch.appendingPathComponent("out.json").path
    let first = try Robustness.run(binary, ["parse", corpus.path, "--output", output])
    #expect(first.status == 0)
    #expect(first.stdout.isEmpty)
    let written = try Robustness.bytes(URL(fileURLWithPath: output))
    let stdout = try Robustness.run(binary, ["parse", corpus.path])
    #expect(written == stdout.stdout)
    // Mode as a plain create would give it, not mkstemp's 0600.
    let mode = try FileManager.default.attributesOfItem(atPath: output)[.posixPermissions] as? Int
    #expect(mode.map { $0 & 0o044 } == 0o044)

    try expectFailure(["parse", corpus.path, "--output", output], message: "\(output): already exists; use --force to replace it", status: 73)
    #expect(try Robustness.bytes(URL(fileURLWithPath: output)) == written)
    let forced = try Robustness.run(binary, ["parse", corpus.path, "--output", output, "--force", "--compact"])
    #expect(forced.status == 0)
    #expect(try Robustness.bytes(URL(fileURLWithPath: output)).count < written.count)
    // No temporary files left behind.
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path).filter { $0.contains(".jixiao-") }
    #expect(leftovers.isEmpty)

    let missingFolder = scratch.appendingPathComponent("no/such/folder/out.json").path
    try expectFailure(
      ["parse", corpus.path, "--output", missingFolder],
      message: "\(missingFolder): cannot create the output (No such file or directory)", status: 73)
    try expectFailure(
      ["parse", corpus.path, "--output", scratch.path, "--force"],
      message: "\(scratch.path): cannot create the output (is a directory)", status: 73)
  }

  @Test func fullDisk() throws {
    guard FileManager.default.isWritableFile(atPath: "/dev/full") else { return }
    let corpus = try #require(Robustness.corpusFiles.first { $0.lastPathComponent.hasPrefix("002_") })
    let outcome = try Robustness.run(
      "/bin/sh", ["-c", "exec \"$0\" parse \"$1\" > /dev/full", binary, corpus.path])
    #expect(outcome.status == 74)
    #expect(outcome.stderr == "jixiao: <stdout>: write failed (No space left on device)\n")
  }

  @Test func dumpSharesTheErrors() throws {
    let path = try file("empty2.txt", [])
    try expectFailure(["dump", path], message: "\(path): file is empty", status: 65)
  }
}
