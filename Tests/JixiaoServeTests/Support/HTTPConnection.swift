import Foundation

#if canImport(Glibc)
  import Glibc
#endif

struct HTTPFailure: Error, CustomStringConvertible {
  var description: String
  init(_ description: String) { self.description = description }
}

struct HTTPResponse: Sendable {
  var status: Int
  var headers: [(name: String, value: String)]
  var body: [UInt8]

  func header(_ name: String) -> String? {
    headers.first { $0.name.lowercased() == name.lowercased() }?.value
  }

  var text: String { String(decoding: body, as: UTF8.self) }
}

/// A blocking HTTP/1.1 client on one loopback keep-alive connection: enough to drive the
/// server byte for byte (chunked uploads, oversized bodies) without another dependency.
/// Every read and write gives up after `timeout` seconds, so a hung server fails the test
/// instead of hanging it.
final class HTTPConnection {
  private let socket: Int32
  private var buffer: [UInt8] = []

  init(port: Int, timeout: Int = 30) throws {
    socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { throw HTTPFailure("socket: \(String(cString: strerror(errno)))") }
    var time = timeval(tv_sec: timeout, tv_usec: 0)
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
    setsockopt(socket, SOL_SOCKET, SO_SNDTIMEO, &time, socklen_t(MemoryLayout<timeval>.size))
    var one: Int32 = 1
    setsockopt(socket, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = in_port_t(UInt16(port).bigEndian)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      close(socket)
      throw HTTPFailure("connect to port \(port): \(String(cString: strerror(errno)))")
    }
  }

  deinit { close(socket) }

  func send(
    _ method: String, _ path: String, headers: [(String, String)] = [], body: [UInt8] = [], chunked: Bool = false
  ) throws -> HTTPResponse {
    var head = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    for (name, value) in headers { head += "\(name): \(value)\r\n" }
    if method != "GET" {
      head += chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: \(body.count)\r\n"
    }
    head += "\r\n"
    var bytes = Array(head.utf8)
    if chunked {
      // Chunks of 64 KiB: the server cannot know the size before it has read it.
      var index = 0
      while index < body.count {
        let end = min(index + 65536, body.count)
        bytes += Array(String(end - index, radix: 16).utf8) + [13, 10] + body[index..<end] + [13, 10]
        index = end
      }
      bytes += Array("0\r\n\r\n".utf8)
    } else {
      bytes += body
    }
    try write(bytes)
    return try readResponse()
  }

  /// Writes until done; a server that answers early (413) and closes is not an error here,
  /// the response says what happened.
  private func write(_ bytes: [UInt8]) throws {
    var sent = 0
    while sent < bytes.count {
      let count = bytes[sent...].withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
      if count < 0 {
        if errno == EINTR { continue }
        if errno == EPIPE || errno == ECONNRESET { return }
        throw HTTPFailure("send: \(String(cString: strerror(errno)))")
      }
      sent += count
    }
  }

  private func fill() throws -> Bool {
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = chunk.withUnsafeMutableBytes { recv(socket, $0.baseAddress, $0.count, 0) }
      if count < 0 && errno == EINTR { continue }
      if count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK) {
        throw HTTPFailure("timed out waiting for the server")
      }
      if count < 0 && errno == ECONNRESET { return false }
      if count < 0 { throw HTTPFailure("recv: \(String(cString: strerror(errno)))") }
      if count == 0 { return false }
      buffer += chunk[0..<count]
      return true
    }
  }

  private func line() throws -> String {
    while true {
      if let end = buffer.firstIndex(of: 10) {
        let line = buffer[..<end].last == 13 ? buffer[..<(end - 1)] : buffer[..<end]
        let text = String(decoding: line, as: UTF8.self)
        buffer.removeSubrange(...end)
        return text
      }
      guard try fill() else { throw HTTPFailure("connection closed inside a header") }
    }
  }

  private func take(_ count: Int) throws -> [UInt8] {
    while buffer.count < count {
      guard try fill() else { throw HTTPFailure("connection closed inside a body") }
    }
    let bytes = Array(buffer[..<count])
    buffer.removeSubrange(..<count)
    return bytes
  }

  private func readResponse() throws -> HTTPResponse {
    let status = try line()
    let parts = status.split(separator: " ")
    guard parts.count >= 2, let code = Int(parts[1]) else { throw HTTPFailure("bad status line '\(status)'") }
    var headers: [(name: String, value: String)] = []
    while true {
      let header = try line()
      if header.isEmpty { break }
      guard let colon = header.firstIndex(of: ":") else { continue }
      headers.append(
        (String(header[..<colon]), header[header.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
    }
    var response = HTTPResponse(status: code, headers: headers, body: [])
    if let length = response.header("Content-Length").flatMap({ Int($0) }) {
      response.body = try take(length)
    } else if response.header("Transfer-Encoding")?.lowercased() == "chunked" {
      while true {
        let size = try line()
        guard let count = Int(size.split(separator: ";")[0], radix: 16) else {
          throw HTTPFailure("bad chunk size '\(size)'")
        }
        if count == 0 {
          _ = try line()
          break
        }
        response.body += try take(count)
        _ = try take(2)
      }
    }
    return response
  }
}
