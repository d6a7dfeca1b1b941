/// Cells run together with no separator at all (a .docx flattened to one line): the cell
/// boundaries come from what the cells contain. Known labels, header words and level names
/// are cut out where they occur (longest first); the text between them is a cell. The cells
/// then go through `StreamRegrouper` like any cell stream.
enum RunTogetherTokenizer {
  /// Long lines that hold many vocabulary words and no separators.
  static func looksRunTogether(_ text: SourceText) -> Bool {
    for index in text.lines.indices {
      // A line has no more scalars than bytes (a repaired sequence is one scalar): the
      // shorter lines need no string.
      let bytes = text.lines[index]
      guard bytes.end - bytes.start >= 150 else { continue }
      let line = text.text(ofLine: index)
      guard line.unicodeScalars.count >= 150, !line.containsBytes("\t"), !line.containsBytes("|") else { continue }
      // One such line is enough: the lines after it need no look-up.
      if words(in: matchScalars(Array(line.unicodeScalars), traditional: text.isTraditional), upTo: 8).count >= 8 { return true }
    }
    return false
  }

  static func rows(_ text: SourceText, _ builder: inout CellBuilder) -> [Row] {
    var rows: [Row] = []
    // A text that stops without a line break may stop inside a word (`满意度指`).
    let endsCut = text.utf8.last.map { $0 != 0x0A && $0 != 0x0D } ?? false
    let lastLine = text.lines.indices.last
    for index in text.lines.indices {
      let (range, _) = builder.pageBreakStripped(index)
      let trimmed = Blank.trim(text.utf8, range)
      guard !trimmed.isEmpty else { continue }
      let line = String(decoding: text.utf8[trimmed], as: UTF8.self)
      let scalars = Array(line.unicodeScalars)
      // Byte offset of every scalar, to cut cells with exact spans. (`UTF8.width`: encoding
      // each scalar into an array to count its bytes allocated an array per character.)
      var offsets: [Int] = []
      offsets.reserveCapacity(scalars.count + 1)
      var position = trimmed.lowerBound
      for scalar in scalars {
        offsets.append(position)
        position += UTF8.width(scalar)
      }
      offsets.append(position)
      let matched = matchScalars(scalars, traditional: text.isTraditional)
      for (lower, upper) in cells(in: matched, endsCut: endsCut && index == lastLine) {
        let cell = builder.cell(lineIndex: index, range: offsets[lower]..<offsets[upper], column: 0)
        if !cell.isEmpty { rows.append(Row(cells: [cell], lineIndex: index)) }
      }
    }
    return rows
  }

  /// A line's scalars as the vocabulary is matched: simplified in a traditional document,
  /// scalar for scalar (else as written), so that the ranges found are the line's own.
  static func matchScalars(_ scalars: [Unicode.Scalar], traditional: Bool) -> [Unicode.Scalar] {
    guard traditional else { return scalars }
    var line = ""
    line.unicodeScalars.append(contentsOf: scalars)
    return ICU.simplifiedScalarForScalar(line).map { Array($0.unicodeScalars) } ?? scalars
  }

  /// The cells of one run-together line, as scalar ranges. The vocabulary words cut it; the
  /// text between them is cut again where its content shows a boundary the vocabulary cannot:
  ///
  /// - a title (`…绩效目标表(2021年度)`) is one cell, whatever words it holds;
  /// - the colon after a label belongs to the label (`财政拨款:`);
  /// - after a funds label, the amount is a cell (`总额10606.7522万元(其中:`: `总额`,
  ///   `10606.7522万元`, `(其中:`);
  /// - an explanation (`反映…情况`) is a cell: the name before it and the target after it
  ///   (`>92%`, operator, number and unit) are cells of their own;
  /// - at the end of a cut text, a piece of a vocabulary word (`满意度指`) is a cell, so that
  ///   the truncation is seen;
  /// - punctuation alone between cells (`;`, `)`) separates them and is no cell.
  static func cells(in scalars: [Unicode.Scalar], endsCut: Bool) -> [(Int, Int)] {
    let found = attributeValuesKept(words(in: scalars), scalars)
    let titles = titleRanges(in: scalars, words: found)
    var pieces: [(lower: Int, upper: Int, isWord: Bool)] = []
    var position = 0
    func addGap(until end: Int) {
      var start = position
      for title in titles where title.lowerBound < end && title.upperBound > start {
        if title.lowerBound > start { pieces.append((start, title.lowerBound, false)) }
        pieces.append((max(start, title.lowerBound), min(end, title.upperBound), true))
        start = min(end, title.upperBound)
      }
      if start < end { pieces.append((start, end, false)) }
    }
    for (start, length) in found where start >= position {
      // Words inside a title stay in it.
      if titles.contains(where: { $0.overlaps(start..<(start + length)) }) { continue }
      addGap(until: start)
      pieces.append((start, start + length, true))
      position = start + length
    }
    addGap(until: scalars.count)
    var result: [(Int, Int)] = []
    var previousWord: String?
    for piece in pieces {
      if piece.isWord {
        result.append((piece.lower, piece.upper))
        previousWord = key(scalars[piece.lower..<piece.upper])
      } else {
        refine(scalars, piece.lower, piece.upper, after: previousWord, into: &result)
        previousWord = nil
      }
    }
    if endsCut, let last = result.last, let cut = fragmentStart(scalars, last.0, last.1) {
      result[result.count - 1] = (last.0, cut)
      result.append((cut, last.1))
    }
    return ellipsesApart(result, scalars).filter { lower, upper in !scalars[lower..<upper].allSatisfy(isSeparator) }
  }

  /// `88100…效益指标`: a row of `…` (the template's "and so on") is a cell of its own.
  static func ellipsesApart(_ cells: [(Int, Int)], _ scalars: [Unicode.Scalar]) -> [(Int, Int)] {
    var result: [(Int, Int)] = []
    for (lower, upper) in cells {
      var start = lower
      var index = lower
      while index < upper {
        guard scalars[index] == "…" else {
          index += 1
          continue
        }
        var end = index
        while end < upper, scalars[end] == "…" { end += 1 }
        if index > start { result.append((start, index)) }
        result.append((index, end))
        start = end
        index = end
      }
      if start < upper { result.append((start, upper)) }
    }
    return result
  }

  /// `项目性质持续性项目立项依据`: a value of 项目性质 / 项目类别 ends with 项目 (持续性项目,
  /// 新增项目, 本级支出项目), so a label after it that starts with 项目 and is a label without
  /// it (项目立项依据, 立项依据) leaves the 项目 to the value.
  static func attributeValuesKept(_ found: [(Int, Int)], _ scalars: [Unicode.Scalar]) -> [(Int, Int)] {
    var found = found
    for index in found.indices.dropFirst() {
      let (previousStart, previousLength) = found[index - 1]
      let (start, length) = found[index]
      guard start > previousStart + previousLength, length >= 6, scalars[start] == "项", scalars[start + 1] == "目",
        let role = FormVocabulary.role(key(scalars[previousStart..<(previousStart + previousLength)])),
        role == .attribute || role == .category,
        vocabulary.contains(String(scalars: scalars[(start + 2)..<(start + length)]))
      else { continue }
      found[index] = (start + 2, length - 2)
    }
    return found
  }

  static func key(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
    TextKey.make(String(scalars: scalars))
  }

  /// Titles of target tables inside the line: back from `目标表` to a blank, a stop, the end of a
  /// value (`≥95%`) or of a vocabulary word titles do not hold (a level, a header word, a
  /// label), at most 40 characters; forward to a year in brackets or a file extension.
  static func titleRanges(in scalars: [Unicode.Scalar], words: [(Int, Int)]) -> [Range<Int>] {
    let marker = Array("目标表".unicodeScalars)
    var ranges: [Range<Int>] = []
    var index = 0
    while index + marker.count <= scalars.count {
      guard scalars[index..<(index + marker.count)].elementsEqual(marker) else {
        index += 1
        continue
      }
      var start = index
      while start > 0, index - start < 40, !Blank.isBlank(scalars[start - 1]), !stops.contains(scalars[start - 1]),
        !operatorScalars.contains(scalars[start - 1]), scalars[start - 1] != "%", scalars[start - 1] != "％",
        ranges.last.map({ start > $0.upperBound }) ?? true
      {
        start -= 1
      }
      // Not from inside a word, nor over a word that is no part of a title.
      for (wordStart, length) in words where wordStart < index && wordStart + length > start {
        let word = key(scalars[wordStart..<(wordStart + length)])
        let inTitles = ["绩效", "支出", "预算", "资金"].contains { word.containsBytes($0) }
        if wordStart < start || !inTitles { start = max(start, min(index, wordStart + length)) }
      }
      // `单位公章: 年 月 日鄂州市…`: the blank date of a sign-off is not part of the title.
      if scalars[start] == "日", start >= 2, Blank.isBlank(scalars[start - 1]) || scalars[start - 1] == "月" {
        var before = start - 1
        while before > 0, Blank.isBlank(scalars[before]) { before -= 1 }
        if scalars[before] == "月" { start += 1 }
      }
      var end = index + marker.count
      // `(2021年度)`, `（2023年）`
      if end < scalars.count, scalars[end] == "(" || scalars[end] == "（",
        let close = scalars[end..<min(scalars.count, end + 12)].firstIndex(where: { $0 == ")" || $0 == "）" }),
        scalars[end..<close].contains(where: { ("0"..."9").contains($0) })
      {
        end = close + 1
      }
      for suffix in [".docx", ".doc", ".xlsx", ".xls", ".pdf"] {
        let ext = Array(suffix.unicodeScalars)
        if end + ext.count <= scalars.count, scalars[end..<(end + ext.count)].elementsEqual(ext) {
          end += ext.count
          break
        }
      }
      ranges.append(start..<end)
      index = end
    }
    return ranges
  }

  private static let stops: Set<Unicode.Scalar> = [":", "：", ";", "；", "。", ",", "，", ")", "）"]

  /// Punctuation that separates run-together cells and is not a cell by itself.
  static func isSeparator(_ scalar: Unicode.Scalar) -> Bool {
    Blank.isBlank(scalar) || ":：;；,，、。.()（）".unicodeScalars.contains(scalar)
  }

  private static func isColon(_ scalar: Unicode.Scalar) -> Bool { scalar == ":" || scalar == "：" }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar)
  }

  private static let operatorScalars: Set<Unicode.Scalar> = ["≥", "≤", ">", "<", "=", "＞", "＜", "＝", "≧", "≦"]

  /// Cuts the text between two vocabulary words (or after the last) where its content shows
  /// a boundary.
  static func refine(
    _ scalars: [Unicode.Scalar], _ lower: Int, _ upper: Int, after previous: String?, into result: inout [(Int, Int)]
  ) {
    var start = lower
    // `财政拨款` + `:6923.3552万元`: the colon closes the label.
    if previous != nil, start < upper, isColon(scalars[start]), let last = result.last, last.1 == start {
      result[result.count - 1] = (last.0, start + 1)
      start += 1
    }
    if let previous, let role = FormVocabulary.role(previous), InlineFields.isMoney(role) || role == .fundsGroup {
      // `总额10606.7522万元`: a funds label too short for the vocabulary, before its amount.
      if let digit = scalars[start..<upper].firstIndex(where: isDigit), digit > start, digit - start <= 8,
        let shortRole = FormVocabulary.role(key(scalars[start..<digit])), InlineFields.isMoney(shortRole)
      {
        result.append((start, digit))
        start = digit
      }
      let (length, _) = InlineFields.leadingAmount(String(scalars: scalars[start..<upper]))
      if length > 0 {
        result.append((start, start + length))
        start += length
      }
    }
    // `1总体概念规划201620202、核心区规划20212021` under 项目实施内容 │ 开始时间 │ 完成时间.
    if let previous, let role = FormVocabulary.role(previous), StreamRegrouper.headsColumn(role),
      [.scheduleGroup, .milestoneContent, .milestoneStart, .milestoneEnd].contains(role)
    {
      var index = start
      while index < upper {
        guard isDigit(scalars[index]), index == start || !isDigit(scalars[index - 1]), let years = yearPair(scalars, index, upper)
        else {
          index += 1
          continue
        }
        if index > start { result.append((start, index)) }
        result.append((index, index + 4))
        result.append((index + 4, index + 8))
        start = years
        index = years
      }
      if start < upper { result.append((start, upper)) }
      return
    }
    // Names, explanations (`反映…情况`) and the targets after them.
    var index = start
    var inExplanation = matches(scalars, start, upper, "反映")
    var inIndicators = previous.map { LevelVocabulary.level1($0) != nil || LevelVocabulary.level2($0) != nil } ?? false
    while index < upper {
      if !inExplanation, index >= start + 2, matches(scalars, index, upper, "反映") {
        result.append((start, index))
        start = index
        inExplanation = true
        index += 2
        continue
      }
      if inExplanation, matches(scalars, index, upper, "情况"), index + 2 < upper,
        isDigit(scalars[index + 2]) || operatorScalars.contains(scalars[index + 2])
      {
        result.append((start, index + 2))
        let end = valueEnd(scalars, index + 2, upper)
        result.append((index + 2, end))
        inIndicators = true
        start = end
        index = end
        inExplanation = matches(scalars, start, upper, "反映")
        continue
      }
      // `人员配置数量>3.00(人)课题完成数=2.00(个)`: in indicator rows, a target with an
      // operator after a name ends the name; the next name starts after its number and unit.
      if inIndicators, !inExplanation, index >= start + 2, operatorScalars.contains(scalars[index]),
        scalars[index - 1].properties.isIdeographic
      {
        let end = valueEnd(scalars, index, upper)
        let hasNumber = scalars[index..<end].contains(where: isDigit)
        if hasNumber, end < upper, scalars[end].properties.isIdeographic, !matches(scalars, end, upper, "以") {
          result.append((start, index))
          result.append((index, end))
          start = end
          index = end
          inExplanation = matches(scalars, start, upper, "反映")
          continue
        }
      }
      index += 1
    }
    // `经费补助标准50 万元`: in an indicator row, a name with its target after it.
    if inIndicators, !inExplanation, let cut = trailingTarget(scalars, start, upper) {
      result.append((start, cut))
      start = cut
    }
    if start < upper { result.append((start, upper)) }
  }

  /// Where a target the grammar reads whole (`≥96%`, `50 万元`, `2024 年 12 月`) ends the
  /// text, after a name of two characters or more that holds no value itself.
  static func trailingTarget(_ scalars: [Unicode.Scalar], _ lower: Int, _ upper: Int) -> Int? {
    guard upper - lower >= 4 else { return nil }
    // Targets are short: only the last `longestTarget` characters are tried, so that a long
    // text is not read by the grammar once per digit in it.
    for cut in max(lower + 2, upper - longestTarget)..<upper {
      let scalar = scalars[cut]
      guard isDigit(scalar) || operatorScalars.contains(scalar), scalars[cut - 1].properties.isIdeographic else { continue }
      // A name that holds a value (`名称≥96%名称`) is several cells: no cut.
      if scalars[lower..<cut].contains(where: { operatorScalars.contains($0) || $0 == "%" || $0 == "％" }) { return nil }
      let rest = scalars[cut..<upper]
      if rest.drop(while: { operatorScalars.contains($0) }).contains(where: { operatorScalars.contains($0) }) { continue }
      let target = TargetGrammar.read(String(scalars: rest))
      if target.kind.isStructured, target.qualifier == nil, !target.flags.contains(.unitUnknown) { return cut }
    }
    return nil
  }

  /// Two years run together (`20162020`) at `index`: the end of the second. The run is the two
  /// years alone, or followed by one digit that numbers the next item (`2、`).
  static func yearPair(_ scalars: [Unicode.Scalar], _ index: Int, _ upper: Int) -> Int? {
    guard index + 8 <= upper, scalars[index..<(index + 8)].allSatisfy({ ("0"..."9").contains($0) }) else { return nil }
    func year(_ at: Int) -> Bool {
      let value = scalars[at..<(at + 4)].reduce(0) { $0 * 10 + Int($1.value - 0x30) }
      return (1990...2100).contains(value)
    }
    guard year(index), year(index + 4) else { return nil }
    let end = index + 8
    if end == upper || !isDigit(scalars[end]) { return end }
    if end + 1 < upper, "、.．)".unicodeScalars.contains(scalars[end + 1]) { return end }
    return nil
  }

  /// Whether `word` (not empty) is at `index`, before `upper`. Its scalars are read from the
  /// string: an array of them was allocated at every call, for every character of a text.
  static func matches(_ scalars: [Unicode.Scalar], _ index: Int, _ upper: Int, _ word: String) -> Bool {
    var position = index
    for scalar in word.unicodeScalars {
      guard position < upper && scalars[position] == scalar else { return false }
      position += 1
    }
    return true
  }

  /// The end of a target written at `start`: operators, a number, then the longest unit the
  /// unit table knows (`2280次`, `>92%`, `95%`).
  static func valueEnd(_ scalars: [Unicode.Scalar], _ start: Int, _ upper: Int) -> Int {
    var index = start
    while index < upper, operatorScalars.contains(scalars[index]) { index += 1 }
    let numberStart = index
    while index < upper, isDigit(scalars[index]) || (index > numberStart && (scalars[index] == "." || scalars[index] == ",")) {
      index += 1
    }
    guard index > numberStart else { return index }
    if index < upper, scalars[index] == "%" || scalars[index] == "％" { return index + 1 }
    // `3.00(人)`, `100(%)`: the unit in brackets.
    if index < upper, scalars[index] == "(" || scalars[index] == "（",
      let close = scalars[index..<min(upper, index + 6)].firstIndex(where: { $0 == ")" || $0 == "）" }), close > index + 1
    {
      let inside = String(scalars: scalars[(index + 1)..<close])
      if inside == "%" || inside == "％" || UnitTable.read(inside)?.isKnown == true { return close + 1 }
    }
    for length in stride(from: min(4, upper - index), through: 1, by: -1) {
      let text = String(scalars: scalars[index..<(index + length)])
      if let unit = UnitTable.read(text), unit.isKnown { return index + length }
    }
    return index
  }

  /// Where the last cell of a cut text ends in the start of a vocabulary word (`…20100社会公众或服务对象满意度指`).
  static func fragmentStart(_ scalars: [Unicode.Scalar], _ lower: Int, _ upper: Int) -> Int? {
    guard upper - lower >= 3, !Truncation.isTerm(key(scalars[lower..<upper])) else { return nil }
    // A fragment is shorter than the word it was cut from: only the last characters of a
    // cell can be one (twice the longest word, for blanks inside it). Every start of a long
    // cell made this quadratic: the fuzzer found a 4 KB line that took over 10 s.
    let first = max(lower + 1, upper - 2 * longestTerm)
    guard first <= upper - 2 else { return nil }
    for start in first...(upper - 2) {
      let piece = key(scalars[start..<upper])
      if Truncation.terms.contains(where: { $0.hasPrefixBytes(piece) && $0.characterCount > piece.characterCount }) { return start }
    }
    return nil
  }

  /// Scalars in the longest target `trailingTarget` looks for (`2024年12月31日前完成验收`).
  static let longestTarget = 48

  /// Scalars in the longest word a truncated text may end inside.
  static let longestTerm = Truncation.terms.map(\.unicodeScalars.count).max() ?? 0

  /// Vocabulary words in the text: (start, length) in scalars, longest match first, no overlap.
  /// The vocabulary words of a line, left to right (each the longest at its start), the
  /// first `limit` of them: the scan never revisits a word, so its first words are those
  /// of the whole line.
  static func words(in scalars: [Unicode.Scalar], upTo limit: Int = .max) -> [(Int, Int)] {
    var found: [(Int, Int)] = []
    var index = 0
    // Read once: a global is checked at every access.
    let table = wordsByFirst
    firstScalars.withUnsafeBufferPointer { firsts in
      while index < scalars.count && found.count < limit {
        // Most characters start no word: a bit says so, where the table hashed each of them.
        let value = scalars[index].value
        if value < 0x10000 && firsts[Int(value >> 6)] & (1 << UInt64(value & 63)) == 0 {
          index += 1
          continue
        }
        var best = 0
        // Words by first character, longest first.
        for word in table[scalars[index]] ?? [] where word.count <= scalars.count - index {
          if scalars[index..<(index + word.count)].elementsEqual(word) {
            best = word.count
            break
          }
        }
        if best > 0 {
          found.append((index, best))
          index += best
        } else {
          index += 1
        }
      }
    }
    return found
  }

  /// The first scalars of `wordsByFirst` in the Basic Multilingual Plane, as bits (a scalar
  /// beyond it is looked up in the table).
  static let firstScalars: [UInt64] = {
    var words = [UInt64](repeating: 0, count: 0x10000 / 64)
    for first in wordsByFirst.keys where first.value < 0x10000 {
      words[Int(first.value >> 6)] |= 1 << UInt64(first.value & 63)
    }
    return words
  }()

  /// The funds group labels of `FormVocabulary` (`fundsGroupBases`) four characters long or
  /// more (listed here, not derived: `RunTogetherTests` checks each is a label).
  static let fundsGroupLabels: Set<String> = [
    "项目资金", "项目资金申请", "资金情况", "投入目标", "专项资金情况", "项目资金来源", "项目资金总额及构成", "年度资金总额及构成",
    "资金来源", "项目预算",
  ]

  static let wordsByFirst: [Unicode.Scalar: [[Unicode.Scalar]]] = {
    var table: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]
    for word in vocabulary {
      let scalars = Array(word.unicodeScalars)
      guard scalars.count >= 2, let first = scalars.first else { continue }
      table[first, default: []].append(scalars)
    }
    // Longest first, then by text, so that the same input always cuts the same way. Each
    // word's string is made once, not at each of the comparisons that sorting makes.
    for key in table.keys {
      guard let words = table[key], words.count > 1 else { continue }
      table[key] = words.map { ($0, String(scalars: $0)) }
        .sorted { $0.0.count != $1.0.count ? $0.0.count > $1.0.count : $0.1 < $1.1 }
        .map(\.0)
    }
    return table
  }()

  static let vocabulary: Set<String> = {
    var words = Set<String>()
    for key in FormVocabulary.exact.keys where key.count >= 4 { words.insert(key) }
    for key in ColumnVocabulary.exact.keys where key.count >= 3 { words.insert(key) }
    for level in Level1.allCases { words.insert(level.rawValue) }
    for level in Level2.allCases { words.insert(level.rawValue) }
    words.formUnion(["社会公众或服务对象满意度指标", "长期绩效指标", "年度绩效指标", "填报单位(盖章)", "项目负责人", "主管部门编码", "资金总额"])
    // Group labels (`年度资金总额及构成`) and review labels (`主管部门审核意见`) are longer
    // than the labels inside them.
    words.formUnion(fundsGroupLabels)
    words.formUnion(["主管部门审核意见", "财政部门审核意见"])
    return words
  }()

}
