/// Space-aligned text as `pdftotext -layout` writes a PDF table: each line placed by the
/// page position of its text, columns separated by runs of blanks, a wrapped cell continued
/// on the next lines at its column's left edge, and a form feed before each new page.
///
/// Columns come from gaps that line up: on each page, the display columns where the cells of
/// multi-cell lines start (CJK characters count two columns, by East Asian Width through
/// ICU) and that at least two lines share are the column anchors; a cell belongs to the last
/// anchor at or left of its start, so right-aligned numbers stay in their column and a row
/// whose merged leading cells are blank keeps its empty cells in front.
///
/// A line continues the row above (a wrapped cell) when every one of its pieces starts at a
/// column's left edge under a piece of the previous line that filled its column (ending
/// within a few columns of the next column), and none of them is a label the vocabulary
/// knows (a level name, a header, a form label): those start rows. A blank line or a page
/// break ends a row.
enum AlignedTokenizer {
  /// A run of text on a line: its bytes, the columns it covers, and its display width.
  struct Piece {
    var range: Range<Int>
    var start: Int
    var end: Int
    /// How wide the text is on the page, CJK characters two columns: in display width, `end
    /// - start`; in characters, more where the text holds wide characters.
    var width: Int

    /// Where the piece ends on the page, counted from its start in display width: how full it
    /// leaves its column, whatever the metric its columns are counted in.
    var fillEnd: Int { start + width }
  }

  static func rows(_ text: SourceText, _ builder: inout CellBuilder) -> [Row] {
    var rows: [Row] = []
    var region: [Int] = []
    var blankRun = 0
    func flush() {
      if !region.isEmpty { rows += AlignedPageReader(text: text, builder: builder, lines: region).read() }
      region = []
    }
    for index in text.lines.indices {
      let (range, hasBreak) = builder.pageBreakStripped(index)
      let isBlank = Blank.trim(text.utf8, range).isEmpty
      // A region has one grid: a page, or a part of a page after two blank lines or before
      // a table title (each table of a PDF has its own column widths).
      if hasBreak || (!isBlank && blankRun >= 2) || (!isBlank && isTitle(text, range)) { flush() }
      blankRun = isBlank ? blankRun + 1 : 0
      region.append(index)
    }
    flush()
    return rows
  }

  /// A line that is a table title alone (`部门项目支出预算绩效目标表`).
  static func isTitle(_ text: SourceText, _ range: Range<Int>) -> Bool {
    let pieces = pieces(text.utf8, range)
    guard pieces.count == 1, let piece = pieces.first else { return false }
    let key = TextKey.make(String(decoding: text.utf8[piece.range], as: UTF8.self))
    return key.hasSuffix("表") && TitleVocabulary.kind(ofTitle: key) != nil
  }

  /// How the columns of a line are counted. A monospace renderer, or text aligned by hand,
  /// gives a CJK character two columns (East Asian Width); `pdftotext -layout` pads each
  /// piece to the column of its place on the page counted in characters, one each whatever
  /// its width, so that under a line of ideographs the same column lies further right in
  /// display width than under a line of Latin text.
  enum Metric {
    case display
    case characters

    /// Columns of a CJK character.
    var wide: Int { self == .display ? 2 : 1 }
  }

  /// The pieces of a line: text separated by two blanks or more, or a tab. Read through a
  /// buffer of the line, and its runs of spaces (most of a `pdftotext -layout` line) eight
  /// at a time.
  ///
  /// `cutBefore`: columns where a piece also ends at a single blank, the next piece starting
  /// there (`columnStarts`).
  static func pieces(_ bytes: [UInt8], _ range: Range<Int>, metric: Metric = .display, cutBefore: [Bool]? = nil) -> [Piece] {
    let wide = metric.wide
    return bytes[range].withUnsafeBufferPointer { line in
      let base = range.lowerBound
      var pieces: [Piece] = []
      var column = 0
      var index = 0
      var open: (byte: Int, column: Int, display: Int)?
      var lastEnd = (byte: base, column: 0, display: 0)
      // The display width so far: the column itself in display width.
      var display = 0
      var blanks = 0
      var sawTab = false
      while index < line.count {
        // Printable ASCII and the lead bytes of U+4000…U+9FFF (E4–E9) never start a blank:
        // the commonest bytes skip the look-up.
        let byte = line[index]
        if byte == 0x20 {
          // The commonest blank, as the branch below counts it: one byte, one column.
          column += 1
          display += 1
          blanks += 1
          index += 1
          while index + 8 <= line.count && ByteWord.load(line, at: index) == Self.eightSpaces {
            column += 8
            display += 8
            blanks += 8
            index += 8
          }
          continue
        }
        let cannotBeBlank = (byte > 0x20 && byte < 0x80) || (byte >= 0xE4 && byte <= 0xE9)
        if !cannotBeBlank, let length = Blank.blankLength(line, at: index, limit: line.count) {
          if byte == 0x09 {
            sawTab = true
            display += (column / 8 + 1) * 8 - column
            column = (column / 8 + 1) * 8
          } else {
            column += length == 3 && byte == 0xE3 ? wide : length == 3 ? 0 : 1
            display += length == 3 && byte == 0xE3 ? 2 : length == 3 ? 0 : 1
          }
          blanks += 1
          index += length
          continue
        }
        if let started = open,
          blanks >= 2 || sawTab || (blanks == 1 && cutBefore.map { column < $0.count && $0[column] } == true)
        {
          // Room for a line's usual pieces at once: grown from one, the array was
          // reallocated three or four times a line.
          if pieces.isEmpty { pieces.reserveCapacity(8) }
          pieces.append(
            Piece(range: started.byte..<lastEnd.byte, start: started.column, end: lastEnd.column, width: lastEnd.display - started.display))
          open = nil
        }
        if open == nil { open = (base + index, column, display) }
        blanks = 0
        sawTab = false
        let length = UTF8Scalars.length(leading: byte)
        let upper = min(index + length, line.count)
        if byte < 0x80 {
          column += 1
          display += 1
        } else if upper - index == 3 && isUnifiedIdeograph(byte, line[index + 1], line[index + 2]) {
          column += wide
          display += 2
        } else {
          let scalarWidth = UTF8Scalars.decode(bytes, (base + index)..<(base + upper)).map(ICU.displayWidth) ?? 1
          column += metric == .characters ? 1 : scalarWidth
          display += scalarWidth
        }
        index = upper
        // The rest of a run of ideographs and printable ASCII: nothing to decide in it.
        while index < line.count {
          let next = line[index]
          if next > 0x20 && next < 0x80 {
            column += 1
            display += 1
            index += 1
          } else if index + 2 < line.count && isUnifiedIdeograph(next, line[index + 1], line[index + 2]) {
            column += wide
            display += 2
            index += 3
          } else {
            break
          }
        }
        lastEnd = (base + index, column, display)
      }
      if let started = open {
        pieces.append(
          Piece(range: started.byte..<lastEnd.byte, start: started.column, end: lastEnd.column, width: lastEnd.display - started.display))
      }
      return pieces
    }
  }

  /// Eight spaces, as `ByteWord.load` reads them.
  static let eightSpaces: UInt64 = 0x2020_2020_2020_2020

  /// Whether three bytes encode a scalar of U+4E00…U+9FFF (two columns wide, see
  /// `ICU.displayWidth`), decoded here: most of a table's characters are, and decoding each
  /// through `UTF8` costs some 80 instructions.
  @inline(__always)
  static func isUnifiedIdeograph(_ lead: UInt8, _ second: UInt8, _ third: UInt8) -> Bool {
    // E4 B8 80 is U+4E00, E9 BF BF is U+9FFF; every continuation byte is 10xxxxxx.
    guard lead >= 0xE4 && lead <= 0xE9, second & 0xC0 == 0x80, third & 0xC0 == 0x80 else { return false }
    return lead > 0xE4 || second >= 0xB8
  }

  /// Column anchors: the starts of pieces on multi-piece lines that line up — shared by two
  /// lines or more; or found on one line only, when the piece is a column header or a label
  /// (a column empty in every row below), when it is left of every column (a label column
  /// above merged cells, or a label alone on its line), or when that line has its own grid
  /// (three pieces or more, most of them shared by no other line: a header above rows whose
  /// leading cells are merged) and no other line's text runs across it. Any other lone start
  /// on a line that fits the grid is a cell aligned right or centred, not a column. Starts one column apart count as one
  /// (the better supported).
  static func anchors(_ lines: [[Piece]], isLabel: (Piece) -> Bool) -> [Int] {
    let multi = lines.filter { $0.count >= 2 }
    var support: [Int: Int] = [:]
    for pieces in multi {
      for piece in pieces { support[piece.start, default: 0] += 1 }
    }
    var accepted = Set(support.filter { $0.value >= 2 }.keys)
    if let leftmost = support.keys.min(), leftmost < (accepted.min() ?? Int.max) - 1 { accepted.insert(leftmost) }
    for pieces in multi {
      let lone = pieces.filter { support[$0.start] == 1 }
      let ownGrid = pieces.count >= 3 && lone.count >= pieces.count - lone.count
      for piece in lone {
        if isLabel(piece) {
          accepted.insert(piece.start)
        } else if ownGrid || multi.count == 1 {
          let crossed = multi.contains { other in other.contains { $0.start < piece.start && piece.start < $0.end } }
          if !crossed { accepted.insert(piece.start) }
        }
      }
    }
    // A label alone on its line, left of every column: the label column of a page whose
    // other lines lost theirs (a page that starts inside a merged cell, the label printed
    // at the middle of the cell's lines).
    if let first = accepted.min() {
      for pieces in lines where pieces.count == 1 && pieces[0].start < first - 1 && isLabel(pieces[0]) {
        accepted.insert(pieces[0].start)
      }
    }
    var anchors: [(position: Int, support: Int)] = []
    for position in accepted.sorted() {
      let count = support[position] ?? 0
      if let last = anchors.last, position - last.position <= 1 {
        if count > last.support { anchors[anchors.count - 1] = (position, count) }
        continue
      }
      // Two or three columns right of an anchor, and never on a line with a piece there:
      // the same column, its cells indented (Sichuan's projects under their unit,
      // `  公共文化服务体系建设经费`). Columns that close (`≥  95`) share lines.
      if let last = anchors.last, position - last.position <= 3,
        !multi.contains(where: { pieces in pieces.contains { $0.start == last.position } && pieces.contains { $0.start == position } })
      {
        anchors[anchors.count - 1].support += count
        continue
      }
      anchors.append((position, count))
    }
    return anchors.map(\.position)
  }

  /// Space-aligned columns: lines of several pieces (and the indented lines that continue
  /// their cells) make up a third of the text or more,
  /// and their starts line up (seven in ten pieces start where another line has one too).
  /// Pasted prose and single-space page text have few lines with two-blank gaps.
  static func looksAligned(_ text: SourceText) -> Bool {
    looksAligned(text, metric: .display) || looksAligned(text, metric: .characters)
  }

  private static func looksAligned(_ text: SourceText, metric: Metric) -> Bool {
    var lines: [[Piece]] = []
    var nonBlank = 0
    // A line repeated word for word (a header after a page break, a row printed twice) lines
    // up with itself whatever the layout: it is counted once. Room for every line at once:
    // grown from empty, the set rehashed every line it held, bytes and all, at each doubling.
    var seen = Set<LineBytes>(minimumCapacity: text.lines.count)
    for line in text.lines {
      var start = line.start
      while start < line.end, text.utf8[start] == 0x0C { start += 1 }
      let pieces = pieces(text.utf8, start..<line.end, metric: metric)
      if pieces.isEmpty { continue }
      nonBlank += 1
      if pieces.count >= 2 && !seen.insert(LineBytes(bytes: text.utf8[start..<line.end])).inserted { continue }
      lines.append(pieces)
    }
    let multi = lines.filter { $0.count >= 2 }
    let support = Support(multi)
    // Wrapped cells continue on indented lines of one piece under a column of the others.
    let continued = lines.filter {
      $0.count == 1 && $0[0].start >= 2 && $0[0].start <= support.widest && support.lines[$0[0].start] > 0
    }.count
    guard multi.count >= 2, (multi.count + continued) * 10 >= nonBlank * 3 else { return false }
    guard !hasUniformGaps(multi) else { return false }
    let (aligned, total) = support.aligned(multi)
    return total >= 2 && aligned * 10 >= total * 7
  }

  /// Blanks of one width between nearly all pieces (four gaps in five or more) separate cells,
  /// as two blanks or an ideographic space do in text copied from a page: padding to a
  /// column leaves gaps as varied as the cells before them, so such text is no layout, even
  /// where cells of one width (level names) make some columns line up.
  private static func hasUniformGaps(_ multi: [[Piece]]) -> Bool {
    var counts: [Int: Int] = [:]
    var total = 0
    for pieces in multi {
      for index in pieces.indices.dropFirst() {
        counts[pieces[index].start - pieces[index - 1].end, default: 0] += 1
        total += 1
      }
    }
    guard total >= 6, let most = counts.values.max() else { return false }
    return most * 5 >= total * 4
  }

  /// The metric under which the pieces of a region's lines line up best (`Support.aligned`),
  /// and the pieces so counted. Display width where both do as well: text without wide
  /// characters is the same either way.
  static func linePieces(_ bytes: [UInt8], _ ranges: [Range<Int>]) -> (Metric, [[Piece]]) {
    let display = ranges.map { pieces(bytes, $0) }
    let characters = ranges.map { pieces(bytes, $0, metric: .characters) }
    func share(_ lines: [[Piece]]) -> (aligned: Int, total: Int) {
      let multi = lines.filter { $0.count >= 2 }
      return Support(multi).aligned(multi)
    }
    let (d, c) = (share(display), share(characters))
    // c.aligned / c.total > d.aligned / d.total, without dividing.
    return c.aligned * d.total > d.aligned * c.total ? (.characters, characters) : (.display, display)
  }

  /// How many multi-piece lines have a piece after their first at each column (an array by
  /// column: columns are at most twice a line's bytes; it is also the set of those columns).
  struct Support {
    var lines: [Int]
    var widest = 0

    init(_ multi: [[Piece]]) {
      for pieces in multi {
        for piece in pieces.dropFirst() where piece.start > widest { widest = piece.start }
      }
      lines = [Int](repeating: 0, count: widest + 2)
      for pieces in multi {
        for piece in pieces.dropFirst() { lines[piece.start] += 1 }
      }
    }

    /// The pieces after the first of multi-piece lines, and how many of them start where
    /// another line has one too, give or take a column.
    func aligned(_ multi: [[Piece]]) -> (aligned: Int, total: Int) {
      var aligned = 0
      var total = 0
      for pieces in multi {
        for piece in pieces.dropFirst() {
          total += 1
          let column = piece.start
          let shared = lines[column] + (column > 0 ? lines[column - 1] : 0) + lines[column + 1]
          if shared >= 2 { aligned += 1 }
        }
      }
      return (aligned, total)
    }
  }
}

/// A line's bytes as a set element: equal as the slices are, hashed in one call over the
/// bytes (a slice's own hashing feeds the hasher a byte at a time, some 15 instructions a
/// byte).
struct LineBytes: Hashable {
  let bytes: ArraySlice<UInt8>

  static func == (left: LineBytes, right: LineBytes) -> Bool { left.bytes == right.bytes }

  func hash(into hasher: inout Hasher) {
    bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
  }
}

/// Reads one region of aligned text (a page, or a table on it) into rows.
struct AlignedPageReader {
  let text: SourceText
  let builder: CellBuilder
  let lines: [Int]
  /// How far short of the next column a full column's widest cell may end.
  static let slack = 2
  /// The last column's cell is taken to have wrapped only when it is this wide (eight CJK
  /// characters): short values (`≥96%`, `至少98.5个`) do not wrap.
  static let wideLastCell = 16

  func read() -> [Row] {
    var builder = builder
    let bytes = text.utf8
    var pageBreak = false
    var ranges: [Range<Int>] = []
    for index in lines {
      let (range, hasBreak) = builder.pageBreakStripped(index)
      if hasBreak { pageBreak = true }
      ranges.append(range)
    }
    var (metric, linePieces) = AlignedTokenizer.linePieces(bytes, ranges)
    let anchors = AlignedTokenizer.anchors(linePieces) {
      Self.isLabel(bytes, $0.range)
    }
    if metric == .characters {
      let starts = Self.columnStarts(anchors)
      linePieces = ranges.map { AlignedTokenizer.pieces(bytes, $0, metric: metric, cutBefore: starts) }
    }
    let width = max(anchors.count, 1)
    // Each line's pieces in their columns, and which are labels, made once: the wrap widths
    // and the test of a line against the row above both read them.
    let placedLines = linePieces.map { pieces in
      place(pieces, anchors).map {
        Placed(column: $0.column, piece: $0.piece, isLabel: Self.isLabel(bytes, $0.piece.range))
      }
    }
    let wraps = WrapWidths(placedLines, anchors: anchors)
    var rows: [Row] = []
    // The open row, its columns' pieces on its last line (by column: a dictionary grew an
    // entry at a time on every line), and whether it has wrapped onto a second line.
    var current: (row: Int, last: [AlignedTokenizer.Piece?], wrapped: Bool)?
    // Text aligned in display width sets a project's cells on its first row (a renderer's,
    // a word processor's): there a project under a name that fills its column cannot be
    // told from the name's next line, and is not taken for it.
    var projectCells = ProjectCells(roles: metric == .characters ? Self.projectColumns(placedLines, bytes) : [:])
    // A level name wrapped in a cell taller than the rest of its row: `pdftotext -layout`
    // prints its first line above the row's line and its second below (`服务对象` │ row │
    // `满意度指标`). The first line reads as the row above's wrapped cell; it is kept with
    // the cells it extended, to move it down when the next line opens a row without them.
    var centredTop: (row: Int, line: Int, pieces: [Placed], before: [Cell])?
    // The columns of the open row whose name awaits its second line.
    var centredTails: [Int] = []
    for (position, index) in lines.enumerated() {
      let pieces = linePieces[position]
      let top = centredTop
      centredTop = nil
      if pieces.isEmpty {
        rows.append(Row(cells: [], lineIndex: index))
        current = nil
        projectCells.close()
        continue
      }
      var placed = placedLines[position]
      if let open = current, !centredTails.isEmpty {
        let tails = centredTails
        centredTails = []
        if placed.allSatisfy({ tails.contains($0.column) && completesLevelName(rows[open.row].cells[$0.column], $0.piece) }) {
          var last = open.last
          for (column, piece, _) in placed {
            builder.extend(&rows[open.row].cells[column], lineIndex: index, range: piece.range, separator: "\n")
            last[column] = piece
          }
          current = (open.row, last, true)
          continue
        }
      }
      if let open = current, metric == .characters,
        let labels = centredLabels(placed, in: rows[open.row], under: open.last, wrapped: open.wrapped, wraps)
      {
        for (column, piece, _) in placed[..<labels] {
          rows[open.row].cells[column] = builder.cell(lineIndex: index, range: piece.range, column: column)
        }
        // The cells beside the label go on below it: the open row's last line stays the one
        // they continue.
        guard labels < placed.count else { continue }
        placed.removeFirst(labels)
      }
      if projectCells.isOpen {
        placed = projectCells.takeContinuations(placed, line: index, wraps, bytes, rows: &rows, builder: &builder)
        if placed.isEmpty { continue }
      }
      if let open = current,
        continuesRow(placed, under: open.last, wraps) || continuesParagraph(placed, under: open.last)
      {
        // A wrapped cell's lines follow each other: a column the line leaves out has ended.
        // Extended in place: a copy of the row would share its cells' text, and every line
        // appended to a cell would copy all of it (quadratic in a cell of many lines).
        let width = rows[open.row].cells.count
        if metric == .characters, opensCentredLevelName(placed, in: rows[open.row]) {
          centredTop = (open.row, index, placed, placed.map { rows[open.row].cells[$0.column] })
        }
        var last = [AlignedTokenizer.Piece?](repeating: nil, count: width)
        for (column, piece, _) in placed where column < width {
          builder.extend(&rows[open.row].cells[column], lineIndex: index, range: piece.range, separator: "\n")
          last[column] = piece
        }
        current = (open.row, last, true)
        continue
      }
      let columns = max(width, (placed.last?.column ?? 0) + 1)
      var cells: [Cell] = []
      let offset = pieces[0].range.lowerBound
      let emptySpan = text.span(lineIndex: index, byteRange: offset..<offset)
      for column in 0..<columns {
        cells.append(Cell(text: "", span: emptySpan, column: column, start: offset))
      }
      var last = [AlignedTokenizer.Piece?](repeating: nil, count: columns)
      for (column, piece, isLabel) in placed {
        cells[column] = builder.cell(lineIndex: index, range: piece.range, column: column)
        last[column] = piece
        projectCells.open(column: column, piece: piece, isLabel: isLabel, row: rows.count, line: index)
      }
      // The centred name's first line, read into the row above on the line before, is this
      // row's when the row leaves its columns empty.
      if let top, top.pieces.allSatisfy({ $0.column < columns && cells[$0.column].isEmpty }) {
        for (place, before) in zip(top.pieces, top.before) {
          rows[top.row].cells[place.column] = before
          cells[place.column] = builder.cell(lineIndex: top.line, range: place.piece.range, column: place.column)
          last[place.column] = place.piece
        }
        centredTails = top.pieces.map(\.column)
      }
      var row = Row(cells: cells, lineIndex: index)
      row.followsPageBreak = pageBreak && rows.allSatisfy(\.isBlank)
      rows.append(row)
      current = (rows.count - 1, last, false)
    }
    return rows
  }

  /// The cells of a list's project columns (`projectColumns`), open while their lines go on:
  /// `pdftotext -layout` sets a merged cell's wrapped lines beside the rows of the project's
  /// indicators and between them (the lines of a merged cell need not meet the rows' lines).
  struct ProjectCells {
    let roles: [Int: ColumnRole]
    /// The open cell of each project column: its row, its last line's piece, and that line.
    private var cells: [Int: (row: Int, last: AlignedTokenizer.Piece, line: Int)] = [:]

    init(roles: [Int: ColumnRole]) { self.roles = roles }

    var isOpen: Bool { !cells.isEmpty }

    mutating func close() { cells = [:] }

    /// A new row's cell: a project cell opens where the column is a project's (a header's
    /// cells, labels, are no project's).
    mutating func open(column: Int, piece: AlignedTokenizer.Piece, isLabel: Bool, row: Int, line: Int) {
      guard roles[column] != nil else { return }
      cells[column] = isLabel ? nil : (row, piece, line)
    }

    /// Appends to the open project cells the pieces of line `line` that continue them, and
    /// returns the others. A piece continues its column's cell under the cell's last line (a
    /// few lines on at most). A code or a name starts a project unless it wrapped (the first
    /// word would not have fitted above), and so does a line with cells in three project
    /// columns, or in each of fewer (cells of equal width all fill their column, so the
    /// test cannot tell them); such a line continues nothing.
    mutating func takeContinuations(
      _ placed: [AlignedPageReader.Placed], line: Int, _ wraps: AlignedPageReader.WrapWidths, _ bytes: [UInt8],
      rows: inout [Row], builder: inout CellBuilder
    ) -> [AlignedPageReader.Placed] {
      let continuing = placed.map { column, piece, isLabel in
        guard let role = roles[column], !isLabel, let open = cells[column], line - open.line <= 3,
          abs(piece.start - open.last.start) <= 1
        else { return false }
        guard Self.identifies(role) else { return true }
        guard let width = wraps.end[column] else { return false }
        return open.last.fillEnd + AlignedPageReader.firstWordWidth(String(decoding: bytes[piece.range], as: UTF8.self)) > width
      }
      let startsProject =
        zip(placed, continuing).contains { placed, continues in !continues && roles[placed.column].map(Self.identifies) == true }
        || placed.filter { roles[$0.column] != nil }.count >= min(3, max(roles.count, 2))
      guard !startsProject && continuing.contains(true) else { return placed }
      for (position, (column, piece, _)) in placed.enumerated() where continuing[position] {
        guard let open = cells[column] else { continue }
        builder.extend(&rows[open.row].cells[column], lineIndex: line, range: piece.range, separator: "\n")
        cells[column] = (open.row, piece, line)
      }
      return zip(placed, continuing).filter { !$0.1 }.map(\.0)
    }

    private static func identifies(_ role: ColumnRole) -> Bool { role == .unitCode || role == .projectCode || role == .projectName }
  }

  /// The columns of a list's project (单位(项目)名称, 资金总额, 绩效目标 …) and their roles,
  /// under a header that also names indicator columns: their cells are merged over the
  /// project's indicator rows, so their wrapped lines sit beside rows of their own.
  static func projectColumns(_ lines: [[Placed]], _ bytes: [UInt8]) -> [Int: ColumnRole] {
    for line in lines where line.count >= 3 {
      var project: [Int: ColumnRole] = [:]
      var namesIndicators = false
      for (column, piece, _) in line {
        guard let role = ColumnVocabulary.role(TextKey.make(String(decoding: bytes[piece.range], as: UTF8.self))) else { continue }
        if role.isProjectColumn { project[column] = role }
        switch role {
        case .level1, .level2, .name, .target: namesIndicators = true
        default: break
        }
      }
      if namesIndicators && !project.isEmpty { return project }
    }
    return [:]
  }

  /// The anchors as flags by column. `pdftotext -layout` moves a piece right to leave one
  /// blank after the piece before it when the two would touch, which happens in narrow
  /// columns: a single blank right before a column's start separates two cells there.
  static func columnStarts(_ anchors: [Int]) -> [Bool] {
    var starts = [Bool](repeating: false, count: (anchors.last ?? 0) + 1)
    for anchor in anchors { starts[anchor] = true }
    return starts
  }

  private func column(of piece: AlignedTokenizer.Piece, _ anchors: [Int]) -> Int {
    anchors.lastIndex { $0 <= piece.start + 1 } ?? 0
  }

  /// A piece in its column, and whether it is a label (`isLabel`).
  typealias Placed = (column: Int, piece: AlignedTokenizer.Piece, isLabel: Bool)

  /// Each piece with its column; two pieces never share one (the later moves right).
  private func place(
    _ pieces: [AlignedTokenizer.Piece],
    _ anchors: [Int]
  ) -> [(column: Int, piece: AlignedTokenizer.Piece)] {
    var placed: [(column: Int, piece: AlignedTokenizer.Piece)] = []
    for piece in pieces {
      var column = column(of: piece, anchors)
      if let previous = placed.last, column <= previous.column { column = previous.column + 1 }
      placed.append((column, piece))
    }
    return placed
  }

  /// `pdftotext -layout` prints the text of a merged cell at the middle of the rows it spans,
  /// so a label spanning rows stands alone on a line between two of them (`项目资金（万元）`,
  /// `产出指标`), or beside the middle line of the cell it names (`年度总体目标` left of the
  /// goal's third line). The number of leading pieces of the line that are such labels: labels
  /// the vocabulary knows, each in a column where the open row has no cell, left of the rest
  /// of the line, which is nothing or continues the open row's wrapped cells. Beside text, the
  /// row must have wrapped already: a label beside a cell's middle line has lines above it,
  /// and a label at the top of its rows (most tables) starts a row whose name may well sit
  /// under a long name of the row above. Nil when there are none.
  private func centredLabels(
    _ placed: [Placed], in row: Row, under last: [AlignedTokenizer.Piece?], wrapped: Bool, _ wraps: WrapWidths
  ) -> Int? {
    var count = 0
    while count < placed.count, placed[count].isLabel, placed[count].column < row.cells.count,
      row.cells[placed[count].column].isEmpty
    {
      count += 1
    }
    guard count > 0 else { return nil }
    let rest = Array(placed[count...])
    // Beside a label, only wrapped lines: a new paragraph under a cell there is a new row's
    // cell (`成本指标 │ 成本控制率…` under the last name of 质量指标).
    guard rest.isEmpty || (wrapped && continuesRow(rest, under: last, wraps)) else { return nil }
    return count
  }

  /// Whether a line that continues the open row's cells may instead be the first line of
  /// level names centred on the next row: each piece sits under a cell that is a whole level
  /// name on one line (`社会效益指标`) and begins a longer one (`服务对象` of `服务对象满意度指标`).
  private func opensCentredLevelName(_ placed: [Placed], in row: Row) -> Bool {
    !placed.isEmpty
      && placed.allSatisfy { place in
        guard !place.isLabel, place.column < row.cells.count else { return false }
        let above = row.cells[place.column].text
        guard !above.contains("\n"), LevelVocabulary.isLevelName(TextKey.make(above)) else { return false }
        return LevelVocabulary.beginsLevelName(TextKey.make(pieceText(place.piece)))
      }
  }

  /// Whether a piece below a cell ends the level name the cell begins (`满意度指标` under
  /// `服务对象`).
  private func completesLevelName(_ cell: Cell, _ piece: AlignedTokenizer.Piece) -> Bool {
    LevelVocabulary.isLevelName(TextKey.make(cell.text + pieceText(piece)))
  }

  private func pieceText(_ piece: AlignedTokenizer.Piece) -> String {
    String(decoding: text.utf8[piece.range], as: UTF8.self)
  }

  /// A piece that runs on past the start of the open row's next cell to its right is no line
  /// of the cell above it (a goal under a funds row `其中：财政拨款 │ 50` runs across the 50).
  private func crossesNextCell(_ piece: AlignedTokenizer.Piece, column: Int, under last: [AlignedTokenizer.Piece?]) -> Bool {
    guard column + 1 < last.count else { return false }
    for next in last[(column + 1)...] {
      if let next { return piece.end > next.start }
    }
    return false
  }

  /// Does every piece of a line continue a wrapped cell of the open row? Each must start at
  /// its column's left edge, right under a piece of the open row after which the line's
  /// first word would not have fitted within the column's wrap width (a converter wraps when
  /// the next word does not fit, never earlier), and name nothing the vocabulary knows. In
  /// a column that wraps, a piece may also start a new paragraph of its cell when another
  /// piece of the line wraps.
  private func continuesRow(
    _ placed: [Placed],
    under last: [AlignedTokenizer.Piece?],
    _ wraps: WrapWidths
  ) -> Bool {
    var wrapping = 0
    var paragraphs = 0
    var pending: [(piece: AlignedTokenizer.Piece, above: AlignedTokenizer.Piece, widest: Int)] = []
    for (column, piece, isLabel) in placed {
      guard column < last.count, let above = last[column], abs(piece.start - above.start) <= 1 else { return false }
      if isLabel { return false }
      guard let width = wraps.end[column], let start = wraps.start[column], abs(piece.start - start) <= 1 else {
        // The last column's widest cell, under a line whose other cells wrap.
        guard column == wraps.lastColumn, column == placed.last?.column, let widest = wraps.widest[column] else {
          return false
        }
        pending.append((piece, above, widest))
        continue
      }
      let text = String(decoding: self.text.utf8[piece.range], as: UTF8.self)
      if above.fillEnd + Self.firstWordWidth(text) > width {
        wrapping += 1
      } else {
        // A new paragraph of a wide cell, beside a cell that wraps on the same line.
        paragraphs += 1
      }
    }
    guard wrapping > 0 || paragraphs == 0 else { return false }
    guard let last = pending.first else { return true }
    // Within one more column of the widest: a character of ambiguous width (`≥`) earlier on
    // the line moves the piece by one.
    return wrapping > 0 && last.above.fillEnd >= last.widest - 2 && last.above.width >= Self.wideLastCell
  }

  /// A line of one piece, right under the same column's piece of the open row (not the
  /// first column), that names nothing the vocabulary knows: the next paragraph of a cell
  /// (a goal in several paragraphs). A row whose only cell sits in the column of the cell
  /// above cannot be told from it in this layout; a paragraph is far more common. Right
  /// under within a column, as `continuesRow` has it: a character of ambiguous width (`≥`,
  /// `①`, `“`) earlier on one of the lines moves the piece by one.
  private func continuesParagraph(
    _ placed: [Placed],
    under last: [AlignedTokenizer.Piece?]
  ) -> Bool {
    guard placed.count == 1, let (column, piece, isLabel) = placed.first, column > 0, column < last.count,
      let above = last[column], abs(above.start - piece.start) <= 1
    else { return false }
    return !isLabel && !crossesNextCell(piece, column: column, under: last)
  }

  /// Display width of the text's first word: a run of Latin letters, digits and their
  /// punctuation (with the space before it), or one CJK character.
  static func firstWordWidth(_ text: String) -> Int {
    var width = 0
    var isLatin = false
    for scalar in text.unicodeScalars {
      let isWordScalar = scalar.isASCII && scalar != " "
      if width == 0 { isLatin = isWordScalar }
      if width > 0 && (!isWordScalar || !isLatin) { break }
      width += ICU.displayWidth(scalar)
      if !isWordScalar { break }
    }
    // A Latin word would have needed a space before it.
    return isLatin ? width + 1 : width
  }

  /// The columns of a region that wrap, and at what width: a column wraps at its widest end
  /// when that end nearly touches the next column (its cells fill it; a column whose widest
  /// cell leaves room did not need to wrap). Labels and headers do not count, and a column
  /// narrower than five CJK characters is taken not to wrap. Cells of equal width are
  /// common, so their number says nothing. The last column, with no next column to show its
  /// width, wraps where it is widest only on a line whose other cells wrap too.
  struct WrapWidths {
    static let narrowest = 10
    var start: [Int: Int] = [:]
    var end: [Int: Int] = [:]
    /// The widest end of every column, wrapping or not, and the last column's index.
    var widest: [Int: Int] = [:]
    var lastColumn: Int

    init(_ lines: [[Placed]], anchors: [Int]) {
      lastColumn = anchors.count - 1
      var ends: [Int: [Int]] = [:]
      for line in lines {
        for (column, piece, isLabel) in line
        where !isLabel && column < anchors.count && abs(piece.start - anchors[column]) <= 1 {
          ends[column, default: []].append(piece.fillEnd)
        }
      }
      for (column, columnEnds) in ends {
        guard let widest = columnEnds.max() else { continue }
        self.widest[column] = widest
        guard widest - anchors[column] >= Self.narrowest else { continue }
        let touchesNext = column + 1 < anchors.count && widest >= anchors[column + 1] - 2 - AlignedPageReader.slack
        guard touchesNext else { continue }
        start[column] = anchors[column]
        end[column] = widest
      }
    }
  }

  /// Text that starts a row wherever it sits: level names in their standard spelling
  /// (数量指标, not the bare 数量 a wrapped name may end with), block labels, and column
  /// headers and form labels of four characters or more.
  /// `isLabel` of the piece of `bytes` in `range`.
  static func isLabel(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    bytes.withUnsafeBufferPointer { isLabel(UnsafeBufferPointer(rebasing: $0[range])) }
  }

  /// `isLabel` of a piece's bytes. A plain piece (`TextKey.isPlain`, most of them) is its own
  /// key and is looked up by its bytes, with no string made of it.
  static func isLabel(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    guard TextKey.isPlain(bytes: bytes) else { return isLabel(String(decoding: bytes, as: UTF8.self)) }
    if Level1.named(plainBytes: bytes) != nil || Level2.named(plainBytes: bytes) != nil { return true }
    if LevelVocabulary.blockLabels[bytes] != nil && !isMingcheng(bytes) { return true }
    // Each scalar of a plain text is a character of its own.
    var characters = 0
    for byte in bytes where byte & 0xC0 != 0x80 { characters += 1 }
    guard characters >= 4 else { return false }
    return ColumnVocabulary.role(plainKey: bytes) != nil || FormVocabulary.role(plainKey: bytes) != nil
  }

  /// Whether the bytes are `名称` (E5 90 8D E7 A7 B0).
  private static func isMingcheng(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    bytes.count == 6 && bytes[0] == 0xE5 && bytes[1] == 0x90 && bytes[2] == 0x8D && bytes[3] == 0xE7 && bytes[4] == 0xA7
      && bytes[5] == 0xB0
  }

  static func isLabel(_ text: String) -> Bool {
    let key = TextKey.make(text)
    if Level1.named(key) != nil || Level2.named(key) != nil { return true }
    if LevelVocabulary.blockLabel(key) != nil && key != "名称" { return true }
    guard key.characterCount >= 4 else { return false }
    return ColumnVocabulary.role(key) != nil || FormVocabulary.role(key) != nil
  }
}
