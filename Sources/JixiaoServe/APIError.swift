import HTTPTypes
import Jixiao

/// A request the API cannot answer with a document, as the JSON body
/// `{"error": {"kind", "message", "exitCode"}}`. Input errors carry the CLI's own message and
/// exit code, so a script can treat `jixiao parse` and `POST /api/parse` alike.
struct APIError: Error, Sendable {
  var status: HTTPResponse.Status
  /// Stable and machine-readable: the page picks its own wording by it.
  var kind: String
  var message: String
  /// What `jixiao parse` would exit with on the same input; nil where the CLI has no such case.
  var exitCode: Int32?

  init(_ error: InputError) {
    switch error {
    case .tooLarge: status = .contentTooLarge
    case .unknownEncoding: status = .badRequest
    default: status = .unprocessableContent
    }
    kind = error.caseName
    message = error.message
    exitCode = error.exitCode
  }

  init(status: HTTPResponse.Status, kind: String, message: String, exitCode: Int32? = nil) {
    self.status = status
    self.kind = kind
    self.message = message
    self.exitCode = exitCode
  }

  static func badRequest(_ message: String) -> APIError {
    APIError(status: .badRequest, kind: "badRequest", message: message, exitCode: 64)
  }

  static func timedOut(_ limit: Duration) -> APIError {
    APIError(
      status: .serviceUnavailable, kind: "timeLimit",
      message:
        "reading the input took longer than the limit of \(limit.formatted) (start the server with a larger --time-limit)"
    )
  }

  static let busy = APIError(
    status: .serviceUnavailable, kind: "busy", message: "the server is busy with other documents; try again in a moment"
  )

  var json: [UInt8] {
    var writer = JSONWriter(pretty: true)
    writer.object { w in
      w.field("error") { w in
        w.object { w in
          w.field("kind", kind)
          w.field("message", message)
          w.field("exitCode", int: exitCode.map(Int.init))
        }
      }
    }
    return writer.bytes + [0x0A]
  }
}

extension Duration {
  /// `10 s`, `250 ms`: for messages.
  var formatted: String {
    let milliseconds = components.seconds * 1000 + components.attoseconds / 1_000_000_000_000_000
    return milliseconds % 1000 == 0 ? "\(milliseconds / 1000) s" : "\(milliseconds) ms"
  }
}
