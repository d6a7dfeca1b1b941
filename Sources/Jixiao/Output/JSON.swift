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
    var output: [UInt8] = []
    output.reserveCapacity(4096)
    write(into: &output, pretty: pretty, indent: 0)
    return output
  }

  private func write(into output: inout [UInt8], pretty: Bool, indent: Int) {
    switch self {
    case .null: output.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C])
    case .bool(let value): output.append(contentsOf: Array((value ? "true" : "false").utf8))
    case .number(let text): output.append(contentsOf: Array(text.utf8))
    case .string(let text): JSON.writeString(text, into: &output)
    case .array(let items):
      if items.isEmpty {
        output.append(contentsOf: [0x5B, 0x5D])
        return
      }
      output.append(0x5B)
      for (index, item) in items.enumerated() {
        if index > 0 { output.append(0x2C) }
        if pretty { newline(&output, indent + 1) }
        item.write(into: &output, pretty: pretty, indent: indent + 1)
      }
      if pretty { newline(&output, indent) }
      output.append(0x5D)
    case .object(let members):
      if members.isEmpty {
        output.append(contentsOf: [0x7B, 0x7D])
        return
      }
      output.append(0x7B)
      for (index, (key, value)) in members.enumerated() {
        if index > 0 { output.append(0x2C) }
        if pretty { newline(&output, indent + 1) }
        JSON.writeString(key, into: &output)
        output.append(0x3A)
        if pretty { output.append(0x20) }
        value.write(into: &output, pretty: pretty, indent: indent + 1)
      }
      if pretty { newline(&output, indent) }
      output.append(0x7D)
    }
  }

  private func newline(_ output: inout [UInt8], _ indent: Int) {
    output.append(0x0A)
    for _ in 0..<(indent * 2) { output.append(0x20) }
  }

  static func writeString(_ text: String, into output: inout [UInt8]) {
    output.append(0x22)
    let hex: [UInt8] = Array("0123456789abcdef".utf8)
    for byte in text.utf8 {
      switch byte {
      case 0x22: output.append(contentsOf: [0x5C, 0x22])
      case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
      case 0x0A: output.append(contentsOf: [0x5C, 0x6E])
      case 0x0D: output.append(contentsOf: [0x5C, 0x72])
      case 0x09: output.append(contentsOf: [0x5C, 0x74])
      case 0..<0x20, 0x7F:
        output.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
      default: output.append(byte)
      }
    }
    output.append(0x22)
  }
}

/// Decimal text without exponent, as JSON and CSV want it.
enum DecimalText {
  static func plain(_ value: Decimal) -> String {
    let text = value.description
    guard text.contains("e") || text.contains("E") else { return text }
    // Decimal's description does not use exponents for the magnitudes of money and
    // targets; keep a safe fallback.
    return text
  }
}
