/// Cells run together with no separator at all (a .docx flattened to one line, or a page
/// rendered without its cell borders and blanks, one row a line): the cell boundaries come
/// from what the cells contain. Known labels, header words and level names are cut out where
/// they occur (longest first); the text between them is a cell. The cells of a flattened
/// text then go through `StreamRegrouper` like any cell stream; a line of glued cells is a
/// row.
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

  /// Lines that are rows of a table with their cells run together (`产出指标数量指标日常养护里程≥320公里20`):
  /// two lines or more without a blank that hold two vocabulary words, one of them a level
  /// name or a header word, or that start with a level name and go on; more of them than half
  /// the lines with a blank (a page whose cells are single blanks apart, or aligned columns,
  /// has a blank in most lines). Prose has its words inside sentences; a stream of cells has
  /// one word a line.
  static func looksLikeRows(_ text: SourceText) -> Bool {
    var glued = 0
    var blanked = 0
    for index in text.lines.indices.prefix(400) {
      let bytes = text.lines[index]
      let trimmed = Blank.trim(text.utf8, bytes.start..<bytes.end)
      guard trimmed.count >= 12 else { continue }
      // Lines with a blank are counted, not read: no string, no words.
      if text.utf8.withUnsafeBufferPointer({ SpacedTokenizer.hasBlank($0, trimmed) }) {
        blanked += 1
        continue
      }
      let line = String(decoding: text.utf8[trimmed], as: UTF8.self)
      guard !line.containsBytes("\t"), !line.containsBytes("|") else { continue }
      let scalars = matchScalars(Array(line.unicodeScalars), traditional: text.isTraditional)
      let found = words(in: scalars, upTo: 2)
      func isIndicatorWord(_ start: Int, _ length: Int) -> Bool {
        let word = key(scalars[start..<(start + length)])
        return isLevel(word) || ColumnVocabulary.role(word).map(ColumnVocabulary.indicatorHeaderRoles.contains) == true
      }
      // (A title holds two words, labels: 项目支出 │ 绩效目标表. A level with a note or a
      // mirror site's pinyin after it, `成本指標(biāo)`, is a cell of its own.)
      let startsWithLevel =
        found.first.map { start, length in
          start == 0 && length < scalars.count && scalars[length] != "(" && scalars[length] != "（" && isLevel(key(scalars[0..<length]))
        } ?? false
      if found.count == 2 && found.contains(where: isIndicatorWord) || startsWithLevel { glued += 1 }
    }
    return glued >= 2 && glued * 2 > blanked
  }

  /// The cells of each line, as one-cell rows for `StreamRegrouper` (`keepingLines` false:
  /// the line breaks are no row breaks), or as one row a line.
  static func rows(_ text: SourceText, _ builder: inout CellBuilder, keepingLines: Bool) -> [Row] {
    var rows: [Row] = []
    // A text that stops without a line break may stop inside a word (`满意度指`).
    let endsCut = text.utf8.last.map { $0 != 0x0A && $0 != 0x0D } ?? false
    let lastLine = text.lines.indices.last
    // Where lines are rows: whether the rows are indicator rows (after an indicator header,
    // before a label or a title), whose text is cut between names and targets even on a
    // line without a level name.
    var inIndicators = false
    for index in text.lines.indices {
      let (range, pageBreak) = builder.pageBreakStripped(index)
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
      if keepingLines {
        let lineKey = TextKey.make(line, simplify: text.isTraditional)
        if TitleVocabulary.yearLine(lineKey) != nil || (TitleVocabulary.kind(ofTitle: lineKey) != nil && lineKey.hasSuffixBytes("表")) {
          // A title holds words it is not cut at (`财政项目支出绩效目标申报表`).
          inIndicators = false
          rows.append(Row(cells: [builder.cell(lineIndex: index, range: trimmed, column: 0)], lineIndex: index))
          continue
        }
      }
      let matched = matchScalars(scalars, traditional: text.isTraditional)
      let ranges = cells(in: matched, endsCut: endsCut && index == lastLine, inIndicators: inIndicators)
      if keepingLines { inIndicators = startsIndicatorRows(ranges.map { key(matched[$0.0..<$0.1]) }, after: inIndicators) }
      var lineCells: [Cell] = []
      for (lower, upper) in ranges {
        let cell = builder.cell(lineIndex: index, range: offsets[lower]..<offsets[upper], column: keepingLines ? lineCells.count : 0)
        guard !cell.isEmpty else { continue }
        if keepingLines { lineCells.append(cell) } else { rows.append(Row(cells: [cell], lineIndex: index)) }
      }
      if !lineCells.isEmpty {
        var row = Row(cells: lineCells, lineIndex: index)
        row.followsPageBreak = pageBreak
        rows.append(row)
      }
    }
    return rows
  }

  /// Whether a line whose first vocabulary word is `first` is a header (a header word first)
  /// or a form's row (a label that opens a form first).
  static func opensHeaderOrForm(_ first: (Int, Int)?, _ scalars: [Unicode.Scalar]) -> Bool {
    guard let (start, length) = first, start == 0 else { return false }
    let word = key(scalars[0..<length])
    if ColumnVocabulary.role(word) != nil { return true }
    return FormVocabulary.role(word).map(formOpeningRoles.contains) ?? false
  }

  /// Whether the rows after a line of these cells are indicator rows: after an indicator
  /// header (two of its words), until a line that opens with a form's label (in indicator
  /// rows a label is a cell only where it opens a form, `opensHeaderOrForm`).
  static func startsIndicatorRows(_ keys: [String], after inIndicators: Bool) -> Bool {
    if keys.count(where: { ColumnVocabulary.role($0).map(ColumnVocabulary.indicatorHeaderRoles.contains) == true }) >= 2 {
      return true
    }
    if let first = keys.first, FormVocabulary.role(first) != nil, !isLevel(first) { return false }
    return inIndicators
  }

  /// Labels whose rows are a form's, not indicators'. Funds parts (财政资金, 其他资金), 预算执行
  /// and notes are not among them: names start with those words (`财政资金到位率`).
  static let formOpeningRoles: Set<FieldRole> = [
    .name, .department, .departmentCode, .implementingUnit, .attribute, .category, .manager, .phone, .period,
    .periodStart, .periodEnd, .fundsGroup, .fundsTotal, .fundsProjectTotal, .goalAnnual, .goalLongTerm, .goalsGroup,
    .description, .basis, .feasibility, .necessity, .functions, .scheduleGroup, .tasksGroup, .review, .filler,
    .fillerUnit, .fillDate, .budgetUnit, .unitCode, .projectCode,
  ]

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
  /// - an explanation (`反映…情况`, `该指标…。`) is a cell: the name before it and the target
  ///   after it (`>92%`, operator, number and unit) are cells of their own;
  /// - a note in brackets after a word is the word's (`项目资金 (万元)`, `成本指标(0-20)分`);
  /// - in an indicator row (`inIndicators`, where lines are rows) only level names cut, and a
  ///   name is cut from its target where `refine` finds one; a line that opens with text and
  ///   goes on with a level name is a list's row, its project cells first (`projectCells`);
  /// - at the end of a cut text, a piece of a vocabulary word (`满意度指`) is a cell, so that
  ///   the truncation is seen;
  /// - punctuation alone between cells (`;`, `)`) separates them and is no cell.
  static func cells(in scalars: [Unicode.Scalar], endsCut: Bool, inIndicators: Bool = false) -> [(Int, Int)] {
    var found = attributeValuesKept(words(in: scalars), scalars)
    if inIndicators, !opensHeaderOrForm(found.first, scalars) {
      // Inside an indicator row only level names cut: a label or a header word is part of a
      // name (`预算执行率`). A header again (a page break) and a form's row are cut.
      found.removeAll { start, length in !isLevel(key(scalars[start..<(start + length)])) }
    }
    found = notesKept(found, scalars)
    let titles = titleRanges(in: scalars, words: found)
    if !inIndicators { found = wordsCuttingIndicatorBlocks(found, scalars, titles: titles) }
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
    for (number, piece) in pieces.enumerated() {
      if piece.isWord {
        result.append((piece.lower, piece.upper))
        previousWord = key(scalars[piece.lower..<piece.upper])
      } else if piece.lower == 0, number + 1 < pieces.count, pieces[number + 1].isWord,
        isLevel(key(scalars[pieces[number + 1].lower..<pieces[number + 1].upper]))
      {
        // A line that starts with text and goes on with a level name: a list's row, its
        // project cells first.
        projectCells(scalars, piece.lower, piece.upper, into: &result)
        previousWord = nil
      } else {
        refine(scalars, piece.lower, piece.upper, after: previousWord, inIndicators: inIndicators, into: &result)
        previousWord = nil
      }
    }
    if endsCut, let last = result.last, let cut = fragmentStart(scalars, last.0, last.1) {
      result[result.count - 1] = (last.0, cut)
      result.append((cut, last.1))
    }
    return ellipsesApart(result, scalars).filter { lower, upper in !scalars[lower..<upper].allSatisfy(isSeparator) }
  }

  /// `…一级指标二级指标三级指标指标值产出指标数量指标预算执行率≥95%…`: after an indicator
  /// header inside the line (rows run together on one line), words cut as in indicator rows
  /// (`cells(in:inIndicators:)`): level names, header words and the labels that open a form,
  /// which end the block, as a title does; other words are part of names (`预算执行率`,
  /// `评估完成时间`).
  static func wordsCuttingIndicatorBlocks(_ found: [(Int, Int)], _ scalars: [Unicode.Scalar], titles: [Range<Int>]) -> [(Int, Int)] {
    var kept: [(Int, Int)] = []
    var inBlock = false
    var headerWordsInARow = 0
    var previousEnd = 0
    for (start, length) in found {
      if titles.contains(where: { $0.lowerBound >= previousEnd && $0.lowerBound < start + length }) {
        inBlock = false
        headerWordsInARow = 0
      }
      let word = key(scalars[start..<(start + length)])
      let column = ColumnVocabulary.role(word)
      if let column, ColumnVocabulary.indicatorHeaderRoles.contains(column) {
        headerWordsInARow = start == previousEnd ? headerWordsInARow + 1 : 1
        if headerWordsInARow >= 2 { inBlock = true }
      } else {
        headerWordsInARow = 0
      }
      previousEnd = start + length
      if inBlock, !isLevel(word), column == nil {
        guard FormVocabulary.role(word).map(formOpeningRoles.contains) == true else { continue }
        inBlock = false
      }
      kept.append((start, length))
    }
    return kept
  }

  /// `项目资金（万元）`, `成本指标(0-20)分`: a note in brackets right after a word (its unit, a
  /// score range) is the word's.
  static func notesKept(_ found: [(Int, Int)], _ scalars: [Unicode.Scalar]) -> [(Int, Int)] {
    var found = found
    for index in found.indices {
      let (start, length) = found[index]
      // (`项目资金 (万元)`: a blank may stand before the bracket.)
      var open = start + length
      while open < scalars.count, open - start - length < 2, Blank.isBlank(scalars[open]) { open += 1 }
      guard open < scalars.count, scalars[open] == "(" || scalars[open] == "（",
        let close = scalars[(open + 1)..<min(scalars.count, open + 14)].firstIndex(where: { $0 == ")" || $0 == "）" })
      else { continue }
      var end = close + 1
      if end < scalars.count, scalars[end] == "分" { end += 1 }
      if index + 1 < found.count, found[index + 1].0 < end { continue }
      found[index] = (start, end - start)
    }
    return found
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

  /// Titles of target tables inside the line: back from `目标表` (`目标申报表` …) to a blank, a stop, the end of a
  /// value (`≥95%`) or of a vocabulary word titles do not hold (a level, a header word, a
  /// label), at most 40 characters; forward to a year in brackets or a file extension.
  static func titleRanges(in scalars: [Unicode.Scalar], words: [(Int, Int)]) -> [Range<Int>] {
    var ranges: [Range<Int>] = []
    var index = 0
    while index + 3 <= scalars.count {
      guard let markerEnd = titleMarkerEnd(scalars, index) else {
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
      var end = markerEnd
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

  /// The end of `目标表` at `index`, or of a form's name for it (`目标申报表`, `目标审批表`).
  static func titleMarkerEnd(_ scalars: [Unicode.Scalar], _ index: Int) -> Int? {
    guard matches(scalars, index, scalars.count, "目标") else { return nil }
    for form in titleForms where matches(scalars, index + 2, scalars.count, form) { return index + 2 + form.unicodeScalars.count }
    return nil
  }

  private static let titleForms = ["表", "申报表", "审批表", "审核表", "批复表", "设定表", "申请表"]

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
    _ scalars: [Unicode.Scalar], _ lower: Int, _ upper: Int, after previous: String?, inIndicators rowIsIndicator: Bool = false,
    into result: inout [(Int, Int)]
  ) {
    var start = lower
    // `效益指标社会效益人员到位…`, `满意度指标服务对象满意度 指标相关…`: right after a level 1,
    // its level 2 where the vocabulary does not hold it: without 指标, or wrapped (a blank inside).
    if let previous, LevelVocabulary.level1(previous) != nil, let end = level2End(scalars, start, upper) {
      result.append((start, end))
      start = end
    }
    // `财政拨款` + `:6923.3552万元`: the colon closes the label.
    if previous != nil, start < upper, isColon(scalars[start]), let last = result.last, last.1 == start {
      result[result.count - 1] = (last.0, start + 1)
      start += 1
    }
    // `项目属性0101—一年期项目项目期1 年`: the label after the attribute (项目期, too short
    // for the vocabulary) ends its value.
    if let previous, let role = FormVocabulary.role(previous), role == .attribute || role == .category,
      let label = ((start + 1)..<max(start + 1, upper)).first(where: { matches(scalars, $0, upper, "项目期") })
    {
      result.append((start, label))
      result.append((label, label + 3))
      start = label + 3
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
    var inExplanation = startsExplanation(scalars, start, upper)
    var inIndicators = rowIsIndicator || (previous.map(isLevel) ?? false)
    // Where the text after a 定性 / 定量 cell starts, and after a target with an operator.
    var afterType = -1
    var afterTarget = -1
    // The name before `at` and the target `at..<end` are cells; the text goes on after it.
    func cutNameAndTarget(_ at: Int, _ end: Int) {
      result.append((start, at))
      result.append((at, end))
      start = end
      afterTarget = end
      inExplanation = startsExplanation(scalars, start, upper)
    }
    while index < upper {
      if !inExplanation, index >= start + 2, startsExplanation(scalars, index, upper) {
        result.append((start, index))
        start = index
        inExplanation = true
        index += 2
        continue
      }
      // The explanation ends with 情况 or a full stop, before its target.
      let explanationEnd = matches(scalars, index, upper, "情况") ? index + 2 : scalars[index] == "。" ? index + 1 : nil
      if inExplanation, let explanationEnd, explanationEnd < upper,
        isDigit(scalars[explanationEnd]) || operatorScalars.contains(scalars[explanationEnd])
      {
        result.append((start, explanationEnd))
        let end = valueEnd(scalars, explanationEnd, upper)
        result.append((explanationEnd, end))
        inIndicators = true
        start = end
        index = end
        inExplanation = startsExplanation(scalars, start, upper)
        continue
      }
      // `≥1.2万盏3.6万盏维护台账`: a second value right after a target (a mid-term value),
      // with its unit, then words: two cells. (Not at a name's start: `2年后案件上报处置率`.)
      if inIndicators, !inExplanation, index == start, index == afterTarget, isDigit(scalars[index]) {
        let end = valueEnd(scalars, index, upper)
        if end < upper, !isDigit(scalars[end - 1]), scalars[end].properties.isIdeographic, !matches(scalars, end, upper, "以") {
          result.append((index, end))
          start = end
          index = end
          inExplanation = startsExplanation(scalars, start, upper)
          continue
        }
      }
      // `拍摄素材合格率80%合格`: a percentage after a name, words after it: three cells.
      if inIndicators, !inExplanation, index >= start + 2, isDigit(scalars[index]), scalars[index - 1].properties.isIdeographic,
        isNameLike(scalars[start..<index])
      {
        let end = valueEnd(scalars, index, upper)
        if end < upper, scalars[end - 1] == "%" || scalars[end - 1] == "％", scalars[end].properties.isIdeographic,
          !matches(scalars, end, upper, "以")
        {
          cutNameAndTarget(index, end)
          index = end
          continue
        }
      }
      // `维护次数2280次大楼安检巡察次数200次`: a number after a name that counts or measures
      // (rows run together on one line), with its unit (bare after a count: `车辆数10雾炮车…`),
      // and the next name after it. (A count inside a name, `新增2个社区…`, follows no measure.)
      if inIndicators, !inExplanation, index >= start + 2, isDigit(scalars[index]), countEnds.contains(scalars[index - 1]),
        isNameLike(scalars[start..<index])
      {
        let end = valueEnd(scalars, index, upper)
        let hasUnit = !isDigit(scalars[end - 1])
        if end + 2 <= upper, hasUnit || "数量".unicodeScalars.contains(scalars[index - 1]), scalars[end].properties.isIdeographic,
          !nameContinues.contains(scalars[end]), !matches(scalars, end, upper, "以"), holdsTarget(scalars, end, upper)
        {
          cutNameAndTarget(index, end)
          index = end
          continue
        }
      }
      // `群众出行条件定性明显改善`: the type column's 定性 / 定量 between a name and its target
      // (not the 定性 of 稳定性, 确定性 …).
      if inIndicators, !inExplanation, index >= start + 2, matches(scalars, index, upper, "定性") || matches(scalars, index, upper, "定量"),
        !"稳确规决鉴限特界测判".unicodeScalars.contains(scalars[index - 1])
      {
        result.append((start, index))
        result.append((index, index + 2))
        start = index + 2
        index = start
        afterType = start
        inExplanation = startsExplanation(scalars, start, upper)
        continue
      }
      // `人员配置数量>3.00(人)课题完成数=2.00(个)`: in indicator rows, a target with an
      // operator after a name ends the name; the next name starts after its number and unit.
      // Digits right after a unit or a percent sign are the next cell (`≥85%20`: a weight).
      if inIndicators, !inExplanation, index >= start + 2, operatorScalars.contains(scalars[index]), endsName(scalars[index - 1]) {
        let end = valueEnd(scalars, index, upper)
        let hasNumber = scalars[index..<end].contains(where: isDigit)
        let nextCellFollows =
          end < upper
          && (scalars[end].properties.isIdeographic && !matches(scalars, end, upper, "以")
            || isDigit(scalars[end]) && !isDigit(scalars[end - 1]))
        if hasNumber, nextCellFollows {
          cutNameAndTarget(index, end)
          index = end
          continue
        }
      }
      // `提供法律咨询及时性及时重大疑难案件咨询召开及时性…`: a target in words between two names
      // (rows run together on one line): after a name that ends as a measure does (及时性,
      // 规范化程度, 工作能效), an outcome word, with its adverb, and the next name after it.
      if inIndicators, !inExplanation, index >= start + 3, measureEnds.contains(scalars[index - 1]) || timeNameEnds.contains(scalars[index - 1]),
        !timeUnits.contains(scalars[index - 2]), isNameLike(scalars[start..<index]),
        let end = innerTargetEnd(scalars, index, upper, timeOnly: !measureEnds.contains(scalars[index - 1]))
      {
        cutNameAndTarget(index, end)
        index = end
        continue
      }
      index += 1
    }
    // `经费补助标准50 万元`: in an indicator row, a name with its target after it.
    // (Right after 定性 the text is the target: no name in it.)
    if inIndicators, !inExplanation,
      let cut = start == afterType
        ? trailingTarget(scalars, start, upper)
        : timeTarget(scalars, start, upper) ?? trailingTarget(scalars, start, upper) ?? wordTarget(scalars, start, upper)
    {
      result.append((start, cut))
      start = cut
    }
    if start < upper { result.append((start, upper)) }
  }

  /// The end of a level 2 at `index` written with blanks inside (`服务对象满意度 指标`) or without
  /// its 指标 where four characters are left (`社会效益`, `服务对象满意度`; not `数量`, which
  /// starts names).
  static func level2End(_ scalars: [Unicode.Scalar], _ index: Int, _ upper: Int) -> Int? {
    var best: Int?
    for name in level2Names {
      var position = index
      var matched = 0
      while matched < name.count, position < upper {
        if scalars[position] == name[matched] {
          matched += 1
        } else if matched == 0 || !Blank.isBlank(scalars[position]) {
          break
        }
        position += 1
      }
      if matched == name.count, position > best ?? index { best = position }
    }
    return best
  }

  private static let level2Names: [[Unicode.Scalar]] = Level2.allCases.flatMap { level -> [[Unicode.Scalar]] in
    let name = Array(level.rawValue.unicodeScalars)
    return name.count >= 6 ? [name, Array(name.dropLast(2))] : [name]
  }

  private static func isLevel(_ key: String) -> Bool {
    LevelVocabulary.level1(key) != nil || LevelVocabulary.level2(key) != nil
  }

  /// The project cells that open a list's row (`029城管队业务工作经费50万元本项目年度…`): a
  /// code (digits; a year after them is the name's, `3060012023年…`), the name up to its
  /// amount in 元 or 万元, the amount, and the goal after it. Without an amount, the code
  /// and the rest.
  static func projectCells(_ scalars: [Unicode.Scalar], _ lower: Int, _ upper: Int, into result: inout [(Int, Int)]) {
    var start = lower
    var digitsEnd = start
    while digitsEnd < upper, ("0"..."9").contains(scalars[digitsEnd]) { digitsEnd += 1 }
    if digitsEnd - start >= 3, digitsEnd < upper, scalars[digitsEnd].properties.isIdeographic {
      var codeEnd = digitsEnd
      if scalars[digitsEnd] == "年" {
        // `2023年` alone is the name's year; a code before it keeps its digits.
        codeEnd = digitsEnd - start >= 7 && isYear(scalars, digitsEnd - 4) ? digitsEnd - 4 : start
      }
      if codeEnd > start {
        result.append((start, codeEnd))
        start = codeEnd
      }
    }
    // The first amount after two characters of name: digits after an ideograph, then 元 or 万元.
    var index = start + 2
    while index < upper {
      guard isDigit(scalars[index]), scalars[index - 1].properties.isIdeographic else {
        index += 1
        continue
      }
      var end = index
      while end < upper, isDigit(scalars[end]) || scalars[end] == "." || scalars[end] == "," { end += 1 }
      let unitLength = matches(scalars, end, upper, "万元") ? 2 : matches(scalars, end, upper, "元") ? 1 : 0
      // A bare amount (`维修养护120.5完成…`, the unit in the table's 单位：万元): a number with
      // no unit after it, words after it.
      let isBare = unitLength == 0 && end < upper && scalars[end].properties.isIdeographic
        && !(1...2).contains { length in
          end + length <= upper && UnitTable.read(String(scalars: scalars[end..<(end + length)]))?.isKnown == true
        }
      if unitLength > 0 || isBare {
        result.append((start, index))
        result.append((index, end + unitLength))
        start = end + unitLength
        break
      }
      index = end
    }
    if start < upper { result.append((start, upper)) }
  }

  private static func isYear(_ scalars: [Unicode.Scalar], _ index: Int) -> Bool {
    guard index >= 0, index + 4 <= scalars.count, scalars[index..<(index + 4)].allSatisfy({ ("0"..."9").contains($0) }) else {
      return false
    }
    let value = scalars[index..<(index + 4)].reduce(0) { $0 * 10 + Int($1.value - 0x30) }
    return (1990...2100).contains(value)
  }

  /// Where a target in words starts after its name (`人员到位及时性及时`, `服装质量合格`,
  /// `项目成果共享汇编共享`), in an indicator row that nothing else cut: after a name ending in
  /// 性 (及时性, 健全性), a text that states an outcome or a time; else a grade, a direction or
  /// an outcome word that ends the text, with the adverb or outcome word before it (明显提升,
  /// 建立健全, 及时公布).
  static func wordTarget(_ scalars: [Unicode.Scalar], _ lower: Int, _ upper: Int) -> Int? {
    guard upper - lower >= 4 else { return nil }
    // The last 性 that ends a name: 提高执法针对性和有效性 │ 不断提高.
    var quality = upper - 3
    while quality >= lower + 2 {
      if scalars[quality] == "性" {
        let rest = Array(scalars[(quality + 1)..<upper])
        if isNameLike(scalars[lower...quality]),
          QualitativeWords.isEvaluative(rest) || QualitativeWords.grade(in: rest) != nil || timeStarts(scalars, quality + 1, upper)
        {
          return quality + 1
        }
      }
      quality -= 1
    }
    for word in endingWords where upper - lower >= word.count + 2 && scalars[(upper - word.count)..<upper].elementsEqual(word) {
      var cut = upper - word.count
      guard isNameLike(scalars[lower..<cut]) else { return nil }
      // (Not the same word again: `市民满意度提高提高` is a name ending in it, then the target.)
      if cut - lower >= 4, let before = wordsBeforeEnding.first(where: { $0 != word && scalars[(cut - 2)..<cut].elementsEqual($0) }) {
        cut -= before.count
      }
      return cut
    }
    return nil
  }

  /// Last characters of a name that names a measure: a quality (及时性), a degree or level
  /// (程度, 水平, 满意度), an effect or rate (时效, 效率), a range, a capacity, an awareness. (Not
  /// 果: `项目成果共享` is a name.)
  private static let measureEnds: Set<Unicode.Scalar> = ["性", "度", "平", "效", "率", "围", "力", "识", "感"]
  /// Last characters of a name whose target is a time (完成时间, 完成节点).
  private static let timeNameEnds: Set<Unicode.Scalar> = ["间", "点"]
  /// The last character of a month, a quarter or a half-year, and what may follow it (`10月底前`, `11月份`).
  private static let timeCloses: Set<Unicode.Scalar> = ["月", "度", "年"]
  private static let timeTails: Set<Unicode.Scalar> = ["底", "前", "份", "内", "末", "初"]
  /// What is done by a time (`7月完成`, `10月开展`, `12月提交`).
  private static let timeVerbs: [[Unicode.Scalar]] = ["完成", "开展", "提交", "实施", "发布", "启动", "结束"].map { Array($0.unicodeScalars) }
  /// `二季度完成开题`: 季度, 年度 and 月度 are times, not measures.
  private static let timeUnits: Set<Unicode.Scalar> = ["季", "年", "月"]

  /// The end of a time (`7月完成`, see `timeEnd`) or, unless `timeOnly`, an outcome word (`提升`,
  /// `及时`, `建立健全`, `明显改善`) at `index` that is a target of its own, with a name after it:
  /// the word does not go on as a name does (`及时率`, `提升到`, `完成情况`), and another target
  /// follows (`holdsTarget`).
  static func innerTargetEnd(_ scalars: [Unicode.Scalar], _ index: Int, _ upper: Int, timeOnly: Bool) -> Int? {
    func first(of words: [[Unicode.Scalar]], at position: Int) -> [Unicode.Scalar]? {
      words.first { position + $0.count <= upper && scalars[position..<(position + $0.count)].elementsEqual($0) }
    }
    // An outcome word with the adverb before it, or alone.
    func phraseEnd(at position: Int) -> Int? {
      // (Not a word said twice: `项目完成率完成完成两个层级…` is a target, then the next name.)
      if let adverb = first(of: wordsBeforeEnding, at: position), let word = first(of: endingWords, at: position + adverb.count), word != adverb {
        return position + adverb.count + word.count
      }
      return first(of: endingWords, at: position).map { position + $0.count }
    }
    // A time (`7月`, `3-11月`, `第二季度、第四季度`, `12月底前`) and what is done by then (`完成`).
    func timeEnd(at position: Int) -> Int? {
      guard timeStarts(scalars, position, upper) else { return nil }
      var end = position
      while end < upper, !timeCloses.contains(scalars[end]), end - position < 12 { end += 1 }
      guard end < upper else { return nil }
      end += 1
      while end < upper, timeTails.contains(scalars[end]) || (scalars[end] == "、" && end + 1 < upper && timeStarts(scalars, end + 1, upper)) {
        if scalars[end] == "、" {
          end += 1
          while end < upper, !timeCloses.contains(scalars[end]), end - position < 24 { end += 1 }
          guard end < upper else { return nil }
        }
        end += 1
      }
      return first(of: timeVerbs, at: end).map { end + $0.count } ?? end
    }
    guard let end = timeEnd(at: index) ?? (timeOnly ? nil : phraseEnd(at: index)), end + 2 <= upper,
      scalars[end].properties.isIdeographic, !nameContinues.contains(scalars[end])
    else { return nil }
    // `经验成果转化性形成制度化文件`: without a target after it, the rest is this target's;
    // `管理水平提高显著提高`: an outcome alone after it is the target of a name ending in the word.
    return holdsTarget(scalars, end, upper) ? end : nil
  }

  /// Whether the text holds a target: a figure, an operator or a target in words at its end.
  static func holdsTarget(_ scalars: [Unicode.Scalar], _ lower: Int, _ upper: Int) -> Bool {
    scalars[lower..<upper].contains { isDigit($0) || operatorScalars.contains($0) } || wordTarget(scalars, lower, upper) != nil
  }

  /// Last characters of a name whose target is a figure: a count (次数, 车辆数), an amount, a
  /// rate or degree, a length (里程, 射程), an area, a value, a standard.
  private static let countEnds: Set<Unicode.Scalar> = ["数", "量", "率", "度", "程", "积", "长", "额", "值", "准", "次"]

  /// Characters after an outcome word that make it part of a longer phrase: a measure (及时率,
  /// 规范化), a particle, a preposition or a conjunction (覆盖到, 提升至, 完成的, `8月和次年1月`), 情况.
  private static let nameContinues: Set<Unicode.Scalar> = [
    "率", "度", "数", "量", "性", "值", "化", "情", "到", "至", "在", "于", "为", "的", "了", "得", "后", "前", "时", "和", "与", "或", "次",
  ]

  /// Where a target that is a time starts after its name (`完成时间8月和次年1月`, `按时完成10月完成`,
  /// `按时完成率上下半年各一次`): the first month, quarter or half-year after four characters
  /// of name. (The grammar, which reads `1月` whole, would cut at the last.)
  static func timeTarget(_ scalars: [Unicode.Scalar], _ lower: Int, _ upper: Int) -> Int? {
    guard upper - lower >= 6 else { return nil }
    for index in (lower + 4)..<(upper - 1) where scalars[index - 1].properties.isIdeographic && !isChineseDigit(scalars[index - 1]) {
      if timeStarts(scalars, index, upper) {
        // `完成时间2024年12月底前`: the month's year, written before it, is the time's.
        var cut = index
        if cut - 5 >= lower + 2, scalars[cut - 1] == "年", scalars[(cut - 5)..<(cut - 1)].allSatisfy(isDigit),
          !isDigit(scalars[cut - 6])
        {
          cut -= 5
        }
        return isNameLike(scalars[lower..<cut]) ? cut : nil
      }
    }
    return nil
  }

  /// An indicator's explanation starts at `index`: `反映…情况`, `该指标主要考察…`.
  static func startsExplanation(_ scalars: [Unicode.Scalar], _ index: Int, _ upper: Int) -> Bool {
    matches(scalars, index, upper, "反映") || matches(scalars, index, upper, "该指标")
  }

  /// Text that can be an indicator's name: not a sentence (an explanation, `该指标主要考察…情况。`)
  /// nor longer than names are.
  static func isNameLike(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
    scalars.count <= 40 && !scalars.contains { $0 == "。" || $0 == "；" || $0 == ";" }
  }

  /// A month (`8月`, `3-11月`, `十一月`), a quarter (`二季度`, `第二季度`) or a half-year at `index`.
  static func timeStarts(_ scalars: [Unicode.Scalar], _ index: Int, _ upper: Int) -> Bool {
    if periods.contains(where: { matches(scalars, index, upper, $0) }) { return true }
    var end = index
    if end < upper, scalars[end] == "第" { end += 1 }
    let digitsStart = end
    while end < upper, end - digitsStart < 5, isDigit(scalars[end]) || isChineseDigit(scalars[end]) || (end > digitsStart && scalars[end] == "-") {
      end += 1
    }
    guard end > digitsStart, end < upper else { return false }
    return scalars[end] == "月" || matches(scalars, end, upper, "季度")
  }

  private static func isChineseDigit(_ scalar: Unicode.Scalar) -> Bool { "一二三四五六七八九十".unicodeScalars.contains(scalar) }

  private static let periods = ["上下半年", "上半年", "下半年", "年底前", "年内"]

  /// Grades, direction and outcome words of two characters or more, longest first.
  private static let endingWords: [[Unicode.Scalar]] = (QualitativeWords.grades + QualitativeWords.directions + QualitativeWords.evaluative + ["缩小"])
    .map { Array($0.unicodeScalars) }.filter { $0.count >= 2 && $0.allSatisfy { $0.properties.isIdeographic } }
    .sorted { $0.count > $1.count }
  /// Two-character words that join the word ending a target: adverbs and outcome words.
  private static let wordsBeforeEnding: [[Unicode.Scalar]] =
    ["明显", "显著", "有效", "逐步", "不断", "持续", "大幅", "及时"].map { Array($0.unicodeScalars) } + endingWords.filter { $0.count == 2 }

  /// Where a target the grammar reads whole (`≥96%`, `50 万元`, `2024 年 12 月`) ends the
  /// text, after a name of two characters or more that holds no value itself.
  static func trailingTarget(_ scalars: [Unicode.Scalar], _ lower: Int, _ upper: Int) -> Int? {
    guard upper - lower >= 4 else { return nil }
    // Targets are short: only the last `longestTarget` characters are tried, so that a long
    // text is not read by the grammar once per digit in it.
    for cut in max(lower + 2, upper - longestTarget)..<upper {
      let scalar = scalars[cut]
      guard isDigit(scalar) && scalars[cut - 1].properties.isIdeographic || operatorScalars.contains(scalar) && endsName(scalars[cut - 1])
      else { continue }
      // A name that holds a value (`名称≥96%名称`) is several cells: no cut. A template's hint
      // in brackets (`开发数量(≥**个)`) and a figure in the name (`达标率100%`) are the name's.
      if hasOperatorOutsideBrackets(scalars[lower..<cut]) { return nil }
      let rest = scalars[cut..<upper]
      if rest.drop(while: { operatorScalars.contains($0) }).contains(where: { operatorScalars.contains($0) }) { continue }
      // `社会覆盖面大于20%`: a comparison written in words before the figure is the target's
      // operator, not the end of the name.
      if isDigit(scalar), let word = comparisonWords.first(where: { cut - $0.count >= lower + 2 && scalars[(cut - $0.count)..<cut].elementsEqual($0) }) {
        let target = TargetGrammar.read(String(scalars: scalars[(cut - word.count)..<upper]))
        if target.kind.isStructured, target.op != nil, target.qualifier == nil, !target.flags.contains(.unitUnknown) { return cut - word.count }
      }
      let target = TargetGrammar.read(String(scalars: rest))
      if target.kind.isStructured, target.qualifier == nil, !target.flags.contains(.unitUnknown) { return cut }
    }
    return nil
  }

  /// The grammar's comparisons written before a figure in two characters or more (`大于`,
  /// `不低于`, `大于等于`, `达到`), longest first.
  private static let comparisonWords: [[Unicode.Scalar]] = ValueLexicon.entries.compactMap { spelling, lexeme in
    guard case .comparison(_, .prefix) = lexeme else { return nil }
    let scalars = Array(spelling.unicodeScalars)
    return scalars.count >= 2 && scalars.allSatisfy(\.properties.isIdeographic) ? scalars : nil
  }.sorted { $0.count > $1.count }

  /// A character a name can end with right before its target's operator: an ideograph, the
  /// bracket of a hint (`(≥**%)>=95%`), a figure's percent sign (`达标率100%>=98%`).
  static func endsName(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isIdeographic || scalar == ")" || scalar == "）" || scalar == "%" || scalar == "％"
  }

  static func hasOperatorOutsideBrackets(_ scalars: ArraySlice<Unicode.Scalar>) -> Bool {
    var depth = 0
    for scalar in scalars {
      switch scalar {
      case "(", "（": depth += 1
      case ")", "）": depth = max(0, depth - 1)
      default: if depth == 0 && operatorScalars.contains(scalar) { return true }
      }
    }
    return false
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
    // A date: `2024年11月`, `2024年12月31日`.
    if index - numberStart == 4, index < upper, scalars[index] == "年" {
      var end = index + 1
      for mark in ["月", "日"] as [Unicode.Scalar] {
        var digits = end
        while digits < upper, digits - end < 2, isDigit(scalars[digits]) { digits += 1 }
        guard digits > end, digits < upper, scalars[digits] == mark else { break }
        end = digits + 1
      }
      return end
    }
    // `3.00(人)`, `100(%)`: the unit in brackets.
    if index < upper, scalars[index] == "(" || scalars[index] == "（",
      let close = scalars[index..<min(upper, index + 6)].firstIndex(where: { $0 == ")" || $0 == "）" }), close > index + 1
    {
      let inside = String(scalars: scalars[(index + 1)..<close])
      if inside == "%" || inside == "％" || UnitTable.read(inside)?.isKnown == true { return close + 1 }
    }
    // (Rates are the longest units: `万元/公里`, `元/人·年`.)
    for length in stride(from: min(6, upper - index), through: 1, by: -1) {
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
