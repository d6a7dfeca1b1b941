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

  private init(pretty: Bool, borrowing storage: UnsafeMutableBufferPointer<UInt8>) {
    self.pretty = pretty
    self.sink = nil
    self.chunkSize = .max
    buffer = OutputBuffer(borrowing: storage)
  }

  /// What `write` writes, in an array of `capacity` that it fills in place: the JSON of a
  /// document is not copied into its array unless it outgrows that.
  public static func bytes(pretty: Bool, capacity: Int, _ write: (inout JSONWriter) -> Void) -> [UInt8] {
    var outgrown: [UInt8]?
    let bytes = [UInt8](unsafeUninitializedCapacity: Swift.max(capacity, 16)) { storage, count in
      var writer = JSONWriter(pretty: pretty, borrowing: storage)
      write(&writer)
      if writer.buffer.isInBorrowedStorage {
        count = writer.buffer.count
      } else {
        outgrown = writer.bytes
      }
    }
    return outgrown ?? bytes
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

  /// An object written between these two calls instead of in a closure: the hottest
  /// objects of a document (indicators, their targets, fields) then need no closure context
  /// holding a copy of the value they write.
  @inline(__always)
  mutating func beginObject() { open(0x7B) }

  @inline(__always)
  mutating func endObject() { close(0x7D) }

  /// An object of four integer members (a span: line, column, offset, length). On one line
  /// it is written in one reservation: the output has a span for nearly every cell.
  @inline(__always)
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

  /// The elements are lent to `write` in place (a `for` loop would copy each one, with a
  /// retain and a release of every String in it).
  @inline(__always)
  public mutating func array<Element>(_ items: [Element], _ write: (inout JSONWriter, Element) -> Void) {
    open(0x5B)
    items.withUnsafeBufferPointer { items in
      for index in items.indices {
        element()
        write(&self, items[index])
      }
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

  /// Members written out beforehand, on one line (`,"a":null,"b":null`): the caller knows
  /// that a member came before, so the text starts with its comma.
  mutating func members(_ text: StaticString) {
    if buffer.count >= chunkSize { flushChunk() }
    buffer.append(text)
  }

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

  /// `Template.render(template, arguments)` as a JSON string, each argument read through
  /// `Term` when `terms` is given (as `Diagnostic.message(in:)` does). The pieces go
  /// straight into the output: a document writes a message for every finding, and
  /// building each as a String first cost more than the rest of the finding.
  public mutating func string(template: String, arguments: [String], terms language: Language? = nil) {
    buffer.append(0x22)
    template.withUTF8Bytes { template in
      Template.walk(
        template, literal: { buffer.appendEscaped($0) },
        placeholder: { number in
          guard number < arguments.count else { return }
          var argument = arguments[number]
          // Every term starts with "@": other arguments skip the hashing.
          if let language, argument.utf8.first == 0x40, let term = Term.terms[argument] {
            argument = term.text(language)
          }
          argument.withUTF8Bytes { buffer.appendEscaped($0) }
        })
    }
    buffer.append(0x22)
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

  // The literals are static strings: as Strings (the default type of a literal) each
  // cost a retain, a release and a call to reach their bytes.
  public mutating func bool(_ value: Bool) {
    if value { buffer.append("true" as StaticString) } else { buffer.append("false" as StaticString) }
  }

  public mutating func null() { buffer.append("null" as StaticString) }

  // MARK: Members
  //
  // Inlined, so that each key is a constant where it is written (its length known, its bytes
  // copied in a store or two) and a member's closure is no context of its own.

  /// Not inlined: a document writes a string member for nearly every cell, and the optimiser
  /// stops inlining into a large caller (an indicator's writer) after its first few members,
  /// so most were a call anyway, to this with the key's length unknown. On one line the
  /// comma, key and value go in one reservation.
  @inline(never)
  public mutating func field(_ name: StaticString, _ value: String?) {
    guard !pretty else {
      key(name)
      return string(value)
    }
    let comma = isCommaDue()
    guard let value else {
      buffer.appendKey(name, comma: comma)
      return buffer.append("null" as StaticString)
    }
    buffer.appendStringMember(name, value, comma: comma)
  }

  /// A member whose value is a literal without anything to escape (an enumeration's raw
  /// value, `JSONLiteral`). As a String, each such value cost a release call: the compiler
  /// cannot tell that a string chosen by a switch holds no reference.
  @inline(never)
  mutating func field(_ name: StaticString, literal value: StaticString) {
    key(name)
    buffer.append(0x22)
    buffer.append(value)
    buffer.append(0x22)
  }

  /// `field(name, literal:)`, or null.
  mutating func field(_ name: StaticString, literal value: StaticString?) {
    guard let value else {
      key(name)
      return null()
    }
    field(name, literal: value)
  }

  @inline(__always)
  public mutating func field(_ name: StaticString, int value: Int?) {
    key(name)
    int(value)
  }

  @inline(__always)
  public mutating func field(_ name: StaticString, decimal value: Decimal?) {
    key(name)
    decimal(value)
  }

  @inline(__always)
  public mutating func field(_ name: StaticString, bool value: Bool) {
    key(name)
    bool(value)
  }

  @inline(__always)
  public mutating func field(_ name: StaticString, _ write: (inout JSONWriter) -> Void) {
    key(name)
    write(&self)
  }
}
