import Jixiao

@testable import JixiaoBatch

#if canImport(Glibc)
import Glibc
#endif

/// Files, processes and fixtures shared by the batch tests.
enum Support {
  static let packageRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(3)
    return parts.joined(separator: "/")
  }()

  /// Every `Corpus/**/*.txt`, sorted as the batch walks them.
  static let corpusFiles: [String] = InputPaths.expand(
    [packageRoot + "/Corpus"],
    glob: "*.txt",
    standardInputLines: { [] }
  ).map(\.path)

  /// The built `jixiao` next to the test bundle.
  static let jixiao: String = {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    let executable = count > 0 ? String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
    return FileSystem.join(FileSystem.parent(of: executable), "jixiao")
  }()

  static func temporaryDirectory() -> String {
    var template = Array("/tmp/jixiao-batch-test-XXXXXX".utf8CString)
    guard let made = mkdtemp(&template) else { fatalError("mkdtemp failed") }
    return String(cString: made)
  }

  static func removeTree(_ path: String) {
    if let names = FileSystem.entries(of: path) {
      for name in names { removeTree(FileSystem.join(path, name)) }
      rmdir(path)
    } else {
      unlink(path)
    }
  }

  static func read(_ path: String) -> [UInt8] {
    (try? FileSystem.read(path, maxSize: 1 << 30)) ?? []
  }

  static func write(_ path: String, _ bytes: [UInt8]) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    precondition(fd >= 0, "cannot write \(path)")
    _ = FileSystem.writeAll(fd, bytes)
    close(fd)
  }

  /// Runs a batch in this process with standard error discarded.
  static func batch(_ inputs: [String], _ configure: (inout BatchConfiguration) -> Void) -> BatchSummary {
    var configuration = BatchConfiguration(inputs: inputs)
    configuration.language = .en
    configuration.quiet = true
    let devNull = open("/dev/null", O_WRONLY)
    defer { close(devNull) }
    configuration.standardError = devNull
    configure(&configuration)
    return Batch.run(configuration)
  }

  /// What `jixiao parse` makes of a file: the document or the error.
  static func parse(_ path: String) -> Result<Document, InputError> {
    do throws(InputError) {
      let bytes = try FileSystem.read(path, maxSize: 64 << 20)
      return .success(try Jixiao.parse(bytes, path: path, options: ParseOptions()))
    } catch {
      return .failure(error)
    }
  }

  /// `count` distinct documents (a seed with a numbered note appended) in `directory`.
  static func uniqueCorpus(in directory: String, count: Int) -> [String] {
    let seeds = corpusFiles.filter { (try? parse($0).get()) != nil }.map { read($0) }
    var paths: [String] = []
    for index in 0..<count {
      let path = FileSystem.join(directory, "doc-\(100000 + index).txt")
      write(path, seeds[index % seeds.count] + Array("\n备注：副本 \(index)\n".utf8))
      paths.append(path)
    }
    return paths
  }

  static func lines(_ bytes: [UInt8]) -> [[UInt8]] {
    bytes.split(separator: 0x0A, omittingEmptySubsequences: false).dropLast().map(Array.init)
  }
}

/// A child process with pipes to its standard input and output.
final class ChildProcess {
  let pid: pid_t
  private var input: Int32
  private let output: Int32
  private var buffer: [UInt8] = []

  /// Starts `arguments`; standard output is piped back unless `outputPath` names a file.
  init(_ arguments: [String], outputPath: String? = nil) {
    // A child that exits before reading all we send must not take the test process down
    // with SIGPIPE; the write then fails with EPIPE, which the test sees.
    signal(SIGPIPE, SIG_IGN)
    var toChild: [Int32] = [-1, -1]
    var fromChild: [Int32] = [-1, -1]
    precondition(pipe(&toChild) == 0 && pipe(&fromChild) == 0)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_adddup2(&actions, toChild[0], 0)
    if let outputPath {
      posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    } else {
      posix_spawn_file_actions_adddup2(&actions, fromChild[1], 1)
    }
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    for fd in toChild + fromChild { posix_spawn_file_actions_addclose(&actions, fd) }
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    var pid: pid_t = 0
    let status = posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ)
    for pointer in argv { free(pointer) }
    posix_spawn_file_actions_destroy(&actions)
    precondition(status == 0, "cannot start \(arguments[0])")
    self.pid = pid
    close(toChild[0])
    close(fromChild[1])
    input = toChild[1]
    output = fromChild[0]
  }

  func send(_ bytes: [UInt8]) { _ = FileSystem.writeAll(input, bytes) }

  func closeInput() {
    if input >= 0 { close(input) }
    input = -1
  }

  /// The next line of output, without its newline; nil at the end.
  func readLine() -> [UInt8]? {
    while true {
      if let newline = buffer.firstIndex(of: 0x0A) {
        let line = Array(buffer[..<newline])
        buffer.removeSubrange(...newline)
        return line
      }
      var chunk = [UInt8](repeating: 0, count: 1 << 16)
      let got = chunk.withUnsafeMutableBytes { Glibc.read(output, $0.baseAddress, $0.count) }
      if got < 0 && errno == EINTR { continue }
      if got <= 0 { return nil }
      buffer += chunk[0..<got]
    }
  }

  func readAll() -> [UInt8] {
    var all: [UInt8] = []
    while let line = readLine() { all += line + [0x0A] }
    return all
  }

  /// Waits for the end and returns the exit code (128 + signal when killed).
  func wait() -> Int32 {
    closeInput()
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    close(output)
    return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
  }

  func kill(_ signal: Int32) { _ = Glibc.kill(pid, signal) }
}
