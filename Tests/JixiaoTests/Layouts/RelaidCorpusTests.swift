import FoundationEssentials
import Testing

@testable import Jixiao

/// The seeds' content re-laid in the dialects no public document shows (`Corpus/relaid/`,
/// made by the scripts in `Corpus/relaid/tools/`, see its README): each must be detected as
/// its dialect and give the same projects and indicators as the seed it came from — names,
/// levels, targets' kind, operator, value and unit, funds in 元.
@Suite struct RelaidCorpusTests {
  struct Case: Sendable, CustomStringConvertible {
    var document: String
    var seed: String
    var dialect: Dialect
    /// The re-laid document holds `projects` of the seed's projects, from the `first`.
    var projects: Int
    var first = 0
    /// A list layout carries a project's name, total funds and goal, not its fiscal funds.
    var isList = false

    var description: String { document }
  }

  static let cases: [Case] = [
    Case(document: "000_html", seed: "000_68f22dc76fd3e3d9", dialect: .html, projects: 4),
    Case(document: "002_html", seed: "002_438dc74306bca1aa", dialect: .html, projects: 1),
    Case(document: "003_csv", seed: "003_9b738d0a732a3c4b", dialect: .csv, projects: 3),
    Case(document: "001_csv", seed: "001_cb4f80606216139f", dialect: .csv, projects: 13, isList: true),
    Case(document: "000_aligned", seed: "000_68f22dc76fd3e3d9", dialect: .aligned, projects: 4),
    Case(document: "003_aligned", seed: "003_9b738d0a732a3c4b", dialect: .aligned, projects: 4),
    Case(document: "000_grid", seed: "000_68f22dc76fd3e3d9", dialect: .gridTable, projects: 4),
    Case(document: "002_grid", seed: "002_438dc74306bca1aa", dialect: .gridTable, projects: 1),
    Case(document: "000_pdftotext", seed: "000_68f22dc76fd3e3d9", dialect: .aligned, projects: 4),
    Case(document: "003_pdftotext", seed: "003_9b738d0a732a3c4b", dialect: .aligned, projects: 4),
    Case(document: "000_glued", seed: "000_68f22dc76fd3e3d9", dialect: .runTogetherRows, projects: 4),
    Case(document: "003_oneline", seed: "003_9b738d0a732a3c4b", dialect: .runTogether, projects: 2),
    Case(document: "003_oneline_b", seed: "003_9b738d0a732a3c4b", dialect: .runTogether, projects: 1, first: 6),
  ]

  static func read(_ relativePath: String) throws -> Document {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    return try Jixiao.parse(bytes, path: relativePath)
  }

  /// A project as the comparison sees it: one line per fact. Targets wrapped over lines
  /// (space-aligned and grid documents) must read as the seed's unwrapped ones.
  static func facts(_ project: Project, isList: Bool) -> [String] {
    var lines = [
      "name \(RoundTrip.key(project.name) ?? "-")", "total \(project.funds.total.map { "\($0.yuan)" } ?? "-")",
    ]
    if !isList { lines.append("fiscal \(project.funds.fiscal.map { "\($0.yuan)" } ?? "-")") }
    for indicator in project.indicators {
      lines.append(
        "\(indicator.horizon) \(indicator.level1 ?? "-")/\(indicator.level2 ?? "-") \(RoundTrip.key(indicator.name) ?? "-"): "
          + RoundTrip.describe(indicator.target)
      )
    }
    return lines
  }

  @Test(arguments: cases)
  func readsLikeItsSeed(_ relaid: Case) throws {
    let document = try Self.read("Corpus/relaid/\(relaid.document).txt")
    let seed = try Self.read("Corpus/seeds/\(relaid.seed).txt")
    #expect(document.source.dialect == relaid.dialect.rawValue)
    try #require(document.projects.count == relaid.projects)
    for (project, original) in zip(document.projects, seed.projects.dropFirst(relaid.first).prefix(relaid.projects)) {
      let read = Self.facts(project, isList: relaid.isList)
      let expected = Self.facts(original, isList: relaid.isList)
      #expect(
        read == expected,
        "\(relaid.document): \(original.name ?? "-")\n\(LineDiff.describe(expected: expected.joined(separator: "\n"), actual: read.joined(separator: "\n")))"
      )
    }
  }

  /// F3 (fixed): targets wrapped over lines read as the seed reads them, the reading stage
  /// joining soft line breaks; there are such targets to check.
  @Test func wrappedTargets() throws {
    var pairs: [(String, String)] = []
    for relaid in Self.cases {
      let document = try Self.read("Corpus/relaid/\(relaid.document).txt")
      let seed = try Self.read("Corpus/seeds/\(relaid.seed).txt")
      for (project, original) in zip(document.projects, seed.projects) {
        for (indicator, expected) in zip(project.indicators, original.indicators)
        where indicator.target.raw.contains("\n") {
          pairs.append((RoundTrip.describe(indicator.target), RoundTrip.describe(expected.target)))
        }
      }
    }
    #expect(!pairs.isEmpty)
    for (read, expected) in pairs { #expect(read == expected) }
  }

}
