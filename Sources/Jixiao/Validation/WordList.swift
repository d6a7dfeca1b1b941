/// Words sought in one walk over a text's bytes: `words.contains { text.containsBytes($0) }`
/// walked the text once per word, each time reaching both buffers anew, and a check asks this
/// of every indicator's name.
struct WordList: Sendable {
  private let words: [[UInt8]]
  /// Whether a byte begins some word: most positions are ruled out by this alone.
  private let firstBytes: [Bool]

  init(_ words: [String]) {
    precondition(!words.contains { $0.isEmpty }, "an empty word occurs everywhere")
    self.words = words.map { Array($0.utf8) }
    var firstBytes = [Bool](repeating: false, count: 256)
    for word in self.words { firstBytes[Int(word[0])] = true }
    self.firstBytes = firstBytes
  }

  /// Whether any word occurs in `text`, by bytes.
  func anyOccurs(in text: String) -> Bool {
    text.withUTF8Bytes { bytes in
      var index = 0
      while index < bytes.count {
        if firstBytes[Int(bytes[index])] {
          for word in words where bytes.count - index >= word.count {
            if word.withUnsafeBufferPointer({ equalBytes(bytes.baseAddress! + index, $0.baseAddress, word.count) }) { return true }
          }
        }
        index += 1
      }
      return false
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
