/// `指标名称：培训人数；指标值：≥100人`: an indicator row written as label/value pairs in one
/// cell, as a system that exports a row as text writes it. The values are the row's cells, in
/// the order written; the labels are layout.
enum IndicatorCellPairs {
  struct Pair {
    var role: ColumnRole
    var label: String
    var labelOffset: Int
    var value: String
    /// Scalar offset of the value in the cell's text.
    var valueOffset: Int
  }

  /// The pairs of the cell, or nil unless it opens with an indicator column's label and holds
  /// a name and a target (`指标值：95%` alone is a value that happens to carry its label).
  static func split(_ text: String) -> [Pair]? {
    guard InlineFields.hasColon(text) else { return nil }
    let scalars = Array(text.unicodeScalars)
    var labels: [(role: ColumnRole, start: Int, valueStart: Int)] = []
    for index in scalars.indices where scalars[index] == ":" || scalars[index] == "：" {
      // The longest label that ends at the colon and starts the text or follows a separator.
      var found: (ColumnRole, Int)?
      var start = index - 1
      while start >= 0, index - start <= longestLabel {
        if start == 0 || separators.contains(scalars[start - 1]),
          let role = ColumnVocabulary.role(TextKey.make(String(scalars: scalars[start..<index]))), roles.contains(role)
        {
          found = (role, start)
        }
        start -= 1
      }
      if let (role, start) = found { labels.append((role, start, index + 1)) }
    }
    guard let first = labels.first, scalars[..<first.start].allSatisfy(isSeparator),
      labels.contains(where: { $0.role == .name }), labels.contains(where: { $0.role == .target })
    else { return nil }
    var pairs: [Pair] = []
    for (position, label) in labels.enumerated() {
      var valueStart = label.valueStart
      var valueEnd = position + 1 < labels.count ? labels[position + 1].start : scalars.count
      while valueStart < valueEnd, isSeparator(scalars[valueStart]) { valueStart += 1 }
      while valueEnd > valueStart, isSeparator(scalars[valueEnd - 1]) { valueEnd -= 1 }
      pairs.append(
        Pair(
          role: label.role, label: String(scalars: scalars[label.start..<(label.valueStart - 1)]), labelOffset: label.start,
          value: String(scalars: scalars[valueStart..<valueEnd]), valueOffset: valueStart))
    }
    return pairs
  }

  /// The columns a pair may name: an indicator's own, not its levels (a level in a cell of
  /// pairs is the block's, written on the row before).
  private static let roles: Set<ColumnRole> = [.name, .target, .unit, .valueType, .direction, .weight, .explanation, .standard, .remark]
  private static let longestLabel = 8
  private static let separators: Set<Unicode.Scalar> = ["；", ";", "，", ",", "、", "。", " ", "\t", "\n", "\u{3000}"]
  private static func isSeparator(_ scalar: Unicode.Scalar) -> Bool { separators.contains(scalar) }
}
