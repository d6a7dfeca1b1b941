/// A cell as the tokenizer found it: its text as written (outer blanks trimmed) and where.
///
/// A large document has hundreds of thousands of cells, about half of them empty, so the
/// struct is kept small (48 bytes): the key is stored apart only when it differs from the
/// text (one cell in ten), and positions and flags are stored in 32 bits.
public struct Cell: Sendable, Hashable {
  /// The text as written, outer blanks trimmed; lines of a wrapped cell joined with "\n".
  public var text: String {
    get { content.text }
    set {
      content = Content(newValue, simplify: isTraditional)
      bits.keyIsStale = false
    }
  }
  /// The text, and the key where it differs: one reference either way, so that a copy of a
  /// cell is one retain and its destruction one release (a string and an optional box were
  /// two of each, for every cell copied out of a row or dropped with it).
  private var content: Content
  /// The form used to match the vocabulary (see `TextKey`), made once per text.
  /// Inlined, the stale case apart: called, the getter had each caller copy the whole cell
  /// out of its array (text, box, span: retains and releases) to read one string of it.
  public var key: String {
    @inline(__always) get {
      if bits.keyIsStale { return staleKey() }
      return content.key
    }
  }
  @inline(never) private func staleKey() -> String { TextKey.make(content.text, simplify: isTraditional) }
  /// `key.utf8.count`, read where the key lies: through `key`, the key was retained and
  /// released for a look at its length.
  var keyUTF8Count: Int {
    @inline(__always) get {
      if bits.keyIsStale { return staleKey().utf8.count }
      switch content {
      case .ownKey(let text): return text.utf8.count
      case .keyed(let keyed): return keyed.key.utf8.count
      }
    }
  }
  /// The document is in traditional script: keys are made simplified.
  public var isTraditional: Bool {
    get { bits.isTraditional }
    set {
      guard newValue != bits.isTraditional else { return }
      bits.isTraditional = newValue
      content = Content(content.text, simplify: newValue)
      bits.keyIsStale = false
    }
  }
  public var span: SourceSpan {
    get { packedSpan.span }
    set { packedSpan = PackedSpan(newValue) }
  }
  private var packedSpan: PackedSpan
  /// Position in its row (0-based), counting empty cells.
  public var column: Int {
    get { bits.column }
    set { bits.column = newValue }
  }
  /// Offset of the text's first byte in the decoded text (`SourceText.utf8`), for spans of
  /// parts of the cell.
  public var start: Int {
    get { Int(storedStart) }
    set { storedStart = Int32(clamping: newValue) }
  }
  // Decoded offsets are below `SourceDecoder.maximumSize` (2^30) plus what decoding adds.
  private var storedStart: Int32
  private var bits: Bits

  public var isEmpty: Bool { content.isEmpty }

  public init(text: String, span: SourceSpan, column: Int, start: Int, isTraditional: Bool = false) {
    self.init(text: text, span: span, column: column, start: start, isTraditional: isTraditional, isPlain: nil)
  }

  /// `isPlain`: `TextKey.isPlain(text)`, when the caller knows it from a pass over the bytes
  /// it made the text of.
  init(text: String, span: SourceSpan, column: Int, start: Int, isTraditional: Bool, isPlain: Bool?) {
    self.content = isPlain == true && !isTraditional ? .ownKey(text) : Content(text, simplify: isTraditional, isPlain: isPlain)
    self.packedSpan = PackedSpan(span)
    self.storedStart = Int32(clamping: start)
    self.bits = Bits(column: column, isTraditional: isTraditional)
  }

  /// A cell in simplified script whose key the caller made from the text's bytes: `key` nil
  /// when the text is its own key.
  init(text: String, differentKey key: String?, span: SourceSpan, column: Int, start: Int) {
    self.content = key.map { .keyed(KeyedText(text: text, key: $0)) } ?? .ownKey(text)
    self.packedSpan = PackedSpan(span)
    self.storedStart = Int32(clamping: start)
    self.bits = Bits(column: column, isTraditional: false)
  }

  /// Appends a wrapped line of the cell.
  mutating func appendLine(_ line: String, separator: String) {
    var text = content.text
    // Let go of the stored text first, so that it is appended to in place.
    content = .ownKey("")
    text += separator + line
    // The key is made when the cell is settled; until then `key` makes it from the text.
    content = .ownKey(text)
    bits.keyIsStale = true
  }

  /// Makes the key of a cell whose lines were appended.
  mutating func settleKey() {
    guard bits.keyIsStale else { return }
    content = Content(content.text, simplify: isTraditional)
    bits.keyIsStale = false
  }

  var hasStaleKey: Bool { bits.keyIsStale }

  /// `body` with the text's UTF-8 bytes, the text lent where `text` would return a copy.
  func withTextBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    switch content {
    case .ownKey(let text): text.withUTF8Bytes(body)
    case .keyed(let keyed): keyed.text.withUTF8Bytes(body)
    }
  }

  /// `body` with the key's UTF-8 bytes, the key lent where `key` would return a copy (a
  /// retain and a release, two of each for a key kept apart from its text), for call sites
  /// that only look at it.
  @inline(__always)
  func withKeyBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
    if bits.keyIsStale { return staleKey().withUTF8Bytes(body) }
    switch content {
    case .ownKey(let text): return text.withUTF8Bytes(body)
    case .keyed(let keyed): return keyed.key.withUTF8Bytes(body)
    }
  }

  // The key follows from the text and the script: equality and hashing leave it out, so a
  // cell is the same before and after its key is settled.
  public static func == (lhs: Cell, rhs: Cell) -> Bool {
    lhs.text == rhs.text && lhs.isTraditional == rhs.isTraditional && lhs.span == rhs.span
      && lhs.column == rhs.column && lhs.start == rhs.start
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(text)
    hasher.combine(isTraditional)
    hasher.combine(span)
    hasher.combine(column)
    hasher.combine(start)
  }

  /// A text that is its own key, or a text and its key.
  private enum Content: Sendable {
    case ownKey(String)
    /// A key that differs from its text (full-width punctuation, blanks, a trailing colon …).
    case keyed(KeyedText)

    /// `text` with its key made (`simplify`: in simplified script).
    init(_ text: String, simplify: Bool, isPlain: Bool? = nil) {
      if let key = TextKey.keyIfDifferent(text, simplify: simplify, isPlain: isPlain) {
        self = .keyed(KeyedText(text: text, key: key))
      } else {
        self = .ownKey(text)
      }
    }

    var text: String {
      @inline(__always) get {
        switch self {
        case .ownKey(let text): text
        case .keyed(let keyed): keyed.text
        }
      }
    }

    var key: String {
      @inline(__always) get {
        switch self {
        case .ownKey(let text): text
        case .keyed(let keyed): keyed.key
        }
      }
    }

    /// A keyed text is never empty: an empty text is its own key.
    var isEmpty: Bool {
      @inline(__always) get {
        if case .ownKey(let text) = self { return text.isEmpty }
        return false
      }
    }
  }

  private final class KeyedText: Sendable {
    let text: String
    let key: String

    init(text: String, key: String) {
      self.text = text
      self.key = key
    }
  }

  /// The span's four 32-bit fields in two words. Swift copies, moves and destroys a struct of
  /// up to seven scalar fields inline, and one of more through outlined calls: a span of
  /// four fields made the cell nine, and every cell made paid a copy and a destroy of it
  /// (`CellBuilder.cell`), as did every move of a cell.
  private struct PackedSpan: Sendable {
    private var lineAndColumn: UInt64
    private var offsetAndLength: UInt64

    init(_ span: SourceSpan) {
      lineAndColumn = Self.pack(span.line, span.column)
      offsetAndLength = Self.pack(span.offset, span.length)
    }

    var span: SourceSpan {
      SourceSpan(
        line: Self.low(lineAndColumn), column: Self.high(lineAndColumn), offset: Self.low(offsetAndLength),
        length: Self.high(offsetAndLength))
    }

    // The span's fields are Int32 (clamped when set), so they come back as they went in.
    @inline(__always) private static func pack(_ low: Int, _ high: Int) -> UInt64 {
      UInt64(UInt32(truncatingIfNeeded: low)) | UInt64(UInt32(truncatingIfNeeded: high)) << 32
    }
    @inline(__always) private static func low(_ word: UInt64) -> Int { Int(Int32(truncatingIfNeeded: word)) }
    @inline(__always) private static func high(_ word: UInt64) -> Int { Int(Int32(truncatingIfNeeded: word >> 32)) }
  }

  /// The column and two flags in one word. A row has fewer cells than its document has
  /// bytes (at most 2^30), so the column fits in the low 30 bits.
  private struct Bits: Sendable {
    private var word: UInt32
    private static let traditional: UInt32 = 1 << 31
    /// Lines were appended since the key was made (`appendLine`): making it at every line
    /// made a cell wrapped over thousands of lines quadratic. The tokenizer settles it.
    private static let stale: UInt32 = 1 << 30
    private static let columnMask: UInt32 = (1 << 30) - 1

    init(column: Int, isTraditional: Bool) {
      word = UInt32(Swift.min(Swift.max(column, 0), Int(Self.columnMask)))
      if isTraditional { word |= Self.traditional }
    }

    var column: Int {
      get { Int(word & Self.columnMask) }
      set { word = (word & ~Self.columnMask) | UInt32(Swift.min(Swift.max(newValue, 0), Int(Self.columnMask))) }
    }
    var isTraditional: Bool {
      get { word & Self.traditional != 0 }
      set { word = newValue ? word | Self.traditional : word & ~Self.traditional }
    }
    var keyIsStale: Bool {
      get { word & Self.stale != 0 }
      set { word = newValue ? word | Self.stale : word & ~Self.stale }
    }
  }
}

/// A row of cells, or a blank line.
public struct Row: Sendable, Hashable {
  public var cells: [Cell] {
    didSet { kind = nil }
  }
  /// 0-based index of the row's first line.
  public var lineIndex: Int
  /// The row was marked as starting a new row explicitly (a `\t`-led line after a space in
  /// the one-cell-per-line dialect) rather than by a blank line.
  public var isExplicitStart: Bool {
    get { flags.contains(.explicitStart) }
    set { flags.set(.explicitStart, newValue) }
  }
  /// A form feed before the row: a page break from a PDF converter.
  public var followsPageBreak: Bool {
    get { flags.contains(.pageBreak) }
    set { flags.set(.pageBreak, newValue) }
  }
  /// A markdown or grid separator (`---|---`, `+----+`).
  public var isSeparator: Bool {
    get { flags.contains(.separator) }
    set {
      flags.set(.separator, newValue)
      kind = nil
    }
  }
  /// The first row after the end of a table that the markup marks (`</table>`, the last
  /// rule of a grid table): text after it is not part of the table.
  public var startsAfterTable: Bool {
    get { flags.contains(.afterTable) }
    set { flags.set(.afterTable, newValue) }
  }
  /// The four flags above in a byte: as four Bools they made a row a struct of more scalar
  /// fields than Swift copies inline (see `Cell.PackedSpan`), so every row passed along the
  /// pipeline was copied and destroyed through outlined calls.
  private var flags = Flags()
  /// What the segmenter classified the row as, kept so that the readers after it do not
  /// classify it again (a tenth of the reading stage); cleared when what it depends on changes.
  var kind: RowKind?

  public var isBlank: Bool { cells.allSatisfy(\.isEmpty) }
  public var nonEmpty: [Cell] {
    // Most rows have no empty cell: share their array instead of copying it.
    guard cells.contains(where: \.isEmpty) else { return cells }
    var kept: [Cell] = []
    kept.reserveCapacity(cells.count)
    for cell in cells where !cell.isEmpty { kept.append(cell) }
    return kept
  }

  // The classification is derived from the rest: rows are equal whether or not it is known.
  public static func == (left: Row, right: Row) -> Bool {
    left.cells == right.cells && left.lineIndex == right.lineIndex && left.isExplicitStart == right.isExplicitStart
      && left.followsPageBreak == right.followsPageBreak && left.isSeparator == right.isSeparator
      && left.startsAfterTable == right.startsAfterTable
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(cells)
    hasher.combine(lineIndex)
    hasher.combine(isExplicitStart)
    hasher.combine(followsPageBreak)
    hasher.combine(isSeparator)
    hasher.combine(startsAfterTable)
  }

  private struct Flags: OptionSet, Sendable {
    let rawValue: UInt8
    static let explicitStart = Flags(rawValue: 1)
    static let pageBreak = Flags(rawValue: 2)
    static let separator = Flags(rawValue: 4)
    static let afterTable = Flags(rawValue: 8)

    @inline(__always) mutating func set(_ flag: Flags, _ value: Bool) {
      if value { insert(flag) } else { remove(flag) }
    }
  }

  public init(cells: [Cell], lineIndex: Int) {
    self.cells = cells
    // Rows are made by the tokenizers from arrays grown by appends; a large document keeps
    // all of them until its tables are read.
    self.cells.shrinkToFit()
    self.lineIndex = lineIndex
  }
}

/// The layout dialects the tokenizer recognises.
public enum Dialect: String, Sendable, CaseIterable {
  /// One row per line, cells separated by tabs.
  case tabbed
  /// One row per line, cells separated by tabs, empty cells dropped: a browser's copy of a
  /// table, in which a row under a merged cell starts with its next cell.
  case tabbedCollapsed
  /// One cell per line, each led by a tab; a blank line ends a row (docx exports).
  case cellPerLine
  /// Markdown or converter pipe rows (`| a | b |`, `a | b ||||`).
  case pipe
  /// One cell per line ending with ` |`; a line of pipes ends a row.
  case cellPerLinePipe
  /// Plain lines; cells separated by runs of two or more blanks.
  case plain
  /// HTML: `<table>` rows and cells, spans expanded; text outside tables as one-cell rows.
  case html
  /// Comma-separated values as Excel and WPS export them (RFC 4180 quoting).
  case csv
  /// Space-aligned columns as `pdftotext -layout` writes them.
  case aligned
  /// Markdown grid tables: `+----+----+` rules around `|` rows, cells over several lines.
  case gridTable
  /// LaTeX tabulars (`a & b \\`, `\hline`, `\multicolumn`), as PDF-to-LaTeX converters write
  /// tables; cells' markup read as text (`$\geq$96\%` is `≥96%`).
  case latex
  /// Markdown pipe tables as a generator writes them: a `---` row under the header and every
  /// row as wide as its table, so that empty cells keep their places (converter pipe rows,
  /// which drop and collapse them, are `pipe`).
  case markdown
  /// Text copied from a rendered page: one row per line, cells separated by single blanks.
  case spaced
  /// One cell per line, a blank line after each, and nothing that marks rows: the rows are
  /// rebuilt from what the cells are (labels, headers, level names).
  case cellStream
  /// Cells run together with no separator: cut at the vocabulary words they contain.
  case runTogether
  /// One row per line, its cells run together with no separator (a page rendered with its
  /// cell borders and blanks dropped): cut as `runTogether` cuts, the lines kept as rows.
  case runTogetherRows
}

extension Dialect {
  /// Whether the rows must be rebuilt from what the cells are.
  public var isCellStream: Bool { self == .cellStream || self == .runTogether }

  /// Whether the cells were cut at the words they contain (JX117), not at separators.
  public var cutsAtWords: Bool { self == .runTogether || self == .runTogetherRows }

  /// Whether one cell's text may have been cut in pieces: at its blanks (`spaced`, where a
  /// blank inside a cell looks like the blank between cells) or at its words.
  public var cutsInsideCells: Bool { self == .spaced || cutsAtWords }

  /// Whether every empty cell keeps its place, so a cell's column index is its column.
  public var keepsEmptyCells: Bool {
    switch self {
    case .tabbed, .cellPerLine, .html, .csv, .aligned, .gridTable, .markdown, .latex: true
    default: false
    }
  }
}

/// The tokenizer's output: rows in document order.
public struct Grid: Sendable {
  public var dialect: Dialect
  public var rows: [Row]
}
