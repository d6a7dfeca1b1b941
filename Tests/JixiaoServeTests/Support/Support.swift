import Foundation
import Jixiao
import JixiaoServe

#if canImport(Glibc)
  import Glibc
#endif

/// Paths and fixtures the serve tests share.
enum Support {
  static let packageRoot: String = {
    var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
    parts.removeLast(4)
    return parts.joined(separator: "/")
  }()

  /// The built `jixiao` next to the test bundle.
  static let jixiao: String = {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    let executable = count > 0 ? String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self) : ""
    return (executable as NSString).deletingLastPathComponent + "/jixiao"
  }()

  /// `.build/serve-test`: screenshots and the load report, kept after the run for people.
  static let outputDirectory: String = {
    let path = packageRoot + "/.build/serve-test"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }()

  static let seed000 = "Corpus/seeds/000_68f22dc76fd3e3d9.txt"
  static let seed001 = "Corpus/seeds/001_cb4f80606216139f.txt"

  static func read(_ relativePath: String) -> [UInt8] {
    let path = relativePath.hasPrefix("/") ? relativePath : packageRoot + "/" + relativePath
    return Array(FileManager.default.contents(atPath: path) ?? Data())
  }

  static func write(_ path: String, _ bytes: [UInt8]) {
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
  }

  static func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

  /// Runs blocking work (sockets, pipes, waitpid) on a thread of its own: on Swift's few
  /// cooperative threads it would starve the in-process server's request tasks.
  static func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
      let thread = Thread { continuation.resume(with: Result { try body() }) }
      thread.stackSize = 8 << 20
      thread.start()
    }
  }

  static func milliseconds(since start: ContinuousClock.Instant) -> Double {
    let elapsed = ContinuousClock.now - start
    return Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
  }
}

/// A `jixiao serve` in this process on a free loopback port.
final class TestServer: Sendable {
  private let running: RunningServer
  private let task: Task<Void, any Error>

  var port: Int { running.port }

  private init(running: RunningServer, task: Task<Void, any Error>) {
    self.running = running
    self.task = task
  }

  static func start(_ configure: (inout ServeConfiguration) -> Void = { _ in }) async throws -> TestServer {
    var configuration = ServeConfiguration(host: "127.0.0.1", port: 0, language: .en)
    configure(&configuration)
    let (started, continuation) = AsyncStream<RunningServer>.makeStream()
    let task = Task {
      defer { continuation.finish() }
      try await JixiaoServer.run(configuration, stopOnSignals: false) { continuation.yield($0) }
    }
    var iterator = started.makeAsyncIterator()
    guard let running = await iterator.next() else {
      try await task.value
      throw HTTPFailure("the server stopped before it listened")
    }
    return TestServer(running: running, task: task)
  }

  func stop() async {
    await running.stop()
    _ = try? await task.value
  }

  /// One request on a new connection, off the cooperative threads.
  func request(
    _ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8] = [], chunked: Bool = false
  ) async throws -> HTTPResponse {
    let port = port
    return try await Support.onThread {
      let connection = try HTTPConnection(port: port)
      return try connection.send(method, path, headers: headers, body: body, chunked: chunked)
    }
  }

  func post(_ path: String, _ body: [UInt8], headers: [(String, String)] = []) async throws -> HTTPResponse {
    try await request("POST", path, headers: headers, body: body)
  }
}

/// Runs a program to its end with standard input from bytes and both outputs captured.
struct ProgramRun {
  var status: Int32
  var standardOutput: [UInt8]
  var standardError: [UInt8]

  /// `run` off the cooperative threads, for async tests.
  static func capture(_ arguments: [String], input: [UInt8] = []) async throws -> ProgramRun {
    try await Support.onThread { try run(arguments, input: input) }
  }

  static func run(_ arguments: [String], input: [UInt8] = []) throws -> ProgramRun {
    let directory = NSTemporaryDirectory() + "jixiao-serve-test-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    Support.write(directory + "/in", input)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, directory + "/in", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, directory + "/out", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    posix_spawn_file_actions_addopen(&actions, 2, directory + "/err", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    let pid = try spawn(arguments, actions: &actions)
    let status = waitFor(pid)
    return ProgramRun(
      status: status, standardOutput: Support.read(directory + "/out"), standardError: Support.read(directory + "/err"))
  }

  static func spawn(_ arguments: [String], actions: inout posix_spawn_file_actions_t) throws -> pid_t {
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    var pid: pid_t = 0
    let status = posix_spawnp(&pid, arguments[0], &actions, nil, &argv, environ)
    guard status == 0 else { throw HTTPFailure("cannot start \(arguments[0]): \(String(cString: strerror(status)))") }
    return pid
  }

  /// The exit code, or 128 + the signal that ended the process.
  static func waitFor(_ pid: pid_t) -> Int32 {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
  }
}

extension JSON {
  var stringValue: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  var arrayValue: [JSON]? {
    if case .array(let values) = self { return values }
    return nil
  }

  /// A number as its decimal text, exactly as the JSON held it.
  var numberText: String? {
    if case .number(let value) = self { return value }
    return nil
  }
}
