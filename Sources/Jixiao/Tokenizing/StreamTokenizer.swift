/// One cell per line with a blank line after each: every non-blank line is a cell of its own
/// row. `StreamRegrouper` (Reconstruction) rebuilds the rows from what the cells are.
enum StreamTokenizer {
  /// Most non-blank lines are followed by a blank line, and there are many of them.
  static func looksLikeStream(_ text: SourceText) -> Bool { looksLikeStream(LayoutSurvey(text)) }

  static func looksLikeStream(_ survey: LayoutSurvey) -> Bool {
    !survey.hasSeparatorInText && survey.nonBlank >= 20 && survey.followedByBlank * 10 >= survey.nonBlank * 8
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
