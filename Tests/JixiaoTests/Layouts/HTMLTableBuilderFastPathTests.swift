import Testing

@testable import Jixiao

/// `HTMLTableBuilder` keeps a row's own cells in an array by column (not a dictionary) and
/// looks up a row's covered slots once per cell; `HTMLRowReader` tells ignored elements by a
/// switch on the name. Fed the same tags, it must lay out the
/// rows the builder it replaced (copied below) laid out, with merged slots empty or copied:
/// over every table of the corpus documents, and over tables of made-up row and column spans.
@Suite struct HTMLTableBuilderFastPathTests {
  /// The data tables' tags fed to both builders as the row reader feeds one (rows, cells,
  /// their text and spans; nested tables and captions are not the builders' concern here).
  static func expectSameRows(_ source: SourceText, _ what: String) {
    for mergedCells in [HTMLTokenizer.MergedCells.empty, .copied] {
      for isTraditional in [false, true] {
        var new: HTMLTableBuilder?
        var old: ReferenceHTMLTableBuilder?
        var cell: (text: HTMLText, tag: HTMLTag, rowSpan: Int, columnSpan: Int)?
        var tables = 0
        func closeCell() {
          guard let open = cell else { return }
          cell = nil
          new?.addCell(open.text, tag: open.tag, rowSpan: open.rowSpan, columnSpan: open.columnSpan)
          old?.addCell(open.text, tag: open.tag, rowSpan: open.rowSpan, columnSpan: open.columnSpan)
        }
        func closeTable() {
          closeCell()
          if let finished = new, let reference = old {
            let rows = finished.rows()
            let expected = reference.rows()
            #expect(rows == expected, "\(what) table \(tables) \(mergedCells) \(isTraditional)")
            let texts: [[UInt8]] = rows.flatMap { $0.cells.flatMap { [Array($0.text.utf8), Array($0.key.utf8)] } }
            let expectedTexts: [[UInt8]] = expected.flatMap { $0.cells.flatMap { [Array($0.text.utf8), Array($0.key.utf8)] } }
            #expect(texts == expectedTexts, "\(what)")
            tables += 1
          }
          new = nil
          old = nil
        }
        let bytes = source.utf8
        var scanner = HTMLScanner(bytes: bytes)
        while let event = scanner.next() {
          switch event {
          case .text(let range):
            if cell != nil {
              cell?.text.append(bytes, range)
            } else if new != nil {
              var stray = HTMLText()
              stray.append(bytes, range)
              new?.addStray(stray)
              old?.addStray(stray)
            }
          case .tag(let tag):
            switch tag.name {
            case "table":
              closeTable()
              if !tag.isClosing {
                new = HTMLTableBuilder(text: source, mergedCells: mergedCells, isTraditional: isTraditional)
                old = ReferenceHTMLTableBuilder(text: source, mergedCells: mergedCells, isTraditional: isTraditional)
              }
            case "tr":
              closeCell()
              if !tag.isClosing {
                new?.startRow(at: tag.range.lowerBound)
                old?.startRow(at: tag.range.lowerBound)
              } else {
                new?.endRow()
                old?.endRow()
              }
            case "td", "th":
              closeCell()
              guard !tag.isClosing, new != nil else { continue }
              cell = (HTMLText(), tag, tag.span("rowspan", in: bytes, limit: 1000), tag.span("colspan", in: bytes, limit: 200))
              if tag.isSelfClosing { closeCell() }
            case "br":
              cell?.text.lineBreak()
            default:
              continue
            }
          }
        }
        closeTable()
      }
    }
  }

  @Test(arguments: CorpusTests.documents)
  func corpusDocuments(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    let (text, _) = try SourceDecoder.decode(bytes, path: relativePath)
    Self.expectSameRows(text, relativePath)
    var scanner = HTMLScanner(bytes: text.utf8)
    while let event = scanner.next() {
      if case .tag(let tag) = event { Self.expectSameIgnoring(tag.name) }
    }
  }

  /// `HTMLRowReader.isIgnored` (a switch) is `ignoredElements.contains` (the set it stands for).
  static func expectSameIgnoring(_ name: String) {
    #expect(HTMLRowReader.isIgnored(name) == HTMLRowReader.ignoredElements.contains(name), "\(name)")
  }

  @Test func ignoredElements() {
    let names = HTMLRowReader.blockElements.union(HTMLRowReader.paragraphElements).union(HTMLRowReader.ignoredElements)
    for name in names { Self.expectSameIgnoring(name) }
    for name in ["", "s", "sv", "svgg", "SVG", "Head", "mat", "maps", "object ", "input", "span", "svg\u{0301}", "ma\u{0070}"] {
      Self.expectSameIgnoring(name)
    }
    #expect(HTMLRowReader.ignoredElements.allSatisfy(HTMLRowReader.isIgnored))
  }

  /// Tables whose cells span rows and columns every which way, some rows short, some
  /// cells empty, text between cells; the spans from a fixed generator.
  @Test func spannedTables() throws {
    var random = SeededSequence(seed: 0x9E37_79B9_7F4A_7C15)
    func next(_ bound: Int) -> Int { random.next(bound) }
    for table in 0..<300 {
      var html = "<p>表\(table)</p><table>"
      for row in 0..<(1 + next(6)) {
        html += next(7) == 0 ? "" : "<tr>"
        for column in 0..<next(6) {
          var attributes = ""
          if next(3) == 0 { attributes += " rowspan=\"\(1 + next(4))\"" }
          if next(3) == 0 { attributes += " colspan=\(1 + next(3))" }
          if next(9) == 0 { attributes += " rowspan=0" }
          let content = next(5) == 0 ? "" : next(4) == 0 ? "第\(row)行<br>\(column)列" : "格\(row).\(column)"
          html += next(8) == 0 ? "<td\(attributes)/>" : "<td\(attributes)>\(content)</td>"
          if next(12) == 0 { html += "散" }
        }
        html += next(5) == 0 ? "" : "</tr>\n"
      }
      html += "</table>"
      let (source, _) = try SourceDecoder.decode(Array(html.utf8), path: "t.html")
      Self.expectSameRows(source, html)
    }
  }
}

/// The builder before this change.
struct ReferenceHTMLTableBuilder {
  private struct GridRow {
    var lineIndex: Int
    var offset: Int
    var cells: [Int: Cell] = [:]
  }

  let text: SourceText
  let mergedCells: HTMLTokenizer.MergedCells
  let isTraditional: Bool
  /// Captions and text between cells: shown before the table.
  private var before: [Row] = []
  private var gridRows: [GridRow] = []
  /// Slots covered by a merged cell above or to the left: row → column → the merged cell.
  private var covered: [Int: [Int: Cell]] = [:]
  private var coveredCount = 0
  private var cursor = 0
  private var rowOpen = false
  /// Bounds what a hostile `rowspan`/`colspan` can cost.
  static let maximumCoveredSlots = 1_000_000

  init(text: SourceText, mergedCells: HTMLTokenizer.MergedCells, isTraditional: Bool) {
    self.text = text
    self.mergedCells = mergedCells
    self.isTraditional = isTraditional
  }

  mutating func addStray(_ stray: HTMLText) {
    guard let first = stray.first, !stray.text.isEmpty, let span = stray.span(in: text) else { return }
    let lineIndex = text.lineIndex(containing: first)
    let cell = Cell(text: stray.text, span: span, column: 0, start: first, isTraditional: isTraditional)
    before.append(Row(cells: [cell], lineIndex: lineIndex))
  }

  mutating func startRow(at offset: Int) {
    gridRows.append(GridRow(lineIndex: text.lineIndex(containing: offset), offset: offset))
    cursor = 0
    rowOpen = true
  }

  mutating func endRow() {
    rowOpen = false
  }

  mutating func addCell(_ content: HTMLText, tag: HTMLTag, rowSpan: Int, columnSpan: Int) {
    if !rowOpen { startRow(at: tag.range.lowerBound) }
    let row = gridRows.count - 1
    var column = cursor
    while gridRows[row].cells[column] != nil || covered[row]?[column] != nil { column += 1 }
    let cell: Cell
    if let first = content.first, let span = content.span(in: text) {
      cell = Cell(text: content.text, span: span, column: column, start: first, isTraditional: isTraditional)
    } else {
      cell = emptyCell(at: tag.range.upperBound, column: column)
    }
    gridRows[row].cells[column] = cell
    for down in 0..<rowSpan {
      for across in 0..<columnSpan where down > 0 || across > 0 {
        guard coveredCount < Self.maximumCoveredSlots else { break }
        covered[row + down, default: [:]][column + across] = cell
        coveredCount += 1
      }
    }
    cursor = column + columnSpan
  }

  private func emptyCell(at offset: Int, column: Int) -> Cell {
    let lineIndex = text.lineIndex(containing: offset)
    return Cell(
      text: "",
      span: text.span(lineIndex: lineIndex, byteRange: offset..<offset),
      column: column,
      start: offset
    )
  }

  /// The table's rows, all as wide as the widest; merged slots as empty cells (or copies).
  func rows() -> [Row] {
    var width = 0
    for (index, row) in gridRows.enumerated() {
      if let last = row.cells.keys.max() { width = max(width, last + 1) }
      if let last = covered[index]?.keys.max() { width = max(width, last + 1) }
    }
    var result = before
    for (index, gridRow) in gridRows.enumerated() {
      var cells: [Cell] = []
      cells.reserveCapacity(width)
      for column in 0..<width {
        if let cell = gridRow.cells[column] {
          cells.append(cell)
        } else if let origin = covered[index]?[column], mergedCells == .copied {
          var copy = origin
          copy.column = column
          cells.append(copy)
        } else {
          cells.append(emptyCell(at: gridRow.offset, column: column))
        }
      }
      result.append(Row(cells: cells, lineIndex: gridRow.lineIndex))
    }
    return result
  }
}
