import Testing

@testable import Jixiao

/// The one-line output takes shortcuts the pretty one does not (a string member written with
/// its key in one go, an indicator's six rare columns written as one run of nulls when none is
/// set). Its bytes must be those of the pretty output read back and printed on one line.
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
}
