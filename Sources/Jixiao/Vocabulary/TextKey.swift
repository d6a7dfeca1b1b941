import CICU

/// The form of a cell used to match it against the vocabulary: NFKC (full-width to ASCII),
/// blanks removed (`绩效 指标`, `本 年 收 入 合 计`), HTML tags and required-field stars
/// dropped, and the colon a label may end with removed.
public enum TextKey {
  /// `simplify` turns traditional characters simplified, for documents in traditional
  /// script (`績效目標` matches `绩效目标`).
  public static func make(_ text: String, simplify: Bool = false) -> String {
    keyIfDifferent(text, simplify: simplify) ?? text
  }

  /// The key, or nil when it is `text` byte for byte, as it is for most cells: a cell then
  /// stores one string, and nobody compares the two to find out.
  /// `isPlain`: `isPlain(text)`, when the caller knows it.
  static func keyIfDifferent(_ text: String, simplify: Bool = false, isPlain knownPlain: Bool? = nil) -> String? {
    if text.isEmpty { return nil }
    // Most cells are plain: one pass over their bytes instead of the four below.
    if !simplify && (knownPlain ?? isPlain(text)) { return nil }
    return keyIfDifferentByStages(text, simplify: simplify)
  }

  /// Text that each stage below leaves as it is: printable ASCII but for the tags, stars and
  /// colons they look at and a bracket that may open a pinyin group, CJK ideographs
  /// (U+4000–U+9FFF: no NFKC mapping, no blank) and the CJK punctuation of `isPlainMark`;
  /// not starting with `*` nor ending with `:`.
  static func isPlain(_ text: String) -> Bool {
    text.withUTF8Bytes { isPlain(bytes: $0) }
  }

  /// `isPlain` of a text's UTF-8 bytes (whole scalars).
  static func isPlain(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = bytes.first, let last = bytes.last, first != 0x2A, last != 0x3A else { return false }
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        guard byte > 0x20 && byte < 0x7F && byte != 0x3C else { return false }
        if byte == 0x28 && mayOpenGroup(bytes, at: index, start: 0, end: bytes.count) { return false }
        index += 1
        continue
      }
      // E4–E9 lead the three-byte forms of U+4000–U+9FFF.
      guard index + 2 < bytes.count, byte >= 0xE4 && byte <= 0xE9 || isPlainMark(byte, bytes[index + 1], bytes[index + 2])
      else { return false }
      index += 3
    }
    return true
  }

  /// Whether the `(` at `index` may open a pinyin group (`Pinyin.mayHaveGroups`): after a
  /// multi-byte character and before a lowercase letter, within `bytes[start..<end]`.
  @inline(__always)
  static func mayOpenGroup(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, start: Int, end: Int) -> Bool {
    index > start && bytes[index - 1] >= 0x80 && index + 1 < end && bytes[index + 1] >= 0x61 && bytes[index + 1] <= 0x7A
  }

  /// Punctuation that NFKC leaves alone, whatever surrounds it, and that is no blank:
  /// `、` `。` `《` `》` `「` `」` `【` `】` `〔` `〕` `“` `”` `—`, which many cells hold, and the
  /// comparison signs `≤` `≥` `≧` of targets (`≥95%`). The signs are not inert (a combining
  /// slash after one makes `≱`), but they stand alone (`NFKCCheck.standingAlone`), and a
  /// combining mark after them is not plain: a plain text holding them is its own NFKC.
  @inline(__always)
  static func isPlainMark(_ lead: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
    if lead == 0xE3 && second == 0x80 {
      return third == 0x81 || third == 0x82 || third == 0x8A || third == 0x8B || third == 0x8C || third == 0x8D
        || third == 0x90 || third == 0x91 || third == 0x94 || third == 0x95
    }
    guard lead == 0xE2 else { return false }
    if second == 0x80 { return third == 0x9C || third == 0x9D || third == 0x94 }
    return second == 0x89 && (third == 0xA4 || third == 0xA5 || third == 0xA7)
  }

  /// The key through every stage: NFKC, pinyin groups, the simplified script, blanks, tags,
  /// stars and colons.
  static func keyIfDifferentByStages(_ text: String, simplify: Bool) -> String? {
    if let key = keyInOnePass(text, simplify: simplify) { return key.isSame ? nil : key.text }
    return keyThroughStages(text, simplify: simplify)
  }

  /// A key made in one pass, or the text itself.
  struct OnePassKey {
    var isSame: Bool
    var text: String
  }

  /// The key of text whose NFKC only narrows full-width forms (most cells that are not
  /// plain: `（万元）`, `≥95％`, a trailing `：`), which no pinyin group follows and which
  /// needs no simplifying: narrowed and keyed in one scratch buffer, and a string made only
  /// when the key differs. The stages made the narrowed text and the key as two strings,
  /// each validated again. Nil for any other text.
  static func keyInOnePass(_ text: String, simplify: Bool) -> OnePassKey? {
    text.withUTF8Bytes { keyInOnePass(bytes: $0, simplify: simplify) }
  }

  /// `keyInOnePass` of a text's UTF-8 bytes (whole scalars of valid UTF-8): the cell builder
  /// has them in the decoded text, and asking the string it made of them for them again cost
  /// a retain and a release.
  static func keyInOnePass(bytes: UnsafeBufferPointer<UInt8>, simplify: Bool) -> OnePassKey? {
    guard !bytes.isEmpty else { return nil }
    // Narrowing never lengthens a text: each scalar keeps its bytes or becomes one.
    return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: bytes.count) { buffer -> OnePassKey? in
      guard let count = narrowedKey(bytes, into: buffer, simplify: simplify) else { return nil }
      if count == bytes.count && equalBytes(buffer.baseAddress, bytes.baseAddress, count) {
        return OnePassKey(isSame: true, text: "")
      }
      // Whole scalars of a string, narrowed or dropped: valid, no need to validate them.
      return OnePassKey(isSame: false, text: ValidUTF8.string(UnsafeBufferPointer(rebasing: buffer[..<count]), 0..<count))
    }
  }

  /// The key of `bytes` written into `key` (at least as long) as the stages make it, each
  /// scalar narrowed (`NFKCCheck.narrowFullWidth`) and then kept or dropped as `key(of:)`
  /// does, in one pass: the length; nil where the stages would do more than narrow (a
  /// scalar only ICU maps, a bracket that may open a pinyin group, a character to simplify).
  static func narrowedKey(_ bytes: UnsafeBufferPointer<UInt8>, into key: UnsafeMutableBufferPointer<UInt8>, simplify: Bool) -> Int? {
    NFKCCheck.withNarrowableTable { narrowable -> Int? in
      var count = 0
      var inTag = false
      var index = 0
      // The last narrowed byte, and whether it is a `(` after a multi-byte character, which
      // opens a pinyin group if a lowercase letter follows (`Pinyin.mayHaveGroups`).
      var previous: UInt8 = 0
      var mayOpenGroup = false
      while index < bytes.count {
        let lead = bytes[index]
        let narrowed: UInt8
        var length = 1
        if lead < 0x80 {
          narrowed = lead
        } else if lead >= 0xE4 && lead <= 0xE9 && index + 2 < bytes.count {
          // An ideograph: inert, no blank, and its lead is no letter's.
          if simplify { return nil }
          mayOpenGroup = false
          // The run of ideographs it begins, copied as one (most of a non-plain cell's text
          // is ideographs between a few full-width marks).
          var end = index + 3
          while end + 2 < bytes.count && bytes[end] >= 0xE4 && bytes[end] <= 0xE9 { end += 3 }
          if !inTag {
            (key.baseAddress! + count).update(from: bytes.baseAddress! + index, count: end - index)
            count += end - index
          }
          previous = bytes[end - 1]
          index = end
          continue
        } else {
          guard lead < 0xF0, let (value, scalarLength) = UTF8BMP.scalar(bytes, at: index) else { return nil }
          length = scalarLength
          if value >= 0xFF01 && value <= 0xFF5E {
            narrowed = UInt8(value - 0xFEE0)
          } else if value == 0x3000 {
            narrowed = 0x20
          } else if NFKCCheck.isInert(value, narrowable) {
            // Kept as it is: its lead is the narrowed text's next byte.
            if mayOpenGroup && (lead == 0xC3 || lead == 0xC4 || lead == 0xC5 || lead == 0xC7 || lead == 0xE1) { return nil }
            if simplify && lead >= 0xE3 { return nil }
            mayOpenGroup = false
            let scalar = UnsafeBufferPointer(rebasing: bytes[index..<(index + length)])
            if !inTag && !isMultiByteBlank(scalar) {
              for byte in scalar {
                key[count] = byte
                count += 1
              }
            }
            previous = bytes[index + length - 1]
            index += length
            continue
          } else {
            return nil
          }
        }
        // One ASCII byte of the narrowed text.
        if mayOpenGroup && narrowed >= 0x61 && narrowed <= 0x7A { return nil }
        mayOpenGroup = narrowed == 0x28 && previous >= 0x80
        previous = narrowed
        if inTag {
          if narrowed == 0x3E { inTag = false }
        } else if narrowed == 0x3C {
          inTag = true
        } else if narrowed > 0x20 && narrowed != 0x7F {
          key[count] = narrowed
          count += 1
        }
        index += length
      }
      return withoutStarsAndColons(key, count: count)
    }
  }

  /// `keyIfDifferentByStages` stage by stage, for text that `keyInOnePass` does not cover.
  static func keyThroughStages(_ text: String, simplify: Bool) -> String? {
    var source = text
    var changed = false
    // Most cells need no compatibility mapping: skip ICU for them (it costs a UTF-16 round
    // trip per call).
    if NFKCCheck.mayChange(text) {
      source = ICU.nfkc(text)
      changed = !source.equalsBytes(text)
    }
    // Stripping only removes groups: a text it changed is shorter.
    let stripped = Pinyin.strip(source)
    if stripped.utf8.count != source.utf8.count {
      source = stripped
      changed = true
    }
    // In a document written in traditional script every CJK cell goes through ICU: no short
    // list of traditional-only characters covers them all (態, 聯, 錄…).
    if simplify && source.withUTF8Bytes({ $0.contains { $0 >= 0xE3 } }) {
      let simplified = ICU.simplified(source)
      if !simplified.equalsBytes(source) {
        source = simplified
        changed = true
      }
    }
    return source.withUTF8Bytes { bytes in
      if isOwnKey(bytes) { return changed ? source : nil }
      let key = key(of: bytes)
      return key.equalsBytes(text) ? nil : key
    }
  }

  /// Whether `key(of:)` would return the bytes unchanged: nothing to drop, nothing to trim.
  private static func isOwnKey(_ source: UnsafeBufferPointer<UInt8>) -> Bool {
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
      if isMultiByteBlank(UnsafeBufferPointer(rebasing: source[index..<end])) { return false }
      index = end
    }
    let count = source.count
    if count > 0 && (source[0] == 0x2A || source[count - 1] == 0x3A) { return false }
    if count >= 3 && source[0] == 0xE2 && source[1] == 0x98 && (source[2] == 0x85 || source[2] == 0x86) { return false }
    if count >= 3 && source[count - 3] == 0xEF && source[count - 2] == 0xBC && source[count - 1] == 0x9A { return false }
    return true
  }

  /// Blanks and tags dropped, then stars trimmed before and colons after; written straight
  /// into the new string's storage (a cell key is made for every cell of every document).
  private static func key(of source: UnsafeBufferPointer<UInt8>) -> String {
    String(unsafeUninitializedCapacity: source.count) { key in
      _ = key.initialize(fromContentsOf: source)
      return keyInPlace(key, count: source.count)
    }
  }

  /// `key(of:)` of `buffer[..<count]`, written over it (each byte read yields at most one
  /// byte written, at or before it): the length of the key.
  private static func keyInPlace(_ key: UnsafeMutableBufferPointer<UInt8>, count sourceCount: Int) -> Int {
    var count = 0
    var inTag = false
    var index = 0
    while index < sourceCount {
      let byte = key[index]
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
        if byte > 0x20 && byte != 0x7F {
          key[count] = byte
          count += 1
        }
        index += 1
        continue
      }
      // Ideographs (leads E4–E9) are no blanks: kept without the test.
      if byte >= 0xE4 && byte <= 0xE9 && index + 2 < sourceCount {
        key[count] = byte
        key[count + 1] = key[index + 1]
        key[count + 2] = key[index + 2]
        count += 3
        index += 3
        continue
      }
      // A multi-byte scalar: kept unless it is a blank.
      let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
      let end = Swift.min(index + length, sourceCount)
      if !isMultiByteBlank(UnsafeBufferPointer(rebasing: key[index..<end])) {
        for offset in index..<end {
          key[count] = key[offset]
          count += 1
        }
      }
      index = end
    }
    return withoutStarsAndColons(key, count: count)
  }

  /// `key[..<count]` without required-field stars before and colons after, moved to the
  /// front: its new length.
  private static func withoutStarsAndColons(_ key: UnsafeMutableBufferPointer<UInt8>, count: Int) -> Int {
    var lower = 0
    while lower < count {
      if key[lower] == 0x2A {
        lower += 1
        continue
      }
      if count - lower >= 3, key[lower] == 0xE2, key[lower + 1] == 0x98, key[lower + 2] == 0x85 || key[lower + 2] == 0x86 {
        lower += 3
        continue
      }
      break
    }
    var upper = count
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
    if lower > 0 {
      for offset in lower..<upper { key[offset - lower] = key[offset] }
    }
    return upper - lower
  }

  /// NBSP, ideographic space, BOM, zero-width and typographic spaces, line separators.
  private static func isMultiByteBlank(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    switch bytes.count {
    case 2: return bytes[0] == 0xC2 && (bytes[1] == 0xA0 || bytes[1] == 0x85)
    case 3:
      if bytes[0] == 0xE3 && bytes[1] == 0x80 && bytes[2] == 0x80 { return true }
      if bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { return true }
      if bytes[0] == 0xE2 && bytes[1] == 0x80 && ((0x80...0x8B).contains(bytes[2]) || bytes[2] == 0xA8 || bytes[2] == 0xA9 || bytes[2] == 0xAF) {
        return true
      }
      if bytes[0] == 0xE2 && bytes[1] == 0x81 && bytes[2] == 0x9F { return true }
      return false
    default: return false
    }
  }
}

/// Whether NFKC can change a text: only characters that have compatibility mappings or
/// combine with their neighbours can. Most cells are ASCII, CJK ideographs and CJK
/// punctuation, which it leaves as they are, and are not sent to ICU.
enum NFKCCheck {
  static func mayChange(_ text: String) -> Bool {
    withInertTable { inert in text.withUTF8Bytes { bytes in
      var index = 0
      while index < bytes.count {
        let lead = bytes[index]
        if lead < 0x80 {
          index += 1
          continue
        }
        // Ideographs of U+4000–U+9FFF (leads E4–E9) are inert.
        if lead >= 0xE4 && lead <= 0xE9 && index + 2 < bytes.count {
          index += 3
          continue
        }
        // Scalars decoded from the bytes: the unicode scalar view costs a call per scalar.
        guard lead < 0xF0, let (value, length) = UTF8BMP.scalar(bytes, at: index), isInert(value, inert) else {
          return true
        }
        index += length
      }
      return false
    } }
  }

  /// NFKC of `bytes` written into `output` (at least as long) when its only mapped
  /// characters are full-width ASCII (`（`, `，`, `％`, `＞３`) and the ideographic space:
  /// each becomes its ASCII form, and nothing else changes when every other character is
  /// ASCII, inert (no mapping, and none combines with its neighbours) or stands alone (see
  /// `standingAlone`). The length written; nil for any other text (a combining mark, a
  /// compatibility ideograph, half-width kana …), which only ICU maps.
  static func narrowFullWidth(_ bytes: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>) -> Int? {
    withNarrowableTable { inert in
      var written = 0
      var index = 0
      while index < bytes.count {
        let lead = bytes[index]
        if lead < 0x80 {
          output[written] = lead
          written += 1
          index += 1
          continue
        }
        // Ideographs of U+4000–U+9FFF (leads E4–E9) are inert: copied without decoding.
        if lead >= 0xE4 && lead <= 0xE9 && index + 2 < bytes.count {
          output[written] = lead
          output[written + 1] = bytes[index + 1]
          output[written + 2] = bytes[index + 2]
          written += 3
          index += 3
          continue
        }
        guard lead < 0xF0, let (value, length) = UTF8BMP.scalar(bytes, at: index) else { return nil }
        if value >= 0xFF01 && value <= 0xFF5E {
          output[written] = UInt8(value - 0xFEE0)
          written += 1
        } else if value == 0x3000 {
          output[written] = 0x20
          written += 1
        } else if isInert(value, inert) {
          for offset in 0..<length { output[written + offset] = bytes[index + offset] }
          written += length
        } else {
          return nil
        }
        index += length
      }
      return written
    }
  }

  /// Whether NFKC leaves U+value (in the Basic Multilingual Plane) as it is whatever
  /// surrounds it: ICU's `isInert`, asked once for every scalar of the plane.
  @inline(__always)
  static func isInert(_ value: UInt32, _ inert: UnsafeBufferPointer<UInt64>) -> Bool {
    value < 0x10000 && inert[Int(value >> 6)] & (1 << UInt64(value & 63)) != 0
  }

  /// The table of `isInert`, reached once per text rather than once per scalar.
  static func withInertTable<Result>(_ body: (UnsafeBufferPointer<UInt64>) -> Result) -> Result {
    inert.withUnsafeBufferPointer(body)
  }

  /// `inert`, and the scalars that stand alone: already normalized, and nothing before them
  /// combines with them, so that NFKC splits the text before them (`≥`, `≤`, toned pinyin
  /// vowels `ā`, `é`: not inert, since a combining mark after them would join them). A text
  /// of such scalars, inert ones and ASCII is its own NFKC: each scalar begins a segment
  /// that normalizes alone, and the scalar after it, accepted too, begins the next. Asked of
  /// ICU only for the Latin letters and the punctuation, math and symbol blocks that targets
  /// use; any other scalar that is not inert still goes to ICU.
  /// The table of `narrowFullWidth`: inert scalars and those that stand alone.
  static func withNarrowableTable<Result>(_ body: (UnsafeBufferPointer<UInt64>) -> Result) -> Result {
    standingAlone.withUnsafeBufferPointer(body)
  }

  private static let standingAlone: [UInt64] = {
    var words = inert
    for range in [0x80..<0x250, 0x2000..<0x2C00] {
      for value in range where words[value >> 6] & (1 << UInt64(value & 63)) == 0 && jx_nfkc_stands_alone(UInt32(value)) != 0 {
        words[value >> 6] |= 1 << UInt64(value & 63)
      }
    }
    return words
  }()

  /// Made from ICU's set of inert code points, a range at a time: asking ICU of each of the
  /// plane's 65,536 scalars cost some 7 M instructions at the first key of a run.
  static let inert: [UInt64] = {
    var words = [UInt64](repeating: 0, count: 1024)
    words.withUnsafeMutableBufferPointer { jx_nfkc_inert_bits($0.baseAddress, Int32($0.count)) }
    return words
  }()
}

/// Scalars of two or three UTF-8 bytes decoded in place.
enum UTF8BMP {
  /// The scalar led by `bytes[index]` (0xC2…0xEF) and its length; nil when it is cut short.
  @inline(__always)
  static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int)? {
    let lead = bytes[index]
    if lead < 0xE0 {
      guard index + 1 < bytes.count else { return nil }
      return (UInt32(lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
    }
    guard index + 2 < bytes.count else { return nil }
    return (UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
  }
}

/// Mirror sites insert pinyin after characters: `區(qū)價(jià)`. The annotations are not part
/// of the table.
public enum Pinyin {
  static let letters: Set<Unicode.Scalar> = Set("abcdefghijklmnopqrstuvwxyzāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ".unicodeScalars)

  /// The text without `(pinyin)` groups that follow a Chinese character: `(` after an
  /// ideograph, one to seven letters (at most three without a tone mark), `)`. Read on the
  /// bytes: an array of the text's scalars cost some 15,000 instructions a cell.
  public static func strip(_ text: String) -> String {
    guard mayHaveGroups(text) else { return text }
    return text.withUTF8Bytes { bytes in
      // Built only once a group is found: most brackets are units or notes, not pinyin.
      var output: [UInt8] = []
      var copied = 0
      var from = 0
      while let open = bytes.firstIndex(ofByte: 0x28, from: from) {
        from = open + 1
        guard open > 0, bytes[open - 1] >= 0x80 else { continue }
        var lead = open - 1
        while lead > 0 && bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
        guard let (before, _) = scalar(bytes, at: lead), before.properties.isIdeographic else { continue }
        var end = open + 1
        var count = 0
        var toned = false
        while end < bytes.count, count < 7, let (letter, length) = scalar(bytes, at: end),
          letter.value >= 0x61 && letter.value <= 0x7A || letters.contains(letter)
        {
          if letter.value > 0x7F { toned = true }
          end += length
          count += 1
        }
        // A tone mark, or a neutral syllable like (de): lowercase letters only, closed.
        if end < bytes.count, bytes[end] == 0x29, count > 0, toned || count <= 3 {
          output.append(contentsOf: bytes[copied..<open])
          from = end + 1
          copied = from
        }
      }
      guard copied > 0 else { return text }
      output.append(contentsOf: bytes[copied...])
      return String(decoding: output, as: UTF8.self)
    }
  }

  /// The scalar whose UTF-8 form starts at `index`, and its length.
  private static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (Unicode.Scalar, Int)? {
    let lead = bytes[index]
    let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
    guard index + length <= bytes.count else { return nil }
    var value = length == 1 ? UInt32(lead) : UInt32(lead) & (0xFF >> UInt32(length + 1))
    for offset in 1..<length { value = value << 6 | UInt32(bytes[index + offset] & 0x3F) }
    return Unicode.Scalar(value).map { ($0, length) }
  }

  /// A group can only open at `(` right after a multi-byte character (an ideograph) and
  /// right before a lowercase letter: ASCII, or a toned vowel, `ń`, `ň`, `ǹ`, `ḿ`, whose
  /// UTF-8 forms lead with C3, C4, C5, C7 or E1. Most brackets in these tables hold units and
  /// notes (`(万元)`, `(%)`) and are ruled out here without decoding the text.
  static func mayHaveGroups(_ text: String) -> Bool {
    text.withUTF8Bytes { mayHaveGroups($0) }
  }

  static func mayHaveGroups(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var index = 1
    while index + 1 < bytes.count {
      guard let open = bytes.firstIndex(ofByte: 0x28, from: index) else { return false }
      index = open
      guard index + 1 < bytes.count else { return false }
      if bytes[index - 1] >= 0x80 {
        let next = bytes[index + 1]
        if next >= 0x61 && next <= 0x7A || next == 0xC3 || next == 0xC4 || next == 0xC5 || next == 0xC7 || next == 0xE1 {
          return true
        }
      }
      index += 1
    }
    return false
  }

  /// Whether the text carries such annotations (three or more).
  static func isAnnotated(_ text: String) -> Bool {
    let stripped = strip(text)
    return text.unicodeScalars.count - stripped.unicodeScalars.count >= 12
  }
}

/// Recognises text in traditional script from characters that only it uses.
public enum Script {
  private static let traditionalCharacters =
    "績標項資預單區價說與為這時實際體總條費務機構經濟產數質動門設計劃號歲報財撥緊處進達滿點務關開發決務應會專統權區縣鎮鄉級費"
  private static let simplifiedCharacters =
    "绩标项资预单区价说与为这时实际体总条费务机构经济产数质动门设计划号岁报财拨紧处进达满点关开发决应会专统权县镇乡级"
  static let traditionalOnly = IdeographSet(traditionalCharacters)
  static let simplifiedOnly = IdeographSet(simplifiedCharacters)

  /// Any character of the traditional-only set: a cheap test before ICU for short texts such
  /// as level names, whose traditional forms all have one (標, 產, 數, 質, 滿 …).
  public static func hasTraditional(_ text: String) -> Bool {
    text.unicodeScalars.contains { traditionalOnly.contains($0.value) }
  }

  /// More traditional-only than simplified-only characters.
  public static func isTraditional(_ text: String) -> Bool {
    text.withUTF8Bytes { isTraditional(utf8: $0) }
  }

  /// `isTraditional` on UTF-8 bytes, which may end inside a character.
  static func isTraditional(utf8 bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var tally = Tally()
    var index = 0
    withScriptTable { scripts in
      while index < bytes.count {
        // Both sets lie in U+4E00–U+9FFF, whose UTF-8 forms are three bytes led by E4–E9.
        guard bytes[index] >= 0xE4 && bytes[index] <= 0xE9 && index + 2 < bytes.count else {
          index += 1
          continue
        }
        tally.add(bytes, at: index, scripts: scripts)
        index += 3
      }
    }
    return tally.isTraditional
  }

  /// `body` with the script of each ideograph of U+4E00–U+9FFF, for `Tally.add`. Read once
  /// a text: a lazy global is checked at every access, and the tally runs per character of
  /// the first 64 KB of every document.
  static func withScriptTable<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    scriptOfIdeograph.withUnsafeBufferPointer(body)
  }

  /// Traditional-only and simplified-only characters counted.
  struct Tally {
    private var traditional = 0
    private var simplified = 0

    /// Counts the three-byte character at `index` (any lead: only E4–E9 can be one of the sets).
    @inline(__always)
    mutating func add(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int, scripts: UnsafeBufferPointer<UInt8>) {
      let lead = bytes[index]
      guard lead &- 0xE4 < 6 else { return }
      let value = Int(lead & 0x0F) << 12 | Int(bytes[index &+ 1] & 0x3F) << 6 | Int(bytes[index &+ 2] & 0x3F)
      guard value >= 0x4E00 else { return }
      // The marks are bits: one character counts in at most one of the two.
      let script = scripts[value &- 0x4E00]
      traditional &+= Int(script & traditionalMark)
      simplified &+= Int(script >> 1)
    }

    /// Counts the marks of `threeByteMarks` of one character, or the sum of two.
    @inline(__always)
    mutating func add(marks: Int) {
      traditional &+= marks & 7
      simplified &+= marks >> 3 & 7
    }

    var isTraditional: Bool { traditional >= 5 && traditional > simplified * 2 }
  }

  /// The marks of `threeByteMarks`: spaced so that the sum of two characters' marks keeps
  /// each count apart.
  enum ThreeByteMark {
    static let traditional: UInt8 = 1
    static let simplified: UInt8 = 8
    /// Led by E0 or ED, which make valid sequences only with some second bytes.
    static let irregularLead: UInt8 = 64
  }

  /// `body` with the script of every three-byte sequence led by E0–EF (`ThreeByteMark`),
  /// indexed by the low 16 bits of its scalar: the decoder's pass reads ideographs two a
  /// word, and this look-up needs neither the range test of the lead nor that of the value.
  static func withThreeByteMarks<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    threeByteMarks.withUnsafeBufferPointer(body)
  }

  private static let threeByteMarks: [UInt8] = {
    // Filled a run at a time: a loop over the 65,536 values cost some 400,000 instructions.
    let irregular = [UInt8](repeating: ThreeByteMark.irregularLead, count: 0x1000)
    var table = irregular + [UInt8](repeating: 0, count: 0xC000) + irregular + [UInt8](repeating: 0, count: 0x2000)
    // Traditional last, as in `scriptOfIdeograph`: a character in both lists counts as traditional.
    for (characters, mark) in [
      (simplifiedCharacters, ThreeByteMark.simplified), (traditionalCharacters, ThreeByteMark.traditional),
    ] {
      for scalar in characters.unicodeScalars { table[Int(scalar.value)] = mark }
    }
    return table
  }()

  private static let traditionalMark: UInt8 = 1
  private static let simplifiedMark: UInt8 = 2

  /// For each ideograph of U+4E00–U+9FFF, whether only traditional or only simplified script
  /// uses it (as `traditionalOnly` and `simplifiedOnly` say, the first first): one look-up a
  /// character, not one in each set.
  /// Made from the characters, not by asking the sets of all 20,992 ideographs (some
  /// 900,000 instructions at the first document).
  private static let scriptOfIdeograph: [UInt8] = {
    var table = [UInt8](repeating: 0, count: 0xA000 - 0x4E00)
    // Traditional last: a character in both lists counts as traditional.
    for (characters, mark) in [(simplifiedCharacters, simplifiedMark), (traditionalCharacters, traditionalMark)] {
      for scalar in characters.unicodeScalars {
        precondition(scalar.value >= 0x4E00 && scalar.value < 0xA000, "not a CJK unified ideograph")
        table[Int(scalar.value) - 0x4E00] = mark
      }
    }
    return table
  }()
}

/// A set of CJK unified ideographs (U+4E00–U+9FFF) as bits: the script test looks up every
/// character of a document, and a `Set<Unicode.Scalar>` hashed each one.
struct IdeographSet: Sendable {
  private static let first: UInt32 = 0x4E00
  private static let end: UInt32 = 0xA000
  private var words = [UInt64](repeating: 0, count: Int(end - first) / 64)

  init(_ characters: String) {
    for scalar in characters.unicodeScalars {
      precondition(scalar.value >= Self.first && scalar.value < Self.end, "not a CJK unified ideograph")
      let offset = Int(scalar.value - Self.first)
      words[offset >> 6] |= 1 << UInt64(offset & 63)
    }
  }

  func contains(_ value: UInt32) -> Bool {
    guard value >= Self.first && value < Self.end else { return false }
    let offset = Int(value - Self.first)
    return words[offset >> 6] & (1 << UInt64(offset & 63)) != 0
  }
}
