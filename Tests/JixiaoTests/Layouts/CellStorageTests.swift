import Testing

@testable import Jixiao

/// A cell keeps its text and its key behind one reference (the text alone when it is its
/// own key, a box of both when not), where it kept a string and an optional box of the key.
/// Whatever is done to it, a cell must read as the old one did: the text as set, the key
/// `TextKey.make` of the text in the cell's script, empty when the text is.
@Suite struct CellStorageTests {
  static let texts: [String] = {
    let pieces = ["", "绩效", "（万元）", "：", "a b", " ", "≥95％", "<b>", "*", "產出", "(qū)", "\u{3000}", "指标值", "x"]
    return Arrangements.of(pieces, upTo: 3)
  }()

  static func expectReadsAsOld(_ cell: Cell, text: String, isTraditional: Bool, _ what: String) {
    #expect(cell.text.utf8.elementsEqual(text.utf8), "\(what): text")
    #expect(cell.key.utf8.elementsEqual(TextKey.make(text, simplify: isTraditional).utf8), "\(what): key")
    #expect(cell.isEmpty == text.isEmpty, "\(what): isEmpty")
    #expect(cell.isTraditional == isTraditional, "\(what): script")
    #expect(cell.withTextBytes { Array($0) } == Array(text.utf8), "\(what): bytes lent")
  }

  @Test func cellsReadAsTheirTextAndKey() {
    let span = SourceSpan(line: 3, column: 4, offset: 5, length: 6)
    for text in Self.texts {
      for isTraditional in [false, true] {
        var cell = Cell(text: text, span: span, column: 2, start: 7, isTraditional: isTraditional)
        Self.expectReadsAsOld(cell, text: text, isTraditional: isTraditional, "\(text) made")
        #expect(cell.span == span && cell.column == 2 && cell.start == 7)
        let copy = cell
        cell.isTraditional.toggle()
        Self.expectReadsAsOld(cell, text: text, isTraditional: !isTraditional, "\(text) script changed")
        Self.expectReadsAsOld(copy, text: text, isTraditional: isTraditional, "\(text) copy kept")
        cell.text = text + "："
        Self.expectReadsAsOld(cell, text: text + "：", isTraditional: !isTraditional, "\(text) text set")
        // Lines appended: the key is made from the text until the cell is settled.
        cell.appendLine("（续）", separator: "\n")
        #expect(cell.hasStaleKey)
        Self.expectReadsAsOld(cell, text: text + "：\n（续）", isTraditional: !isTraditional, "\(text) line appended")
        cell.settleKey()
        #expect(!cell.hasStaleKey)
        Self.expectReadsAsOld(cell, text: text + "：\n（续）", isTraditional: !isTraditional, "\(text) settled")
        Self.expectReadsAsOld(copy, text: text, isTraditional: isTraditional, "\(text) copy still kept")
        // Equality and hashing leave the key out: the same before and after it is settled.
        var stale = copy
        stale.appendLine("", separator: "")
        #expect(stale == copy && stale.hashValue == copy.hashValue)
      }
    }
  }

  /// Separator rows read each cell's bytes lent: they must be the rows the old reading of
  /// each cell's text found, for every row of up to four cells of rules, text and blanks.
  @Test func separatorRowsAsTheTextsFoundThem() {
    func old(_ cells: [Cell]) -> Bool {
      var sawRule = false
      for cell in cells where !cell.isEmpty {
        guard Separators.isRule(cell.text) else { return false }
        sawRule = true
      }
      return sawRule
    }
    let texts = ["", "---", ":--:", "a", "—", "——", "+==+", "|-|", "- -", "（-）", "-"]
    var separators = 0
    for arrangement in Arrangements.of(texts.map { $0 + "\t" }, upTo: 4) {
      let cells = arrangement.split(separator: "\t", omittingEmptySubsequences: false).dropLast().enumerated().map {
        Cell(text: String($0.element), span: SourceSpan(line: 1, column: 1, offset: 0, length: 0), column: $0.offset, start: 0)
      }
      #expect(Separators.isSeparatorRow(cells) == old(cells), "\(arrangement.debugDescription)")
      if old(cells) { separators += 1 }
    }
    #expect(separators > 100)
  }

  /// The one reference keeps the cell at 48 bytes.
  @Test func aCellIsStillSmall() {
    #expect(MemoryLayout<Cell>.size <= 48)
  }
}
