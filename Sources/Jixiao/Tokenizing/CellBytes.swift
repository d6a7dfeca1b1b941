/// What a cell's bytes in the decoded text say about it, read in one pass: whether they are
/// ASCII (the string's flag), whether the key is the text (`TextKey.isPlain`) and how many
/// scalars they hold (the span's length). Three passes read them before, and `String`
/// validated them a fourth time.
struct CellBytes {
  var isASCII = true
  /// `TextKey.isPlain` of the text.
  var isPlain = true
  /// Unicode scalars, or nil when a CR is among them: `SourceText.scalarCount` counts a
  /// CRLF as one, and a cell on one line has none.
  var scalarCount: Int?

  /// `bytes[range]`, which start and end at scalar boundaries of valid UTF-8.
  init(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
    var scalars = 0
    var index = range.lowerBound
    let end = range.upperBound
    var sawCR = false
    guard index < end else {
      scalarCount = 0
      return
    }
    // A range that starts inside a scalar is not a cell's; the callers count it as before.
    guard bytes[index] & 0xC0 != 0x80 else {
      isASCII = false
      isPlain = false
      return
    }
    if bytes[index] == 0x2A || bytes[end - 1] == 0x3A { isPlain = false }
    while index < end {
      let byte = bytes[index]
      scalars += 1
      if byte < 0x80 {
        if byte <= 0x20 || byte >= 0x7F || byte == 0x3C {
          isPlain = false
          if byte == 0x0D { sawCR = true }
        } else if byte == 0x28 && TextKey.mayOpenGroup(bytes, at: index, start: range.lowerBound, end: end) {
          isPlain = false
        }
        index += 1
        continue
      }
      isASCII = false
      // E4–E9 lead the three-byte forms of U+4000–U+9FFF, which keep the text plain. A run
      // of them, most of a cell's text, is stepped over in a loop of its own (the general
      // loop took some 16 instructions an ideograph). `index + 2 < end`, and `end` is within
      // the buffer: the byte read is in bounds and the steps do not overflow.
      if byte &- 0xE4 < 6 && index &+ 2 < end {
        index &+= 3
        while index &+ 2 < end && bytes[index] &- 0xE4 < 6 {
          index &+= 3
          scalars &+= 1
        }
        continue
      }
      // The CJK punctuation of `TextKey.isPlainMark` keeps it plain too.
      if index + 2 < end && TextKey.isPlainMark(byte, bytes[index + 1], bytes[index + 2]) {
        index += 3
        continue
      }
      isPlain = false
      index += byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
    }
    scalarCount = sawCR ? nil : scalars
  }
}

/// Strings from bytes that are valid UTF-8 as a whole: the decoded text (`SourceDecoder`
/// makes it valid, repairing what is not) and keys made of whole scalars of a string.
/// `String(decoding:as:)` validated every cell again, a fifth of the cost of making one.
enum ValidUTF8 {
  /// `String(decoding: bytes[range], as: UTF8.self)`. A range that does not start and end at
  /// scalar boundaries is decoded (and repaired) as before; `isASCII` must be exact, it is
  /// the string's flag.
  static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, isASCII: Bool) -> String {
    precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "range out of bounds")
    guard !range.isEmpty else { return "" }
    let slice = UnsafeBufferPointer(rebasing: bytes[range])
    guard isBoundary(bytes, range.lowerBound) && isBoundary(bytes, range.upperBound) else {
      return String(decoding: slice, as: UTF8.self)
    }
    return String(copying: UTF8Span(unchecked: slice.span, isKnownASCII: isASCII))
  }

  /// `string(_:_:isASCII:)` finding out whether the bytes are ASCII.
  static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "range out of bounds")
    return string(bytes, range, isASCII: !bytes[range].contains { $0 >= 0x80 })
  }

  /// Whether a scalar starts at `index` (or the bytes end there).
  @inline(__always) private static func isBoundary(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
    index == bytes.count || bytes[index] & 0xC0 != 0x80
  }
}
