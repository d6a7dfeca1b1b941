/// Substring tests on UTF-8 bytes. `String`'s own `contains`, `hasPrefix` and `hasSuffix`
/// compare by grapheme with canonical equivalence, which is costly on CJK text; the
/// vocabulary works on NFKC keys, where byte equality is the right equality.
extension StringProtocol {
  func containsBytes(_ needle: String) -> Bool {
    withUTF8Bytes { haystack in needle.withUTF8Bytes { haystack.firstIndex(of: $0) != nil } }
  }

  func hasPrefixBytes(_ prefix: String) -> Bool {
    withUTF8Bytes { text in
      prefix.withUTF8Bytes { prefix in
        text.count >= prefix.count && equalBytes(text.baseAddress, prefix.baseAddress, prefix.count)
      }
    }
  }

  func hasSuffixBytes(_ suffix: String) -> Bool {
    withUTF8Bytes { text in
      suffix.withUTF8Bytes { suffix in
        text.count >= suffix.count && equalBytes(text.baseAddress.map { $0 + (text.count - suffix.count) }, suffix.baseAddress, suffix.count)
      }
    }
  }

  func containsByte(_ byte: UInt8) -> Bool {
    withUTF8Bytes { $0.firstIndex(ofByte: byte) != nil }
  }

  /// Whether a byte is an ASCII digit, eight bytes at a time: `utf8.contains(where:)` on a
  /// string costs about twenty instructions a byte.
  func containsASCIIDigit() -> Bool {
    withUTF8Bytes { bytes in
      var index = 0
      while index + 8 <= bytes.count {
        if CellShape.hasDigitByte(ByteWord.load(bytes, at: index)) { return true }
        index += 8
      }
      while index < bytes.count {
        if bytes[index] >= 0x30 && bytes[index] <= 0x39 { return true }
        index += 1
      }
      return false
    }
  }

  /// The same bytes as `other`: `==` on `String` compares by canonical equivalence, which on
  /// CJK text normalises both sides; keys are NFKC already.
  func equalsBytes(_ other: String) -> Bool {
    withUTF8Bytes { text in
      other.withUTF8Bytes { other in text.count == other.count && equalBytes(text.baseAddress, other.baseAddress, text.count) }
    }
  }

  /// `count` (characters), without grapheme breaking where no scalar can join another: on
  /// text of ASCII, CJK ideographs and CJK or full-width punctuation every scalar is its own
  /// character, and counting scalars gives the same number. Anything else (a combining mark,
  /// a joiner, CR before LF, an emoji) falls back to `count`.
  var characterCount: Int { scalarCountIfEachIsACharacter ?? count }

  /// The number of scalars when each is a character of its own (ASCII but CR, and CJK or
  /// full-width scalars that stand alone); nil when one could join another.
  var scalarCountIfEachIsACharacter: Int? {
    withUTF8Bytes { bytes in
      var count = 0
      var index = 0
      while index < bytes.count {
        let lead = bytes[index]
        if lead < 0x80 {
          guard lead != 0x0D else { return nil }
          index += 1
        } else if lead & 0xF0 == 0xE0, index + 2 < bytes.count {
          let scalar = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
          guard Self.standsAlone(scalar) else { return nil }
          index += 3
        } else {
          return nil
        }
        count += 1
      }
      return count
    }
  }

  /// Three-byte scalars that are never part of a longer grapheme cluster: CJK ideographs,
  /// CJK punctuation (not the ideographic tone marks 〪–〯), full-width forms (not the
  /// half-width sound marks ﾞﾟ), general punctuation (not the joiners and direction marks).
  @inline(__always)
  private static func standsAlone(_ scalar: UInt32) -> Bool {
    switch scalar {
    case 0x4E00...0x9FFF, 0x3400...0x4DBF: true
    case 0x3000...0x3029, 0x3030...0x303F: true
    case 0xFF01...0xFF9D, 0xFFE0...0xFFE6: true
    case 0x2010...0x2027, 0x2030...0x205E: true
    default: false
    }
  }

  /// The UTF-8 bytes as a buffer: iterating a `UTF8View` goes through its index machinery
  /// byte by byte, and `reversed()` copied it into an array.
  func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
    return Array(utf8).withUnsafeBufferPointer(body)
  }
}

/// The byte tests on `String` itself. The `StringProtocol` ones run, wherever a caller is not
/// specialised, as an unspecialised generic closure with a retain and release of each side;
/// these read a native or small string's bytes in place, and texts whose lengths decide
/// (most comparisons) are answered without reaching the bytes. A text that lends no bytes
/// in place (bridged) takes the generic path.
extension String {
  @inline(__always)
  func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
    return Array(utf8).withUnsafeBufferPointer(body)
  }

  /// Texts of different lengths differ without reaching their bytes (some 130 instructions
  /// a comparison through the generic path).
  @inline(__always)
  func equalsBytes(_ other: String) -> Bool {
    let leftBytes = utf8
    let rightBytes = other.utf8
    guard leftBytes.count == rightBytes.count else { return false }
    let same: Bool?? = leftBytes.withContiguousStorageIfAvailable { left in
      rightBytes.withContiguousStorageIfAvailable { right in equalBytes(left.baseAddress, right.baseAddress, left.count) }
    }
    if case .some(.some(let answer)) = same { return answer }
    // A bridged text lends no bytes: copies of both.
    return Array(leftBytes) == Array(rightBytes)
  }

  @inline(__always)
  func hasPrefixBytes(_ prefix: String) -> Bool {
    guard utf8.count >= prefix.utf8.count else { return false }
    return withUTF8Bytes { text in prefix.withUTF8Bytes { equalBytes(text.baseAddress, $0.baseAddress, $0.count) } }
  }

  @inline(__always)
  func hasSuffixBytes(_ suffix: String) -> Bool {
    guard utf8.count >= suffix.utf8.count else { return false }
    return withUTF8Bytes { text in
      suffix.withUTF8Bytes { suffix in
        equalBytes(text.baseAddress.map { $0 + (text.count - suffix.count) }, suffix.baseAddress, suffix.count)
      }
    }
  }

  @inline(__always)
  func containsBytes(_ needle: String) -> Bool {
    guard utf8.count >= needle.utf8.count else { return false }
    return withUTF8Bytes { haystack in needle.withUTF8Bytes { haystack.firstIndex(of: $0) != nil } }
  }
}

extension String {
  /// `unicodeScalars.count <= limit`, counted only when the bytes do not decide (a scalar
  /// takes one to four of them).
  func hasAtMostScalars(_ limit: Int) -> Bool {
    let bytes = utf8.count
    if bytes <= limit { return true }
    if bytes > 4 * limit { return false }
    return unicodeScalars.count <= limit
  }

  /// The lines of the text, split at "\n" by bytes, as `split(separator: "\n")` splits them:
  /// that walks the text character by character, which on CJK text costs a grapheme break
  /// test per scalar. A "\n" is a character of its own except after "\r", where the two are
  /// one character and `split` leaves them together; so does this.
  func lineSlices(omittingEmpty: Bool = true) -> [Substring] {
    let cuts: [Int] = withUTF8Bytes { bytes in
      var cuts: [Int] = []
      for index in bytes.indices where bytes[index] == 0x0A && (index == 0 || bytes[index - 1] != 0x0D) {
        cuts.append(index)
      }
      return cuts
    }
    var lines: [Substring] = []
    lines.reserveCapacity(cuts.count + 1)
    var start = 0
    for cut in cuts + [utf8.count] {
      if !(omittingEmpty && cut == start) {
        lines.append(self[utf8.index(startIndex, offsetBy: start)..<utf8.index(startIndex, offsetBy: cut)])
      }
      start = cut + 1
    }
    return lines
  }
}

/// A vocabulary key compared and hashed by its bytes. It holds the string itself: a lookup
/// per cell should not allocate a byte array.
struct ByteKey: Hashable {
  let text: String

  init(_ text: some StringProtocol) {
    self.text = String(text)
  }

  static func == (left: ByteKey, right: ByteKey) -> Bool {
    left.text.withUTF8Bytes { left in
      right.text.withUTF8Bytes { right in left.count == right.count && equalBytes(left.baseAddress, right.baseAddress, left.count) }
    }
  }

  // One call for the whole key: hashing byte by byte costs a call per byte.
  func hash(into hasher: inout Hasher) {
    text.withUTF8Bytes { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
  }

  /// What `Dictionary` and `Set` call: FNV-1a over the bytes with a final avalanche, seeded
  /// as they ask, instead of SipHash (vocabulary lookups run for every cell; SipHash's
  /// set-up and finalisation cost more than the short keys it hashes). The tables are
  /// built from our own vocabulary, so flooding resistance buys nothing here.
  func _rawHashValue(seed: Int) -> Int {
    text.withUTF8Bytes { bytes in
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(bitPattern: Int64(seed))
      for byte in bytes {
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
      }
      hash ^= hash >> 33
      hash &*= 0xff51_afd7_ed55_8ccd
      hash ^= hash >> 33
      hash &*= 0xc4ce_b9fe_1a85_ec53
      hash ^= hash >> 33
      return Int(bitPattern: UInt(hash))
    }
  }
}

extension String {
  /// Every occurrence of `target` replaced by `replacement`, found by bytes. `replacing(_:with:)`
  /// and `split(separator:)` with a string come from _StringProcessing, which copies the text
  /// into an array of characters for each search (tens of thousands of instructions a call on
  /// a cell); `ReadingPathSymbolTests` keeps them out of the reading path.
  func replacingBytes(_ target: String, with replacement: String) -> String {
    var parts = componentsBytes(separatedBy: target)
    guard parts.count > 1 else { return self }
    var result = parts.removeFirst()
    for part in parts {
      result += replacement
      result += part
    }
    return result
  }

  /// The pieces between occurrences of `separator` (an empty one where two are adjacent or at
  /// either end), found by bytes; the whole text, once, when it does not occur.
  func componentsBytes(separatedBy separator: String) -> [String] {
    withUTF8Bytes { text in
      separator.withUTF8Bytes { separator in
        guard !separator.isEmpty else { return [self] }
        var pieces: [String] = []
        var start = 0
        while let found = text.firstIndex(of: separator, from: start) {
          pieces.append(String(decoding: UnsafeBufferPointer(rebasing: text[start..<found]), as: UTF8.self))
          start = found + separator.count
        }
        pieces.append(String(decoding: UnsafeBufferPointer(rebasing: text[start...]), as: UTF8.self))
        return pieces
      }
    }
  }
}

/// `count` bytes at `left` and `right` are equal. A plain loop: `elementsEqual` on buffers
/// goes through two optional-returning iterators per byte.
@inline(__always)
func equalBytes(_ left: UnsafePointer<UInt8>?, _ right: UnsafePointer<UInt8>?, _ count: Int) -> Bool {
  guard count > 0, let left, let right else { return true }
  var index = 0
  while index < count {
    if left[index] != right[index] { return false }
    index += 1
  }
  return true
}

/// The cases of a string-valued enum by raw value, matched on bytes. `init(rawValue:)`
/// compares the text with every case by canonical equivalence, which costs a Unicode
/// comparison per case on CJK text.
struct RawValueIndex<Value: RawRepresentable & CaseIterable & Sendable>: Sendable where Value.RawValue == String {
  private let table = CanonicalWordTable(Value.allCases.map { ($0.rawValue, $0) })

  func callAsFunction(_ text: String) -> Value? { table[text] }

  /// The case named by the bytes of a text that `TextKey.isPlain` accepts.
  func callAsFunction(plainBytes bytes: UnsafeBufferPointer<UInt8>) -> Value? { table[plainBytes: bytes] }
}

extension Level1 {
  static let named = RawValueIndex<Level1>()
}

extension Level2 {
  static let named = RawValueIndex<Level2>()
}

extension MoneyUnit {
  static let named = RawValueIndex<MoneyUnit>()
}

extension UnsafeBufferPointer<UInt8> {
  /// Where `pattern` first occurs at or after `start` (`start` itself for an empty pattern).
  @inline(__always)
  ///
  /// Candidates are found by the pattern's last byte, eight bytes at a time: in CJK text a
  /// pattern's first byte (a lead byte, E4–E9 for most ideographs) occurs at nearly every
  /// character, its last byte (one of 64 continuation bytes) far less often.
  func firstIndex(of pattern: UnsafeBufferPointer<UInt8>, from start: Int = 0) -> Int? {
    guard let lastByte = pattern.last else { return start }
    let length = pattern.count
    guard count >= length, start <= count - length else { return nil }
    var end = start + length - 1
    while let found = firstIndex(ofByte: lastByte, from: end) {
      let candidate = found - length + 1
      var offset = 0
      while offset < length - 1 && self[candidate + offset] == pattern[offset] { offset += 1 }
      if offset == length - 1 { return candidate }
      end = found + 1
    }
    return nil
  }

  func firstIndex(of pattern: [UInt8], from start: Int = 0) -> Int? {
    pattern.withUnsafeBufferPointer { firstIndex(of: $0, from: start) }
  }

  /// Whether `pattern` occurs at `start`.
  func hasBytes(_ pattern: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
    guard start >= 0, start + pattern.count <= count else { return false }
    for offset in 0..<pattern.count where self[start + offset] != pattern[offset] { return false }
    return true
  }

  func hasBytes(_ pattern: [UInt8], at start: Int) -> Bool {
    pattern.withUnsafeBufferPointer { hasBytes($0, at: start) }
  }
}

extension String {
  /// The text of a run of scalars, encoded straight into the new string's storage:
  /// `String(scalars: scalars)` appends them one by one through the generic
  /// path, at several times the cost.
  init(scalars: some Collection<Unicode.Scalar>) {
    var capacity = 0
    for scalar in scalars { capacity += UTF8.width(scalar) }
    self.init(unsafeUninitializedCapacity: capacity) { buffer in
      var count = 0
      for scalar in scalars {
        UTF8.encode(scalar) { unit in
          buffer[count] = unit
          count += 1
        }
      }
      return count
    }
  }
}
