import FoundationEssentials

/// Writes JSON straight to bytes: two-space indented when `pretty`, on one line otherwise.
/// The document encoder streams through it (no tree of values is built), and `JSON.render`
/// uses it too, so both print alike.
///
/// With a sink, the bytes are handed over in chunks of about `chunkSize` as they are written
/// (at element boundaries), so the output of a large document is never held whole: its JSON
/// is several times the size of its text.
public struct JSONWriter {
  public private(set) var bytes: [UInt8] = []
  let pretty: Bool
  private var depth = 0
  /// Whether the innermost open container has no element yet.
  private var isEmpty = true
  private var emptiness: [Bool] = []
  private let sink: (([UInt8]) -> Void)?
  private let chunkSize: Int

  public init(pretty: Bool, capacity: Int = 4096) {
    self.pretty = pretty
    self.sink = nil
    self.chunkSize = .max
    bytes.reserveCapacity(capacity)
  }

  public init(pretty: Bool, chunkSize: Int, sink: @escaping ([UInt8]) -> Void) {
    self.pretty = pretty
    self.sink = sink
    self.chunkSize = Swift.max(chunkSize, 1)
    bytes.reserveCapacity(self.chunkSize + self.chunkSize / 4)
  }

  /// Hands what is buffered to the sink (without a sink, the bytes stay in `bytes`).
  public mutating func flush() {
    guard let sink, !bytes.isEmpty else { return }
    sink(bytes)
    bytes.removeAll(keepingCapacity: true)
  }

  /// Appends raw bytes (a line end after a document).
  public mutating func raw(_ more: [UInt8]) { bytes.append(contentsOf: more) }

  // MARK: Containers

  public mutating func object(_ body: (inout JSONWriter) -> Void) {
    open(0x7B)
    body(&self)
    close(0x7D)
  }

  public mutating func array(_ body: (inout JSONWriter) -> Void) {
    open(0x5B)
    body(&self)
    close(0x5D)
  }

  public mutating func array<Element>(_ items: [Element], _ write: (inout JSONWriter, Element) -> Void) {
    array { writer in
      for item in items {
        writer.element()
        write(&writer, item)
      }
    }
  }

  private mutating func open(_ byte: UInt8) {
    bytes.append(byte)
    emptiness.append(isEmpty)
    isEmpty = true
    depth += 1
  }

  private mutating func close(_ byte: UInt8) {
    depth -= 1
    if !isEmpty && pretty { newline() }
    bytes.append(byte)
    isEmpty = emptiness.popLast() ?? true
  }

  /// Starts an array element or an object member.
  public mutating func element() {
    if bytes.count >= chunkSize { flush() }
    if !isEmpty { bytes.append(0x2C) }
    isEmpty = false
    if pretty { newline() }
  }

  /// Starts an object member whose key comes from data (a JSON tree read from input): the
  /// key is escaped like any string.
  public mutating func key(escaping name: String) {
    element()
    JSONWriter.appendString(name, to: &bytes)
    bytes.append(0x3A)
    if pretty { bytes.append(0x20) }
  }

  /// Starts an object member: its key and the colon. Keys are the schema's own names (plain
  /// ASCII, nothing to escape), so they are copied without the scan strings get.
  public mutating func key(_ name: StaticString) {
    element()
    bytes.append(0x22)
    // A static string's bytes are in the binary: one copy, no string machinery.
    bytes.append(contentsOf: UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount))
    bytes.append(0x22)
    bytes.append(0x3A)
    if pretty { bytes.append(0x20) }
  }

  private mutating func newline() {
    bytes.append(0x0A)
    bytes.append(contentsOf: repeatElement(0x20, count: depth * 2))
  }

  // MARK: Values

  public mutating func string(_ value: String?) {
    guard let value else { return null() }
    JSONWriter.appendString(value, to: &bytes)
  }

  public mutating func int(_ value: Int?) {
    guard let value else { return null() }
    // Digits straight into the buffer: spans write four integers each.
    if value < 0 { bytes.append(0x2D) }
    var magnitude = value.magnitude
    var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
      UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
      (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    var count = 0
    withUnsafeMutableBytes(of: &digits) { buffer in
      repeat {
        buffer[19 - count] = 0x30 + UInt8(magnitude % 10)
        magnitude /= 10
        count += 1
      } while magnitude > 0
      // Rebased to a raw buffer: appending the slice itself went byte by byte.
      bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[(20 - count)...]))
    }
  }

  public mutating func decimal(_ value: Decimal?) {
    guard let value else { return null() }
    bytes.append(contentsOf: DecimalText.plain(value).utf8)
  }

  public mutating func number(_ text: String) { bytes.append(contentsOf: text.utf8) }

  public mutating func bool(_ value: Bool) { bytes.append(contentsOf: (value ? "true" : "false").utf8) }

  public mutating func null() { bytes.append(contentsOf: [0x6E, 0x75, 0x6C, 0x6C]) }

  // MARK: Members

  public mutating func field(_ name: StaticString, _ value: String?) {
    key(name)
    string(value)
  }

  public mutating func field(_ name: StaticString, int value: Int?) {
    key(name)
    int(value)
  }

  public mutating func field(_ name: StaticString, decimal value: Decimal?) {
    key(name)
    decimal(value)
  }

  public mutating func field(_ name: StaticString, bool value: Bool) {
    key(name)
    bool(value)
  }

  public mutating func field(_ name: StaticString, _ write: (inout JSONWriter) -> Void) {
    key(name)
    write(&self)
  }

  static func appendString(_ text: String, to output: inout [UInt8]) {
    output.append(0x22)
    var text = text
    text.withUTF8 { bytes in
      var start = 0
      for index in 0..<bytes.count {
        let byte = bytes[index]
        guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F else { continue }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
        switch byte {
        case 0x22: output.append(contentsOf: [0x5C, 0x22])
        case 0x5C: output.append(contentsOf: [0x5C, 0x5C])
        case 0x0A: output.append(contentsOf: [0x5C, 0x6E])
        case 0x0D: output.append(contentsOf: [0x5C, 0x72])
        case 0x09: output.append(contentsOf: [0x5C, 0x74])
        default:
          output.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
        }
        start = index + 1
      }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<bytes.count]))
    }
    output.append(0x22)
  }

  static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
