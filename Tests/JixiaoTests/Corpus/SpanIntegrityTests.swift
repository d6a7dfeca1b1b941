import Testing

@testable import Jixiao

/// Every text the output attributes to a span is found at that span in the source: a
/// reader can seek to any value and see it.
@Suite struct SpanIntegrityTests {
  @Test(arguments: CorpusTests.documents)
  func textsSitAtTheirSpans(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    guard let document = try? Jixiao.parse(bytes, path: relativePath) else { return }
    let (text, _) = try SourceDecoder.decode(bytes, path: relativePath)
    var checked = 0
    func expect(_ value: String?, at span: SourceSpan?, _ what: String) {
      guard let value, !value.isEmpty, let span else { return }
      let firstLine = String(value.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)[0])
      guard span.line >= 1, span.line <= text.lines.count else {
        Issue.record("\(relativePath): \(what) '\(firstLine)' has span line \(span.line) outside the file")
        return
      }
      let line = Array(text.text(ofLine: span.line - 1).unicodeScalars)
      let start = span.column - 1
      let expected = Array(firstLine.unicodeScalars)
      let found = start >= 0 && start + expected.count <= line.count && Array(line[start..<(start + expected.count)]) == expected
      #expect(found, "\(relativePath):\(span.line):\(span.column): \(what) '\(firstLine)' is not at its span")
      checked += 1
    }
    for table in document.tables {
      for cell in table.layout { expect(cell.text, at: cell.span, "layout") }
    }
    for passage in document.passages { expect(passage.text, at: passage.span, "passage") }
    for item in document.residue { expect(item.text, at: item.span, "residue") }
    for line in document.budgetLines {
      expect(line.label, at: line.span, "budget label")
      expect(line.amount?.raw, at: line.amount?.span, "budget amount")
    }
    let fields = document.projects.flatMap(\.fields) + document.departments.flatMap(\.fields)
    for field in fields {
      expect(field.text, at: field.span, "field")
      expect(field.label, at: field.labelSpan, "label")
    }
    let indicators = document.projects.flatMap(\.indicators) + document.departments.flatMap(\.indicators)
    for indicator in indicators where !indicator.sharesNameAndTargetWithAbove {
      expect(indicator.level1Raw, at: indicator.spans[.level1], "level 1")
      expect(indicator.level2Raw, at: indicator.spans[.level2], "level 2")
      if !(indicator.target.raw.contains("<")) {
        expect(indicator.target.raw, at: indicator.target.span, "target")
      }
    }
    #expect(checked > 0 || document.tables.isEmpty)
  }
}
