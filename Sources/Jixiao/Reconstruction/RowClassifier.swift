/// What a row is, judged from its cells alone.
enum RowKind: Equatable {
  case blank
  case separator
  case title(TableKind)
  case year(Int)
  case moneyUnit(MoneyUnit)
  case image
  /// A header of indicator columns (一级指标 二级指标 …), possibly with project columns.
  case header
  case note
  case content
}

enum RowClassifier {
  static func classify(_ row: Row) -> RowKind {
    if row.isSeparator { return .separator }
    let cells = row.nonEmpty
    guard let first = cells.first else { return .blank }
    let firstKey = first.key
    if first.text.hasPrefixBytes("[image:") || first.text.hasPrefixBytes("![") { return .image }
    if firstKey.hasPrefixBytes("注:") || firstKey.hasPrefixBytes("注:") || firstKey.hasPrefixBytes("说明:") {
      return .note
    }
    if cells.count == 1 {
      if let year = TitleVocabulary.yearLine(firstKey) { return .year(year) }
      if let unit = unitLine(firstKey) { return .moneyUnit(unit) }
      if let kind = TitleVocabulary.kind(ofTitle: firstKey), isTitleShaped(firstKey) {
        return .title(kind)
      }
    }
    if isHeader(cells) { return .header }
    return .content
  }

  /// `金额单位:万元`, `单位：元`, `单位:万元` on a line of its own.
  static func unitLine(_ key: String) -> MoneyUnit? {
    for prefix in ["金额单位:", "单位:", "金额单位", "单位"] where key.hasPrefixBytes(prefix) {
      switch key.dropFirst(prefix.count) {
      case "万元": return .wanYuan
      case "元": return .yuan
      case "千元": return .qianYuan
      case "亿元": return .yiYuan
      default: continue
      }
    }
    return nil
  }

  /// Titles are short and end with 表 (or 表 plus an annotation); TOC entries and sentences
  /// that mention a table are not titles.
  static func isTitleShaped(_ key: String) -> Bool {
    guard key.count <= 60 else { return false }
    if key.hasSuffixBytes("表") { return true }
    if let index = key.lastIndex(of: "表") {
      let tail = key[key.index(after: index)...]
      return tail.count <= 12 && (tail.hasPrefixBytes("(") || tail.hasPrefixBytes(".xls") || tail.hasPrefixBytes(".doc"))
    }
    return false
  }

  /// A header row: at least two indicator header labels, or a project column beside an
  /// indicator header label, and no cell that reads as data.
  static func isHeader(_ cells: [Cell]) -> Bool {
    var indicatorLabels = 0
    var projectLabels = 0
    var unknown = 0
    for cell in cells {
      let key = cell.key
      if let role = ColumnVocabulary.role(key) {
        if ColumnVocabulary.indicatorHeaderRoles.contains(role) {
          indicatorLabels += 1
        } else if role.isProjectColumn || role == .group {
          projectLabels += 1
        } else if role.isIndicatorColumn || role == .blockLabel {
          // 指标解释, 备注 …: header-ish, neutral
        }
      } else if LevelVocabulary.blockLabel(key) == nil {
        unknown += 1
      }
    }
    if unknown > 1 { return false }
    if indicatorLabels >= 2 { return true }
    return projectLabels >= 3 && unknown == 0
  }
}
