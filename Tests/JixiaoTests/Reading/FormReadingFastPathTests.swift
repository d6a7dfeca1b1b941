import Testing

@testable import Jixiao

/// The form and list readers' fast paths held to the code they replaced, kept here as it was:
/// - `IndicatorRowReader.init` reads its columns in one walk (no sets, no filtered dictionary);
/// - `CellShape.hasDigitByte` tests eight bytes at once for an ASCII digit;
/// - `IndicatorRowReader.readsAsTarget` skips the parser for text that reads as words.
@Suite struct FormReadingFastPathTests {
  /// Column layouts: every role alone and beside the others, and layouts made by a simple
  /// generator (deterministic), with gaps, repeated roles and negative columns.
  static let layouts: [[Int: ColumnRole]] = {
    var layouts: [[Int: ColumnRole]] = [[:]]
    let roles = ColumnRole.allCases
    for role in roles {
      layouts.append([0: role])
      layouts.append([0: .level1, 1: .level2, 2: role, 3: .target])
      layouts.append([-1: role, 2: .name, 300: role])
    }
    var random = SeededSequence(seed: 0x9E37_79B9_7F4A_7C15)
    func next(_ bound: Int) -> Int { random.next(bound) }
    for _ in 0..<3000 {
      var columns: [Int: ColumnRole] = [:]
      for _ in 0..<(1 + next(12)) { columns[next(14) - 1] = roles[next(roles.count)] }
      layouts.append(columns)
    }
    return layouts
  }()

  @Test func readerTablesAreTheOldOnes() {
    for columns in Self.layouts {
      for positionsTrusted in [true, false] {
        let reader = IndicatorRowReader(columns: columns, positionsTrusted: positionsTrusted)
        let old = OldFormReading.Tables(columns: columns, positionsTrusted: positionsTrusted)
        #expect(reader.byContent == old.byContent, "\(columns)")
        #expect(reader.targetColumn == old.targetColumn && reader.nameColumn == old.nameColumn, "\(columns)")
        #expect(
          reader.slots.count == old.slots.count
            && zip(reader.slots, old.slots).allSatisfy { $0.column == $1.column && $0.role == $1.role }, "\(columns)")
        for column in -2...(old.roleByColumn.count + 2) {
          let expected = column >= 0 && column < old.roleByColumn.count ? old.roleByColumn[column] : columns[column]
          #expect(reader.role(ofColumn: column) == expected, "\(columns) \(column)")
        }
      }
    }
  }

  /// Two columns of one role: the leftmost, whatever order the dictionary walks them in.
  @Test func sharedRoleTakesTheLeftmostColumn() {
    for width in 2..<12 {
      var columns: [Int: ColumnRole] = [:]
      for column in 0..<width { columns[column * 3 + 1] = column % 2 == 0 ? .target : .name }
      let reader = IndicatorRowReader(columns: columns, positionsTrusted: true)
      #expect(reader.targetColumn == 1 && reader.nameColumn == 4, "\(columns)")
    }
  }

  /// Every byte value at every place of a word, among bytes of each kind.
  @Test func digitByteTestIsExact() {
    for filler: UInt8 in [0x00, 0x2F, 0x3A, 0x41, 0x7F, 0x80, 0xB0, 0xB9, 0xE5, 0xFF] {
      for place in 0..<8 {
        for value in 0...255 {
          var bytes = [UInt8](repeating: filler, count: 8)
          bytes[place] = UInt8(value)
          let word = bytes.withUnsafeBufferPointer { ByteWord.load($0, at: 0) }
          let expected = bytes.contains { $0 >= 0x30 && $0 <= 0x39 }
          #expect(CellShape.hasDigitByte(word) == expected, "\(bytes)")
        }
      }
    }
  }

  /// The lone-cell target test reads as the full reading it replaced, over every cell of
  /// the corpus and the target cases.
  @Test func loneTargetTestIsTheOldOne() {
    let reader = IndicatorRowReader(columns: [0: .name, 1: .target], positionsTrusted: false)
    var targets = 0
    for text in RowReadingFastPathTests.texts {
      let cell = Cell(text: text, span: SourceSpan(line: 1, column: 1, offset: 0), column: 0, start: 0)
      let old = TargetGrammar.read(text)
      let expected = old.kind.isStructured || old.grade != nil
      #expect(reader.readsAsTarget(cell) == expected, "'\(text)'")
      if expected { targets += 1 }
    }
    #expect(targets > 500)
  }

  /// `isDigitRun` by bytes reads as it did by characters: over the corpus cells, the target
  /// cases, and digits with each ending and mark.
  @Test func digitRunTestIsTheOldOne() {
    var texts = RowReadingFastPathTests.texts
    for digits in ["", "8", "88", "881", "88100", "８８１", "1.5", "88a00"] {
      for ending in ["", ".", "…", "……", "...", "…\u{301}", "\u{301}", "。", "⋯", " "] {
        texts.append(digits + ending)
        texts.append(ending + digits)
      }
    }
    var runs = 0
    for text in texts {
      let expected = OldFormReading.isDigitRun(text)
      #expect(FormTableReader.isDigitRun(text) == expected, "'\(text)'")
      if expected { runs += 1 }
    }
    #expect(runs >= 6)
  }
}

/// The code the fast paths replaced, as it was.
private enum OldFormReading {
  static func isDigitRun(_ key: String) -> Bool {
    var core = Substring(key)
    while let last = core.last, last == "…" || last == "." { core = core.dropLast() }
    return core.count >= 3 && core.allSatisfy { $0.isASCII && $0.isNumber }
  }

  /// `IndicatorRowReader.init`'s tables as it made them.
  struct Tables {
    let byContent: Bool
    let targetColumn: Int?
    let nameColumn: Int?
    let slots: [(column: Int, role: ColumnRole)]
    let roleByColumn: [ColumnRole?]

    init(columns: [Int: ColumnRole], positionsTrusted: Bool) {
      let width = min(max((columns.keys.max() ?? -1) + 1, 0), 256)
      roleByColumn = (0..<width).map { columns[$0] }
      let roles = Set(columns.values)
      let narrow: Set<ColumnRole> = [.blockLabel, .level1, .level2, .name, .target, .remark, .group]
      byContent = roles.isSubset(of: narrow) || !positionsTrusted
      // The leftmost of each role (the old code took the first in the dictionary's order).
      targetColumn = columns.filter { $0.value == .target }.keys.min()
      nameColumn = columns.filter { $0.value == .name }.keys.min()
      var slots = columns.filter { ![.level1, .level2, .blockLabel, .group].contains($0.value) }
        .sorted { $0.key < $1.key }.map { (column: $0.key, role: $0.value) }
      if !slots.contains(where: { $0.role == .name }) { slots.insert((-1, .name), at: 0) }
      if !slots.contains(where: { $0.role == .target }) {
        let after = (slots.firstIndex { $0.role == .name } ?? -1) + 1
        slots.insert((-1, .target), at: after)
      }
      self.slots = slots
    }
  }
}
