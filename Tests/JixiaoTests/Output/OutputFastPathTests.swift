import FoundationEssentials
import Testing

@testable import Jixiao

/// The escaper as it was before the sixteen-byte scan (eight bytes at a time, clean runs
/// appended by length): the new one must write the same bytes for every input.
enum LegacyJSONEscape {
  static func below(_ word: UInt64, _ limit: UInt8) -> UInt64 {
    (word &- 0x0101_0101_0101_0101 &* UInt64(limit)) & ~word & 0x8080_8080_8080_8080
  }

  static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 { below(word ^ (0x0101_0101_0101_0101 &* UInt64(byte)), 1) }

  static func isSpecial(_ byte: UInt8) -> Bool { byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F }

  static func hasSpecial(_ word: UInt64) -> Bool {
    below(word, 0x20) | equal(word, 0x22) | equal(word, 0x5C) | equal(word, 0x7F) != 0
  }

  static func firstSpecial(_ base: UnsafePointer<UInt8>, from: Int, count: Int) -> Int {
    var index = from
    while index + 8 <= count, !hasSpecial(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
      index += 8
    }
    if index < count, index + 8 > count, count >= 8,
      !hasSpecial(UnsafeRawPointer(base + count - 8).loadUnaligned(as: UInt64.self))
    {
      return count
    }
    while index < count, !isSpecial(base[index]) { index += 1 }
    return index
  }

  static func hexDigit(_ nibble: UInt8) -> UInt8 { nibble < 10 ? 0x30 + nibble : 0x57 + nibble }

  static func escaped(_ byte: UInt8) -> [UInt8] {
    switch byte {
    case 0x22: return Array("\\\"".utf8)
    case 0x5C: return Array("\\\\".utf8)
    case 0x0A: return Array("\\n".utf8)
    case 0x0D: return Array("\\r".utf8)
    case 0x09: return Array("\\t".utf8)
    default: return Array("\\u00".utf8) + [hexDigit(byte >> 4), hexDigit(byte & 0xF)]
    }
  }

  static func quoted(_ bytes: [UInt8]) -> [UInt8] {
    var result: [UInt8] = [0x22]
    bytes.withUnsafeBufferPointer { buffer in
      guard let base = buffer.baseAddress else { return }
      var runStart = 0
      while true {
        let special = firstSpecial(base, from: runStart, count: buffer.count)
        result += buffer[runStart..<special]
        guard special < buffer.count else { break }
        result += escaped(base[special])
        runStart = special + 1
      }
    }
    return result + [0x22]
  }
}

@Suite struct JSONEscapeTests {
  /// Through the buffer's byte entry point (any bytes, valid UTF-8 or not), starting at
  /// `offset` bytes into the buffer so that the destination's alignment varies too.
  static func quoted(_ bytes: [UInt8], offset: Int = 0) -> [UInt8] {
    var buffer = OutputBuffer(capacity: 16)
    buffer.append(0x41, count: offset)
    bytes.withUnsafeBufferPointer { buffer.appendQuoted($0) }
    return Array(buffer.array.dropFirst(offset))
  }

  static func check(_ bytes: [UInt8], _ comment: @autoclosure () -> String = "", offset: Int = 0) -> Bool {
    let expected = LegacyJSONEscape.quoted(bytes)
    guard quoted(bytes, offset: offset) == expected else {
      Issue.record("bytes \(bytes) \(comment())")
      return false
    }
    if let text = String(validating: bytes, as: UTF8.self) {
      var writer = JSONWriter(pretty: false)
      writer.string(text)
      guard writer.bytes == expected else {
        Issue.record("string \(bytes) \(comment())")
        return false
      }
      // As an object's members (the key and value written in one go on one line): first,
      // then after another, under keys of every length the key copy takes apart.
      let key = memberKeys[bytes.count % memberKeys.count]
      let keyBytes = Array(UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount))
      var members = JSONWriter(pretty: false)
      members.object { w in
        w.field(key, text)
        w.field(key, text)
      }
      let member = [0x22] + keyBytes + [0x22, 0x3A] + expected
      guard members.bytes == [0x7B] + member + [0x2C] + member + [0x7D] else {
        Issue.record("member \(bytes) \(comment())")
        return false
      }
    }
    return true
  }

  /// Keys of the lengths `ByteCopy` copies differently (the one-character literal is not a
  /// pointer).
  static let memberKeys: [StaticString] = [
    "k", "ab", "abc", "span", "level1", "level1Raw", "sharesNameAndTarget", "sharesNameAndTargetWithAbove",
    "a key longer than thirty-two bytes",
  ]

  static let fillers: [[UInt8]] = [
    Array("a".utf8), Array("值".utf8), Array("é".utf8), Array("😀".utf8), [0x80], [0xFF], [0xA0], [0x9F],
  ]

  /// Every byte value at every place of strings up to 40 bytes long (blocks of 16, words of
  /// 8 and 4, and their overlapping tails) amid ASCII and CJK text; the bytes around each
  /// special value amid other multi-byte text and stray high bytes.
  @Test func everyByteAtEveryPlace() {
    let near: [UInt8] = [0x00, 0x01, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x5B, 0x5C, 0x5D, 0x7E, 0x7F, 0x80, 0xA2, 0xDC, 0xFF]
    var failures = 0
    for (fillerIndex, filler) in Self.fillers.enumerated() {
      let values = fillerIndex < 2 ? Array(UInt8(0)...UInt8(255)) : near
      for length in 0..<(fillerIndex < 2 ? 41 : 50) {
        let base = Array((0..<length).map { filler[$0 % filler.count] })
        #expect(Self.check(base, "length \(length)"))
        for place in 0..<length {
          for byte in values {
            var bytes = base
            bytes[place] = byte
            if !Self.check(bytes, "length \(length) place \(place)") { failures += 1 }
            if failures > 20 { return }
          }
        }
      }
    }
  }

  /// Two special bytes in one string, the second anywhere after the first.
  @Test func specialPairs() {
    let specials: [UInt8] = [0x00, 0x09, 0x0A, 0x1F, 0x22, 0x5C, 0x7F]
    for length in [1, 3, 4, 7, 8, 9, 15, 16, 17, 31, 32, 33, 40] {
      let base = [UInt8](repeating: 0x61, count: length)
      for first in 0..<length {
        for second in first..<length {
          for a in specials {
            var bytes = base
            bytes[first] = a
            bytes[second] = specials[(first + second) % specials.count]
            #expect(Self.check(bytes, "\(first) \(second)"))
          }
        }
      }
    }
  }

  /// A multi-byte character at every alignment, its bytes crossing the ends of the words
  /// and blocks, and cut off at the end.
  @Test func multiByteAtEveryAlignment() {
    let characters = ["é", "值", "≥", "😀", "\u{85}", "\u{7FF}"].map { Array($0.utf8) }
    for character in characters {
      for length in 0..<48 {
        for place in 0...length {
          var bytes = [UInt8](repeating: 0x62, count: length)
          bytes.insert(contentsOf: character, at: place)
          #expect(Self.check(bytes, "place \(place)"))
          #expect(Self.check(bytes + [0x22], "place \(place) quote"))
          #expect(Self.check([0x0A] + bytes, "place \(place) newline", offset: place % 16))
          #expect(Self.check(Array(bytes.prefix(place + 1)), "cut at \(place)"))
        }
      }
    }
  }

  /// Runs of escapes, long texts with specials near their ends, written at every offset.
  @Test func longTextsAtEveryOffset() {
    let texts: [[UInt8]] = [
      [UInt8](repeating: 0x22, count: 40), [UInt8](repeating: 0x5C, count: 33), Array(0...0x7F),
      Array((0...255).reversed()), Array(String(repeating: "指标值≥95%", count: 30).utf8) + [0x7F, 0x0D],
      [0x1F] + Array(String(repeating: "满意度", count: 11).utf8) + [0x22],
      Array(String(repeating: "x", count: 1000).utf8) + [0x01] + Array(String(repeating: "y", count: 17).utf8),
    ]
    for text in texts {
      for offset in 0..<17 {
        #expect(Self.check(text, "offset \(offset)", offset: offset))
      }
    }
  }

  /// Every string of the corpus output (the golden files), and every line of the corpus
  /// documents as read (tabs, carriage returns, other encodings' bytes).
  static let corpusStrings: [[UInt8]] = {
    var strings: [[UInt8]] = []
    func collect(_ value: JSON) {
      switch value {
      case .string(let text): strings.append(Array(text.utf8))
      case .array(let items): items.forEach(collect)
      case .object(let members):
        for (key, member) in members {
          strings.append(Array(key.utf8))
          collect(member)
        }
      default: break
      }
    }
    for path in CorpusTests.documents {
      let base = CorpusTests.root + "/" + String(path.dropLast(4))
      if let golden = CorpusFiles.read(base + ".expected.json"), let json = try? JSONReader.read(golden) {
        collect(json)
      }
      if let text = CorpusFiles.read(CorpusTests.root + "/" + path) {
        strings += text.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
      }
    }
    return strings
  }()

  @Test func corpusStrings() {
    #expect(Self.corpusStrings.count > 10_000)
    var failures = 0
    for (index, bytes) in Self.corpusStrings.enumerated()
    where !Self.check(bytes, "corpus string \(index)", offset: index % 16) {
      failures += 1
      if failures > 20 { break }
    }
  }
}

/// `DigitWriter.write` as it was before three to five digits were written without counting
/// them: the new one must write the same digits.
enum LegacyDigitWriter {
  static func write(_ value: UInt) -> [UInt8] {
    let pairs = Array(
      "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"
        .utf8)
    let digits = DigitWriter.digitCount(UInt64(value))
    var destination = [UInt8](repeating: 0, count: digits)
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
    return destination
  }
}

@Suite struct DigitWriterTests {
  static func written(_ value: UInt, short: Bool) -> [UInt8] {
    let storage = UnsafeMutablePointer<UInt8>.allocate(capacity: 24)
    defer { storage.deallocate() }
    storage.initialize(repeating: 0xEE, count: 24)
    let count = short ? DigitWriter.writeShort(value, to: storage) : DigitWriter.write(value, to: storage)
    // Nothing written past the digits.
    #expect((count..<24).allSatisfy { storage[$0] == 0xEE }, "\(value)")
    return Array(UnsafeBufferPointer(start: storage, count: count))
  }

  @Test func sameDigitsAsBefore() {
    var values = Array(UInt(0)...200_000)
    var power: UInt = 1
    for _ in 0..<19 {
      power *= 10
      values += [power - 1, power, power + 1, power / 3 * 2]
    }
    values += [UInt.max, UInt.max - 1, UInt(Int.max), 999_999, 1_000_000, 12_345_678]
    var generator = SystemRandomNumberGenerator()
    values += (0..<10_000).map { _ in UInt.random(in: 0...UInt.max, using: &generator) >> UInt.random(in: 0..<64, using: &generator) }
    for value in values {
      let expected = LegacyDigitWriter.write(value)
      #expect(Self.written(value, short: false) == expected, "\(value)")
      #expect(Self.written(value, short: true) == expected, "\(value)")
      #expect(Array(String(value).utf8) == expected)
    }
  }
}

/// The encoder writes enumeration values as static literals and an indicator's target from
/// its fields in place: both must write what the raw values and `target(_:_:)` write.
@Suite struct EncoderLiteralTests {
  static func literal(_ text: StaticString) -> String { text.withUTF8Buffer { String(decoding: $0, as: UTF8.self) } }

  static func expectLiterals<Value: JSONLiteral>(_ values: [Value], sourceLocation: SourceLocation = #_sourceLocation) {
    for value in values {
      #expect(literal(value.jsonLiteral) == value.rawValue, sourceLocation: sourceLocation)
      #expect(!value.rawValue.utf8.contains { JSONEscape.isSpecial($0) }, sourceLocation: sourceLocation)
    }
  }

  @Test func literalsAreRawValues() {
    Self.expectLiterals([LevelOrigin.cell, .merged, .following, .framework, .none])
    Self.expectLiterals([Horizon.annual, .longTerm])
    Self.expectLiterals(TargetKind.allCases)
    Self.expectLiterals(Comparison.allCases)
    Self.expectLiterals([
      LayoutCell.Role.title, .subtitle, .year, .unit, .header, .repeatedHeader, .separator, .label, .blockLabel, .note, .pageNumber, .pageHeader,
    ])
    Self.expectLiterals([Amount.UnitSource.cell, .header, .assumed])
  }

  @Test func literalMembersAsStrings() {
    for pretty in [false, true] {
      var literal = JSONWriter(pretty: pretty)
      var string = JSONWriter(pretty: pretty)
      literal.object { w in
        w.field("a", literal: "x")
        w.field("b", literal: nil as StaticString?)
        w.field("c", literal: ">=" as StaticString?)
      }
      string.object { w in
        w.field("a", "x")
        w.field("b", nil as String?)
        w.field("c", ">=")
      }
      #expect(literal.bytes == string.bytes)
    }
  }

  /// What `target(of:_:)` writes of an indicator, and what `target(_:_:)` writes of its target.
  static func expectSameTarget(_ indicator: Indicator, _ origin: String, sourceLocation: SourceLocation = #_sourceLocation) {
    for pretty in [false, true] {
      var writer = JSONWriter(pretty: pretty)
      DocumentEncoder.target(of: indicator, &writer)
      #expect(writer.bytes == DocumentEncoder.targetBytes(indicator.target, pretty: pretty), "\(origin): \(indicator.target.raw)", sourceLocation: sourceLocation)
    }
  }

  @Test(arguments: CorpusTests.documents)
  func corpusTargetsOfIndicatorsAsTargets(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    guard let document = try? Jixiao.parse(bytes, path: relativePath, options: ParseOptions(validate: false)) else { return }
    for indicator in document.projects.flatMap({ $0.indicators }) + document.departments.flatMap({ $0.indicators }) {
      Self.expectSameTarget(indicator, relativePath)
    }
  }

  /// Targets with every optional part set in turn, parts of parts, and emptied boxes.
  @Test func targetsOfIndicatorsAsTargets() {
    for seed in 0..<128 {
      let target = InPlaceEncodingTests.madeTarget(seed)
      Self.expectSameTarget(Indicator(target: target, span: SourceSpan(line: 1, column: 1, offset: 0)), "made \(seed)")
    }
  }
}
