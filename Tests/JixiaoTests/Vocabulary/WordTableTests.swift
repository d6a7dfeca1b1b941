import Testing

@testable import Jixiao

/// `WordTable` stands for dictionaries keyed by a word's bytes; these hold it to a
/// `Dictionary` on the vocabulary's own words and on texts around them.
@Suite struct WordTableTests {
  /// Every word of the tables the readers ask, and texts near them: cut, extended, doubled,
  /// run together, empty, and longer than any word.
  static let words: [String] =
    FormVocabulary.entries.map(\.key) + ColumnVocabulary.entries.map(\.key) + Array(UnitTable.spellings.keys)
    + Level1.allCases.map(\.rawValue) + Level2.allCases.map(\.rawValue)

  static var probes: [String] {
    var probes = ["", "a", "指标", String(repeating: "长", count: 200)]
    for word in words {
      probes += [word, word + "指标", "(" + word + ")", word + word, String(word.dropFirst()), String(word.dropLast())]
    }
    return probes
  }

  @Test func readsAsADictionary() {
    let pairs = Self.words.enumerated().map { ($0.element, $0.offset) }
    let table = WordTable(pairs)
    let dictionary = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
    for probe in Self.probes {
      #expect(table[probe] == dictionary[probe], "\(probe)")
      #expect(table[Substring(probe)] == dictionary[probe], "\(probe)")
    }
    #expect(table.words == Array(Set(Self.words)).sorted { dictionary[$0]! < dictionary[$1]! })
  }

  @Test func theFirstValueForAWordWins() {
    let table = WordTable([("数量", 1), ("质量", 2), ("数量", 3)])
    #expect(table["数量"] == 1)
    #expect(table["质量"] == 2)
    #expect(table.words == ["数量", "质量"])
  }

  @Test func anEmptyTableHoldsNothing() {
    let table = WordSet([String]())
    #expect(!table.contains(""))
    #expect(!table.contains("数量"))
  }

  /// A full table: every slot probed past a cluster ends at an empty slot.
  @Test func manyWordsOfOneLength() {
    let padded = { (number: Int) in String(repeating: "0", count: 5 - String(number).count) + String(number) }
    let words = (0..<5000).map(padded)
    let table = WordSet(words)
    for word in words { #expect(table.contains(word)) }
    for miss in (5000..<6000).map(padded) { #expect(!table.contains(miss)) }
  }

  /// A canonical table answers as a `String` dictionary, for plain words (whose equals are
  /// bounded in length) and for words with accents (whose decomposed equals are longer).
  @Test func canonicalTablesReadAsDictionaries() {
    for words in [["年度", "本年收入合计", "abc"], ["é", "café", "年度"]] {
      let pairs = words.enumerated().map { ($0.element, $0.offset) }
      let table = CanonicalWordTable(pairs)
      let dictionary = Dictionary(pairs, uniquingKeysWith: { first, _ in first })
      let probes = words + ["e\u{301}", "cafe\u{301}", "本\u{F98E}收入合计", "\u{F98E}度", "年", "年度年度", "x"]
        + [String(repeating: "\u{F98E}", count: 40)]
      for probe in probes { #expect(table[probe] == dictionary[probe], "\(probe)") }
    }
  }

  /// Units by bytes, and by the dictionary's canonical equivalence for text that is not its
  /// own canonical form: a compatibility ideograph (U+F9FD 十), a decomposed accent.
  @Test func unitsReadAsTheDictionaryReadsThem() {
    for probe in Self.probes + ["\u{F9FD}", "e\u{301}", "\u{E9}", "千\u{FE00}"] {
      #expect(UnitTable.canonical(probe) == UnitTable.spellings[probe], "\(probe)")
      #expect(UnitTable.bareScale(probe) == UnitTable.bareScales[probe], "\(probe)")
    }
  }
  /// The hash reads a word's last bytes in a few loads, where it read them one at a time: it
  /// must give the value it gave (the old one is copied here), on every probe and on random
  /// bytes of every length up to three words, at every offset of a buffer.
  @Test func theHashReadsTailsAsByteByByte() {
    func reference(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
      var hash = UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15
      var index = 0
      while index + 8 <= bytes.count {
        hash = (hash ^ ByteWord.load(bytes, at: index)) &* 0xBF58_476D_1CE4_E5B9
        hash ^= hash >> 29
        index += 8
      }
      if index < bytes.count {
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count {
          tail |= UInt64(bytes[index]) << shift
          shift += 8
          index += 1
        }
        hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
      }
      hash ^= hash >> 31
      return Int(truncatingIfNeeded: hash)
    }
    var texts = Self.probes.map { Array($0.utf8) }
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    for _ in 0..<4000 {
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      texts.append((0..<Int(state >> 59)).map { offset in UInt8(truncatingIfNeeded: state >> UInt64(offset % 56)) })
    }
    for text in texts {
      // Inside a larger buffer too, so that no load of the tail reads past it unnoticed.
      let padded = [0xAA, 0xBB] + text + [0xCC]
      padded.withUnsafeBufferPointer { buffer in
        let slice = UnsafeBufferPointer(rebasing: buffer[2..<(2 + text.count)])
        #expect(WordTable<Int>.hash(slice) == reference(slice), "\(text)")
      }
      text.withUnsafeBufferPointer { #expect(WordTable<Int>.hash($0) == reference($0), "\(text)") }
    }
  }
}
