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
    // `第N页` or `共N页`: which, and the text after it.
    func word(_ text: Substring) -> (isPage: Bool, rest: Substring)? {
      guard let lead = text.first, lead == "第" || lead == "共" else { return nil }
      let digits = text.dropFirst().prefix { $0.isASCII && $0.isNumber }
      let after = text.dropFirst(1 + digits.count)
      guard !digits.isEmpty, after.first == "页" else { return nil }
      return (lead == "第", after.dropFirst())
    }
    guard let (firstIsPage, rest) = word(core) else { return false }
    if rest.isEmpty { return firstIsPage }
    var second = rest
    if let separator = second.first, [",", "/", ";", "、", "|"].contains(separator) { second = second.dropFirst() }
    guard let (secondIsPage, end) = word(second) else { return false }
    return end.isEmpty && firstIsPage != secondIsPage
  }

  @Test func pageNumbersAgreeWithTheCharacterReading() {
    let pieces = ["-", "—", "–", "－", "第", "页", "共", "1", "23", "a", "\u{301}", "１", "绩", ",", "、"]
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
    #expect(RowClassifier.isPageNumber("第1页,共3页") && RowClassifier.isPageNumber("共3页/第1页"))
    #expect(!RowClassifier.isPageNumber("共3页") && !RowClassifier.isPageNumber("第1页第2页"))
    #expect(!RowClassifier.isPageNumber("1/3"))
  }

  @Test func unitLines() {
    #expect(RowClassifier.unitLine("单位:万元") == .wanYuan)
    #expect(RowClassifier.unitLine("金额单位:元") == .yuan)
    #expect(RowClassifier.unitLine("填报单位:(盖章)单位:万元") == .wanYuan)
    #expect(RowClassifier.unitLine("万元") == nil)
    #expect(RowClassifier.unitLine("单位名称") == nil)
    // Brackets, 人民币, a full stop, the unit in brackets after 单位 (keys are normalised:
    // `（单位：元）` is `(单位:元)`).
    #expect(RowClassifier.unitLine("(单位:元)") == .yuan)
    #expect(RowClassifier.unitLine("[单位:万元]") == .wanYuan)
    #expect(RowClassifier.unitLine("金额单位:人民币元") == .yuan)
    #expect(RowClassifier.unitLine("单位(元)") == .yuan)
    #expect(RowClassifier.unitLine("单位:元。") == .yuan)
    #expect(RowClassifier.unitLine("填报单位:某县交通局") == nil)
    #expect(RowClassifier.unitLine("单位:元,项目") == nil)
  }

  /// A title that names its unit (`项目支出绩效目标表（单位：元）`) is the table's title and
  /// its unit: a unit line in brackets was not read at all, and 8500.00 was 8500 万元.
  @Test(arguments: ["项目支出绩效目标表\n（单位：元）\n", "项目支出绩效目标表（单位：元）\n"])
  func aUnitInBracketsIsTheTablesUnit(_ head: String) throws {
    let text = head + "项目名称\t乡村道路养护\n项目资金\t年度资金总额\t8500.00\n一级指标\t二级指标\t三级指标\t指标值\n产出指标\t数量指标\t养护里程\t≥50公里\n"
    let document = try Jixiao.parse(Array(text.utf8), path: "unit.txt")
    #expect(document.tables.first?.title?.hasPrefix("项目支出绩效目标表") == true)
    #expect(document.projects.first?.funds.total?.yuan == 8500)
    #expect(!document.diagnostics.contains { $0.code == "JX110" })
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
