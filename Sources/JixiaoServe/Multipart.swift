/// The one document in a `multipart/form-data` body (RFC 7578): the part named `file`, else
/// the one named `text`, else the first part that carries a file name, else the first part.
/// Only what a browser form or `curl -F` sends is read; anything else is a clear error.
enum Multipart {
  struct Part: Equatable {
    var name: String?
    var filename: String?
    var body: ArraySlice<UInt8>
  }

  enum Failure: Error, Equatable {
    case noBoundary
    case malformed(String)

    var message: String {
      switch self {
      case .noBoundary: "multipart/form-data without a boundary parameter"
      case .malformed(let detail): "malformed multipart/form-data body: \(detail)"
      }
    }
  }

  /// The boundary of a `Content-Type: multipart/form-data; boundary=…` header, or nil when the
  /// type is something else.
  static func boundary(contentType: String) throws(Failure) -> String? {
    let parameters = HeaderParameters.split(contentType)
    guard parameters.value.lowercased() == "multipart/form-data" else { return nil }
    guard let boundary = parameters["boundary"], !boundary.isEmpty, boundary.utf8.count <= 70 else {
      throw .noBoundary
    }
    return boundary
  }

  static func document(_ body: [UInt8], boundary: String) throws(Failure) -> Part {
    let parts = try parts(body, boundary: boundary)
    if let part = parts.first(where: { $0.name == "file" }) ?? parts.first(where: { $0.name == "text" })
      ?? parts.first(where: { $0.filename != nil }) ?? parts.first
    {
      return part
    }
    throw .malformed("no part")
  }

  static func parts(_ body: [UInt8], boundary: String) throws(Failure) -> [Part] {
    let delimiter = Array("--\(boundary)".utf8)
    // Each part after the first is preceded by CRLF, which belongs to the delimiter.
    let separator = [0x0D, 0x0A] + delimiter
    guard var index = find(delimiter, in: body, from: 0) else { throw .malformed("no boundary line") }
    index += delimiter.count
    var parts: [Part] = []
    while true {
      if starts(with: [0x2D, 0x2D], in: body, at: index) { return parts }  // "--": the last boundary
      // Transport padding may follow the delimiter before its line ends.
      while index < body.count && (body[index] == 0x20 || body[index] == 0x09) { index += 1 }
      guard starts(with: [0x0D, 0x0A], in: body, at: index) else { throw .malformed("boundary line not ended by CRLF") }
      index += 2
      // Headers end at a blank line; a part without headers starts with it.
      let headerEnd: Int
      let start: Int
      if starts(with: [0x0D, 0x0A], in: body, at: index) {
        (headerEnd, start) = (index, index + 2)
      } else if let blank = find([0x0D, 0x0A, 0x0D, 0x0A], in: body, from: index) {
        (headerEnd, start) = (blank, blank + 4)
      } else {
        throw .malformed("part headers not ended by a blank line")
      }
      var part = Part(body: [])
      for line in headerLines(body[index..<headerEnd]) {
        guard let colon = line.firstIndex(of: ":") else { continue }
        guard line[..<colon].lowercased() == "content-disposition" else { continue }
        let parameters = HeaderParameters.split(String(line[line.index(after: colon)...]))
        part.name = parameters["name"]
        part.filename = parameters["filename"]
      }
      guard let end = find(separator, in: body, from: start) else { throw .malformed("the last part is not closed") }
      part.body = body[start..<end]
      parts.append(part)
      index = end + separator.count
    }
  }

  private static func headerLines(_ bytes: ArraySlice<UInt8>) -> [String] {
    bytes.split(separator: 0x0A).map { String(decoding: $0.last == 0x0D ? $0.dropLast() : $0, as: UTF8.self) }
  }

  private static func starts(with needle: [UInt8], in haystack: [UInt8], at index: Int) -> Bool {
    guard index >= 0, index + needle.count <= haystack.count else { return false }
    for offset in needle.indices where haystack[index + offset] != needle[offset] { return false }
    return true
  }

  /// Boyer–Moore–Horspool: linear in practice even on a body built to defeat a naive scan.
  static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
    let count = needle.count
    guard count > 0, start >= 0, haystack.count - start >= count else { return nil }
    var shift = [Int](repeating: count, count: 256)
    for index in 0..<(count - 1) { shift[Int(needle[index])] = count - 1 - index }
    var position = start
    while position <= haystack.count - count {
      var matched = count - 1
      while haystack[position + matched] == needle[matched] {
        if matched == 0 { return position }
        matched -= 1
      }
      position += shift[Int(haystack[position + count - 1])]
    }
    return nil
  }
}

/// `type/subtype; key=value; key="quoted; value"` as found in Content-Type and
/// Content-Disposition headers.
struct HeaderParameters {
  var value: String
  var parameters: [String: String]

  subscript(name: String) -> String? { parameters[name] }

  static func split(_ header: String) -> HeaderParameters {
    var fields: [String] = []
    var current = ""
    var quoted = false
    var escaped = false
    for character in header {
      if escaped {
        current.append(character)
        escaped = false
      } else if quoted && character == "\\" {
        escaped = true
      } else if character == "\"" {
        quoted.toggle()
      } else if character == ";" && !quoted {
        fields.append(current)
        current = ""
      } else {
        current.append(character)
      }
    }
    fields.append(current)
    var parameters: [String: String] = [:]
    for field in fields.dropFirst() {
      guard let equals = field.firstIndex(of: "=") else { continue }
      let key = field[..<equals].trimmed.lowercased()
      if parameters[key] == nil { parameters[key] = field[field.index(after: equals)...].trimmed }
    }
    return HeaderParameters(value: fields[0].trimmed, parameters: parameters)
  }
}

extension StringProtocol {
  var trimmed: String {
    String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
  }
}
