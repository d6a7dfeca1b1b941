import FoundationEssentials

/// Writes JSON straight to bytes: two-space indented when `pretty`, on one line otherwise.
/// The document encoder streams through it (no tree of values is built), and `JSON.render`
/// uses it too, so both print alike.
///
/// With a sink, the bytes are handed over in chunks of about `chunkSize` as they are written
/// (at element boundaries), so the output of a large document is never held whole: its JSON
/// is several times the size of its text.
public struct JSONWriter: ~Copyable {
  private var buffer: OutputBuffer
  let pretty: Bool
  private var depth = 0
  /// Whether the innermost open container has no element yet.
  private var isEmpty = true
  private var emptiness: [Bool] = []
  private let sink: (([UInt8]) -> Void)?
  private let chunkSize: Int

  /// What has been written (and not yet handed to a sink).
  public var bytes: [UInt8] { buffer.array }

  public init(pretty: Bool, capacity: Int = 4096) {
    self.pretty = pretty
    self.sink = nil
    self.chunkSize = .max
    buffer = OutputBuffer(capacity: capacity)
  }

  public init(pretty: Bool, chunkSize: Int, sink: @escaping ([UInt8]) -> Void) {
    self.pretty = pretty
    self.sink = sink
    self.chunkSize = Swift.max(chunkSize, 1)
    buffer = OutputBuffer(capacity: self.chunkSize + self.chunkSize / 4)
  }

  /// Hands what is buffered to the sink (without a sink, the bytes stay in `bytes`).
  public mutating func flush() {
    guard let sink, buffer.count > 0 else { return }
    sink(buffer.array)
    buffer.removeAll()
  }

  /// Appends raw bytes (a line end after a document).
  public mutating func raw(_ more: [UInt8]) { more.withUnsafeBytes { buffer.append($0) } }

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
    buffer.append(byte)
    emptiness.append(isEmpty)
    isEmpty = true
    depth += 1
  }

  private mutating func close(_ byte: UInt8) {
    depth -= 1
    if !isEmpty && pretty { newline() }
    buffer.append(byte)
    isEmpty = emptiness.popLast() ?? true
  }

  /// Starts an array element or an object member.
  public mutating func element() {
    if buffer.count >= chunkSize { flush() }
    if !isEmpty { buffer.append(0x2C) }
    isEmpty = false
    if pretty { newline() }
  }

  /// Starts an object member whose key comes from data (a JSON tree read from input): the
  /// key is escaped like any string.
  public mutating func key(escaping name: String) {
    element()
    JSONWriter.appendString(name, to: &buffer)
    buffer.append(0x3A)
    if pretty { buffer.append(0x20) }
  }

  /// Starts an object member: its key and the colon. Keys are the schema's own names (plain
  /// ASCII, nothing to escape), so they are copied without the scan strings get.
  public mutating func key(_ name: StaticString) {
    element()
    // A static string's bytes are in the binary: one copy, no string machinery.
    buffer.appendKey(name)
    if pretty { buffer.append(0x20) }
  }

  private mutating func newline() {
    buffer.append(0x0A)
    buffer.append(0x20, count: depth * 2)
  }

  // MARK: Values

  public mutating func string(_ value: String?) {
    guard let value else { return null() }
    JSONWriter.appendString(value, to: &buffer)
  }

  public mutating func int(_ value: Int?) {
    guard let value else { return null() }
    // Digits straight into the buffer: spans write four integers each.
    buffer.appendDecimal(value)
  }

  public mutating func decimal(_ value: Decimal?) {
    guard let value else { return null() }
    buffer.append(DecimalText.plain(value))
  }

  public mutating func number(_ text: String) { buffer.append(text) }

  public mutating func bool(_ value: Bool) { buffer.append(value ? "true" : "false") }

  public mutating func null() { buffer.append("null") }

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

  static func appendString(_ text: String, to output: inout OutputBuffer) {
    output.append(0x22)
    var text = text
    text.withUTF8 { bytes in
      var start = 0
      for index in 0..<bytes.count {
        let byte = bytes[index]
        guard byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F else { continue }
        output.append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start..<index])))
        switch byte {
        case 0x22: output.append("\\\"")
        case 0x5C: output.append("\\\\")
        case 0x0A: output.append("\\n")
        case 0x0D: output.append("\\r")
        case 0x09: output.append("\\t")
        default:
          output.append("\\u00")
          output.append(hexDigits[Int(byte >> 4)])
          output.append(hexDigits[Int(byte & 0xF)])
        }
        start = index + 1
      }
      output.append(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[start..<bytes.count])))
    }
    output.append(0x22)
  }

  static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}

/// The writer's bytes: a buffer it owns alone (hence noncopyable), written through a raw
/// pointer. Appending to an `[UInt8]` checks uniqueness and capacity at every byte, and the
/// JSON of a document is written a few bytes at a time: that was most of its cost.
struct OutputBuffer: ~Copyable {
  private var start: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private var capacity: Int

  init(capacity: Int) {
    self.capacity = Swift.max(capacity, 16)
    start = .allocate(capacity: self.capacity)
  }

  deinit { start.deallocate() }

  var array: [UInt8] { Array(UnsafeBufferPointer(start: start, count: count)) }

  mutating func removeAll() { count = 0 }

  @inline(__always)
  private mutating func reserve(_ more: Int) {
    guard count + more > capacity else { return }
    let grown = Swift.max(capacity * 2, count + more)
    let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
    moved.initialize(from: start, count: count)
    start.deallocate()
    start = moved
    capacity = grown
  }

  @inline(__always)
  mutating func append(_ byte: UInt8) {
    reserve(1)
    start[count] = byte
    count += 1
  }

  mutating func append(_ byte: UInt8, count repeated: Int) {
    guard repeated > 0 else { return }
    reserve(repeated)
    (start + count).initialize(repeating: byte, count: repeated)
    count += repeated
  }

  mutating func append(_ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress, bytes.count > 0 else { return }
    reserve(bytes.count)
    copy(base, bytes.count, to: start + count)
    count += bytes.count
  }

  /// `value` in decimal, as `String(value)` writes it.
  mutating func appendDecimal(_ value: Int) {
    reserve(20)
    var magnitude = value.magnitude
    if value < 0 {
      start[count] = 0x2D
      count += 1
    }
    var digits = 1
    var probe = magnitude
    while probe >= 10 {
      probe /= 10
      digits += 1
    }
    var index = count + digits
    repeat {
      index -= 1
      start[index] = 0x30 + UInt8(magnitude % 10)
      magnitude /= 10
    } while magnitude > 0
    count += digits
  }

  /// `"name":` in one reservation. (`withUTF8Buffer`, not `utf8Start`: a one-character
  /// literal may be stored as a scalar, without a pointer.)
  mutating func appendKey(_ name: StaticString) {
    name.withUTF8Buffer { name in
      let length = name.count
      reserve(length + 3)
      start[count] = 0x22
      if let base = name.baseAddress { copy(UnsafeRawPointer(base), length, to: start + count + 1) }
      start[count + length + 1] = 0x22
      start[count + length + 2] = 0x3A
      count += length + 3
    }
  }

  /// Short runs byte by byte: most are a key or a short value, where a call to memcpy costs
  /// more than the copy.
  @inline(__always)
  private func copy(_ source: UnsafeRawPointer, _ length: Int, to destination: UnsafeMutablePointer<UInt8>) {
    if length <= 16 {
      let bytes = source.assumingMemoryBound(to: UInt8.self)
      for index in 0..<length { destination[index] = bytes[index] }
    } else {
      UnsafeMutableRawPointer(destination).copyMemory(from: source, byteCount: length)
    }
  }

  mutating func append(_ text: StaticString) {
    text.withUTF8Buffer { append(UnsafeRawBufferPointer($0)) }
  }

  mutating func append(_ text: String) {
    var text = text
    text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
  }
}
