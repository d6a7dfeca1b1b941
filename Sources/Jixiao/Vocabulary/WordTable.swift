/// A fixed table from vocabulary words to values, looked up by the UTF-8 bytes of a text.
///
/// Vocabulary lookups run for every cell (level names, column headings, form labels) and
/// nearly all of them miss. A `Dictionary` keyed by `ByteKey` cost about 500 instructions a
/// lookup: a string wrapper made and released, a hash of every byte, comparisons through
/// closures. This table hashes eight bytes at a time, rejects texts longer than its longest
/// word or shorter than its shortest before hashing, and compares bytes in place. The words are ours and the table never
/// changes, so a fixed hash cannot be flooded: a probe ends at an empty slot whatever the
/// text, after at most the longest cluster of the words themselves.
struct WordTable<Value: Sendable>: Sendable {
  private struct Entry: Sendable {
    let start: Int
    let count: Int
    let value: Value
  }

  /// The words' bytes, one after another.
  private let store: [UInt8]
  private let entries: [Entry]
  /// Open addressing: an index into `entries`, or -1 for an empty slot.
  private let slots: [Int32]
  private let mask: Int
  /// Bytes of the longest and of the shortest word.
  let longestWord: Int
  let shortestWord: Int

  /// The table of `pairs`; the first value given for a word wins.
  init(_ pairs: some Sequence<(String, Value)>) {
    let pairs = Array(pairs)
    var store: [UInt8] = []
    var entries: [Entry] = []
    var size = 8
    while size < pairs.count * 4 { size *= 2 }
    var slots = [Int32](repeating: -1, count: size)
    // A word given twice is found in its probe sequence and skipped: by bytes, since a
    // `Set<String>` hashed the words' canonical forms (3 M instructions at start-up).
    for (word, value) in pairs {
      let start = store.count
      store.append(contentsOf: word.utf8)
      let isNew = store.withUnsafeBufferPointer { bytes in
        let wordBytes = UnsafeBufferPointer(rebasing: bytes[start...])
        var slot = WordTable.hash(wordBytes) & (size - 1)
        while slots[slot] >= 0 {
          let other = entries[Int(slots[slot])]
          if other.count == wordBytes.count && equalBytes(bytes.baseAddress! + other.start, wordBytes.baseAddress, other.count) {
            return false
          }
          slot = (slot + 1) & (size - 1)
        }
        slots[slot] = Int32(entries.count)
        return true
      }
      if isNew {
        entries.append(Entry(start: start, count: store.count - start, value: value))
      } else {
        store.removeLast(store.count - start)
      }
    }
    self.store = store
    self.entries = entries
    self.slots = slots
    mask = size - 1
    longestWord = entries.map(\.count).max() ?? 0
    shortestWord = entries.map(\.count).min() ?? 0
  }

  subscript(text: some StringProtocol) -> Value? {
    text.withUTF8Bytes { self[$0] }
  }

  subscript(bytes: UnsafeBufferPointer<UInt8>) -> Value? {
    guard bytes.count <= longestWord && bytes.count >= shortestWord else { return nil }
    return store.withUnsafeBufferPointer { store in
      var slot = WordTable.hash(bytes) & mask
      while true {
        let index = Int(slots[slot])
        guard index >= 0 else { return nil }
        let entry = entries[index]
        if entry.count == bytes.count && equalBytes(store.baseAddress! + entry.start, bytes.baseAddress, bytes.count) {
          return entry.value
        }
        slot = (slot + 1) & mask
      }
    }
  }

  func contains(_ text: some StringProtocol) -> Bool { self[text] != nil }

  /// The words, in the order given.
  var words: [String] {
    entries.map { String(decoding: store[$0.start..<($0.start + $0.count)], as: UTF8.self) }
  }

  /// The words with their values, in the order given.
  var pairs: [(word: String, value: Value)] {
    zip(words, entries.map(\.value)).map { ($0, $1) }
  }

  /// Eight bytes at a time, each word mixed in by a multiply and a shift, the length first
  /// so that a word and its zero-padded tail differ.
  static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    let count = bytes.count
    var hash = UInt64(count) &* 0x9E37_79B9_7F4A_7C15
    var index = 0
    while index + 8 <= count {
      hash = (hash ^ ByteWord.load(bytes, at: index)) &* 0xBF58_476D_1CE4_E5B9
      hash ^= hash >> 29
      index += 8
    }
    if index < count {
      hash = (hash ^ tail(bytes, from: index)) &* 0x94D0_49BB_1331_11EB
    }
    hash ^= hash >> 31
    return Int(truncatingIfNeeded: hash)
  }

  /// `bytes[index...]` (one to seven bytes) as a little-endian word, zero above: read in
  /// at most three loads, where a byte at a time cost a third of the hash of a word.
  @inline(__always)
  static func tail(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int) -> UInt64 {
    let count = bytes.count
    let remaining = count - index
    precondition(remaining > 0 && remaining < 8 && index >= 0, "not a tail")
    // The last eight bytes, shifted down to the tail's.
    if count >= 8 { return UInt64(littleEndian: ByteWord.load(bytes, at: count - 8)) >> UInt64(8 * (8 - remaining)) }
    // Fewer than eight bytes in all (index is 0): two loads that may overlap, whose common
    // bytes are the same.
    let base = UnsafeRawPointer(bytes.baseAddress!)
    if count >= 4 {
      let low = UInt64(UInt32(littleEndian: base.loadUnaligned(as: UInt32.self)))
      let high = UInt64(UInt32(littleEndian: base.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)))
      return low | high << UInt64(8 * (count - 4))
    }
    let middle = count >> 1
    return UInt64(bytes[0]) | UInt64(bytes[middle]) << UInt64(8 * middle) | UInt64(bytes[count - 1]) << UInt64(8 * (count - 1))
  }
}

extension WordTable where Value == Void {
  /// A set of words.
  init(_ words: some Sequence<String>) {
    self.init(words.lazy.map { ($0, ()) })
  }
}

typealias WordSet = WordTable<Void>

/// A `WordTable` that answers as a `String`-keyed dictionary does, by canonical equivalence.
/// Text whose every scalar NFKC leaves alone (ASCII, unified ideographs, CJK punctuation,
/// kana) is its own canonical form, so for it a miss by bytes is a miss; other text (a
/// compatibility ideograph, a decomposed accent) may be equivalent to a word and is asked of
/// the dictionary.
struct CanonicalWordTable<Value: Sendable>: Sendable {
  private let byBytes: WordTable<Value>
  private let byString: [String: Value]
  /// Bytes beyond which no text equals a word. When every word's scalars normalise to
  /// themselves, a text equal to one decomposes to it, to a scalar or more for each of its
  /// own: it has no more scalars than the word, of four bytes at most. (Hashing a long text
  /// that is not ASCII normalises it, some 5,000 instructions a line of prose.)
  private let fallbackBytes: Int

  /// The table of `pairs`; the first value given for a word wins.
  init(_ pairs: [(String, Value)]) {
    byBytes = WordTable(pairs)
    byString = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    fallbackBytes =
      pairs.allSatisfy { !NFKCCheck.mayChange($0.0) }
      ? 4 * (pairs.map(\.0.unicodeScalars.count).max() ?? 0) : .max
  }

  /// The value of a text that `TextKey.isPlain` accepts, by its bytes: every scalar of it is
  /// its own canonical form, so a miss by bytes is a miss.
  subscript(plainBytes bytes: UnsafeBufferPointer<UInt8>) -> Value? { byBytes[bytes] }

  subscript(text: String) -> Value? {
    if let value = byBytes[text] { return value }
    guard text.utf8.count <= fallbackBytes, NFKCCheck.mayChange(text) else { return nil }
    return byString[text]
  }
}
