import FoundationEssentials
import Testing

@testable import Jixiao

/// Mirror sites republish disclosures in traditional characters (public 108 and 112, two of
/// the sixteen). The corpus documents written in traditional script (each simplified
/// character turned into a traditional one that ICU's Hant-Hans rules take back) must read
/// as the documents do: the same projects, funds, levels and targets, units and grades
/// included (`≥4個`, `及時`, `優良`, `資金總額：350` are words the vocabulary knows
/// simplified), with the same findings, and a look-alike must be refused for what it is.
@Suite struct TraditionalScriptTests {
  /// Simplified → traditional, from ICU's single-character Hant-Hans rules (the first
  /// traditional character of each simplified one).
  static let traditional: [Unicode.Scalar: Unicode.Scalar] = {
    var map: [Unicode.Scalar: Unicode.Scalar] = [:]
    for line in ICU.simplifierRules.split(separator: "\n") {
      let sides = line.split(separator: ">")
      guard sides.count == 2 else { continue }
      let scalars = sides.map { side in
        side.split(separator: "\\").compactMap { escape -> Unicode.Scalar? in
          let hex = escape.dropFirst().trimmingPrefix(while: { $0 == "u" }).prefix(4)
          return UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init)
        }
      }
      guard scalars[0].count == 1, scalars[1].count == 1, map[scalars[1][0]] == nil else { continue }
      map[scalars[1][0]] = scalars[0][0]
    }
    return map
  }()

  static func traditional(_ text: String) -> String {
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars { result.append(traditional[scalar] ?? scalar) }
    return String(result)
  }

  /// Names compared in simplified script; everything else as read.
  static func facts(_ document: Document) -> [String] {
    func key(_ text: String?) -> String { text.map { TextKey.make(CellText.clean($0), simplify: true) } ?? "-" }
    var lines: [String] = []
    func entity(_ name: String?, _ funds: Funds, _ indicators: [Indicator]) {
      lines.append("\(key(name)) total \(funds.total.map { "\($0.yuan)" } ?? "-") fiscal \(funds.fiscal.map { "\($0.yuan)" } ?? "-")")
      for indicator in indicators {
        lines.append(
          "\(indicator.level1 ?? "-")/\(indicator.level2 ?? "-") \(key(indicator.name)): \(RoundTrip.describe(indicator.target))")
      }
    }
    for project in document.projects { entity(project.name, project.funds, project.indicators) }
    for department in document.departments { entity(department.name, department.funds, department.indicators) }
    // The checks find what they find in the simplified document: words in explanations and
    // scoring rules (`共計20分`, `58萬元`), names (`減少`) and fund lines (`項目支出`).
    lines += document.diagnostics.map { "\($0.code) at \($0.span.map { "\($0.line):\($0.column)" } ?? "-")" }
    return lines
  }

  static let documents = [
    "seeds/000_68f22dc76fd3e3d9", "seeds/001_cb4f80606216139f", "seeds/002_438dc74306bca1aa", "seeds/003_9b738d0a732a3c4b",
    "public/101", "public/102", "public/103", "public/104", "public/105", "public/106", "public/107", "public/109",
    "public/110", "public/111",
    "relaid/000_html", "relaid/001_csv", "relaid/003_aligned", "relaid/002_grid",
  ]

  @Test(arguments: documents)
  func readsAsTheDocumentDoes(_ name: String) throws {
    let path = "Corpus/\(name).txt"
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + path))
    let text = String(decoding: bytes, as: UTF8.self)
    let converted = Self.traditional(text)
    try #require(converted != text)
    let original = try Jixiao.parse(bytes, path: path)
    let document = try Jixiao.parse(Array(converted.utf8), path: path)
    let expected = Self.facts(original)
    let read = Self.facts(document)
    #expect(read == expected, "\(name)\n\(LineDiff.describe(expected: expected.joined(separator: "\n"), actual: read.joined(separator: "\n")))")
  }

  @Test(arguments: ["113", "114", "115", "116"])
  func lookAlikesAreNamed(_ number: String) throws {
    let path = "Corpus/public/\(number).txt"
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + path))
    let converted = Array(Self.traditional(String(decoding: bytes, as: UTF8.self)).utf8)
    let message = { (bytes: [UInt8]) -> String in
      do {
        _ = try Jixiao.parse(bytes, path: path)
        return "read"
      } catch {
        return (error as? InputError)?.message ?? "\(error)"
      }
    }
    #expect(message(converted) == message(bytes))
  }
}
