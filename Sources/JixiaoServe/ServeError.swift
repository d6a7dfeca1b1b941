import NIOCore

/// Why `jixiao serve` could not start.
public enum ServeError: Error, Equatable {
  /// The address could not be bound: in use, not this machine's, not permitted.
  case cannotListen(host: String, port: Int, reason: String)

  public var message: String {
    switch self {
    case .cannotListen(let host, let port, let reason):
      "cannot listen on \(host):\(port) (\(reason)); another program may hold the port: try --port \(port == 65535 ? 8081 : port + 1)"
    }
  }

  /// EX_UNAVAILABLE from sysexits, beside the other codes of DESIGN.md.
  public var exitCode: Int32 { 69 }

  static func from(_ error: any Error, configuration: ServeConfiguration) -> (any Error) {
    switch error {
    case let error as IOError:
      return ServeError.cannotListen(host: configuration.host, port: configuration.port, reason: error.description)
    case let error as SocketAddressError:
      return ServeError.cannotListen(host: configuration.host, port: configuration.port, reason: "\(error)")
    default:
      return error
    }
  }
}
