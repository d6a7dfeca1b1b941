import FoundationEssentials
import PropertyBased
import Testing

@testable import Jixiao

/// The round trip as a property: a random but valid document — projects with funds in 元
/// or 万元, indicators of both frameworks with targets of every kind and operator spelling,
/// merged cells, long-term and annual blocks, operator and unit columns, a page break with
/// the header repeated, and sometimes a department table (部门整体支出绩效目标表) after the
/// projects — is rendered by `Renderer` in each dialect, read back by
/// `Jixiao.parse` (the dialect detected, not forced), and must give the same projects and
/// indicators. A failure shrinks towards one project with one plain indicator.
@Suite struct RoundTripPropertyTests {
  static let indicatorSeed = zip(Gen.int(in: 0...99), Gen.int(in: 0...99), Gen.int(in: 0...999), Gen.bool).map {
    (seed: (Int, Int, Int, Bool)) in IndicatorSeed(level: seed.0, name: seed.1, target: seed.2, longTerm: seed.3)
  }

  static let projectSeed = zip(
    Gen.int(in: 0...99),
    Gen.int(in: 0...99),
    Gen.int(in: 0...9999),
    Gen.int(in: 0...99),
    indicatorSeed.array(of: 1...9)
  ).map { (seed: (Int, Int, Int, Int, [IndicatorSeed])) in
    ProjectSeed(name: seed.0, department: seed.1, amount: seed.2, goal: seed.3, indicators: seed.4)
  }

  static let documentSeed = zip(
    projectSeed.array(of: 1...3), Gen.int(in: 0...255), Gen.int(in: 0...5), projectSeed.array(of: 0...1)
  ).map { (seed: ([ProjectSeed], Int, Int, [ProjectSeed])) in
    DocumentSeed(projects: seed.0, department: seed.3.first, shape: seed.1, pageBreak: seed.2)
  }

  static let cases: [(Dialect, RenderLayout)] = RoundTrip.formats.flatMap { format in
    RenderLayout.allCases.map { (format.0, $0) }
  }

  /// Cases per dialect and layout: 150 in CI (2,700 documents in 9 dialects × 2 layouts, some twenty seconds in a
  /// debug build); `JIXIAO_PROPERTY_COUNT=5000` for a deeper search.
  static let count = CorpusFiles.environment("JIXIAO_PROPERTY_COUNT").flatMap { Int($0) } ?? 150

  /// Space-aligned text cannot tell a row whose name starts with a Latin word from a wrap
  /// when the line above nearly fills its column (`AlignedTokenizerTests`, A1): in that
  /// dialect such names start with a CJK character, in the projects and in the department
  /// table alike.
  static func withoutLeadingLatinNames(_ plan: DocumentPlan) -> DocumentPlan {
    func prefixed(_ indicators: inout [IndicatorPlan]) {
      for index in indicators.indices where indicators[index].name.first?.isASCII == true {
        indicators[index].name = "年均" + indicators[index].name
      }
    }
    var plan = plan
    for project in plan.projects.indices { prefixed(&plan.projects[project].indicators) }
    if plan.department != nil { prefixed(&plan.department!.indicators) }
    return plan
  }

  @Test(arguments: cases)
  func readsBackWhatWasWritten(dialect: Dialect, layout: RenderLayout) async {
    await propertyCheck(count: Self.count, input: Self.documentSeed) { seed in
      var plan = seed.plan(layout: layout)
      if dialect == .aligned { plan = Self.withoutLeadingLatinNames(plan) }
      let problems = RoundTrip.problems(plan, dialect)
      #expect(
        problems.isEmpty,
        "\(dialect) \(layout):\n\(problems.joined(separator: "\n"))\n--- plan\n\(plan)\n--- text\n\(RoundTrip.text(plan, dialect))"
      )
    }
  }
}
