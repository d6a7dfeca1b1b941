import FoundationEssentials
import Testing

@testable import Jixiao

@Suite struct CatalogueTests {
  @Test func codesAreUniqueStableAndGroupedByFamily() {
    let codes = Catalogue.entries.map(\.code)
    #expect(Set(codes).count == codes.count)
    for code in codes {
      #expect(code.count == 5 && code.hasPrefix("JX") && Int(code.dropFirst(2)) != nil, "\(code)")
      #expect(("1"..."6").contains(String(code.dropFirst(2).prefix(1))), "\(code) outside the families")
    }
  }

  @Test(arguments: Catalogue.entries.map(\.code))
  func entryExplainsItselfInBothLanguages(_ code: String) throws {
    let entry = try #require(Catalogue.entry(code))
    for language in Language.allCases {
      #expect(!entry.title.text(language).isEmpty)
      #expect(!entry.message.text(language).isEmpty)
      let explanation = entry.explanation.text(language)
      #expect(explanation.contains(language == .zh ? "示例" : "Example"), "\(code) \(language) lacks an example")
      #expect(explanation.contains(language == .zh ? "修正" : "Fix"), "\(code) \(language) lacks a fix")
    }
    // Both templates use the same placeholders.
    func placeholders(_ text: String) -> Set<String> {
      Set((0..<6).map { "{\($0)}" }.filter { text.contains($0) })
    }
    #expect(placeholders(entry.message.zh) == placeholders(entry.message.en), "\(code) templates differ")
  }

  @Test func messagesRenderInTheChosenLanguage() {
    let diagnostic = Diagnostic("JX205", span: nil, ["协管员队伍建设经费", "90", "100"])
    #expect(diagnostic.message(in: .en) == "the indicator weights of '协管员队伍建设经费' total 90; expected 100")
    #expect(diagnostic.message(in: .zh) == "“协管员队伍建设经费”各指标分值合计为 90，应为 100")
    #expect(diagnostic.severity == .warning)
  }
}
