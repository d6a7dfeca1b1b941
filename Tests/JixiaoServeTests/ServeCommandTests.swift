import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `jixiao serve` as a user starts it: the binary prints its address, serves, and stops
/// cleanly on Ctrl-C.
@Suite struct ServeCommandTests {
  @Test func printsItsAddressServesAndStopsOnInterrupt() async throws {
    let server = try await ServeProcess.start(["serve", "--port", "0", "--lang", "zh"])
    #expect(server.firstLine.hasPrefix("Jixiao 网页已启动：http://127.0.0.1:"))
    let port = server.port
    let (page, check) = try await Support.onThread {
      (
        try HTTPConnection(port: port).send("GET", "/"),
        try HTTPConnection(port: port).send("POST", "/api/check", body: Support.read(Support.seed000))
      )
    }
    #expect(page.status == 200)
    #expect(check.status == 200)
    // Messages follow --lang when the request names no language.
    #expect(check.text.contains("满意度指标“市民满意度提高”的目标“提高”"))
    #expect(await server.stop(SIGINT) == 0)
  }

  @Test func aTakenPortIsAClearErrorAndExit69() async throws {
    let holder = try await ServeProcess.start(["serve", "--port", "0"])
    let second = try await ProgramRun.capture([Support.jixiao, "serve", "--port", String(holder.port)])
    #expect(second.status == 69)
    #expect(Support.text(second.standardError).contains("cannot listen on 127.0.0.1:\(holder.port)"))
    #expect(await holder.stop(SIGTERM) == 0)
  }

  @Test func refusesNonsenseOptions() async throws {
    for arguments in [["--port", "70000"], ["--time-limit", "0"], ["--max-size", "-1"], ["--lang", "fr"]] {
      let run = try await ProgramRun.capture([Support.jixiao, "serve"] + arguments)
      #expect(run.status == 64, "\(arguments)")
    }
  }
}

/// `jixiao serve` in a child process, started and read off the cooperative threads.
final class ServeProcess: Sendable {
  let pid: pid_t
  let firstLine: String
  /// The port from the address in the first line.
  let port: Int

  private init(pid: pid_t, firstLine: String) throws {
    self.pid = pid
    self.firstLine = firstLine
    guard let port = Int(firstLine.split(separator: ":").last?.filter(\.isNumber) ?? "") else {
      throw HTTPFailure("no port in '\(firstLine)'")
    }
    self.port = port
  }

  /// Starts the server and waits (30 s at most) for the line with its address.
  static func start(_ arguments: [String]) async throws -> ServeProcess {
    try await Support.onThread {
      var ends: [Int32] = [-1, -1]
      guard pipe(&ends) == 0 else { throw HTTPFailure("pipe failed") }
      // Close-on-exec, so that other children of the test process do not hold the pipe open.
      for fd in ends { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
      var actions = posix_spawn_file_actions_t()
      posix_spawn_file_actions_init(&actions)
      defer { posix_spawn_file_actions_destroy(&actions) }
      posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
      posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
      posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
      let pid = try ProgramRun.spawn([Support.jixiao] + arguments, actions: &actions)
      close(ends[1])
      defer { close(ends[0]) }
      do {
        return try ServeProcess(pid: pid, firstLine: try readLine(ends[0]))
      } catch {
        kill(pid, SIGKILL)
        _ = ProgramRun.waitFor(pid)
        throw error
      }
    }
  }

  private static func readLine(_ fd: Int32) throws -> String {
    var bytes: [UInt8] = []
    let deadline = Date().addingTimeInterval(30)
    while !bytes.contains(0x0A) {
      guard Date() < deadline else { throw HTTPFailure("the server printed no line") }
      var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
      guard poll(&poller, 1, 1000) > 0 else { continue }
      var chunk = [UInt8](repeating: 0, count: 4096)
      let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      guard count > 0 else { throw HTTPFailure("the server exited before printing its address") }
      bytes += chunk[0..<count]
    }
    return String(decoding: bytes[..<bytes.firstIndex(of: 0x0A)!], as: UTF8.self)
  }

  /// Signals the server and returns its exit code.
  func stop(_ signal: Int32) async -> Int32 {
    let pid = pid
    return
      (try? await Support.onThread {
        kill(pid, signal)
        return ProgramRun.waitFor(pid)
      }) ?? -1
  }
}
