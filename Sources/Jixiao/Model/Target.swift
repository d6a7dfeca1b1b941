import FoundationEssentials

/// A comparison operator of a target.
public enum Comparison: String, Sendable, CaseIterable {
  case atLeast = ">="
  case greater = ">"
  case equal = "="
  case less = "<"
  case atMost = "<="
}

/// What kind of statement a target is.
public enum TargetKind: String, Sendable, CaseIterable {
  /// A number with an optional operator and unit: `≥96%`, `>3.00(人)`.
  case quantitative
  /// `90%-95%`, `3~5个`: `min` and `max`.
  case range
  /// `2024年12月`, `年底前`, `二季度`: an interval in `date`.
  case date
  /// `前三名`, `第一`: a position.
  case rank
  /// `显著提升`, `合格`, `是`: a grade or direction without a number.
  case qualitative
  /// Several targets in one cell: `二季度完成开题，四季度完成结题`.
  case compound
  /// Nothing else fits (always with a diagnostic).
  case text
  /// The cell is empty.
  case empty
}

/// An ISO date interval (`YYYY-MM-DD`, both ends inclusive).
public struct DateInterval: Sendable, Hashable {
  public var start: String
  public var end: String

  public init(start: String, end: String) {
    self.start = start
    self.end = end
  }
}

/// A target value (指标值) as published, with its reading.
public struct Target: Sendable, Hashable {
  /// Things the grammar wants a reader to know about its reading.
  public enum Flag: String, Sendable, Hashable {
    /// The unit is not in the grammar's table; kept as written.
    case unitUnknown
    /// The operator column and the text disagree; the text was kept.
    case operatorConflict
    /// The unit column and the unit in the text disagree; the text was kept.
    case unitConflict
    /// The budget year was filled in because the text gave none.
    case yearAssumed
    /// The operator came from the operator column.
    case operatorFromColumn
    /// The unit came from the unit column.
    case unitFromColumn
    /// The number looks like an Excel date serial (44561 = 2021-12-31).
    case excelDateSerial
    /// A template placeholder (`≥**%`) was in the text.
    case templatePlaceholder
    /// Run-together text left only digits where the header has several columns (`88100`
    /// under 指标值 │ 备注): they may be several cells, so no number was read.
    case digitsRunTogether
  }

  public var raw: String
  public var kind: TargetKind
  public var op: Comparison?
  public var value: Decimal?
  /// The normalised unit: %, 元, 万元, 人, 个 …
  public var unit: String?
  /// The unit as written (`百分比`, `(人)`, a unit-column value).
  public var unitRaw: String?
  /// The value in 元 when the unit is money.
  public var yuan: Decimal? {
    get { rare?.value.yuan }
    set { rare.setRare(\.yuan, newValue) }
  }
  public var min: Decimal? {
    get { rare?.value.min }
    set { rare.setRare(\.min, newValue) }
  }
  public var max: Decimal? {
    get { rare?.value.max }
    set { rare.setRare(\.max, newValue) }
  }
  public var date: DateInterval? {
    get { rare?.value.date }
    set { rare.setRare(\.date, newValue) }
  }
  public var rank: Int? {
    get { rare?.value.rank }
    set { rare.setRare(\.rank, newValue) }
  }
  public var grade: String? {
    get { rare?.value.grade }
    set { rare.setRare(\.grade, newValue) }
  }
  /// A word after the number: `合格` in `80%合格`.
  public var qualifier: String? {
    get { rare?.value.qualifier }
    set { rare.setRare(\.qualifier, newValue) }
  }
  public var parts: [Target] = []
  public var flags: [Flag] = []
  public var span: SourceSpan?

  /// What only some targets have (money in 元, a range, a date, a rank, a grade, a
  /// qualifier), behind one reference: inline it was 150 bytes of every target.
  struct RareParts: Hashable, Sendable, EmptyInitializable {
    var yuan: Decimal?
    var min: Decimal?
    var max: Decimal?
    var date: DateInterval?
    var rank: Int?
    var grade: String?
    var qualifier: String?
  }

  private var rare: Boxed<RareParts>?

  public init(raw: String, kind: TargetKind, span: SourceSpan? = nil) {
    self.raw = raw
    self.kind = kind
    self.span = span
  }
}
