import FoundationEssentials
import Testing

@testable import Jixiao

/// The model's smaller storage held to what it replaced: `SpanTable(reservingFor:)` and
/// `place` against spans set in a table one by one, and the builder's spans and level texts
/// against its old code; an indicator's level texts as name
/// bytes against the four strings it stored (`level1 = name?.rawValue ?? written`,
/// `level1Raw = raw`); `Indicator.Fields`' hand-written `==` and `hash` against every field.
@Suite struct ModelCompactionTests {
  static let span = SourceSpan(line: 3, column: 2, offset: 40, length: 5)

  @Test func reservedTableStoresWhatTheTableStored() {
    var random = SeededSequence(seed: 0x5DEE_CE66_D1CE_4E5B)
    let names = SpanName.allCases
    for round in 0..<500 {
      // The names reserved, and the spans placed (some twice, some names not reserved).
      var reserved: UInt16 = 0
      for _ in 0..<random.next(17) { reserved |= SpanTable.bit(names[random.next(names.count)]) }
      var table = SpanTable()
      var placed = SpanTable(reservingFor: reserved)
      for step in 0..<(1 + random.next(24)) {
        let name = names[random.next(names.count)]
        guard reserved & SpanTable.bit(name) != 0 || random.next(8) == 0 else { continue }
        let span = SourceSpan(line: step + 1, column: random.next(9) + 1, offset: random.next(1000), length: random.next(5))
        table[name] = span
        placed.place(name, span)
      }
      // Every reserved name gets a span in a build; here those left over are placed last.
      for name in names where reserved & SpanTable.bit(name) != 0 && table[name] == nil {
        table[name] = Self.span
        placed.place(name, Self.span)
      }
      #expect(placed == table, "round \(round)")
      #expect(placed.hashValue == table.hashValue, "round \(round)")
      #expect(placed.map { "\($0.name):\($0.span)" } == table.map { "\($0.name):\($0.span)" }, "round \(round)")
      for name in names { #expect(placed[name] == table[name], "round \(round) \(name)") }
      // It goes on as a table: changed after, it keeps the names' order.
      let name = names[random.next(names.count)]
      placed[name] = nil
      table[name] = nil
      #expect(placed.map { "\($0.name):\($0.span)" } == table.map { "\($0.name):\($0.span)" }, "round \(round)")
    }
  }

  /// Drafts made up from every kind of part a row can have, built into indicators: their
  /// spans and level texts are what the builder's old code (copied below) set.
  @Test func builtIndicatorsKeepWhatTheOldBuilderKept() {
    var random = SeededSequence(seed: 0x9E37_79B9_7F4A_7C15)
    let roles = ColumnRole.allCases
    let texts = ["产出指标", "效益指标", "数量指标", "社会效益指标", "产出", "產出指標", "数量", "20分", "≥95%", "说明", ""]
    var line = 0
    func cell(_ text: String? = nil) -> Cell {
      line += 1
      return Cell(
        text: text ?? texts[random.next(texts.count)], span: SourceSpan(line: line, column: 1 + random.next(5), offset: line * 20),
        column: random.next(8), start: line * 20, isTraditional: random.next(6) == 0)
    }
    for round in 0..<3_000 {
      var draft = IndicatorDraft(horizon: random.next(2) == 0 ? .annual : .longTerm, rowSpan: SourceSpan(line: 1, column: 1, offset: 0))
      if random.next(4) != 0 { draft.name = cell() }
      if random.next(3) != 0 { draft.target = cell("≥95%") }
      if random.next(4) != 0 { draft.level1Source = cell() }
      if random.next(4) != 0 { draft.level2Source = cell() }
      if random.next(5) == 0 { draft.level2Fragment = cell("指标") }
      switch random.next(3) {
      case 0: draft.level1Cell = draft.level1Source
      case 1: draft.level1Cell = cell()
      default: break
      }
      draft.resolvedLevel1 = random.next(3) == 0 ? nil : Level1.allCases[random.next(Level1.allCases.count)]
      draft.resolvedLevel2 = random.next(3) == 0 ? nil : Level2.allCases[random.next(Level2.allCases.count)]
      if random.next(2) == 0, let source = draft.level1Source, let name = Level1(rawValue: source.text) { draft.resolvedLevel1 = name }
      if random.next(2) == 0, let source = draft.level2Source, let name = Level2(rawValue: source.text) { draft.resolvedLevel2 = name }
      for _ in 0..<random.next(9) { draft.extras.append((roles[random.next(roles.count)], cell())) }
      draft.inheritsNameAndTarget = random.next(5) == 0
      let remarksAreWeights = random.next(3) == 0
      let builder = IndicatorBuilder(budgetYear: 2024, remarksAreWeights: remarksAreWeights, readings: TargetReadings())
      let indicator = builder.build(draft)
      let spans = Self.oldSpans(draft, remarksAreWeights: remarksAreWeights)
      #expect(indicator.spans == spans, "round \(round)")
      #expect(indicator.spans.map { "\($0.name):\($0.span)" } == spans.map { "\($0.name):\($0.span)" }, "round \(round)")
      #expect(indicator.level1 == (draft.resolvedLevel1?.rawValue ?? draft.level1Source?.unsimplifiedKey), "round \(round)")
      #expect(indicator.level2 == (draft.resolvedLevel2?.rawValue ?? draft.level2Source?.unsimplifiedKey), "round \(round)")
      #expect(indicator.level1Raw == draft.level1Source?.text && indicator.level2Raw == draft.level2Source?.text, "round \(round)")
    }
  }

  /// The builder's spans as it set them before, one by one.
  static func oldSpans(_ draft: IndicatorDraft, remarksAreWeights: Bool) -> SpanTable {
    var spans = SpanTable(capacity: 5 + draft.extras.count)
    if let span = draft.name?.span { spans[.name] = span }
    if let span = draft.level1Source?.span { spans[.level1] = span }
    if let span = draft.level2Source?.span { spans[.level2] = span }
    if let span = draft.level2Fragment?.span { spans[.level2Fragment] = span }
    for (role, cell) in draft.extras {
      switch role {
      case .explanation, .scoring, .unit, .valueType, .direction, .standard, .weight, .remark, .actual, .score, .deviation: break
      default: continue
      }
      if let name = remarksAreWeights && role == .remark ? .weight : IndicatorBuilder.spanName(role) { spans[name] = cell.span }
    }
    if let span = draft.level1Cell?.span, draft.level1Cell != draft.level1Source { spans[.level1Cell] = span }
    if draft.inheritsNameAndTarget { spans[.name] = nil }
    return spans
  }

  @Test func levelNameCodesRoundTrip() {
    var codes: Set<UInt8> = []
    for name in Level1.allCases {
      let code = LevelNames.code(name)
      #expect(code > 0 && code < 16 && LevelNames.level1(code) == name)
      codes.insert(code)
    }
    #expect(codes.count == Level1.allCases.count)
    codes = []
    for name in Level2.allCases {
      let code = LevelNames.code(name)
      #expect(code > 0 && code < 16 && LevelNames.level2(code) == name)
      codes.insert(code)
    }
    #expect(codes.count == Level2.allCases.count)
    // The texts read straight from the codes are the names' texts, for every code a nibble holds.
    for code in UInt8(0)..<16 {
      #expect(LevelNames.text1(code) == LevelNames.level1(code)?.rawValue, "\(code)")
      #expect(LevelNames.text2(code) == LevelNames.level2(code)?.rawValue, "\(code)")
    }
    #expect(LevelNames.code(Level1?.none) == 0 && LevelNames.level1(0) == nil)
    #expect(LevelNames.code(Level2?.none) == 0 && LevelNames.level2(0) == nil)
    // The four slots of one value are independent of each other.
    for one in [nil] + Level1.allCases {
      for two in [nil] + Level2.allCases {
        var names = LevelNames()
        names.level1 = one
        names.level2Raw = two
        names.level1Raw = Level1.allCases.last
        names.level2 = Level2.allCases.first
        #expect(names.level1 == one && names.level2Raw == two)
        #expect(names.level1Raw == Level1.allCases.last && names.level2 == Level2.allCases.first)
      }
    }
  }

  static let rawTexts: [String?] =
    [nil, "", "产出", "產出指標", "效益指标 ", "数量指标：", "其他指标"] + Level1.allCases.map(\.rawValue)
    + Level2.allCases.map(\.rawValue)

  static func fresh() -> Indicator.Fields { Indicator.Fields(target: Target(raw: "", kind: .empty), span: span) }

  /// Every resolved name, written text and raw text, level 1 and level 2 together, from a
  /// fresh indicator and from one whose texts were set before.
  @Test func levelTextsReadAsTheStringsStored() {
    var random = SeededSequence(seed: 0x2545_F491_4F6C_DD1D)
    let names1: [Level1?] = [nil] + Level1.allCases
    let names2: [Level2?] = [nil] + Level2.allCases
    let written: [String?] = [nil, "产出", "满意度", "成本指标", "其他"]
    for name1 in names1 {
      for name2 in names2 {
        for raw in Self.rawTexts {
          let written1 = written[random.next(written.count)]
          let written2 = written[random.next(written.count)]
          let raw2 = Self.rawTexts[random.next(Self.rawTexts.count)]
          var fields = Self.fresh()
          if random.next(2) == 0 {
            // Texts set before, and a rare column beside them.
            fields.level1 = "旧"
            fields.level2Raw = "旧的"
            fields.direction = random.next(2) == 0 ? "正向" : nil
          }
          let direction = fields.direction
          fields.setLevel1(named: name1, written: written1, raw: raw)
          fields.setLevel2(named: name2, written: written2, raw: raw2)
          // What the builder stored before.
          var reference = Self.Reference()
          reference.level1 = name1?.rawValue ?? written1
          reference.level2 = name2?.rawValue ?? written2
          reference.level1Raw = raw
          reference.level2Raw = raw2
          #expect(fields.level1 == reference.level1 && fields.level2 == reference.level2, "\(String(describing: name1))")
          #expect(fields.level1Raw == reference.level1Raw && fields.level2Raw == reference.level2Raw, "\(String(describing: raw))")
          #expect(fields.direction == direction)
          // The same texts set one by one as strings: an equal indicator, whatever was stored as bytes.
          var strings = Self.fresh()
          strings.level1 = reference.level1
          strings.level2 = reference.level2
          strings.level1Raw = reference.level1Raw
          strings.level2Raw = reference.level2Raw
          strings.direction = direction
          #expect(strings == fields && fields == strings)
          #expect(strings.hashValue == fields.hashValue)
          // Cleared, it equals a fresh one.
          fields.level1 = nil
          fields.level2 = nil
          fields.level1Raw = nil
          fields.level2Raw = nil
          fields.direction = nil
          #expect(fields == Self.fresh() && fields.hashValue == Self.fresh().hashValue)
        }
      }
    }
  }

  struct Reference {
    var level1: String?
    var level2: String?
    var level1Raw: String?
    var level2Raw: String?
  }

  /// An indicator with every field set, each to a value of its own.
  static func full() -> Indicator.Fields {
    var fields = Indicator.Fields(target: ModelStorageTests.full(), span: span)
    fields.setLevel1(named: .output, written: nil, raw: "产出指标")
    fields.setLevel2(named: nil, written: "数量", raw: "数量")
    fields.level1Origin = .cell
    fields.level2Origin = .merged
    fields.name = "名称"
    fields.horizon = .longTerm
    fields.explanation = "解释"
    fields.scoring = "评分"
    fields.weight = Decimal(20)
    fields.weightRaw = "20分"
    fields.unitColumn = "%"
    fields.valueType = "≥"
    fields.direction = "正向"
    fields.standard = "计划标准"
    fields.remark = "备注"
    fields.actual = "实际"
    fields.score = "得分"
    fields.deviation = "偏差"
    fields.sharesNameAndTargetWithAbove = true
    fields.spans[.name] = span
    return fields
  }

  @Test func eachFieldTellsIndicatorsApart() {
    let base = Self.full()
    #expect(base == Self.full() && base.hashValue == Self.full().hashValue)
    let changes: [(inout Indicator.Fields) -> Void] = [
      { $0.level1 = "产出" }, { $0.level2 = nil }, { $0.level1Raw = "產出指標" }, { $0.level2Raw = "质量指标" },
      { $0.level1Origin = .none }, { $0.level2Origin = .cell }, { $0.name = nil }, { $0.target.raw = "x" },
      { $0.target.unit = nil }, { $0.horizon = .annual }, { $0.explanation = "" }, { $0.scoring = nil },
      { $0.weight = Decimal(21) }, { $0.weightRaw = "21分" }, { $0.unitColumn = nil }, { $0.valueType = "≤" },
      { $0.direction = nil }, { $0.standard = "历史标准" }, { $0.remark = nil }, { $0.actual = "" }, { $0.score = nil },
      { $0.deviation = "" }, { $0.sharesNameAndTargetWithAbove = false }, { $0.span.line = 9 },
      { $0.spans[.level1] = Self.span },
    ]
    for (index, change) in changes.enumerated() {
      var changed = base
      change(&changed)
      #expect(changed != base, "change \(index)")
      var indicator = Indicator(target: base.target, span: base.span) { $0 = base }
      #expect(indicator.withFieldsInPlace { $0 == base }, "change \(index)")
      indicator = Indicator(target: base.target, span: base.span) { $0 = changed }
      #expect(!indicator.withFieldsInPlace { $0 == base }, "change \(index)")
    }
  }
}
