/// A minimal JSON reader (RFC 8259): bytes in, the ordered `JSON` tree out. It reads the
/// records of `batch --input jsonl` and lets library users (and tests) walk an encoded
/// document. Numbers keep their text; strings are unescaped, with
/// lone surrogates replaced by U+FFFD.
public struct JSONReader {
  public struct Failure: Error, Equatable {
    public var message: String
    /// Byte offset in the input where reading stopped.
    public var offset: Int
  }

  /// Nesting deeper than this is refused rather than risking the stack.
  static let maxDepth = 128

  private let bytes: [UInt8]
  private var position = 0

  private init(_ bytes: [UInt8]) { self.bytes = bytes }

  /// Reads one JSON value that must fill `bytes` (blanks aside).
  public static func read(_ bytes: [UInt8]) throws(Failure) -> JSON {
    var reader = JSONReader(bytes)
    reader.skipBlanks()
    let value = try reader.value(depth: 0)
    reader.skipBlanks()
    guard reader.position == bytes.count else { throw reader.failure("unexpected text after the value") }
    return value
  }

  private func failure(_ message: String) -> Failure { Failure(message: message, offset: position) }

  private mutating func skipBlanks() {
    while position < bytes.count {
      switch bytes[position] {
      case 0x20, 0x09, 0x0A, 0x0D: position += 1
      default: return
      }
    }
  }

  private mutating func value(depth: Int) throws(Failure) -> JSON {
    guard depth < JSONReader.maxDepth else { throw failure("nested too deeply") }
    guard position < bytes.count else { throw failure("unexpected end of input") }
    switch bytes[position] {
    case UInt8(ascii: "{"): return try object(depth: depth)
    case UInt8(ascii: "["): return try array(depth: depth)
    case UInt8(ascii: "\""): return .string(try string())
    case UInt8(ascii: "t"): return try literal("true", .bool(true))
    case UInt8(ascii: "f"): return try literal("false", .bool(false))
    case UInt8(ascii: "n"): return try literal("null", .null)
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
    default: throw failure("unexpected character")
    }
  }

  private mutating func literal(_ word: StaticString, _ value: JSON) throws(Failure) -> JSON {
    let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
    guard position + expected.count <= bytes.count,
      bytes[position..<(position + expected.count)].elementsEqual(expected)
    else { throw failure("unexpected character") }
    position += expected.count
    return value
  }

  private mutating func object(depth: Int) throws(Failure) -> JSON {
    position += 1
    var members: [(String, JSON)] = []
    skipBlanks()
    if position < bytes.count && bytes[position] == UInt8(ascii: "}") {
      position += 1
      return .object(members)
    }
    while true {
      skipBlanks()
      guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
        throw failure("expected a member name")
      }
      let key = try string()
      skipBlanks()
      guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw failure("expected ':'") }
      position += 1
      skipBlanks()
      members.append((key, try value(depth: depth + 1)))
      skipBlanks()
      guard position < bytes.count else { throw failure("unexpected end of input") }
      if bytes[position] == UInt8(ascii: ",") {
        position += 1
        continue
      }
      guard bytes[position] == UInt8(ascii: "}") else { throw failure("expected ',' or '}'") }
      position += 1
      return .object(members)
    }
  }

  private mutating func array(depth: Int) throws(Failure) -> JSON {
    position += 1
    var items: [JSON] = []
    skipBlanks()
    if position < bytes.count && bytes[position] == UInt8(ascii: "]") {
      position += 1
      return .array(items)
    }
    while true {
      skipBlanks()
      items.append(try value(depth: depth + 1))
      skipBlanks()
      guard position < bytes.count else { throw failure("unexpected end of input") }
      if bytes[position] == UInt8(ascii: ",") {
        position += 1
        continue
      }
      guard bytes[position] == UInt8(ascii: "]") else { throw failure("expected ',' or ']'") }
      position += 1
      return .array(items)
    }
  }

  private mutating func number() throws(Failure) -> JSON {
    let start = position
    if bytes[position] == UInt8(ascii: "-") { position += 1 }
    guard position < bytes.count, isDigit(bytes[position]) else { throw failure("invalid number") }
    if bytes[position] == UInt8(ascii: "0") {
      position += 1
    } else {
      while position < bytes.count && isDigit(bytes[position]) { position += 1 }
    }
    if position < bytes.count && bytes[position] == UInt8(ascii: ".") {
      position += 1
      guard position < bytes.count, isDigit(bytes[position]) else { throw failure("invalid number") }
      while position < bytes.count && isDigit(bytes[position]) { position += 1 }
    }
    if position < bytes.count && (bytes[position] | 0x20) == UInt8(ascii: "e") {
      position += 1
      if position < bytes.count && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-")) {
        position += 1
      }
      guard position < bytes.count, isDigit(bytes[position]) else { throw failure("invalid number") }
      while position < bytes.count && isDigit(bytes[position]) { position += 1 }
    }
    return .number(String(decoding: bytes[start..<position], as: UTF8.self))
  }

  private func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  private mutating func string() throws(Failure) -> String {
    position += 1
    var scalars: [UInt8] = []
    var runStart = position
    while true {
      guard position < bytes.count else { throw failure("unterminated string") }
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") {
        scalars.append(contentsOf: bytes[runStart..<position])
        position += 1
        return String(decoding: scalars, as: UTF8.self)
      }
      if byte < 0x20 { throw failure("control character in a string") }
      if byte != UInt8(ascii: "\\") {
        position += 1
        continue
      }
      scalars.append(contentsOf: bytes[runStart..<position])
      position += 1
      guard position < bytes.count else { throw failure("unterminated string") }
      let escape = bytes[position]
      position += 1
      switch escape {
      case UInt8(ascii: "\""): scalars.append(0x22)
      case UInt8(ascii: "\\"): scalars.append(0x5C)
      case UInt8(ascii: "/"): scalars.append(0x2F)
      case UInt8(ascii: "b"): scalars.append(0x08)
      case UInt8(ascii: "f"): scalars.append(0x0C)
      case UInt8(ascii: "n"): scalars.append(0x0A)
      case UInt8(ascii: "r"): scalars.append(0x0D)
      case UInt8(ascii: "t"): scalars.append(0x09)
      case UInt8(ascii: "u"):
        var code = try hex4()
        if (0xD800..<0xDC00).contains(code), position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
          bytes[position + 1] == UInt8(ascii: "u")
        {
          let save = position
          position += 2
          let low = try hex4()
          if (0xDC00..<0xE000).contains(low) {
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
          } else {
            position = save
          }
        }
        let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
        scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
      default:
        position -= 1
        throw failure("invalid escape")
      }
      runStart = position
    }
  }

  private mutating func hex4() throws(Failure) -> UInt32 {
    guard position + 4 <= bytes.count else { throw failure("invalid \\u escape") }
    var code: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[position]
      let digit: UInt8
      switch byte {
      case 0x30...0x39: digit = byte - 0x30
      case 0x41...0x46: digit = byte - 0x41 + 10
      case 0x61...0x66: digit = byte - 0x61 + 10
      default: throw failure("invalid \\u escape")
      }
      code = code << 4 | UInt32(digit)
      position += 1
    }
    return code
  }
}

extension JSON {
  /// The member named `key` of an object; nil for other values or a missing member.
  public func member(_ key: String) -> JSON? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.0 == key }?.1
  }
}
