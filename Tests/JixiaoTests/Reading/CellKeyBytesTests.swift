import Testing

@testable import Jixiao

/// `Cell.withKeyBytes` lends the bytes `key` returns: for keys that are their text, keys kept
/// apart from it, keys in simplified script and keys not yet settled after a wrapped line.
@Suite struct CellKeyBytesTests {
  @Test func keyBytesAreTheKeys() {
    var cells = ReconstructionFastPathTests.corpusCells
    for text in ["", "指标值", "指 标 值", "（续）", "數量指標", "单位：万元", "ＡＢＣ", "e\u{301}"] {
      for traditional in [false, true] {
        cells.append(Cell(text: text, span: SourceSpan(line: 1, column: 1, offset: 0), column: 0, start: 0, isTraditional: traditional))
      }
    }
    for index in stride(from: 0, to: cells.count, by: 97) {
      var stale = cells[index]
      stale.appendLine("（续 行）", separator: "\n")
      #expect(stale.hasStaleKey)
      cells.append(stale)
    }
    var keyed = 0
    for cell in cells {
      let bytes = cell.withKeyBytes { Array($0) }
      #expect(bytes == Array(cell.key.utf8), "'\(cell.text)'")
      #expect(cell.withTextBytes { Array($0) } == Array(cell.text.utf8))
      if cell.key != cell.text { keyed += 1 }
    }
    #expect(keyed > 100)
  }
}
