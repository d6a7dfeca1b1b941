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

  @inline(__always)
  public mutating func object(_ body: (inout JSONWriter) -> Void) {
    open(0x7B)
    body(&self)
    close(0x7D)
  }

  /// An object of four integer members (a span: line, column, offset, length). On one line
  /// it is written in one reservation: the output has a span for nearly every cell.
  public mutating func object(
    _ a: StaticString, int valueA: Int, _ b: StaticString, int valueB: Int, _ c: StaticString, int valueC: Int,
    _ d: StaticString, int valueD: Int
  ) {
    if !pretty, a.hasPointerRepresentation, b.hasPointerRepresentation, c.hasPointerRepresentation,
      d.hasPointerRepresentation
    {
      return buffer.appendIntegerObject(a, valueA, b, valueB, c, valueC, d, valueD)
    }
    object { w in
      w.field(a, int: valueA)
      w.field(b, int: valueB)
      w.field(c, int: valueC)
      w.field(d, int: valueD)
    }
  }

  @inline(__always)
  public mutating func array(_ body: (inout JSONWriter) -> Void) {
    open(0x5B)
    body(&self)
    close(0x5D)
  }

  @inline(__always)
  public mutating func array<Element>(_ items: [Element], _ write: (inout JSONWriter, Element) -> Void) {
    open(0x5B)
    for item in items {
      element()
      write(&self, item)
    }
    close(0x5D)
  }

  @inline(__always)
  private mutating func open(_ byte: UInt8) {
    buffer.append(byte)
    depth += 1
  }

  @inline(__always)
  private mutating func close(_ byte: UInt8) {
    depth -= 1
    if pretty && !isAtContainerStart { newline() }
    buffer.append(byte)
  }

  /// Whether the innermost open container has no element yet. Every value ends in a quote,
  /// digit, letter or closing bracket, so only an opening bracket can be last then; reading
  /// it back costs less than a stack of flags pushed and popped at every container.
  private var isAtContainerStart: Bool {
    let last = buffer.last
    return last == 0x7B || last == 0x5B
  }

  /// Starts an array element or an object member.
  @inline(__always)
  public mutating func element() {
    let comma = isCommaDue()
    if comma { buffer.append(0x2C) }
    if pretty { newline() }
  }

  /// Whether the element about to start follows another; hands a full buffer to the sink
  /// first (after looking at its last byte).
  @inline(__always)
  private mutating func isCommaDue() -> Bool {
    let comma = !isAtContainerStart
    if buffer.count >= chunkSize { flushChunk() }
    return comma
  }

  @inline(never)
  private mutating func flushChunk() { flush() }

  /// Starts an object member whose key comes from data (a JSON tree read from input): the
  /// key is escaped like any string.
  public mutating func key(escaping name: String) {
    element()
    buffer.appendQuoted(name)
    buffer.append(0x3A)
    if pretty { buffer.append(0x20) }
  }

  /// Starts an object member: its key and the colon.
  @inline(__always)
  public mutating func key(_ name: StaticString) {
    let comma = isCommaDue()
    if pretty {
      if comma { buffer.append(0x2C) }
      newline()
      buffer.appendKey(name, comma: false)
      buffer.append(0x20)
    } else {
      buffer.appendKey(name, comma: comma)
    }
  }

  private mutating func newline() {
    buffer.append(0x0A)
    buffer.append(0x20, count: depth * 2)
  }

  // MARK: Values

  public mutating func string(_ value: String?) {
    guard let value else { return null() }
    buffer.appendQuoted(value)
  }

  public mutating func int(_ value: Int?) {
    guard let value else { return null() }
    // Digits straight into the buffer: spans write four integers each.
    buffer.appendInteger(value)
  }

  public mutating func decimal(_ value: Decimal?) {
    guard let value else { return null() }
    buffer.appendDecimal(value)
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
}
