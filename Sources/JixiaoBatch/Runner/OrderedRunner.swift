/// Runs independent work items on a fixed number of threads and hands the results back in
/// the order the items came, with a bounded number in flight.
///
/// Three kinds of thread share one monitor: a feeder pulls items from `next` (it may block,
/// reading standard input), `jobs` workers run `work`, and the calling thread delivers
/// results in order. At most `window` items are between the feeder and delivery at any
/// time, queued, being worked on, or finished and waiting for an earlier one: memory stays
/// bounded by the window, not by the number of items, and output is the same for any `jobs`.
enum OrderedRunner {
  /// Returns false when `deliver` asked to stop (the output broke); items still running are
  /// abandoned.
  static func run<Item: Sendable, Result: Sendable>(
    jobs: Int,
    window: Int,
    next: @escaping () -> Item?,
    work: @escaping @Sendable (Item) -> Result,
    deliver: (Result) -> Bool
  ) -> Bool {
    precondition(jobs >= 1 && window >= 1)
    let state = RunnerState<Item, Result>(window: window)
    let source = UncheckedSendable(next)

    guard let feeder = OSThread.start({ state.feed(source.value) }) else {
      // No thread to spare: run everything here, one at a time.
      while let item = next() {
        if !deliver(work(item)) { return false }
      }
      return true
    }
    var workers: [OSThread] = []
    for _ in 0..<jobs {
      if let worker = OSThread.start({ state.work(work) }) { workers.append(worker) }
    }
    if workers.isEmpty {
      state.stop()
      feeder.detach()
      return false
    }

    var completed = true
    while let result = state.nextResult() {
      if !deliver(result) {
        completed = false
        state.stop()
        break
      }
    }
    for worker in workers { worker.join() }
    // The feeder may be blocked reading input that never ends; it cannot be joined then.
    if completed { feeder.join() } else { feeder.detach() }
    return completed
  }
}

/// What the runner's threads share, all under `monitor`.
private final class RunnerState<Item: Sendable, Result: Sendable>: @unchecked Sendable {
  let monitor = Monitor()
  let workAvailable = Condition()
  let resultReady = Condition()
  let spaceAvailable = Condition()
  let window: Int

  var queue: [(Int, Item)] = []
  var queueHead = 0
  /// Finished results by sequence number, `window` slots used as a ring.
  var results: [Result?]
  var submitted = 0
  var delivered = 0
  var feederDone = false
  var stopped = false

  init(window: Int) {
    self.window = window
    results = Array(repeating: nil, count: window)
  }

  func feed(_ next: () -> Item?) {
    while true {
      monitor.lock()
      while submitted - delivered >= window && !stopped { spaceAvailable.wait(monitor) }
      let isStopped = stopped
      monitor.unlock()
      if isStopped { return }
      // Outside the lock: reading the next item may block on input.
      let item = next()
      monitor.lock()
      guard let item else {
        feederDone = true
        workAvailable.broadcast()
        resultReady.signal()
        monitor.unlock()
        return
      }
      queue.append((submitted, item))
      submitted += 1
      workAvailable.signal()
      monitor.unlock()
    }
  }

  func work(_ body: (Item) -> Result) {
    while true {
      monitor.lock()
      while queueHead == queue.count && !feederDone && !stopped { workAvailable.wait(monitor) }
      if stopped || queueHead == queue.count {
        monitor.unlock()
        return
      }
      let (sequence, item) = queue[queueHead]
      queueHead += 1
      if queueHead == queue.count {
        queue.removeAll(keepingCapacity: true)
        queueHead = 0
      }
      monitor.unlock()

      let result = body(item)

      monitor.lock()
      results[sequence % window] = result
      if sequence == delivered { resultReady.signal() }
      monitor.unlock()
    }
  }

  /// The next result in order, waiting for it; nil when every item has been delivered.
  func nextResult() -> Result? {
    monitor.lock()
    defer { monitor.unlock() }
    while true {
      if let result = results[delivered % window] {
        results[delivered % window] = nil
        delivered += 1
        spaceAvailable.signal()
        return result
      }
      if feederDone && delivered == submitted { return nil }
      resultReady.wait(monitor)
    }
  }

  func stop() {
    monitor.withLock {
      stopped = true
      workAvailable.broadcast()
      spaceAvailable.broadcast()
    }
  }
}
