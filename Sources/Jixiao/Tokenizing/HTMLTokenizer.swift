/// Saved web pages and HTML fragments: each `<tr>` of a data table is a row, each
/// `<td>`/`<th>` a cell at its grid position, and the text around the tables (titles such
/// as `<h1>部门项目支出预算绩效目标表</h1>`, year lines, navigation) one-cell rows in document
/// order, so that titles and year lines still open the tables below them.
///
/// Merged cells are expanded into the grid as EMPTY cells, not copies: a `rowspan` label
/// (一级指标 over four rows) is written on its first row and left blank below, which is how
/// the readers know a merged cell (the tab and docx dialects look the same); copying the text
/// down would make a list table's project columns (项目名称, 资金总额) repeat on every row,
/// which the readers take for a repeated page header or a second project. A `colspan` cell
/// is followed by empty cells for the columns it covers. `HTMLTokenizerTests` reads both
/// expansions and pins the choice.
///
/// A table that contains other tables is page layout: its cells are read as flowing text
/// and only the innermost tables give rows of cells. Spans point at the first visible
/// character of a cell in the file (after its tags); a cell's `text` is what a browser shows:
/// tags removed, entities decoded, white space collapsed, `<br>` and paragraphs as `\n`.
enum HTMLTokenizer {
  static func rows(_ text: SourceText, _ builder: inout CellBuilder) -> [Row] {
    rows(text, mergedCells: .empty, isTraditional: builder.isTraditional)
  }

  /// How a `rowspan`/`colspan` cell fills the slots it covers.
  enum MergedCells {
    /// Empty cells (what the readers understand as merged from above).
    case empty
    /// The text repeated in every covered slot (kept for the test that compares both).
    case copied
  }

  static func rows(_ text: SourceText, mergedCells: MergedCells, isTraditional: Bool = false) -> [Row] {
    var reader = HTMLRowReader(
      text: text,
      layoutTables: layoutTables(text.utf8),
      mergedCells: mergedCells,
      isTraditional: isTraditional,
      markdownBlocks: PipeTokenizer.markdownBlocks(text)
    )
    reader.run()
    return reader.rows
  }

  /// The start offsets of tables that contain another table (page layout, not data).
  static func layoutTables(_ bytes: [UInt8]) -> Set<Int> {
    var scanner = HTMLScanner(bytes: bytes)
    var open: [Int] = []
    var layout: Set<Int> = []
    while let event = scanner.next() {
      guard case .tag(let tag) = event, tag.name == "table" else { continue }
      if tag.isClosing {
        _ = open.popLast()
      } else if !tag.isSelfClosing {
        if let outer = open.last { layout.insert(outer) }
        open.append(tag.range.lowerBound)
      }
    }
    return layout
  }

  /// A page (`<!DOCTYPE html>`, `<html>`) or a fragment with a real table structure: two
  /// rows and four cells at least, so that a stray `<p>` or `<td>` in a tab document does
  /// not change its dialect.
  static func looksLikeHTML(_ text: SourceText) -> Bool {
    let bytes = text.utf8
    var start = 0
    while start < bytes.count, HTMLScanner.isSpace(bytes[start]) { start += 1 }
    if hasPrefix(bytes, at: start, "<!doctype html") || hasPrefix(bytes, at: start, "<html") { return true }
    var tables = 0
    var rows = 0
    var cells = 0
    // Only a `<` starts a tag: the bytes between are skipped a word at a time.
    var next = bytes.withUnsafeBufferPointer { $0.firstIndex(ofByte: 0x3C) }
    while let index = next, index + 3 < bytes.count {
      if hasPrefix(bytes, at: index, "<table") { tables += 1 }
      if hasTagPrefix(bytes, at: index, "<tr") { rows += 1 }
      if hasTagPrefix(bytes, at: index, "<td") || hasTagPrefix(bytes, at: index, "<th") { cells += 1 }
      next = bytes.withUnsafeBufferPointer { $0.firstIndex(ofByte: 0x3C, from: index + 1) }
    }
    return tables >= 1 && rows >= 2 && cells >= 4
  }

  private static func hasPrefix(_ bytes: [UInt8], at index: Int, _ literal: String) -> Bool {
    var offset = index
    for byte in literal.utf8 {
      guard offset < bytes.count, HTMLScanner.lowercased(bytes[offset]) == byte else { return false }
      offset += 1
    }
    return true
  }

  /// `<tr` followed by `>`, `/` or white space (not `<track`).
  private static func hasTagPrefix(_ bytes: [UInt8], at index: Int, _ literal: String) -> Bool {
    guard hasPrefix(bytes, at: index, literal) else { return false }
    let after = index + literal.utf8.count
    return after < bytes.count && (bytes[after] == 0x3E || bytes[after] == 0x2F || HTMLScanner.isSpace(bytes[after]))
  }
}

/// The state of one pass over an HTML text.
struct HTMLRowReader {
  let text: SourceText
  let layoutTables: Set<Int>
  let mergedCells: HTMLTokenizer.MergedCells
  /// Keys of a traditional-script page are made simplified (see `Cell.key`).
  let isTraditional: Bool
  private(set) var rows: [Row] = []
  /// Text outside data tables, up to the next block boundary.
  private var flow = HTMLText()
  private var table: HTMLTableBuilder?
  private var cell: (text: HTMLText, tag: HTMLTag, rowSpan: Int, columnSpan: Int)?
  /// Nesting of elements whose text is ignored (`<svg>`, `<head>`).
  private var ignoredDepth = 0
  /// Nesting of `<table>` tags that are page layout.
  private var layoutDepth = 0
  private var inCaption = false
  /// Markdown the page holds outside its tables (`PipeTokenizer.markdownBlocks`): read as
  /// pipe rows, where flowing text would run its lines together into one passage.
  let markdownBlocks: [Range<Int>]
  private var nextBlock = 0

  init(text: SourceText, layoutTables: Set<Int>, mergedCells: HTMLTokenizer.MergedCells, isTraditional: Bool, markdownBlocks: [Range<Int>] = []) {
    self.text = text
    self.layoutTables = layoutTables
    self.mergedCells = mergedCells
    self.isTraditional = isTraditional
    self.markdownBlocks = markdownBlocks
  }

  /// Elements that end a line of flowing text.
  static let blockElements: Set<String> = [
    "p", "div", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
    "table", "tr", "td", "th", "thead", "tbody", "tfoot", "caption", "section", "article", "header",
    "footer", "nav", "aside", "main", "blockquote", "pre", "form", "fieldset", "legend", "center",
    "address", "figure", "figcaption", "option", "select", "body", "html", "iframe", "button",
  ]
  /// Elements that start a new paragraph inside a cell.
  static let paragraphElements: Set<String> = [
    "p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "ul", "ol", "dt",
    "dd", "hr", "center", "section", "article",
  ]
  static let ignoredElements: Set<String> = ["svg", "head", "math", "object", "map"]

  /// `ignoredElements.contains(name)`, asked of every tag: by a switch, since hashing the
  /// name cost more than handling most tags (HTMLTableBuilderFastPathTests hold the two
  /// together).
  static func isIgnored(_ name: String) -> Bool {
    switch name {
    case "svg", "head", "math", "object", "map": true
    default: false
    }
  }

  mutating func run() {
    var scanner = HTMLScanner(bytes: text.utf8)
    while let event = scanner.next() {
      switch event {
      case .text(var range):
        guard ignoredDepth == 0 else { continue }
        // Markdown blocks inside the run: the text before each flows, the text after goes on.
        while let block = markdownBlock(startingIn: range) {
          flow.append(text.utf8, range.lowerBound..<text.lines.start(of: block.lowerBound))
          readMarkdown(block)
          let end = text.lines.start(of: block.upperBound)
          if end >= range.upperBound { scanner.skip(to: end) }
          range = min(end, range.upperBound)..<range.upperBound
        }
        if range.isEmpty { continue }
        if cell != nil {
          cell?.text.append(text.utf8, range)
        } else if let current = table, !inCaption {
          // Text between cells: browsers show it before the table.
          _ = current
          var stray = HTMLText()
          stray.append(text.utf8, range)
          table?.addStray(stray)
        } else {
          flow.append(text.utf8, range)
        }
      case .tag(let tag):
        handle(tag)
      }
    }
    closeTable()
    flushFlow()
  }

  /// The markdown block whose first line starts inside a text run of flowing text. Blocks
  /// the scanner has passed (inside a table, a tag or a script) are dropped: their text is
  /// read as it comes.
  private mutating func markdownBlock(startingIn range: Range<Int>) -> Range<Int>? {
    while nextBlock < markdownBlocks.count {
      let block = markdownBlocks[nextBlock]
      let start = text.lines.start(of: block.lowerBound)
      if start >= range.upperBound { return nil }
      nextBlock += 1
      if start >= range.lowerBound, table == nil, cell == nil, !inCaption, layoutDepth == 0 { return block }
    }
    return nil
  }

  private mutating func readMarkdown(_ block: Range<Int>) {
    flushFlow()
    var builder = CellBuilder(text: text)
    builder.isTraditional = isTraditional
    var cuts: [Int] = []
    // A table of its own, as a `<table>` is (`closeTable`): its rows do not start after the
    // table above, and the text after it does.
    afterTable = false
    for index in block {
      append(PipeTokenizer.row(text, lineIndex: index, &builder, cuts: &cuts))
    }
    afterTable = block.count > 1
  }

  private mutating func handle(_ tag: HTMLTag) {
    let name = tag.name
    if Self.isIgnored(name) {
      if tag.isSelfClosing { return }
      ignoredDepth = tag.isClosing ? max(ignoredDepth - 1, 0) : ignoredDepth + 1
      return
    }
    guard ignoredDepth == 0 else { return }
    if name == "table" {
      tableTag(tag)
      return
    }
    if table != nil && layoutDepth == 0 {
      dataTableTag(tag)
      return
    }
    if Self.blockElements.contains(name) { flushFlow() }
    if name == "input", let mark = Self.checkbox(tag, text.utf8) {
      flow.visible(mark, from: tag.range.lowerBound, to: tag.range.upperBound)
    }
  }

  private mutating func tableTag(_ tag: HTMLTag) {
    if tag.isClosing {
      if layoutDepth > 0 && table == nil {
        layoutDepth -= 1
        flushFlow()
      } else {
        closeTable()
      }
      return
    }
    guard !tag.isSelfClosing else { return }
    flushFlow()
    if layoutTables.contains(tag.range.lowerBound) {
      layoutDepth += 1
    } else {
      closeTable()
      table = HTMLTableBuilder(text: text, mergedCells: mergedCells, isTraditional: isTraditional)
      // A data table inside layout tables: their depth resumes when it closes.
      layoutDepthBeforeTable.append(layoutDepth)
      layoutDepth = 0
    }
  }

  private var layoutDepthBeforeTable: [Int] = []
  /// A data table just ended: the next row starts after it.
  private var afterTable = false

  private mutating func append(_ row: Row) {
    var row = row
    if afterTable && !row.isBlank {
      row.startsAfterTable = true
      afterTable = false
    }
    rows.append(row)
  }

  private mutating func dataTableTag(_ tag: HTMLTag) {
    switch tag.name {
    case "tr":
      closeCell()
      if !tag.isClosing { table?.startRow(at: tag.range.lowerBound) } else { table?.endRow() }
    case "td", "th":
      closeCell()
      guard !tag.isClosing else { return }
      let bytes = text.utf8
      let rowSpan = tag.span("rowspan", in: bytes, limit: 1000)
      let columnSpan = tag.span("colspan", in: bytes, limit: 200)
      cell = (HTMLText(), tag, rowSpan, columnSpan)
      if tag.isSelfClosing { closeCell() }
    case "caption":
      closeCell()
      if tag.isClosing {
        table?.addStray(flow)
        flow = HTMLText()
      }
      inCaption = !tag.isClosing
    case "thead", "tbody", "tfoot", "colgroup", "col":
      closeCell()
    case "br":
      if cell != nil { cell?.text.lineBreak() } else if inCaption { flow.lineBreak() }
    case "input":
      guard let mark = Self.checkbox(tag, text.utf8) else { return }
      cell?.text.visible(mark, from: tag.range.lowerBound, to: tag.range.upperBound)
    default:
      if Self.paragraphElements.contains(tag.name) { cell?.text.lineBreak() }
    }
  }

  private mutating func closeCell() {
    guard let open = cell else { return }
    cell = nil
    table?.addCell(open.text, tag: open.tag, rowSpan: open.rowSpan, columnSpan: open.columnSpan)
  }

  private mutating func closeTable() {
    closeCell()
    inCaption = false
    guard let finished = table else { return }
    table = nil
    afterTable = false
    for row in finished.rows() { append(row) }
    afterTable = true
    layoutDepth = layoutDepthBeforeTable.popLast() ?? 0
  }

  /// The flowing text so far as a one-cell row, if it has any.
  private mutating func flushFlow() {
    defer { flow = HTMLText() }
    guard let first = flow.first, let span = flow.span(in: text) else { return }
    let value = flow.text
    guard !value.isEmpty else { return }
    let lineIndex = text.lineIndex(containing: first)
    let cell = Cell(text: value, span: span, column: 0, start: first, isTraditional: isTraditional)
    append(Row(cells: [cell], lineIndex: lineIndex))
  }

  /// `<input type="checkbox" checked>` as ☑, unchecked as ☐ (as `CellText` reads them).
  static func checkbox(_ tag: HTMLTag, _ bytes: [UInt8]) -> Unicode.Scalar? {
    guard tag.attribute("type", in: bytes)?.lowercased() == "checkbox" else { return nil }
    return tag.attribute("checked", in: bytes) != nil ? "☑" : "☐"
  }
}
