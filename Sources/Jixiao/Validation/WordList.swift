/// Words sought in one walk over a text's bytes: `words.contains { text.containsBytes($0) }`
/// walked the text once per word, each time reaching both buffers anew, and a check asks this
/// of every indicator's name.
struct WordList: Sendable {
  private let words: [[UInt8]]
  /// Whether a byte begins some word: at the last byte, where only a one-byte word fits.
  private let firstBytes: [Bool]
  /// Whether two bytes (the first times 256 plus the second) begin some word; a one-byte word
  /// marks every pair it begins. Most positions are ruled out by this alone: every CJK
  /// character of U+4000–U+9FFF has one of six lead bytes, so the first byte of a CJK word
  /// let nearly every position of a CJK text through.
  private let firstPairs: [Bool]

  init(_ words: [String]) {
    precondition(!words.contains { $0.isEmpty }, "an empty word occurs everywhere")
    self.words = words.map { Array($0.utf8) }
    var firstBytes = [Bool](repeating: false, count: 256)
    var firstPairs = [Bool](repeating: false, count: 256 * 256)
    for word in self.words {
      firstBytes[Int(word[0])] = true
      if word.count == 1 {
        for second in 0..<256 { firstPairs[Int(word[0]) << 8 | second] = true }
      } else {
        firstPairs[Int(word[0]) << 8 | Int(word[1])] = true
      }
    }
    self.firstBytes = firstBytes
    self.firstPairs = firstPairs
  }

  /// Whether any word occurs in `text`, by bytes.
  func anyOccurs(in text: String) -> Bool {
    firstPairs.withUnsafeBufferPointer { firstPairs in
      text.withUTF8Bytes { bytes in
        // Every position but the last has a pair; the last is tested on its own after.
        let last = bytes.count - 1
        var index = 0
        while index < last {
          let byte = bytes[index]
          if firstPairs[Int(byte) << 8 | Int(bytes[index + 1])], occurs(at: index, in: bytes) { return true }
          // A word is UTF-8, as the text is, so it begins where a scalar does: step over the
          // scalar's continuation bytes (a third of the positions of a CJK text).
          index &+= Self.scalarLength(leading: byte)
        }
        return index == last && firstBytes[Int(bytes[index])] && occurs(at: index, in: bytes)
      }
    }
  }

  /// Whether a word begins at `index` of `bytes`.
  @inline(__always)
  private func occurs(at index: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    for word in words where bytes.count - index >= word.count {
      if word.withUnsafeBufferPointer({ equalBytes(bytes.baseAddress! + index, $0.baseAddress, word.count) }) { return true }
    }
    return false
  }

  /// The bytes of the UTF-8 scalar a byte begins, by its high four bits (0x0–0xB one, 0xC
  /// and 0xD two, 0xE three, 0xF four; a continuation byte, which a valid text never steps
  /// onto, one).
  @inline(__always)
  static func scalarLength(leading byte: UInt8) -> Int {
    Int(truncatingIfNeeded: (0x4322_1111_1111_1111 as UInt64) &>> (UInt64(byte &>> 4) &<< 2) & 0xF)
  }

  /// Whether `text` ends with any word, by bytes.
  func anyEnds(_ text: String) -> Bool {
    text.withUTF8Bytes { bytes in
      for word in words where bytes.count >= word.count {
        if word.withUnsafeBufferPointer({ equalBytes(bytes.baseAddress! + (bytes.count - word.count), $0.baseAddress, word.count) }) { return true }
      }
      return false
    }
  }
}
