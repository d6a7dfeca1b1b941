/// One cell per line with a blank line after each: every non-blank line is a cell of its own
/// row. `StreamRegrouper` (Reconstruction) rebuilds the rows from what the cells are.
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
      if ColumnVocabulary.role(key).map(ColumnVocabulary.indicatorHeaderRoles.contains) == true || LevelVocabulary.level1(key) != nil
        || LevelVocabulary.level2(key) != nil
      {
        words += 1
        if words >= 3 { return true }
      }
    }
    return false
  }

  static func rows(_ text: SourceText, _ builder: inout CellBuilder) -> [Row] {
    var rows: [Row] = []
    for index in text.lines.indices {
      let (range, pageBreak) = builder.pageBreakStripped(index)
      let cell = builder.cell(lineIndex: index, range: range, column: 0)
      var row = Row(cells: cell.isEmpty ? [] : [cell], lineIndex: index)
      row.followsPageBreak = pageBreak
      rows.append(row)
    }
    return rows
  }
}
