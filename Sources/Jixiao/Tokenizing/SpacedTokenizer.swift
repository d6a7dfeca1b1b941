/// Text copied from a rendered web page: one row per line, cells separated by a single blank
/// (or more). A label the page wrapped (`年度主要目标     和成果`) is joined back when the two
/// pieces together are a known label.
enum SpacedTokenizer {
  /// Lines whose first word is a label, a level or a header word: the page was a table.
  static func looksSpaced(_ text: SourceText) -> Bool {
    var hits = 0
    for index in text.lines.indices.prefix(400) {
      // A line without a space byte has none as a string either (decoding repairs only
      // bytes that are not ASCII): it needs no string.
      let bytes = text.lines[index]
      guard text.utf8.withUnsafeBufferPointer({ $0[bytes.start..<bytes.end].contains(0x20) }) else { continue }
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
      let key = TextKey.make(first)
      if FormVocabulary.role(key) != nil || ColumnVocabulary.role(key) != nil || LevelVocabulary.level1(key) != nil
        || LevelVocabulary.level2(key) != nil
      {
        hits += 1
      }
    }
    return hits >= 3
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
      cells = joinBrackets(joinWrappedLabels(cells.filter { !$0.isEmpty }, builder: &builder), builder: &builder)
      for i in cells.indices { cells[i].column = i }
      var row = Row(cells: cells, lineIndex: index)
      row.followsPageBreak = pageBreak
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
          let range = previous.start..<(cell.start + cell.text.utf8.count)
          result[result.count - 1] = builder.cell(lineIndex: cell.span.line - 1, range: range, column: previous.column)
          continue
        }
      }
      result.append(cell)
    }
    return result
  }

  /// `贫困地区旅游景点开发数量(` + `≥**个` + `)` → one cell: blanks inside brackets do not
  /// separate cells.
  static func joinBrackets(_ cells: [Cell], builder: inout CellBuilder) -> [Cell] {
    var result: [Cell] = []
    var depth = 0
    for cell in cells {
      if depth > 0, let previous = result.last, previous.span.line == cell.span.line {
        let range = previous.start..<(cell.start + cell.text.utf8.count)
        result[result.count - 1] = builder.cell(lineIndex: cell.span.line - 1, range: range, column: previous.column)
      } else {
        result.append(cell)
      }
      // By scalars when each is a character (a comparison of characters costs a string
      // comparison), by characters when a mark could join a bracket.
      if cell.text.scalarCountIfEachIsACharacter != nil {
        for scalar in cell.text.unicodeScalars {
          if scalar == "(" || scalar == "（" { depth += 1 }
          if (scalar == ")" || scalar == "）") && depth > 0 { depth -= 1 }
        }
      } else {
        for character in cell.text {
          if character == "(" || character == "（" { depth += 1 }
          if (character == ")" || character == "）") && depth > 0 { depth -= 1 }
        }
      }
    }
    return result
  }

  static func isLabel(_ key: String) -> Bool {
    FormVocabulary.role(key) != nil || ColumnVocabulary.role(key) != nil || LevelVocabulary.level1(key) != nil
      || LevelVocabulary.level2(key) != nil
  }
}
