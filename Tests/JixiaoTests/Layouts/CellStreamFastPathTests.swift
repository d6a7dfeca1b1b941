import Testing

@testable import Jixiao

/// The run-together tokenizer counts each scalar's bytes with `UTF8.width` and compares its
/// marker words (`反映`, `情况`, `以`) in place, where it encoded each scalar into an array and
/// made an array of each word at every comparison; `StreamRegrouper.isEllipsis` reads bytes
/// where it compared characters. Each must answer as the old code (copied here) does.
@Suite struct CellStreamFastPathTests {
  /// Every corpus document, and texts of run-together pieces, cut by the tokenizer as by the
  /// old byte offsets.
  @Test func rowsAreCutAsBefore() throws {
    var texts: [[UInt8]] = []
    for relativePath in CorpusTests.documents {
      guard let bytes = CorpusFiles.read(CorpusTests.root + "/" + relativePath) else { continue }
      texts.append(bytes)
    }
    let pieces = ["项目名称", "反映", "情况", "≥95%", "以上", "产出指标", "数量指标", "培训人次", "1000人次", "满意度指", "…", "𠀀", "é",
      "ǖ", " ", "\t", "(2021年度)", "绩效目标表", "财政拨款:", "10606.7522万元", "实施内容", "20162020", "\n"]
    var random = SeededSequence(seed: 0x5EED_0F_C311)
    for _ in 0..<300 {
      let line = (0..<(20 + random.next(60))).map { _ in pieces[random.next(pieces.count)] }.joined()
      texts.append(Array(line.utf8))
    }
    var cells = 0
    for bytes in texts {
      guard let (text, _) = try? SourceDecoder.decode(bytes, path: "t.txt") else { continue }
      var builder = CellBuilder(text: text)
      var referenceBuilder = CellBuilder(text: text)
      let rows = RunTogetherTokenizer.rows(text, &builder, keepingLines: false)
      #expect(rows == Self.rowsByEncodedScalars(text, &referenceBuilder))
      cells += rows.count
    }
    #expect(cells > 1000, "\(cells)")
  }

  /// `RunTogetherTokenizer.rows` as it was, each scalar encoded to count its bytes.
  static func rowsByEncodedScalars(_ text: SourceText, _ builder: inout CellBuilder) -> [Row] {
    var rows: [Row] = []
    let endsCut = text.utf8.last.map { $0 != 0x0A && $0 != 0x0D } ?? false
    let lastLine = text.lines.indices.last
    for index in text.lines.indices {
      let (range, _) = builder.pageBreakStripped(index)
      let trimmed = Blank.trim(text.utf8, range)
      guard !trimmed.isEmpty else { continue }
      let line = String(decoding: text.utf8[trimmed], as: UTF8.self)
      let scalars = Array(line.unicodeScalars)
      var offsets: [Int] = []
      var position = trimmed.lowerBound
      for scalar in scalars {
        offsets.append(position)
        position += UTF8Encoding.encode(scalar.value).count
      }
      offsets.append(position)
      let matched = RunTogetherTokenizer.matchScalars(scalars, traditional: text.isTraditional)
      for (lower, upper) in RunTogetherTokenizer.cells(in: matched, endsCut: endsCut && index == lastLine) {
        let cell = builder.cell(lineIndex: index, range: offsets[lower]..<offsets[upper], column: 0)
        if !cell.isEmpty { rows.append(Row(cells: [cell], lineIndex: index)) }
      }
    }
    return rows
  }

  /// At every index and bound of texts of the words' scalars and others.
  @Test func wordsAreMatchedAsBefore() {
    let words = ["反映", "情况", "以", "反", "映反映"]
    let pool = Array("反映情况以a1".unicodeScalars)
    var random = SeededSequence(seed: 0xC0FF_EE12)
    var matched = 0
    for _ in 0..<400 {
      let scalars = (0..<random.next(9)).map { _ in pool[random.next(pool.count)] }
      for word in words {
        for upper in 0...scalars.count {
          for index in 0...upper {
            let expected = Self.matchesByArray(scalars, index, upper, word)
            #expect(RunTogetherTokenizer.matches(scalars, index, upper, word) == expected, "\(scalars) \(index) \(upper) \(word)")
            if expected { matched += 1 }
          }
        }
      }
    }
    #expect(matched > 500, "\(matched)")
  }

  static func matchesByArray(_ scalars: [Unicode.Scalar], _ index: Int, _ upper: Int, _ word: String) -> Bool {
    let word = Array(word.unicodeScalars)
    return index + word.count <= upper && scalars[index..<(index + word.count)].elementsEqual(word)
  }

  /// Keys of the four marks, their look-alikes and marks that combine with them.
  @Test func ellipsesAreReadAsBefore() {
    let pieces = ["…", ".", "。", "⋯", "\u{301}", "\u{FE0F}", "a", "．", "‥", "·", "⋮", "、", "。", "\u{2027}", "\u{3001}", "x"]
    var ellipses = 0
    for key in [""] + Arrangements.of(pieces, upTo: 3) {
      let expected = !key.isEmpty && key.allSatisfy { $0 == "…" || $0 == "." || $0 == "。" || $0 == "⋯" }
      #expect(StreamRegrouper.isEllipsis(key) == expected, "\(key.unicodeScalars.map(\.value))")
      if expected { ellipses += 1 }
    }
    #expect(ellipses > 50, "\(ellipses)")
  }
}
