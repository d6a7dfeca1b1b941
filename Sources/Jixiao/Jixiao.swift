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
  public static func parse(_ bytes: [UInt8], path: String, options: ParseOptions = ParseOptions())
    throws(InputError) -> Document
  {
    let (text, report) = try SourceDecoder.decode(bytes, path: path, encoding: options.encoding)
    var tokens = Tokenizer.tokenize(text, dialect: options.dialect)
    if tokens.dialect.isCellStream { tokens = StreamRegrouper.regroup(tokens) }
    let (grid, ending) = Truncation.cut(tokens, text: text)
    var segmentation = TableSegmenter.segment(grid)
    var endingDiagnostics: [Diagnostic] = []
    switch ending {
    case .complete: break
    case .fragment(let cell):
      segmentation.residue.append(ResidueItem(text: cell.text, span: cell.span, reason: .truncated))
      endingDiagnostics.append(Diagnostic("JX114", span: cell.span, [cell.text]))
    case .afterLabel(let cell):
      endingDiagnostics.append(Diagnostic("JX115", span: cell.span, [cell.text]))
    }
    var reader = DocumentReader(text: text, dialect: grid.dialect)
    reader.read(segmentation)
    if reader.projects.isEmpty && reader.departments.isEmpty {
      if let lookAlike = LookAlike.identify(text, tables: reader.tables) {
        throw .notATargetTable(path: path, what: lookAlike)
      }
      if reader.tables.isEmpty { throw .noTable(path: path, firstLines: firstLines(text)) }
    }
    var document = Document(
      source: SourceInfo(
        path: path, sha256: SHA256.hex(bytes), bytes: bytes.count, encoding: report.encoding,
        encodingConfidence: report.confidence, hasBOM: report.hasBOM, lineEnding: report.lineEnding,
        lines: text.lines.count, dialect: grid.dialect.rawValue))
    if case .complete = ending {} else { document.source.isTruncated = true }
    document.tables = reader.tables
    document.projects = reader.projects
    document.departments = reader.departments
    document.budgetLines = reader.budgetLines
    document.passages = segmentation.passages
    document.residue = (segmentation.residue + reader.context.residue).sorted { $0.span < $1.span }
    var diagnostics = DecodingDiagnostics.make(report, text: text) + reader.context.diagnostics
    diagnostics += endingDiagnostics
    if grid.dialect == .runTogether, let first = grid.rows.first(where: { !$0.isBlank })?.nonEmpty.first {
      diagnostics.append(Diagnostic("JX117", span: first.span, []))
    }
    if options.validate { diagnostics += Validator.check(document) }
    document.diagnostics = diagnostics.sorted { ($0.span ?? SourceSpan(line: 0, column: 0, offset: -1)) < ($1.span ?? SourceSpan(line: 0, column: 0, offset: -1)) }
    return document
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
