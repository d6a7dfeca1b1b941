import FoundationEssentials

/// The JSON writer's bytes: a buffer it owns alone (hence noncopyable), written through a raw
/// pointer. Appending to an `[UInt8]` checks uniqueness and capacity at every byte, and the
/// JSON of a document is written a few bytes at a time: that was most of its cost.
struct OutputBuffer: ~Copyable {
  private var start: UnsafeMutablePointer<UInt8>
  private(set) var count = 0
  private var capacity: Int
  /// The last byte handed out by `removeAll`, so that `last` still answers after a flush.
  private var lastRemoved: UInt8 = 0
  /// Whether `start` is the caller's (an array being initialised), not to be freed here.
  private var isBorrowed = false

  init(capacity: Int) {
    self.capacity = Swift.max(capacity, 16)
    start = .allocate(capacity: self.capacity)
  }

  /// Writes into `storage` until it is full, then into memory of its own.
  init(borrowing storage: UnsafeMutableBufferPointer<UInt8>) {
    if let base = storage.baseAddress, storage.count >= 16 {
      start = base
      capacity = storage.count
      isBorrowed = true
    } else {
      capacity = 16
      start = .allocate(capacity: capacity)
    }
  }

  deinit { if !isBorrowed { start.deallocate() } }

  /// Whether everything written is still in the borrowed storage.
  var isInBorrowedStorage: Bool { isBorrowed }

  var array: [UInt8] { Array(UnsafeBufferPointer(start: start, count: count)) }

  /// The last byte written, flushed or not (0 before any).
  var last: UInt8 { count > 0 ? start[count - 1] : lastRemoved }

  mutating func removeAll() {
    lastRemoved = last
    count = 0
  }

  @inline(__always)
  mutating func reserve(_ more: Int) {
    guard count + more > capacity else { return }
    grow(count + more)
  }

  @inline(never)
  private mutating func grow(_ needed: Int) {
    let grown = Swift.max(capacity * 2, needed)
    let moved = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
    moved.initialize(from: start, count: count)
    if isBorrowed { isBorrowed = false } else { start.deallocate() }
    start = moved
    capacity = grown
  }

  /// Appends without checking capacity: the caller reserved it (so the count cannot
  /// overflow).
  @inline(__always)
  mutating func put(_ byte: UInt8) {
    start[count] = byte
    count &+= 1
  }

  @inline(__always)
  mutating func append(_ byte: UInt8) {
    reserve(1)
    put(byte)
  }

  mutating func append(_ byte: UInt8, count repeated: Int) {
    guard repeated > 0 else { return }
    reserve(repeated)
    (start + count).initialize(repeating: byte, count: repeated)
    count += repeated
  }

  @inline(__always)
  mutating func append(_ source: UnsafePointer<UInt8>, _ length: Int) {
    reserve(length)
    ByteCopy.copy(source, length, to: start + count)
    count &+= length
  }

  mutating func append(_ bytes: UnsafeRawBufferPointer) {
    guard let base = bytes.baseAddress else { return }
    append(base.assumingMemoryBound(to: UInt8.self), bytes.count)
  }

  /// `,"name":` (the comma when `comma`) in one reservation. Keys are the schema's own
  /// names (plain ASCII, nothing to escape).
  @inline(__always)
  mutating func appendKey(_ name: StaticString, comma: Bool) {
    guard name.hasPointerRepresentation else {
      if comma { append(0x2C) }
      append(0x22)
      append(name)
      return append("\":")
    }
    reserve(name.utf8CodeUnitCount &+ 4)
    count = writeKey(name, comma: comma)
  }

  /// Writes `,"name":` (the comma when `comma`) at `count`, in room already reserved (the
  /// name's length and four bytes); the offset after it.
  @inline(__always)
  private func writeKey(_ name: StaticString, comma: Bool) -> Int {
    let length = name.utf8CodeUnitCount
    var end = count
    if comma {
      start[end] = 0x2C
      end &+= 1
    }
    start[end] = 0x22
    ByteCopy.copy(name.utf8Start, length, to: start + (end &+ 1))
    end &+= length &+ 1
    start[end] = 0x22
    start[end &+ 1] = 0x3A
    return end &+ 2
  }

  @inline(__always)
  mutating func append(_ text: StaticString) {
    if text.hasPointerRepresentation {
      append(text.utf8Start, text.utf8CodeUnitCount)
    } else {
      // A one-character literal may be stored as a scalar, without a pointer.
      text.withUTF8Buffer { append(UnsafeRawBufferPointer($0)) }
    }
  }

  mutating func append(_ text: String) {
    var text = text
    text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
  }

  /// `value` in decimal, as `String(value)` writes it.
  mutating func appendInteger(_ value: Int) {
    reserve(21)
    putInteger(value)
  }

  /// `appendInteger` into reserved room (21 bytes).
  @inline(__always)
  private mutating func putInteger(_ value: Int) {
    if value < 0 { put(0x2D) }
    count += DigitWriter.writeShort(value.magnitude, to: start + count)
  }

  /// `{"a":1,"b":2,"c":3,"d":4}` in one reservation (inlined: the names are constants then).
  @inline(__always)
  mutating func appendIntegerObject(
    _ a: StaticString, _ valueA: Int, _ b: StaticString, _ valueB: Int, _ c: StaticString, _ valueC: Int,
    _ d: StaticString, _ valueD: Int
  ) {
    reserve(2 + a.utf8CodeUnitCount + b.utf8CodeUnitCount + c.utf8CodeUnitCount + d.utf8CodeUnitCount + 4 * 25)
    // The end is kept in a local until the object is whole: written back after every byte,
    // it cost a store and an overflow check each.
    var end = count
    start[end] = 0x7B
    end = putMember(a, valueA, at: end &+ 1)
    start[end] = 0x2C
    end = putMember(b, valueB, at: end &+ 1)
    start[end] = 0x2C
    end = putMember(c, valueC, at: end &+ 1)
    start[end] = 0x2C
    end = putMember(d, valueD, at: end &+ 1)
    start[end] = 0x7D
    count = end &+ 1
  }

  /// `"name":value` into reserved room at `index`; returns where it ends.
  @inline(__always)
  private func putMember(_ name: StaticString, _ value: Int, at index: Int) -> Int {
    let length = name.utf8CodeUnitCount
    start[index] = 0x22
    ByteCopy.copy(name.utf8Start, length, to: start + (index &+ 1))
    var end = index &+ 1 &+ length
    start[end] = 0x22
    start[end &+ 1] = 0x3A
    end &+= 2
    if value < 0 {
      start[end] = 0x2D
      end &+= 1
    }
    return end &+ DigitWriter.writeShort(value.magnitude, to: start + end)
  }

  /// `value` as its `description` writes it (plain digits, no exponent).
  mutating func appendDecimal(_ value: Decimal) {
    // NaN is no JSON number (the readers make none; this keeps any that slips through valid).
    guard !value.isNaN else { return append("null") }
    guard let parts = DecimalParts(value) else { return append(value.description) }
    reserve(parts.maximumLength)
    count += parts.write(to: start + count)
  }

  /// `,"name":"value"` (the comma when `comma`), the value escaped, with one reservation for
  /// the key, the value and the quotes: a document writes a string member for nearly every
  /// cell, and the key and the value written apart cost a call and a reservation each.
  @inline(__always)
  mutating func appendStringMember(_ name: StaticString, _ value: String, comma: Bool) {
    let written: Void? = value.utf8.withContiguousStorageIfAvailable { appendStringMember(name, $0, comma: comma) }
    guard written == nil else { return }
    var value = value
    value.withUTF8 { appendStringMember(name, $0, comma: comma) }
  }

  @inline(__always)
  private mutating func appendStringMember(_ name: StaticString, _ bytes: UnsafeBufferPointer<UInt8>, comma: Bool) {
    guard name.hasPointerRepresentation, let base = bytes.baseAddress else {
      appendKey(name, comma: comma)
      return appendQuoted(bytes)
    }
    let valueLength = bytes.count
    // The comma, the key in quotes, the colon, the value in quotes.
    reserve(name.utf8CodeUnitCount &+ valueLength &+ 6)
    var end = writeKey(name, comma: comma)
    start[end] = 0x22
    end &+= 1
    let clean = JSONEscape.copyClean(base, valueLength, to: start + end)
    if clean == valueLength {
      start[end &+ clean] = 0x22
      count = end &+ clean &+ 1
      return
    }
    // A byte to escape: the rest goes the general way.
    count = end &+ clean
    appendEscaped(UnsafeBufferPointer(rebasing: bytes[clean...]))
    append(0x22)
  }

  /// `"text"`, escaped for JSON.
  mutating func appendQuoted(_ text: String) {
    let written: Void? = text.utf8.withContiguousStorageIfAvailable { appendQuoted($0) }
    guard written == nil else { return }
    var text = text
    text.withUTF8 { appendQuoted($0) }
  }

  /// Most text is CJK, where nothing needs escaping: it is checked and copied sixteen bytes
  /// at a time, in the room reserved once for the whole string and its quotes.
  mutating func appendQuoted(_ bytes: UnsafeBufferPointer<UInt8>) {
    reserve(bytes.count + 2)
    put(0x22)
    appendEscaped(bytes)
    append(0x22)
  }

  /// The inside of a JSON string: `bytes` escaped, without quotes.
  mutating func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>) {
    guard let base = bytes.baseAddress else { return }
    let length = bytes.count
    var from = 0
    while true {
      reserve(length &- from)
      let clean = JSONEscape.copyClean(base + from, length &- from, to: start + count)
      count &+= clean
      from &+= clean
      guard from < length else { return }
      appendEscaped(base[from])
      from &+= 1
    }
  }

  private mutating func appendEscaped(_ byte: UInt8) {
    switch byte {
    case 0x22: append("\\\"")
    case 0x5C: append("\\\\")
    case 0x0A: append("\\n")
    case 0x0D: append("\\r")
    case 0x09: append("\\t")
    default:
      append("\\u00")
      append(JSONEscape.hexDigit(byte >> 4))
      append(JSONEscape.hexDigit(byte & 0xF))
    }
  }
}

/// Which bytes a JSON string escapes: controls, `"`, `\` and DEL.
enum JSONEscape {
  @inline(__always)
  static func isSpecial(_ byte: UInt8) -> Bool {
    byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F
  }

  /// Whether any of sixteen bytes is special. The arithmetic is per lane (a lane's borrow
  /// never reaches the next one, as it does across a UInt64), so each mark is exact: top bit
  /// of `(x - 0x20) & ~x` for x < 0x20, of `(y - 1) & ~y` for y = x ^ c zero; bytes of 0x80
  /// and over never match. Written as wrapping arithmetic, not as comparisons: those are
  /// lowered lane by lane, these to a few vector instructions.
  @inline(__always)
  static func hasSpecial(_ lanes: SIMD16<UInt8>) -> Bool {
    let one = SIMD16<UInt8>(repeating: 1)
    let quote = lanes ^ SIMD16(repeating: 0x22)
    let backslash = lanes ^ SIMD16(repeating: 0x5C)
    let delete = lanes ^ SIMD16(repeating: 0x7F)
    let marks =
      ((lanes &- SIMD16(repeating: 0x20)) & ~lanes) | ((quote &- one) & ~quote)
      | ((backslash &- one) & ~backslash) | ((delete &- one) & ~delete)
    let words = unsafeBitCast(marks & SIMD16(repeating: 0x80), to: SIMD2<UInt64>.self)
    return words[0] | words[1] != 0
  }

  @inline(__always)
  static func hasSpecial(_ low: UInt64, _ high: UInt64) -> Bool {
    hasSpecial(unsafeBitCast(SIMD2(low, high), to: SIMD16<UInt8>.self))
  }

  /// Copies `source` to `destination` up to its first special byte and returns how many
  /// bytes that is (`length` when none is special). Bytes after those may be written too,
  /// never past `length`: the caller writes over them.
  @inline(__always)
  static func copyClean(_ source: UnsafePointer<UInt8>, _ length: Int, to destination: UnsafeMutablePointer<UInt8>)
    -> Int
  {
    let from = UnsafeRawPointer(source)
    let to = UnsafeMutableRawPointer(destination)
    if length >= 16 {
      var index = 0
      while true {
        // The last block ends at the end, over bytes already found clean.
        let block = Swift.min(index, length &- 16)
        let lanes = from.loadUnaligned(fromByteOffset: block, as: SIMD16<UInt8>.self)
        to.storeBytes(of: lanes, toByteOffset: block, as: SIMD16<UInt8>.self)
        if hasSpecial(lanes) { return firstSpecial(source, from: block, count: length) }
        index = block &+ 16
        if index >= length { return length }
      }
    }
    if length >= 8 {
      // Two words, the second overlapping the first.
      let head = from.loadUnaligned(as: UInt64.self)
      let tail = from.loadUnaligned(fromByteOffset: length &- 8, as: UInt64.self)
      to.storeBytes(of: head, as: UInt64.self)
      to.storeBytes(of: tail, toByteOffset: length &- 8, as: UInt64.self)
      return hasSpecial(head, tail) ? firstSpecial(source, from: 0, count: length) : length
    }
    if length >= 4 {
      let head = from.loadUnaligned(as: UInt32.self)
      let tail = from.loadUnaligned(fromByteOffset: length &- 4, as: UInt32.self)
      to.storeBytes(of: head, as: UInt32.self)
      to.storeBytes(of: tail, toByteOffset: length &- 4, as: UInt32.self)
      let word = UInt64(head) | UInt64(tail) << 32
      return hasSpecial(word, word) ? firstSpecial(source, from: 0, count: length) : length
    }
    var index = 0
    while index < length, !isSpecial(source[index]) {
      destination[index] = source[index]
      index &+= 1
    }
    return index
  }

  /// The index of the first special byte at or after `from`, or `count` (after a block was
  /// found to hold one: bytes before it are copied already).
  @inline(never)
  static func firstSpecial(_ base: UnsafePointer<UInt8>, from: Int, count: Int) -> Int {
    var index = from
    while index < count, !isSpecial(base[index]) { index += 1 }
    return index
  }

  static func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x57 + nibble }
}

/// Copies of a few bytes (keys, short values), where a call to memcpy costs more than the copy.
enum ByteCopy {
  @inline(__always)
  static func copy(_ source: UnsafePointer<UInt8>, _ length: Int, to destination: UnsafeMutablePointer<UInt8>) {
    let from = UnsafeRawPointer(source)
    let to = UnsafeMutableRawPointer(destination)
    if length >= 8 {
      guard length <= 32 else { return to.copyMemory(from: from, byteCount: length) }
      // Whole words, the last one overlapping the one before.
      var offset = 0
      while offset + 8 < length {
        to.storeBytes(of: from.loadUnaligned(fromByteOffset: offset, as: UInt64.self), toByteOffset: offset, as: UInt64.self)
        offset += 8
      }
      to.storeBytes(of: from.loadUnaligned(fromByteOffset: length - 8, as: UInt64.self), toByteOffset: length - 8, as: UInt64.self)
    } else if length >= 4 {
      to.storeBytes(of: from.loadUnaligned(as: UInt32.self), as: UInt32.self)
      to.storeBytes(of: from.loadUnaligned(fromByteOffset: length - 4, as: UInt32.self), toByteOffset: length - 4, as: UInt32.self)
    } else {
      for index in 0..<length { destination[index] = source[index] }
    }
  }
}

/// Decimal digits of an unsigned integer, two at a time.
enum DigitWriter {
  /// "00" to "99": a static string's bytes are in the binary, with no lazy initialisation or
  /// bounds checks on reading.
  private static let pairs: StaticString =
    "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"

  static func digitCount(_ value: UInt64) -> Int {
    var digits = 1
    var rest = value
    while rest >= 10_000 {
      rest /= 10_000
      digits += 4
    }
    if rest >= 1000 { return digits + 3 }
    if rest >= 100 { return digits + 2 }
    if rest >= 10 { return digits + 1 }
    return digits
  }

  /// `write`, with one and two digits (most numbers of a span: lines, columns, lengths)
  /// written where it is inlined.
  @inline(__always)
  static func writeShort(_ value: UInt, to destination: UnsafeMutablePointer<UInt8>) -> Int {
    if value < 10 {
      destination[0] = 0x30 &+ UInt8(truncatingIfNeeded: value)
      return 1
    }
    if value < 100 {
      putPair(value, at: destination)
      return 2
    }
    return write(value, to: destination)
  }

  /// The two digits of `pair` (below 100) at `destination`.
  @inline(__always)
  private static func putPair(_ pair: UInt, at destination: UnsafeMutablePointer<UInt8>) {
    let offset = Int(truncatingIfNeeded: pair) &* 2
    destination[0] = Self.pairs.utf8Start[offset]
    destination[1] = Self.pairs.utf8Start[offset &+ 1]
  }

  /// Writes `value` and returns the number of bytes written (at most 20). Three to five
  /// digits (most offsets in a document) are written without counting them first.
  @discardableResult
  static func write(_ value: UInt, to destination: UnsafeMutablePointer<UInt8>) -> Int {
    if value < 100_000 && value >= 100 {
      if value < 1000 {
        let high = value / 100
        destination[0] = 0x30 &+ UInt8(truncatingIfNeeded: high)
        putPair(value &- high &* 100, at: destination + 1)
        return 3
      }
      if value < 10_000 {
        let high = value / 100
        putPair(high, at: destination)
        putPair(value &- high &* 100, at: destination + 2)
        return 4
      }
      let high = value / 10_000
      let rest = value &- high &* 10_000
      let middle = rest / 100
      destination[0] = 0x30 &+ UInt8(truncatingIfNeeded: high)
      putPair(middle, at: destination + 1)
      putPair(rest &- middle &* 100, at: destination + 3)
      return 5
    }
    let digits = digitCount(UInt64(value))
    let pairs = Self.pairs.utf8Start
    var end = digits
    var rest = value
    while rest >= 100 {
      let pair = Int(rest % 100) * 2
      rest /= 100
      destination[end - 1] = pairs[pair + 1]
      destination[end - 2] = pairs[pair]
      end -= 2
    }
    if rest >= 10 {
      destination[1] = pairs[Int(rest) * 2 + 1]
      destination[0] = pairs[Int(rest) * 2]
    } else {
      destination[0] = 0x30 + UInt8(rest)
    }
    return digits
  }
}

/// A `Decimal` as sign, integer mantissa and power of ten, for writing its `description`
/// without building a string (which cost some six thousand instructions a number).
///
/// FoundationEssentials keeps the mantissa internal, so it is read from the value's storage;
/// the layout is checked once against a known value, and anything else (a layout that does
/// not match, a mantissa over 64 bits, a value not in compact form, NaN) is left to
/// `description`.
struct DecimalParts {
  let isNegative: Bool
  let mantissa: UInt64
  let exponent: Int

  init?(_ value: Decimal) {
    guard DecimalParts.layoutMatches, !value.isNaN, let mantissa = DecimalParts.compactMantissa(value) else {
      return nil
    }
    self.mantissa = mantissa
    exponent = value.exponent
    isNegative = value.sign == .minus && mantissa != 0
  }

  /// Byte 1 holds the mantissa's length in 16-bit words (high nibble) and the compact flag
  /// (bit 2); the words follow from byte 4, least significant first.
  private static func compactMantissa(_ value: Decimal) -> UInt64? {
    withUnsafeBytes(of: value) { storage -> UInt64? in
      let flags = storage[1]
      let words = Int(flags >> 4)
      guard words <= 4, words == 0 || flags & 0x4 != 0 else { return nil }
      var mantissa: UInt64 = 0
      for word in stride(from: words - 1, through: 0, by: -1) {
        mantissa = mantissa << 16 | UInt64(storage.loadUnaligned(fromByteOffset: 4 + 2 * word, as: UInt16.self))
      }
      return mantissa
    }
  }

  private static let layoutMatches: Bool = {
    guard let sample = Decimal(string: "-12345.678"), sample.exponent == -3 else { return false }
    return compactMantissa(sample) == 12_345_678 && compactMantissa(Decimal.zero) == 0
  }()

  /// Sign, digits, point or zeros.
  var maximumLength: Int { 1 + 20 + 2 + abs(exponent) }

  func write(to destination: UnsafeMutablePointer<UInt8>) -> Int {
    guard mantissa != 0 else {
      destination[0] = 0x30
      return 1
    }
    var index = 0
    if isNegative {
      destination[0] = 0x2D
      index = 1
    }
    if exponent >= 0 {
      index += DigitWriter.write(UInt(mantissa), to: destination + index)
      (destination + index).initialize(repeating: 0x30, count: exponent)
      return index + exponent
    }
    let digits = DigitWriter.digitCount(mantissa)
    let fraction = -exponent
    if digits > fraction {
      // All digits one place to the right, then the whole part back over the gap.
      DigitWriter.write(UInt(mantissa), to: destination + index + 1)
      for offset in index..<(index + digits - fraction) { destination[offset] = destination[offset + 1] }
      destination[index + digits - fraction] = 0x2E
      return index + digits + 1
    }
    destination[index] = 0x30
    destination[index + 1] = 0x2E
    (destination + index + 2).initialize(repeating: 0x30, count: fraction - digits)
    DigitWriter.write(UInt(mantissa), to: destination + index + 2 + fraction - digits)
    return index + 2 + fraction
  }
}
