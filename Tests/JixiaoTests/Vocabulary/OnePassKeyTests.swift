import Testing

@testable import Jixiao

/// `TextKey` makes most keys in one pass over the bytes (`keyInOnePass`) and `Pinyin.strip`
/// reads bytes: both are held to the stages they replaced, kept here as they were (NFKC by
/// ICU itself, pinyin groups on an array of scalars, blanks, tags, stars and colons by bytes
/// into a new string).
@Suite struct OnePassKeyTests {
  enum Reference {
    static func key(_ text: String, simplify: Bool) -> String? {
      if text.isEmpty { return nil }
      var source = text
      var changed = false
      if NFKCCheck.mayChange(text) {
        source = text.utf8.allSatisfy { $0 < 0x80 } ? text : ICU.nfkcByICU(text)
        changed = Array(source.utf8) != Array(text.utf8)
      }
      let stripped = strip(source)
      if stripped.utf8.count != source.utf8.count {
        source = stripped
        changed = true
      }
      if simplify && source.utf8.contains(where: { $0 >= 0xE3 }) {
        let simplified = ICU.simplified(source)
        if Array(simplified.utf8) != Array(source.utf8) {
          source = simplified
          changed = true
        }
      }
      let bytes = Array(source.utf8)
      if isOwnKey(bytes) { return changed ? source : nil }
      let key = String(decoding: keyBytes(bytes), as: UTF8.self)
      return Array(key.utf8) == Array(text.utf8) ? nil : key
    }

    static func strip(_ text: String) -> String {
      let scalars = Array(text.unicodeScalars)
      var output: [Unicode.Scalar] = []
      var copied = 0
      var index = 0
      while index < scalars.count {
        let scalar = scalars[index]
        if scalar == "(", index > 0, scalars[index - 1].properties.isIdeographic {
          var end = index + 1
          var toned = false
          while end < scalars.count, end - index <= 7, Pinyin.letters.contains(scalars[end]) {
            if scalars[end].value > 0x7F { toned = true }
            end += 1
          }
          if end < scalars.count, scalars[end] == ")", end > index + 1, toned || end - index <= 4 {
            output.append(contentsOf: scalars[copied..<index])
            index = end + 1
            copied = index
            continue
          }
        }
        index += 1
      }
      guard copied > 0 else { return text }
      output.append(contentsOf: scalars[copied...])
      var result = ""
      result.unicodeScalars.append(contentsOf: output)
      return result
    }

    static func isOwnKey(_ source: [UInt8]) -> Bool {
      var index = 0
      while index < source.count {
        let byte = source[index]
        if byte < 0x80 {
          if byte <= 0x20 || byte == 0x7F || byte == 0x3C { return false }
          index += 1
          continue
        }
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        let end = Swift.min(index + length, source.count)
        if isMultiByteBlank(Array(source[index..<end])) { return false }
        index = end
      }
      let count = source.count
      if count > 0 && (source[0] == 0x2A || source[count - 1] == 0x3A) { return false }
      if count >= 3 && source[0] == 0xE2 && source[1] == 0x98 && (source[2] == 0x85 || source[2] == 0x86) { return false }
      if count >= 3 && source[count - 3] == 0xEF && source[count - 2] == 0xBC && source[count - 1] == 0x9A { return false }
      return true
    }

    static func keyBytes(_ source: [UInt8]) -> [UInt8] {
      var key: [UInt8] = []
      var inTag = false
      var index = 0
      while index < source.count {
        let byte = source[index]
        if inTag {
          if byte == 0x3E { inTag = false }
          index += 1
          continue
        }
        if byte == 0x3C {
          inTag = true
          index += 1
          continue
        }
        if byte < 0x80 {
          if byte > 0x20 && byte != 0x7F { key.append(byte) }
          index += 1
          continue
        }
        let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
        let end = Swift.min(index + length, source.count)
        if !isMultiByteBlank(Array(source[index..<end])) { key += source[index..<end] }
        index = end
      }
      var lower = 0
      while lower < key.count {
        if key[lower] == 0x2A {
          lower += 1
          continue
        }
        if key.count - lower >= 3, key[lower] == 0xE2, key[lower + 1] == 0x98, key[lower + 2] == 0x85 || key[lower + 2] == 0x86 {
          lower += 3
          continue
        }
        break
      }
      var upper = key.count
      while upper > lower {
        if key[upper - 1] == 0x3A {
          upper -= 1
          continue
        }
        if upper - lower >= 3, key[upper - 3] == 0xEF, key[upper - 2] == 0xBC, key[upper - 1] == 0x9A {
          upper -= 3
          continue
        }
        break
      }
      return Array(key[lower..<upper])
    }

    static func isMultiByteBlank(_ bytes: [UInt8]) -> Bool {
      switch bytes.count {
      case 2: return bytes[0] == 0xC2 && (bytes[1] == 0xA0 || bytes[1] == 0x85)
      case 3:
        if bytes == [0xE3, 0x80, 0x80] || bytes == [0xEF, 0xBB, 0xBF] || bytes == [0xE2, 0x81, 0x9F] { return true }
        return bytes[0] == 0xE2 && bytes[1] == 0x80 && ((0x80...0x8B).contains(bytes[2]) || bytes[2] == 0xA8 || bytes[2] == 0xA9 || bytes[2] == 0xAF)
      default: return false
      }
    }
  }

  static func expectSameKey(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    for simplify in [false, true] {
      let expected = Reference.key(text, simplify: simplify)
      let actual = TextKey.keyIfDifferentByStages(text, simplify: simplify)
      // By bytes: `==` on strings holds canonically equivalent ones equal.
      #expect(
        actual.map { Array($0.utf8) } == expected.map { Array($0.utf8) }, "\(Array(text.unicodeScalars)) simplify: \(simplify)",
        sourceLocation: sourceLocation)
    }
  }

  /// Full-width forms, blanks, stars, colons, tags, pinyin, traditional and compatibility
  /// characters, in every order up to three.
  @Test func arrangementsAgreeWithTheStages() {
    let pieces = [
      "a", "(", ")", "<", ">", "*", ":", " ", "\t", "绩", "態", "（", "：", "％", "\u{3000}", "\u{A0}", "\u{200B}", "★", "ā",
      "é", "\u{301}", "㈱", "ｶ", "😀", "、", "２", "(de)", "(ā)", "≥", "\u{338}",
    ]
    var covered = 0
    let texts = Arrangements.of(pieces, upTo: 3)
    for text in texts {
      Self.expectSameKey(text)
      if TextKey.keyInOnePass(text, simplify: false) != nil { covered += 1 }
    }
    // The one pass must take many of them, and leave some to the stages.
    #expect(covered > texts.count / 3 && covered < texts.count)
  }

  /// Every scalar of three UTF-8 bytes, alone and between ideographs, then a colon.
  @Test func everyThreeByteScalar() {
    for text in PlainKeyTests.everyThreeByteScalar { Self.expectSameKey(text + "：") }
  }

  /// Every cell, every line and every piece of the corpus documents.
  @Test(arguments: CorpusTests.documents)
  func corpusCells(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    let (text, _) = try SourceDecoder.decode(bytes, path: relativePath)
    for row in Tokenizer.tokenize(text).rows {
      for cell in row.cells { Self.expectSameKey(cell.text) }
    }
    for line in text.lines.indices {
      let line = text.text(ofLine: line)
      Self.expectSameKey(line)
      for piece in line.split(whereSeparator: { $0 == "\t" || $0 == "|" || $0 == " " }) { Self.expectSameKey(String(piece)) }
    }
  }

  @Test func pinyinGroupsAsTheScalarsFoundThem() {
    let pieces = ["區", "(", ")", "qū", "de", "a", "态(", "jià)", "2", "\u{20000}(", "〇", "ḿ", "e\u{301}", "abcdefg", "x)"]
    var changed = 0
    for text in Arrangements.of(pieces, upTo: 4) {
      let expected = Reference.strip(text)
      #expect(Array(Pinyin.strip(text).utf8) == Array(expected.utf8), "\(text)")
      if expected != text { changed += 1 }
    }
    #expect(changed > 1000)
    #expect(Pinyin.strip("區(qū)價(jià)(de)") == "區價(de)")
    #expect(Pinyin.strip("生態(tài)效益(abcdefg)x(abcdefgh)") == "生態效益(abcdefg)x(abcdefgh)")
  }
}

/// `Script.isTraditional` looks each ideograph up once in a table made of the two sets; it
/// must count as the two set look-ups did.
@Suite struct ScriptTableTests {
  static func reference(_ text: String) -> Bool {
    var traditional = 0
    var simplified = 0
    for scalar in text.unicodeScalars {
      if Script.traditionalOnly.contains(scalar.value) {
        traditional += 1
      } else if Script.simplifiedOnly.contains(scalar.value) {
        simplified += 1
      }
    }
    return traditional >= 5 && traditional > simplified * 2
  }

  @Test func everyIdeographCountsAsInTheSets() {
    var traditional = 0
    for value in UInt32(0x3FF0)...0xA010 {
      guard let scalar = Unicode.Scalar(value) else { continue }
      let five = String(repeating: String(scalar), count: 5)
      #expect(Script.isTraditional(five) == Self.reference(five), "U+\(String(value, radix: 16))")
      if Self.reference(five) { traditional += 1 }
    }
    #expect(traditional > 50)
  }

  @Test func mixedCountsAgree() {
    let pieces = ["績績績", "績", "绩", "區", "区", "a", "態"]
    for text in Arrangements.of(pieces, upTo: 5) {
      #expect(Script.isTraditional(text) == Self.reference(text), "\(text)")
    }
  }

  @Test(arguments: CorpusTests.documents)
  func corpusDocuments(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    let text = String(decoding: bytes, as: UTF8.self)
    #expect(Script.isTraditional(text) == Self.reference(text))
  }
}
