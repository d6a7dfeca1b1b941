/// Compiler-style text for diagnostics: `path:line:col: warning[JX301]: message`, the source
/// line, a caret under the cell, and related spans as `note:` lines (as rustc and
/// swift-syntax print them).
public struct DiagnosticFormatter {
  public var language: Language
  public var useColor: Bool

  public init(language: Language, useColor: Bool) {
    self.language = language
    self.useColor = useColor
  }

  /// `lines` are the decoded lines of the file, for the excerpt under each message.
  public func render(_ diagnostics: [Diagnostic], path: String, lines: [String]) -> String {
    var output = ""
    for diagnostic in diagnostics {
      output += header(path: path, span: diagnostic.span)
      output += paint(diagnostic.severity.rawValue + "[\(diagnostic.code)]", severityColor(diagnostic.severity), bold: true)
      output += paint(": " + diagnostic.message(in: language), nil, bold: true) + "\n"
      output += excerpt(diagnostic.span, lines: lines)
      for related in diagnostic.related {
        output += header(path: path, span: related.span)
        output += paint("note", "36", bold: true) + ": " + related.message(in: language) + "\n"
      }
    }
    return output
  }

  private func header(path: String, span: SourceSpan?) -> String {
    guard let span, span.line > 0 else { return paint("\(path): ", nil, bold: true) }
    return paint("\(path):\(span.line):\(span.column): ", nil, bold: true)
  }

  /// Scalars of context shown before and after the cell on a long line: a document whose
  /// cells run together is one line of thousands of characters.
  static let contextBefore = 30
  static let contextAfter = 50

  private func excerpt(_ span: SourceSpan?, lines: [String]) -> String {
    guard let span, span.line > 0, span.line <= lines.count else { return "" }
    let scalars = Array(lines[span.line - 1].unicodeScalars)
    let gutter = String(span.line)
    let pad = String(repeating: " ", count: gutter.count)
    let start = min(max(span.column - 1, 0), scalars.count)
    let end = min(start + max(span.length, 1), scalars.count)
    let window = Self.window(count: scalars.count, start: start, end: end)
    var shown = window.lowerBound > 0 ? "…" : ""
    var prefixWidth = window.lowerBound > 0 ? 1 : 0
    for index in window {
      let visible: Unicode.Scalar = scalars[index] == "\t" ? " " : scalars[index]
      shown.unicodeScalars.append(visible)
      if index < start { prefixWidth += ICU.displayWidth(visible) }
    }
    if window.upperBound < scalars.count { shown += "…" }
    var caretWidth = 0
    if start < min(end, window.upperBound) {
      for scalar in scalars[start..<min(end, window.upperBound)] { caretWidth += ICU.displayWidth(scalar) }
    }
    caretWidth = max(caretWidth, 1)
    let caret = "^" + String(repeating: "~", count: caretWidth - 1)
    return "\(pad) |\n\(gutter) | \(shown)\n\(pad) | \(String(repeating: " ", count: prefixWidth))\(paint(caret, "32", bold: true))\n"
  }

  /// The scalars of a line to show: all of a short line, otherwise the cell with some
  /// context on either side (a long cell shown from its start).
  static func window(count: Int, start: Int, end: Int) -> Range<Int> {
    guard count > contextBefore + contextAfter * 2 else { return 0..<count }
    let lower = max(start - contextBefore, 0)
    let upper = min(max(end, start + 1) + contextAfter, count, start + contextAfter * 2)
    return lower..<max(upper, min(start + 1, count))
  }

  private func severityColor(_ severity: Severity) -> String {
    switch severity {
    case .error: "31"
    case .warning: "33"
    case .note: "36"
    }
  }

  private func paint(_ text: String, _ color: String?, bold: Bool) -> String {
    guard useColor else { return text }
    var codes: [String] = []
    if bold { codes.append("1") }
    if let color { codes.append(color) }
    return "\u{1B}[\(codes.joined(separator: ";"))m\(text)\u{1B}[0m"
  }
}
