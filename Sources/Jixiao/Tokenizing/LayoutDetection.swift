extension DialectDetector {
  /// The dialect of a text: layouts with a strong signature first (HTML, markdown grid
  /// tables, CSV), then the separated-text dialects; space-aligned columns only where those
  /// find nothing better than plain lines; then the layouts without separators, whose
  /// cells are found by what they say (a cell stream, cells run together, single blanks).
  ///
  /// Each signature is strict, so that a tab or pipe document with a stray `<p>`, a
  /// `+----+` rule or commas in its prose keeps the dialect it had.
  static func detectLayout(_ text: SourceText) -> Dialect {
    if HTMLTokenizer.looksLikeHTML(text) { return .html }
    if GridTableTokenizer.looksLikeGridTable(text) { return .gridTable }
    if CSVTokenizer.looksLikeCSV(text) { return .csv }
    let dialect = detect(text)
    guard dialect == .plain else { return dialect }
    if isShortTabTable(text) { return .tabbed }
    if AlignedTokenizer.looksAligned(text) { return .aligned }
    if StreamTokenizer.looksLikeStream(text) { return .cellStream }
    if RunTogetherTokenizer.looksRunTogether(text) { return .runTogether }
    if SpacedTokenizer.looksSpaced(text) { return .spaced }
    return .plain
  }

  /// A tab table too short for `detect` (which wants three tab rows): two rows or more of
  /// three tab-separated cells, a third of the text's lines or more. A title, a header and
  /// one indicator row is a table.
  static func isShortTabTable(_ text: SourceText) -> Bool {
    var nonBlank = 0
    var tabRows = 0
    for line in text.lines {
      let trimmed = Blank.trim(text.utf8, line.start..<line.end)
      if trimmed.isEmpty { continue }
      nonBlank += 1
      if text.utf8[line.start..<line.end].filter({ $0 == 0x09 }).count >= 2 { tabRows += 1 }
    }
    return tabRows >= 2 && tabRows * 10 >= nonBlank * 3
  }
}
