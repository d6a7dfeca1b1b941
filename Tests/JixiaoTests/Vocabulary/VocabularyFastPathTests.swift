import Testing

@testable import Jixiao

/// The byte readings of the vocabulary (level names, form labels, inline fields, checkbox
/// marks) held to the string readings they replaced, kept here as they were, on
/// arrangements of the pieces that steer them and on every piece of every corpus document.
@Suite struct VocabularyFastPathTests {
  // MARK: The readings replaced

  static func oldStripAnnotations(_ key: String) -> String {
    // Most keys carry no annotation.
    if !key.containsByte(0x28) && !key.hasSuffixBytes("分") && !key.hasSuffixBytes("等") { return key }
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

  static func oldMayName(_ rawKey: String, longestName: Int) -> Bool {
    rawKey.withUTF8Bytes { bytes in
      let head = bytes.firstIndex(of: 0x28) ?? bytes.count
      guard head > longestName else { return true }
      return rawKey.containsBytes("分") || rawKey.containsBytes("等")
    }
  }

  static func oldLevel1(_ rawKey: String) -> Level1? {
    guard oldMayName(rawKey, longestName: LevelVocabulary.level1Names.longestWord) else { return nil }
    return oldLevel1(named: oldStripAnnotations(rawKey))
  }

  private static func oldLevel1(named key: String) -> Level1? {
    if let level = LevelVocabulary.level1Names[key] { return level }
    if key.hasPrefixBytes("产出(工作量)") || key.hasPrefixBytes("产出指标(") { return .output }
    return withoutOutlineNumber(key).flatMap { oldLevel1(named: $0) }
  }

  static func oldLevel2(_ rawKey: String) -> Level2? {
    guard oldMayName(rawKey, longestName: LevelVocabulary.level2Names.longestWord + 6) else { return nil }
    return oldLevel2(named: oldStripAnnotations(rawKey))
  }

  private static func oldLevel2(named stripped: String) -> Level2? {
    var key = stripped
    if key.hasSuffixBytes("指标") { key = String(decoding: key.utf8.dropLast(6), as: UTF8.self) }
    if let level = LevelVocabulary.level2Names[key] { return level }
    return withoutOutlineNumber(stripped).flatMap { oldLevel2(named: $0) }
  }

  /// A name less its outline number, read by characters (the numbers came after the byte
  /// readings: `LevelNumberingTests`); nil where it has none.
  static func withoutOutlineNumber(_ key: String) -> String? {
    let numerals: [Character] = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    var rest = Substring(key)
    let opens = rest.first == "("
    if opens { rest = rest.dropFirst() }
    var number = ""
    while let character = rest.first {
      let dotBeforeDigit = character == "." && !number.isEmpty && rest.dropFirst().first.map { $0.isASCII && $0.isNumber } == true
      guard numerals.contains(character) || dotBeforeDigit else { break }
      number.append(character)
      rest = rest.dropFirst()
    }
    guard !number.isEmpty, let next = rest.first else { return nil }
    if opens { return next == ")" ? String(rest.dropFirst()) : nil }
    if [".", ")", ",", " ", "、"].contains(next) { return String(rest.dropFirst()) }
    return number.contains(".") ? String(rest) : nil
  }

  static func oldRole(_ key: String) -> FieldRole? {
    let byBytes = FormVocabulary.byBytes
    if let role = byBytes[key] { return role }
    let endsWithUnit = key.hasSuffixBytes("元)")
    if endsWithUnit, let open = key.utf8.lastIndex(of: 0x28), open > key.startIndex {
      if let role = byBytes[key[..<open]] { return role }
    }
    // Added with the rule (not in the first version of the code): a label and the years it
    // covers, `中期目标(2025年-2027年)`.
    if key.hasSuffixBytes(")"), let open = key.utf8.lastIndex(of: 0x28), open > key.startIndex {
      let brackets = key[open...]
      if brackets.contains(where: { $0.isASCII && $0.isNumber }), brackets.contains("年"), let role = byBytes[key[..<open]] { return role }
    }
    let stripped = FormVocabulary.stripNumbering(key)
    if stripped != key, let role = byBytes[stripped] { return role }
    if endsWithUnit, let unitStart = key.utf8.firstIndex(of: 0x28) {
      if FormVocabulary.fundsGroupBases.contains(key[..<unitStart]) { return .fundsGroup }
    }
    if FormVocabulary.fundsGroupBases.contains(key) { return .fundsGroup }
    if key.hasSuffixBytes("意见") && key.count <= 16 { return .review }
    // Added with the rules: funds lines and totals read by their parts.
    if key.withUTF8Bytes(FormVocabulary.isFundsSource) { return .fundsLine }
    if key.withUTF8Bytes(FormVocabulary.isFundsTotal) { return .fundsTotal }
    return nil
  }

  /// `InlineFields.split` as it was: every candidate label made, keyed and asked.
  static func oldSplitPieces(_ text: String) -> (pieces: [InlineFields.Piece], leftoverOffset: Int?)? {
    let scalars = Array(text.unicodeScalars)
    // Find colons preceded by a known label.
    var labels: [(role: FieldRole, label: String, start: Int, valueStart: Int)] = []
    for (index, scalar) in scalars.enumerated() where scalar == ":" || scalar == "：" {
      var best: (FieldRole, Int)?
      var start = index - 1
      while start >= 0 && index - start <= 14 {
        let candidate = String(scalars: scalars[start..<index])
        let key = TextKey.make(candidate)
        if let role = oldRole(key), !candidate.hasPrefixBytes(" ") {
          best = (role, start)
        }
        start -= 1
      }
      if let (role, labelStart) = best {
        var trimmedStart = labelStart
        while trimmedStart < index, Blank.isBlank(scalars[trimmedStart]) { trimmedStart += 1 }
        labels.append((role, String(scalars: scalars[trimmedStart..<index]), trimmedStart, index + 1))
      }
    }
    // A money label right before its amount, without a colon: first, or after a blank, a
    // separator or 其中, and first in the text or after a money label.
    let moneyWords = ["资金", "拨款", "总额", "金额", "预算", "结转", "经费", "投资"]
    if text.unicodeScalars.contains(where: { ("0"..."9").contains($0) }), moneyWords.contains(where: { text.contains($0) }) {
      let isDigit = { (scalar: Unicode.Scalar) in ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar) }
      for index in scalars.indices where isDigit(scalars[index]) {
        if index > 0, isDigit(scalars[index - 1]) || [".", ","].contains(scalars[index - 1]) { continue }
        var end = index
        while end > 0, Blank.isBlank(scalars[end - 1]) { end -= 1 }
        guard end > 0, scalars[end - 1].properties.isIdeographic else { continue }
        var best: (FieldRole, Int)?
        for start in stride(from: end - 1, through: max(end - 14, 0), by: -1) {
          var before = Array(scalars[..<start])
          if before.count >= 2, before[before.count - 2] == "其", before.last == "中" { before.removeLast(2) }
          let afterSeparator = before.last.map { Blank.isBlank($0) || "\n，,、;；。.".unicodeScalars.contains($0) } ?? true
          if afterSeparator, let role = oldRole(TextKey.make(String(scalars: scalars[start..<end]))), InlineFields.isMoney(role) {
            best = (role, start)
          }
        }
        if let (role, start) = best { labels.append((role, String(scalars: scalars[start..<end]), start, index)) }
      }
      labels.sort { ($0.start, $0.valueStart) < ($1.start, $1.valueStart) }
      labels = labels.indices.filter { position in
        let bare = !(labels[position].valueStart > 0 && [":", "："].contains(scalars[labels[position].valueStart - 1]))
        return !bare || position == 0 || InlineFields.isMoney(labels[position - 1].role)
      }.map { labels[$0] }
    }
    guard !labels.isEmpty else { return nil }
    var pieces: [InlineFields.Piece] = []
    var leftover: Int?
    for (position, label) in labels.enumerated() {
      let end = position + 1 < labels.count ? labels[position + 1].start : scalars.count
      guard label.valueStart <= end else { continue }
      var valueStart = label.valueStart
      while valueStart < end, Blank.isBlank(scalars[valueStart]) || scalars[valueStart] == "\n" { valueStart += 1 }
      var valueEnd = end
      while valueEnd > valueStart, Blank.isBlank(scalars[valueEnd - 1]) || scalars[valueEnd - 1] == "\n" { valueEnd -= 1 }
      var value = String(scalars: scalars[valueStart..<valueEnd])
      // A money label takes only the amount; what follows it is not its value.
      if InlineFields.isMoney(label.role) {
        let (amountLength, rest) = InlineFields.leadingAmount(value)
        if rest > 0 || amountLength == 0 {
          let restStart = valueStart + amountLength
          var restTrimmed = restStart
          while restTrimmed < valueEnd, Blank.isBlank(scalars[restTrimmed]) { restTrimmed += 1 }
          if restTrimmed < valueEnd, position == labels.count - 1 { leftover = restTrimmed }
          value = String(scalars: scalars[valueStart..<restStart]).trimmingBlanks().description
        }
      }
      pieces.append(InlineFields.Piece(role: label.role, label: label.label, labelOffset: label.start, value: value, valueOffset: valueStart))
    }
    if let first = labels.first, first.start > 0 {
      let before = String(scalars: scalars[0..<first.start]).trimmingBlanks()
      if !before.isEmpty { return nil }
    }
    return (pieces, leftover)
  }

  static func describe(_ result: (pieces: [InlineFields.Piece], leftoverOffset: Int?)?) -> String {
    guard let result else { return "nil" }
    return result.pieces.map { "\($0.role)|\($0.label)|\($0.labelOffset)|\($0.value)|\($0.valueOffset)" }
      .joined(separator: ",") + "/\(result.leftoverOffset.map(String.init) ?? "-")"
  }

  static func oldSplit(_ text: String) -> String { describe(oldSplitPieces(text)) }
  static func newSplit(_ text: String) -> String { describe(InlineFields.split(text)) }

  static let oldChecked: Set<Character> = ["☑", "√", "✓", "✔", "■", "☒", "R", "▇", "●", "◉", "▣"]
  static let oldUnchecked: Set<Character> = ["☐", "□", "○", "◯"]

  /// The reading by sets of characters: each label the mark after it, or, where the text
  /// begins with a mark, the mark before it.
  static func oldSelected(in text: String) -> String? {
    let cleaned = CellText.clean(text)
    guard cleaned.contains(where: { oldChecked.contains($0) || oldUnchecked.contains($0) }) else { return nil }
    var options: [(label: String, isChecked: Bool?)] = []
    var label = ""
    let isMark = { (character: Character) in oldChecked.contains(character) || oldUnchecked.contains(character) }
    if let first = cleaned.first(where: { !String($0).trimmingBlanks().isEmpty }), isMark(first) {
      var pieces: [(mark: Character, label: String)] = []
      for character in cleaned {
        if isMark(character) { pieces.append((character, "")) } else if !pieces.isEmpty { pieces[pieces.count - 1].label.append(character) }
      }
      let picked = pieces.filter { oldChecked.contains($0.mark) }.map { String($0.label.trimmingBlanks()) }.filter { !$0.isEmpty }
      return picked.count == 1 ? picked[0] : nil
    }
    for character in cleaned {
      if oldChecked.contains(character) || oldUnchecked.contains(character) {
        let trimmed = String(label.trimmingBlanks())
        if !trimmed.isEmpty {
          options.append((trimmed, oldChecked.contains(character)))
        } else if let lastIndex = options.indices.last, options[lastIndex].isChecked == nil {
          options[lastIndex].isChecked = oldChecked.contains(character)
        }
        label = ""
      } else {
        label.append(character)
      }
    }
    let picked = options.filter { $0.isChecked == true }.map(\.label)
    guard picked.count == 1 else { return nil }
    return picked[0]
  }

  static func oldYearLine(_ key: String) -> Int? {
    var body = Substring(key)
    if body.hasPrefixBytes("(") && body.hasSuffixBytes(")") {
      body = body.dropFirst().dropLast()
    } else {
      return nil
    }
    for suffix in ["年度", "年"] where body.hasSuffixBytes(suffix) {
      let digits = body.dropLast(suffix.count)
      if digits.count == 4, digits.allSatisfy(\.isNumber), let year = Int(digits),
        (1990...2100).contains(year)
      {
        return year
      }
    }
    return nil
  }

  static func oldYear(in key: String) -> Int? {
    let characters = Array(key)
    var index = 0
    while index + 4 <= characters.count {
      let slice = characters[index..<(index + 4)]
      if slice.allSatisfy({ $0.isASCII && $0.isNumber }),
        index == 0 || !(characters[index - 1].isASCII && characters[index - 1].isNumber),
        index + 4 < characters.count, characters[index + 4] == "年",
        let year = Int(String(slice)), (1990...2100).contains(year)
      {
        return year
      }
      index += 1
    }
    return nil
  }

  static func oldLooksLikeLabel(_ key: String) -> Bool {
    guard (2...20).contains(key.count), !key.contains(where: { $0.isNumber || "，。；,;".contains($0) }) else { return false }
    return FormVocabulary.labelEndings.contains { key.hasSuffixBytes($0) }
  }

  static func expectSameTitles(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(TitleVocabulary.yearLine(text) == oldYearLine(text), "\(text)", sourceLocation: sourceLocation)
    #expect(TitleVocabulary.year(in: text) == oldYear(in: text), "\(text)", sourceLocation: sourceLocation)
    #expect(FormVocabulary.looksLikeLabel(text) == oldLooksLikeLabel(text), "\(text)", sourceLocation: sourceLocation)
  }

  @Test func yearsAndLabels() {
    let pieces = ["(", ")", "2024", "1", "年", "度", "\u{F98E}", "\u{0600}", "\u{301}", "２", "一", "，", ";", "部门", "情况", "\r\n", "x"]
    var found = 0
    for text in Arrangements.of(pieces, upTo: 4) {
      Self.expectSameTitles(text)
      if Self.oldYearLine(text) != nil || Self.oldYear(in: text) != nil || Self.oldLooksLikeLabel(text) { found += 1 }
    }
    #expect(found > 1000)
  }

  // MARK: Comparisons

  static func expectSameVocabulary(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(LevelVocabulary.stripAnnotations(text) == oldStripAnnotations(text), "\(text)", sourceLocation: sourceLocation)
    #expect(LevelVocabulary.level1(text) == oldLevel1(text), "\(text)", sourceLocation: sourceLocation)
    #expect(LevelVocabulary.level2(text) == oldLevel2(text), "\(text)", sourceLocation: sourceLocation)
    // `levels` strips once for both: it answers what the two separate readings answer.
    let levels = LevelVocabulary.levels(text)
    #expect(levels.level1 == oldLevel1(text) && levels.level2 == oldLevel2(text), "\(text)", sourceLocation: sourceLocation)
    #expect(FormVocabulary.role(text) == oldRole(text), "\(text)", sourceLocation: sourceLocation)
  }

  @Test func levelNamesAndAnnotations() {
    let pieces = [
      "(", ")", "分", "1", "一", "-", "等", "指标", "产出", "数量", "效益", "工作量", "a", " ", "\u{0600}", "\u{301}", "½",
    ]
    var levels = 0
    for text in Arrangements.of(pieces, upTo: 4) {
      Self.expectSameVocabulary(text)
      if Self.oldLevel1(text) != nil || Self.oldLevel2(text) != nil { levels += 1 }
    }
    #expect(levels > 100)
  }

  @Test func everyNameWithItsAnnotations() {
    let names = LevelVocabulary.level1Names.words + LevelVocabulary.level2Names.words.flatMap { [$0, $0 + "指标"] }
    let tails = ["", "(20分)", "(0-20)分", "20分", "分", "等", "(权重30分)等", "(工作量)", "88100", "(", "\u{0600}等", "1-分等"]
    for name in names {
      for tail in tails {
        Self.expectSameVocabulary(name + tail)
        Self.expectSameVocabulary("(一)" + name + tail)
      }
    }
  }

  @Test func formLabels() {
    let labels = FormVocabulary.entries.map(\.key) + FormVocabulary.fundsGroupBases.words
    let heads = ["", "一、", "(一)", "1.", "十二,", "3)", "(1", "一"]
    let tails = ["", "(万元)", "(元)", "元)", "意见", "审核意见", "(", "\u{301}"]
    // `role` reads `.review` only from the `意见` rule.
    #expect(!FormVocabulary.entries.contains { $0.value == .review })
    var roles = 0
    for label in labels + ["", "(", "主管部门审核意见", String(repeating: "长", count: 15) + "意见"] {
      for head in heads {
        for tail in tails {
          let text = head + label + tail
          Self.expectSameVocabulary(text)
          if Self.oldRole(text) != nil { roles += 1 }
        }
      }
    }
    #expect(roles > 1000)
  }

  @Test func inlineFieldLabels() {
    let pieces = ["资金总额", ":", "：", " ", "*", "350", "财政拨款", "其中", "一、", "(", "\u{3000}", "意见", "é", "，"]
    var found = 0
    for text in Arrangements.of(pieces, upTo: 4) {
      let expected = Self.oldSplit(text)
      #expect(Self.newSplit(text) == expected, "\(text)")
      if expected != "nil" { found += 1 }
    }
    #expect(found > 1000)
    let long = "项目负责人及联系电话:张三 财政拨款(万元)：350 主管部门审核意见:同意 *填报人:李"
    #expect(Self.newSplit(long) == Self.oldSplit(long))
  }

  @Test func checkboxMarks() {
    let pieces = ["新增", "☑", "☐", "R", "√", "□", " ", "\u{FE0F}", "\u{301}", "○", "延续", "●"]
    var picked = 0
    for text in Arrangements.of(pieces, upTo: 4) {
      let expected = Self.oldSelected(in: text)
      #expect(Checkbox.selected(in: text) == expected, "\(text)")
      if expected != nil { picked += 1 }
    }
    #expect(picked > 200)
  }

  /// The byte searches that replaced _StringProcessing's (`ReadingPathSymbolTests`), on
  /// texts of CJK, ASCII, the patterns themselves and their overlaps.
  @Test func byteSearchesAgreeWithStringSearches() {
    let pieces = ["单位", "单", "位", ":", "元", "\"", "\"\"", "\\|", "|", "\r\n", "\n", "指标", "年度绩效", "人/次", "a"]
    let patterns = ["单位", "\"\"", "\\|", "\r\n", "指标", "人/次", "绩效指标", "元"]
    var found = 0
    for text in Arrangements.of(pieces, upTo: 3) {
      for pattern in patterns {
        #expect(text.containsBytes(pattern) == text.contains(pattern), "\(text) ∋ \(pattern)")
        #expect(text.replacingBytes(pattern, with: "|") == text.replacing(pattern, with: "|"), "\(text) / \(pattern)")
        #expect(
          text.componentsBytes(separatedBy: pattern) == text.split(separator: pattern, omittingEmptySubsequences: false).map(String.init),
          "\(text) / \(pattern)")
        if text.contains(pattern) { found += 1 }
      }
      #expect(RowClassifier.unitAnnotation(text) == Self.oldUnitAnnotation(text), "\(text)")
      #expect(LevelVocabulary.isBlockLabelFragment(text) == Self.oldIsBlockLabelFragment(text), "\(text)")
    }
    #expect(found > 1_000)
    for label in LevelVocabulary.blockLabels.words {
      for end in label.indices {
        for start in label.indices where start <= end {
          let part = String(label[start...end])
          #expect(LevelVocabulary.isBlockLabelFragment(part) == Self.oldIsBlockLabelFragment(part), "\(part)")
        }
      }
    }
    var units = 0
    for text in Arrangements.of(["单位", ":", "(", ")", "。", "人民币", "元", "万元", " ", "表", "]", "位"], upTo: 4) {
      let expected = Self.oldUnitAnnotation(text)
      #expect(RowClassifier.unitAnnotation(text) == expected, "\(text)")
      if expected != nil { units += 1 }
    }
    #expect(units > 100)
    for text in ["单位:元", "(单位:万元)", "金额单位:人民币元", "单位(元)", "绩效目标表(单位:元)", "填报单位:某局", "单位:万元 单位:元", "单位"] {
      #expect(RowClassifier.unitAnnotation(text) == Self.oldUnitAnnotation(text), "\(text)")
    }
  }

  static func oldUnitAnnotation(_ key: String) -> MoneyUnit? {
    guard let word = key.ranges(of: "单位").last else { return nil }
    var rest = key[word.upperBound...]
    while let first = rest.first, first == ":" || first == "(" || first == "[" || first == " " { rest = rest.dropFirst() }
    while let last = rest.last, last == ")" || last == "]" || last == "。" || last == "." || last == ";" || last == " " {
      rest = rest.dropLast()
    }
    if rest.hasPrefix("人民币") { rest = rest.dropFirst(3) }
    switch rest {
    case "万元": return .wanYuan
    case "元": return .yuan
    case "千元": return .qianYuan
    case "亿元": return .yiYuan
    default: return nil
    }
  }

  static func oldIsBlockLabelFragment(_ key: String) -> Bool {
    !key.isEmpty && LevelVocabulary.blockLabel(key) == nil
      && LevelVocabulary.blockLabels.words.filter { $0 != "名称" }.contains { $0.count > key.count && $0.contains(key) }
  }

  @Test(arguments: CorpusTests.documents)
  func corpusPieces(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    let text = String(decoding: bytes, as: UTF8.self)
    for line in text.split(whereSeparator: \.isNewline) {
      let line = String(line)
      #expect(Self.newSplit(line) == Self.oldSplit(line), "\(line)")
      #expect(Checkbox.selected(in: line) == Self.oldSelected(in: line), "\(line)")
      for piece in line.split(whereSeparator: { $0 == "\t" || $0 == "|" || $0 == " " }) + [Substring(line)] {
        let piece = String(piece)
        Self.expectSameVocabulary(piece)
        Self.expectSameVocabulary(TextKey.make(piece))
        Self.expectSameTitles(piece)
        Self.expectSameTitles(TextKey.make(piece))
      }
    }
  }
}
