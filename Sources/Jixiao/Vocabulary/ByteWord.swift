/// Tests on eight bytes at once (a `UInt64` loaded from text), for scans in which most words
/// hold nothing of interest: a line break, a control character, a byte to escape. Each test
/// sets the high bit of the bytes it finds, and may also set it in bytes above a found one (a
/// borrow), so it is exact for whether any byte matches, not for which.
enum ByteWord {
  static let ones: UInt64 = 0x0101_0101_0101_0101
  static let highs: UInt64 = 0x8080_8080_8080_8080

  /// Bytes below `limit` (at most 0x80).
  @inline(__always) static func below(_ word: UInt64, _ limit: UInt8) -> UInt64 {
    (word &- ones &* UInt64(limit)) & ~word & highs
  }

  /// Bytes equal to `byte`.
  @inline(__always) static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
    below(word ^ (ones &* UInt64(byte)), 1)
  }

  /// How many of the eight bytes are UTF-8 continuation bytes (10xxxxxx); exact.
  @inline(__always) static func continuationCount(_ word: UInt64) -> Int {
    (word & ~(word << 1) & highs).nonzeroBitCount
  }

  @inline(__always) static func load(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> UInt64 {
    UnsafeRawPointer(bytes.baseAddress! + index).loadUnaligned(as: UInt64.self)
  }
}

extension UnsafeBufferPointer<UInt8> {
  /// Where `byte` first occurs at or after `start`, eight bytes at a time.
  func firstIndex(ofByte byte: UInt8, from start: Int = 0) -> Int? {
    var index = start
    while index + 8 <= count && ByteWord.equal(ByteWord.load(self, at: index), byte) == 0 { index += 8 }
    while index < count {
      if self[index] == byte { return index }
      index += 1
    }
    return nil
  }
}
