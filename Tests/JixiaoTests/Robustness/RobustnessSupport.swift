import Foundation
import Testing

@testable import Jixiao

/// Files, processes and JSON walks shared by the robustness tests.
enum Robustness {
  /// The package root, found from this file's path (Tests/JixiaoTests/Robustness/…).
  static let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

  /// Every `Corpus/**/*.txt`, sorted by path.
  static let corpusFiles: [URL] = textFiles(under: packageRoot.appendingPathComponent("Corpus"))

  /// Regression inputs (fuzzer finds and hand-made cases), sorted by path.
  static let inputFiles: [URL] = {
    let directory = packageRoot.appendingPathComponent("Tests/JixiaoTests/Robustness/Inputs")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
      .map { directory.appendingPathComponent($0) }
  }()

  static func textFiles(under directory: URL) -> [URL] {
    guard let enumerator = FileManager.default.enumerator(atPath: directory.path) else { return [] }
    var files: [URL] = []
    while let relative = enumerator.nextObject() as? String {
      // NAME.expected-error.txt is the golden message of a refused NAME.txt, not a document.
      if relative.hasSuffix(".txt") && !relative.hasSuffix(".expected-error.txt") {
        files.append(directory.appendingPathComponent(relative))
      }
    }
    return files.sorted { $0.path < $1.path }
  }

  /// A corpus path relative to the package root, for messages and `path:` arguments.
  static func relativePath(_ url: URL) -> String {
    let root = packageRoot.path + "/"
    return url.path.hasPrefix(root) ? String(url.path.dropFirst(root.count)) : url.path
  }

  /// A whole file, read with POSIX calls: `Data(contentsOf:)` shows up as a leak under
  /// `swift test --sanitize=address` (inside FoundationEssentials), which would bury ours.
  static func bytes(_ url: URL) throws -> [UInt8] {
    let fd = open(url.path, O_RDONLY)
    guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    defer { close(fd) }
    var result: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
      }
      if count == 0 { return result }
      result.append(contentsOf: chunk[0..<count])
    }
  }

  /// The document as UTF-8 without a BOM and with LF line ends, whatever it was saved in
  /// (the re-laid corpus has GB18030 and CRLF files): the reference that variants are made
  /// from.
  static func plainUTF8(_ url: URL) throws -> [UInt8] {
    let original = try bytes(url)
    guard let (text, _) = try? SourceDecoder.decode(original, path: url.path) else { return original }
    let utf8 = text.utf8
    var plain: [UInt8] = []
    plain.reserveCapacity(utf8.count)
    var index = 0
    while index < utf8.count {
      if utf8[index] == 0x0D {
        plain.append(0x0A)
        if index + 1 < utf8.count && utf8[index + 1] == 0x0A { index += 1 }
      } else {
        plain.append(utf8[index])
      }
      index += 1
    }
    return plain
  }

  // MARK: Processes

  struct ProcessResult {
    var status: Int32
    var stdout: [UInt8]
    var stderr: String
  }

  /// Runs a program to completion; output goes through temporary files, so a large output
  /// cannot fill a pipe and stall.
  static func run(_ executable: String, _ arguments: [String], stdin: [UInt8]? = nil) throws -> ProcessResult {
    let scratch = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outURL = scratch.appendingPathComponent("stdout")
    let errURL = scratch.appendingPathComponent("stderr")
    let inURL = scratch.appendingPathComponent("stdin")
    _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
    _ = FileManager.default.createFile(atPath: inURL.path, contents: Data(stdin ?? []))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = try FileHandle(forWritingTo: outURL)
    process.standardError = try FileHandle(forWritingTo: errURL)
    process.standardInput = try FileHandle(forReadingFrom: inURL)
    try process.run()
    process.waitUntilExit()
    return ProcessResult(
      status: process.terminationStatus, stdout: try bytes(outURL),
      stderr: String(decoding: try bytes(errURL), as: UTF8.self))
  }

  /// Runs a program with its output discarded and returns its exit status and its peak
  /// resident memory in bytes, or nil when python3 is missing.
  ///
  /// A child started by this (large) test process counts the test process's own peak in its
  /// `ru_maxrss`: Linux records the memory a process had when it called exec, and a spawned
  /// child shares or copies ours. So a small python3 starts the program and reports its
  /// child's peak (RUSAGE_CHILDREN), which then includes only python's few megabytes.
  static func measure(_ executable: String, _ arguments: [String]) throws -> (status: Int32, peakBytes: Int)? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    let python = (path.split(separator: ":").map { "\($0)/python3" } + ["/usr/bin/python3"])
      .first { FileManager.default.isExecutableFile(atPath: $0) }
    guard let python else { return nil }
    let script = """
      import resource, subprocess, sys
      r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
      print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
      """
    let outcome = try run(python, ["-c", script, executable] + arguments)
    let fields = String(decoding: outcome.stdout, as: UTF8.self).split(whereSeparator: \.isWhitespace)
    guard outcome.status == 0, fields.count == 2, let status = Int32(fields[0]), let kilobytes = Int(fields[1]) else {
      return nil
    }
    return (status, kilobytes * 1024)
  }

  /// Built with `--sanitize=address` (the CLI beside it is too).
  static let isAddressSanitized: Bool = {
    guard let handle = dlopen(nil, RTLD_NOW) else { return false }
    defer { dlclose(handle) }
    return dlsym(handle, "__asan_init") != nil
  }()

  static func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory
      .appendingPathComponent("jixiao-robustness-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
  }

  /// Converts UTF-8 bytes with iconv: an encoder independent of the ICU decoder under test.
  static func iconv(_ bytes: [UInt8], to charset: String) throws -> [UInt8] {
    let scratch = try temporaryDirectory()
    defer { try? FileManager.default.removeItem(at: scratch) }
    let input = scratch.appendingPathComponent("in")
    try Data(bytes).write(to: input)
    let outcome = try run("/usr/bin/iconv", ["-f", "UTF-8", "-t", charset, input.path])
    guard outcome.status == 0 else {
      throw ConversionFailure(charset: charset, message: outcome.stderr)
    }
    return outcome.stdout
  }

  struct ConversionFailure: Error, CustomStringConvertible {
    var charset: String
    var message: String
    var description: String { "iconv to \(charset) failed: \(message)" }
  }

  /// The `jixiao` executable SwiftPM built beside the test bundle (`swift test` builds every
  /// product into the same folder), or in the default build folder.
  static let cliBinary: String? = {
    var candidates: [String] = []
    if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
      var folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
      // The test binary sits in …/debug/JixiaoPackageTests.xctest on Linux (a file) or in
      // …/debug/JixiaoPackageTests.xctest/Contents/MacOS on macOS.
      for _ in 0..<4 {
        candidates.append(folder.appendingPathComponent("jixiao").path)
        folder.deleteLastPathComponent()
      }
    }
    candidates.append(packageRoot.appendingPathComponent(".build/debug/jixiao").path)
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  // MARK: JSON

  /// A `span` object of the output: line and column in the decoded text, offset in bytes.
  struct Span: Hashable, CustomStringConvertible {
    var line: Int
    var column: Int
    var offset: Int
    var length: Int
    var description: String { "\(line):\(column)@\(offset)+\(length)" }
  }

  static func span(_ json: JSON) -> Span? {
    guard case .object(let members) = json, members.count == 4 else { return nil }
    var values: [String: Int] = [:]
    for (key, value) in members {
      guard case .number(let text) = value, let number = Int(text) else { return nil }
      values[key] = number
    }
    guard let line = values["line"], let column = values["column"], let offset = values["offset"],
      let length = values["length"]
    else { return nil }
    return Span(line: line, column: column, offset: offset, length: length)
  }

  /// What one JSON object says about the source: its strings and the spans beside them
  /// (`span`, `labelSpan`, `annualSpan` … and every member of `spans`).
  struct Claim {
    var path: String
    var texts: [String]
    var spans: [Span]
  }

  /// Every object of `json` that carries a span, outside the members named in `skipping`.
  static func claims(in json: JSON, skipping: Set<String> = [], path: String = "$") -> [Claim] {
    var result: [Claim] = []
    switch json {
    case .object(let members):
      var texts: [String] = []
      var spans: [Span] = []
      for (key, value) in members where !skipping.contains(key) {
        if let found = span(value) {
          spans.append(found)
          continue
        }
        switch value {
        case .string(let text): texts.append(text)
        case .object(let inner) where key == "spans":
          spans += inner.compactMap { span($0.1) }
        default: result += claims(in: value, skipping: skipping, path: path + "." + key)
        }
      }
      if !spans.isEmpty { result.append(Claim(path: path, texts: texts, spans: spans)) }
    case .array(let items):
      for (index, item) in items.enumerated() {
        result += claims(in: item, skipping: skipping, path: path + "[\(index)]")
      }
    default: break
    }
    return result
  }

  /// The JSON with what legitimately depends on the bytes rather than the text removed: every
  /// span's byte `offset`, and `source`'s path, hash, size, encoding, BOM and confidence.
  static func withoutByteFacts(_ json: JSON) -> JSON {
    switch json {
    case .object(let members):
      if span(json) != nil {
        return .object(members.filter { $0.0 != "offset" })
      }
      let byteFacts: Set<String> = ["path", "sha256", "bytes", "encoding", "encodingConfidence", "hasBOM"]
      return .object(
        members.compactMap { key, value in
          if key == "source", case .object(let fields) = value {
            return (key, .object(fields.filter { !byteFacts.contains($0.0) }))
          }
          return (key, withoutByteFacts(value))
        })
    case .array(let items): return .array(items.map(withoutByteFacts))
    default: return json
    }
  }

  /// The first lines where two renderings differ, for a readable failure.
  static func firstDifference(_ expected: JSON, _ actual: JSON, context: Int = 3) -> String {
    let a = String(decoding: expected.render(pretty: true), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let b = String(decoding: actual.render(pretty: true), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    let common = min(a.count, b.count)
    guard let index = (0..<common).first(where: { a[$0] != b[$0] }) ?? (a.count == b.count ? nil : common) else {
      return "(no difference)"
    }
    let lower = max(0, index - context)
    var lines: [String] = ["first difference at line \(index + 1):"]
    for i in lower..<min(index + context + 1, max(a.count, b.count)) {
      let left = i < a.count ? String(a[i]) : "∅"
      let right = i < b.count ? String(b[i]) : "∅"
      lines.append(left == right ? "  \(left)" : "- \(left)\n+ \(right)")
    }
    return lines.joined(separator: "\n")
  }
}

/// SplitMix64: a small seeded generator, so every mutation can be replayed from its seed.
struct SeededGenerator: RandomNumberGenerator {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// The linear congruential sequence the fast-path tests draw their generated inputs from
/// (Knuth's MMIX constants, the high bits taken): one definition, so a test's inputs are
/// replayed from its seed alone.
struct SeededSequence {
  private var state: UInt64

  init(seed: UInt64) { state = seed }

  /// A number in `0..<bound`.
  mutating func next(_ bound: Int) -> Int {
    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
    return Int(state >> 33) % bound
  }
}

/// Parses and renders, or returns the error: the two answers a file can get.
enum ParseOutcome: Equatable {
  case document(JSON)
  case refused(InputError)

  static func of(_ bytes: [UInt8], path: String, options: ParseOptions = ParseOptions()) -> ParseOutcome {
    do {
      let document = try Jixiao.parse(bytes, path: path, options: options)
      return .document(DocumentEncoder.json(document, language: .en))
    } catch {
      return .refused(error)
    }
  }
}
