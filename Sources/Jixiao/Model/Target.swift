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
    /// The unit came from the unit column, or from the unit the indicator's name gives in
    /// brackets (`项目总成本（万元） │ 130`).
    case unitFromColumn
    /// The number looks like an Excel date serial (44561 = 2021-12-31).
    case excelDateSerial
    /// A template placeholder (`≥**%`) was in the text.
    case templatePlaceholder
    /// Run-together text left only digits where the header has several columns (`88100`
    /// under 指标值 │ 备注): they may be several cells, so no number was read.
    case digitsRunTogether
    /// A letter read as a digit (O or 〇 as 0, l as 1) inside a number; the text as written is in raw.
    case ocrDigit
    /// Single digits set apart by single spaces were read as one number (`≥ 6 1 %` as 61, as
    /// OCR spaces the digits of a number): the text as written is in raw. (Not `ocrDigit`:
    /// every digit was read as written; what the reading supplied is where the number ends.)
    case spacedDigits
    /// A line break inside a number, or between a number and its operator, unit or date word,
    /// was read as the cell's wrapping (`≥95⏎%` as ≥95%, `2024年12⏎月` as 2024年12月): the
    /// text as written, break and all, is in raw.
    case wrappedLine
    /// The target is a change against a baseline the text states (`较上年提高5%`, `比2023年增加2个`,
    /// `与上年持平`, `同比下降≥3%`), not a level: its value is the change, its baseline in
    /// `baseline`.
    case relative
  }

  public var raw: String
  public var kind: TargetKind
  public var op: Comparison?
  public var value: Decimal?
  /// The normalised unit: %, 元, 万元, 人, 个 …
  public var unit: String? {
    get { details?.value.unit }
    set { if newValue != nil || details != nil { madeDetails.unit = newValue } }
  }
  /// The unit as written (`百分比`, `(人)`, a unit-column value).
  public var unitRaw: String? {
    get { details?.value.unitRaw }
    set { if newValue != nil || details != nil { madeDetails.unitRaw = newValue } }
  }
  /// The value in 元 when the unit is money.
  public var yuan: Decimal? {
    get { details?.value.yuan }
    set { if newValue != nil || details != nil { madeDetails.yuan = newValue } }
  }
  public var min: Decimal? {
    get { details?.value.min }
    set { if newValue != nil || details != nil { madeDetails.min = newValue } }
  }
  public var max: Decimal? {
    get { details?.value.max }
    set { if newValue != nil || details != nil { madeDetails.max = newValue } }
  }
  public var date: DateInterval? {
    get { details?.value.date }
    set { if newValue != nil || details != nil { madeDetails.date = newValue } }
  }
  public var rank: Int? {
    get { details?.value.rank }
    set { if newValue != nil || details != nil { madeDetails.rank = newValue } }
  }
  public var grade: String? {
    get { details?.value.grade }
    set { if newValue != nil || details != nil { madeDetails.grade = newValue } }
  }
  /// A word after the number: `合格` in `80%合格`.
  public var qualifier: String? {
    get { details?.value.qualifier }
    set { if newValue != nil || details != nil { madeDetails.qualifier = newValue } }
  }
  /// What a `relative` target is measured against, as written: `上年`, `2023年`, `同期`, or
  /// `同比` / `环比` where only the comparison's word names it. Nil unless `relative`.
  public var baseline: String? {
    get { details?.value.baseline }
    set { if newValue != nil || details != nil { madeDetails.baseline = newValue } }
  }
  public var parts: [Target] {
    get { details?.value.parts ?? [] }
    _modify { yield &madeDetails.parts }
  }
  public var flags: [Flag] {
    get { details?.value.flags ?? [] }
    _modify { yield &madeDetails.flags }
  }
  public var span: SourceSpan?

  /// Every field holding a reference but the text, behind one reference: a target is copied
  /// from its reading, into its indicator and out to the encoder, and each copy of six
  /// reference-counted fields retained (and each destroy released) all six. Nil until one is
  /// set: an empty or plain-text target carries none.
  struct Details: Hashable, Sendable, EmptyInitializable {
    var unit: String?
    var unitRaw: String?
    var parts: [Target] = []
    var flags: [Flag] = []
    var yuan: Decimal? {
      get { rare?.value.yuan }
      set { rare.setRare(\.yuan, newValue) }
    }
    var min: Decimal? {
      get { rare?.value.min }
      set { rare.setRare(\.min, newValue) }
    }
    var max: Decimal? {
      get { rare?.value.max }
      set { rare.setRare(\.max, newValue) }
    }
    var date: DateInterval? {
      get { rare?.value.date }
      set { rare.setRare(\.date, newValue) }
    }
    var rank: Int? {
      get { rare?.value.rank }
      set { rare.setRare(\.rank, newValue) }
    }
    var grade: String? {
      get { rare?.value.grade }
      set { rare.setRare(\.grade, newValue) }
    }
    var qualifier: String? {
      get { rare?.value.qualifier }
      set { rare.setRare(\.qualifier, newValue) }
    }
    var baseline: String? {
      get { rare?.value.baseline }
      set { rare.setRare(\.baseline, newValue) }
    }
    /// What only some of the targets with details have (money in 元, a range, a date, a
    /// rank, a grade, a qualifier, a baseline), behind a box of its own: inline, it made the
    /// box of every target with a unit three times larger (a 10 MB document 2 MiB more at its
    /// peak).
    private var rare: Boxed<RareParts>?
  }

  struct RareParts: Hashable, Sendable, EmptyInitializable {
    var yuan: Decimal?
    var min: Decimal?
    var max: Decimal?
    var date: DateInterval?
    var rank: Int?
    var grade: String?
    var qualifier: String?
    var baseline: String?
  }

  private var details: Boxed<Details>?

  /// The details to change, boxed first if there were none.
  private var madeDetails: Details {
    get { detailsValue }
    _modify {
      if details == nil { details = Boxed(Details()) }
      yield &details!.value
    }
  }

  /// The details in place (nil when none were set), for a reader of many (the encoder):
  /// `target.unit` … each return a copy. `read` must not change them.
  func withDetailsInPlace<Result>(_ read: (inout Details) -> Result) -> Result? { details?.withValueInPlace(read) }

  /// The details, empty ones when none were set: a target without a box equals one whose box
  /// was set and emptied.
  private var detailsValue: Details { details?.value ?? Details() }

  public static func == (left: Target, right: Target) -> Bool {
    guard left.raw == right.raw, left.kind == right.kind, left.op == right.op, left.value == right.value,
      left.span == right.span
    else { return false }
    switch (left.details, right.details) {
    case (nil, nil): return true
    case (let left?, let right?): return left == right
    default: return left.detailsValue == right.detailsValue
    }
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(raw)
    hasher.combine(kind)
    hasher.combine(op)
    hasher.combine(value)
    hasher.combine(span)
    hasher.combine(detailsValue)
  }

  public init(raw: String, kind: TargetKind, span: SourceSpan? = nil) {
    self.raw = raw
    self.kind = kind
    self.span = span
  }
}
