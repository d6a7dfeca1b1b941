import Testing

@testable import Jixiao

/// Reconstruction and value fast paths held to the code they replaced, kept here as it was:
/// - `Truncation.isFragment` tests the terms' prefixes on one store of their bytes;
/// - `TableSegmenter.kindOfHeader` asks its three questions in one pass over the cells;
/// - `TargetParser.qualifierText` finds the ends of its tokens by index;
/// - `LevelVocabulary.isScoreAnnotation` and `FormVocabulary.moneyUnit(in:)` compare bytes;
/// - `Truncation.Holdback` holds its row apart from the blank rows after it and moves rows;
/// - `StreamRegrouper.joinFragments` asks whether the second piece is a label word first;
/// - `InputError.caseName` names the case without reflection.
@Suite struct ReconstructionFastPathTests {
  /// Every non-empty cell of the corpus, as keys and as texts.
  static let corpusCells: [Cell] = {
    var cells: [Cell] = []
    for relativePath in CorpusTests.documents {
      guard let bytes = CorpusFiles.read(CorpusTests.root + "/" + relativePath),
        let (text, _) = try? SourceDecoder.decode(bytes, path: relativePath)
      else { continue }
      for row in Tokenizer.tokenize(text).rows { cells += row.cells.filter { !$0.isEmpty } }
    }
    return cells
  }()

  /// The corpus keys, every prefix of every term (with an open bracket after it, and with an
  /// annotation), operators, and texts with full-width and combining brackets.
  static let keys: [String] = {
    var keys = corpusCells.map(\.key)
    for term in Truncation.terms {
      let characters = Array(term)
      for length in 0...characters.count {
        let prefix = String(characters[..<length])
        keys += [prefix, prefix + "(", prefix + "（", prefix + "(1", prefix + "(1)", prefix + "x", "x" + prefix]
      }
    }
    keys += ["≥", "≤", ">", "<", "=", ">=", "<=", "=<", "≥ ", "(", "（", "()", "(\u{301}", "数量指(\u{301}", "数量指(", "生態(t", ">"]
    return keys
  }()

  @Test func fragmentsAsBefore() {
    var fragments = 0
    for key in Self.keys {
      let old = Old.isFragment(key)
      if old { fragments += 1 }
      #expect(Truncation.isFragment(key) == old, "'\(key)'")
    }
    // The prefix test is taken (the test would pass if nothing were a fragment).
    #expect(fragments > 500)
  }

  @Test func headerKindsAsBefore() {
    let words = [
      "", "项目名称", "单位(项目)名称", "单位名称", "实际完成值", "得分", "整体", "部门整体支出", "一级指标", "二级指标", "指标值",
      "≥100人", "产出指标",
    ]
    var rows = RowClassifierLookupTests.rows
    for a in words { for b in words { for c in words { rows.append(Self.row([a, b, c])) } } }
    var cells: [Cell] = []
    for cell in Self.corpusCells {
      cells.append(cell)
      if cells.count == 6 {
        rows.append(Row(cells: cells, lineIndex: 0))
        cells = []
      }
    }
    var kinds: Set<String> = []
    for row in rows {
      let old = Old.kindOfHeader(row)
      kinds.insert("\(String(describing: old))")
      #expect(TableSegmenter.kindOfHeader(row) == old, "\(row.cells.map(\.text))")
    }
    #expect(kinds.count == 4)
  }

  static func row(_ texts: [String]) -> Row {
    Row(cells: texts.enumerated().map { RowClassifierLookupTests.cell($1, $0) }, lineIndex: 0)
  }

  @Test func qualifiersAsBefore() {
    var texts = RowReadingFastPathTests.texts
    texts += ["、合格、", "80%，合格", " * 良好 *", "、", "**", "100%、、"]
    var read = 0
    for text in texts {
      let normalized = NormalizedText(text)
      let tokens = ValueTokenizer.tokenize(normalized.scalars)
      let parser = TargetParser(
        raw: text, normalized: normalized, tokens: tokens, context: TargetContext(), unitColumn: nil,
        expectsDate: false, span: nil)
      // Every slice of a short cell, every suffix and prefix of a long one.
      let bounds: [(Int, Int)] =
        tokens.count <= 12
        ? (0...tokens.count).flatMap { start in (start...tokens.count).map { (start, $0) } }
        : (0...tokens.count).flatMap { [($0, tokens.count), (0, $0)] }
      for (start, end) in bounds {
        let old = Old.qualifierText(parser, tokens[start..<end])
        if old != nil { read += 1 }
        #expect(parser.qualifierText(tokens[start..<end]) == old, "'\(text)' \(start)..<\(end)")
      }
    }
    #expect(read > 1000)
  }

  @Test func vocabularyByteTestsAsBefore() {
    var keys = Self.keys
    keys += ["(40-50)分", "(50分)", "(0-20)分", "（0-20）分", "(1)", "(分", "单位元", "单位元 ", "单位:元", "(万元)", "项目资金(元)"]
    var annotations = 0
    for key in keys {
      let old = Old.isScoreAnnotation(key)
      if old { annotations += 1 }
      #expect(LevelVocabulary.isScoreAnnotation(key) == old, "'\(key)'")
      #expect(FormVocabulary.moneyUnit(in: key) == Old.moneyUnit(in: key), "'\(key)'")
    }
    #expect(annotations >= 3)
  }
}

extension ReconstructionFastPathTests {
  /// The held rows are passed on in the same order, cut alike, with the same last row, for
  /// every corpus document and the same document cut off at several places.
  @Test func holdbackPassesRowsAsBefore() {
    var cut = 0
    for relativePath in CorpusTests.documents.prefix(80) {
      guard let bytes = CorpusFiles.read(CorpusTests.root + "/" + relativePath) else { continue }
      for end in [bytes.count, bytes.count * 2 / 3, bytes.count / 2, bytes.count / 3 + 7] {
        guard let (text, _) = try? SourceDecoder.decode(Array(bytes[..<end]), path: relativePath) else { continue }
        let rows = Tokenizer.tokenize(text).rows
        var old = Old.Holdback()
        var oldRows: [Row] = []
        for row in rows { old.push(row) { oldRows.append($0) } }
        let (oldEnding, oldLast) = old.finish(text: text) { oldRows.append($0) }
        var new = Truncation.Holdback()
        var newRows: [Row] = []
        for row in rows { new.push(row) { newRows.append($0) } }
        let (newEnding, newLast) = new.finish(text: text) { newRows.append($0) }
        if case .complete = oldEnding {} else { cut += 1 }
        #expect(newRows == oldRows, "\(relativePath) ..<\(end)")
        #expect(String(describing: newEnding) == String(describing: oldEnding), "\(relativePath) ..<\(end)")
        #expect(newLast == oldLast, "\(relativePath) ..<\(end)")
      }
    }
    #expect(cut > 10)
  }

  /// Fragments of labels are joined as before, over the corpus cells in order and pieces of
  /// label words.
  @Test func fragmentsJoinAsBefore() {
    var cells = Self.corpusCells
    let pieces = ["项目起", "止时间", "可持续影响", "指标", "产出", "指标", "数量指标", "100", "项目", "名称", "一级", "指标", "满意度"]
    for (index, piece) in pieces.enumerated() { cells.append(RowClassifierLookupTests.cell(piece, index)) }
    for (index, piece) in pieces.reversed().enumerated() { cells.append(RowClassifierLookupTests.cell(piece, index)) }
    let old = Old.joinFragments(cells)
    #expect(StreamRegrouper.joinFragments(cells) == old)
    #expect(old.count < cells.count)
  }
}

extension ReconstructionFastPathTests {
  /// `InputError.caseName` is the name reflection read, for every case.
  @Test func inputErrorNamesAsReflectionReadThem() {
    let errors: [InputError] = [
      .empty(path: "a"), .whitespaceOnly(path: "a"), .binary(path: "a", what: "PNG", byteOffset: 0),
      .tooLarge(path: "a", bytes: 2, limit: 1), .unknownEncoding(path: "a", name: "x"), .undecodable(path: "a", detail: "x"),
      .noTable(path: "a", firstLines: ["x"]), .notATargetTable(path: "a", what: "x"), .notFound(path: "a"),
      .isDirectory(path: "a"), .unreadable(path: "a", reason: "x"),
    ]
    for error in errors {
      #expect(error.caseName == Mirror(reflecting: error).children.first?.label, "\(error)")
    }
  }
}

/// The previous code, as it was.
private enum Old {
  static func joinFragments(_ cells: [Cell]) -> [Cell] {
    var result: [Cell] = []
    for cell in cells {
      if let previous = result.last {
        let joined = TextKey.make(previous.text + cell.text, simplify: cell.isTraditional)
        let isLabelWord = StreamRegrouper.isLabelWord
        if isLabelWord(joined) && (!isLabelWord(previous.key) || !isLabelWord(cell.key)) && !isLabelWord(cell.key)
          && !StreamRegrouper.isRunOn(previous.key, cell.key, joined)
        {
          var merged = previous
          let separator = previous.span.line == cell.span.line ? "" : "\n"
          merged.text = previous.text + separator + cell.text
          merged.span.length += cell.span.length + separator.count
          result[result.count - 1] = merged
          continue
        }
      }
      result.append(cell)
    }
    return result
  }

  struct Holdback {
    private var held: [Row] = []
    private var lastPassed: Row?

    mutating func push(_ row: Row, _ pass: (Row) -> Void) {
      if row.isBlank && !held.isEmpty {
        held.append(row)
        return
      }
      if !row.isBlank { release(to: pass) }
      if row.isBlank { pass(row) } else { held = [row] }
    }

    mutating func finish(text: SourceText, _ pass: (Row) -> Void) -> (Truncation.Ending, lastRow: Row?) {
      var ending = Truncation.Ending.complete
      if let last = text.utf8.last, last != 0x0A, last != 0x0D, !held.isEmpty,
        let cellIndex = held[0].cells.lastIndex(where: { !$0.isEmpty })
      {
        let cell = held[0].cells[cellIndex]
        if Truncation.isFragment(cell.key) {
          held[0].cells[cellIndex].text = ""
          ending = .fragment(cell)
        } else if Truncation.isTerm(cell.key) {
          ending = .afterLabel(cell)
        }
      }
      let lastHeld = held.first.flatMap { $0.isBlank ? nil : $0 }
      let before = lastPassed
      release(to: pass)
      return (ending, lastHeld ?? before)
    }

    private mutating func release(to pass: (Row) -> Void) {
      guard let first = held.first else { return }
      lastPassed = first.isBlank ? lastPassed : first
      for row in held { pass(row) }
      held = []
    }
  }

  static func isFragment(_ key: String) -> Bool {
    if ["≥", "≤", ">", "<", "=", ">=", "<="].contains(key) { return true }
    var core = key
    if let open = core.lastIndex(where: { $0 == "(" || $0 == "（" }), !core[open...].containsBytes(")") {
      core = String(core[..<open])
      if core.isEmpty { return true }
      if Truncation.isTerm(core) { return true }
    }
    guard !core.isEmpty, !Truncation.isTerm(core) else { return false }
    let coreLength = core.utf8.count
    return Truncation.terms.contains { $0.utf8.count > coreLength && $0.hasPrefixBytes(core) }
  }

  static func kindOfHeader(_ row: Row) -> TableKind? {
    let keys = row.nonEmpty.map(\.key)
    if keys.contains(where: { TableSegmenter.isKey($0, "实际完成值") || TableSegmenter.isKey($0, "得分") }) {
      return .selfEvaluation
    }
    guard keys.contains(where: { ColumnVocabulary.role($0) == .projectName }) else { return nil }
    if keys.contains(where: { $0.containsBytes("整体") }) { return .departmentTargets }
    return .projectTargets
  }

  static func qualifierText(_ parser: TargetParser, _ tokens: ArraySlice<ValueToken>) -> String? {
    let kept = tokens.drop { $0.lexeme == .listSeparator || $0.lexeme == .ignorable }
    var trimmed = Array(kept)
    while let last = trimmed.last, last.lexeme == .listSeparator || last.lexeme == .ignorable {
      trimmed.removeLast()
    }
    let value = parser.trimSpaces(parser.text(trimmed))
    return value.isEmpty ? nil : value
  }

  static func isScoreAnnotation(_ key: String) -> Bool {
    guard key.hasPrefixBytes("("), key.containsBytes(")"), key.count <= 14 else { return false }
    return key.containsBytes("分") && key.allSatisfy { $0.isNumber || "()-~分.".contains($0) }
  }

  static func moneyUnit(in key: String) -> MoneyUnit? {
    if key.containsBytes("(万元)") || key.hasSuffixBytes("万元") && key.count <= 10 { return .wanYuan }
    if key.containsBytes("(元)") || key.hasSuffixBytes(":元") || key == "单位元" { return .yuan }
    if key.containsBytes("(千元)") { return .qianYuan }
    if key.containsBytes("(亿元)") { return .yiYuan }
    return nil
  }
}
