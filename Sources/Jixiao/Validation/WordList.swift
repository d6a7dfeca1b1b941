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
        var index = 0
        while index < bytes.count {
          let mayBegin =
            index + 1 < bytes.count ? firstPairs[Int(bytes[index]) << 8 | Int(bytes[index + 1])] : firstBytes[Int(bytes[index])]
          if mayBegin {
            for word in words where bytes.count - index >= word.count {
              if word.withUnsafeBufferPointer({ equalBytes(bytes.baseAddress! + index, $0.baseAddress, word.count) }) { return true }
            }
          }
          index += 1
        }
        return false
      }
    }
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
