/// Findings about the bytes themselves: a weak encoding guess (JX101) and invalid byte
/// sequences replaced by U+FFFD (JX102).
enum DecodingDiagnostics {
  /// How many offsets JX102 lists in its message; the count is always complete.
  static let listedOffsets = 10

  static func make(_ report: DecodingReport, text: SourceText) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    if report.isLowConfidence {
      diagnostics.append(
        Diagnostic("JX101", span: nil, [report.encoding, String(report.confidence)]))
    }
    if report.invalidCount > 0 {
      let listed = report.invalidOffsets.prefix(listedOffsets).map(String.init)
      var offsets = listed.joined(separator: ", ")
      if report.invalidCount > listed.count { offsets += ", …" }
      // Points at the first bad byte, so an editor can jump to it; the others are related
      // spans (up to the listed ones), each with its own line and column.
      let spans = report.invalidOffsets.prefix(listedOffsets).map { offset in
        var span = text.span(ofOriginal: offset)
        span.length = 1  // the U+FFFD that replaced it
        return span
      }
      let related = spans.dropFirst().map {
        Diagnostic.Related(.part, span: $0, "byte \($0.offset)")
      }
      diagnostics.append(
        Diagnostic(
          "JX102", span: spans.first, [String(report.invalidCount), offsets],
          related: Array(related)))
    }
    return diagnostics
  }
}
