import Jixiao
import NIOCore

/// What `jixiao serve` listens on and the limits every request runs under.
public struct ServeConfiguration: Sendable {
  /// Loopback by default: the page is for the person at this machine, not the network.
  public var host: String
  /// 0 asks the system for a free port (tests); the one bound is passed to `onRunning`.
  public var port: Int
  /// A request body larger than this is refused with 413 before or while it is read.
  public var maxBodySize: Int
  /// How long one request may wait for a worker and parse; past it the answer is 503.
  public var timeLimit: Duration
  /// Threads that parse. Parsing is synchronous CPU work, so more than the cores buys nothing.
  public var workers: Int
  /// Requests parsing or waiting for a worker at once; one more is refused with 503 at once
  /// instead of queueing behind work it would time out waiting for.
  public var queueLimit: Int
  /// Language of messages when a request names none (the page always names one).
  public var language: Language

  /// 16 MiB: far above any disclosure (the largest seed is 50 KB) and far below memory trouble
  /// with a full queue.
  public static let defaultMaxBodySize = 16 << 20

  public init(
    host: String = "127.0.0.1",
    port: Int = 8080,
    maxBodySize: Int = defaultMaxBodySize,
    timeLimit: Duration = .seconds(10),
    workers: Int = defaultWorkers,
    queueLimit: Int? = nil,
    language: Language = .zh
  ) {
    self.host = host
    self.port = port
    self.maxBodySize = maxBodySize
    self.timeLimit = timeLimit
    self.workers = max(1, workers)
    self.queueLimit = queueLimit ?? max(1, workers) * 32
    self.language = language
  }

  public static var defaultWorkers: Int { max(2, System.coreCount) }

  /// Whether the host is a loopback address, for the warning when it is not.
  public var isLoopback: Bool {
    host == "localhost" || host == "::1" || host.hasPrefix("127.")
  }
}
