import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `jixiao serve` as a user starts it: the binary prints its address, serves, and stops
/// cleanly on Ctrl-C.
@Suite struct ServeCommandTests {
  @Test func printsItsAddressServesAndStopsOnInterrupt() async throws {
    try await Support.onThread {
      let server = try ServeProcess(["serve", "--port", "0", "--lang", "zh"])
      let line = try server.firstLine()
      #expect(line.hasPrefix("Jixiao 网页已启动：http://127.0.0.1:"))
      let port = try #require(Int(line.split(separator: ":").last?.filter(\.isNumber) ?? ""))
      let page = try HTTPConnection(port: port).send("GET", "/")
      #expect(page.status == 200)
      let check = try HTTPConnection(port: port).send("POST", "/api/check", body: Support.read(Support.seed000))
      #expect(check.status == 200)
      #expect(check.text.contains("JX304"))
      // Messages follow --lang when the request names no language.
      #expect(check.text.contains("不是百分比") || check.text.contains("满意度"))
      #expect(server.stop(SIGINT) == 0)

      // The same port again, while another server holds it: a clear error and exit 69.
      let holder = try ServeProcess(["serve", "--port", "0"])
      let held = try #require(Int(try holder.firstLine().split(separator: ":").last?.filter(\.isNumber) ?? ""))
      let second = try ProgramRun.run([Support.jixiao, "serve", "--port", String(held)])
      #expect(second.status == 69)
      #expect(Support.text(second.standardError).contains("cannot listen on 127.0.0.1:\(held)"))
      #expect(holder.stop(SIGTERM) == 0)
    }
  }

  @Test func refusesNonsenseOptions() throws {
    for arguments in [["--port", "70000"], ["--time-limit", "0"], ["--max-size", "-1"], ["--lang", "fr"]] {
      let run = try ProgramRun.run([Support.jixiao, "serve"] + arguments)
      #expect(run.status == 64, "\(arguments)")
    }
  }
}

/// `jixiao serve` in a child process whose standard output the test reads.
final class ServeProcess {
  let pid: pid_t
  private let output: Int32

  init(_ arguments: [String]) throws {
    var pipeEnds: [Int32] = [-1, -1]
    guard pipe(&pipeEnds) == 0 else { throw HTTPFailure("pipe failed") }
    // Close-on-exec, so that other children of the test process do not hold the pipe open.
    for fd in pipeEnds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    pid = try ProgramRun.spawn([Support.jixiao] + arguments, actions: &actions)
    close(pipeEnds[1])
    output = pipeEnds[0]
  }

  /// The first line the server prints, within 30 seconds.
  func firstLine() throws -> String {
    var bytes: [UInt8] = []
    let deadline = Date().addingTimeInterval(30)
    while !bytes.contains(0x0A) {
      var poller = pollfd(fd: output, events: Int16(POLLIN), revents: 0)
      guard Date() < deadline else { throw HTTPFailure("the server printed no line") }
      guard poll(&poller, 1, 1000) > 0 else { continue }
      var chunk = [UInt8](repeating: 0, count: 4096)
      let count = chunk.withUnsafeMutableBytes { read(output, $0.baseAddress, $0.count) }
      guard count > 0 else { throw HTTPFailure("the server exited before printing its address") }
      bytes += chunk[0..<count]
    }
    return String(decoding: bytes[..<bytes.firstIndex(of: 0x0A)!], as: UTF8.self)
  }

  /// Signals the server and returns its exit code.
  func stop(_ signal: Int32) -> Int32 {
    kill(pid, signal)
    let status = ProgramRun.waitFor(pid)
    close(output)
    return status
  }
}
