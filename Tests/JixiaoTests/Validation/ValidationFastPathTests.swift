import FoundationEssentials
import Testing

@testable import Jixiao

/// The validation pass reads some texts by bytes where it read them by scalars; these hold
/// each fast reading to a copy of the reading it replaced.
@Suite struct ValidationFastPathTests {
  /// `AmountsInText.find(anyText:)` as it read the NFKC text's scalars one by one.
  static func amountsByScalars(_ text: String) -> [AmountsInText.Found] {
    let scalars = Array(ICU.nfkc(text).unicodeScalars)
    var found: [AmountsInText.Found] = []
    var index = 0
    while index < scalars.count {
      guard ("0"..."9").contains(scalars[index]), index == 0 || !(("0"..."9").contains(scalars[index - 1]) || scalars[index - 1] == ".") else {
        index += 1
        continue
      }
      var end = index
      var digits = ""
      while end < scalars.count, ("0"..."9").contains(scalars[end]) || scalars[end] == "." || scalars[end] == "," {
        if scalars[end] != "," { digits.unicodeScalars.append(scalars[end]) }
        end += 1
      }
      var unitEnd = end
      var multiplier: Decimal?
      for (unit, value) in [("万元", Decimal(10000)), ("亿元", Decimal(100_000_000)), ("元", Decimal(1)), ("万", Decimal(10000))] {
        let unitScalars = Array(unit.unicodeScalars)
        if end + unitScalars.count <= scalars.count, Array(scalars[end..<(end + unitScalars.count)]) == unitScalars {
          multiplier = value
          unitEnd = end + unitScalars.count
          break
        }
      }
      let isRate = unitEnd < scalars.count && (scalars[unitEnd] == "/" || scalars[unitEnd] == "每")
      if let multiplier, !isRate, let value = Decimal(string: digits) {
        found.append(AmountsInText.Found(text: String(String.UnicodeScalarView(scalars[index..<unitEnd])), yuan: value * multiplier))
      }
      index = max(unitEnd, index + 1)
    }
    return found
  }

  static func expectSameAmounts(_ text: String, _ origin: String, sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
    let expected = amountsByScalars(text)
    let amounts = AmountsInText.find(anyText: text)
    #expect(
      amounts.map(\.text) == expected.map(\.text) && amounts.map(\.yuan) == expected.map(\.yuan)
        && amounts.map { DecimalText.plain($0.yuan) } == expected.map { DecimalText.plain($0.yuan) },
      "\(origin): \(Array(text.unicodeScalars))", sourceLocation: sourceLocation)
    return !expected.isEmpty
  }

  static let amountPieces = [
    "58", "1.5", ",", ".", "万", "元", "1234567890", "0.0", "亿", "万元", "/", "每", "人", "５", "０", "\u{301}", "约", "\u{2F00}", "㍱", "①",
  ]

  @Test func amountsByBytesAsByScalars() {
    var found = 0
    for text in Arrangements.of(Self.amountPieces, upTo: 4) where Self.expectSameAmounts(text, "arrangement") { found += 1 }
    #expect(found > 10000)
  }

  /// `OperatorReadAsDigit.integerDigits` as it read the key's characters.
  static func integerDigitsByCharacters(_ raw: String) -> String {
    let key = TextKey.make(raw)
    guard let start = key.firstIndex(where: { $0.isASCII && $0.isNumber }) else { return "" }
    return String(key[start...].prefix { $0.isASCII && $0.isNumber })
  }

  /// Words of the checks' lists, and one-byte words, sought in every corpus cell.
  static let cellWords = [
    "逾期", "差错", "错误", "事故", "投诉", "败诉", "违规", "违法", "超支", "发生率", "死亡", "纠错", "满意度", "合格率", "完成率",
    "共计", "满分", "总分", "%", "a", "万元",
  ]
  static let cellWordList = WordList(cellWords)

  static let digitPieces = ["292", "2", "0", ".", "%", "≥", "２", "\u{301}", "\r\n", "\r", "\n", "₂", "①", "年", " ", "\u{FE0F}"]

  @Test func integerDigitsByBytesAsByCharacters() {
    var found = 0
    for text in Arrangements.of(Self.digitPieces, upTo: 4) {
      let expected = Self.integerDigitsByCharacters(text)
      #expect(OperatorReadAsDigit.integerDigits(text) == expected, "\(Array(text.unicodeScalars))")
      if !expected.isEmpty { found += 1 }
    }
    #expect(found > 10000)
  }

  @Test(arguments: CorpusTests.documents)
  func everyCorpusCellReadsAsByScalarsAndCharacters(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    guard let (text, _) = try? SourceDecoder.decode(bytes, path: relativePath) else { return }
    for row in Tokenizer.tokenize(text).rows {
      for cell in row.cells where !cell.isEmpty {
        _ = Self.expectSameAmounts(cell.text, relativePath)
        #expect(OperatorReadAsDigit.integerDigits(cell.text) == Self.integerDigitsByCharacters(cell.text), "\(relativePath): \(cell.text)")
        #expect(Self.cellWordList.anyOccurs(in: cell.text) == Self.cellWords.contains { cell.text.containsBytes($0) }, "\(relativePath): \(cell.text)")
        let key = TextKey.make(cell.text)
        #expect(ValueTypeReading(key: key) == Self.valueTypeByEquality(key), "\(relativePath): \(cell.text)")
      }
    }
  }
}

extension ValidationFastPathTests {
  static let weightTexts = ["10", "10分", "2.5", "0", "007", "99999999999", "1234567890", "20.0", "-5", "", "分", "５", "3 ", "1e3", "25分 "]

  /// `WeightsDoNotTotal.exactTotal`, when it answers, answers as the Decimal sum of the weights.
  @Test func wholeTotalIsTheDecimalSum() {
    var whole = 0
    for texts in Arrangements.of(Self.weightTexts.map { $0 + "\u{0}" }, upTo: 3) {
      let raws = texts.split(separator: "\u{0}", omittingEmptySubsequences: false).dropLast().map(String.init)
      // Each raw with its own reading, and with the reading of another raw (a weight filled in
      // from elsewhere need not be what its text says).
      for shift in 0..<2 {
        let indicators = raws.enumerated().map { index, raw in
          var indicator = Indicator(target: Target(raw: "", kind: .empty), span: SourceSpan(line: 1, column: 1, offset: 0))
          indicator.weightRaw = raw
          indicator.weight = IndicatorBuilder.weight(raws[(index + shift) % raws.count]) ?? Decimal(7)
          return indicator
        }
        let sum = indicators.reduce(Decimal(0)) { $0 + ($1.weight ?? 0) }
        for expected in [sum, Decimal(100), sum + Decimal(string: "0.5")!] {
          if let isExpected = WeightsDoNotTotal.exactTotal(indicators, is: expected) {
            #expect(isExpected == (sum == expected), "\(raws) \(shift)")
            whole += 1
          }
        }
      }
    }
    #expect(whole > 100)
  }
}

extension ValidationFastPathTests {
  /// Level cells read by their bytes as `named` reads them: each standard name, its
  /// variants, and every level cell of the corpus.
  static func expectSameLevels(_ text: String, _ origin: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect((Level1.spelledAsStandard.reading(text) ?? Level1.named(text)) == Level1.named(text), "\(origin): \(text)", sourceLocation: sourceLocation)
    #expect((Level2.spelledAsStandard.reading(text) ?? Level2.named(text)) == Level2.named(text), "\(origin): \(text)", sourceLocation: sourceLocation)
  }

  @Test func standardLevelSpellingsReadAsNamed() {
    for level in Level1.allCases {
      #expect(Level1.spelledAsStandard.reading(level.rawValue) == level)
      Self.expectSameLevels(level.rawValue, "level 1")
    }
    for level in Level2.allCases {
      #expect(Level2.spelledAsStandard.reading(level.rawValue) == level)
      Self.expectSameLevels(level.rawValue, "level 2")
    }
    let pieces = Level1.allCases.map(\.rawValue) + Level2.allCases.map(\.rawValue) + ["指标", "成本", "", " ", "\u{FF08}", "产出", "满意度"]
    for text in Arrangements.of(pieces, upTo: 2) { Self.expectSameLevels(text, "arrangement") }
  }

  @Test(arguments: CorpusTests.documents)
  func corpusLevelCellsReadAsNamed(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    guard let document = try? Jixiao.parse(bytes, path: relativePath, options: ParseOptions(validate: false)) else { return }
    for indicator in document.projects.flatMap({ $0.indicators }) + document.departments.flatMap({ $0.indicators }) {
      for text in [indicator.level1, indicator.level2, indicator.level1Raw, indicator.level2Raw].compactMap({ $0 }) {
        Self.expectSameLevels(text, relativePath)
      }
    }
  }
}

extension ValidationFastPathTests {
  /// What QualitativeTypeWithNumber and QuantitativeTypeWithoutNumber asked of the key by `==`.
  static func valueTypeByEquality(_ key: String) -> ValueTypeReading {
    if key == "定性" { return .qualitative }
    return key == "定量" || ["≥", "≤", "=", ">", "<", ">=", "<=", "≧", "≦"].contains(key) ? .number : .other
  }

  @Test func valueTypeReadsAsByEquality() {
    let pieces = ["定", "性", "量", "\u{F97E}", "≥", "≤", "=", ">", "<", "≧", "≦", "＞", "＝", " ", "\u{338}", "\u{301}", "e", "*", "："]
    var read = 0
    for text in Arrangements.of(pieces, upTo: 3) {
      let key = TextKey.make(text)
      let expected = Self.valueTypeByEquality(key)
      #expect(ValueTypeReading(key: key) == expected, "\(Array(text.unicodeScalars))")
      if expected != .other { read += 1 }
    }
    #expect(read > 50)
  }
}

/// `DuplicateIndicator.run` as it found the first of a name by a dictionary of name keys.
enum DuplicateIndicatorByDictionary {
  private struct First {
    var horizon: Horizon
    var level2: String
    var span: SourceSpan
    var next: Int? = nil
  }

  private static func headOrEnter(_ head: inout Int, _ next: Int) -> Int? {
    if head >= 0 { return head }
    head = next
    return nil
  }

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    for entity in subject.entities {
      var firsts: [First] = []
      var firstByName: [ByteKey: Int] = [:]
      for checked in entity.indicators where checked.indicator.spans[.name] != nil {
        let indicator = checked.indicator
        guard let name = indicator.name, let nameKey = checked.nameKey else { continue }
        let key = ByteKey(nameKey)
        let level2 = indicator.level2 ?? ""
        var earlier: SourceSpan?
        var last: Int?
        var link = headOrEnter(&firstByName[key, default: -1], firsts.count)
        while let index = link {
          if firsts[index].horizon == indicator.horizon && firsts[index].level2.equalsBytes(level2) {
            earlier = firsts[index].span
            break
          }
          last = index
          link = firsts[index].next
        }
        if let earlier {
          diagnostics.append(
            Diagnostic(DuplicateIndicator.self, span: indicator.nameSpan, name, level2, entity.name, related: [.init(.sameName, span: earlier, name)]))
        } else {
          firsts.append(First(horizon: indicator.horizon, level2: level2, span: indicator.nameSpan))
          if let last { firsts[last].next = firsts.count - 1 }
        }
      }
    }
    return diagnostics
  }
}

extension ValidationFastPathTests {
  @Test(arguments: CorpusTests.documents)
  func corpusDuplicatesAsByDictionary(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    guard let document = try? Jixiao.parse(bytes, path: relativePath, options: ParseOptions(validate: false)) else { return }
    let subject = ValidationSubject(document: document)
    #expect(DuplicateIndicator.run(subject) == DuplicateIndicatorByDictionary.run(subject), "\(relativePath)")
  }

  /// Entities of names that repeat under the same and other level 2s and blocks, with names
  /// whose keys are equal (blanks, full-width forms) and names without a name span.
  @Test func duplicatesAsByDictionary() {
    let names = ["上报案件量", "上报 案件量", "上报案件量 ", "合格率", "合格率（%）", "ＡＢ", "AB", "x"]
    let level2s: [String?] = ["数量指标", "质量指标", nil]
    var found = 0
    for seed in 0..<60 {
      var indicators: [Indicator] = []
      for row in 0..<(seed % 13 + 1) {
        let pick = (seed * 7 + row * row * 3 + row) % names.count
        var indicator = Indicator(target: Target(raw: "", kind: .empty), span: SourceSpan(line: row + 1, column: 1, offset: row * 10))
        indicator.name = names[pick]
        indicator.level2 = level2s[(seed + row) % level2s.count]
        indicator.horizon = (seed + row / 2) % 5 == 0 ? .longTerm : .annual
        if (seed + row) % 11 != 3 { indicator.spans[.name] = SourceSpan(line: row + 1, column: 3, offset: row * 10 + 2) }
        indicators.append(indicator)
      }
      var project = Project(table: 0, span: SourceSpan(line: 1, column: 1, offset: 0))
      project.name = "项目\(seed)"
      project.indicators = indicators
      var document = Document(
        source: SourceInfo(
          path: "x.txt", sha256: "", bytes: 0, encoding: "utf-8", encodingConfidence: 100, hasBOM: false, lineEnding: "\n", lines: 1,
          dialect: "tabbed"))
      document.projects = [project, project]
      let subject = ValidationSubject(document: document)
      let expected = DuplicateIndicatorByDictionary.run(subject)
      #expect(DuplicateIndicator.run(subject) == expected, "\(seed)")
      found += expected.count
    }
    #expect(found > 50)
  }
}

/// The checks ask `IndicatorFacts` first and reach an indicator only where its facts leave a
/// finding possible: each fact must say what the check asked of the indicator itself.
extension ValidationFastPathTests {
  static func expectFactsRead(_ subject: ValidationSubject, _ origin: String, sourceLocation: SourceLocation = #_sourceLocation) {
    var position = 0
    for (entityIndex, entity) in subject.entities.enumerated() {
      #expect(subject.factRanges[entityIndex] == position..<(position + entity.indicators.count), "\(origin)", sourceLocation: sourceLocation)
      let own = entity.ownTargets.map { ObjectIdentifier($0) }
      for (index, checked) in entity.indicators.enumerated() {
        let fact = subject.facts[position]
        position += 1
        let indicator = checked.indicator
        let target = indicator.target
        func same<Value: Equatable>(_ read: Value, _ expected: Value, _ what: String) {
          #expect(read == expected, "\(origin) \(what): \(indicator.name ?? "-") \(target.raw)", sourceLocation: sourceLocation)
        }
        same(Int(fact.entity), entityIndex, "entity")
        same(Int(fact.index), index, "index")
        same(fact.ownsTarget, own.contains(ObjectIdentifier(checked)), "ownsTarget")
        same(fact.kind, target.kind, "kind")
        same(fact.op, target.op, "op")
        for flag in [Target.Flag.unitUnknown, .operatorConflict, .unitConflict, .yearAssumed, .operatorFromColumn, .unitFromColumn,
          .excelDateSerial, .templatePlaceholder, .digitsRunTogether, .ocrDigit, .spacedDigits, .wrappedLine, .relative]
        {
          same(fact.has(flag), target.flags.contains(flag), "flag \(flag)")
        }
        same(fact.horizon, indicator.horizon, "horizon")
        same(fact.level1Origin, indicator.level1Origin, "level1Origin")
        same(fact.level1, checked.level1, "level1")
        same(fact.level2, checked.level2, "level2")
        // The readings taken over from the row before (`LastReading`) are the cell's own.
        same(checked.level1, indicator.level1.flatMap { Level1.named($0) }, "level1 read")
        same(checked.level2, indicator.level2.flatMap { Level2.named($0) }, "level2 read")
        same(fact.valueTypeReading, checked.valueTypeReading, "valueTypeReading")
        same(fact.framework, entity.table?.framework, "framework")
        same(fact.hasName, indicator.name != nil, "hasName")
        same(fact.hasNameSpan, indicator.spans[.name] != nil, "hasNameSpan")
        same(fact.hasLevel1, indicator.level1 != nil, "hasLevel1")
        same(fact.hasLevel2, indicator.level2 != nil, "hasLevel2")
        same(fact.hasUnitColumn, indicator.unitColumn != nil, "hasUnitColumn")
        same(fact.hasValueType, indicator.valueType != nil, "hasValueType")
        same(fact.hasScoring, indicator.scoring != nil, "hasScoring")
        same(fact.hasWeight, indicator.weight != nil, "hasWeight")
        same(fact.hasWeightRaw, indicator.weightRaw != nil, "hasWeightRaw")
        same(fact.hasDateOrParts, target.date != nil || !target.parts.isEmpty, "hasDateOrParts")
        same(fact.unitIsPercent, target.unit == "%", "unitIsPercent")
        same(fact.nameEndsInRate, checked.nameKey?.hasSuffix("率") ?? false, "nameEndsInRate")
        same(fact.level1RawDiffers, indicator.level1Raw != nil && indicator.level1 != nil && !indicator.level1Raw!.equalsBytes(indicator.level1!), "level1RawDiffers")
        same(fact.level2RawDiffers, indicator.level2Raw != nil && indicator.level2 != nil && !indicator.level2Raw!.equalsBytes(indicator.level2!), "level2RawDiffers")
        same(fact.explanationMayHoldAmount, indicator.explanation.map { $0.contains("元") || $0.contains("万") } ?? false, "explanationMayHoldAmount")
        let isCost =
          (checked.level1 == .cost && indicator.level1 == Level1.cost.rawValue)
          || (checked.level2 == .cost && indicator.level2 == Level2.cost.rawValue)
          || (checked.level2 == .economicCost && indicator.level2 == Level2.economicCost.rawValue)
        same(
          fact.isCostAmount,
          isCost && target.money != nil && !(checked.nameKey?.hasSuffix("率") ?? false) && !target.flags.contains(.relative),
          "isCostAmount")
        same(
          fact.nameHash, indicator.spans[.name] != nil && indicator.name != nil ? checked.nameKey.map { DuplicateIndicator.hash($0) } : nil,
          "nameHash")
        same(
          fact.nameHasNegativeWord,
          !indicator.sharesNameAndTargetWithAbove && target.kind == .quantitative && target.op != nil && target.op != .equal
            && DirectionReversed.negative.anyOccurs(in: checked.nameKey ?? ""), "nameHasNegativeWord")
        same(target.kind.mayBeNumeric || !target.isNumeric, true, "mayBeNumeric")
      }
    }
    #expect(position == subject.facts.count, "\(origin)", sourceLocation: sourceLocation)
  }

  @Test(arguments: CorpusTests.documents)
  func corpusFactsAsReadFromIndicators(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    guard let document = try? Jixiao.parse(bytes, path: relativePath, options: ParseOptions(validate: false)) else { return }
    Self.expectFactsRead(ValidationSubject(document: document), relativePath)
  }

  /// Indicators with the fields the facts read set and unset in turn, merged rows among them.
  @Test func factsAsReadFromIndicators() {
    let kinds = TargetKind.allCases
    let flags: [[Target.Flag]] = [[], [.unitConflict], [.operatorConflict, .digitsRunTogether], [.unitUnknown, .excelDateSerial]]
    // Level names in storage of their own as well as literals: equal bytes in another string
    // (a large one, not inline) are the same name (`isSameString` alone does not tell).
    let texts: [String?] = [
      nil, "", "成本指标", "经济成本指标", "满意度指标", "服务对象满意度指标", "社会效益", "合格率", "10万元", "%", "定性", "≥",
      String(decoding: Array("服务对象满意度指标".utf8), as: UTF8.self), String(decoding: Array("生态环境成本指标".utf8), as: UTF8.self),
      "生态环境成本指标",
    ]
    var indicators: [Indicator] = []
    for seed in 0..<240 {
      var target = Target(raw: texts[seed % texts.count] ?? "5", kind: kinds[seed % kinds.count])
      target.op = seed % 3 == 0 ? nil : Comparison.allCases[seed % Comparison.allCases.count]
      target.flags = flags[seed % flags.count]
      target.unit = seed % 4 == 0 ? "%" : seed % 4 == 1 ? "万元" : seed % 4 == 2 ? "%%" : nil
      target.value = seed % 5 == 0 ? nil : Decimal(seed)
      if seed % 7 == 0 { target.date = DateInterval(start: "2024-01-01", end: "2024-12-31") }
      if seed % 11 == 0 { target.parts = [Target(raw: "1", kind: .quantitative)] }
      var indicator = Indicator(target: target, span: SourceSpan(line: seed + 1, column: 1, offset: seed * 10))
      func pick(_ shift: Int) -> String? { texts[(seed * (shift + 3) + shift * shift) % texts.count] }
      indicator.level1 = pick(1)
      indicator.level2 = pick(2)
      indicator.level1Raw = seed % 2 == 0 ? indicator.level1 : pick(3)
      indicator.level2Raw = seed % 3 == 0 ? indicator.level2 : pick(4)
      indicator.level1Origin = seed % 2 == 0 ? .cell : .merged
      indicator.name = pick(5)
      indicator.unitColumn = pick(6)
      indicator.valueType = pick(7)
      indicator.explanation = pick(8)
      indicator.scoring = pick(9)
      indicator.weightRaw = pick(10)
      indicator.weight = seed % 4 == 0 ? nil : Decimal(seed % 9)
      indicator.horizon = seed % 5 == 0 ? .longTerm : .annual
      indicator.sharesNameAndTargetWithAbove = seed % 6 == 5
      if seed % 3 != 1 { indicator.spans[.name] = SourceSpan(line: seed + 1, column: 2, offset: seed * 10 + 1) }
      indicators.append(indicator)
    }
    // Equal level texts in storage of their own and as literals, each way round.
    let literal = "服务对象满意度指标"
    let copies = [literal, String(decoding: Array(literal.utf8), as: UTF8.self), String(decoding: Array(literal.utf8), as: UTF8.self)]
    for (first, second) in [(1, 0), (0, 1), (1, 2), (0, 0)] {
      var indicator = Indicator(target: Target(raw: "", kind: .empty), span: SourceSpan(line: 300, column: 1, offset: 3000))
      indicator.level1 = copies[first]
      indicator.level1Raw = copies[second]
      indicator.level2 = copies[second]
      indicator.level2Raw = copies[first]
      indicators.append(indicator)
    }
    var document = Document(
      source: SourceInfo(
        path: "facts", sha256: "", bytes: 1, encoding: "UTF-8", encodingConfidence: 100, hasBOM: false, lineEnding: "LF", lines: 1,
        dialect: "tabbed"))
    for (number, range) in [0..<100, 100..<101, 101..<101, 101..<244].enumerated() {
      var project = Project(table: 0, span: SourceSpan(line: number + 1, column: 1, offset: number))
      project.indicators = Array(indicators[range])
      document.projects.append(project)
    }
    Self.expectFactsRead(ValidationSubject(document: document), "made")
  }
}

/// `String.equalsBytes` (the facts' and level readings' comparison) answers as the generic
/// `StringProtocol` comparison it replaced there.
extension ValidationFastPathTests {
  static let bytePieces = ["成本指标", "成本", "指标", "a", "", "é", "e\u{301}", "％", "%", "经济成本指标", "0123456789abcdef"]

  static func expectSameBytes(_ left: String, _ right: String, _ origin: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(
      left.equalsBytes(right) == StringByteMatchingTests.generic(left, right)[0], "\(origin): \(Array(left.utf8)) \(Array(right.utf8))",
      sourceLocation: sourceLocation)
  }

  @Test func sameBytesAsEqualsBytes() {
    let texts = Arrangements.of(Self.bytePieces, upTo: 2)
    var random = SeededSequence(seed: 19)
    for left in texts {
      Self.expectSameBytes(left, left, "itself")
      // A copy in storage of its own (not the same buffer), small and large alike.
      Self.expectSameBytes(left, String(decoding: Array(left.utf8), as: UTF8.self), "copy")
      for _ in 0..<24 { Self.expectSameBytes(left, texts[random.next(texts.count)], "arrangement") }
    }
  }

  @Test(arguments: CorpusTests.documents)
  func corpusLevelCellsCompareAsEqualsBytes(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    guard let document = try? Jixiao.parse(bytes, path: relativePath, options: ParseOptions(validate: false)) else { return }
    let indicators = (document.projects.flatMap(\.indicators) + document.departments.flatMap(\.indicators))
    var texts: [String] = Level1.allCases.map(\.rawValue) + Level2.allCases.map(\.rawValue)
    for indicator in indicators {
      texts += [indicator.level1, indicator.level2, indicator.level1Raw, indicator.level2Raw, indicator.name].compactMap { $0 }
    }
    var random = SeededSequence(seed: UInt64(relativePath.utf8.count))
    for (index, text) in texts.enumerated() {
      Self.expectSameBytes(text, texts[index == 0 ? 0 : index - 1], relativePath)
      Self.expectSameBytes(text, texts[random.next(texts.count)], relativePath)
    }
  }
}

/// `String.isSameString`, the facts' and level readings' first test: true only of strings of
/// the same bytes, and of every string and its copy.
extension ValidationFastPathTests {
  @Test func sameStringOnlyOfSameBytes() {
    let texts = Arrangements.of(Self.bytePieces, upTo: 2)
    var random = SeededSequence(seed: 20)
    var same = 0
    for left in texts {
      let copy = left
      #expect(left.isSameString(copy), "\(Array(left.utf8))")
      let fresh = String(decoding: Array(left.utf8), as: UTF8.self)
      if left.isSameString(fresh) { same += 1 }
      #expect(!left.isSameString(fresh) || left.utf8.elementsEqual(fresh.utf8))
      for _ in 0..<24 {
        let right = texts[random.next(texts.count)]
        #expect(!left.isSameString(right) || left.utf8.elementsEqual(right.utf8), "\(Array(left.utf8)) \(Array(right.utf8))")
      }
    }
    // Small strings hold their bytes inline: their copies are the same string.
    #expect(same > 0)
  }
}
