import Testing

@testable import Jixiao

/// The row classifier reads page numbers by bytes; it must agree with the reading by
/// characters it replaced, including where the two could part: combining marks after a dash,
/// 第 or 页, full-width dashes, empty totals.
@Suite struct RowClassifierTests {
  /// The character-level reading, kept as the reference.
  static func isPageNumberByCharacters(_ key: String) -> Bool {
    var core = Substring(key)
    let dashes: Set<Character> = ["-", "—", "–", "－"]
    if let first = core.first, dashes.contains(first), let last = core.last, dashes.contains(last), core.count >= 3 {
      core = core.dropFirst().dropLast()
      return !core.isEmpty && core.allSatisfy { $0.isASCII && $0.isNumber }
    }
    if core.hasPrefix("第"), let page = core.firstIndex(of: "页") {
      let number = core[core.index(after: core.startIndex)..<page]
      let rest = core[core.index(after: page)...]
      let total = rest.hasPrefix("共") && rest.hasSuffix("页") ? rest.dropFirst().dropLast() : rest
      return !number.isEmpty && number.allSatisfy { $0.isASCII && $0.isNumber }
        && total.allSatisfy { $0.isASCII && $0.isNumber }
    }
    return false
  }

  @Test func pageNumbersAgreeWithTheCharacterReading() {
    let pieces = ["-", "—", "–", "－", "第", "页", "共", "1", "23", "a", "\u{301}", "１", "绩"]
    var pages = 0
    for key in [""] + Arrangements.of(pieces, upTo: 5) {
      let expected = Self.isPageNumberByCharacters(key)
      #expect(RowClassifier.isPageNumber(key) == expected, "\(Array(key.unicodeScalars))")
      if expected { pages += 1 }
    }
    // The samples reach both answers.
    #expect(pages > 100)
    #expect(RowClassifier.isPageNumber("第1页共3页"))
    #expect(RowClassifier.isPageNumber("—12—"))
    #expect(!RowClassifier.isPageNumber("1/3"))
  }

  @Test func unitLines() {
    #expect(RowClassifier.unitLine("单位:万元") == .wanYuan)
    #expect(RowClassifier.unitLine("金额单位:元") == .yuan)
    #expect(RowClassifier.unitLine("填报单位:(盖章)单位:万元") == .wanYuan)
    #expect(RowClassifier.unitLine("万元") == nil)
    #expect(RowClassifier.unitLine("单位名称") == nil)
  }

  /// A row keeps the segmenter's classification only while its cells are the ones classified.
  @Test func aKeptKindIsDroppedWhenTheCellsChange() {
    let span = SourceSpan(line: 1, column: 1, offset: 0, length: 3)
    var row = Row(cells: [Cell(text: "第1页", span: span, column: 0, start: 0)], lineIndex: 0)
    row.kind = RowClassifier.classify(row)
    #expect(RowClassifier.kind(of: row) == .pageNumber)
    row.cells[0] = Cell(text: "产出指标", span: span, column: 0, start: 0)
    #expect(row.kind == nil)
    #expect(RowClassifier.kind(of: row) == RowClassifier.classify(row))
    var other = row
    other.kind = .header
    #expect(other == row)
  }
}
