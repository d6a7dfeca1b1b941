import Testing

@testable import Jixiao

/// `RowClassifier.classify` reads a row's non-empty cells without an array of them and asks
/// one table (`headerWord`) where it asked `ColumnVocabulary.role` and then
/// `LevelVocabulary.blockLabel`; `TitleVocabulary.year(in:)` skips keys without four digits.
/// Each must read as before (the previous readings are copied here), on rows made of header
/// words, block labels, data, titles, units and empty cells in every order.
@Suite struct RowClassifierLookupTests {
  static let cellTexts = [
    "", "一级指标", "二级指标", "三级指标", "指标值", "项目名称", "单位名称", "资金总额", "财政拨款", "按收入性质分", "绩效指标",
    "年度指标", "长期指标", "项目绩效指标", "名称", "备注", "指标解释", "产出指标", "数量指标", "培训人数",
    "培训人数100人以上满足需要的各项工作完成情况良好达到预期目标的效果并按期完成", "指标值(%)", "指标值及单位说明文字过长", "绩效指标(2023年)",
    "年度绩效目标(一)", "评(扣)分标准", "评(扣)分", "单位:万元", "填报单位:(盖章)", "注:本表", "说明:", "说明:本表金额", "[image:x]", "![a](b)",
    "2023年度", "(2023年度)", "(2021年)", "(年度)", "第1页", "- 2 -", "部门项目支出预算绩效目标表", "≥100人", "实际完成值", "得分", "年", "指", "绩效",
  ]

  static func cell(_ text: String, _ column: Int) -> Cell {
    Cell(text: text, span: SourceSpan(line: 1, column: column + 1, offset: 0), column: column, start: 0)
  }

  /// Rows of one to three cells in every order, and longer rows at random.
  static let rows: [Row] = {
    var rows: [[String]] = cellTexts.map { [$0] }
    for a in cellTexts { for b in cellTexts { rows.append([a, b]) } }
    for a in cellTexts.prefix(20) { for b in cellTexts { for c in cellTexts.suffix(25) { rows.append([a, b, c]) } } }
    var random = SeededSequence(seed: 0x1234_5678_9ABC_DEF1)
    func next(_ bound: Int) -> Int { random.next(bound) }
    for _ in 0..<5000 { rows.append((0..<(4 + next(5))).map { _ in cellTexts[next(cellTexts.count)] }) }
    return rows.map { texts in Row(cells: texts.enumerated().map { cell($1, $0) }, lineIndex: 0) }
  }()

  @Test func rowsAreClassifiedAsBefore() {
    var kinds: Set<String> = []
    for row in Self.rows {
      let expected = Reference.classify(row)
      #expect(RowClassifier.classify(row) == expected, "\(row.cells.map(\.text))")
      kinds.insert("\(expected)")
    }
    for kind in ["header", "content", "blank", "note", "image", "pageNumber"] {
      #expect(kinds.contains(kind), "\(kind) never reached: \(kinds)")
    }
  }

  /// The corpus rows, and rows ending in a cell that names 单位 in part or whole, read as
  /// before: `classify` and `isHeader` test lengths and lead bytes in the cell before they
  /// take a key out of it.
  @Test func corpusRowsAreClassifiedAsBefore() {
    var rows: [Row] = []
    for relativePath in CorpusTests.documents {
      guard let bytes = CorpusFiles.read(CorpusTests.root + "/" + relativePath),
        let (text, _) = try? SourceDecoder.decode(bytes, path: relativePath)
      else { continue }
      rows += Tokenizer.tokenize(text).rows
    }
    let unitTexts = ["单位", "单", "位", "单单位", "单 位", "金额单位:元", "位单", "x单位:万元", "单位:亿元", "填报单位", "单位：千元", "项目单位"]
    for a in ["填报单位:(盖章)", "名称", "", "一级指标"] {
      for b in unitTexts {
        rows.append(Row(cells: [Self.cell(a, 0), Self.cell(b, 1)], lineIndex: 0))
        rows.append(Row(cells: [Self.cell(a, 0), Self.cell("", 1), Self.cell(b, 2)], lineIndex: 0))
        rows.append(Row(cells: [Self.cell(b, 0)], lineIndex: 0))
      }
    }
    // Column prefixes on keys longer than any header word: asked for their prefix all the same.
    for long in ["绩效指标(二〇二三年度项目支出绩效目标及指标明细说明)", "年度绩效目标(本年度项目支出的总体目标与阶段性目标说明)", "评(扣)分标准及依据说明文字很长很长很长很长很长很长很长"] {
      for texts in [["数据", long, "一级指标", "二级指标"], ["项目名称", "单位名称", "按收入性质分", long]] {
        rows.append(Row(cells: texts.enumerated().map { Self.cell($1, $0) }, lineIndex: 0))
      }
    }
    var headers = 0
    var units = 0
    for row in rows {
      let expected = Reference.classify(row)
      #expect(RowClassifier.classify(row) == expected, "\(row.cells.map(\.text))")
      #expect(RowClassifier.isHeader(row.cells) == Self.isHeaderByKeys(row.cells), "\(row.cells.map(\.text))")
      if expected == .header { headers += 1 }
      if case .moneyUnit = expected { units += 1 }
    }
    #expect(rows.count > 2000 && headers > 50 && units > 20, "\(rows.count) rows, \(headers) headers, \(units) units")
  }

  /// `RowClassifier.isHeader` as it was, with every key taken out of its cell.
  static func isHeaderByKeys(_ cells: [Cell]) -> Bool {
    var indicatorLabels = 0
    var projectLabels = 0
    var unknown = 0
    var unguessed = 0
    var blockLabels = 0
    for index in cells.indices where !cells[index].isEmpty {
      switch RowClassifier.headerWord(cells[index].key) {
      case .indicatorHeader: indicatorLabels += 1
      case .projectColumn: projectLabels += 1
      case .neutral: break
      case .unknown:
        unknown += 1
        if ColumnVocabulary.guessedRole(cells[index].key) == nil { unguessed += 1 }
        if unknown > 1 && indicatorLabels == 0 && projectLabels == 0 { return false }
      }
      if LevelVocabulary.blockLabel(cells[index].key) != nil || ColumnVocabulary.role(cells[index].key) == .blockLabel { blockLabels += 1 }
    }
    if unknown > RowClassifier.maximumGuessed { return false }
    if indicatorLabels >= 2 { return unknown <= 1 || unguessed <= 1 }
    return unknown == 0 && (projectLabels >= 3 || projectLabels == 2 && blockLabels >= 1)
  }

  /// `isHeader` skips the look-up of a key whose first bytes and length no header word has:
  /// every word has its bit, and a key without one is no word (the table's own answer).
  @Test func leadBytesPassEveryHeaderWord() {
    let words = ColumnVocabulary.allEntries.map(\.0) + LevelVocabulary.blockLabels.words + Self.cellTexts
    for word in words where RowClassifier.headerWord(word) != .unknown {
      // (A word known by its prefix alone, `绩效指标(2023年)`, is looked up for its prefix.)
      #expect(word.withUTF8Bytes { RowClassifier.headerLeads.mayBeWord($0) || ColumnVocabulary.mayHavePrefix($0) }, "\(word)")
    }
    for word in ColumnVocabulary.allEntries.map(\.0) + LevelVocabulary.blockLabels.words {
      #expect(word.withUTF8Bytes { RowClassifier.headerLeads.mayBeWord($0) }, "\(word)")
    }
    var random = SeededSequence(seed: 0x1EAD_B17E)
    let pool = Array("一二三级指标值项目名称单位资金绩效年度评分备注数量质时成本").map(String.init) + ["(", ")", "%", "a", ":"]
    var skipped = 0
    for _ in 0..<20000 {
      let key = (0..<(1 + random.next(8))).map { _ in pool[random.next(pool.count)] }.joined()
      guard !key.withUTF8Bytes({ RowClassifier.headerLeads.mayBeWord($0) }) else { continue }
      skipped += 1
      #expect(RowClassifier.headerWord(key) == .unknown || key.withUTF8Bytes(ColumnVocabulary.mayHavePrefix), "\(key)")
    }
    #expect(skipped > 10000, "\(skipped)")
  }

  /// The note test on the key's bytes is the two prefix comparisons.
  @Test func notePrefixesAreThePrefixComparisons() {
    let pieces = ["注", ":", "说", "明", "：", "a", "本表", "注意"]
    var notes = 0
    for key in [""] + Arrangements.of(pieces, upTo: 4) {
      let expected = key.hasPrefixBytes("注:") || key.hasPrefixBytes("说明:")
      #expect(key.withUTF8Bytes { RowClassifier.isNotePrefixed($0) } == expected, "\(key)")
      if expected { notes += 1 }
    }
    #expect(notes > 50, "\(notes)")
  }

  /// The single-cell readings are asked only where the key's bytes allow them: 表 for a
  /// title (`kind(ofTitle:)`'s first test), a dash or 第 in front of a page number.
  @Test func singleCellPrechecksAreTheReadingsOwn() {
    let pieces = ["表", "绩效", "目标", "第", "1", "页", "-", "—", "－", "–", "共", "(", "2023", "年度", ")", "单位:万元", "衰", "袁", "单", "位",
      "é", "𠀀", "a"]
    var titles = 0
    var pages = 0
    for key in Arrangements.of(pieces, upTo: 3) {
      #expect(key.withUTF8Bytes(RowClassifier.namesTable) == key.containsBytes("表"), "\(key)")
      let (unit, table) = key.withUTF8Bytes(RowClassifier.unitAndTable)
      #expect(unit == key.withUTF8Bytes(RowClassifier.namesUnit) && table == key.containsBytes("表"), "\(key)")
      if TitleVocabulary.kind(ofTitle: key) != nil {
        titles += 1
        #expect(key.withUTF8Bytes(RowClassifier.namesTable), "\(key)")
      }
      if RowClassifier.isPageNumber(key) {
        pages += 1
        #expect([0x2D, 0xE2, 0xEF, 0xE7].contains(key.utf8.first ?? 0), "\(key)")
      }
    }
    #expect(titles > 10 && pages > 5, "\(titles) titles, \(pages) page numbers")
  }

  @Test func headerWordsAreTheTwoLookUps() {
    let keys = Self.cellTexts + ColumnVocabulary.allEntries.map(\.0) + LevelVocabulary.blockLabels.words
    for key in keys + keys.map { $0 + "(年)" } + keys.map { $0 + "x" } + keys.map { String($0.dropLast()) } {
      #expect(RowClassifier.headerWord(key) == Reference.headerWord(key), "\(key)")
      #expect(ColumnVocabulary.role(key) == Reference.columnRole(key), "\(key)")
    }
  }

  /// `TableSegmenter.isKey` is `==`, also for keys equal only as Unicode (a compatibility
  /// ideograph, a combining mark).
  @Test func keysAreComparedAsStrings() {
    let words = ["实际完成值", "得分", "\u{8C48}分", "e\u{301}分"]
    let keys = words + ["\u{F900}分", "\u{E9}分", "得分 ", "得", "得分x", "實際完成值", "实际完成值(万元)", "", "a", "得分\u{301}"]
    var unequalBytes = 0
    for key in keys {
      for word in words {
        #expect(TableSegmenter.isKey(key, word) == (key == word), "\(key) \(word)")
        if key == word && !key.equalsBytes(word) { unequalBytes += 1 }
      }
    }
    #expect(unequalBytes == 2)
  }

  /// `opensSummary` matches openers by bytes and asks Unicode equality only of text that is
  /// not its own normal form: sound only if every opener is (plain: ASCII and unified
  /// ideographs).
  @Test func summaryOpenersAreTheirOwnNormalForm() {
    for opener in BudgetVocabulary.openers {
      #expect(TextKey.isPlain(opener), "\(opener)")
      #expect(BudgetVocabulary.opensSummary(opener))
      #expect(BudgetVocabulary.opensSummary("1." + opener))
      #expect(!BudgetVocabulary.opensSummary(opener + "的说明文字"))
    }
    // Equal as Unicode, longer in bytes: U+2F800…-range compatibility ideographs are four
    // bytes and decompose to a unified one.
    let compatibility = "\u{2F8B6}"  // → U+62D4
    #expect(compatibility.utf8.count == 4 && compatibility == "\u{62D4}")
    // An opener written with the compatibility form of 年 (U+F98E) is still one.
    #expect(BudgetVocabulary.opensSummary("本\u{F98E}收入") && BudgetVocabulary.opensSummary("一般公共预算资\u{F90A}"))
  }

  @Test func passageKindsAreThePrefixComparisons() {
    let prefixes = ["发布时间", "发布日期", "来源", "作者", "浏览次数", "索引号", "发文时间", "归档时间", "[索引号]", "日期", "填报人", "填表人",
      "单位负责人", "填报日期", "联系电话"]
    let keys = prefixes + prefixes.map { $0 + ":2023-01-01" } + prefixes.map { String($0.dropLast()) } + prefixes.map { "x" + $0 }
      + Self.cellTexts
    var kinds: Set<String> = []
    for key in keys {
      let cell = Self.cell(key, 0)
      let expected = Reference.passageKind(cell.key)
      #expect(TableSegmenter.passageKind(cell, default: .prose) == expected, "\(key)")
      kinds.insert("\(expected)")
    }
    #expect(kinds == ["metadata", "signature", "prose"])
  }

  @Test func yearsAreFoundAsBefore() {
    let pieces = ["2023", "202", "1", "年", "度", "a", "１", "表", "3\u{301}", "年\u{301}"]
    for text in Arrangements.of(pieces, upTo: 4) {
      #expect(TitleVocabulary.year(in: text) == Reference.year(in: text), "\(text)")
    }
  }
}

private enum Reference {
  static func classify(_ row: Row) -> RowKind {
    if row.isSeparator { return .separator }
    let cells = row.nonEmpty
    guard let first = cells.first else { return .blank }
    let firstKey = first.key
    if first.text.hasPrefixBytes("[image:") || first.text.hasPrefixBytes("![") { return .image }
    if firstKey.hasPrefixBytes("注:") || firstKey.hasPrefixBytes("注:") || firstKey.hasPrefixBytes("说明:") {
      return .note
    }
    if cells.count > 1 && cells.count <= 3, let unit = RowClassifier.unitLine(cells[cells.count - 1].key) {
      return .moneyUnit(unit)
    }
    if cells.count == 1 {
      if RowClassifier.isPageNumber(firstKey) { return .pageNumber }
      if let year = TitleVocabulary.yearLine(firstKey) { return .year(year) }
      if let kind = TitleVocabulary.kind(ofTitle: firstKey), RowClassifier.isTitleShaped(firstKey) {
        return .title(kind)
      }
      if let unit = RowClassifier.unitLine(firstKey) { return .moneyUnit(unit) }
    }
    if cells.count == 2, RowClassifier.isPageNumber(firstKey + cells[1].key) { return .pageNumber }
    if isHeader(cells) { return .header }
    return .content
  }

  static func isHeader(_ cells: [Cell]) -> Bool {
    var indicatorLabels = 0
    var projectLabels = 0
    var unknown = 0
    var unguessed = 0
    var blockLabels = 0
    for cell in cells {
      let key = cell.key
      if let role = columnRole(key) {
        if ColumnVocabulary.indicatorHeaderRoles.contains(role) {
          indicatorLabels += 1
        } else if role == .projectField || role == .serial {
          // A form's labels and 序号 count toward a header only beside indicator labels.
        } else if role.isProjectColumn || role == .group {
          projectLabels += 1
        }
      } else if LevelVocabulary.blockLabel(key) == nil {
        unknown += 1
        if ColumnVocabulary.guessedRole(key) == nil { unguessed += 1 }
        // Two cells of data before any label: not a header.
        if unknown > 1 && indicatorLabels == 0 && projectLabels == 0 { return false }
      }
      if LevelVocabulary.blockLabel(key) != nil || columnRole(key) == .blockLabel { blockLabels += 1 }
    }
    // Two indicator labels, and every other cell but one a header word or one that tells a
    // column by its words, up to six of those.
    if unknown > RowClassifier.maximumGuessed { return false }
    if indicatorLabels >= 2 { return unknown <= 1 || unguessed <= 1 }
    return unknown == 0 && (projectLabels >= 3 || projectLabels == 2 && blockLabels >= 1)
  }

  static func headerWord(_ key: String) -> RowClassifier.HeaderWord {
    if let role = columnRole(key) {
      if ColumnVocabulary.indicatorHeaderRoles.contains(role) { return .indicatorHeader }
      if role == .projectField || role == .serial { return .neutral }
      if role.isProjectColumn || role == .group { return .projectColumn }
      return .neutral
    }
    return LevelVocabulary.blockLabel(key) == nil ? .unknown : .neutral
  }

  static func columnRole(_ key: String) -> ColumnRole? {
    if let role = ColumnVocabulary.exact[key] { return role }
    if key.hasPrefixBytes("绩效指标(") || key.hasPrefixBytes("年度绩效目标(") { return .blockLabel }
    if key.hasPrefixBytes("评(扣)分") { return .scoring }
    // 指标值(%), not 指标值类型x: a short header that begins 指标值 and says nothing else.
    if key.hasPrefixBytes("指标值(") && key.count <= 8 && ColumnVocabulary.guessedRole(key) == .target { return .target }
    // An indicator column's header with a note in brackets: `指标值（包含数字及文字描述）`.
    if key.hasSuffix(")"), let open = key.firstIndex(of: "("), open > key.startIndex,
      let role = ColumnVocabulary.exact[String(key[..<open])],
      [.level1, .level2, .name, .target, .explanation, .scoring, .unit, .valueType, .direction, .weight, .remark, .standard]
        .contains(role)
    {
      return role
    }
    return nil
  }

  static func passageKind(_ key: String) -> Passage.Kind {
    for prefix in ["发布时间", "发布日期", "来源", "作者", "浏览次数", "索引号", "发文时间", "归档时间", "[索引号]", "日期"]
    where key.hasPrefixBytes(prefix) {
      return .metadata
    }
    for prefix in ["填报人", "填表人", "单位负责人", "填报日期", "联系电话"] where key.hasPrefixBytes(prefix) {
      return .signature
    }
    return .prose
  }

  static func year(in key: String) -> Int? {
    let characters = Array(key)
    var index = 0
    while index + 4 <= characters.count {
      let slice = characters[index..<(index + 4)]
      if slice.allSatisfy({ $0.isASCII && $0.isNumber }),
        index == 0 || !(characters[index - 1].isASCII && characters[index - 1].isNumber),
        index + 4 < characters.count, characters[index + 4] == "年",
        let year = Int(String(slice)), (1990...2100).contains(year)
      {
        return year
      }
      index += 1
    }
    return nil
  }
}
