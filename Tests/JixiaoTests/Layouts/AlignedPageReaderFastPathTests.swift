import Testing

@testable import Jixiao

/// `AlignedPageReader` places each line's pieces and tells its labels once (the wrap widths
/// and the test of a line against the open row read them), and keeps the open row's pieces
/// by column in an array, not a dictionary. It must make the rows the reader it replaced
/// (copied below) made, over every corpus document read as space-aligned text, in both
/// scripts.
@Suite struct AlignedPageReaderFastPathTests {
  /// `AlignedTokenizer.rows` with the old page reader.
  static func referenceRows(_ text: SourceText, _ builder: inout CellBuilder) -> [Row] {
    var rows: [Row] = []
    var region: [Int] = []
    var blankRun = 0
    func flush() {
      if !region.isEmpty { rows += ReferenceAlignedPageReader(text: text, builder: builder, lines: region).read() }
      region = []
    }
    for index in text.lines.indices {
      let (range, hasBreak) = builder.pageBreakStripped(index)
      let isBlank = Blank.trim(text.utf8, range).isEmpty
      if hasBreak || (!isBlank && blankRun >= 2) || (!isBlank && AlignedTokenizer.isTitle(text, range)) { flush() }
      blankRun = isBlank ? blankRun + 1 : 0
      region.append(index)
    }
    flush()
    return rows
  }

  static func expectSameRows(_ text: SourceText, _ what: String) {
    for isTraditional in [false, true] {
      var builder = CellBuilder(text: text)
      builder.isTraditional = isTraditional
      var referenceBuilder = builder
      let rows = AlignedTokenizer.rows(text, &builder)
      let expected = referenceRows(text, &referenceBuilder)
      #expect(rows == expected, "\(what) \(isTraditional)")
      #expect(rows.map(\.followsPageBreak) == expected.map(\.followsPageBreak), "\(what) \(isTraditional)")
      let texts = rows.flatMap { $0.cells.map { Array($0.text.utf8) } }
      #expect(texts == expected.flatMap { $0.cells.map { Array($0.text.utf8) } }, "\(what) \(isTraditional)")
    }
  }

  @Test(arguments: CorpusTests.documents)
  func corpusDocuments(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    let (text, _) = try SourceDecoder.decode(bytes, path: relativePath)
    Self.expectSameRows(text, relativePath)
  }

  @Test func wrappedCells() throws {
    let texts = [
      "一级指标    二级指标    三级指标          指标值\n产出指标    数量指标    完成培训人次的数  ≥100人次\n                        量与质量\n            质量指标    合格率            ≥95%\n",
      "项目名称        某某项目\n绩效目标        完成全年各项工作任务，确保项目按\n                期实施\n\n\n部门项目支出预算绩效目标表\n指标  值\n",
      "a  b  c\n   d  e\n      f\n\u{0C}a  b\n   c\n",
    ]
    for text in texts {
      let (source, _) = try SourceDecoder.decode(Array(text.utf8), path: "t.txt")
      Self.expectSameRows(source, text)
    }
  }
}

/// The page reader before this change.
struct ReferenceAlignedPageReader {
  let text: SourceText
  let builder: CellBuilder
  let lines: [Int]
  /// How far short of the next column a full column's widest cell may end.
  static let slack = AlignedPageReader.slack
  /// The last column's cell is taken to have wrapped only when it is this wide (eight CJK
  /// characters): short values (`≥96%`, `至少98.5个`) do not wrap.
  static let wideLastCell = AlignedPageReader.wideLastCell

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
      AlignedPageReader.isLabel(String(decoding: bytes[$0.range], as: UTF8.self))
    }
    if metric == .characters {
      linePieces = ranges.map {
        AlignedTokenizer.pieces(bytes, $0, metric: metric, cutBefore: AlignedPageReader.columnStarts(anchors))
      }
    }
    let width = max(anchors.count, 1)
    let wraps = WrapWidths(
      linePieces.map { pieces in
        place(pieces, anchors).map {
          ($0.column, $0.piece, AlignedPageReader.isLabel(String(decoding: bytes[$0.piece.range], as: UTF8.self)))
        }
      },
      anchors: anchors
    )
    var rows: [Row] = []
    // The open row, its columns' pieces on its last line, and whether it has wrapped.
    var current: (row: Int, last: [Int: AlignedTokenizer.Piece], wrapped: Bool)?
    for (position, index) in lines.enumerated() {
      let pieces = linePieces[position]
      if pieces.isEmpty {
        rows.append(Row(cells: [], lineIndex: index))
        current = nil
        continue
      }
      var placed = place(pieces, anchors)
      if let open = current, metric == .characters {
        var labels = 0
        while labels < placed.count, placed[labels].column < rows[open.row].cells.count,
          rows[open.row].cells[placed[labels].column].isEmpty,
          AlignedPageReader.isLabel(String(decoding: bytes[placed[labels].piece.range], as: UTF8.self))
        {
          labels += 1
        }
        let rest = Array(placed[labels...])
        if labels > 0, rest.isEmpty || (open.wrapped && continuesRow(rest, under: open.last, wraps)) {
          for (column, piece) in placed[..<labels] {
            rows[open.row].cells[column] = builder.cell(lineIndex: index, range: piece.range, column: column)
          }
          if rest.isEmpty { continue }
          placed = rest
        }
      }
      if let open = current,
        continuesRow(placed, under: open.last, wraps) || continuesParagraph(placed, under: open.last)
      {
        // A wrapped cell's lines follow each other: a column the line leaves out has ended.
        // Extended in place: a copy of the row would share its cells' text, and every line
        // appended to a cell would copy all of it (quadratic in a cell of many lines).
        var last: [Int: AlignedTokenizer.Piece] = [:]
        let width = rows[open.row].cells.count
        for (column, piece) in placed where column < width {
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
      var last: [Int: AlignedTokenizer.Piece] = [:]
      for (column, piece) in placed {
        cells[column] = builder.cell(lineIndex: index, range: piece.range, column: column)
        last[column] = piece
      }
      var row = Row(cells: cells, lineIndex: index)
      row.followsPageBreak = pageBreak && rows.allSatisfy(\.isBlank)
      rows.append(row)
      current = (rows.count - 1, last, false)
    }
    return rows
  }

  private func column(of piece: AlignedTokenizer.Piece, _ anchors: [Int]) -> Int {
    anchors.lastIndex { $0 <= piece.start + 1 } ?? 0
  }

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

  /// Does every piece of a line continue a wrapped cell of the open row? Each must start at
  /// its column's left edge, right under a piece of the open row after which the line's
  /// first word would not have fitted within the column's wrap width (a converter wraps when
  /// the next word does not fit, never earlier), and name nothing the vocabulary knows. In
  /// a column that wraps, a piece may also start a new paragraph of its cell when another
  /// piece of the line wraps.
  private func continuesRow(
    _ placed: [(column: Int, piece: AlignedTokenizer.Piece)],
    under last: [Int: AlignedTokenizer.Piece],
    _ wraps: WrapWidths
  ) -> Bool {
    var wrapping = 0
    var paragraphs = 0
    var pending: [(piece: AlignedTokenizer.Piece, above: AlignedTokenizer.Piece, widest: Int)] = []
    for (column, piece) in placed {
      guard let above = last[column], abs(piece.start - above.start) <= 1 else { return false }
      let text = String(decoding: self.text.utf8[piece.range], as: UTF8.self)
      if AlignedPageReader.isLabel(text) { return false }
      guard let width = wraps.end[column], let start = wraps.start[column], abs(piece.start - start) <= 1 else {
        // The last column's widest cell, under a line whose other cells wrap.
        guard column == wraps.lastColumn, column == placed.last?.column, let widest = wraps.widest[column] else {
          return false
        }
        pending.append((piece, above, widest))
        continue
      }
      if above.fillEnd + AlignedPageReader.firstWordWidth(text) > width {
        wrapping += 1
      } else {
        // A new paragraph of a wide cell, beside a cell that wraps on the same line.
        paragraphs += 1
      }
    }
    guard wrapping > 0 || paragraphs == 0 else { return false }
    guard let last = pending.first else { return true }
    return wrapping > 0 && last.above.fillEnd >= last.widest - 1 && last.above.width >= Self.wideLastCell
  }

  /// A line of one piece, right under the same column's piece of the open row (not the
  /// first column), that names nothing the vocabulary knows: the next paragraph of a cell
  /// (a goal in several paragraphs). A row whose only cell sits in the column of the cell
  /// above cannot be told from it in this layout; a paragraph is far more common.
  private func continuesParagraph(
    _ placed: [(column: Int, piece: AlignedTokenizer.Piece)],
    under last: [Int: AlignedTokenizer.Piece]
  ) -> Bool {
    guard placed.count == 1, let (column, piece) = placed.first, column > 0, let above = last[column],
      above.start == piece.start
    else { return false }
    return !AlignedPageReader.isLabel(String(decoding: text.utf8[piece.range], as: UTF8.self)) && !crosses(piece, column, last)
  }

  /// The piece runs past the start of the open row's next piece to its right.
  private func crosses(_ piece: AlignedTokenizer.Piece, _ column: Int, _ last: [Int: AlignedTokenizer.Piece]) -> Bool {
    guard let next = last.filter({ $0.key > column }).min(by: { $0.key < $1.key }) else { return false }
    return piece.end > next.value.start
  }

  struct WrapWidths {
    static let narrowest = 10
    var start: [Int: Int] = [:]
    var end: [Int: Int] = [:]
    /// The widest end of every column, wrapping or not, and the last column's index.
    var widest: [Int: Int] = [:]
    var lastColumn: Int

    init(_ lines: [[(column: Int, piece: AlignedTokenizer.Piece, isLabel: Bool)]], anchors: [Int]) {
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
        let touchesNext = column + 1 < anchors.count && widest >= anchors[column + 1] - 2 - ReferenceAlignedPageReader.slack
        guard touchesNext else { continue }
        start[column] = anchors[column]
        end[column] = widest
      }
    }
  }

}
