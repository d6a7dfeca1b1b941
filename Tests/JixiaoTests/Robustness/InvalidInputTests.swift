import Foundation
import Testing

@testable import Jixiao

/// Bytes that are not a clean UTF-8 table: each class gets its exact answer.
@Suite("Invalid input")
struct InvalidInputTests {
  static let table = Array(
    """
    项目支出绩效目标表
    项目名称\t社区服务
    一级指标\t二级指标\t三级指标\t指标值
    产出指标\t数量指标\t服务人次\t≥500人次

    """.utf8)

  // MARK: Refused files

  static let refusals: [(String, [UInt8], InputError)] = [
    ("empty", [], .empty(path: "f.txt")),
    ("BOM only", [0xEF, 0xBB, 0xBF], .empty(path: "f.txt")),
    ("UTF-16 BOM only", [0xFF, 0xFE], .empty(path: "f.txt")),
    ("blanks", Array(" \t\r\n\n  \u{3000}\u{A0}\n".utf8), .whitespaceOnly(path: "f.txt")),
    ("blanks after a BOM", [0xEF, 0xBB, 0xBF, 0x20, 0x0A], .whitespaceOnly(path: "f.txt")),
    ("PNG", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13],
     .binary(path: "f.txt", what: "PNG image", byteOffset: 0)),
    ("ZIP", [0x50, 0x4B, 0x03, 0x04, 0x14, 0, 0, 0], .binary(path: "f.txt", what: "ZIP archive, or .docx/.xlsx", byteOffset: 0)),
    ("ELF", [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0], .binary(path: "f.txt", what: "ELF executable", byteOffset: 0)),
    ("PDF", Array("%PDF-1.7\n%âãÏÓ\n".utf8), .binary(path: "f.txt", what: "PDF document", byteOffset: 0)),
    ("gzip", [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0], .binary(path: "f.txt", what: "gzip archive", byteOffset: 0)),
    ("NUL in text", Array("项目名称\t社区".utf8) + [0] + Array("服务\n".utf8),
     .binary(path: "f.txt", what: "NUL byte", byteOffset: 19)),
    ("control characters", Array(repeating: Array("ab\u{01}\u{02}\u{03}".utf8), count: 10).flatMap { $0 },
     .binary(path: "f.txt", what: "control characters", byteOffset: 2)),
  ]

  @Test("refused files", arguments: refusals)
  func refused(name: String, bytes: [UInt8], expected: InputError) {
    #expect(throws: expected, "\(name)") { try Jixiao.parse(bytes, path: "f.txt") }
    #expect(expected.exitCode == 65)
  }

  @Test("the exact one-line messages")
  func messages() {
    let cases: [(InputError, String, Int32)] = [
      (.empty(path: "a.txt"), "a.txt: file is empty", 65),
      (.whitespaceOnly(path: "a.txt"), "a.txt: file holds only blank characters", 65),
      (.binary(path: "a.png", what: "PNG image", byteOffset: 0), "a.png: not a text file: PNG image at byte 0", 65),
      (.binary(path: "a.txt", what: "NUL byte", byteOffset: 19), "a.txt: not a text file: NUL byte at byte 19", 65),
      (.tooLarge(path: "a.txt", bytes: 100, limit: 10), "a.txt: file is 100 bytes, over the limit of 10 (raise it with --max-size)", 65),
      (.unknownEncoding(path: "a.txt", name: "X"), "a.txt: unknown encoding 'X' (try UTF-8, UTF-16LE, UTF-16BE, GB18030 or GBK)", 64),
      (.noTable(path: "a.txt", firstLines: ["a", "b"]), "a.txt: no performance table found; first lines read: 'a' / 'b'", 65),
      (.notFound(path: "a.txt"), "a.txt: no such file", 66),
      (.isDirectory(path: "d"), "d: is a directory, not a file", 66),
      (.unreadable(path: "a.txt", reason: "Permission denied"), "a.txt: cannot read the file (Permission denied)", 66),
    ]
    for (error, message, code) in cases {
      #expect(error.message == message)
      #expect(error.exitCode == code)
      #expect(!error.message.contains("\n"))
    }
  }

  /// Text that is not a PNG but starts like one of the weaker magic numbers reads as text.
  @Test("text that only looks like a magic number is still text")
  func magicLookalikes() {
    for prefix in ["BZh项目名称", "MZ 项目", "GIF 项目", "%PDF项目"] {
      let bytes = Array(prefix.utf8) + Self.table
      if case .refused(.binary) = ParseOutcome.of(bytes, path: "f.txt") {
        Issue.record("'\(prefix)…' refused as binary")
      }
    }
  }

  @Test("an HTML page and prose without a table: no table, with the first lines read")
  func noTable() {
    let html = Array(
      "<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>\n<body><h1>Not Found</h1></body></html>\n".utf8)
    #expect(throws: InputError.noTable(
      path: "page.txt",
      firstLines: ["<!DOCTYPE html>", "<html><head><title>404 Not Found</title>", "<body><h1>Not Found</h1></body></html>"])
    ) { try Jixiao.parse(html, path: "page.txt") }
    let prose = Array("关于下达2024年资金的通知\n\n各乡镇：\n现将有关事项通知如下。\n".utf8)
    #expect(throws: InputError.noTable(path: "p.txt", firstLines: ["关于下达2024年资金的通知", "各乡镇：", "现将有关事项通知如下。"])) {
      try Jixiao.parse(prose, path: "p.txt")
    }
  }

  // MARK: Damage inside a readable file

  @Test("invalid UTF-8 becomes U+FFFD with JX102 at the first bad byte")
  func invalidUTF8() throws {
    // Line 3 gets a lone continuation byte after 一级 (2 scalars, 6 bytes), line 4 a
    // truncated 3-byte sequence at its start: one U+FFFD each (maximal subparts).
    var lines = Self.table.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    lines[2].insert(0x80, at: 6)
    lines[3].insert(contentsOf: [0xE4, 0xB8], at: 0)
    let bytes = Array(lines.joined(separator: [0x0A]))
    let offsetOfLine3 = lines[0].count + lines[1].count + 2
    let document = try Jixiao.parse(bytes, path: "f.txt")
    let jx102 = try #require(document.diagnostics.first { $0.code == "JX102" })
    let firstBad = offsetOfLine3 + 6
    let secondBad = offsetOfLine3 + lines[2].count + 1
    #expect(jx102.span == SourceSpan(line: 3, column: 3, offset: firstBad, length: 1))
    #expect(jx102.arguments == ["2", "\(firstBad), \(secondBad)"])
    #expect(jx102.related.map(\.span) == [SourceSpan(line: 4, column: 1, offset: secondBad, length: 1)])
    #expect(jx102.message(in: .en) == "2 invalid byte sequences replaced by U+FFFD (byte offsets: \(firstBad), \(secondBad))")
    let (text, _) = try SourceDecoder.decode(bytes, path: "f.txt")
    #expect(text.text(ofLine: 2).hasPrefix("一级\u{FFFD}指标"))
    #expect(text.text(ofLine: 3).hasPrefix("\u{FFFD}产出"))
    // ICU's UTF-8 converter (--encoding UTF-8) replaces the same subparts.
    let (viaICU, report) = try SourceDecoder.decode(bytes, path: "f.txt", encoding: "UTF-8")
    #expect(viaICU.utf8 == text.utf8)
    #expect(report.invalidOffsets == [firstBad, secondBad])
  }

  /// Maximal subparts, as the Unicode standard recommends (table 3-8).
  @Test("U+FFFD per maximal subpart", arguments: [
    ([0x61, 0xF1, 0x80, 0x80, 0xE1, 0x80, 0xC2, 0x62, 0x80, 0x63, 0x80, 0xBF, 0x64] as [UInt8], "a\u{FFFD}\u{FFFD}\u{FFFD}b\u{FFFD}c\u{FFFD}\u{FFFD}d"),
    ([0xED, 0xA0, 0x80, 0x61], "\u{FFFD}\u{FFFD}\u{FFFD}a"),  // a surrogate: ED A0 is not a valid prefix
    ([0xF4, 0x90, 0x80, 0x80], "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),  // above U+10FFFF
    ([0xC0, 0xAF, 0xE0, 0x80, 0xBF], "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),  // overlong forms
    ([0x61, 0xE4, 0xB8], "a\u{FFFD}"),  // cut at the end
  ])
  func maximalSubparts(bytes: [UInt8], expected: String) throws {
    // Enough valid UTF-8 around the damage that it reads as damage (8 sequences per bad one).
    let padded = Array((String(repeating: "项目名称", count: 16) + "\n").utf8) + bytes
    let (text, report) = try SourceDecoder.decode(padded, path: "f.txt")
    #expect(report.encoding == "UTF-8")
    #expect(text.text(ofLine: 1) == expected)
    #expect(report.invalidCount == expected.unicodeScalars.filter { $0 == "\u{FFFD}" }.count)
    let (viaICU, _) = try SourceDecoder.decode(padded, path: "f.txt", encoding: "UTF-8")
    #expect(viaICU.text(ofLine: 1) == expected)
  }

  /// A short file cut inside its last character is UTF-8 with one U+FFFD, not another
  /// encoding and not undecodable.
  @Test("a truncated download stays UTF-8")
  func truncatedUTF8() throws {
    let bytes = Array("项目名称 abc\n资金".utf8).dropLast()
    let (text, report) = try SourceDecoder.decode(Array(bytes), path: "f.txt")
    #expect(report.encoding == "UTF-8")
    #expect(report.invalidCount == 1)
    #expect(text.text(ofLine: 1) == "资\u{FFFD}")
  }

  @Test("a GB18030 file with a broken character: JX102 with its offset in the GB18030 bytes")
  func invalidGB18030() throws {
    var bytes = try Robustness.iconv(Array("项目支出绩效目标表\n项目名称\t社区服务项目\n".utf8) + Self.table, to: "GB18030")
    // 0xFF is never valid in GB18030; put it after 项目名称 (4 characters, 8 bytes) on line 2.
    let line2 = bytes.firstIndex(of: 0x0A)! + 1
    bytes.insert(0xFF, at: line2 + 8)
    let (text, report) = try SourceDecoder.decode(bytes, path: "f.txt")
    #expect(report.encoding == "GB18030")
    #expect(report.invalidOffsets == [line2 + 8])
    let diagnostics = DecodingDiagnostics.make(report, text: text)
    let jx102 = try #require(diagnostics.first { $0.code == "JX102" })
    #expect(jx102.span == SourceSpan(line: 2, column: 5, offset: line2 + 8, length: 1))
  }

  @Test("a UTF-16 file cut in the middle of a code unit")
  func truncatedUTF16() throws {
    let utf16 = [0xFF, 0xFE] + (try Robustness.iconv(Self.table, to: "UTF-16LE"))
    let cut = Array(utf16.dropLast())
    let (text, report) = try SourceDecoder.decode(cut, path: "f.txt")
    #expect(report.encoding == "UTF-16LE")
    #expect(report.invalidCount == 1)
    #expect(report.invalidOffsets == [cut.count - 1])
    #expect(String(decoding: text.utf8, as: UTF8.self).hasSuffix("\u{FFFD}"))
  }

  @Test("LF, CRLF, CR and mixed line ends read the same")
  func lineEndings() throws {
    let lf = try Jixiao.parse(Self.table, path: "f.txt")
    for (ending, name) in [([0x0D, 0x0A], "CRLF"), ([0x0D], "CR")] as [([UInt8], String)] {
      let bytes = Array(Self.table.split(separator: 0x0A, omittingEmptySubsequences: false).joined(separator: ending))
      let document = try Jixiao.parse(bytes, path: "f.txt")
      #expect(document.source.lineEnding == name)
      #expect(document.source.lines == lf.source.lines)
      let a = Robustness.withoutByteFacts(DocumentEncoder.json(lf, language: .en))
      var b = Robustness.withoutByteFacts(DocumentEncoder.json(document, language: .en))
      b = Self.replacing("lineEnding", in: b, with: .string("LF"))
      #expect(a == b, "\(name): \(Robustness.firstDifference(a, b))")
    }
    let mixed = Array("项目支出绩效目标表\r\n项目名称\t社区服务\n一级指标\t二级指标\t三级指标\t指标值\r产出指标\t数量指标\t服务人次\t≥500人次\n".utf8)
    let document = try Jixiao.parse(mixed, path: "f.txt")
    #expect(document.source.lineEnding == "mixed")
    #expect(document.source.lines == 4)
  }

  /// The corpus documents with CRLF line ends read as with LF, but for byte offsets.
  @Test("corpus documents with CRLF", arguments: Robustness.corpusFiles)
  func corpusWithCRLF(file: URL) throws {
    let original = try Robustness.bytes(file)
    var crlf: [UInt8] = []
    crlf.reserveCapacity(original.count + original.count / 20)
    for byte in original {
      if byte == 0x0A { crlf.append(0x0D) }
      crlf.append(byte)
    }
    switch (ParseOutcome.of(original, path: "f.txt"), ParseOutcome.of(crlf, path: "f.txt")) {
    case (.document(let a), .document(let b)):
      let left = Robustness.withoutByteFacts(a)
      let right = Self.replacing("lineEnding", in: Robustness.withoutByteFacts(b), with: Self.field("lineEnding", of: left) ?? .null)
      #expect(left == right, "\(Robustness.firstDifference(left, right))")
    case (.refused(let a), .refused(let b)):
      #expect(a == b)
    case (let a, let b):
      Issue.record("LF: \(a); CRLF: \(b)")
    }
  }

  @Test("an input over the decoder's 32-bit limit is refused, not trapped")
  func decoderSizeLimit() {
    #expect(SourceDecoder.maximumSize < Int(Int32.max))
  }

  static func replacing(_ key: String, in json: JSON, with replacement: JSON) -> JSON {
    switch json {
    case .object(let members):
      .object(members.map { ($0.0, $0.0 == key ? replacement : replacing(key, in: $0.1, with: replacement)) })
    case .array(let items): .array(items.map { replacing(key, in: $0, with: replacement) })
    default: json
    }
  }

  static func field(_ key: String, of json: JSON) -> JSON? {
    switch json {
    case .object(let members):
      for (name, value) in members {
        if name == key { return value }
        if let found = field(key, of: value) { return found }
      }
      return nil
    case .array(let items): return items.lazy.compactMap { field(key, of: $0) }.first
    default: return nil
    }
  }
}

/// The decoder's corner cases, from the files in Inputs/edge-*.txt.
@Suite("Decoder corner cases")
struct DecoderCornerCaseTests {
  static func decode(_ name: String) throws -> (SourceText, DecodingReport) {
    let url = Robustness.packageRoot.appendingPathComponent("Tests/JixiaoTests/Robustness/Inputs/\(name)")
    return try SourceDecoder.decode(try Robustness.bytes(url), path: name)
  }

  @Test func utf16BigEndianWithoutBOM() throws {
    let (text, report) = try Self.decode("edge-utf16be-no-bom.txt")
    #expect(report.encoding == "UTF-16BE")
    #expect(!report.hasBOM)
    #expect(text.text(ofLine: 1) == "项目名称\t社区服务")
  }

  @Test func gb18030CutInsideACharacter() throws {
    let (text, report) = try Self.decode("edge-gb18030-cut-mid-character.txt")
    #expect(report.encoding == "GB18030")
    #expect(report.invalidCount == 1)
    #expect(text.text(ofLine: 3).hasSuffix("\u{FFFD}"))
  }

  @Test func loneSurrogateInUTF16() throws {
    let (text, report) = try Self.decode("edge-lone-surrogate-utf16le.txt")
    #expect(report.encoding == "UTF-16LE")
    #expect(report.invalidCount == 1)
    #expect(report.invalidOffsets == [12])
    #expect(text.text(ofLine: 0) == "项目名称\t\u{FFFD}\t社区")
  }

  /// A second BOM is a U+FEFF in the text: a blank, not a character of the first cell.
  @Test func doubleBOM() throws {
    let grid = Tokenizer.tokenize(try Self.decode("edge-double-bom.txt").0)
    #expect(grid.rows.first?.cells.first?.text == "项目名称")
    #expect(grid.rows.first?.cells.first?.span.offset == 6)
  }

  @Test func mixedLineEnds() throws {
    let (text, report) = try Self.decode("edge-mixed-line-ends.txt")
    #expect(report.lineEnding == "mixed")
    #expect(text.lines.count == 6)  // CR, CRLF and LF each end one line
    #expect(text.text(ofLine: 1) == "服务")
  }
}
