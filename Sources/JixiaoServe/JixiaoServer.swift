import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle
import Synchronization

/// `jixiao serve`: the paste-and-check page at `/` and the HTTP API under `/api`.
public enum JixiaoServer {
  /// Serves until `RunningServer.stop()` or, with `stopOnSignals`, SIGINT or SIGTERM; either
  /// way connections finish their requests first. `onRunning` is called once the port is
  /// bound (the one asked for, or the system's choice for port 0).
  public static func run(
    _ configuration: ServeConfiguration,
    stopOnSignals: Bool = true,
    onRunning: @escaping @Sendable (RunningServer) async -> Void = { _ in }
  ) async throws {
    let workers = ParseWorkers(
      workers: configuration.workers, timeLimit: configuration.timeLimit, queueLimit: configuration.queueLimit)
    defer { workers.shutdown() }
    let router = Router()
    router.add(middleware: SecurityHeaders())
    Page.register(on: router)
    API(configuration: configuration, workers: workers).register(on: router)
    var logger = Logger(label: "jixiao-serve")
    // Hummingbird's own lines (one per start, per request at info) are noise on a terminal
    // whose owner only wants the address; failures still come through.
    logger.logLevel = .warning
    // The group that runs the server is made after the server, which reports through it.
    let group = Mutex<ServiceGroup?>(nil)
    let app = Application(
      router: router,
      configuration: ApplicationConfiguration(
        address: .hostname(configuration.host, port: configuration.port), serverName: nil),
      onServerRunning: { channel in
        guard let running = group.withLock({ $0 }) else { return }
        await onRunning(RunningServer(port: channel.localAddress?.port ?? configuration.port, group: running))
      },
      logger: logger)
    let services = ServiceGroup(
      configuration: ServiceGroupConfiguration(
        services: [app], gracefulShutdownSignals: stopOnSignals ? [.sigterm, .sigint] : [], logger: logger))
    group.withLock { $0 = services }
    do {
      try await withTaskExecutorPreference(EventLoopExecutor()) { try await services.run() }
    } catch {
      throw ServeError.from(error, configuration: configuration)
    }
  }
}

/// A server that has bound its port.
public struct RunningServer: Sendable {
  public let port: Int
  fileprivate let group: ServiceGroup

  /// Stops accepting connections and returns once `run` is about to: requests in progress
  /// are answered first.
  public func stop() async {
    await group.triggerGracefulShutdown()
  }
}
