import FoundationEssentials

/// The normalised reading of one disclosure: what `jixiao parse` prints.
public struct Document: Sendable {
  /// Version of the JSON schema in `Schemas/jixiao.schema.json` that the output follows.
  public static let schemaVersion = "1.4.0"

  public var source: SourceInfo
  public var tables: [TableInfo] = []
  public var projects: [Project] = []
  /// 部门整体支出绩效目标: department-wide targets, not projects.
  public var departments: [DepartmentTarget] = []
  /// Label/amount lines of a budget summary (部门收支总表).
  public var budgetLines: [BudgetLine] = []
  /// Text outside any table: titles, headings, prose, notes, sign-off lines.
  public var passages: [Passage] = []
  public var diagnostics: [Diagnostic] = []
  /// Cells that no stage could claim, each with the reason.
  public var residue: [ResidueItem] = []

  public init(source: SourceInfo) {
    self.source = source
  }
}

/// Where the document came from and how it was read.
public struct SourceInfo: Sendable, Hashable {
  public var path: String
  public var sha256: String
  public var bytes: Int
  /// The encoding the bytes were decoded from: "UTF-8", "UTF-16LE", "GB18030" …
  public var encoding: String
  /// How sure detection was, 0…100 (100 for a BOM, for valid UTF-8, or for `--encoding`).
  public var encodingConfidence: Int
  public var hasBOM: Bool
  /// "LF", "CRLF", "CR", "mixed" or "none".
  public var lineEnding: String
  public var lines: Int
  /// The layout the tokenizer recognised: "tabbed", "cellPerLine" …
  public var dialect: String
  /// The text ends mid-cell or on a bare label without a line break: probably cut off.
  public var isTruncated = false

  public init(
    path: String, sha256: String, bytes: Int, encoding: String, encodingConfidence: Int,
    hasBOM: Bool, lineEnding: String, lines: Int, dialect: String
  ) {
    self.path = path
    self.sha256 = sha256
    self.bytes = bytes
    self.encoding = encoding
    self.encodingConfidence = encodingConfidence
    self.hasBOM = hasBOM
    self.lineEnding = lineEnding
    self.lines = lines
    self.dialect = dialect
  }
}

/// A text block outside the tables.
public struct Passage: Sendable, Hashable {
  public enum Kind: String, Sendable {
    case heading, prose, note, metadata, signature
  }

  public var kind: Kind
  public var text: String
  public var span: SourceSpan

  public init(kind: Kind, text: String, span: SourceSpan) {
    self.kind = kind
    self.text = text
    self.span = span
  }
}

/// A cell no stage claimed.
public struct ResidueItem: Sendable, Hashable {
  public enum Reason: String, Sendable {
    /// `[image: image779.png]` left by a converter where a picture was.
    case imagePlaceholder
    /// Characters recognised from a picture, next to an image placeholder.
    case ocrNoise
    /// Text that bled into a cell from elsewhere on the page.
    case bledText
    /// A cell in a table row whose column has no known meaning.
    case unknownColumn
    /// A second cell for a field its row already has: two columns with the same heading, or
    /// two rows run into one.
    case duplicateCell
    /// A row inside a table that matched no expected shape.
    case unrecognisedRow
    /// A cell after a table was cut off.
    case truncated
    /// Text in a document with no performance table.
    case outsideTable
    /// A cell of a table that is not a target table (a self-evaluation, an evaluation table).
    case notATargetTable
  }

  public var text: String
  public var span: SourceSpan
  public var reason: Reason

  public init(text: String, span: SourceSpan, reason: Reason) {
    self.text = text
    self.span = span
    self.reason = reason
  }
}

/// A line of a budget summary (部门收支总表): `一、基本支出 650.65`.
public struct BudgetLine: Sendable, Hashable {
  public enum Side: String, Sendable {
    case income, expenditure
  }

  public enum Role: String, Sendable {
    case item, subtotal, total
  }

  public var table: Int
  /// The label as printed, inner spaces kept (`本 年 收 入 合 计`).
  public var label: String
  /// The label with inner spaces and numbering removed (`本年收入合计`).
  public var normalizedLabel: String
  public var side: Side
  public var role: Role
  public var amount: Amount?
  public var span: SourceSpan

  public init(
    table: Int, label: String, normalizedLabel: String, side: Side, role: Role,
    amount: Amount?, span: SourceSpan
  ) {
    self.table = table
    self.label = label
    self.normalizedLabel = normalizedLabel
    self.side = side
    self.role = role
    self.amount = amount
    self.span = span
  }
}
