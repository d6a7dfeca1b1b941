/// What the line-counting layout signatures read of a text, gathered in one pass over its
/// lines: `detectLayout` asks up to a dozen signatures, and each of them walked every line
/// again (finding its end, trimming it, counting its tabs and pipes) — most of the work of
/// detection on a small document. Only counts are kept, not a record per line, so the
/// survey of a text of millions of lines takes no more memory than that of one line.
///
/// Each count is named for the signature that reads it; `LayoutSurveyTests` holds the
/// signatures read from it to the line-by-line readings they replaced.
struct LayoutSurvey {
  /// Lines with something besides blanks (`Blank.trim` leaves bytes).
  private(set) var nonBlank = 0

  // `DialectDetector.detect`, over non-blank lines.
  /// Lines whose first byte after spaces is a tab, with no tab after text: cell-per-line.
  private(set) var tabLed = 0
  /// Lines with a tab after text (a byte other than tab, pipe and space): tab rows.
  private(set) var innerTabs = 0
  /// Lines of two pipes or more that are not only pipes and spaces.
  private(set) var pipeRows = 0
  /// Lines of one pipe, at their end (`a |`): cell-per-line pipes.
  private(set) var pipeCellLines = 0
  /// Lines of only pipes and spaces.
  private(set) var pipeOnly = 0

  // `DialectDetector.isShortTable`, over non-blank lines.
  private(set) var linesWithTwoTabs = 0
  private(set) var linesWithThreePipes = 0
  /// Lines of two or three cells between pipes with no outer pipe (`项目名称 | 城管经费`),
  /// as a converter writes a table without the outer pipes markdown allows it to leave out.
  private(set) var linesOfInnerPipes = 0

  // `StreamTokenizer.looksLikeStream`.
  /// A non-blank line has a pipe, or a tab inside its text.
  private(set) var hasSeparatorInText = false
  /// Non-blank lines followed by a blank line.
  private(set) var followedByBlank = 0

  // `CSVTokenizer.looksLikeCSV`, over all lines.
  private(set) var linesWithTab = 0
  private(set) var linesWithPipe = 0

  // `GridTableTokenizer.looksLikeGridTable`.
  /// Rule lines of the grid blocks (`GridTableTokenizer.gridBlocks`).
  private(set) var gridRules = 0

  init(_ text: SourceText) {
    let lines = text.lines
    var previousIsText = false
    var grid = GridBlockCount()
    text.utf8.withUnsafeBufferPointer { bytes in
      // The lines before the text's first tab or pipe have neither: nothing to count on them
      // (in a text with none, on any line).
      let firstSeparator = Self.firstTabOrPipe(bytes)
      for index in lines.indices {
        let line = lines[index]
        let trimmed = Blank.trim(bytes, line.start..<line.end)
        let facts = line.end <= firstSeparator ? LineFacts() : LineFacts(bytes, line.start..<line.end, trimmed: trimmed)
        if facts.tabs > 0 { linesWithTab += 1 }
        if facts.pipes > 0 { linesWithPipe += 1 }
        grid.add(trimmed.isEmpty ? .other : GridTableTokenizer.lineKind(bytes, trimmed))
        guard !trimmed.isEmpty else {
          if previousIsText { followedByBlank += 1 }
          previousIsText = false
          continue
        }
        previousIsText = true
        nonBlank += 1
        if facts.leadingTab && !facts.hasTabAfterText { tabLed += 1 }
        if facts.hasTabAfterText { innerTabs += 1 }
        if Self.onlyPipesAndSpaces(bytes, trimmed) {
          pipeOnly += 1
        } else if facts.pipes == 1 && bytes[trimmed.upperBound - 1] == 0x7C {
          pipeCellLines += 1
        } else if facts.pipes >= 2 {
          pipeRows += 1
        }
        if facts.tabs >= 2 { linesWithTwoTabs += 1 }
        if facts.pipes >= 3 {
          linesWithThreePipes += 1
        } else if facts.pipes > 0 && bytes[trimmed.lowerBound] != 0x7C && bytes[trimmed.upperBound - 1] != 0x7C {
          linesOfInnerPipes += 1
        }
        if facts.pipes > 0 || facts.hasTabInText { hasSeparatorInText = true }
      }
    }
    gridRules = grid.finish()
  }

  /// Where the first tab or pipe is, eight bytes at a time (the text's end if none).
  static func firstTabOrPipe(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    var index = 0
    while index + 8 <= bytes.count {
      let word = ByteWord.load(bytes, at: index)
      if ByteWord.equal(word, 0x09) | ByteWord.equal(word, 0x7C) != 0 { break }
      index += 8
    }
    while index < bytes.count && bytes[index] != 0x09 && bytes[index] != 0x7C { index += 1 }
    return index
  }

  private static func onlyPipesAndSpaces(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    for index in range where bytes[index] != 0x7C && bytes[index] != 0x20 { return false }
    return true
  }

  /// The tabs and pipes of one line, read eight bytes at a time where a word has neither.
  struct LineFacts {
    var tabs = 0
    var pipes = 0
    /// After leading spaces, the line starts with a tab.
    var leadingTab = false
    /// A tab after a byte that is none of tab, pipe and space.
    var hasTabAfterText = false
    /// A tab inside the trimmed text (blanks at its ends are not separators).
    var hasTabInText = false

    /// A line without tabs and pipes.
    init() {}

    init(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, trimmed: Range<Int>) {
      var first = line.lowerBound
      while first < line.upperBound && bytes[first] == 0x20 { first += 1 }
      leadingTab = first < line.upperBound && bytes[first] == 0x09
      var seenText = false
      var index = line.lowerBound
      let end = line.upperBound
      while index < end {
        if index + 8 <= end {
          let word = ByteWord.load(bytes, at: index)
          let marks = ByteWord.equal(word, 0x09) | ByteWord.equal(word, 0x7C)
          // The bytes before the word's first tab or pipe (all of them if it has none) are
          // neither: they only tell whether text has begun. Straight to that tab or pipe,
          // where the word was read again from each byte before it. (The lowest mark is
          // exact: a false one only follows a true one.)
          let before = marks == 0 ? 8 : UInt64(littleEndian: marks).trailingZeroBitCount >> 3
          if !seenText && before > 0 {
            let mask: UInt64 = before == 8 ? ~0 : (1 << UInt64(8 * before)) - 1
            if UInt64(littleEndian: word) & mask != 0x2020_2020_2020_2020 & mask { seenText = true }
          }
          index += before
          if before == 8 { continue }
        }
        switch bytes[index] {
        case 0x09:
          tabs += 1
          if seenText { hasTabAfterText = true }
          if trimmed.contains(index) { hasTabInText = true }
        case 0x7C: pipes += 1
        case 0x20: break
        default: seenText = true
        }
        index += 1
      }
    }
  }

  /// `GridTableTokenizer.gridBlocks` line by line: a block opens at a rule line and runs to
  /// the next line of neither kind; it counts when it has three lines or more, one of
  /// them content.
  struct GridBlockCount {
    private var open = false
    private var lines = 0
    private var rules = 0
    private var hasContent = false
    private var counted = 0

    mutating func add(_ kind: GridTableTokenizer.LineKind) {
      if open {
        if kind == .other {
          close()
          return
        }
      } else if kind == .rule {
        open = true
      } else {
        return
      }
      lines += 1
      if kind == .rule { rules += 1 }
      if kind == .content { hasContent = true }
    }

    private mutating func close() {
      if lines >= 3 && hasContent { counted += rules }
      open = false
      lines = 0
      rules = 0
      hasContent = false
    }

    mutating func finish() -> Int {
      if open { close() }
      return counted
    }
  }
}
