/// A table laid out for writing: what `jixiao render` prints, in any output dialect.
///
/// The grid is explicit: each row has one slot per column, a slot is a cell or `nil` when a
/// merged cell above or to the left covers it. Encoders only format this; they never look
/// at the document again.
public struct RenderedTable: Sendable, Hashable {
  /// The title line above the table (`部门项目支出预算绩效目标表`).
  public var title: String?
  /// The line under the title (`(2024年度)`).
  public var subtitle: String?
  public var columnCount: Int
  public var rows: [RenderedRow]

  public init(title: String?, subtitle: String?, columnCount: Int, rows: [RenderedRow]) {
    self.title = title
    self.subtitle = subtitle
    self.columnCount = columnCount
    self.rows = rows
  }
}

public struct RenderedRow: Sendable, Hashable {
  /// One slot per column; nil where a merged cell covers it.
  public var slots: [RenderedCell?]
  public var isHeader: Bool
  /// A page break comes before this row (a form feed in text dialects).
  public var startsPage: Bool

  public init(slots: [RenderedCell?], isHeader: Bool = false, startsPage: Bool = false) {
    self.slots = slots
    self.isHeader = isHeader
    self.startsPage = startsPage
  }
}

/// A cell: its text (lines separated by `\n`) and how many rows and columns it covers.
public struct RenderedCell: Sendable, Hashable {
  public var text: String
  public var rowSpan: Int
  public var columnSpan: Int

  public init(_ text: String, rowSpan: Int = 1, columnSpan: Int = 1) {
    self.text = text
    self.rowSpan = rowSpan
    self.columnSpan = columnSpan
  }
}

/// The output dialects of `jixiao render`.
public enum RenderFormat: String, Sendable, CaseIterable {
  /// Markdown pipe tables; merged cells written once, line breaks as `<br>`.
  case markdown
  /// An HTML page with real `rowspan`/`colspan`.
  case html
  /// Tab-separated rows; line breaks as `<br>`.
  case tsv
  /// RFC 4180 CSV with a UTF-8 BOM, as Excel expects.
  case csv
  /// Space-aligned columns as `pdftotext -layout` prints them (CJK counts two columns).
  case aligned
  /// Markdown grid tables (`+----+`) with merged cells.
  case grid
}

/// How projects are laid out.
public enum RenderLayout: String, Sendable, CaseIterable {
  /// One form per project (项目名称 │ … then its indicator rows), as most templates have it.
  case form
  /// One wide list per table: a row per indicator, the project's columns on its first row.
  case list
}

extension RenderedTable {
  /// A row builder: cells placed left to right, slots under a row span left nil.
  struct Builder {
    let columnCount: Int
    private(set) var rows: [RenderedRow] = []
    /// Per column, how many more rows a merged cell above covers.
    private var remaining: [Int]

    init(columnCount: Int) {
      self.columnCount = columnCount
      remaining = Array(repeating: 0, count: columnCount)
    }

    /// Adds a row; each cell takes the next slot not covered from above; missing cells at
    /// the end are empty.
    mutating func add(_ cells: [RenderedCell], isHeader: Bool = false) {
      var slots: [RenderedCell?] = Array(repeating: nil, count: columnCount)
      let coveredNow = remaining.map { $0 > 0 }
      var column = 0
      var pending = cells[...]
      while column < columnCount {
        if coveredNow[column] {
          remaining[column] -= 1
          column += 1
          continue
        }
        var cell = pending.popFirst() ?? RenderedCell("")
        var span = 1
        while span < cell.columnSpan, column + span < columnCount, !coveredNow[column + span] { span += 1 }
        cell.columnSpan = span
        cell.rowSpan = max(cell.rowSpan, 1)
        slots[column] = cell
        for covered in column..<(column + span) { remaining[covered] = cell.rowSpan - 1 }
        column += span
      }
      rows.append(RenderedRow(slots: slots, isHeader: isHeader))
    }

    /// The table, with row spans cut at the last row.
    func table(title: String?, subtitle: String?) -> RenderedTable {
      var cut = rows
      let count = cut.count
      for rowIndex in cut.indices {
        for column in cut[rowIndex].slots.indices {
          guard let cell = cut[rowIndex].slots[column], cell.rowSpan > count - rowIndex else { continue }
          cut[rowIndex].slots[column]?.rowSpan = count - rowIndex
        }
      }
      return RenderedTable(title: title, subtitle: subtitle, columnCount: columnCount, rows: cut)
    }
  }
}
