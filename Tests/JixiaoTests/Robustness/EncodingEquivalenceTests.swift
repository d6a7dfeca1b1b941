import Foundation
import Testing

@testable import Jixiao

/// The same document saved in another encoding reads the same: only the facts about the bytes
/// (encoding, BOM, confidence, size, hash, byte offsets of spans) may differ. Lines and
/// columns count decoded characters and must not move.
@Suite("Encoding equivalence")
struct EncodingEquivalenceTests {
  /// How each variant is made from the UTF-8 original.
  enum Variant: String, CaseIterable, CustomTestStringConvertible {
    case utf8BOM, gb18030, utf16LE, utf16LEBOM, utf16BE, utf16BEBOM

    var testDescription: String { rawValue }

    var expectedEncoding: String {
      switch self {
      case .utf8BOM: "UTF-8"
      case .gb18030: "GB18030"
      case .utf16LE, .utf16LEBOM: "UTF-16LE"
      case .utf16BE, .utf16BEBOM: "UTF-16BE"
      }
    }

    var hasBOM: Bool { [.utf8BOM, .utf16LEBOM, .utf16BEBOM].contains(self) }

    func make(_ utf8: [UInt8]) throws -> [UInt8] {
      switch self {
      case .utf8BOM: [0xEF, 0xBB, 0xBF] + utf8
      case .gb18030: try Robustness.iconv(utf8, to: "GB18030")
      case .utf16LE: try Robustness.iconv(utf8, to: "UTF-16LE")
      case .utf16LEBOM: [0xFF, 0xFE] + (try Robustness.iconv(utf8, to: "UTF-16LE"))
      case .utf16BE: try Robustness.iconv(utf8, to: "UTF-16BE")
      case .utf16BEBOM: [0xFE, 0xFF] + (try Robustness.iconv(utf8, to: "UTF-16BE"))
      }
    }
  }

  @Test("every corpus document reads the same in every encoding", arguments: Robustness.corpusFiles)
  func sameReading(file: URL) throws {
    let path = Robustness.relativePath(file)
    let original = try Robustness.bytes(file)
    let reference = ParseOutcome.of(original, path: path)
    for variant in Variant.allCases {
      let bytes = try variant.make(original)
      let outcome = ParseOutcome.of(bytes, path: path)
      switch (reference, outcome) {
      case (.document(let expected), .document(let actual)):
        let source = try #require(Self.source(of: actual))
        #expect(source["encoding"] == .string(variant.expectedEncoding), "\(path) as \(variant)")
        #expect(source["hasBOM"] == .bool(variant.hasBOM), "\(path) as \(variant)")
        #expect(source["bytes"] == .number(String(bytes.count)), "\(path) as \(variant)")
        let a = Robustness.withoutByteFacts(expected)
        let b = Robustness.withoutByteFacts(actual)
        #expect(a == b, "\(path) as \(variant): \(Robustness.firstDifference(a, b))")
        if variant == .utf8BOM {
          // Same bytes after a 3-byte prefix: every offset moves by exactly 3.
          #expect(Self.offsets(expected).map { $0 + 3 } == Self.offsets(actual), "\(path) with a BOM")
        }
      case (.refused(let expected), .refused(let actual)):
        #expect(expected == actual, "\(path) as \(variant)")
      default:
        Issue.record("\(path) as \(variant): \(Self.describe(reference)) but \(Self.describe(outcome))")
      }
    }
  }

  /// Span offsets are byte offsets into the file as given, whatever its encoding: the bytes
  /// at a span's offset decode to the span's first character.
  @Test("span offsets point at the right bytes in every encoding", arguments: [Variant.gb18030, .utf16LE, .utf16BEBOM])
  func offsetsPointIntoTheOriginal(variant: Variant) throws {
    let file = try #require(Robustness.corpusFiles.first { $0.lastPathComponent.hasPrefix("000_") })
    let original = try Robustness.bytes(file)
    let bytes = try variant.make(original)
    let (text, _) = try SourceDecoder.decode(bytes, path: "x")
    let (reference, _) = try SourceDecoder.decode(original, path: "x")
    let grid = Tokenizer.tokenize(text)
    let referenceGrid = Tokenizer.tokenize(reference)
    #expect(grid.rows.count == referenceGrid.rows.count)
    var checked = 0
    for (row, referenceRow) in zip(grid.rows, referenceGrid.rows) {
      for (cell, referenceCell) in zip(row.cells, referenceRow.cells) where !cell.isEmpty {
        #expect(cell.text == referenceCell.text)
        #expect(cell.span.line == referenceCell.span.line && cell.span.column == referenceCell.span.column)
        // Decode the first character alone from the variant's bytes at the cell's offset.
        let first = String(cell.text.unicodeScalars.first.map(Character.init) ?? " ")
        let encoded = try variant == .gb18030 ? Robustness.iconv(Array(first.utf8), to: "GB18030")
          : Robustness.iconv(Array(first.utf8), to: variant.expectedEncoding)
        let slice = Array(bytes[cell.span.offset..<min(bytes.count, cell.span.offset + encoded.count)])
        #expect(slice == encoded, "cell '\(cell.text)' at \(cell.span.offset) as \(variant)")
        checked += 1
        if checked >= 40 { return }
      }
    }
  }

  @Test("--encoding overrides detection")
  func requestedEncoding() throws {
    let file = try #require(Robustness.corpusFiles.first { $0.lastPathComponent.hasPrefix("002_") })
    let original = try Robustness.bytes(file)
    let gbk = try Robustness.iconv(original, to: "GBK")
    let detected = try Jixiao.parse(gbk, path: "x")
    let requested = try Jixiao.parse(gbk, path: "x", options: ParseOptions(encoding: "GBK"))
    #expect(requested.source.encoding == "GBK")
    #expect(requested.source.encodingConfidence == 100)
    #expect(detected.source.encoding == "GB18030")
    #expect(requested.projects.map(\.name) == detected.projects.map(\.name))
    // Reading GBK bytes as UTF-16LE is what the user asked for: odd text, not a crash.
    let forced = ParseOutcome.of(gbk, path: "x", options: ParseOptions(encoding: "UTF-16LE"))
    if case .refused(let error) = forced {
      #expect(error.exitCode == 65)
    }
  }

  @Test("an unknown --encoding name is a usage error")
  func unknownEncoding() {
    #expect(throws: InputError.unknownEncoding(path: "a.txt", name: "KLINGON-8")) {
      try Jixiao.parse(Array("项目名称".utf8), path: "a.txt", options: ParseOptions(encoding: "KLINGON-8"))
    }
    #expect(InputError.unknownEncoding(path: "a.txt", name: "x").exitCode == 64)
  }

  /// Short GBK text gives ICU little to go on: the guess is GB18030 and says it is a guess.
  @Test("a weak guess is a JX101 diagnostic")
  func lowConfidence() throws {
    let gbk = try Robustness.iconv(Array("项目名称\t资金\n".utf8), to: "GBK")
    let (_, report) = try SourceDecoder.decode(gbk, path: "x")
    #expect(report.encoding == "GB18030")
    #expect(report.confidence < SourceDecoder.confidenceFloor)
    #expect(report.isLowConfidence)
    let diagnostics = DecodingDiagnostics.make(report, text: try SourceDecoder.decode(gbk, path: "x").0)
    #expect(diagnostics.map(\.code) == ["JX101"])
  }

  static func source(of json: JSON) -> [String: JSON]? {
    guard case .object(let members) = json,
      case .object(let fields)? = members.first(where: { $0.0 == "source" })?.1
    else { return nil }
    return Dictionary(fields, uniquingKeysWith: { a, _ in a })
  }

  static func offsets(_ json: JSON) -> [Int] {
    var result: [Int] = []
    func walk(_ value: JSON) {
      if let span = Robustness.span(value) {
        result.append(span.offset)
        return
      }
      switch value {
      case .object(let members): members.forEach { walk($0.1) }
      case .array(let items): items.forEach(walk)
      default: break
      }
    }
    walk(json)
    return result
  }

  static func describe(_ outcome: ParseOutcome) -> String {
    switch outcome {
    case .document: "a document"
    case .refused(let error): "refused: \(error.message)"
    }
  }
}

/// UTF-16 without a BOM whose text is almost all CJK: few NUL bytes to go by.
@Suite("UTF-16 detection")
struct UTF16DetectionTests {
  static let text = "项目名称\t社区居家养老服务\n绩效目标\t提高老年人生活质量，服务满意度达到百分之九十以上\n"

  @Test(arguments: ["UTF-16LE", "UTF-16BE"])
  func cjkWithoutBOM(charset: String) throws {
    let bytes = try Robustness.iconv(Array(Self.text.utf8), to: charset)
    let (decoded, report) = try SourceDecoder.decode(bytes, path: "x")
    #expect(report.encoding == charset)
    #expect(String(decoding: decoded.utf8, as: UTF8.self) == Self.text)
  }

  /// A run of one character whose bytes swapped are CJK too: the tabs' NULs decide.
  @Test func repeatedCharacter() throws {
    let text = "项目名称\t" + String(repeating: "数", count: 200) + "\n"
    let bytes = try Robustness.iconv(Array(text.utf8), to: "UTF-16LE")
    let (_, report) = try SourceDecoder.decode(bytes, path: "x")
    #expect(report.encoding == "UTF-16LE")
  }

  /// GB18030 and UTF-8 Chinese do not look like UTF-16.
  @Test func otherEncodingsAreNotUTF16() throws {
    let utf8 = Array(String(repeating: Self.text, count: 20).utf8)
    #expect(UTF16Heuristic.plausibleShare(utf8[...], bigEndian: false) < 0.9)
    #expect(UTF16Heuristic.plausibleShare(utf8[...], bigEndian: true) < 0.9)
    let gb = try Robustness.iconv(utf8, to: "GB18030")
    #expect(UTF16Heuristic.plausibleShare(gb[...], bigEndian: false) < 0.9)
    #expect(UTF16Heuristic.plausibleShare(gb[...], bigEndian: true) < 0.9)
  }
}
