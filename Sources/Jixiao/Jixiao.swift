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
    var document = try read(bytes, path: path, options: options)
    if options.validate { document.diagnostics += Validator.check(document) }
    document.diagnostics.sort { ($0.span ?? SourceSpan(line: 0, column: 0, offset: -1)) < ($1.span ?? SourceSpan(line: 0, column: 0, offset: -1)) }
    return document
  }

  /// Every stage up to validation; diagnostics unsorted.
  private static func read(_ bytes: consuming [UInt8], path: String, options: ParseOptions)
    throws(InputError) -> Document
  {
    let (text, report) = try SourceDecoder.decode(bytes, path: path, encoding: options.encoding)
    let sha256 = SHA256.hex(bytes)
    let byteCount = bytes.count
    // The text shares the file's storage when the file is UTF-8; otherwise this frees it.
    _ = consume bytes
    let (grid, cutEnding) = cells(text, dialect: options.dialect)
    let dialect = grid.dialect
    // What the end and the start of the grid say, kept so the grid can go.
    let lastRow = grid.rows.last { !$0.isBlank }
    let firstCell = dialect == .runTogether ? grid.rows.first { !$0.isBlank }?.nonEmpty.first : nil
    var segmentation = TableSegmenter.segment(consume grid)
    var reader = DocumentReader(text: text, dialect: dialect)
    // Block by block, each released once read: a table's cells are not needed after it.
    var blocks = segmentation.blocks
    segmentation.blocks = []
    blocks.reverse()
    while let block = blocks.popLast() {
      reader.read(Segmentation(blocks: [block], documentYear: segmentation.documentYear))
    }
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
        path: path, sha256: sha256, bytes: byteCount, encoding: report.encoding,
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
    if let firstCell { diagnostics.append(Diagnostic("JX117", span: firstCell.span, [])) }
    document.diagnostics = diagnostics
    return document
  }

  /// The rows of cells, and how the text ends (its cut-off last cell removed).
  private static func cells(_ text: SourceText, dialect: Dialect?) -> (Grid, Truncation.Ending) {
    var tokens = Tokenizer.tokenize(text, dialect: dialect)
    if tokens.dialect.isCellStream { tokens = StreamRegrouper.regroup(tokens) }
    return Truncation.cut(tokens, text: text)
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
