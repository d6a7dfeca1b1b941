/// Substring tests on UTF-8 bytes. `String`'s own `contains`, `hasPrefix` and `hasSuffix`
/// compare by grapheme with canonical equivalence, which is costly on CJK text; the
/// vocabulary works on NFKC keys, where byte equality is the right equality.
extension StringProtocol {
  func containsBytes(_ needle: String) -> Bool {
    withUTF8Bytes { haystack in
      needle.withUTF8Bytes { pattern in
        guard let first = pattern.first else { return true }
        guard haystack.count >= pattern.count else { return false }
        var index = 0
        let last = haystack.count - pattern.count
        while index <= last {
          if haystack[index] == first {
            var offset = 1
            while offset < pattern.count && haystack[index + offset] == pattern[offset] { offset += 1 }
            if offset == pattern.count { return true }
          }
          index += 1
        }
        return false
      }
    }
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
    withUTF8Bytes { $0.contains(byte) }
  }

  /// The UTF-8 bytes as a buffer: iterating a `UTF8View` goes through its index machinery
  /// byte by byte, and `reversed()` copied it into an array.
  func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
    return Array(utf8).withUnsafeBufferPointer(body)
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
  private let byBytes: [ByteKey: Value]

  init() {
    byBytes = Dictionary(Value.allCases.map { (ByteKey($0.rawValue), $0) }, uniquingKeysWith: { first, _ in first })
  }

  func callAsFunction(_ text: String) -> Value? {
    if let value = byBytes[ByteKey(text)] { return value }
    // Text of ASCII, unified ideographs, CJK punctuation and kana is its own canonical form,
    // so for it different bytes mean a different string; anything else may be equivalent.
    return NFKCCheck.mayChange(text) ? Value(rawValue: text) : nil
  }
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
