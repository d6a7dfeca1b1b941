/// One cell per line, with a blank line after each or with none: every non-blank line is a
/// cell of its own row. `StreamRegrouper` (Reconstruction) rebuilds the rows from what the
/// cells are.
enum StreamTokenizer {
  /// Most non-blank lines are followed by a blank line, and there are many of them.
  static func looksLikeStream(_ text: SourceText) -> Bool { looksLikeStream(LayoutSurvey(text)) }

  static func looksLikeStream(_ survey: LayoutSurvey) -> Bool {
    !survey.hasSeparatorInText && survey.nonBlank >= 20 && survey.followedByBlank * 10 >= survey.nonBlank * 8
  }

  /// A stream too short for `looksLikeStream` (a truncated table: a title, a header, an
  /// indicator or two), told by what its cells say: three of them or more are indicator
  /// headers (一级指标, 指标值) or level names.
  static func looksLikeShortStream(_ text: SourceText, _ survey: LayoutSurvey) -> Bool {
    guard !survey.hasSeparatorInText, survey.nonBlank >= 6, survey.nonBlank < 20,
      survey.followedByBlank * 10 >= survey.nonBlank * 8
    else { return false }
    var words = 0
    for index in text.lines.indices {
      let key = TextKey.make(text.text(ofLine: index), simplify: text.isTraditional)
      guard !key.isEmpty else { continue }
      if indicatorWord(key) != nil {
        words += 1
        if words >= 3 { return true }
      }
    }
    return false
  }

  /// One cell per line with no blank line between them (text copied from a PDF viewer, or
  /// `pdftotext` without `-layout`): short lines without separators or blanks inside them,
  /// four of them or more an indicator header or a level name by itself, two of them header
  /// words. (Prose has long lines; a page copied from a browser keeps a row's cells on one
  /// line, blanks between them, its level names inside rows.) The first 400 lines tell.
  static func looksLikeBareStream(_ text: SourceText, _ survey: LayoutSurvey) -> Bool {
    guard !survey.hasSeparatorInText, survey.nonBlank >= 8 else { return false }
    let bytes = text.utf8
    var lines = 0
    var long = 0
    var spaced = 0
    var words = 0
    var headerWords = 0
    for line in text.lines where lines < 400 {
      let trimmed = Blank.trim(bytes, line.start..<line.end)
      guard !trimmed.isEmpty else { continue }
      lines += 1
      var scalars = 0
      var hasBlank = false
      for index in trimmed where bytes[index] & 0xC0 != 0x80 {
        scalars += 1
        if bytes[index] == 0x20 { hasBlank = true }
      }
      if scalars > 40 { long += 1 }
      if hasBlank { spaced += 1 }
      guard scalars <= 12 else { continue }
      let key = TextKey.make(String(decoding: bytes[trimmed], as: UTF8.self), simplify: text.isTraditional)
      guard let word = indicatorWord(key) else { continue }
      words += 1
      if word == .header { headerWords += 1 }
    }
    return words >= 4 && headerWords >= 2 && long * 3 <= lines && spaced * 5 <= lines
  }

  enum IndicatorWord { case header, level }

  /// A cell that is an indicator header (一级指标, 指标值) or a level name (产出指标, 数量指标).
  static func indicatorWord(_ key: String) -> IndicatorWord? {
    if ColumnVocabulary.role(key).map(ColumnVocabulary.indicatorHeaderRoles.contains) == true { return .header }
    return LevelVocabulary.level1(key) != nil || LevelVocabulary.level2(key) != nil ? .level : nil
  }

  static func rows(_ text: SourceText, _ builder: inout CellBuilder) -> [Row] {
    var rows: [Row] = []
    let bytes = text.utf8
    for index in text.lines.indices {
      var (range, pageBreak) = builder.pageBreakStripped(index)
      // `城乡环境卫生整治 |`: a cell-per-line page whose rows lost their lines of pipes
      // (`DialectDetector.detectLayout`); the pipe ends the cell and is none of it.
      var end = range.upperBound
      while end > range.lowerBound, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 || bytes[end - 1] == 0x0D { end -= 1 }
      if end > range.lowerBound, bytes[end - 1] == 0x7C {
        while end > range.lowerBound, bytes[end - 1] == 0x7C || bytes[end - 1] == 0x20 { end -= 1 }
        range = range.lowerBound..<end
      }
      let cell = builder.cell(lineIndex: index, range: range, column: 0)
      var row = Row(cells: cell.isEmpty ? [] : [cell], lineIndex: index)
      row.followsPageBreak = pageBreak
      rows.append(row)
    }
    return rows
  }
}
