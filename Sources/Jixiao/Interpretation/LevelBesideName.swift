/// Level names and an indicator's name one blank apart in one cell (`社会效益指标 受益人口`,
/// `效益指标 社会效益指标`): what a layout aligned by blanks gives where a single blank stood
/// between two of its columns. The row then has an empty level slot and a cell that holds two
/// slots' words.
///
/// The split is taken only where the words say which slots they fill: every piece but the
/// last is a level's full name (ending in 指标, so an indicator named `满意度 调查` stays whole),
/// the pieces fill slots in order (level 1, level 2, name), and each slot they fill is empty
/// or is the cell's own.
enum LevelBesideName {
  /// Where a piece of a cell goes.
  enum Slot: Int, Comparable, CaseIterable {
    case level1, level2, name
    static func < (lhs: Slot, rhs: Slot) -> Bool { lhs.rawValue < rhs.rawValue }
  }

  struct Piece {
    var slot: Slot
    var text: String
    /// Where the piece starts, in scalars of the cell's text.
    var scalarOffset: Int
  }

  /// The cell's pieces and their slots, when the cell splits so; nil for a cell of one piece
  /// or one whose pieces do not all name their slots.
  static func split(_ text: String) -> [Piece]? {
    guard mayHoldPieces(text) else { return nil }
    let scalars = Array(text.unicodeScalars)
    guard scalars.count >= 5, scalars.contains(where: Blank.isBlank), !scalars.contains("\n") else { return nil }
    var pieces: [Piece] = []
    var index = 0
    while index < scalars.count {
      while index < scalars.count && Blank.isBlank(scalars[index]) { index += 1 }
      guard index < scalars.count else { break }
      var end = index
      while end < scalars.count && !Blank.isBlank(scalars[end]) { end += 1 }
      let piece = String(String.UnicodeScalarView(scalars[index..<end]))
      pieces.append(Piece(slot: .name, text: piece, scalarOffset: index))
      index = end
    }
    guard pieces.count >= 2 else { return nil }
    for index in pieces.indices {
      if let level = level(pieces[index].text) {
        pieces[index].slot = level
      } else if index < pieces.count - 1 {
        return nil
      }
    }
    // The last piece is the indicator's name unless it names a level (`效益指标 社会效益指标`).
    for index in pieces.indices.dropFirst() where pieces[index].slot <= pieces[index - 1].slot { return nil }
    return pieces
  }

  /// Where the row's cells go once the cell in `source` is read as `pieces`: each piece to
  /// the slot it names, every other cell to its own slot or, displaced by a piece, to the next
  /// one (`群众满意度`, read into the level-2 column beside `满意度指标 服务对象满意度指标`); nil
  /// when they do not fit in order or a level's full name would move.
  static func placement(of pieces: [Piece], from source: Slot, in draft: IndicatorDraft)
    -> [(from: Slot, piece: Piece?, to: Slot)]?
  {
    var moves: [(from: Slot, piece: Piece?, to: Slot)] = []
    var next = 0
    for slot in Slot.allCases {
      if slot == source {
        for piece in pieces {
          guard piece.slot.rawValue >= next else { return nil }
          moves.append((slot, piece, piece.slot))
          next = piece.slot.rawValue + 1
        }
      } else if let other = draft.cell(in: slot) {
        let at = max(next, slot.rawValue)
        guard let to = Slot(rawValue: at), to == slot || !isFullLevelName(other.key) else { return nil }
        moves.append((slot, nil, to))
        next = at + 1
      }
    }
    return moves
  }

  /// Whether `text` may split: asked of up to three cells of every indicator row, nearly
  /// all without a blank, it looks for the bytes a blank can start with (`Blank.isBlank`).
  static func mayHoldPieces(_ text: String?) -> Bool {
    guard let text, text.utf8.count >= 15 else { return false }
    return text.withUTF8Bytes { $0.contains(where: mayStartBlank) }
  }

  @inline(__always)
  private static func mayStartBlank(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x09, 0x0B, 0x0C, 0x20, 0xC2, 0xE2, 0xE3, 0xEF: true
    default: false
    }
  }

  /// A level's name ending in 指标, as aligned tables print them: `社会效益指标`, not
  /// `群众满意度`, which a level's other spelling also reads.
  static func isFullLevelName(_ key: String) -> Bool { level(key) != nil }

  private static func level(_ text: String) -> Slot? {
    guard text.hasSuffix("指标") else { return nil }
    let levels = LevelVocabulary.levels(text)
    return levels.level1 != nil ? .level1 : levels.level2 != nil ? .level2 : nil
  }
}

extension IndicatorDraft {
  func cell(in slot: LevelBesideName.Slot) -> Cell? {
    switch slot {
    case .level1: level1Cell
    case .level2: level2Cell
    case .name: name
    }
  }

  /// Puts a cell in a slot, with the level it names.
  mutating func setCell(_ cell: Cell?, in slot: LevelBesideName.Slot) {
    switch slot {
    case .level1:
      level1Cell = cell
      level1 = cell.flatMap { LevelVocabulary.level1($0.key) }
    case .level2:
      level2Cell = cell
      level2 = cell.flatMap { LevelVocabulary.level2($0.key) }
    case .name: name = cell
    }
  }
}
