import Testing

@testable import Jixiao

/// Every dialect is named where users choose one: the HTTP API's `dialect` parameter lists
/// them all (its enum once missed `markdown`), and the README's layouts section names each.
@Suite struct DialectListTests {
  static func text(_ path: String) throws -> String {
    String(decoding: try #require(CorpusFiles.read(CorpusTests.root + "/" + path)), as: UTF8.self)
  }

  @Test func apiDescriptionListsEveryDialect() throws {
    let description = try Self.text("Schemas/jixiao-api.openapi.yaml")
    let line = try #require(description.split(separator: "\n").first { $0.contains("enum: [tabbed,") })
    let listed = line.split(separator: "[")[1].split(separator: "]")[0].split(separator: ",").map { $0.trimmingPrefix(" ") }.map(String.init)
    #expect(listed.sorted() == Dialect.allCases.map(\.rawValue).sorted())
  }

  @Test func readmeNamesEveryDialect() throws {
    let readme = try Self.text("README.md")
    for dialect in Dialect.allCases {
      #expect(readme.contains("`\(dialect.rawValue)`"), "\(dialect.rawValue)")
    }
  }
}
