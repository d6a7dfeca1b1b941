import Foundation
import Synchronization
import Testing

@testable import JixiaoServe

@Suite struct ParseWorkersTests {
  /// A gate the work waits at, so a test decides when it ends.
  final class Gate: Sendable {
    private let semaphore = DispatchSemaphore(value: 0)
    func wait() { semaphore.wait() }
    func open() { semaphore.signal() }
  }

  @Test func workPastTheDeadlineTimesOutAndQueuedWorkNeverStarts() async throws {
    let workers = ParseWorkers(workers: 1, timeLimit: .milliseconds(200), queueLimit: 8)
    let gate = Gate()
    let started = Counter()
    async let first = workers.run {
      started.add()
      gate.wait()
      return 1
    }
    async let second = workers.run {
      started.add()
      return 2
    }
    let outcomes = await [first, second]
    gate.open()
    for outcome in outcomes {
      guard case .timedOut = outcome else {
        Issue.record("expected a timeout, got \(outcome)")
        continue
      }
    }
    // Once the pool has passed both, only the first ran: the second expired in the queue.
    try await Self.waitUntil { workers.pendingCount == 0 }
    #expect(started.value == 1)
    workers.shutdown()
  }

  @Test func aFullQueueAnswersBusyAtOnce() async throws {
    // The first work ends only when this test opens its gate, and the test runs on the
    // cooperative pool, which the suite's synchronous tests can hold for tens of seconds on a
    // busy 2-core machine (CI once saw the first work time out at 30 s). The deadline is not
    // what this test is about, so it is out of reach.
    let workers = ParseWorkers(workers: 1, timeLimit: .seconds(24 * 3600), queueLimit: 1)
    let gate = Gate()
    async let first = workers.run {
      gate.wait()
      return 1
    }
    try await Self.waitUntil { workers.pendingCount == 1 }
    guard case .busy = await workers.run({ 2 }) else {
      Issue.record("expected busy")
      gate.open()
      return
    }
    gate.open()
    #expect(await first.value == 1)
    #expect(await workers.run { 3 }.value == 3)
    workers.shutdown()
  }

  /// Polls every 10 ms, for 10 s at most.
  static func waitUntil(_ condition: () -> Bool) async throws {
    for _ in 0..<1000 where !condition() { try await Task.sleep(for: .milliseconds(10)) }
    #expect(condition())
  }

  final class Counter: Sendable {
    private let count = Mutex(0)
    func add() { count.withLock { $0 += 1 } }
    var value: Int { count.withLock { $0 } }
  }
}

extension ParseWorkers.Outcome {
  var value: Value? {
    if case .done(let value) = self { return value }
    return nil
  }
}

@Suite struct MultipartTests {
  let boundary = "b0undary"

  func body(_ parts: [String]) -> [UInt8] {
    Array((parts.map { "--\(boundary)\r\n\($0)\r\n" }.joined() + "--\(boundary)--\r\n").utf8)
  }

  @Test func thePartNamedFileWins() throws {
    let bytes = body([
      "Content-Disposition: form-data; name=\"lang\"\r\n\r\nen",
      "Content-Disposition: form-data; name=\"file\"; filename=\"a; b.txt\"\r\nContent-Type: text/plain\r\n\r\n第一行\r\n第二行",
    ])
    let part = try Multipart.document(bytes, boundary: boundary)
    #expect(part.filename == "a; b.txt")
    #expect(String(decoding: part.body, as: UTF8.self) == "第一行\r\n第二行")
  }

  @Test func aTextFieldOrTheFirstPartServesWithoutAFile() throws {
    let text = try Multipart.document(
      body(["Content-Disposition: form-data; name=\"text\"\r\n\r\n表"]), boundary: boundary)
    #expect(String(decoding: text.body, as: UTF8.self) == "表")
    let headless = try Multipart.document(body(["\r\nraw"]), boundary: boundary)
    #expect(String(decoding: headless.body, as: UTF8.self) == "raw")
  }

  @Test func theBoundaryComesFromTheContentType() throws {
    #expect(try Multipart.boundary(contentType: "multipart/form-data; boundary=\"abc def\"") == "abc def")
    #expect(try Multipart.boundary(contentType: "Multipart/Form-Data;boundary=x") == "x")
    #expect(try Multipart.boundary(contentType: "text/plain; charset=utf-8") == nil)
    #expect(throws: Multipart.Failure.noBoundary) { try Multipart.boundary(contentType: "multipart/form-data") }
  }

  @Test(arguments: [
    "no boundary at all",
    "--b0undary",
    "--b0undary\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nunterminated",
    "--b0undary\r\nContent-Disposition: form-data; name=\"file\"",
    "--b0undaryX\r\n\r\n",
  ])
  func malformedBodiesAreErrorsNotCrashes(_ text: String) {
    #expect(throws: Multipart.Failure.self) { try Multipart.document(Array(text.utf8), boundary: boundary) }
  }

  @Test func findLocatesEveryNeedle() {
    let haystack = Array("aaab aab ab b --b0undary".utf8)
    #expect(Multipart.find(Array("ab".utf8), in: haystack, from: 0) == 2)
    #expect(Multipart.find(Array("ab".utf8), in: haystack, from: 3) == 6)
    #expect(Multipart.find(Array("--b0undary".utf8), in: haystack, from: 0) == 14)
    #expect(Multipart.find(Array("zz".utf8), in: haystack, from: 0) == nil)
    #expect(Multipart.find(Array("ab".utf8), in: haystack, from: 100) == nil)
  }
}
