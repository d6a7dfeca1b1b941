/// The form of a cell used to match it against the vocabulary: NFKC (full-width to ASCII),
/// blanks removed (`绩效 指标`, `本 年 收 入 合 计`), HTML tags and required-field stars
/// dropped, and the colon a label may end with removed.
public enum TextKey {
  public static func make(_ text: String) -> String {
    var scalars = String.UnicodeScalarView()
    var inTag = false
    for scalar in ICU.nfkc(text).unicodeScalars {
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

extension Cell {
  /// The cell's vocabulary key (see `TextKey`).
  public var key: String { TextKey.make(text) }
}
