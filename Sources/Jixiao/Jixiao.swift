/// Options of a parse.
public struct ParseOptions: Sendable {
  /// Decode with this charset instead of detecting one.
  public var encoding: String?
  /// Tokenize with this dialect instead of detecting one.
  public var dialect: Dialect?
  /// Run the validation checks (the 2xx–6xx families) after reading.
  public var validate: Bool

  public init(encoding: String? = nil, dialect: Dialect? = nil, validate: Bool = true) {
    self.encoding = encoding
    self.dialect = dialect
    self.validate = validate
  }
}

/// The library's entry point: the whole pipeline from bytes to a checked document.
public enum Jixiao {
  /// Reads a disclosure. Throws only when the file as a whole cannot be read (binary, empty,
  /// undecodable, no performance table); problems inside a readable file are diagnostics.
  ///
  /// `bytes` is consumed: a caller that passes its last reference lets the file be freed
  /// once it is decoded.
  public static func parse(_ bytes: consuming [UInt8], path: String, options: ParseOptions = ParseOptions())
    throws(InputError) -> Document
  {
    // Reading returns before validation, so the text, the cells and the reader's state
    // are freed before the checks build theirs.
    var (document, diagnostics, isTraditional) = try read(bytes, path: path, options: options)
    if options.validate { diagnostics += Validator.check(document, simplifiesScript: isTraditional) }
    document.diagnostics = diagnostics.sorted { ($0.span ?? SourceSpan(line: 0, column: 0, offset: -1)) < ($1.span ?? SourceSpan(line: 0, column: 0, offset: -1)) }
    return document
  }

  /// Every stage up to validation: the document without its diagnostics, those of decoding
  /// and reading, and whether the text is in traditional script (which the checks' word
  /// lists then match simplified).
  private static func read(_ bytes: consuming [UInt8], path: String, options: ParseOptions)
    throws(InputError) -> (Document, [Diagnostic], isTraditional: Bool)
  {
    let (text, report) = try SourceDecoder.decode(bytes, path: path, encoding: options.encoding)
    // Taken from the text when the text is the file (most files), so that a refused file
    // costs no digest; otherwise now, before the file is let go.
    let fileDigest = text.isTheFile ? nil : SHA256.hex(bytes)
    let byteCount = bytes.count
    // The text shares the file's storage when the file is UTF-8; otherwise this frees it.
    _ = consume bytes
    let dialect = options.dialect ?? DialectDetector.detectLayout(text)
    // One cache of target readings for the document: a stream's rows are rebuilt from the
    // shapes of its cells, which the reader asks again.
    let readings = TargetReadings(simplifiesScript: text.isTraditional)
    var tables = TableStages(reader: DocumentReader(text: text, dialect: dialect, targetReadings: readings), dialect: dialect)
    var holdback = Truncation.Holdback()
    if dialect.isCellStream {
      // Rows are rebuilt from the cells of the whole text.
      var rows = StreamRegrouper.regroup(Tokenizer.tokenize(text, dialect: dialect), readings: readings).rows
      rows.reverse()
      while let row = rows.popLast() { holdback.push(row) { tables.add($0) } }
    } else {
      Tokenizer.forEachRow(text, dialect: dialect) { row in holdback.push(row) { tables.add($0) } }
    }
    let (cutEnding, lastRow) = holdback.finish(text: text) { tables.add($0) }
    let (reader, tablesSegmentation) = tables.finish()
    var segmentation = tablesSegmentation
    let firstCell = tables.firstCell
    let ending = Truncation.cutInsideLastProject(cutEnding, lastRow: lastRow, text: text, projects: reader.projects)
    var endingDiagnostics: [Diagnostic] = []
    switch ending {
    case .complete: break
    case .fragment(let cell):
      segmentation.residue.append(ResidueItem(text: cell.text, span: cell.span, reason: .truncated))
      endingDiagnostics.append(Diagnostic("JX114", span: cell.span, [cell.text]))
    case .afterLabel(let cell):
      endingDiagnostics.append(Diagnostic("JX115", span: cell.span, [cell.text]))
    }
    if reader.projects.isEmpty && reader.departments.isEmpty {
      if let lookAlike = LookAlike.identify(text, tables: reader.tables) {
        throw .notATargetTable(path: path, what: lookAlike)
      }
      if reader.tables.isEmpty { throw .noTable(path: path, firstLines: firstLines(text)) }
    }
    var document = Document(
      source: SourceInfo(
        path: path, sha256: fileDigest ?? SHA256.hex(text.utf8), bytes: byteCount, encoding: report.encoding,
        encodingConfidence: report.confidence, hasBOM: report.hasBOM, lineEnding: report.lineEnding,
        lines: text.lines.count, dialect: dialect.rawValue))
    if case .complete = ending {} else { document.source.isTruncated = true }
    document.tables = reader.tables
    document.projects = reader.projects
    document.departments = reader.departments
    document.budgetLines = reader.budgetLines
    document.passages = segmentation.passages
    document.residue = (segmentation.residue + reader.context.residue).sorted { $0.span < $1.span }
    var diagnostics = DecodingDiagnostics.make(report, text: text) + reader.context.diagnostics
    diagnostics += endingDiagnostics
    if let firstCell { diagnostics.append(Diagnostic(dialect.cutsAtWords ? "JX117" : "JX121", span: firstCell.span, [])) }
    return (document, diagnostics, text.isTraditional)
  }

  /// Segmentation and reading, row by row: each table is read as soon as it is closed and
  /// the budget year is known, and its cells are let go then. Where the tokenizer hands rows
  /// over as it goes, the cells of the whole document never exist at once.
  private struct TableStages {
    var reader: DocumentReader
    let dialect: Dialect
    private var segmenter = TableSegmenter()
    /// The first non-empty cell of a cell stream or of text cut at its words, for JX117 and
    /// JX121.
    private(set) var firstCell: Cell?

    init(reader: DocumentReader, dialect: Dialect) {
      self.reader = reader
      self.dialect = dialect
    }

    mutating func add(_ row: consuming Row) {
      if dialect.isCellStream || dialect.cutsAtWords, firstCell == nil, !row.isBlank { firstCell = row.nonEmpty.first }
      segmenter.add(row)
      guard let year = segmenter.documentYear else { return }
      for block in segmenter.takeBlocks() { read(block, documentYear: year) }
    }

    private mutating func read(_ block: TableBlock, documentYear: Int?) {
      let firstNew = reader.projects.count
      reader.read(Segmentation(blocks: [block], documentYear: documentYear))
      // The indicators were appended one by one, and their arrays' spare capacity would
      // outlive the read (4.8 of 16 MB of indicator arrays in a 10 MB document).
      for index in firstNew..<reader.projects.count { reader.projects[index].indicators.shrinkToFit() }
    }

    /// Reads the tables still open or waiting for the year; the reader and what the
    /// segmenter made besides tables.
    mutating func finish() -> (DocumentReader, Segmentation) {
      var segmentation = segmenter.finish()
      var blocks = segmentation.blocks
      segmentation.blocks = []
      blocks.reverse()
      while let block = blocks.popLast() { read(block, documentYear: segmentation.documentYear) }
      return (reader, segmentation)
    }
  }

  /// The first non-blank lines, for the "no table" error.
  static func firstLines(_ text: SourceText) -> [String] {
    var lines: [String] = []
    for index in text.lines.indices where lines.count < 3 {
      let line = text.text(ofLine: index).trimmingBlanks()
      if !line.isEmpty { lines.append(String(line.prefix(40))) }
    }
    return lines
  }
}

extension Document {
  /// The indicators of its projects and departments. Counted here, where a project's fields
  /// are read directly: from another module each read of one went through a key path and a
  /// copy of all the project's fields (some 1,800 instructions).
  public var indicatorCount: Int {
    projects.reduce(0) { $0 + $1.indicators.count } + departments.reduce(0) { $0 + $1.indicators.count }
  }
}
