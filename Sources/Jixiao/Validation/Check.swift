/// A check over the read document: one catalogue entry, one file in `Checks/`.
protocol Check {
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
    var indicators: [Indicator]
    /// The indicators whose targets are their own (not filled from a merged cell above).
    var ownTargets: [Indicator] { indicators.filter { !$0.sharesNameAndTargetWithAbove } }
    var placeholders: [Placeholder]
    var span: SourceSpan
    var isDepartment: Bool
    var period: Period?
  }

  var entities: [Entity] {
    document.projects.map {
      Entity(
        name: $0.name ?? "", table: table($0.table), funds: $0.funds, indicators: $0.indicators,
        placeholders: $0.placeholders, span: $0.span, isDepartment: false, period: $0.period)
    }
      + document.departments.map {
        Entity(
          name: $0.name ?? "", table: table($0.table), funds: $0.funds, indicators: $0.indicators,
          placeholders: $0.placeholders, span: $0.span, isDepartment: true, period: nil)
      }
  }

  /// The last project of a document that was cut off: its completeness cannot be judged.
  func isCutOff(_ span: SourceSpan) -> Bool {
    guard document.source.isTruncated else { return false }
    let last = (document.projects.map(\.span) + document.departments.map(\.span)).max()
    return last == span
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
