import Foundation
import Testing

@testable import Jixiao

/// Every regression input (fuzzer finds, reduced lossless cases, decoder corner cases) gets an
/// answer, never a trap: a document that encodes to valid JSON, or a one-line error with exit
/// code 64, 65 or 66. Under `swift test --sanitize=address` this also checks memory safety.
@Suite("Fuzz regressions")
struct FuzzRegressionTests {
  @Test("every input gets an answer", arguments: Robustness.inputFiles)
  func answers(file: URL) throws {
    let bytes = try Robustness.bytes(file)
    let name = file.lastPathComponent
    for dialect in [nil] + Dialect.allCases.map(Optional.some) {
      do {
        let document = try Jixiao.parse(bytes, path: name, options: ParseOptions(dialect: dialect))
        let json = DocumentEncoder.encode(document, language: .zh, pretty: false)
        #expect((try? JSONSerialization.jsonObject(with: Data(json))) != nil, "\(name): output is not JSON")
        #expect(document.source.bytes == bytes.count)
      } catch {
        #expect(!error.message.contains("\n"), "\(name): \(error.message)")
        #expect([64, 65, 66].contains(error.exitCode))
      }
      _ = try? SegmentationDump.dump(bytes, path: name, options: ParseOptions(dialect: dialect))
    }
  }

  /// Every span in the output points inside the file and at a real line.
  @Test("spans stay inside the file", arguments: Robustness.inputFiles + Robustness.corpusFiles)
  func spansInside(file: URL) throws {
    let bytes = try Robustness.bytes(file)
    guard case .document(let json) = ParseOutcome.of(bytes, path: "x") else { return }
    let lines = try SourceDecoder.decode(bytes, path: "x").0.lines.count
    for claim in Robustness.claims(in: json) {
      for span in claim.spans {
        #expect(span.offset >= 0 && span.offset <= bytes.count, "\(claim.path) \(span)")
        #expect(span.line >= 1 && span.line <= max(lines, 1), "\(claim.path) \(span)")
        #expect(span.column >= 1 && span.length >= 0, "\(claim.path) \(span)")
      }
    }
  }
}
