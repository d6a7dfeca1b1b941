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
  /// `- 1 -`, `第 1 页`, `第1页 共3页` alone on a line: page furniture from a PDF.
  case pageNumber
  /// `续表`, `(续)`, `续上表` alone on a line: the table above goes on past a page break.
  case continued
  case content
}

enum RowClassifier {
  /// The kind the segmenter found, or the row classified now.
  static func kind(of row: Row) -> RowKind { row.kind ?? classify(row) }

  static func classify(_ row: Row) -> RowKind {
    if row.isSeparator { return .separator }
    // The non-empty cells' number, first and last, without an array of them (every row is
    // classified, and rows with empty cells would copy theirs).
    let cells = row.cells
    var count = 0
    var firstIndex = 0
    var lastIndex = 0
    for index in cells.indices where !cells[index].isEmpty {
      if count == 0 { firstIndex = index }
      lastIndex = index
      count += 1
    }
    guard count > 0 else { return .blank }
    // Each prefix is compared only when the first byte matches (`[`/`!`; 注 and 说 lead with
    // E6 and E8): most rows begin otherwise.
    // (Lead bytes read in place, in the cell: `text` and `key` were a retain and a release
    // each, for every row.)
    let textLead = cells[firstIndex].withTextBytes { $0.first }
    if textLead == 0x5B || textLead == 0x21,
      cells[firstIndex].text.hasPrefixBytes("[image:") || cells[firstIndex].text.hasPrefixBytes("![")
    {
      return .image
    }
    let keyLead = cells[firstIndex].withKeyBytes { $0.first }
    if keyLead == 0xE6 || keyLead == 0xE8, cells[firstIndex].withKeyBytes({ isNotePrefixed($0) }) { return .note }
    // `填报单位:(盖章) │ 单位:万元`: the unit ends a short line of sign-off labels.
    if count > 1 && count <= 3, cells[lastIndex].withKeyBytes(namesUnit), let unit = unitLine(cells[lastIndex].key) {
      return .moneyUnit(unit)
    }
    if count == 1 {
      // Each reading is asked only of a key whose bytes, read in the cell, allow it: a page
      // number leads with a dash, 第 (E7) or 共 (E5), a year line with `(`, a unit line names
      // 单位 and a title holds 表 (each reading's own first test). Most single cells
      // (passages, labels) allow none, and their key is not taken out of the cell.
      let mayBePage = keyLead == 0x2D || keyLead == 0xE2 || keyLead == 0xEF || keyLead == 0xE7 || keyLead == 0xE5
      let (mayBeUnit, mayBeTitle) = cells[firstIndex].withKeyBytes(unitAndTable)
      if mayBePage || keyLead == 0x28 || mayBeUnit || mayBeTitle {
        let firstKey = cells[firstIndex].key
        if mayBePage && isPageNumber(firstKey) { return .pageNumber }
        if TitleVocabulary.isContinuationMark(firstKey) { return .continued }
        if keyLead == 0x28, let year = TitleVocabulary.yearLine(firstKey) { return .year(year) }
        // A title first: one that names its unit (`…表(单位:元)`) gives it to its table.
        if mayBeTitle, let kind = TitleVocabulary.kind(ofTitle: firstKey), isTitleShaped(firstKey) {
          return .title(kind)
        }
        if mayBeUnit, let unit = unitLine(firstKey) { return .moneyUnit(unit) }
      }
    }
    // `第 2 页      共 12 页` set apart by pdftotext's layout: two cells of one page number.
    // (Only a first key that begins 第 or 共 is joined to the second: E5 and E7 lead most
    // ideographs.)
    if count == 2, keyLead == 0xE7 || keyLead == 0xE5,
      cells[firstIndex].withKeyBytes({ $0.hasBytes(di, at: 0) || $0.hasBytes(gong, at: 0) }),
      isPageNumber(cells[firstIndex].key + cells[lastIndex].key)
    {
      return .pageNumber
    }
    // A header has two labels or more: a row of one cell needs no look-up.
    if count >= 2 && isHeader(cells) { return .header }
    return .content
  }

  /// The key starts with `注:` or `说明:`. A plain loop with no call, so that a cell lends its
  /// key to it in place (`hasPrefixBytes` on the key took it out of the cell, and each of its
  /// two calls retained it again).
  @inline(__always)
  static func isNotePrefixed(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
    // 注: E6 B3 A8 3A; 说明: E8 AF B4 E6 98 8E 3A.
    if key.count >= 4 && key[0] == 0xE6 && key[1] == 0xB3 && key[2] == 0xA8 && key[3] == 0x3A { return true }
    return key.count >= 7 && key[0] == 0xE8 && key[1] == 0xAF && key[2] == 0xB4 && key[3] == 0xE6 && key[4] == 0x98
      && key[5] == 0x8E && key[6] == 0x3A
  }

  /// `-1-`, `—2—`, `第1页`, `第1页共3页`, `第1页,共3页`, `共3页/第1页` (the key has no blanks).
  /// A bare `1/3` is not taken: it is also a target. By bytes: every single-cell row asks.
  static func isPageNumber(_ key: String) -> Bool {
    key.withUTF8Bytes { bytes in
      let count = bytes.count
      if let open = dashLength(bytes, from: 0), let close = dashLength(bytes, endingAt: count), count >= open + close + 1 {
        return allDigits(bytes, open, count - close)
      }
      guard let (firstIsPage, firstEnd) = pageWord(bytes, at: 0) else { return false }
      if firstEnd == count { return firstIsPage }
      // The page and the total, either first, joined tight or by one separator.
      var second = firstEnd
      if let separator = pageSeparators.first(where: { bytes.hasBytes($0, at: second) }) { second += separator.count }
      guard let (secondIsPage, secondEnd) = pageWord(bytes, at: second) else { return false }
      return secondEnd == count && firstIsPage != secondIsPage
    }
  }

  /// `第N页` (true) or `共N页` (false) at `start`, and where it ends.
  private static func pageWord(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> (isPage: Bool, end: Int)? {
    let isPage: Bool
    if bytes.hasBytes(di, at: start) {
      isPage = true
    } else if bytes.hasBytes(gong, at: start) {
      isPage = false
    } else {
      return nil
    }
    var end = start + 3
    while end < bytes.count, bytes[end] >= 0x30 && bytes[end] <= 0x39 { end += 1 }
    guard end > start + 3, bytes.hasBytes(ye, at: end) else { return nil }
    return (isPage, end + 3)
  }

  private static let di = Array("第".utf8), ye = Array("页".utf8), gong = Array("共".utf8)
  private static let pageSeparators = [",", "/", ";", "、", "|"].map { Array($0.utf8) }

  /// The length of the dash (`-`, `—`, `–`, `－`) at `start`, if one is there.
  private static func dashLength(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
    guard start < bytes.count else { return nil }
    if bytes[start] == 0x2D { return 1 }
    guard start + 3 <= bytes.count else { return nil }
    let (a, b, c) = (bytes[start], bytes[start + 1], bytes[start + 2])
    if a == 0xE2 && b == 0x80 && (c == 0x93 || c == 0x94) { return 3 }
    if a == 0xEF && b == 0xBC && c == 0x8D { return 3 }
    return nil
  }

  /// The length of the dash that ends at `end`, if one does.
  private static func dashLength(_ bytes: UnsafeBufferPointer<UInt8>, endingAt end: Int) -> Int? {
    if end >= 1 && bytes[end - 1] == 0x2D { return 1 }
    if end >= 3, let length = dashLength(bytes, from: end - 3), length == 3 { return 3 }
    return nil
  }

  private static func allDigits(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool {
    guard start <= end else { return false }
    for index in start..<end where bytes[index] < 0x30 || bytes[index] > 0x39 { return false }
    return true
  }

  /// `金额单位:万元`, `单位：元`, `单位:万元` on a line of its own, or ending one
  /// (`填报单位:(盖章) 单位:万元`), as `unitAnnotation` reads them.
  static func unitLine(_ key: String) -> MoneyUnit? {
    guard key.withUTF8Bytes(namesUnit) else { return nil }
    return unitAnnotation(key)
  }

  /// The money unit named after the key's last 单位, which runs to its end: `单位:元`,
  /// `(单位:万元)`, `金额单位:人民币元`, `单位(元)`, `单位:元。`, or a title's
  /// `…绩效目标表(单位:元)`. Nil where anything else follows (`填报单位:某局`).
  static func unitAnnotation(_ key: String) -> MoneyUnit? {
    // By bytes: `ranges(of:)` copied the key into an array of characters, and trimming a
    // `Substring` by characters broke graphemes over the whole key, tens of thousands of
    // instructions a line. Keys are NFKC: the brackets and colon are ASCII.
    key.withUTF8Bytes { bytes in
      guard var start = endOfLastUnitWord(bytes) else { return nil }
      var end = bytes.count
      // `:`, `(`, `[` and blanks before the unit; `)`, `]`, `.`, `;`, blanks and 。 after it.
      while start < end, bytes[start] == 0x3A || bytes[start] == 0x28 || bytes[start] == 0x5B || bytes[start] == 0x20 {
        start += 1
      }
      while start < end {
        let last = bytes[end - 1]
        if last == 0x29 || last == 0x5D || last == 0x2E || last == 0x3B || last == 0x20 {
          end -= 1
        } else if end - start >= 3, bytes[end - 3] == 0xE3, bytes[end - 2] == 0x80, last == 0x82 {
          end -= 3
        } else {
          break
        }
      }
      // 人民币 (E4 BA BA E6 B0 91 E5 B8 81) before the unit.
      if end - start > 9, bytes.hasBytes([0xE4, 0xBA, 0xBA, 0xE6, 0xB0, 0x91, 0xE5, 0xB8, 0x81], at: start) { start += 9 }
      return moneyUnits[UnsafeBufferPointer(rebasing: bytes[start..<end])]
    }
  }

  private static let moneyUnits = WordTable<MoneyUnit>([("万元", .wanYuan), ("元", .yuan), ("千元", .qianYuan), ("亿元", .yiYuan)])

  /// Every form of `unitLine` names 单位; most lines do not. A plain loop with no call in it,
  /// so that a cell can lend its key to it without being copied first (around a call the
  /// optimiser cannot see through, the cell is copied out of its array for the loan).
  @inline(__always)
  static func namesUnit(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
    // 单位: E5 8D 95 E4 BD 8D.
    guard key.count >= 6 else { return false }
    for index in 0...(key.count - 6) where key[index] == 0xE5 {
      if key[index + 1] == 0x8D && key[index + 2] == 0x95 && key[index + 3] == 0xE4 && key[index + 4] == 0xBD
        && key[index + 5] == 0x8D
      {
        return true
      }
    }
    return false
  }

  /// The byte offset after the key's last 单位, if it names one.
  private static func endOfLastUnitWord(_ key: UnsafeBufferPointer<UInt8>) -> Int? {
    var end: Int?
    while let found = key.firstIndex(of: unitWord, from: end ?? 0) { end = found + unitWord.count }
    return end
  }

  private static let unitWord = Array("单位".utf8)

  /// Whether the key holds 表 (E8 A1 A8), which `TitleVocabulary.kind(ofTitle:)` asks
  /// first. A plain loop, as `namesUnit`.
  @inline(__always)
  static func namesTable(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
    guard key.count >= 3 else { return false }
    for index in 0...(key.count - 3) where key[index] == 0xE8 {
      if key[index + 1] == 0xA1 && key[index + 2] == 0xA8 { return true }
    }
    return false
  }

  /// `namesUnit` and `namesTable` in one pass, a character at a time: both words start with
  /// a lead byte, so in valid UTF-8 (a key is a string) they start where a character does.
  @inline(__always)
  static func unitAndTable(_ key: UnsafeBufferPointer<UInt8>) -> (namesUnit: Bool, namesTable: Bool) {
    var unit = false
    var table = false
    var index = 0
    let count = key.count
    while index < count {
      let lead = key[index]
      if lead < 0xE0 {
        index += lead < 0x80 ? 1 : 2
        continue
      }
      if lead >= 0xF0 {
        index += 4
        continue
      }
      // 表: E8 A1 A8; 单位: E5 8D 95 E4 BD 8D.
      if lead == 0xE8 && index + 2 < count && key[index + 1] == 0xA1 && key[index + 2] == 0xA8 {
        table = true
      } else if lead == 0xE5 && index + 5 < count && key[index + 1] == 0x8D && key[index + 2] == 0x95
        && key[index + 3] == 0xE4 && key[index + 4] == 0xBD && key[index + 5] == 0x8D
      {
        unit = true
      }
      index += 3
    }
    return (unit, table)
  }

  /// Titles are short and end with 表 (or 表 plus an annotation); TOC entries and sentences
  /// that mention a table are not titles.
  static func isTitleShaped(_ key: String) -> Bool {
    guard key.characterCount <= 60 else { return false }
    if key.hasSuffixBytes("表") { return true }
    if let index = key.lastIndex(of: "表") {
      let tail = key[key.index(after: index)...]
      return tail.count <= 12 && (tail.hasPrefixBytes("(") || tail.hasPrefixBytes(".xls") || tail.hasPrefixBytes(".doc"))
    }
    return false
  }

  /// A header row: at least two indicator header labels, and at most one cell that neither a
  /// list holds nor tells a column by its words (and not two such before its first label);
  /// or three project columns, or two and a block label, and nothing else. Empty cells are
  /// passed over.
  static func isHeader(_ cells: [Cell]) -> Bool {
    var indicatorLabels = 0
    var projectLabels = 0
    var unknown = 0
    var blockLabels = 0
    let shortest = headerEntries.shortestWord
    let longest = headerEntries.longestWord
    let leads = headerLeads
    for index in cells.indices where !cells[index].isEmpty {
      // A key of a length no entry has, or that no entry is by its first bytes and length,
      // and with no column prefix, is data: known from its length and lead bytes, read in the
      // cell (`key` was a retain and a release per cell, and most cells of the rows asked
      // are data of a header word's length).
      let length = cells[index].keyUTF8Count
      var mayBeEntry = length >= shortest && length <= longest
      if mayBeEntry { mayBeEntry = cells[index].withKeyBytes { leads.mayBeWord($0) } }
      if !mayBeEntry { mayBeEntry = cells[index].withKeyBytes(ColumnVocabulary.mayHavePrefixOrNote) }
      let word = mayBeEntry ? headerWord(cells[index].key) : .unknown
      switch word {
      case .indicatorHeader: indicatorLabels += 1
      case .projectColumn: projectLabels += 1
      // 指标解释, 备注, block labels …: header-ish, neutral
      case .neutral:
        if isBlockLabel(cells[index].key) { blockLabels += 1 }
      case .unknown:
        unknown += 1
        // Settled: a header begins with its labels, and most rows are data (the rest of
        // their cells need no look-up).
        if unknown > 1 && indicatorLabels == 0 && projectLabels == 0 || unknown > maximumGuessed { return false }
      }
    }
    if indicatorLabels >= 2 {
      // A header may have one cell of data, and name its other columns in words no list
      // holds (`guessedRole`): asked of its cells then, and only then (it is rare).
      if unknown <= 1 { return true }
      var unnamed = 0
      for cell in cells where !cell.isEmpty && headerWord(cell.key) == .unknown && ColumnVocabulary.guessedRole(cell.key) == nil {
        unnamed += 1
      }
      return unnamed <= 1
    }
    // The top row of a two-row list header: 单位名称（项目名称） │ 项目目标 │ 项目指标, the
    // last over the indicator columns of the row below.
    return unknown == 0 && (projectLabels >= 3 || projectLabels == 2 && blockLabels >= 1)
  }

  private static func isBlockLabel(_ key: String) -> Bool {
    LevelVocabulary.blockLabel(key) != nil || ColumnVocabulary.role(key) == .blockLabel
  }

  /// The most header cells no list holds that a header row may have (a national template has
  /// at most twelve columns, of which the indicator labels name several).
  static let maximumGuessed = 6

  /// What a cell counts for in a header row.
  enum HeaderWord: Equatable {
    /// 一级指标, 二级指标, 三级指标, 指标值: only an indicator header has them.
    case indicatorHeader
    /// A project column or a group of columns (项目名称, 按收入性质分).
    case projectColumn
    /// Another column header, or a block label (绩效指标, 年度指标).
    case neutral
    /// Neither a column header nor a block label: data.
    case unknown
  }

  /// The header word of a key: its column role (`ColumnVocabulary.role`), else whether it
  /// is a block label (`LevelVocabulary.blockLabel`). Both exact tables are one table here,
  /// so that a cell costs one hash of its key, not two (data cells are most cells, and
  /// miss both).
  static func headerWord(_ key: String) -> HeaderWord {
    // (A key longer or shorter than every entry, a long data cell or a number, is not hashed.)
    let entry = headerEntries[key]
    if case .column(let word) = entry { return word }
    if let role = ColumnVocabulary.prefixRole(key) ?? key.withUTF8Bytes(ColumnVocabulary.annotatedRole) {
      return headerWord(of: role)
    }
    return entry == nil ? .unknown : .neutral
  }

  private enum HeaderEntry {
    /// A header of `ColumnVocabulary`'s exact table.
    case column(HeaderWord)
    /// A block label that is no exact column header.
    case blockLabel
  }

  /// A column header that is also a block label reads as the column (the first entry wins).
  private static let headerEntries = WordTable(
    ColumnVocabulary.byBytes.pairs.map { ($0.word, HeaderEntry.column(headerWord(of: $0.value))) }
      + LevelVocabulary.blockLabels.words.map { ($0, HeaderEntry.blockLabel) })

  /// The first three bytes and the length of every entry of `headerEntries`, for `isHeader`
  /// to pass over data cells without a look-up.
  static let headerLeads = LeadBytes(headerEntries.words)

  static func headerWord(of role: ColumnRole) -> HeaderWord {
    if ColumnVocabulary.indicatorHeaderRoles.contains(role) { return .indicatorHeader }
    // A form's labels (主管部门, 实施单位) and 序号 are a list's columns only beside indicator
    // labels: a form's row of labels over its values (项目名称 │ 主管部门 │ 实施单位) is no header.
    if role == .projectField || role == .serial { return .neutral }
    if role.isProjectColumn || role == .group { return .projectColumn }
    return .neutral
  }
}

/// Which beginnings and lengths a set of words has, as bits of a hash of their first three
/// bytes and their length: a text whose hash is a clear bit is none of the words. The bits are
/// a value with no reference in it, so a copy of them costs no retain, and a test of a cell's
/// key in its array is a plain loop with no call (around a call, the cell is copied out of
/// its array for the loan).
struct LeadBytes: Sendable {
  private var bits: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64,
    UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  /// A word shorter than three bytes: it has no bit, every text may be it.
  private var hasShortWord = false

  init(_ words: [String]) {
    for word in words {
      let bytes = Array(word.utf8)
      guard bytes.count >= 3 else {
        hasShortWord = true
        continue
      }
      let bit = Self.bit(bytes[0], bytes[1], bytes[2], count: bytes.count)
      withUnsafeMutableBytes(of: &bits) { raw in
        let word = raw.load(fromByteOffset: (bit >> 6) * 8, as: UInt64.self) | 1 << UInt64(bit & 63)
        raw.storeBytes(of: word, toByteOffset: (bit >> 6) * 8, as: UInt64.self)
      }
    }
  }

  /// Whether `bytes` may be one of the words (false only when it is none); a text of fewer
  /// than three bytes may.
  @inline(__always)
  func mayBeWord(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard bytes.count >= 3 && !hasShortWord else { return true }
    let bit = Self.bit(bytes[0], bytes[1], bytes[2], count: bytes.count)
    // `bit` is below 1024: the offset is within the sixteen words.
    let word = withUnsafeBytes(of: bits) { $0.load(fromByteOffset: (bit >> 6) * 8, as: UInt64.self) }
    return word & 1 << UInt64(bit & 63) != 0
  }

  /// One of 1024 bits. The words are mostly ideographs, three bytes led by E4–E9 whose last
  /// two bytes vary most; their lengths are multiples of three.
  @inline(__always)
  private static func bit(_ first: UInt8, _ second: UInt8, _ third: UInt8, count: Int) -> Int {
    (Int(second & 0x3F) << 4 ^ Int(third & 0x3F) ^ Int(first & 0x07) << 7 ^ (count / 3) << 6 ^ count) & 1023
  }
}
