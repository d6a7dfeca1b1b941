import Foundation
import Synchronization
import Testing

/// A bounded load on loopback: `total` parses of seed 000 over `inFlight` keep-alive
/// connections. It reports requests per second and latency percentiles, and fails if any
/// request is lost or answered wrongly. The numbers go to `.build/serve-test/load.txt`.
/// With `JIXIAO_LOAD_PORT` set it loads a server already running there instead, such as a
/// release build: `jixiao serve --port 8090 &` then `JIXIAO_LOAD_PORT=8090 swift test
/// --filter LoadTests`.
@Suite(.serialized) struct LoadTests {
  static let total = 1000
  static let inFlight = 8
  static let externalPort = ProcessInfo.processInfo.environment["JIXIAO_LOAD_PORT"].flatMap { Int($0) }

  @Test func athousandParsesEightInFlightLoseNone() async throws {
    let server = Self.externalPort == nil ? try await TestServer.start() : nil
    defer { if let server { Task { await server.stop() } } }
    let port = try #require(Self.externalPort ?? server?.port)
    let seed = Support.read(Support.seed000)
    let expected = try await Support.onThread {
      try HTTPConnection(port: port).send("POST", "/api/parse?compact=1", body: seed).body
    }
    #expect(!expected.isEmpty)

    let tickets = Tickets(Self.total)
    let start = ContinuousClock.now
    let results = try await withThrowingTaskGroup(of: [Sample].self) { group in
      for _ in 0..<Self.inFlight {
        group.addTask {
          try await Support.onThread {
            var samples: [Sample] = []
            var connection = try HTTPConnection(port: port)
            while true {
              guard tickets.take() else { break }
              let sent = ContinuousClock.now
              var sample = Sample(milliseconds: 0, ok: false)
              do {
                let response = try connection.send("POST", "/api/parse?compact=1", body: seed)
                sample.ok = response.status == 200 && response.body == expected
                if response.header("Connection")?.lowercased() == "close" {
                  connection = try HTTPConnection(port: port)
                }
              } catch {
                connection = try HTTPConnection(port: port)
              }
              sample.milliseconds = Support.milliseconds(since: sent)
              samples.append(sample)
            }
            return samples
          }
        }
      }
      return try await group.reduce(into: []) { $0 += $1 }
    }
    let seconds = Support.milliseconds(since: start) / 1000
    let latencies = results.map(\.milliseconds).sorted()
    func percentile(_ p: Double) -> Double {
      latencies[min(latencies.count - 1, Int((Double(latencies.count) * p).rounded(.up)) - 1)]
    }
    let failed = results.filter { !$0.ok }.count
    let report = String(
      format:
        "%d requests, %d in flight, %d failed: %.0f requests/s, latency p50 %.1f ms, p99 %.1f ms, max %.1f ms (%@)\n",
      results.count, Self.inFlight, failed, Double(results.count) / seconds, percentile(0.5), percentile(0.99),
      latencies.last ?? 0, Self.externalPort.map { "server on port \($0)" } ?? "in-process, \(Self.configuration)")
    print("serve load: " + report, terminator: "")
    Support.write(Support.outputDirectory + "/load.txt", Array(report.utf8))
    #expect(results.count == Self.total)
    #expect(failed == 0)
  }

  /// Hands out exactly `total` requests among the connections.
  final class Tickets: Sendable {
    private let left: Mutex<Int>
    init(_ total: Int) { left = Mutex(total) }

    func take() -> Bool {
      left.withLock { left in
        guard left > 0 else { return false }
        left -= 1
        return true
      }
    }
  }

  struct Sample: Sendable {
    var milliseconds: Double
    var ok: Bool
  }

  static var configuration: String {
    #if DEBUG
      "debug"
    #else
      "release"
    #endif
  }
}
