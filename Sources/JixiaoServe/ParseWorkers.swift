import NIOPosix
import Synchronization

/// Runs parses on threads of their own. Parsing is synchronous CPU work: on the event loop
/// it would stall every other connection, and a synchronous call cannot be interrupted, so a
/// request stops *waiting* at its deadline while the work, if it already started, runs to its
/// end on the worker and its result is dropped. Work still queued at its deadline never
/// starts, so a burst of slow inputs cannot pile up behind itself.
final class ParseWorkers: Sendable {
  enum Outcome<Value: Sendable>: Sendable {
    case done(Value)
    /// The deadline passed while the work waited or ran.
    case timedOut
    /// `queueLimit` requests were already parsing or waiting.
    case busy
  }

  private let pool: NIOThreadPool
  private let timeLimit: Duration
  private let queueLimit: Int
  private let pending = Mutex(0)

  init(workers: Int, timeLimit: Duration, queueLimit: Int) {
    pool = NIOThreadPool(numberOfThreads: workers)
    pool.start()
    self.timeLimit = timeLimit
    self.queueLimit = queueLimit
  }

  /// Requests parsing or waiting now, skipped ones included until the pool has passed them.
  var pendingCount: Int { pending.withLock { $0 } }

  /// Lets queued work finish on the threads, then ends them; returns at once.
  func shutdown() {
    pool.shutdownGracefully { _ in }
  }

  func run<Value: Sendable>(_ work: @escaping @Sendable () -> Value) async -> Outcome<Value> {
    let admitted = pending.withLock { count in
      guard count < queueLimit else { return false }
      count += 1
      return true
    }
    guard admitted else { return .busy }
    let answer = Answer<Value>()
    // The deadline is also checked against the clock when the work starts and ends: the timer
    // task runs on the cooperative pool, which busy tasks can keep from waking it in time.
    let deadline = ContinuousClock.now.advanced(by: timeLimit)
    return await withCheckedContinuation { continuation in
      answer.wait(with: continuation)
      let timer = Task { [timeLimit] in
        try? await Task.sleep(for: timeLimit)
        if !Task.isCancelled { answer.give(.timedOut) }
      }
      pool.submit { [self] state in
        defer { pending.withLock { $0 -= 1 } }
        guard case .active = state, !answer.isGiven else { return }
        guard ContinuousClock.now < deadline else { return answer.give(.timedOut) }
        let value = work()
        timer.cancel()
        answer.give(ContinuousClock.now < deadline ? .done(value) : .timedOut)
      }
    }
  }
}

/// The first of the work and the timer to finish resumes the request; the other finds the
/// answer given and does nothing.
private final class Answer<Value: Sendable>: Sendable {
  private let state = Mutex<(continuation: CheckedContinuation<ParseWorkers.Outcome<Value>, Never>?, given: Bool)>(
    (nil, false))

  func wait(with continuation: CheckedContinuation<ParseWorkers.Outcome<Value>, Never>) {
    state.withLock { $0.continuation = continuation }
  }

  var isGiven: Bool { state.withLock { $0.given } }

  func give(_ outcome: ParseWorkers.Outcome<Value>) {
    let continuation = state.withLock { state -> CheckedContinuation<ParseWorkers.Outcome<Value>, Never>? in
      guard !state.given else { return nil }
      state.given = true
      defer { state.continuation = nil }
      return state.continuation
    }
    continuation?.resume(returning: outcome)
  }
}
