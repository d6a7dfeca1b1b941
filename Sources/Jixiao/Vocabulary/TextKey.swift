/// The form of a cell used to match it against the vocabulary: NFKC (full-width to ASCII),
/// blanks removed (`绩效 指标`, `本 年 收 入 合 计`), HTML tags and required-field stars
/// dropped, and the colon a label may end with removed.
public enum TextKey {
  /// `simplify` turns traditional characters simplified, for documents in traditional
  /// script (`績效目標` matches `绩效目标`).
  public static func make(_ text: String, simplify: Bool = false) -> String {
    var scalars = String.UnicodeScalarView()
    var inTag = false
    var source = Pinyin.strip(ICU.nfkc(text))
    if simplify { source = ICU.simplified(source) }
    for scalar in source.unicodeScalars {
      if inTag {
        if scalar == ">" { inTag = false }
        continue
      }
      if scalar == "<" {
        inTag = true
        continue
      }
      if scalar.properties.isWhitespace || Blank.isBlank(scalar) { continue }
      scalars.append(scalar)
    }
    var key = String(scalars)
    while let first = key.first, first == "*" || first == "★" || first == "☆" { key.removeFirst() }
    while let last = key.last, last == ":" || last == "：" { key.removeLast() }
    return key
  }
}

/// Mirror sites insert pinyin after characters: `區(qū)價(jià)`. The annotations are not part
/// of the table.
public enum Pinyin {
  static let letters: Set<Unicode.Scalar> = Set("abcdefghijklmnopqrstuvwxyzāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ".unicodeScalars)

  /// The text without `(pinyin)` groups that follow a Chinese character.
  public static func strip(_ text: String) -> String {
    guard text.contains("(") else { return text }
    let scalars = Array(text.unicodeScalars)
    var output = String.UnicodeScalarView()
    var index = 0
    var removed = false
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == "(", index > 0, scalars[index - 1].properties.isIdeographic {
        var end = index + 1
        var toned = false
        while end < scalars.count, end - index <= 7, letters.contains(scalars[end]) {
          if scalars[end].value > 0x7F { toned = true }
          end += 1
        }
        // A tone mark, or a neutral syllable like (de): lowercase letters only, closed.
        if end < scalars.count, scalars[end] == ")", end > index + 1, toned || end - index <= 4 {
          index = end + 1
          removed = true
          continue
        }
      }
      output.append(scalar)
      index += 1
    }
    return removed ? String(output) : text
  }

  /// Whether the text carries such annotations (three or more).
  static func isAnnotated(_ text: String) -> Bool {
    let stripped = strip(text)
    return text.unicodeScalars.count - stripped.unicodeScalars.count >= 12
  }
}

/// Recognises text in traditional script from characters that only it uses.
public enum Script {
  static let traditionalOnly: Set<Unicode.Scalar> = Set(
    "績標項資預單區價說與為這時實際體總條費務機構經濟產數質動門設計劃號歲報財撥緊處進達滿點務關開發決務應會專統權區縣鎮鄉級費".unicodeScalars)
  static let simplifiedOnly: Set<Unicode.Scalar> = Set(
    "绩标项资预单区价说与为这时实际体总条费务机构经济产数质动门设计划号岁报财拨紧处进达满点关开发决应会专统权县镇乡级".unicodeScalars)

  /// More traditional-only than simplified-only characters.
  public static func isTraditional(_ text: String) -> Bool {
    var traditional = 0
    var simplified = 0
    for scalar in text.unicodeScalars {
      if traditionalOnly.contains(scalar) { traditional += 1 } else if simplifiedOnly.contains(scalar) { simplified += 1 }
    }
    return traditional >= 5 && traditional > simplified * 2
  }
}
