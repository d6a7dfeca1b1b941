import Testing

@testable import Jixiao

/// `AlignedPageReader.isLabel` of a piece's bytes looks a plain piece up by its bytes, with
/// no string or key made: it must answer as the string reading (`isLabel(_: String)`) does,
/// for every piece of every corpus document and for the vocabulary's words themselves, with
/// what may surround them.
@Suite struct PlainLabelTests {
  static func expectSameAnswer(_ text: String, _ what: String) {
    let bytes = Array(text.utf8)
    #expect(AlignedPageReader.isLabel(bytes, 0..<bytes.count) == AlignedPageReader.isLabel(text), "\(what): \(text)")
  }

  @Test(arguments: CorpusTests.documents)
  func corpusPieces(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    let (text, _) = try SourceDecoder.decode(bytes, path: relativePath)
    for line in text.lines {
      for piece in AlignedTokenizer.pieces(text.utf8, line.start..<line.end) {
        let string = String(decoding: text.utf8[piece.range], as: UTF8.self)
        let expected = AlignedPageReader.isLabel(string)
        #expect(AlignedPageReader.isLabel(text.utf8, piece.range) == expected, "\(relativePath): \(string)")
      }
    }
  }

  @Test func vocabularyWords() {
    let words =
      ColumnVocabulary.byBytes.words + FormVocabulary.byBytes.words + LevelVocabulary.level1Names.words
      + LevelVocabulary.level2Names.words + LevelVocabulary.blockLabels.words + Level1.allCases.map(\.rawValue)
      + Level2.allCases.map(\.rawValue)
      + ["名称", "指标值", "指标值(%)", "指标值（%）", "评(扣)分标准", "绩效指标(2024)", "年度绩效目标(万元)", "财政资金(万元)",
        "主管部门审核意见", "这是一个很长很长很长很长的主管部门审核意见", "一二三", "一二三四", "abcd", "《绩效》", "「产出」"]
    let affixes = ["", "：", ":", "*", "★", " ", "（万元）", "(万元)", "指标", "(qu)", "。", "\u{3000}", "Ａ"]
    var labels = 0
    for word in words {
      for prefix in affixes {
        for suffix in affixes {
          let text = prefix + word + suffix
          if AlignedPageReader.isLabel(text) { labels += 1 }
          Self.expectSameAnswer(text, "word")
        }
      }
    }
    // The words are labels, most of them with what surrounds them too.
    #expect(labels > words.count)
  }

  /// The bytes of a plain text are looked up without the canonical fallback: none of its
  /// scalars may be one that NFKC could change.
  @Test func plainTextNeedsNoNormalization() {
    let marks = ["、", "。", "《", "》", "「", "」", "【", "】", "“", "”"]
    for mark in marks {
      #expect(TextKey.isPlain("绩效" + mark), "\(mark)")
      #expect(!NFKCCheck.mayChange("绩效" + mark), "\(mark)")
    }
  }
}
