import FoundationEssentials

/// Level-1 indicator families (一级指标).
public enum Level1: String, Sendable, CaseIterable {
  case output = "产出指标"
  case benefit = "效益指标"
  case satisfaction = "满意度指标"
  case cost = "成本指标"
}

/// Level-2 indicator families (二级指标) of both national frameworks.
public enum Level2: String, Sendable, CaseIterable {
  case quantity = "数量指标"
  case quality = "质量指标"
  case timeliness = "时效指标"
  /// 成本指标 as a level 2 under 产出 (legacy framework).
  case cost = "成本指标"
  case economicBenefit = "经济效益指标"
  case socialBenefit = "社会效益指标"
  case ecologicalBenefit = "生态效益指标"
  case sustainability = "可持续影响指标"
  case serviceSatisfaction = "服务对象满意度指标"
  case economicCost = "经济成本指标"
  case socialCost = "社会成本指标"
  case ecologicalCost = "生态环境成本指标"

  /// The level 1 this level 2 belongs to under `framework` (nil: either framework).
  public func parent(in framework: Framework?) -> Level1 {
    switch self {
    case .quantity, .quality, .timeliness: .output
    case .cost: framework == .y2021 ? .cost : .output
    case .economicBenefit, .socialBenefit, .ecologicalBenefit, .sustainability: .benefit
    case .serviceSatisfaction: .satisfaction
    case .economicCost, .socialCost, .ecologicalCost: .cost
    }
  }

  /// Level 2s that exist only in the 2021 framework.
  public var isOnly2021: Bool { self == .economicCost || self == .socialCost || self == .ecologicalCost }
}

/// Recognises level names as written, with their local variants.
public enum LevelVocabulary {
  /// Removes score annotations (`(0-20)分`, `(50分)`, `（权重30分）`) and a trailing `等`.
  static func stripAnnotations(_ key: String) -> String {
    // Most keys carry no annotation, or lose only a tail.
    let prefix: Int? = key.withUTF8Bytes { bytes in
      guard let end = strippedPrefixCount(bytes) else { return nil }
      return end == bytes.count ? -1 : end
    }
    if let prefix {
      return prefix < 0 ? key : String(decoding: key.utf8.prefix(prefix), as: UTF8.self)
    }
    return stripAnnotationsByScalars(key)
  }

  /// The scalar reading, for keys that lose a group from inside.
  private static func stripAnnotationsByScalars(_ key: String) -> String {
    // By scalars, not characters: level names are CJK and ASCII, where the two are the same,
    // and a character walk compares every character by canonical equivalence. Groups that are
    // words (产出(工作量)指标) stay with the text around them: a copy is made only when a
    // score group is dropped.
    let scalars = key.unicodeScalars
    var kept = ""
    var dropped = false
    var copied = scalars.startIndex
    var depth = 0
    var groupStart = scalars.startIndex
    var isScore = false
    var index = scalars.startIndex
    while index < scalars.endIndex {
      let scalar = scalars[index]
      let next = scalars.index(after: index)
      defer { index = next }
      if scalar == "(" {
        depth += 1
        if depth == 1 {
          groupStart = index
          isScore = false
          continue
        }
      }
      if scalar == ")" && depth > 0 {
        depth -= 1
        if depth == 0 {
          if isScore {
            kept += Substring(scalars[copied..<groupStart])
            copied = next
            dropped = true
          }
          continue
        }
      }
      if depth > 0 && (scalar == "分" || scalar.properties.numericType != nil) { isScore = true }
    }
    var stripped = key
    if dropped {
      kept += Substring(scalars[copied...])
      stripped = kept
    }
    // A trailing score (`50分`, `0-20分`), not bare digits: `数量指标88100` is a level name with
    // cells run into it, not a level name.
    if stripped.unicodeScalars.last == "分" {
      var trimmed = stripped.unicodeScalars.dropLast()
      while let last = trimmed.last, last.properties.numericType != nil || last == "-" { trimmed.removeLast() }
      if trimmed.count >= 2 { stripped = String(scalars: trimmed) }
    }
    if stripped.hasSuffixBytes("等") { stripped.removeLast() }
    return stripped
  }

  /// Whether a key of these bytes can still name a level after `stripAnnotations`: most keys
  /// tested are data cells (names, explanations, targets), far longer than any level name.
  /// Stripping keeps the text before the first `(` unless a score (`分`) or `等` is trimmed,
  /// so without those, a text before `(` longer than every name rules the key out.
  private static func mayName(_ bytes: UnsafeBufferPointer<UInt8>, longestName: Int) -> Bool {
    let head = bytes.firstIndex(ofByte: 0x28) ?? bytes.count
    guard head > longestName else { return true }
    return bytes.firstIndex(of: fen) != nil || bytes.firstIndex(of: deng) != nil
  }

  private static let fen = Array("分".utf8)
  private static let deng = Array("等".utf8)

  /// Whether the bytes before `end` end with `分` (E5 88 86), `等` (E7 AD 89), `指标`.
  @inline(__always)
  private static func endsWithFen(_ bytes: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
    end >= 3 && bytes[end - 1] == 0x86 && bytes[end - 2] == 0x88 && bytes[end - 3] == 0xE5
  }

  @inline(__always)
  private static func endsWithDeng(_ bytes: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
    end >= 3 && bytes[end - 1] == 0x89 && bytes[end - 2] == 0xAD && bytes[end - 3] == 0xE7
  }

  @inline(__always)
  private static func endsWithZhibiao(_ bytes: UnsafeBufferPointer<UInt8>, _ end: Int) -> Bool {
    end >= 6 && bytes[end - 1] == 0x87 && bytes[end - 2] == 0xA0 && bytes[end - 3] == 0xE6
      && bytes[end - 4] == 0x87 && bytes[end - 5] == 0x8C && bytes[end - 6] == 0xE6
  }

  /// How many leading bytes of the key `stripAnnotations` keeps, when what it keeps is a
  /// prefix of the key (no score group dropped from inside it), found without building a
  /// string; nil when it drops a group or when the `等` it trims might be part of a larger
  /// character, where the string reading answers.
  static func strippedPrefixCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
    strippedPrefixCount(bytes, firstOpen: bytes.firstIndex(ofByte: 0x28))
  }

  /// `strippedPrefixCount(bytes)` where the caller has found the first `(` already.
  @inline(__always)
  private static func strippedPrefixCount(_ bytes: UnsafeBufferPointer<UInt8>, firstOpen: Int?) -> Int? {
    var end = bytes.count
    if firstOpen == nil && !endsWithFen(bytes, end) && !endsWithDeng(bytes, end) { return end }
    // A score group closed at depth 0 is dropped from inside the key. Text outside groups is
    // skipped to the next `(`; inside one, scalars are read until it proves a score. `(`
    // and `)` are ASCII, never inside a longer scalar's bytes.
    var index = firstOpen ?? end
    var depth = 0
    var isScore = false
    while index < end {
      let byte = bytes[index]
      if depth == 0 {
        depth = 1
        isScore = false
        index += 1
        continue
      }
      if byte == 0x28 {
        depth += 1
        index += 1
        continue
      }
      if byte == 0x29 {
        depth -= 1
        if depth == 0 {
          if isScore { return nil }
          index = bytes.firstIndex(ofByte: 0x28, from: index + 1) ?? end
          continue
        }
        index += 1
        continue
      }
      if isScore || byte < 0x80 {
        if byte >= 0x30 && byte <= 0x39 { isScore = true }
        index += 1
        continue
      }
      let (scalar, next) = decode(bytes, at: index)
      if scalar == 0x5206 || isNumeric(scalar) { isScore = true }
      index = next
    }
    // A trailing score (`50分`, `0-20分`), kept when fewer than two scalars would remain.
    if endsWithFen(bytes, end) {
      var trimmed = end - 3
      while trimmed > 0 {
        let start = scalarStart(bytes, before: trimmed)
        let scalar = decode(bytes, at: start).scalar
        guard scalar == 0x2D || isNumeric(scalar) else { break }
        trimmed = start
      }
      if trimmed > 0 && scalarStart(bytes, before: trimmed) > 0 { end = trimmed }
    }
    if endsWithDeng(bytes, end) {
      // `removeLast` drops a character: `等` alone unless a prepended scalar joins it, which
      // ASCII and ideographs (lead bytes E4–E9) never do.
      if end > 3 {
        let before = bytes[end - 4]
        let lead = bytes[scalarStart(bytes, before: end - 3)]
        guard before < 0x80 || (lead >= 0xE4 && lead <= 0xE9) else { return nil }
      }
      end -= 3
    }
    return end
  }

  /// The scalar at `index` of valid UTF-8, and where the next one starts.
  @inline(__always)
  private static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: UInt32, next: Int) {
    let lead = bytes[index]
    if lead < 0x80 { return (UInt32(lead), index + 1) }
    var length = 2
    var value = UInt32(lead & 0x1F)
    if lead >= 0xF0 {
      length = 4
      value = UInt32(lead & 0x07)
    } else if lead >= 0xE0 {
      length = 3
      value = UInt32(lead & 0x0F)
    }
    var offset = 1
    while offset < length && index + offset < bytes.count {
      value = value << 6 | UInt32(bytes[index + offset] & 0x3F)
      offset += 1
    }
    return (value, index + offset)
  }

  /// Where the scalar ending at `end` starts.
  @inline(__always)
  private static func scalarStart(_ bytes: UnsafeBufferPointer<UInt8>, before end: Int) -> Int {
    var start = end - 1
    while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
    return start
  }

  /// `numericType != nil`: among ASCII only the digits; other scalars are asked.
  @inline(__always)
  private static func isNumeric(_ scalar: UInt32) -> Bool {
    if scalar < 0x80 { return scalar >= 0x30 && scalar <= 0x39 }
    return Unicode.Scalar(scalar)?.properties.numericType != nil
  }

  /// The level 1 a key names, if any.
  public static func level1(_ rawKey: String) -> Level1? {
    // By bytes when stripping keeps a prefix of the key: no string is built.
    let answer: Level1?? = rawKey.withUTF8Bytes { bytes in
      guard mayName(bytes, longestName: longestLevel1) else { return .some(nil) }
      guard let end = strippedPrefixCount(bytes) else { return nil }
      return .some(level1(stripped: UnsafeBufferPointer(rebasing: bytes[..<end])))
    }
    if let answer { return answer }
    return level1(strippedKey: stripAnnotations(rawKey))
  }

  /// Both levels a key names, stripped once: `level1` and `level2` of the same key share
  /// their checks before the table look-up, and readers that ask both pay them once.
  public static func levels(_ rawKey: String) -> (level1: Level1?, level2: Level2?) {
    // `answer` nil: the string reading answers, for the levels the key may still name.
    typealias Reading = (may1: Bool, may2: Bool, answer: (Level1?, Level2?)?)
    let (may1, may2, answer): Reading = rawKey.withUTF8Bytes { bytes in
      let firstOpen = bytes.firstIndex(ofByte: 0x28)
      let head = firstOpen ?? bytes.count
      let trims = head > min(longestLevel1, longestLevel2)
        && (bytes.firstIndex(of: fen) != nil || bytes.firstIndex(of: deng) != nil)
      let may1 = head <= longestLevel1 || trims
      let may2 = head <= longestLevel2 || trims
      guard may1 || may2 else { return (false, false, (nil, nil)) }
      guard let end = strippedPrefixCount(bytes, firstOpen: firstOpen) else { return (may1, may2, nil) }
      let key = UnsafeBufferPointer(rebasing: bytes[..<end])
      return (may1, may2, (may1 ? level1(stripped: key) : nil, may2 ? level2(stripped: key) : nil))
    }
    if let answer { return answer }
    let key = stripAnnotations(rawKey)
    return (may1 ? level1(strippedKey: key) : nil, may2 ? level2(strippedKey: key) : nil)
  }

  /// The level 1 of a key's bytes after `strippedPrefixCount`.
  @inline(__always)
  private static func level1(stripped key: UnsafeBufferPointer<UInt8>) -> Level1? {
    if let level = level1Names[key] { return level }
    // Both prefixes start with `产出` (E4 BA A7 E5 87 BA).
    if key.count >= outputOpen.count && key[0] == 0xE4 && key[1] == 0xBA && key[2] == 0xA7,
      key.hasBytes(outputWorkload, at: 0) || key.hasBytes(outputOpen, at: 0)
    {
      return .output
    }
    let number = outlineNumberLength(key)
    return number > 0 ? level1(stripped: UnsafeBufferPointer(rebasing: key[number...])) : nil
  }

  /// The level 2 of a key's bytes after `strippedPrefixCount`.
  @inline(__always)
  private static func level2(stripped key: UnsafeBufferPointer<UInt8>) -> Level2? {
    var end = key.count
    if endsWithZhibiao(key, end) { end -= 6 }
    if let level = level2Names[UnsafeBufferPointer(rebasing: key[..<end])] { return level }
    let number = outlineNumberLength(key)
    return number > 0 ? level2(stripped: UnsafeBufferPointer(rebasing: key[number...])) : nil
  }

  /// The outline number before a level name, in bytes: `一、`, `(一)`, `1.`, `1、`, `2)`,
  /// `(1)`, and `1.1` or `1.1.` (a name numbered as a section of its level 1). 0 for none: a
  /// numeral without a mark after it (一级, 三类) is no number.
  static func outlineNumberLength(_ key: UnsafeBufferPointer<UInt8>) -> Int {
    let opens = key.first == 0x28
    var index = opens ? 1 : 0
    let start = index
    var dotted = false
    while index < key.count {
      let byte = key[index]
      if byte >= 0x30 && byte <= 0x39 {
        index += 1
      } else if byte == 0x2E, index > start, index + 1 < key.count, key[index + 1] >= 0x30 && key[index + 1] <= 0x39 {
        dotted = true
        index += 1
      } else if FormVocabulary.numeralLength(key, at: index) == 3 {
        index += 3
      } else {
        break
      }
    }
    guard index > start, index < key.count else { return 0 }
    var length = 0
    if opens {
      length = key[index] == 0x29 ? index + 1 : 0
    } else {
      switch key[index] {
      case 0x2E, 0x29, 0x2C, 0x20: length = index + 1
      case 0xE3 where index + 3 <= key.count && key[index + 1] == 0x80 && key[index + 2] == 0x81: length = index + 3
      default: length = dotted ? index : 0
      }
    }
    // A number with nothing after it names nothing.
    return length < key.count ? length : 0
  }


  /// The level 1 of a key after `stripAnnotations`.
  private static func level1(strippedKey key: String) -> Level1? {
    key.withUTF8Bytes { level1(stripped: $0) }
  }

  /// The level 2 of a key after `stripAnnotations`.
  private static func level2(strippedKey stripped: String) -> Level2? {
    stripped.withUTF8Bytes { level2(stripped: $0) }
  }

  private static let outputWorkload = Array("产出(工作量)".utf8)
  private static let outputOpen = Array("产出指标(".utf8)

  static let level1Names: WordTable<Level1> = names([
    (.output, ["产出指标", "产出", "产出(工作量)指标", "产出指标(工作量)", "项目产出", "产出目标"]),
    (.benefit, ["效益指标", "效益", "项目效益", "效果指标", "效益目标"]),
    (.satisfaction, ["满意度指标", "满意度", "满意度目标"]),
    (.cost, ["成本指标", "成本"]),
  ])

  /// Bytes of the longest level-1 name, and of the longest level-2 name with `指标` (which
  /// `level2` drops); `产出指标(` is the longest prefix `level1` accepts.
  private static let longestLevel1 = level1Names.longestWord
  private static let longestLevel2 = level2Names.longestWord + "指标".utf8.count

  /// The level 2 a key names, if any.
  public static func level2(_ rawKey: String) -> Level2? {
    let answer: Level2?? = rawKey.withUTF8Bytes { bytes in
      guard mayName(bytes, longestName: longestLevel2) else { return .some(nil) }
      guard let end = strippedPrefixCount(bytes) else { return nil }
      return .some(level2(stripped: UnsafeBufferPointer(rebasing: bytes[..<end])))
    }
    if let answer { return answer }
    return level2(strippedKey: stripAnnotations(rawKey))
  }

  static let level2Names: WordTable<Level2> = names([
    (.quantity, ["数量", "产出数量"]),
    (.quality, ["质量", "产出质量"]),
    (.timeliness, ["时效", "产出时效", "进度", "时效性"]),
    (.cost, ["成本", "产出成本"]),
    (.economicBenefit, ["经济效益"]),
    (.socialBenefit, ["社会效益"]),
    (.ecologicalBenefit, ["生态效益", "环境效益", "生态环境效益"]),
    (.sustainability, ["可持续影响", "可持续发展影响", "可持续发展"]),
    (.serviceSatisfaction, ["服务对象满意度", "社会公众或服务对象满意度", "社会公众满意度", "群众满意度", "服务对象满意", "社会满意度"]),
    (.economicCost, ["经济成本"]),
    (.socialCost, ["社会成本"]),
    (.ecologicalCost, ["生态环境成本", "生态成本", "环境成本"]),
  ])

  static func names<Level>(_ groups: [(Level, [String])]) -> WordTable<Level> {
    WordTable(groups.flatMap { level, spellings in spellings.map { ($0, level) } })
  }

  /// The total a block label declares: 90 in `年度绩效目标(90分)` and in
  /// `绩效指标(权重分值90分,其中产出指标权重分值50分…)`.
  public static func declaredWeight(_ key: String) -> Decimal? {
    guard let open = key.firstIndex(of: "(") else { return nil }
    var digits = ""
    for character in key[key.index(after: open)...] {
      if character.isASCII && character.isNumber {
        digits.append(character)
      } else if !digits.isEmpty {
        return character == "分" ? Decimal(string: digits) : nil
      }
    }
    return nil
  }

  /// `(40-50)分`, `(50分)`, `（0-20）分`: a score range printed under a level name.
  public static func isScoreAnnotation(_ key: String) -> Bool {
    // The lead byte read in place first: every cell of an indicator row is asked, and few
    // begin with a bracket.
    guard key.withUTF8Bytes({ $0.first }) == 0x28, key.containsBytes(")"), key.count <= 14 else { return false }
    return key.containsBytes("分") && key.allSatisfy { $0.isNumber || "()-~分.".contains($0) }
  }

  /// Is this key the standard spelling (`数量指标`), or a variant worth a note?
  public static func isStandardSpelling(_ key: String) -> Bool {
    Level1.named(key) != nil || Level2.named(key) != nil
  }

  /// A level 1 or level 2 name, as written or in a local variant.
  static func isLevelName(_ key: String) -> Bool {
    Level1.named(key) != nil || Level2.named(key) != nil
  }

  /// Whether the key is the first part of a level name, not the whole (`服务对象`, `可持续`):
  /// a name wrapped onto two lines.
  static func beginsLevelName(_ key: String) -> Bool {
    !key.isEmpty && levelNames.contains { $0.count > key.count && $0.hasPrefix(key) }
  }

  private static let levelNames = Level1.allCases.map(\.rawValue) + Level2.allCases.map(\.rawValue)

  /// Block labels of indicator sections: 绩效指标, 年度绩效指标, 长期绩效指标.
  public static func blockLabel(_ key: String) -> Horizon?? {
    // Looked up by bytes: called for every cell, and a `switch` over strings compares each
    // case with Unicode normalisation.
    blockLabels[key]
  }

  static let blockLabels = WordTable<Horizon?>(
    ["绩效指标", "名称", "本年度绩效指标", "专项年度绩效指标", "项目绩效指标", "项目指标"].map { ($0, nil) }
      + ["年度绩效指标", "年度指标"].map { ($0, .annual) }
      + ["长期绩效指标", "中长期绩效指标", "长期指标"].map { ($0, .longTerm) })

  /// Part of a block label, not the whole (`年度绩效` ⏎ `指标`, `绩` ⏎ `效`): the lines of a
  /// block label set across its column's rows, as a converter prints a wrapped merged cell.
  /// Only the block-label column may be read so: `指标` elsewhere is a name.
  static func isBlockLabelFragment(_ key: String) -> Bool {
    // By bytes: asked of every cell of an indicator row, and `String.contains` builds an
    // array of the label's characters for each search. A part that is whole characters
    // (keys are valid UTF-8) is shorter in bytes exactly when it is in characters.
    let length = key.utf8.count
    guard length > 0, blockLabel(key) == nil else { return false }
    return blockLabelWords.contains { $0.utf8.count > length && $0.containsBytes(key) }
  }

  private static let blockLabelWords = blockLabels.words.filter { $0 != "名称" }

  /// The horizon a part of a block label names: that of every label holding the part and
  /// naming one (`长期绩效` and `长` name the long term, `年度绩效` the year); nil where
  /// labels of both hold it (`绩效`, `指标`) or it is no part of a label.
  static func horizon(ofFragment key: String) -> Horizon? {
    guard isBlockLabelFragment(key) else { return nil }
    var found: Horizon?
    for (word, horizon) in horizonLabels where word.utf8.count > key.utf8.count && word.containsBytes(key) {
      if found != nil && found != horizon { return nil }
      found = horizon
    }
    return found
  }

  private static let horizonLabels: [(String, Horizon)] = blockLabels.pairs.compactMap { pair in
    pair.value.map { (pair.word, $0) }
  }

  /// A ditto mark in a level's cell (`〃`, `同上`, `"`): the level of the row above, as a merged
  /// cell left empty says.
  static func isDittoMark(_ key: String) -> Bool {
    // A table of bytes: asked of every level cell, and a `switch` over strings compares
    // each case with Unicode normalisation.
    dittoMarks.contains(key)
  }

  private static let dittoMarks = WordSet(["〃", "同上", "\"", "“", "”", "\"\"", "“”", "''"])

  /// Evaluation-table level 1s (决策, 过程): a sign of a self-evaluation or evaluation table.
  public static func isEvaluationLevel(_ key: String) -> Bool {
    evaluationLevels.contains(stripAnnotations(key))
  }

  private static let evaluationLevels = WordSet(["决策", "过程", "项目决策", "项目过程", "项目管理"])
}
