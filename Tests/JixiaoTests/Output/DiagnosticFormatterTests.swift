import Testing

@testable import Jixiao

/// The excerpt under a finding: the whole line when it is short, the cell with some context
/// when the line is long (a run-together document is one line of thousands of characters).
@Suite struct DiagnosticFormatterTests {
  static func render(line: String, column: Int, length: Int) -> [Substring] {
    let diagnostic = Diagnostic("JX308", span: SourceSpan(line: 1, column: column, offset: 0, length: length), ["x"])
    let text = DiagnosticFormatter(language: .en, useColor: false).render([diagnostic], path: "a.txt", lines: [line])
    return text.split(separator: "\n", omittingEmptySubsequences: false)
  }

  @Test func aShortLineIsShownWhole() {
    let lines = Self.render(line: "数量指标 完成率 ≥96%", column: 6, length: 3)
    #expect(lines[2] == "1 | 数量指标 完成率 ≥96%")
    // 数量指标 and a blank are nine display columns.
    #expect(lines[3] == "  |          ^~~~~~")
  }

  @Test func aLongLineIsCutAroundTheCell() {
    let line = String(repeating: "甲", count: 500) + "目标值" + String(repeating: "乙", count: 500)
    let lines = Self.render(line: line, column: 501, length: 3)
    let shown = lines[2].dropFirst(4)
    #expect(shown.hasPrefix("…" + String(repeating: "甲", count: DiagnosticFormatter.contextBefore) + "目标值"))
    #expect(shown.hasSuffix(String(repeating: "乙", count: DiagnosticFormatter.contextAfter) + "…"))
    // The caret sits under 目标值: after the ellipsis and the context, two columns each.
    #expect(lines[3] == "  | " + String(repeating: " ", count: 1 + DiagnosticFormatter.contextBefore * 2) + "^~~~~~")
  }

  @Test func aCellAtTheStartOfALongLine() {
    let line = "标题" + String(repeating: "乙", count: 500)
    let lines = Self.render(line: line, column: 1, length: 2)
    #expect(lines[2] == "1 | 标题" + String(repeating: "乙", count: DiagnosticFormatter.contextAfter) + "…")
    #expect(lines[3] == "  | ^~~~")
  }
}
