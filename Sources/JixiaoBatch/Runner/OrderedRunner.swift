/// Runs independent work items on a fixed number of threads and hands the results back in
/// the order the items came, with a bounded number in flight.
///
/// Two kinds of thread share one monitor: a feeder pulls items from `next` (it may block,
/// reading standard input), and `jobs` workers run `work` and deliver the results in order
/// while the calling thread waits. At most `window` items are between the feeder and delivery at any
/// time, queued, being worked on, or finished and waiting for an earlier one: memory stays
/// bounded by the window, not by the number of items, and output is the same for any `jobs`.
enum OrderedRunner {
  /// Returns false when `deliver` asked to stop (the output broke); items still running are
  /// abandoned.
  ///
  /// `deliver` runs on whichever worker finished the next result in order, one call at a
  /// time: a thread woken per document to hand results over cost several context switches a
  /// document (a fifth of a batch's time went to the kernel).
  static func run<Item: Sendable, Result: Sendable>(
    jobs: Int,
    window: Int,
    next: @escaping () -> Item?,
    work: @escaping @Sendable (Item) -> Result,
    deliver: @escaping (Result) -> Bool
  ) -> Bool {
    precondition(jobs >= 1 && window >= 1)
    let state = RunnerState<Item, Result>(window: window, deliver: deliver)
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

    let completed = state.waitUntilFinished()
    for worker in workers { worker.join() }
    // The feeder may be blocked reading input that never ends; it cannot be joined then.
    if completed { feeder.join() } else { feeder.detach() }
    return completed
  }
}

/// What the runner's threads share, all under `monitor`, except `deliver`, which only the
/// thread holding the delivery turn (`isDelivering`) calls.
private final class RunnerState<Item: Sendable, Result: Sendable>: @unchecked Sendable {
  let monitor = Monitor()
  let workAvailable = Condition()
  let spaceAvailable = Condition()
  let finished = Condition()
  let window: Int
  /// The feeder, once the window is full, sleeps until this many items or fewer are in
  /// flight, so that it wakes once per half window rather than once per item.
  let lowWater: Int
  let deliver: (Result) -> Bool

  var queue: [(Int, Item)] = []
  var queueHead = 0
  /// Finished results by sequence number, `window` slots used as a ring.
  var results: [Result?]
  var submitted = 0
  var delivered = 0
  var feederDone = false
  var feederWaits = false
  var isDelivering = false
  var stopped = false

  init(window: Int, deliver: @escaping (Result) -> Bool) {
    self.window = window
    self.lowWater = window / 2
    self.deliver = deliver
    results = Array(repeating: nil, count: window)
  }

  var isFinished: Bool { stopped || (feederDone && delivered == submitted) }

  func feed(_ next: () -> Item?) {
    while true {
      monitor.lock()
      while submitted - delivered >= window && !stopped {
        feederWaits = true
        spaceAvailable.wait(monitor)
      }
      feederWaits = false
      let isStopped = stopped
      monitor.unlock()
      if isStopped { return }
      // Outside the lock: reading the next item may block on input.
      let item = next()
      monitor.lock()
      guard let item else {
        feederDone = true
        workAvailable.broadcast()
        if isFinished { finished.broadcast() }
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
      if sequence == delivered && !isDelivering { deliverReadyResults() }
      monitor.unlock()
    }
  }

  /// Delivers results in order for as long as the next one is ready. Called and returns
  /// with `monitor` held; releases it around each `deliver`, so other workers go on
  /// storing results meanwhile, and the loop picks theirs up.
  private func deliverReadyResults() {
    isDelivering = true
    while !stopped, let result = results[delivered % window] {
      results[delivered % window] = nil
      monitor.unlock()
      let goesOn = deliver(result)
      monitor.lock()
      delivered += 1
      if !goesOn {
        stopLocked()
        break
      }
      if feederWaits && submitted - delivered <= lowWater {
        feederWaits = false
        spaceAvailable.signal()
      }
    }
    isDelivering = false
    if isFinished { finished.broadcast() }
  }

  /// Waits until every item has been delivered, or delivery stopped; true in the first case.
  func waitUntilFinished() -> Bool {
    monitor.lock()
    defer { monitor.unlock() }
    while !isFinished || isDelivering { finished.wait(monitor) }
    return !stopped
  }

  func stop() { monitor.withLock { stopLocked() } }

  private func stopLocked() {
    stopped = true
    workAvailable.broadcast()
    spaceAvailable.broadcast()
    finished.broadcast()
  }
}
