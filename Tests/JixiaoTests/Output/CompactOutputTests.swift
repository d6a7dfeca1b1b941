import FoundationEssentials
import Testing

@testable import Jixiao

/// The one-line output takes shortcuts the pretty one does not (a string member written with
/// its key in one go, an indicator written by `writeOnOneLine`: keys with their commas and
/// runs of nulls written out beforehand). Its bytes must be those of the pretty output read
/// back and printed on one line.
@Suite struct CompactOutputTests {
  static func compactOfPretty(_ write: (inout JSONWriter) -> Void) throws -> [UInt8] {
    var pretty = JSONWriter(pretty: true)
    write(&pretty)
    return try JSONReader.read(pretty.bytes).render(pretty: false)
  }

  static func compact(_ write: (inout JSONWriter) -> Void) -> [UInt8] {
    var writer = JSONWriter(pretty: false)
    write(&writer)
    return writer.bytes
  }

  @Test(arguments: CorpusTests.documents)
  func corpusDocument(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    guard let document = try? Jixiao.parse(bytes, path: relativePath) else { return }
    let write = { (w: inout JSONWriter) in DocumentEncoder.write(document, language: .zh, into: &w) }
    #expect(Self.compact(write) == (try Self.compactOfPretty(write)))
  }

  /// Every combination of the rare columns set and not, with text to escape in some.
  @Test func rareColumns() throws {
    let texts = ["正向", "计划标准", "备注\"引号\"", "100%", "5", "原因\n换行"]
    for mask in 0..<64 {
      var indicator = Indicator(target: Target(raw: "≥95%", kind: .text), span: SourceSpan(line: 3, column: 1, offset: 40))
      indicator.name = "完成率"
      func text(_ bit: Int) -> String? { mask & 1 << bit != 0 ? texts[bit] : nil }
      indicator.direction = text(0)
      indicator.standard = text(1)
      indicator.remark = text(2)
      indicator.actual = text(3)
      indicator.score = text(4)
      indicator.deviation = text(5)
      let write = { (w: inout JSONWriter) in DocumentEncoder.indicator(&w, indicator) }
      #expect(Self.compact(write) == (try Self.compactOfPretty(write)), "mask \(mask)")
    }
  }

  /// Indicators with any of the twelve columns after the target set (none set is the run of
  /// nulls `writeOnOneLine` copies whole), either horizon, either answer of
  /// `sharesNameAndTargetWithAbove` and any span names: alone and as the second element.
  @Test func madeIndicators() throws {
    let texts = ["正向", "计划标准", "备注\"引号\"", "100%", "5", "原因\n换行", "", "≥"]
    var random = SeededSequence(seed: 6)
    for round in 0..<600 {
      // Level texts that are a framework's names (written as literals) or other text.
      let name1 = random.next(4) == 0 ? nil : Level1.allCases[random.next(Level1.allCases.count)]
      let name2 = random.next(4) == 0 ? nil : Level2.allCases[random.next(Level2.allCases.count)]
      let raws = [nil, name1?.rawValue, "产出", "指标\"一\""]
      let raw1 = raws[random.next(raws.count)]
      let raw2 = [nil, name2?.rawValue, "数量"][random.next(3)]
      let written1 = random.next(2) == 0 ? nil : "自定义"
      var indicator = Indicator(target: Target(raw: "≥95%", kind: .text), span: SourceSpan(line: 3, column: 1, offset: 40)) {
        $0.setLevel1(named: name1, written: written1, raw: raw1)
        $0.setLevel2(named: name2, written: "其他", raw: raw2)
      }
      // Half of them with every column empty, the case copied whole.
      let density = round % 2 == 0 ? 0 : 1 + random.next(3)
      func text() -> String? { random.next(4) < density ? texts[random.next(texts.count)] : nil }
      indicator.name = text()
      indicator.explanation = text()
      indicator.scoring = text()
      indicator.weight = random.next(4) < density ? Decimal(random.next(200)) / 10 : nil
      indicator.weightRaw = text()
      indicator.unitColumn = text()
      indicator.valueType = text()
      indicator.direction = text()
      indicator.standard = text()
      indicator.remark = text()
      indicator.actual = text()
      indicator.score = text()
      indicator.deviation = text()
      indicator.horizon = random.next(2) == 0 ? .annual : .longTerm
      indicator.sharesNameAndTargetWithAbove = random.next(2) == 0
      indicator.level1Origin = [LevelOrigin.cell, .merged, .following, .framework, .none][random.next(5)]
      for name in SpanName.allCases where random.next(3) == 0 {
        indicator.spans[name] = SourceSpan(line: random.next(2000), column: random.next(90), offset: random.next(1 << 20))
      }
      let alone = { (w: inout JSONWriter) in DocumentEncoder.indicator(&w, indicator) }
      #expect(Self.compact(alone) == (try Self.compactOfPretty(alone)), "round \(round)")
      let second = { (w: inout JSONWriter) in w.array([indicator, indicator], DocumentEncoder.indicator) }
      #expect(Self.compact(second) == (try Self.compactOfPretty(second)), "round \(round)")
    }
  }
}
