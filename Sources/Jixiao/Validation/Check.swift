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
  ///
  /// A class: every check walks the entities, and iterating an array of a struct of a dozen
  /// reference-counted fields copied each one (about 1,000 instructions an entity and check).
  final class Entity {
    let name: String
    let table: TableInfo?
    let funds: Funds
    let indicators: [CheckedIndicator]
    /// The indicators whose targets are their own (not filled from a merged cell above).
    /// Stored: a dozen checks walk them, and filtering copied every indicator each time.
    let ownTargets: [CheckedIndicator]
    let placeholders: [Placeholder]
    let span: SourceSpan
    let isDepartment: Bool
    let period: Period?
    /// The weight total a project's header declares (`年度绩效目标(90分)`).
    let declaredWeightTotal: Decimal?

    init(
      name: String, table: TableInfo?, funds: Funds, indicators: [Indicator], placeholders: [Placeholder],
      span: SourceSpan, isDepartment: Bool, period: Period?, declaredWeightTotal: Decimal? = nil,
      simplifiesScript: Bool = false
    ) {
      self.name = name
      self.table = table
      self.funds = funds
      var checked: [CheckedIndicator] = []
      checked.reserveCapacity(indicators.count)
      var levels = CheckedIndicator.LevelReadings()
      let framework = table?.framework
      for indicator in indicators {
        checked.append(CheckedIndicator(indicator, levels: &levels, framework: framework, simplifiesScript: simplifiesScript))
      }
      self.indicators = checked
      // Most entities have no shared targets: share the array rather than filter a copy.
      self.ownTargets =
        indicators.contains { $0.sharesNameAndTargetWithAbove }
        ? checked.filter { !$0.indicator.sharesNameAndTargetWithAbove } : checked
      self.placeholders = placeholders
      self.span = span
      self.isDepartment = isDepartment
      self.period = period
      self.declaredWeightTotal = declaredWeightTotal
    }
  }

  /// Projects, then department targets. Built once: every check walks them.
  let entities: [Entity]
  /// The facts of every entity's indicators, in the order of the entities and their
  /// indicators: what most checks walk instead of the indicators.
  let facts: [IndicatorFacts]
  /// Each entity's facts: `facts[factRanges[entity]]`.
  let factRanges: [Range<Int>]
  /// The span of the document's last entity, for `isCutOff`.
  private let lastEntitySpan: SourceSpan?

  init(document: Document, simplifiesScript: Bool = false) {
    self.document = document
    let tables = document.tables
    func table(_ index: Int) -> TableInfo? { tables.indices.contains(index) ? tables[index] : nil }
    entities =
      document.projects.map {
        Entity(
          name: $0.name ?? "", table: table($0.table), funds: $0.funds, indicators: $0.indicators,
          placeholders: $0.placeholders, span: $0.span, isDepartment: false, period: $0.period,
          declaredWeightTotal: $0.declaredWeightTotal, simplifiesScript: simplifiesScript)
      }
      + document.departments.map {
        Entity(
          name: $0.name ?? "", table: table($0.table), funds: $0.funds, indicators: $0.indicators,
          placeholders: $0.placeholders, span: $0.span, isDepartment: true, period: nil,
          simplifiesScript: simplifiesScript)
      }
    lastEntitySpan = entities.map { $0.span }.max()
    var facts: [IndicatorFacts] = []
    var factRanges: [Range<Int>] = []
    facts.reserveCapacity(entities.reduce(0) { $0 + $1.indicators.count })
    factRanges.reserveCapacity(entities.count)
    for (entityIndex, entity) in entities.enumerated() {
      let start = facts.count
      entity.indicators.withUnsafeBufferPointer { indicators in
        for index in indicators.indices {
          var fact = indicators[index].facts
          fact.entity = Int32(truncatingIfNeeded: entityIndex)
          fact.index = Int32(truncatingIfNeeded: index)
          facts.append(fact)
        }
      }
      factRanges.append(start..<facts.count)
    }
    self.facts = facts
    self.factRanges = factRanges
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

extension ValidationSubject {
  /// What `find` reports of each entity's indicators (only those with their own targets when
  /// asked), in order, in one array: `flatMap` over `compactMap` made an array per entity
  /// and copied it into the result.
  ///
  /// `find` is asked only of the indicators whose facts `mayFind` (which must hold of every
  /// indicator `find` reports): the rest are not reached, nor copied.
  @inline(__always)
  func findings(
    ownTargetsOnly: Bool, where mayFind: (IndicatorFacts) -> Bool, _ find: (Entity, CheckedIndicator) -> Diagnostic?
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    eachFact(ownTargetsOnly: ownTargetsOnly, where: mayFind) { entity, checked in
      if let diagnostic = find(entity, checked) { diagnostics.append(diagnostic) }
    }
    return diagnostics
  }

  /// `body` of each entity's indicators (only those with their own targets when asked), in
  /// order, whose facts `mayFind`.
  @inline(__always)
  func eachFact(
    ownTargetsOnly: Bool, where mayFind: (IndicatorFacts) -> Bool, _ body: (Entity, CheckedIndicator) -> Void
  ) {
    facts.withUnsafeBufferPointer { facts in
      for position in facts.indices {
        let fact = facts[position]
        guard !ownTargetsOnly || fact.ownsTarget, mayFind(fact) else { continue }
        let entity = entities[Int(fact.entity)]
        body(entity, entity.indicators[Int(fact.index)])
      }
    }
  }

  /// `body` of the indicators of the entity at `entity`, in order, whose facts `mayFind`.
  @inline(__always)
  func eachFact(ofEntity entity: Int, where mayFind: (IndicatorFacts) -> Bool, _ body: (CheckedIndicator) -> Void) {
    let indicators = entities[entity].indicators
    facts.withUnsafeBufferPointer { facts in
      for position in factRanges[entity] where mayFind(facts[position]) { body(indicators[Int(facts[position].index)]) }
    }
  }

  /// Whether some indicator of the entity at `entity` has facts that `test` holds of.
  @inline(__always)
  func anyFact(ofEntity entity: Int, _ test: (IndicatorFacts) -> Bool) -> Bool {
    facts.withUnsafeBufferPointer { facts in
      for position in factRanges[entity] where test(facts[position]) { return true }
      return false
    }
  }
}
