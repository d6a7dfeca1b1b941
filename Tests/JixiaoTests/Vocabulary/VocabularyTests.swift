import Testing

@testable import Jixiao

@Suite struct VocabularyTests {
  @Test func labelListsHaveNoRepeats() {
    let forms = FormVocabulary.entries.map(\.key)
    #expect(Set(forms).count == forms.count, "repeated form labels: \(Self.repeats(forms))")
    let columns = ColumnVocabulary.entries.map(\.key)
    #expect(Set(columns).count == columns.count, "repeated header labels: \(Self.repeats(columns))")
  }

  /// An indicator column's header with a note after it (the national department-wide
  /// template's `指标值（包含数字及文字描述）`) is that column; a funds or name header with one
  /// is not made a column so (`项目资金(万元)` is a form's funds group), but a list's money
  /// column with its unit is (`资金总额(元)`).
  @Test func annotatedIndicatorHeaders() {
    let keys = ["指标值(包含数字及文字描述)", "三级指标(指标内容)", "分值(权重)", "项目资金(万元)", "项目名称(全称)", "产出指标(40分)", "资金总额(元)"]
    #expect(keys.map { ColumnVocabulary.role(TextKey.make($0)) } == [.target, .name, .weight, nil, nil, nil, .fundsTotal])
    #expect(
      keys.map { key in TextKey.make(key).withUTF8Bytes { ColumnVocabulary.role(plainKey: $0) } }
        == [.target, .name, .weight, nil, nil, nil, .fundsTotal])
  }

  static func repeats(_ keys: [String]) -> [String] {
    var seen: Set<String> = []
    return keys.filter { !seen.insert($0).inserted }
  }

  @Test(arguments: [
    ("产出指标", Level1.output), ("产出 指标", .output), ("产出指标(40-50)分", .output), ("效益", .benefit),
    ("満意度指标", nil), ("满意度指标", .satisfaction), ("成本指标(0-20)分", .cost),
  ] as [(String, Level1?)])
  func levelOneNames(_ text: String, _ expected: Level1?) {
    #expect(LevelVocabulary.level1(TextKey.make(text)) == expected)
  }

  @Test(arguments: [
    ("服务对象满意度 指标", Level2.serviceSatisfaction), ("社会公众或服务对象满意度指标", .serviceSatisfaction),
    ("环境效益指标", .ecologicalBenefit), ("社会效益", .socialBenefit), ("經濟效益指標", nil),
  ] as [(String, Level2?)])
  func levelTwoNames(_ text: String, _ expected: Level2?) {
    #expect(LevelVocabulary.level2(TextKey.make(text)) == expected)
  }

  @Test func traditionalKeysMatchWhenSimplified() {
    #expect(LevelVocabulary.level2(TextKey.make("經濟效益指標", simplify: true)) == .economicBenefit)
    #expect(TextKey.make("區(qū)發(fā)改局") == "區發改局")
    #expect(Pinyin.strip("生態(tài)效益") == "生態效益")
    #expect(Pinyin.strip("年度(2024)") == "年度(2024)")
  }
}

/// `Pinyin.mayHaveGroups` jumps from bracket to bracket; it must agree with the byte loop it
/// replaced on arrangements of brackets, ideographs, letters and toned vowels.
@Suite struct PinyinFilterTests {
  static func referenceMayHaveGroups(_ text: String) -> Bool {
    let bytes = Array(text.utf8)
    var index = 1
    while index + 1 < bytes.count {
      if bytes[index] == 0x28 && bytes[index - 1] >= 0x80 {
        let next = bytes[index + 1]
        if next >= 0x61 && next <= 0x7A || next == 0xC3 || next == 0xC4 || next == 0xC5 || next == 0xC7 || next == 0xE1 {
          return true
        }
      }
      index += 1
    }
    return false
  }

  @Test func agreesWithTheByteLoop() {
    var found = 0
    for text in Arrangements.of(["(", "态", "t", "à", ")", "2", "é", "Ａ", "ḿ"], upTo: 4) {
      let expected = Self.referenceMayHaveGroups(text)
      #expect(Pinyin.mayHaveGroups(text) == expected, "\(text)")
      if expected { found += 1 }
    }
    #expect(found > 100)
  }
}
