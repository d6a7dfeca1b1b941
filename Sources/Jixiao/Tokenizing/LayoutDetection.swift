extension DialectDetector {
  /// The dialect of a text: layouts with a strong signature first (HTML, markdown grid
  /// tables, CSV), then the separated-text dialects; where those find only lines of text,
  /// rows whose cells run together (before the cell stream: with a blank line between rows
  /// they are one line a paragraph too), a cell stream, a short tab or pipe table, or
  /// space-aligned columns (a `pdftotext -layout` page has two blanks or more between its
  /// cells), a cell stream without blank lines; else the layouts without separators, whose
  /// cells are found by what they say (cells run together, single blanks). A page copied with
  /// two blanks (or a wide one) between cells is `plain`, whose cells keep their single
  /// blanks.
  ///
  /// Each signature is strict, so that a tab or pipe document with a stray `<p>`, a
  /// `+----+` rule or commas in its prose keeps the dialect it had.
  static func detectLayout(_ text: SourceText) -> Dialect {
    if HTMLTokenizer.looksLikeHTML(text) { return .html }
    if LaTeXTokenizer.looksLikeLaTeX(text) { return .latex }
    let survey = LayoutSurvey(text)
    if GridTableTokenizer.looksLikeGridTable(survey) { return .gridTable }
    if CSVTokenizer.looksLikeCSV(text, survey) { return .csv }
    let dialect = detect(survey)
    // One cell per line ending ` |`, and hardly a line of pipes to end a row (a page copied
    // without its row rules): one row would hold the whole table. The rows are rebuilt from
    // what the cells are, as a stream's. (104 and 109 have a line of pipes every cell or two.)
    if dialect == .cellPerLinePipe && survey.pipeCellLines > 12 * (survey.pipeOnly + 1) { return .cellStream }
    if dialect == .pipe && isMarkdownTable(text) { return .markdown }
    if dialect == .tabbed && TabbedTokenizer.dropsEmptyCells(text) { return .tabbedCollapsed }
    guard dialect == .plain else { return dialect }
    if RunTogetherTokenizer.looksLikeRows(text) { return .runTogetherRows }
    if StreamTokenizer.looksLikeStream(survey) || StreamTokenizer.looksLikeShortStream(text, survey) { return .cellStream }
    if CellPerLineTokenizer.looksLikeUntabbedRows(text, survey) { return .cellPerLine }
    if isShortTable(survey, separator: 0x09) { return .tabbed }
    if isShortTable(survey, separator: 0x7C) { return isMarkdownTable(text) ? .markdown : .pipe }
    if AlignedTokenizer.looksAligned(text) { return .aligned }
    if StreamTokenizer.looksLikeBareStream(text, survey) { return .cellStream }
    if RunTogetherTokenizer.looksRunTogether(text) { return .runTogether }
    if SpacedTokenizer.looksSpaced(text) { return SpacedTokenizer.separatesWithWideBlanks(text) ? .plain : .spaced }
    return .plain
  }

  /// Pipe rows written by a markdown generator: a `| --- |` row under a header, and every
  /// run of pipe rows with one number of cells. Converters of web pages write neither (the
  /// public documents 108, 111, 112, 114–116 have rows of every width and no `---` row).
  static func isMarkdownTable(_ text: SourceText) -> Bool {
    var hasRule = false
    var blockWidth: Int?
    for line in text.lines {
      var start = line.start
      while start < line.end, text.utf8[start] == 0x0C { start += 1 }
      let trimmed = Blank.trim(text.utf8, start..<line.end)
      let bytes = text.utf8[trimmed]
      guard bytes.first == 0x7C, bytes.last == 0x7C, bytes.count >= 2 else {
        blockWidth = nil
        continue
      }
      var pipes = 0
      var previous: UInt8 = 0
      for byte in bytes {
        if byte == 0x7C && previous != 0x5C { pipes += 1 }
        previous = byte
      }
      if let width = blockWidth, width != pipes { return false }
      blockWidth = pipes
      if bytes.allSatisfy({ $0 == 0x7C || $0 == 0x2D || $0 == 0x3A || $0 == 0x20 }) && bytes.contains(0x2D) {
        hasRule = true
      }
    }
    return hasRule
  }

  /// A tab or pipe table too short for `detect` (which wants three rows): two rows or more
  /// of three cells (two tabs, or three pipes with the outer ones), or of cells between one
  /// or two pipes with no outer pipe, a third of the text's lines or more. A title, a header
  /// and one indicator row is a table.
  static func isShortTable(_ text: SourceText, separator: UInt8) -> Bool {
    isShortTable(LayoutSurvey(text), separator: separator)
  }

  static func isShortTable(_ survey: LayoutSurvey, separator: UInt8) -> Bool {
    let tableRows = separator == 0x09 ? survey.linesWithTwoTabs : survey.linesWithThreePipes + survey.linesOfInnerPipes
    return tableRows >= 2 && tableRows * 10 >= survey.nonBlank * 3
  }
}
