/// Text copied from a rendered web page: one row per line, cells separated by a single blank
/// (or more). A label the page wrapped (`年度主要目标     和成果`) is joined back when the two
/// pieces together are a known label.
enum SpacedTokenizer {
  /// Lines whose first word is a label, a level or a header word: the page was a table.
  static func looksSpaced(_ text: SourceText) -> Bool {
    var hits = 0
    for index in text.lines.indices.prefix(400) {
      // A line without a blank (a space, or the no-break and ideographic spaces pages put
      // between cells) has no second word: it needs no string.
      let bytes = text.lines[index]
      guard text.utf8.withUnsafeBufferPointer({ Self.hasBlank($0, bytes.start..<bytes.end) }) else { continue }
      // Only the first word is looked up: no split of the rest of the line.
      let first: String
      if let word = firstWord(text.utf8, bytes.start..<bytes.end) {
        first = String(decoding: text.utf8[word], as: UTF8.self)
      } else {
        let line = text.text(ofLine: index)
        guard let word = line.split(maxSplits: 1, omittingEmptySubsequences: true, whereSeparator: { Blank.isBlankCharacter($0) }).first
        else { continue }
        first = String(word)
      }
      let key = TextKey.make(first, simplify: text.isTraditional)
      if FormVocabulary.role(key) != nil || LevelVocabulary.level1(key) != nil || LevelVocabulary.level2(key) != nil {
        hits += 1
      } else if ColumnVocabulary.role(key) != nil {
        // A list's header (`单位(项目)名称 资金总额 绩效目标 一级指标 …`) is a table on its own:
        // a list cut after its first row has no other line to tell.
        if isHeaderLine(text.text(ofLine: index), simplify: text.isTraditional) { return true }
        hits += 1
      }
    }
    return hits >= 3
  }

  /// Four header words or more among the words of a line.
  private static func isHeaderLine(_ line: String, simplify: Bool) -> Bool {
    var count = 0
    for word in line.split(whereSeparator: { Blank.isBlankCharacter($0) }) {
      if ColumnVocabulary.role(TextKey.make(String(word), simplify: simplify)) != nil { count += 1 }
      if count >= 4 { return true }
    }
    return false
  }

  /// Whether the gaps between words are more often wide than one space, in the first 400
  /// lines: then the wide gaps separate the cells and single spaces sit inside them
  /// (`plain`). Wide is two blanks or more, or one no-break or ideographic space where single
  /// spaces are found too (a page that writes one kind of blank everywhere is `spaced`).
  static func separatesWithWideBlanks(_ text: SourceText) -> Bool {
    var runs = 0
    var spaces = 0
    var otherBlanks = 0
    text.utf8.withUnsafeBufferPointer { bytes in
      for line in text.lines.prefix(400) {
        var index = line.start
        var sawWord = false
        while index < line.end {
          guard let length = Blank.blankLength(bytes, at: index, limit: line.end) else {
            sawWord = true
            index += 1
            continue
          }
          let (end, count) = Blank.run(bytes, at: index, firstLength: length, limit: line.end)
          if sawWord && end < line.end {
            if count == 1 {
              if bytes[index] == 0x20 { spaces += 1 } else { otherBlanks += 1 }
            } else {
              runs += 1
            }
          }
          index = end
        }
      }
    }
    return runs + (spaces > 0 ? otherBlanks : 0) > spaces
  }

  /// A space, U+00A0 or U+3000 among the bytes.
  static func hasBlank(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    var index = range.lowerBound
    while index < range.upperBound {
      switch bytes[index] {
      case 0x20: return true
      case 0xC2 where index + 1 < range.upperBound && bytes[index + 1] == 0xA0: return true
      case 0xE3 where index + 2 < range.upperBound && bytes[index + 1] == 0x80 && bytes[index + 2] == 0x80: return true
      default: index += 1
      }
    }
    return false
  }

  /// The first word of a line (its first run of characters that are not blanks) found on
  /// the bytes, where they are ASCII, characters of U+4000–U+9FFF and blanks: no such
  /// character joins its neighbours into one `Character`, so the words are those a split
  /// of the string finds. Nil elsewhere (a combining mark after a blank makes it no blank),
  /// and for a line of blanks.
  static func firstWord(_ bytes: [UInt8], _ line: Range<Int>) -> Range<Int>? {
    var index = line.lowerBound
    var start = -1
    while index < line.upperBound {
      let byte = bytes[index]
      if let length = Blank.blankLength(bytes, at: index, limit: line.upperBound) {
        if start >= 0 {
          // The character after the blank must not join it.
          let next = index + length
          guard next == line.upperBound || isPlain(bytes, at: next, limit: line.upperBound) else { return nil }
          return start..<index
        }
        index += length
        continue
      }
      guard isPlain(bytes, at: index, limit: line.upperBound) else { return nil }
      if start < 0 { start = index }
      index += byte < 0x80 ? 1 : 3
    }
    return start < 0 ? nil : start..<line.upperBound
  }

  /// ASCII, a whole character of U+4000–U+9FFF (CJK ideographs, hexagrams), or a blank.
  private static func isPlain(_ bytes: [UInt8], at index: Int, limit: Int) -> Bool {
    let byte = bytes[index]
    if byte < 0x80 { return true }
    if byte >= 0xE4 && byte <= 0xE9 && index + 2 < limit && bytes[index + 1] & 0xC0 == 0x80
      && bytes[index + 2] & 0xC0 == 0x80
    {
      return true
    }
    return Blank.blankLength(bytes, at: index, limit: limit) != nil
  }

  static func rows(_ text: SourceText, _ builder: inout CellBuilder) -> [Row] {
    var rows: [Row] = []
    let bytes = text.utf8
    // The last indicator header gives the target's operator or unit a column of its own:
    // then `= 24 人/次` is three cells, not one target.
    var valueColumnsSplit = false
    for index in text.lines.indices {
      let (range, pageBreak) = builder.pageBreakStripped(index)
      var cells: [Cell] = []
      var position = range.lowerBound
      var start = position
      while position < range.upperBound {
        if let length = Blank.blankLength(bytes, at: position, limit: range.upperBound) {
          if start < position {
            cells.append(builder.cell(lineIndex: index, range: start..<position, column: cells.count))
          }
          position += length
          start = position
        } else {
          position += 1
        }
      }
      if start < range.upperBound {
        cells.append(builder.cell(lineIndex: index, range: start..<range.upperBound, column: cells.count))
      }
      let lineKey = TextKey.make(text.text(ofLine: index))
      if TitleVocabulary.yearLine(lineKey) != nil || (cells.count > 1 && TitleVocabulary.kind(ofTitle: lineKey) != nil && lineKey.hasSuffixBytes("表")) {
        // `(   2023年度)`: one cell, however many blanks the page padded it with.
        cells = [builder.cell(lineIndex: index, range: range, column: 0)]
      }
      cells = joinLetterSpaced(cells.filter { !$0.isEmpty }, builder: &builder)
      cells = joinClauses(joinBrackets(joinWrappedLabels(cells, builder: &builder), builder: &builder), builder: &builder)
      cells = joinQuotations(cells, builder: &builder)
      if let split = splitsValueColumns(header: cells) { valueColumnsSplit = split }
      if !valueColumnsSplit { cells = joinQuantities(cells, builder: &builder) }
      for i in cells.indices { cells[i].column = i }
      var row = Row(cells: cells, lineIndex: index)
      row.followsPageBreak = pageBreak
      row.isSeparator = Separators.isSeparatorRow(cells)
      rows.append(row)
    }
    return rows
  }

  /// `年度主要目标` + `和成果` → `年度主要目标     和成果` when the joined key is a label and the
  /// second piece alone is not.
  static func joinWrappedLabels(_ cells: [Cell], builder: inout CellBuilder) -> [Cell] {
    var result: [Cell] = []
    for cell in cells {
      if let previous = result.last, previous.span.line == cell.span.line {
        let joined = TextKey.make(previous.text + cell.text)
        if isLabel(joined) && (!isLabel(cell.key) || previous.key == "其中") {
          result[result.count - 1] = merged(previous, cell, builder: &builder)
          continue
        }
      }
      result.append(cell)
    }
    return result
  }

  /// `本 年 收 入 合 计`, `项 目 名 称`: a label printed with a blank between its characters (to
  /// fill a wide cell) is one cell, when the characters together are a label.
  static func joinLetterSpaced(_ cells: [Cell], builder: inout CellBuilder) -> [Cell] {
    guard cells.count >= 2 else { return cells }
    var result: [Cell] = []
    result.reserveCapacity(cells.count)
    var index = 0
    while index < cells.count {
      var end = index
      while end < cells.count && isOneIdeograph(cells[end]) { end += 1 }
      if end - index >= 2 {
        let key = TextKey.make(cells[index..<end].map(\.text).joined())
        if isLabel(key) || BudgetVocabulary.classify(key) != nil {
          result.append(merged(cells[index], cells[end - 1], builder: &builder))
          index = end
          continue
        }
      }
      let next = max(end, index + 1)
      result.append(contentsOf: cells[index..<next])
      index = next
    }
    return result
  }

  /// A cell of one character of U+4000–U+9FFF.
  private static func isOneIdeograph(_ cell: Cell) -> Bool {
    cell.withTextBytes { $0.count == 3 && $0[0] >= 0xE4 && $0[0] <= 0xE9 }
  }

  /// `100%通知立即到位，` + `一项不到位扣5分，扣完为止`: no cell ends at a comma, so a blank after
  /// `，`, `；` or `、` is inside a sentence, unless a label or a level name follows.
  static func joinClauses(_ cells: [Cell], builder: inout CellBuilder) -> [Cell] {
    guard cells.count >= 2 else { return cells }
    var result: [Cell] = []
    result.reserveCapacity(cells.count)
    for cell in cells {
      if let previous = result.last, previous.span.line == cell.span.line, previous.withTextBytes(endsWithClauseMark),
        !isLabel(cell.key)
      {
        result[result.count - 1] = merged(previous, cell, builder: &builder)
      } else {
        result.append(cell)
      }
    }
    return result
  }

  /// `，` EF BC 8C, `；` EF BC 9B, `、` E3 80 81.
  private static func endsWithClauseMark(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count >= 3 else { return false }
    let (first, second, last) = (bytes[bytes.count - 3], bytes[bytes.count - 2], bytes[bytes.count - 1])
    return first == 0xEF && second == 0xBC && (last == 0x8C || last == 0x9B) || first == 0xE3 && second == 0x80 && last == 0x81
  }

  /// `贫困地区旅游景点开发数量(` + `≥**个` + `)` → one cell: blanks inside brackets do not
  /// separate cells, nor those inside the LaTeX a converter left (`$\geq 90\%$`).
  static func joinBrackets(_ cells: [Cell], builder: inout CellBuilder) -> [Cell] {
    var result: [Cell] = []
    var depth = 0
    var inMath = false
    for (index, cell) in cells.enumerated() {
      if depth > 0 || inMath, let previous = result.last, previous.span.line == cell.span.line {
        result[result.count - 1] = merged(previous, cell, builder: &builder)
      } else {
        result.append(cell)
      }
      // By scalars when each is a character (a comparison of characters costs a string
      // comparison), by characters when a mark could join a bracket.
      if cell.text.scalarCountIfEachIsACharacter != nil {
        for scalar in cell.text.unicodeScalars {
          if scalar == "(" || scalar == "（" { depth += 1 }
          if (scalar == ")" || scalar == "）") && depth > 0 { depth -= 1 }
          if scalar == "$" { inMath.toggle() }
        }
      } else {
        for character in cell.text {
          if character == "(" || character == "（" { depth += 1 }
          if (character == ")" || character == "）") && depth > 0 { depth -= 1 }
          if character == "$" { inMath.toggle() }
        }
      }
      // A `$` that no later cell closes is a dollar, not LaTeX.
      if inMath && !cells[(index + 1)...].contains(where: { $0.span.line == cell.span.line && $0.text.utf8.contains(0x24) }) {
        inMath = false
      }
    }
    return result
  }

  /// `“城管进社区”` + `宣传活动参与人数` → one cell: a quotation is the head of a name or goal
  /// (`“放管服”改革`), and a blank after it is inside that text; no table puts a quotation in
  /// a cell of its own before a cell of words. Not before a label or a level name.
  static func joinQuotations(_ cells: [Cell], builder: inout CellBuilder) -> [Cell] {
    guard cells.count >= 2 else { return cells }
    var result: [Cell] = []
    result.reserveCapacity(cells.count)
    for cell in cells {
      if let previous = result.last, previous.span.line == cell.span.line, isQuotation(previous.text),
        let first = cell.text.unicodeScalars.first, (0x4E00...0x9FFF).contains(first.value), !isLabel(cell.key)
      {
        result[result.count - 1] = merged(previous, cell, builder: &builder)
      } else {
        result.append(cell)
      }
    }
    return result
  }

  /// A text that is one quotation: `“…”`, `「…」`, `《…》`, `"…"`.
  private static func isQuotation(_ text: String) -> Bool {
    let scalars = text.unicodeScalars
    guard scalars.count >= 3, let open = scalars.first, let close = scalars.last else { return false }
    switch (open, close) {
    case ("“", "”"), ("「", "」"), ("《", "》"), ("\"", "\""):
      // One quotation, not two (`“甲”与“乙”`).
      return !scalars.dropFirst().dropLast().contains(close)
    default: return false
    }
  }

  /// For an indicator header (a target column among three or more known columns): whether it
  /// gives the operator, the unit or the value type a column of its own. Nil for other rows.
  static func splitsValueColumns(header cells: [Cell]) -> Bool? {
    // Every target column's name has 值 (指标值, 目标值, 当年预期实现值 …): rows without it
    // are asked nothing more.
    guard cells.count >= 3, cells.contains(where: { $0.key.containsBytes("值") }) else { return nil }
    var hasTarget = false
    var known = 0
    var split = false
    for cell in cells {
      guard let role = ColumnVocabulary.role(cell.key) else { continue }
      known += 1
      switch role {
      case .target: hasTarget = true
      case .unit, .direction, .valueType: split = true
      default: break
      }
    }
    return hasTarget && known >= 3 ? split : nil
  }

  /// `2024` `年` `12` `月` → `2024 年 12 月`, `50` `万元` → `50 万元`, `≥` `95%` → `≥ 95%`: a page
  /// that wrote a target with blanks inside it (as seed 000's cells are written) gives one
  /// cell, not a number and a unit that the row's reading takes for other columns. A unit or
  /// date word joins a number before it; a day or month number joins a date begun before it
  /// when a date word follows; a number joins an operator written alone.
  static func joinQuantities(_ cells: [Cell], builder: inout CellBuilder) -> [Cell] {
    guard cells.count > 1 else { return cells }
    var result: [Cell] = []
    result.reserveCapacity(cells.count)
    for (index, cell) in cells.enumerated() {
      if let previous = result.last, previous.span.line == cell.span.line,
        joins(cell, after: previous, next: index + 1 < cells.count ? cells[index + 1] : nil)
      {
        result[result.count - 1] = merged(previous, cell, builder: &builder)
      } else {
        result.append(cell)
      }
    }
    return result
  }

  private static func joins(_ cell: Cell, after previous: Cell, next: Cell?) -> Bool {
    // Most cells end in an ideograph other than 年 and 月: one look at the last bytes.
    guard previous.withKeyBytes({ mayEndQuantity($0) }) else { return false }
    let key = cell.key
    let before = previous.key
    guard let last = before.unicodeScalars.last else { return false }
    if isOperator(before) { return key.unicodeScalars.first.map(isDigit) ?? false }
    guard isQuantity(before) else { return false }
    if last == "%" { return boundWords.contains(key) }
    // `≥1` + `200人`, `≥9` + `5%`: one number whose thousands or digits are set apart by a
    // blank, as the grammar reads it (`SpacedDigits`), not a number and a cell after it. The
    // piece must end in its unit: a bare number after a target (`= 8` │ `4`) is the next
    // column's (a weight, a score).
    if isDigit(last), let first = key.unicodeScalars.first, isDigit(first) {
      guard let end = key.unicodeScalars.last, !isDigit(end) else { return false }
      return TargetGrammar.read(before + " " + key).flags.contains(.spacedDigits)
    }
    if isDigit(last) {
      if dateWords.contains(key) || boundWords.contains(key) { return true }
      guard !key.unicodeScalars.contains(where: isDigit), key.unicodeScalars.count <= 6 else { return false }
      return UnitTable.mayReadAsKnown(key) && UnitTable.read(key)?.isKnown == true
    }
    // `2024 年` + `12` when `月` follows.
    guard last == "年" || last == "月", key.unicodeScalars.count <= 2, key.unicodeScalars.allSatisfy(isDigit),
      let next, next.key == "月" || next.key == "日" || next.key == "号"
    else { return false }
    return true
  }

  /// A key ending in an ASCII digit, `%`, an ASCII operator, `年`, `月`, `≥`, `≤`, `≧` or `≦`.
  private static func mayEndQuantity(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let last = bytes.last else { return false }
    if last < 0x80 { return (last >= 0x30 && last <= 0x39) || last == 0x25 || last == 0x3C || last == 0x3D || last == 0x3E }
    guard bytes.count >= 3 else { return false }
    let (first, second) = (bytes[bytes.count - 3], bytes[bytes.count - 2])
    // 年 E5 B9 B4, 月 E6 9C 88, ≤ ≥ ≦ ≧ E2 89 A4…A7.
    return (first == 0xE5 && second == 0xB9 && last == 0xB4) || (first == 0xE6 && second == 0x9C && last == 0x88)
      || (first == 0xE2 && second == 0x89 && last >= 0xA4 && last <= 0xA7)
  }

  private static let dateWords: Set<String> = ["年", "月", "日", "号", "年底", "年末", "月底", "月末", "年度", "年内", "月内", "前", "以前", "之前"]
  private static let boundWords: Set<String> = ["以上", "以下", "以内", "及以上", "及以下"]

  /// An operator written alone: `≥`, `<=`, `=`.
  private static func isOperator(_ key: String) -> Bool {
    key.unicodeScalars.count <= 2 && key.unicodeScalars.allSatisfy { "≥≤<>=≧≦".unicodeScalars.contains($0) }
  }

  /// A number, perhaps after an operator, perhaps a date being joined: digits, separators,
  /// operators, blanks and 年/月/日 only, and a digit first or after the operator.
  private static func isQuantity(_ key: String) -> Bool {
    var sawDigit = false
    for scalar in key.unicodeScalars {
      if isDigit(scalar) { sawDigit = true; continue }
      if scalar == "." || scalar == "," || scalar == " " || (scalar == "%" && sawDigit) { continue }
      if "≥≤<>=≧≦".unicodeScalars.contains(scalar) { if sawDigit { return false } else { continue } }
      if (scalar == "年" || scalar == "月" || scalar == "日") && sawDigit { continue }
      return false
    }
    return sawDigit
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar >= "0" && scalar <= "9" }

  /// One cell from the start of `previous` to the end of `cell` on their line, the blanks
  /// between kept as written.
  private static func merged(_ previous: Cell, _ cell: Cell, builder: inout CellBuilder) -> Cell {
    builder.cell(joining: previous, cell)
  }

  static func isLabel(_ key: String) -> Bool {
    FormVocabulary.role(key) != nil || ColumnVocabulary.role(key) != nil || LevelVocabulary.level1(key) != nil
      || LevelVocabulary.level2(key) != nil
  }
}
