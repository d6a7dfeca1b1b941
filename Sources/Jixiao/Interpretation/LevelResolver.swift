/// Gives every indicator of a section its level 1 and level 2.
///
/// Merged cells are written once: on the first row of their block (docx, web pages), or on
/// the middle or last row (PDF extractions). A row without a level takes the label above it
/// (a merged cell), or the label below when none is above; between two labels, the rows are
/// split where their names best fit each label. Every level not on its own row says where
/// it came from (`LevelOrigin`), and a label taken from below gets a diagnostic.
struct LevelResolver {
  let framework: Framework?
  /// The table prints some labels after or amid their rows (a PDF extraction): rows between
  /// two labels may belong to either. Otherwise merged labels sit on their block's first row.
  let labelsMayFollowRows: Bool
  /// Labels that follow rows are printed at the middle of their rows, and the lines show
  /// where (`ReadingContext.linesArePlaced`): rows between two labels are split by the
  /// lines, not by what their names say.
  var labelsAreCentred = false
  /// The least name evidence (see `LevelHints`) that moves rows to the label below.
  static let evidenceMargin = 1.5

  /// Does a table print labels after their rows? Yes when a section opens with rows that
  /// have no level 2, or a level-1 name stands alone on a row; or, where the lines are the
  /// page's (`ReadingContext.linesArePlaced`), a row's level name sits on a line below the
  /// row's first (a merged cell's label printed at the middle of its rows).
  static func labelsMayFollowRows(_ sections: [[IndicatorDraft]], linesArePlaced: Bool = false) -> Bool {
    // By index: a loop over the drafts themselves copied each one.
    for section in sections {
      if section.indices.contains(where: { section[$0].isLevel1Label || (linesArePlaced && isBelowRowStart(section[$0])) }) {
        return true
      }
      if let first = section.indices.first(where: { !section[$0].isLevel1Label }), section[first].level2Cell.isNil,
        section[first].level2Fragment.isNil, section.indices.contains(where: { !section[$0].level2Cell.isNil })
      {
        return true
      }
    }
    return false
  }

  func resolve(_ drafts: inout [IndicatorDraft], diagnostics: inout [Diagnostic]) {
    mergeFragments(&drafts, diagnostics: &diagnostics)
    let labelled = drafts.indices.filter { drafts[$0].level2 != nil || (!drafts[$0].level2Cell.isNil) }
    for index in labelled {
      drafts[index].resolvedLevel2 = drafts[index].level2
      drafts[index].level2Origin = .cell
      drafts[index].level2Source = drafts[index].level2Cell
    }
    assignUnlabelled(&drafts, labelled: labelled, diagnostics: &diagnostics)
    assignLevel1(&drafts)
  }

  /// `服务对象满意度` on one row and `指标` on the next: one label split by a page.
  private func mergeFragments(_ drafts: inout [IndicatorDraft], diagnostics: inout [Diagnostic]) {
    for index in drafts.indices where !drafts[index].level2Fragment.isNil && drafts[index].level2Cell.isNil {
      guard let fragment = drafts[index].level2Fragment else { continue }
      let previous = drafts[..<index].last { !$0.level2Cell.isNil }
      if let previous, let cell = previous.level2Cell {
        diagnostics.append(
          Diagnostic(
            "JX107", span: fragment.span, [cell.text, fragment.text],
            related: [.init(.labelHere, span: cell.span, cell.text)]))
      }
    }
  }

  private func assignUnlabelled(
    _ drafts: inout [IndicatorDraft], labelled: [Int], diagnostics: inout [Diagnostic]
  ) {
    var runStart: Int?
    // The first line of the rows each label spans, where rows above it took it, and where
    // the section's rows lie.
    var spanStarts: [Int: Int] = [:]
    let lines = labelsAreCentred ? RowLines(drafts) : nil
    func flush(upTo end: Int) {
      guard let start = runStart else { return }
      runStart = nil
      let above = labelled.last { $0 < start }
      let below = labelled.first { $0 >= end }
      assignRun(&drafts, start..<end, above: above, below: below, spanStarts: &spanStarts, lines: lines, diagnostics: &diagnostics)
    }
    for index in drafts.indices {
      if drafts[index].resolvedLevel2 != nil || !drafts[index].level2Cell.isNil {
        flush(upTo: index)
      } else if drafts[index].isLevel1Label {
        flush(upTo: index)
      } else if runStart == nil {
        runStart = index
      }
    }
    flush(upTo: drafts.count)
  }

  private func assignRun(
    _ drafts: inout [IndicatorDraft], _ run: Range<Int>, above: Int?, below: Int?, spanStarts: inout [Int: Int], lines: RowLines?,
    diagnostics: inout [Diagnostic]
  ) {
    func fits(_ row: Int, _ label: Int?) -> Bool {
      guard let label, let level2 = drafts[label].level2 else { return label != nil }
      guard let level1 = drafts[row].level1 else {
        // A row without a level 1 cannot take a label across a level-1 boundary.
        if let rowLevel1 = inheritedLevel1(drafts, before: row), let labelLevel1 = drafts[label].level1 ?? Optional(level2.parent(in: framework)),
          label < row
        {
          return rowLevel1 == labelLevel1 || drafts[label].level1 == nil
        }
        return true
      }
      return level2.parent(in: framework) == level1 || drafts[label].level1 == level1
        || (level2 == .serviceSatisfaction && level1 == .benefit)
    }
    let rows = Array(run).filter { !drafts[$0].isLevel1Label }
    guard !rows.isEmpty else { return }
    var split = rows.count  // rows[..<split] take the label above, the rest the label below
    switch (above, below) {
    case (nil, nil):
      return
    case (.some, nil):
      split = rows.count
    case (nil, .some):
      split = 0
    case (.some(let up), .some(let down)):
      guard labelsMayFollowRows, let upLevel = drafts[up].level2, let downLevel = drafts[down].level2, upLevel != downLevel else {
        split = rows.count
        break
      }
      if let lines, let centred = centredSplit(drafts, rows, label: up, spanStart: spanStarts[up], lines: lines) {
        split = centred
        break
      }
      // Move the tail of the run to the label below only on evidence: the names moved must
      // fit the lower label better than the upper one by a clear margin.
      // Scores and fits once per row; each candidate split is then a suffix sum.
      let gains = rows.map { row in
        let name = drafts[row].name?.key
        return LevelHints.score(name, for: downLevel) - LevelHints.score(name, for: upLevel)
      }
      let fitsDown = rows.map { fits($0, down) }
      let fitsUp = rows.map { fits($0, up) }
      var best = 0.0
      var gain = 0.0
      var blockedBelow = false
      for candidate in stride(from: rows.count, through: 0, by: -1) {
        if candidate < rows.count {
          gain += gains[candidate]
          if !fitsDown[candidate] { blockedBelow = true }
        }
        let blocked = blockedBelow || fitsUp[..<candidate].contains(false)
        if !blocked && gain >= Self.evidenceMargin && gain > best {
          best = gain
          split = candidate
        }
      }
    }
    if let below, split < rows.count { spanStarts[below] = Self.firstLine(drafts[rows[split]]) }
    for (position, row) in rows.enumerated() {
      guard let label = position < split ? above : below, fits(row, label) else { continue }
      drafts[row].resolvedLevel2 = drafts[label].level2
      drafts[row].level2Source = drafts[label].level2Cell
      drafts[row].level2Origin = label < row ? .merged : .following
    }
    let following = rows[split...].filter { drafts[$0].level2Origin == .following }
    if let first = following.first, let below, let cell = drafts[below].level2Cell {
      let lines = following.map { String(drafts[$0].rowSpan.line) }.joined(separator: ", ")
      diagnostics.append(
        Diagnostic(
          "JX106", span: drafts[first].rowSpan, [cell.text, lines, String(cell.span.line)],
          related: [.init(.labelHere, span: cell.span, cell.text)]))
    }
  }

  /// Where a run after a label printed at the middle of its rows (a PDF's merged cell, as
  /// `pdftotext -layout` writes it) ends that label's rows: as many lines below the label's
  /// own line as its rows have above it, counting the lines the rows cover (a label of
  /// another column alone on a line between two rows takes no room of theirs). The first
  /// `rows` (by position) that the label takes, or nil where the lines cannot tell: rows not
  /// one below the other (a table on one line, rows rebuilt from a stream of cells) or a
  /// label above its rows' first line.
  private func centredSplit(_ drafts: [IndicatorDraft], _ rows: [Int], label: Int, spanStart: Int?, lines: RowLines) -> Int? {
    guard let labelLine = drafts[label].level2Cell?.span.line else { return nil }
    let start = min(spanStart ?? Self.firstLine(drafts[label]), Self.firstLine(drafts[label]))
    var previous = Self.firstLine(drafts[label])
    for row in rows {
      let line = Self.firstLine(drafts[row])
      guard line > previous else { return nil }
      previous = line
    }
    guard labelLine >= start else { return nil }
    let end = 2 * lines.position(labelLine) - lines.position(start)
    return rows.firstIndex { lines.position(Self.firstLine(drafts[$0])) > end } ?? rows.count
  }

  /// The lines a section's rows cover, from each row's first line to the last line of its
  /// tallest cell (level names left out: a label may sit on a line of its own).
  struct RowLines {
    private var covered: [Int] = []

    init(_ drafts: [IndicatorDraft]) {
      var lines = Set<Int>()
      for draft in drafts {
        var cells = [draft.name, draft.target].compactMap { $0 }
        cells += draft.extras.map(\.cell)
        for cell in cells where !cell.isEmpty {
          let last = cell.span.line + cell.text.utf8.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
          for line in cell.span.line...last { lines.insert(line) }
        }
      }
      covered = lines.sorted()
    }

    /// A line's place among the covered lines, doubled: a covered line's rank times two, a
    /// line between covered lines halfway between their places.
    func position(_ line: Int) -> Int {
      var low = 0
      var high = covered.count
      while low < high {
        let middle = (low + high) / 2
        if covered[middle] < line { low = middle + 1 } else { high = middle }
      }
      let isCovered = low < covered.count && covered[low] == line
      return 2 * low - (isCovered ? 0 : 1)
    }
  }

  /// A level name printed on a line below the row's first.
  private static func isBelowRowStart(_ draft: IndicatorDraft) -> Bool {
    let line = firstLine(draft)
    return (draft.level2Cell?.span.line ?? 0) > line || (draft.level1Cell?.span.line ?? 0) > line
  }

  /// The line a row starts on: its name's or its target's, whichever comes first (a label
  /// printed beside a later line of the row is not where it starts).
  static func firstLine(_ draft: IndicatorDraft) -> Int {
    let lines = [draft.name?.span.line, draft.target?.span.line].compactMap { $0 }
    return lines.min() ?? draft.rowSpan.line
  }

  private func inheritedLevel1(_ drafts: [IndicatorDraft], before index: Int) -> Level1? {
    // By index: a loop over the drafts themselves copied each one.
    for row in stride(from: index - 1, through: 0, by: -1) {
      if let level1 = drafts[row].level1 { return level1 }
    }
    return nil
  }

  private func assignLevel1(_ drafts: inout [IndicatorDraft]) {
    var lastExplicit: (Level1, Cell)?
    for index in drafts.indices {
      if let level1 = drafts[index].level1, let cell = drafts[index].level1Cell {
        drafts[index].resolvedLevel1 = level1
        drafts[index].level1Origin = .cell
        drafts[index].level1Source = cell
        lastExplicit = (level1, cell)
        continue
      }
      if !drafts[index].level1Cell.isNil {
        // An unknown level-1 name: kept as written, judged by the validator.
        drafts[index].level1Origin = .cell
        drafts[index].level1Source = drafts[index].level1Cell
        continue
      }
      if let level2 = drafts[index].resolvedLevel2 {
        let parent = level2.parent(in: framework)
        if let (level1, cell) = lastExplicit, level1 == parent || (level2 == .serviceSatisfaction && level1 == .benefit) {
          drafts[index].resolvedLevel1 = level1
          drafts[index].level1Origin = .merged
          drafts[index].level1Source = cell
        } else {
          drafts[index].resolvedLevel1 = parent
          drafts[index].level1Origin = .framework
        }
        continue
      }
      if let (level1, cell) = lastExplicit {
        drafts[index].resolvedLevel1 = level1
        drafts[index].level1Origin = .merged
        drafts[index].level1Source = cell
      } else if let next = drafts[(index + 1)...].first(where: { $0.level1 != nil }), let cell = next.level1Cell {
        drafts[index].resolvedLevel1 = next.level1
        drafts[index].level1Origin = .following
        drafts[index].level1Source = cell
      }
    }
  }
}
