/// What a table writes in a cell it means to leave empty: a dash, a slash, 无. A funds cell
/// or a unit column holding one says nothing (no amount, no unit), and is no error.
enum NilMarkers {
  private static let words = WordSet(["/", "\\", "-", "--", "—", "——", "─", "－", "无", "空", "暂无", "不适用", "&nbsp;"])

  /// Whether the text, trimmed of blanks, is one of the markers (after NFKC: `／` is `/`)
  /// or nothing at all (a cell of non-breaking spaces, `&nbsp;` once decoded).
  static func says(_ text: String) -> Bool {
    let trimmed = text.trimmingBlanks()
    return trimmed.isEmpty || words.contains(trimmed)
  }
}
