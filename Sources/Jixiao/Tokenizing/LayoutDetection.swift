extension DialectDetector {
  /// The dialect of a text: layouts with a strong signature first (HTML, markdown grid
  /// tables, CSV), then the separated-text dialects; space-aligned columns only where those
  /// find nothing better than plain lines.
  ///
  /// Each signature is strict, so that a tab or pipe document with a stray `<p>`, a
  /// `+----+` rule or commas in its prose keeps the dialect it had.
  static func detectLayout(_ text: SourceText) -> Dialect {
    if HTMLTokenizer.looksLikeHTML(text) { return .html }
    if GridTableTokenizer.looksLikeGridTable(text) { return .gridTable }
    if CSVTokenizer.looksLikeCSV(text) { return .csv }
    let dialect = detect(text)
    if dialect == .plain && AlignedTokenizer.looksAligned(text) { return .aligned }
    return dialect
  }
}
