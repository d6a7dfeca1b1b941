import Testing

@testable import Jixiao

/// The row reader's fast paths held to the code they replaced, kept here as it was:
/// - `TargetGrammar.readingUnlessWords` skips the parser for text whose tokens make no value
///   (comparison words among words included) and that cannot read as a grade;
/// - `CellShape` tests the parse before it is finished;
/// - `IndicatorRowReader.align` fills flat tables and places cells by index.
@Suite struct RowReadingFastPathTests {
  /// Every non-empty cell of the corpus, the target cases, and every lexicon entry alone,
  /// between words and after a grade prefix.
  static let texts: [String] = {
    var texts = allTargetCases.map(\.raw)
    for entries in ValueLexicon.index.values {
      for entry in entries {
        let key = String(String.UnicodeScalarView(entry.key))
        texts += [key, "完成" + key + "情况", key + "合格", "达到" + key, key + " 良好 ", "*" + key + "是"]
      }
    }
    texts += [
      "达到合格标准", "为优秀", "不低于良好", "保持良好以上", "控制在合格以内", "$合格$", " 达标 ", "高于一般水平",
      "评定为优秀等次以上", "考核结果为合格等级", "确保验收质量达到合格标准", "整体评价为良好及以上", "全部达标",
    ]
    for relativePath in CorpusTests.documents {
      guard let bytes = CorpusFiles.read(CorpusTests.root + "/" + relativePath),
        let (text, _) = try? SourceDecoder.decode(bytes, path: relativePath)
      else { continue }
      for row in Tokenizer.tokenize(text).rows {
        texts += row.cells.filter { !$0.isEmpty }.map(\.text)
      }
    }
    return texts
  }()

  @Test func skippedTextNeverReadsAsAValue() {
    var newlySkipped = 0
    for text in Self.texts {
      let old = OldRowReading.readingUnlessWords(text)
      let new = TargetGrammar.readingUnlessWords(text)
      switch (old, new) {
      case (nil, nil): break
      case (nil, .some):
        Issue.record("'\(text)' is parsed, which the old test skipped")
      case (.some(let old), nil):
        newlySkipped += 1
        let target = old.target
        #expect(target.grade == nil && !target.kind.isStructured, "'\(text)' was skipped but reads as a value")
      case (.some(let old), .some(let new)):
        #expect(old.target == new.target && old.dependsOnContext == new.dependsOnContext, "'\(text)'")
      }
    }
    // The new skip is taken (the test would pass with none).
    #expect(newlySkipped > 500)
  }

  /// The value test of `CellShape` on the parse before it is finished, and on the new skip,
  /// decides as it did on the finished target and the old skip.
  @Test func valueTestsDecideAsBefore() {
    func isValue(_ target: Target?, _ key: String) -> Bool {
      guard let target else { return false }
      return target.grade != nil || (target.kind.isStructured && !CellShape.readsAsName(key, target))
    }
    for text in Self.texts {
      let key = TextKey.make(text)
      #expect(
        isValue(TargetGrammar.readingUnlessWords(text)?.parsed, key)
          == isValue(OldRowReading.readingUnlessWords(text)?.target, key), "'\(text)'")
    }
  }

  /// The one-walk scoring test reads as the five byte searches it replaced.
  @Test func scoringTestIsTheOldOne() {
    func old(_ key: String) -> Bool {
      key.containsBytes("扣分") || key.containsBytes("得分") || key.containsBytes("满分") || key.containsBytes("不得分")
        || (key.containsBytes("扣") && key.hasSuffixBytes("分"))
    }
    var texts = Self.texts.map { TextKey.make($0) }
    let pieces = ["扣", "得", "满", "分", "不", "a", "扣分", "得分", "满分", "完成", "1"]
    for first in pieces {
      for second in pieces {
        for third in pieces { texts += [first + second + third, first + second, first] }
      }
    }
    var scoring = 0
    for text in texts {
      #expect(IndicatorRowReader.readsAsScoring(text) == old(text), "'\(text)'")
      if old(text) { scoring += 1 }
    }
    #expect(scoring > 100)
  }

  /// `UnitTable.mayReadAsKnown` is false only where `read` finds no known unit.
  @Test func unitPrecheckNeverRejectsAKnownUnit() {
    var texts = Self.texts + Self.texts.map { TextKey.make($0) }
    for spelling in Array(UnitTable.spellings.keys) + Array(UnitTable.bareScales.keys) {
      texts += [spelling, "(" + spelling + ")", "【" + spelling + " 】", "万" + spelling, "元/" + spelling, spelling + "/", spelling + "·"]
    }
    texts += ["人/次", "元/人·月", "/株", "万元/人", "％", "ｋｍ", "㎡", "次\u{301}", "A\u{30A}"]
    var rejected = 0
    for text in texts {
      let known = UnitTable.read(text)?.isKnown ?? false
      if !UnitTable.mayReadAsKnown(text) {
        rejected += 1
        #expect(!known, "'\(text)' reads as a known unit")
      }
    }
    #expect(rejected > 1000)
  }

  /// Layouts of indicator sections, by position and by content (made afresh for each use:
  /// a reader holds its document's readings).
  static var readers: [IndicatorRowReader] {
    [
    IndicatorRowReader(columns: [0: .level1, 1: .level2, 2: .name, 3: .target], positionsTrusted: false),
    IndicatorRowReader(columns: [0: .level1, 1: .level2, 2: .name, 3: .target], positionsTrusted: true),
    IndicatorRowReader(columns: [0: .blockLabel, 1: .level1, 2: .level2, 3: .name, 4: .target, 5: .remark]),
    IndicatorRowReader(
      columns: [
        0: .level1, 1: .level2, 2: .name, 3: .explanation, 4: .unit, 5: .valueType, 6: .target, 7: .weight,
        8: .scoring, 9: .remark,
      ], positionsTrusted: false),
    IndicatorRowReader(
      columns: [0: .level1, 1: .level2, 2: .name, 3: .direction, 4: .valueType, 5: .target, 6: .unit, 7: .standard],
      positionsTrusted: true),
    IndicatorRowReader(columns: [:], positionsTrusted: false),
    ]
  }

  @Test func alignmentsAreTheOldAlignments() throws {
    var rows = 0
    for relativePath in CorpusTests.documents {
      let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
      guard let (text, _) = try? SourceDecoder.decode(bytes, path: relativePath) else { continue }
      // One set of readers for each document: their readings are kept from row to row.
      let readers = Self.readers
      for row in Tokenizer.tokenize(text).rows where !row.nonEmpty.isEmpty {
        rows += 1
        let cells = row.nonEmpty
        for reader in readers {
          let new = reader.align(cells)
          let old = OldRowReading.align(reader, cells)
          let same =
            new.count == old.count
            && zip(new, old).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 && readingsAgree(old: $1, new: $0) }
          #expect(same, "\(relativePath): \(cells.map(\.text))")
        }
      }
    }
    #expect(rows > 1000)
  }

  /// The row reader takes the cells left for the alignment by index and has `align` place
  /// them through a closure: every row of the corpus reads as it did with the cells copied
  /// into an array and the alignment returned as a list.
  @Test func rowsReadAsTheOldRows() throws {
    var rows = 0
    var aligned = 0
    for relativePath in CorpusTests.documents {
      let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
      guard let (text, _) = try? SourceDecoder.decode(bytes, path: relativePath) else { continue }
      let readers = Self.readers
      for row in Tokenizer.tokenize(text).rows where !row.nonEmpty.isEmpty {
        rows += 1
        // The row as read, and with an unknown level-1 name before it, a level-2 name after
        // its first cell, and a score annotation: the branches before the alignment.
        let cells = row.nonEmpty
        var variants = [cells]
        func cell(_ text: String, _ column: Int) -> Cell {
          Cell(text: text, span: SourceSpan(line: 1, column: 1, offset: 0), column: column, start: 0)
        }
        variants.append([cell("社会影响力", 0), cell("数量指标", 1)] + cells)
        variants.append([cell(cells[0].text, 0), cell("质量指标", 1)] + cells.dropFirst())
        variants.append([cell("产出指标", 0), cell("(20分)", 0)] + cells)
        for reader in readers where reader.byContent {
          for variant in variants {
            let horizon = Horizon.annual
            let span = SourceSpan(line: 1, column: 1, offset: 0)
            let new = reader.read(variant, horizon: horizon, rowSpan: span)
            // (`read` then takes a lone operator from the unplaced cells, as it does after
            // either reading.)
            var old = OldRowReading.readByContent(reader, variant, horizon: horizon, rowSpan: span)
            IndicatorRowReader.takeOperator(&old)
            if !new.extras.isEmpty || !new.name.isNil { aligned += 1 }
            #expect(OldRowReading.same(new, old), "\(relativePath): \(variant.map(\.text))")
          }
        }
      }
    }
    #expect(rows > 1000)
    #expect(aligned > 1000)
  }

  /// `CellShape` skips the word look-ups for keys longer than every word and counts
  /// characters only where a test asks: every cell of the corpus, every word alone and
  /// around others, has the shape and the reading it had.
  @Test func shapesAreTheOldShapes() {
    var texts = Self.texts
    let words = CellShape.operators.words + CellShape.standards.words + ["正向", "反向", "%", "人次", "万元/人", "20分", "反映情况"]
    for word in words { texts += [word, word + " ", " " + word, word + "a", "a" + word, word + word, word + "分"] }
    texts += ["12345678901234", "1,234.5", "95", "100分", "反映项目完成的情况", "反映", "１２", "1\u{20E3}"]
    var shapes: Set<String> = []
    for text in texts {
      let cell = Cell(text: text, span: SourceSpan(line: 1, column: 1, offset: 0), column: 0, start: 0)
      let new = CellShape.read(cell)
      var oldReading: TargetReading?
      let old = OldRowReading.shape(of: cell, reading: &oldReading)
      #expect(new.shape == old && new.reading?.target == oldReading?.target, "'\(text)': \(new.shape) \(old)")
      shapes.insert("\(old)".prefix { $0 != "(" }.description)
    }
    // Every shape is reached.
    #expect(shapes.count == 10, "\(shapes)")
  }
}

/// The alignment hands a reading with the target alone (the row reader asks no other):
/// there it is the old one.
private func readingsAgree(old: (Cell, ColumnRole?, TargetReading?), new: (Cell, ColumnRole?, TargetReading?)) -> Bool {
  old.1 != .target || old.2?.target == new.2?.target
}

/// Two cells under a name and a target column alone (`TwoCellRow`): placed without the first
/// cell's shape where the second reads as a value, as the full alignment places them.
@Suite struct TwoCellRowTests {
  /// Texts of every shape, and values.
  static let firstTexts = [
    "≥", "定性", "正向", "反向", "计划标准", "20分", "%", "人次", "95", "44,561", "1,234.5", "≥90%", "2024年12月", "前三名", "合格",
    "未达指标值酌情扣分", "完成得满分", "培训人数", "PM2.5浓度下降比例", "反映项目完成的情况", "",
    String(repeating: "长", count: 35), String(repeating: "长", count: 45),
  ]
  static let lastTexts = ["≥90%", "100%", "2024年12月", "前三名", "合格", "≤5万元", "95", "培训人数", "完成得满分", "正向"]

  @Test func placementsAreTheFullAlignments() {
    var random = SeededSequence(seed: 0x5851_F42D_4C95_7F2D)
    var fast = 0
    var texts = Self.firstTexts
    // Generated texts: pieces of the above run together.
    for _ in 0..<300 {
      let count = 1 + random.next(3)
      texts.append((0..<count).map { _ in Self.firstTexts[random.next(Self.firstTexts.count)] }.joined())
    }
    for trusted in [false, true] {
      // Name and target columns from the header, or made up (-1) where it has none.
      let layouts: [[Int: ColumnRole]] = [
        [0: .level1, 1: .level2, 2: .name, 3: .target], [0: .level1, 1: .level2, 2: .name], [0: .level1, 1: .level2, 3: .target],
        [0: .level1, 1: .level2], [0: .level1, 1: .level2, 2: .target, 3: .name],
      ]
      for columns in layouts {
        let reader = IndicatorRowReader(columns: columns, positionsTrusted: trusted)
        for first in texts where !first.isEmpty {
          for last in Self.lastTexts {
            // Every pair of the columns 0…5, the two cells in row order.
            let column0 = random.next(5)
            let column1 = column0 + 1 + random.next(5 - column0)
            let cells = [
              Cell(text: first, span: SourceSpan(line: 1, column: 1, offset: 0), column: column0, start: 0),
              Cell(text: last, span: SourceSpan(line: 1, column: 9, offset: 8), column: column1, start: 8),
            ]
            if TwoCellRow.placesByTarget(cells: 2, slots: reader.slots, lastShape: CellShape.of(cells[1])) { fast += 1 }
            let new = reader.align(cells)
            let old = OldRowReading.align(reader, cells)
            let same =
              new.count == old.count
              && zip(new, old).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 && readingsAgree(old: $1, new: $0) }
            #expect(same, "\(columns) \(trusted): \(cells.map(\.text)) \(new.map(\.1)) \(old.map(\.1))")
          }
        }
      }
    }
    // The fast path is taken (the test would pass with none).
    #expect(fast > 1000)
  }
}

/// The first cell of an alignment is tested for a value only where the answer matters
/// (`CellShape.partialShape`, `valueTest`): its shape and placements are those of the full test.
@Suite struct FirstCellValueTestTests {
  /// The partial shape and the value test make the shape and reading `CellShape.read` makes.
  @Test func partialShapesComposeToTheShapes() {
    var texts = RowReadingFastPathTests.texts + TwoCellRowTests.firstTexts + TwoCellRowTests.lastTexts
    texts += ["反映项目完成的情况", "反映", "2024年完成", "合格率≥95%", "PM2.5浓度下降比例", "舆情监测时间（24小时）"]
    var pending = 0
    for text in texts {
      let cell = Cell(text: text, span: SourceSpan(line: 1, column: 1, offset: 0), column: 0, start: 0)
      let full = CellShape.read(cell)
      switch CellShape.partialShape(of: cell) {
      case .decided(let shape):
        #expect(shape == full.shape && full.reading == nil, "'\(text)'")
      case .valueOr(words: let words):
        pending += 1
        let (reading, isValue) = CellShape.valueTest(cell, readings: nil)
        #expect((isValue ? CellShape.value : words) == full.shape, "'\(text)'")
        #expect(reading?.target == full.reading?.target && (reading == nil) == (full.reading == nil), "'\(text)'")
      }
    }
    #expect(pending > 1000)
  }

  /// Rows made of cells of every shape, in columns at random, read by every layout: the
  /// placements are the old alignment's.
  @Test func generatedRowsAlignAsBefore() {
    var random = SeededSequence(seed: 0x1656_67B1_9E37_79F9)
    let pool =
      TwoCellRowTests.firstTexts.filter { !$0.isEmpty } + TwoCellRowTests.lastTexts
      + ["完成率", "反映资金使用情况", "按时完成得满分", "≥95%", "优良", "数量指标", "社会影响力", "10分", "万元", "正向"]
    var rows = 0
    for _ in 0..<400 {
      let count = 2 + random.next(6)
      var column = random.next(2)
      var cells: [Cell] = []
      for _ in 0..<count {
        let text = pool[random.next(pool.count)]
        cells.append(Cell(text: text, span: SourceSpan(line: 1, column: column + 1, offset: column), column: column, start: column))
        column += 1 + random.next(2)
      }
      for reader in RowReadingFastPathTests.readers {
        rows += 1
        let new = reader.align(cells)
        let old = OldRowReading.align(reader, cells)
        let same =
          new.count == old.count && zip(new, old).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 && readingsAgree(old: $1, new: $0) }
        #expect(same, "\(cells.map(\.text)) \(new.map(\.1)) \(old.map(\.1))")
      }
    }
    #expect(rows > 1000)
  }
}

/// The code the fast paths replaced, as it was.
private enum OldRowReading {
  /// `CellShape.shape(of:readings:reading:)` as it was, without the document's readings.
  static func shape(of cell: Cell, reading: inout TargetReading?) -> CellShape {
    let key = cell.key
    if CellShape.operators.contains(key) { return .operatorWord }
    if key.equalsBytes("正向") || key.equalsBytes("反向") { return .direction }
    if CellShape.standards.contains(key) { return .standard }
    if key.hasSuffixBytes("分") && IndicatorBuilder.weight(key) != nil { return .weight }
    let length = key.count
    let hasDigit = key.contains { $0.isASCII && $0.isNumber }
    if !hasDigit, length <= 6, UnitTable.mayReadAsKnown(key), let unit = UnitTable.read(key), unit.isKnown { return .unit }
    if hasDigit, key.withUTF8Bytes({ $0.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2C || $0 == 0x2E } }) {
      let small = IndicatorBuilder.weight(key).map { $0 <= 100 } ?? false
      return .number(small: small)
    }
    reading = TargetGrammar.readingUnlessWords(cell.text)
    if let target = reading?.parsed,
      target.grade != nil || (target.kind.isStructured && !CellShape.readsAsName(key, target))
    {
      return .value
    }
    if IndicatorRowReader.readsAsScoring(key) { return .scoringText }
    if key.hasPrefixBytes("反映") && length >= 6 { return .explanationText }
    return .text(length: length)
  }

  /// `IndicatorRowReader.read` by content as it was: the cells left for the alignment copied
  /// into an array, the alignment returned as a list.
  static func readByContent(_ reader: IndicatorRowReader, _ cells: [Cell], horizon: Horizon, rowSpan: SourceSpan) -> IndicatorDraft {
    var draft = IndicatorDraft(horizon: horizon, rowSpan: rowSpan)
    let positionsTrusted = reader.positionsTrusted
    var rest: [Cell] = []
    var sawLevel = false
    let nonEmpty = cells.filter { !$0.isEmpty }
    var lookahead: (index: Int, levels: (Level1?, Level2?))?
    func isNameInItsColumn(_ cell: Cell) -> Bool {
      let levels = LevelVocabulary.levels(cell.key)
      return positionsTrusted && reader.role(ofColumn: cell.column) == .name && (levels.0 != nil || levels.1 != nil)
        && !LevelVocabulary.isStandardSpelling(cell.key)
    }
    for (index, cell) in nonEmpty.enumerated() {
      let key = cell.key
      let role = reader.role(ofColumn: cell.column)
      guard rest.isEmpty else {
        if rest.count == 1, !sawLevel, draft.level1Cell.isNil,
          case (nil, let asLevel2?) = LevelVocabulary.levels(key), CellShape.of(rest[0], readings: reader.readings).isWords
        {
          draft.level1Cell = rest.removeFirst()
          draft.level2Cell = cell
          draft.level2 = asLevel2
          sawLevel = true
          continue
        }
        rest.append(cell)
        continue
      }
      if LevelVocabulary.blockLabel(key) != nil, !key.equalsBytes("名称") || role == .blockLabel { continue }
      if role == .blockLabel, LevelVocabulary.isBlockLabelFragment(key) { continue }
      if LevelVocabulary.isScoreAnnotation(key) || LevelVocabulary.isDittoMark(key) {
        draft.annotations.append(cell)
        continue
      }
      let (asLevel1, asLevel2) = lookahead?.index == index ? lookahead!.levels : LevelVocabulary.levels(key)
      if asLevel1 != nil || asLevel2 != nil {
        var nextIsLevel2 = false
        if index + 1 < nonEmpty.count {
          let next = LevelVocabulary.levels(nonEmpty[index + 1].key)
          lookahead = (index + 1, next)
          nextIsLevel2 = next.1 != nil && !isNameInItsColumn(nonEmpty[index + 1])
        }
        let takeLevel1 =
          asLevel1 != nil && draft.level1Cell.isNil && draft.level2Cell.isNil
          && (asLevel2 == nil || nextIsLevel2 || (positionsTrusted && role == .level1))
        if takeLevel1, let asLevel1 {
          draft.level1Cell = cell
          draft.level1 = asLevel1
          if positionsTrusted && role != .level1 { draft.isShifted = true }
          sawLevel = true
          continue
        }
        if let asLevel2, draft.level2Cell.isNil {
          draft.level2Cell = cell
          draft.level2 = asLevel2
          if positionsTrusted && role != .level2 { draft.isShifted = true }
          sawLevel = true
          continue
        }
      }
      if isNameInItsColumn(cell), sawLevel {
        rest.append(cell)
        continue
      }
      if key.equalsBytes("指标"), sawLevel || role == .level2 {
        draft.level2Fragment = cell
        continue
      }
      rest.append(cell)
    }
    if rest.count == 1 {
      let cell = rest[0]
      if reader.readsAsTarget(cell) {
        draft.target = cell
      } else if IndicatorRowReader.readsAsScoring(cell.key) && !draft.level2Cell.isNil {
        draft.extras.append((.scoring, cell))
        return draft
      } else {
        draft.name = cell
      }
      if positionsTrusted, let expected = draft.target.isNil ? reader.nameColumn : reader.targetColumn, cell.column != expected {
        draft.isShifted = true
      }
      return draft
    }
    for (cell, role, reading) in align(reader, rest) {
      guard let role else {
        draft.unplaced.append(cell)
        continue
      }
      if positionsTrusted, reader.role(ofColumn: cell.column) != role { draft.isShifted = true }
      switch role {
      case .name: draft.name = cell
      case .target:
        draft.target = cell
        draft.targetReading = reading
      case .level1, .level2: IndicatorRowReader.placeLevel(cell, key: cell.key, column: role, into: &draft)
      default: draft.extras.append((role, cell))
      }
    }
    reader.swapDirectionAndOperator(&draft)
    return draft
  }

  /// Two drafts hold the same cells in the same places.
  static func same(_ new: IndicatorDraft, _ old: IndicatorDraft) -> Bool {
    new.level1Cell == old.level1Cell && new.level1 == old.level1 && new.level2Cell == old.level2Cell
      && new.level2 == old.level2 && new.level2Fragment == old.level2Fragment && new.name == old.name
      && new.target == old.target && new.targetReading?.target == old.targetReading?.target
      && new.extras.map(\.role) == old.extras.map(\.role) && new.extras.map(\.cell) == old.extras.map(\.cell)
      && new.isShifted == old.isShifted && new.unplaced == old.unplaced && new.duplicates == old.duplicates
      && new.annotations == old.annotations
  }

  static func readingUnlessWords(_ raw: String) -> TargetReading? {
    let normalized = NormalizedText(raw)
    if !normalized.scalars.contains(where: valueStarts.mayContain), !QualitativeWords.mayHoldGrade(normalized.scalars) {
      return nil
    }
    let tokens = ValueTokenizer.tokenize(normalized.scalars)
    let onlyWords = tokens.allSatisfy { $0.isWord || isWordLike($0.lexeme) }
    if onlyWords && !QualitativeWords.mayHoldGrade(normalized.scalars) { return nil }
    return TargetReading(raw, normalized: normalized, tokens: tokens)
  }

  static func isWordLike(_ lexeme: Lexeme?) -> Bool {
    switch lexeme {
    case .word?, .listSeparator?, .ignorable?, .openParen?, .closeParen?, .unit?, .scale?, .approximately?,
      .moreThan?, .unitPrefix?, .tenths?, .rangeSeparator?, .slash?, .keepWithin?:
      true
    default: false
    }
  }

  static let valueStarts: ScalarFilter = {
    var scalars = Array("0123456789*＊".unicodeScalars)
    scalars += (0x41...0x5A).compactMap(Unicode.Scalar.init) + (0x61...0x7A).compactMap(Unicode.Scalar.init)
    scalars += ChineseNumeral.numerals
    for (first, entries) in ValueLexicon.index where entries.contains(where: { !isWordLike($0.lexeme) }) {
      scalars.append(first)
    }
    return ScalarFilter(scalars)
  }()

  static func align(_ reader: IndicatorRowReader, _ cells: [Cell]) -> [(Cell, ColumnRole?, TargetReading?)] {
    let slots = reader.slots
    var cells = cells
    var leading: [(Cell, ColumnRole?, TargetReading?)] = []
    while cells.count > slots.count, let role = reader.columns[cells[0].column], role == .level1 || role == .level2 {
      leading.append((cells.removeFirst(), role, nil))
    }
    let readings = cells.map { CellShape.read($0) }
    let m = cells.count
    let n = slots.count
    let unplacedCost = -6.0
    var best = [[Double]](repeating: [Double](repeating: -.infinity, count: n + 1), count: m + 1)
    var move = [[UInt8]](repeating: [UInt8](repeating: 0, count: n + 1), count: m + 1)
    best[0][0] = 0
    for i in 0...m {
      for j in 0...n where best[i][j] > -.infinity {
        if j < n, best[i][j] > best[i][j + 1] {
          best[i][j + 1] = best[i][j]
          move[i][j + 1] = 1
        }
        guard i < m else { continue }
        if j < n {
          var score = readings[i].shape.fit(slots[j].role)
          if reader.positionsTrusted && cells[i].column == slots[j].column { score += 2 }
          if best[i][j] + score > best[i + 1][j + 1] {
            best[i + 1][j + 1] = best[i][j] + score
            move[i + 1][j + 1] = 2
          }
        }
        if best[i][j] + unplacedCost > best[i + 1][j] {
          best[i + 1][j] = best[i][j] + unplacedCost
          move[i + 1][j] = 3
        }
      }
    }
    var result: [(Cell, ColumnRole?, TargetReading?)] = []
    var i = m
    var j = n
    while i > 0 || j > 0 {
      switch move[i][j] {
      case 1: j -= 1
      case 2:
        result.append((cells[i - 1], slots[j - 1].role, readings[i - 1].reading))
        i -= 1
        j -= 1
      case 3:
        result.append((cells[i - 1], nil, nil))
        i -= 1
      default:
        i = 0
        j = 0
      }
    }
    return leading + result.reversed()
  }
}
