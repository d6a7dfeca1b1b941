import FoundationEssentials

/// A check over the read document: one catalogue entry, one file in `Checks/`.
protocol Check: SendableMetatype {
  static var entry: CatalogueEntry { get }
  static func run(_ subject: ValidationSubject) -> [Diagnostic]
}

/// The document as checks see it, with the lookups many checks share.
struct ValidationSubject {
  let document: Document

  /// Projects and department targets alike: what has funds and indicators.
  struct Entity {
    var name: String
    var table: TableInfo?
    var funds: Funds
    let indicators: [Indicator]
    /// The indicators whose targets are their own (not filled from a merged cell above).
    /// Stored: a dozen checks walk them, and filtering copied every indicator each time.
    let ownTargets: [Indicator]
    var placeholders: [Placeholder]
    var span: SourceSpan
    var isDepartment: Bool
    var period: Period?
    /// The weight total a project's header declares (`年度绩效目标(90分)`).
    var declaredWeightTotal: Decimal?

    init(
      name: String, table: TableInfo?, funds: Funds, indicators: [Indicator], placeholders: [Placeholder],
      span: SourceSpan, isDepartment: Bool, period: Period?, declaredWeightTotal: Decimal? = nil
    ) {
      self.name = name
      self.table = table
      self.funds = funds
      self.indicators = indicators
      // Most entities have no shared targets: share the array rather than copy every
      // indicator (584 bytes each; the copies were most of validation's memory).
      self.ownTargets =
        indicators.contains { $0.sharesNameAndTargetWithAbove }
        ? indicators.filter { !$0.sharesNameAndTargetWithAbove } : indicators
      self.placeholders = placeholders
      self.span = span
      self.isDepartment = isDepartment
      self.period = period
      self.declaredWeightTotal = declaredWeightTotal
    }
  }

  /// Projects, then department targets. Built once: every check walks them.
  let entities: [Entity]
  /// The span of the document's last entity, for `isCutOff`.
  private let lastEntitySpan: SourceSpan?

  init(document: Document) {
    self.document = document
    let tables = document.tables
    func table(_ index: Int) -> TableInfo? { tables.indices.contains(index) ? tables[index] : nil }
    entities =
      document.projects.map {
        Entity(
          name: $0.name ?? "", table: table($0.table), funds: $0.funds, indicators: $0.indicators,
          placeholders: $0.placeholders, span: $0.span, isDepartment: false, period: $0.period,
          declaredWeightTotal: $0.declaredWeightTotal)
      }
      + document.departments.map {
        Entity(
          name: $0.name ?? "", table: table($0.table), funds: $0.funds, indicators: $0.indicators,
          placeholders: $0.placeholders, span: $0.span, isDepartment: true, period: nil)
      }
    lastEntitySpan = entities.map(\.span).max()
  }

  /// The last project of a document that was cut off: its completeness cannot be judged.
  func isCutOff(_ span: SourceSpan) -> Bool {
    document.source.isTruncated && lastEntitySpan == span
  }

  func table(_ index: Int) -> TableInfo? {
    document.tables.indices.contains(index) ? document.tables[index] : nil
  }
}

extension Diagnostic {
  init(_ check: any Check.Type, span: SourceSpan?, _ arguments: String..., related: [Related] = []) {
    self.init(check.entry.code, span: span, arguments, related: related, severity: check.entry.severity)
  }
}
