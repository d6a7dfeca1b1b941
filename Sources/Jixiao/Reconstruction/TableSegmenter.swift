/// Cuts the grid into tables and the text around them.
///
/// A table opens at a header row, a form label (项目名称 …) or a budget-summary line, and
/// takes the title, year and unit lines just before it; it closes at the next title, at a
/// note (`注：本表…`), at a header of a different table, or where the markup ends it. Text outside tables becomes
/// passages; image placeholders and the OCR noise after them become residue.
struct TableSegmenter {
  private var result = Segmentation()
  private var current: TableBlock?
  private var currentHasData = false
  private var currentHeaderKind: TableKind?
  /// The open table's first header row, by its cells' keys; empty while it has none.
  private var currentHeaderKeys: [String] = []
  private var currentHasHeader: Bool { !currentHeaderKeys.isEmpty }
  private var preamble: [(Row, RowKind)] = []
  private var afterImage = false
  /// Rows since the markup ended the last table.
  private var markupEnded = false
  /// The keys of one-cell lines above the first table (the department's name, `表3-2`, the
  /// title): a PDF repeats such lines at the top of each page. (A list, compared by bytes:
  /// hashing a string normalises it, and most are never looked up.)
  private var headLines: [String] = []
  private var tableOpened = false
  /// Since a page break or a page number, only blank lines, page numbers and repeated head
  /// lines: a line of the head here is page furniture, not a row of the table.
  private var atPageTop = false
  /// The current table's title, repeated after its data (a PDF's next page), with the year
  /// and unit lines under it: whether the table goes on or a new one begins, the next row
  /// says.
  private var repeatedTitle: [(Row, RowKind)] = []

  static func segment(_ grid: Grid) -> Segmentation {
    var segmenter = TableSegmenter()
    for row in grid.rows { segmenter.consume(row) }
    return segmenter.finish()
  }

  // Row by row, for a pipeline that reads each table once it is closed: `add` the rows,
  // `takeBlocks` whenever convenient, then `finish`.

  /// The row is taken, not copied: it is kept in its table.
  mutating func add(_ row: consuming Row) { consume(row) }

  /// The tables closed so far, handed over: the segmenter keeps no reference to them, and
  /// never looks at a table again once it is closed.
  mutating func takeBlocks() -> [TableBlock] {
    let blocks = result.blocks
    result.blocks = []
    return blocks
  }

  /// The budget year of the document, from its first title that names one. Set once: a
  /// table may be read with it as soon as it is known.
  var documentYear: Int? { result.documentYear }

  /// Closes the last table: the blocks not taken, the passages, the residue, the year.
  mutating func finish() -> Segmentation {
    continueAfterRepeatedTitle()
    closeTable()
    flushPreambleAsPassages()
    return result
  }

  private mutating func consume(_ row: consuming Row) {
    let kind = RowClassifier.classify(row)
    if case .moneyUnit = kind, let (fields, unit) = Self.fieldsBeforeUnit(row) {
      consume(fields)
      consume(unit)
      return
    }
    row.kind = kind
    if row.followsPageBreak || kind == .pageNumber { atPageTop = true }
    if !repeatedTitle.isEmpty && !settleRepeatedTitle(before: row, kind) { return }
    // (Without a page break too: a pasted page loses its form feeds, and a head line inside
    // a table, alone on its row, is the running head of the page it starts.)
    if kind == .content, current != nil, isHeadLine(row) {
      addLayout(row, role: .pageHeader)
      return
    }
    if kind != .blank && kind != .pageNumber { atPageTop = false }
    if !tableOpened, current == nil, headLines.count < Self.mostHeadLines, let key = Self.singleKey(row) {
      headLines.append(key)
    }
    // The markup ended the table (`</table>`, a grid table's last rule): a page footer after
    // it is not its rows, though the sign-off lines under a form are still the form's.
    if row.startsAfterTable { markupEnded = true }
    if markupEnded && current != nil, let first = row.nonEmpty.first, Self.passageKind(first, default: .prose) != .signature {
      // A table cut by a page into two (`</table>`, `— 12 —` or `续表`, `<table>` again with
      // the next indicator rows, or its header again): the page's furniture waits for the
      // next row, and indicator rows after it go on with the table (they were prose, the
      // project's last indicators lost to it).
      if currentHasHeader && (kind == .pageNumber || kind == .continued) {
        // (Laid out below, as any page number or 续表 inside a table.)
      } else if currentHasHeader
        && (kind == .content && Self.namesALevel(row) || kind == .header && row.nonEmpty.map(\.key) == currentHeaderKeys)
      {
        markupEnded = false
      } else {
        closeTable()
      }
    }
    if kind != .blank && kind != .image && !(afterImage && isOCRNoise(row)) { afterImage = false }
    switch kind {
    case .blank:
      current?.rows.append(row)
    case .separator:
      if current != nil {
        addLayout(row, role: .separator)
      } else {
        preamble.append((row, kind))
      }
    case .pageNumber:
      if current != nil { addLayout(row, role: .pageNumber) } else { addPassage(row, kind: .metadata) }
    case .continued:
      if current != nil { addLayout(row, role: .subtitle) } else { addPassage(row, kind: .metadata) }
    case .image:
      for cell in row.nonEmpty {
        result.residue.append(ResidueItem(text: cell.text, span: cell.span, reason: .imagePlaceholder))
      }
      afterImage = true
    case .title(let tableKind):
      noteDocumentYear(row)
      if current != nil, let first = row.nonEmpty.first, TitleVocabulary.isContinuedTitle(first.key) {
        // `…绩效目标表（续）` over the next page: the table goes on.
        addLayout(row, role: .title)
        return
      }
      if current != nil && currentHasData, let title = current?.title, let first = row.nonEmpty.first,
        Self.isKey(first.key, title.key)
      {
        repeatedTitle.append((row, kind))
        return
      }
      if current != nil && currentHasData { closeTable() }
      if current != nil {
        // A title right after a table opened on a header: the header belonged to it.
        addLayout(row, role: .title)
        if current?.title == nil {
          current?.title = row.nonEmpty.first
          current?.kind = tableKind
        }
      } else {
        preamble.append((row, kind))
      }
    case .year, .moneyUnit:
      if current != nil && !currentHasData {
        apply(row, kind)
      } else if current != nil && preamble.isEmpty {
        apply(row, kind)
      } else {
        preamble.append((row, kind))
      }
    case .note:
      if current != nil {
        addLayout(row, role: .note)
        if let unit = noteUnit(row), current?.moneyUnit == nil { current?.moneyUnit = unit }
        closeTable()
      } else {
        flushPreambleAsPassages()
        addPassage(row, kind: .note)
      }
    case .header:
      let headerKind = Self.kindOfHeader(row)
      if current != nil, currentHasData, let existing = currentHeaderKind, let headerKind,
        existing != headerKind
      {
        closeTable()
      }
      if current == nil { openTable(at: row, kind: headerKind ?? .projectTargets) }
      if currentHeaderKind == nil { currentHeaderKind = headerKind }
      if currentHeaderKeys.isEmpty { currentHeaderKeys = row.nonEmpty.map(\.key) }
      current?.rows.append(row)
    case .content:
      if afterImage && isOCRNoise(row) {
        for cell in row.nonEmpty {
          result.residue.append(ResidueItem(text: cell.text, span: cell.span, reason: .ocrNoise))
        }
        return
      }
      if current != nil {
        current?.rows.append(row)
        currentHasData = true
      } else if let kind = opens(row) {
        openTable(at: row, kind: kind)
        current?.rows.append(row)
        currentHasData = true
      } else if isPreambleLine(row) {
        preamble.append((row, kind))
      } else {
        noteDocumentYear(row)
        flushPreambleAsPassages()
        addPassage(row, kind: .prose)
      }
    }
  }

  /// Decides what the held repeated title was, now that the row after it has come: false when
  /// the row is held with it (a year or unit line); a blank line or a page number leaves the
  /// question open. The title opens a
  /// new table when the row opens one (a form's 项目名称, a budget summary) or is another
  /// title; otherwise the table goes on past a page break that repeated its title, and the
  /// title is laid out in it (the rows under it were a second table with no header, their
  /// cells residue).
  private mutating func settleRepeatedTitle(before row: Row, _ kind: RowKind) -> Bool {
    switch kind {
    case .year, .moneyUnit:
      repeatedTitle.append((row, kind))
      return false
    case .blank, .pageNumber, .continued, .separator:
      return true
    case .title:
      break
    case .content where opens(row) != nil:
      break
    default:
      continueAfterRepeatedTitle()
      return true
    }
    closeTable()
    preamble = repeatedTitle
    repeatedTitle = []
    return true
  }

  private mutating func continueAfterRepeatedTitle() {
    for (row, kind) in repeatedTitle {
      switch kind {
      case .year: addLayout(row, role: .year)
      case .moneyUnit: addLayout(row, role: .unit)
      default: addLayout(row, role: .title)
      }
    }
    repeatedTitle = []
  }

  /// The most head lines remembered: a document's head is a few lines, a page of prose
  /// before the first table is not a head.
  private static let mostHeadLines = 24

  private func isHeadLine(_ row: Row) -> Bool {
    guard !headLines.isEmpty, let key = Self.singleKey(row) else { return false }
    // Asked of every one-cell row in a table: a plain key is told by its length before its
    // bytes, and tested for plainness once, not once a head line.
    guard TextKey.isPlain(key) else { return headLines.contains { key == $0 } }
    let count = key.utf8.count
    return headLines.contains { $0.utf8.count == count && key.equalsBytes($0) }
  }

  /// The key of the row's only non-empty cell.
  private static func singleKey(_ row: Row) -> String? {
    var key: String?
    for cell in row.cells where !cell.isEmpty {
      guard key == nil else { return nil }
      key = cell.key
    }
    return key
  }

  /// Does this row open a table, and of what kind?
  private func opens(_ row: Row) -> TableKind? {
    let cells = row.nonEmpty
    guard let first = cells.first else { return nil }
    // A label opens a form in the first cell, or in the second after a group label
    // (`专项基本情况 │ 专项名称 │ …`).
    // Each of the two cells' role is asked once (a form-label look-up is the costliest step).
    var labelRole = FormVocabulary.role(first.key)
    if labelRole == nil || labelRole == .goalsGroup, cells.count >= 2,
      let second = FormVocabulary.role(cells[1].key), second != .goalsGroup
    {
      labelRole = second
    }
    // Text from PDFs writes the label and its value in one cell: `项目名称：农村公路养护工程`.
    // The form reader splits such cells; the first one opens the form as its label would.
    if labelRole == nil { labelRole = InlineFields.leadingLabelRole(first.text, simplify: first.isTraditional) }
    if let role = labelRole {
      if Self.opensForm(role) { return titleKind ?? .projectTargets }
      if cells.count >= 2, cells.dropFirst().contains(where: { FormVocabulary.role($0.key) != nil }) {
        return titleKind ?? .projectTargets
      }
    }
    if BudgetVocabulary.opensSummary(first.key),
      cells.contains(where: { AmountReader.read($0.text, defaultUnit: .wanYuan) != nil })
    {
      return .budgetSummary
    }
    // The preamble is asked first: it is short, and the level look-up is not.
    if titleKind != nil, LevelVocabulary.level1(first.key) != nil { return titleKind }
    return nil
  }

  /// A label that starts a project's form on its own.
  static func opensForm(_ role: FieldRole) -> Bool {
    switch role {
    case .name, .department, .implementingUnit, .fundsGroup, .attribute, .budgetUnit: true
    default: false
    }
  }

  /// `预算单位：某县交通运输局 │ 单位：元`: a line that ends with the table's unit but begins
  /// with a form's field is two rows, the field's and the unit's, so that the field is read
  /// (and opens the form) instead of being laid aside with the unit. So is a title with the
  /// unit at its right (a spreadsheet's first row: `…绩效目标表 │ … │ 单位：万元`), whose title
  /// was lost. A sign-off line before a unit (`填报单位:(盖章) │ 单位:万元`) stays one.
  static func fieldsBeforeUnit(_ row: Row) -> (fields: Row, unit: Row)? {
    let cells = row.cells
    guard let first = cells.firstIndex(where: { !$0.isEmpty }), let last = cells.lastIndex(where: { !$0.isEmpty }),
      first < last
    else { return nil }
    let opens = InlineFields.labelRole(of: cells[first]).map(opensForm) ?? false
    guard opens || isTitle(cells[first].key) else { return nil }
    var fields = row
    fields.cells = Array(cells[..<last])
    var unit = row
    unit.cells = [cells[last]]
    unit.followsPageBreak = false
    unit.startsAfterTable = false
    return (fields, unit)
  }

  private static func isTitle(_ key: String) -> Bool {
    TitleVocabulary.kind(ofTitle: key) != nil && RowClassifier.isTitleShaped(key)
  }

  private var titleKind: TableKind? {
    for (_, kind) in preamble.reversed() {
      if case .title(let tableKind) = kind { return tableKind }
    }
    return nil
  }

  /// Short lines between a title and its table: `表6`, `填报单位(盖章)`, `日期:2022-12-30`.
  private func isPreambleLine(_ row: Row) -> Bool {
    guard titleKind != nil else { return false }
    // The scalars of the cells' texts joined, counted cell by cell without joining them, and
    // no further than the limit: a cell of more bytes than four times what is left is over it.
    let cells = row.cells
    var scalars = 0
    for index in cells.indices where !cells[index].isEmpty {
      let text = cells[index].text
      if scalars + (text.utf8.count + 3) / 4 > 40 { return false }
      scalars += text.unicodeScalars.count
      if scalars > 40 { return false }
    }
    return true
  }

  /// The kind of table a header row starts, when the row says: the first row of a list
  /// header names its entity column (单位（项目）名称, 单位名称); lower header rows say nothing.
  /// One pass over the cells in place (the three questions asked of an array of keys made
  /// for them cost the arrays and a copy of every cell).
  static func kindOfHeader(_ row: Row) -> TableKind? {
    let cells = row.cells
    var namesProject = false
    var namesWhole = false
    for index in cells.indices where !cells[index].isEmpty {
      let key = cells[index].key
      // (`isKey` of both words, the key's plainness asked once.)
      if TextKey.isPlain(key) ? key.equalsBytes("实际完成值") || key.equalsBytes("得分") : key == "实际完成值" || key == "得分" {
        return .selfEvaluation
      }
      if !namesProject && ColumnVocabulary.role(key) == .projectName { namesProject = true }
      if !namesWhole && key.containsBytes("整体") { namesWhole = true }
    }
    guard namesProject else { return nil }
    return namesWhole ? .departmentTargets : .projectTargets
  }

  /// `key == word` for a word of unified ideographs, which no other sequence of scalars is
  /// canonically equivalent to: a plain key (ASCII and unified ideographs, see
  /// `TextKey.isPlain`) is its own normal form, so its bytes decide without the Unicode
  /// comparison of `==` (some 450 instructions a pair).
  static func isKey(_ key: String, _ word: String) -> Bool {
    TextKey.isPlain(key) ? key.equalsBytes(word) : key == word
  }

  private mutating func openTable(at row: Row, kind: TableKind) {
    let first = row.nonEmpty.first
    var block = TableBlock(
      kind: kind, span: first?.span ?? SourceSpan(line: row.lineIndex + 1, column: 1, offset: 0))
    let titles = preamble.filter { if case .title = $0.1 { true } else { false } }
    let tableTitle = titles.last
    for (preambleRow, rowKind) in preamble {
      if let tableTitle, preambleRow == tableTitle.0 {
        block.title = preambleRow.nonEmpty.first
        if case .title(let titleKind) = rowKind { block.kind = titleKind }
        block.span = block.title?.span ?? block.span
        for cell in preambleRow.nonEmpty { block.layout.append(LayoutCell(role: .title, text: cell.text, span: cell.span)) }
        if block.year == nil, let cell = block.title { block.year = TitleVocabulary.year(in: cell.key) }
        continue
      }
      switch rowKind {
      case .title:
        for cell in preambleRow.nonEmpty { result.passages.append(Passage(kind: .heading, text: cell.text, span: cell.span)) }
      default:
        current = block
        apply(preambleRow, rowKind)
        if let updated = current { block = updated }
        current = nil
      }
    }
    preamble = []
    current = block
    tableOpened = true
    currentHasData = false
    currentHeaderKind = nil
    currentHeaderKeys = []
    markupEnded = false
  }

  private mutating func apply(_ row: Row, _ kind: RowKind) {
    switch kind {
    case .year(let year):
      current?.year = year
      addLayout(row, role: .year)
    case .moneyUnit(let unit):
      current?.moneyUnit = unit
      addLayout(row, role: .unit)
    case .separator:
      addLayout(row, role: .separator)
    default:
      addLayout(row, role: .subtitle)
    }
  }

  /// A row whose first cell or the one after it is a level's name (产出指标, 数量指标): an
  /// indicator row.
  static func namesALevel(_ row: Row) -> Bool {
    row.nonEmpty.prefix(2).contains { cell in
      let levels = LevelVocabulary.levels(cell.key)
      return levels.level1 != nil || levels.level2 != nil
    }
  }

  private mutating func closeTable() {
    guard var block = current.take() else { return }
    if block.kind == .unknown { block.kind = .projectTargets }
    if currentHasHeader { peelTrailingProse(&block) }
    if block.moneyUnit == nil, let title = block.title, let unit = RowClassifier.unitAnnotation(title.key) {
      block.moneyUnit = unit
    }
    result.blocks.append(block)
    currentHasData = false
    currentHeaderKind = nil
    currentHeaderKeys = []
  }

  /// Lines of one cell under a table's last row of cells that end a sentence (`本表由项目单
  /// 位填报。`, wrapped onto two lines or not): the text after the table, which no markup
  /// ended, not rows of it (it was an indicator named after the sentence, with no target).
  private mutating func peelTrailingProse(_ block: inout TableBlock) {
    var end = block.rows.count
    var peeled: [Row] = []
    while let index = block.rows[..<end].lastIndex(where: { !$0.isBlank }) {
      let cells = block.rows[index].nonEmpty
      guard cells.count == 1, RowClassifier.kind(of: block.rows[index]) == .content,
        peeled.isEmpty ? Self.endsASentence(cells[0]) : !AlignedPageReader.isLabel(cells[0].text)
      else { break }
      peeled.append(block.rows[index])
      end = index
    }
    guard !peeled.isEmpty, let above = block.rows[..<end].last(where: { !$0.isBlank }), above.nonEmpty.count >= 3 else { return }
    block.rows.removeSubrange(end...)
    for row in peeled.reversed() { addPassage(row, kind: .prose) }
  }

  /// Text of six characters or more that ends with a full stop: a sentence, not a cell's name
  /// or target.
  private static func endsASentence(_ cell: Cell) -> Bool {
    let text = cell.text
    guard let last = text.unicodeScalars.last, last == "。" || last == "！" else { return false }
    return !text.hasAtMostScalars(5)
  }

  private mutating func flushPreambleAsPassages() {
    for (row, kind) in preamble {
      let passageKind: Passage.Kind
      switch kind {
      case .title: passageKind = .heading
      case .separator:
        for cell in row.nonEmpty { result.residue.append(ResidueItem(text: cell.text, span: cell.span, reason: .outsideTable)) }
        continue
      default: passageKind = .heading
      }
      addPassage(row, kind: passageKind)
    }
    preamble = []
  }

  private mutating func addLayout(_ row: Row, role: LayoutCell.Role) {
    for cell in row.nonEmpty {
      current?.layout.append(LayoutCell(role: role, text: cell.text, span: cell.span))
    }
  }

  private mutating func addPassage(_ row: Row, kind: Passage.Kind) {
    for cell in row.nonEmpty {
      result.passages.append(Passage(kind: Self.passageKind(cell, default: kind), text: cell.text, span: cell.span))
    }
  }

  static func passageKind(_ cell: Cell, default kind: Passage.Kind) -> Passage.Kind {
    // The key's bytes are fetched once for the fifteen prefixes, which are bytes already
    // (`hasPrefixBytes` fetched both strings' bytes for each).
    cell.key.withUTF8Bytes { key in
      if metadataPrefixes.contains(where: { key.hasBytes($0, at: 0) }) { return .metadata }
      if signaturePrefixes.contains(where: { key.hasBytes($0, at: 0) }) { return .signature }
      return kind
    }
  }

  private static let metadataPrefixes = ["发布时间", "发布日期", "来源", "作者", "浏览次数", "索引号", "发文时间", "归档时间", "[索引号]", "日期"]
    .map { Array($0.utf8) }
  private static let signaturePrefixes = ["填报人", "填表人", "单位负责人", "填报日期", "联系电话"].map { Array($0.utf8) }

  private mutating func noteDocumentYear(_ row: Row) {
    guard result.documentYear == nil, let cell = row.nonEmpty.first, cell.text.hasAtMostScalars(60) else { return }
    result.documentYear = TitleVocabulary.year(in: cell.key)
  }

  /// A footnote that states the unit: `本表金额转换为万元时…`.
  private func noteUnit(_ row: Row) -> MoneyUnit? {
    let key = row.nonEmpty.map(\.key).joined()
    if key.containsBytes("转换为万元") || key.containsBytes("单位:万元") { return .wanYuan }
    if key.containsBytes("单位:元") { return .yuan }
    return nil
  }

  /// Short runs of Latin letters and symbols that OCR made of a picture: a line of them, cut
  /// at its blanks or not (`X Ik`).
  private func isOCRNoise(_ row: Row) -> Bool {
    let cells = row.nonEmpty
    guard !cells.isEmpty, cells.reduce(0, { $0 + $1.text.unicodeScalars.count }) <= 24 else { return false }
    return !cells.contains { $0.text.unicodeScalars.contains { $0.properties.isIdeographic } }
  }
}
