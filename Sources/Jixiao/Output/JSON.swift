import FoundationEssentials

/// A JSON value with ordered keys: encoders build it, `JSON.render` writes it. Numbers are
/// kept as their exact decimal text.
public indirect enum JSON: Sendable, Equatable {
  case object([(String, JSON)])
  case array([JSON])
  case string(String)
  case number(String)
  case bool(Bool)
  case null

  public static func == (lhs: JSON, rhs: JSON) -> Bool {
    switch (lhs, rhs) {
    case (.object(let a), .object(let b)):
      a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    case (.array(let a), .array(let b)): a == b
    case (.string(let a), .string(let b)): a == b
    case (.number(let a), .number(let b)): a == b
    case (.bool(let a), .bool(let b)): a == b
    case (.null, .null): true
    default: false
    }
  }

  static func decimal(_ value: Decimal?) -> JSON {
    guard let value else { return .null }
    return .number(DecimalText.plain(value))
  }

  static func int(_ value: Int?) -> JSON {
    guard let value else { return .null }
    return .number(String(value))
  }

  static func string(_ value: String?) -> JSON {
    guard let value else { return .null }
    return .string(value)
  }

  /// UTF-8 text of the value: indented by two spaces when `pretty`, on one line otherwise.
  public func render(pretty: Bool) -> [UInt8] {
    var writer = JSONWriter(pretty: pretty)
    write(into: &writer)
    return writer.bytes
  }

  public func write(into writer: inout JSONWriter) {
    switch self {
    case .null: writer.null()
    case .bool(let value): writer.bool(value)
    case .number(let text): writer.number(text)
    case .string(let text): writer.string(text)
    case .array(let items):
      writer.array { writer in
        for item in items {
          writer.element()
          item.write(into: &writer)
        }
      }
    case .object(let members):
      writer.object { writer in
        for (key, value) in members {
          writer.key(escaping: key)
          value.write(into: &writer)
        }
      }
    }
  }
}

/// Decimal text without exponent, as JSON and CSV want it.
enum DecimalText {
  static func plain(_ value: Decimal) -> String {
    let text = value.description
    guard text.containsBytes("e") || text.containsBytes("E") else { return text }
    // Decimal's description does not use exponents for the magnitudes of money and
    // targets; keep a safe fallback.
    return text
  }
}
