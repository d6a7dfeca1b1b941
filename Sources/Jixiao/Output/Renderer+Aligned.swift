/// Space-aligned columns as `pdftotext -layout` prints a PDF table: every cell starts at its
/// column's left edge, long cells wrap onto the next lines within their column, a merged
/// cell is printed once on its first row, titles are centred, and a form feed starts a
/// new page. Widths count display columns (CJK two, through ICU).
///
/// A column whose cells wrap is exactly as wide as its wrap width, so a wrapped line fills
/// it; a column whose cells fit keeps some room after its widest cell, as a PDF cell has
/// padding. That is what `AlignedTokenizer` reads wrapped cells by.
enum AlignedEncoder {
  /// Cells wider than this wrap.
  static let wrapWidth = 28
  /// Blanks between two columns.
  static let gap = 3
  /// Room after the widest cell of a column that does not wrap (a PDF cell's padding):
  /// more than a CJK character or a short Latin word, so that no cell looks as if it had
  /// wrapped.
  static let padding = 6

  static func encode(_ tables: [RenderedTable]) -> String {
    var output = ""
    for (index, table) in tables.enumerated() {
      if index > 0 { output += "\n\n" }
      output += encode(table)
    }
    return output
  }

  static func encode(_ table: RenderedTable) -> String {
    let widths = columnWidths(table)
    var starts: [Int] = []
    var position = 0
    for width in widths {
      starts.append(position)
      position += width + gap
    }
    let tableWidth = max(position - gap, 0)
    var lines: [String] = []
    for heading in [table.title, table.subtitle].compactMap({ $0 }) {
      let width = displayWidth(heading)
      lines.append(String(repeating: " ", count: max((tableWidth - width) / 2, 0)) + heading)
    }
    if !lines.isEmpty { lines.append("") }
    for row in table.rows {
      var cellLines: [(start: Int, lines: [String])] = []
      for (column, slot) in row.slots.enumerated() {
        guard let cell = slot else { continue }
        let span = min(cell.columnSpan, widths.count - column)
        let available = widths[column..<(column + span)].reduce(0, +) + gap * (span - 1)
        cellLines.append((starts[column], wrap(cell.text, width: available)))
      }
      let height = max(cellLines.map(\.lines.count).max() ?? 1, 1)
      for lineIndex in 0..<height {
        var line = ""
        var width = 0
        for (start, texts) in cellLines where lineIndex < texts.count && !texts[lineIndex].isEmpty {
          if width < start {
            line += String(repeating: " ", count: start - width)
            width = start
          }
          line += texts[lineIndex]
          width += displayWidth(texts[lineIndex])
        }
        if lineIndex == 0 && row.startsPage { line = "\u{0C}" + line }
        lines.append(line)
      }
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Each column as wide as its widest single-column cell plus padding, or the wrap width.
  static func columnWidths(_ table: RenderedTable) -> [Int] {
    var natural = Array(repeating: 0, count: table.columnCount)
    for row in table.rows {
      for (column, slot) in row.slots.enumerated() where column < natural.count {
        guard let cell = slot, cell.columnSpan == 1 else { continue }
        for line in singleSpaced(cell.text).split(separator: "\n") {
          natural[column] = max(natural[column], displayWidth(String(line)))
        }
      }
    }
    return natural.map { $0 > wrapWidth ? wrapWidth : max($0 + padding, 2) }
  }

  /// The text's lines wrapped at `width` display columns: CJK text anywhere, a run of
  /// Latin letters, digits and their punctuation (`-308001`, `PM2.5`) only before or after
  /// it, as converters do.
  static func wrap(_ text: String, width: Int) -> [String] {
    var lines: [String] = []
    for paragraph in singleSpaced(text).split(separator: "\n", omittingEmptySubsequences: true) {
      var line: [Character] = []
      var lineWidth = 0
      for character in paragraph {
        let characterWidth = character.unicodeScalars.first.map(ICU.displayWidth) ?? 1
        if lineWidth + characterWidth > width && !line.isEmpty {
          // Carry a word cut in two over to the next line, when it did not fill the line.
          var carried: [Character] = []
          if isWordCharacter(character), let start = line.lastIndex(where: { !isWordCharacter($0) }),
            start + 1 < line.count
          {
            carried = Array(line[(start + 1)...])
            line.removeSubrange((start + 1)...)
          }
          let finished = String(line).trimmingBlanks()
          if !finished.isEmpty { lines.append(String(finished)) }
          line = carried
          lineWidth = carried.reduce(0) { $0 + ($1.unicodeScalars.first.map(ICU.displayWidth) ?? 1) }
          if character == " " && line.isEmpty { continue }
        }
        line.append(character)
        lineWidth += characterWidth
      }
      let last = String(line).trimmingBlanks()
      if !last.isEmpty { lines.append(String(last)) }
    }
    return lines
  }

  static func isWordCharacter(_ character: Character) -> Bool {
    character.isASCII && (character.isLetter || character.isNumber || ".%,-_/()".contains(character))
  }

  /// Runs of blanks inside a cell would read as a column gap: one space each.
  static func singleSpaced(_ text: String) -> String {
    var output = ""
    var lastWasBlank = false
    for scalar in text.unicodeScalars {
      if scalar == "\n" {
        output.unicodeScalars.append(scalar)
        lastWasBlank = false
      } else if Blank.isBlank(scalar) {
        if !lastWasBlank { output.append(" ") }
        lastWasBlank = true
      } else {
        output.unicodeScalars.append(scalar)
        lastWasBlank = false
      }
    }
    return output
  }

  static func displayWidth(_ text: String) -> Int {
    text.unicodeScalars.reduce(0) { $0 + ICU.displayWidth($1) }
  }
}
