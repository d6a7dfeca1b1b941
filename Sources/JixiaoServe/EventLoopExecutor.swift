import NIOCore
import NIOPosix

/// Runs the server's own tasks (accepting, reading bodies, answering) on NIO's event-loop
/// threads instead of Swift's shared cooperative pool. That pool has one thread per core; a
/// process embedding the server — the test runner, with its long synchronous tests — can hold
/// all of them, and the page would then stall for as long. The work in each task is short:
/// parsing itself runs on `ParseWorkers`.
final class EventLoopExecutor: TaskExecutor {
  private let group: any EventLoopGroup

  init(_ group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton) {
    self.group = group
  }

  func enqueue(_ job: consuming ExecutorJob) {
    let job = UnownedJob(job)
    group.next().execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
  }
}
