import Testing

@testable import Jixiao

/// The decoder reads every text in one pass (`DecodingPass`): a valid UTF-8 file as it is,
/// any other once repaired or converted. Each of its readings must be the byte-by-byte
/// reference's (`DecodingReferences`), on every corpus document and on texts whose breaks,
/// controls, invalid sequences, block boundaries and ideographs fall at every offset of a
/// word.
@Suite struct DecodingPassTests {
  static func expectSameReadings(_ bytes: [UInt8], _ comment: @autoclosure () -> String = "") {
    let pass = DecodingPass.scan(bytes)
    let isValid = UTF8Scan(bytes).invalidCount == 0
    #expect((pass != nil) == isValid, "\(comment()) \(bytes)")
    guard let pass else { return }
    #expect(pass.lineStarts == DecodingReferences.lineStarts(bytes), "\(comment()) \(bytes)")
    #expect(pass.scalarsBeforeBlock == DecodingReferences.scalarsBeforeBlocks(bytes), "\(comment()) \(bytes)")
    let controls = pass.controls
    #expect(
      [controls.controls, controls.first, controls.nonBlank ? 1 : 0, controls.printableASCII ? 1 : 0]
        == DecodingReferences.controls(bytes), "\(comment()) \(bytes)")
    #expect(pass.lineEnding == DecodingReferences.lineEnding(bytes), "\(comment()) \(bytes)")
    #expect(pass.isTraditional == DecodingReferences.isTraditional(bytes), "\(comment()) \(bytes.count) bytes")
    #expect(pass.hasNUL == bytes.contains(0), "\(comment()) \(bytes)")
  }

  // MARK: Inputs

  static func generator(_ seed: UInt64) -> (Int) -> Int {
    var state = seed
    return { bound in
      state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(state >> 33) % bound
    }
  }

  /// Pieces of text, controls, breaks, scripts and invalid bytes.
  static let pieces: [[UInt8]] =
    ["a", "中", "績", "标", "區", "\n", "\r", "\r\n", "\t", " ", "\u{0}", "\u{01}", "\u{1F}", "\u{7F}", "\u{3000}", "é",
      "9", "\u{10348}", "\u{A0}", "\u{FEFF}", "abcdefgh", "        ", "\u{4E00}", "\u{9FFF}", "\u{A000}", "\u{E000}"]
    .map { Array($0.utf8) } + [[0x80], [0xE4, 0xB8], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF],
      [0xE4], [0xF0, 0x9F, 0x98]]

  /// Texts of 0 to 80 pieces, the same every run: of any pieces (mostly invalid), then of
  /// valid pieces only.
  static let texts: [[UInt8]] = {
    let next = generator(0x2545_F491_4F6C_DD1D)
    let valid = pieces.filter { UTF8Scan($0).invalidCount == 0 }
    return (0..<2000).map { _ in (0..<next(81)).flatMap { _ in pieces[next(pieces.count)] } }
      + (0..<3000).map { _ in (0..<next(81)).flatMap { _ in valid[next(valid.count)] } }
  }()

  @Test func randomTexts() {
    var valid = 0
    for text in Self.texts {
      Self.expectSameReadings(text)
      if DecodingPass.scan(text) != nil { valid += 1 }
    }
    #expect(valid > 2500)
  }

  /// Random bytes around every kind of UTF-8 lead, mostly invalid.
  @Test func randomBytes() {
    let next = Self.generator(0x9E37_79B9_7F4A_7C15)
    let interesting: [UInt8] = [0x0A, 0x0D, 0x20, 0x41, 0x80, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xE1, 0xE4, 0xE9,
      0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF]
    for _ in 0..<20000 {
      let bytes = (0..<next(40)).map { _ in next(3) == 0 ? UInt8(next(256)) : interesting[next(interesting.count)] }
      Self.expectSameReadings(bytes)
    }
  }

  /// Long texts: ASCII words across block boundaries, at every alignment, and ideographs on
  /// both sides of the script test's 64 KB.
  @Test func longTexts() {
    let row = Array("绩效指标\t產出指標 數量指標\tabc 123.45\n".utf8)
    for shift in 0..<16 {
      var text = Array(repeating: UInt8(0x78), count: shift) + Array("績效標準質量".utf8)
      while text.count < (1 << 16) + 200 { text += row }
      Self.expectSameReadings(text, "shift \(shift)")
      // A traditional text cut just before, inside and after its characters at 64 KB.
      let traditional = Array(String(repeating: "績", count: 30_000).utf8)
      for offset in (1 << 16) - 4...(1 << 16) + 4 {
        let mixed = Array(repeating: UInt8(0x20), count: shift) + Array(String(repeating: "绩", count: 21_000).utf8)
          + Array(repeating: UInt8(0x41), count: offset % 3) + traditional
        Self.expectSameReadings(Array(mixed.prefix(offset + 30)), "offset \(offset)")
      }
    }
  }

  /// Ideographs are read two a word: texts of three-byte sequences of every lead (E0 and ED,
  /// valid or not, among them), cut short, next to ASCII and breaks, from every offset of a
  /// word and of a block, and across the script test's 64 KB.
  @Test func threeByteSequencesOfEveryLead() {
    let sequences: [[UInt8]] =
      ["中", "績", "绩", "标", "\u{0800}", "\u{0FFF}", "\u{1000}", "\u{4DFF}", "\u{D000}", "\u{D7FF}", "\u{E000}", "\u{FFFD}",
        "\u{3000}", "，"].map { Array($0.utf8) }
      + [[0xE0, 0x80, 0x80], [0xE0, 0x9F, 0xBF], [0xED, 0xA0, 0x80], [0xED, 0xBF, 0xBF], [0xE4, 0xB8], [0xE4, 0x41, 0x80],
        [0xE9, 0x80, 0xC0]]
    let others: [[UInt8]] = ["a", "\n", "\r\n", " ", "ab", "1234567"].map { Array($0.utf8) }
    var random = SeededSequence(seed: 0xD1B5_4A32_D192_ED03)
    for _ in 0..<6000 {
      var bytes = Array(repeating: UInt8(0x61), count: random.next(9))
      for _ in 0..<random.next(60) {
        bytes += random.next(5) == 0 ? others[random.next(others.count)] : sequences[random.next(sequences.count)]
      }
      Self.expectSameReadings(bytes)
    }
    for shift in 0..<8 {
      var bytes = Array(repeating: UInt8(0x61), count: shift)
      while bytes.count < (1 << 16) + 64 { bytes += sequences[random.next(4)] }
      bytes += Array(String(repeating: "績", count: 40).utf8)
      for end in [(1 << 16) - 3, (1 << 16) - 1, (1 << 16) + 1, (1 << 16) + 7, bytes.count] {
        Self.expectSameReadings(Array(bytes.prefix(end)), "shift \(shift) end \(end)")
      }
    }
  }

  @Test(arguments: CorpusTests.documents)
  func corpusDocuments(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    Self.expectSameReadings(bytes, relativePath)
    Self.expectSameReadings(bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }, relativePath + " with CRLF")
    // The text the decoder makes is the text read by the references.
    let (text, report) = try SourceDecoder.decode(bytes, path: relativePath)
    Self.expectReferenceReadings(text, report, relativePath)
  }

  /// The decoder's text and report of every text, valid or not, with and without a UTF-8
  /// byte-order mark: its lines, counts, script and line ending are the references' readings
  /// of the text it made (of the file's bytes, or of what it repaired).
  @Test func decoderReadsItsTextAsTheReferences() {
    var repaired = 0
    for text in Self.texts.prefix(2000) + Self.texts.suffix(1000) where !text.isEmpty {
      for bytes in [text, [0xEF, 0xBB, 0xBF] + text] {
        guard let (decoded, report) = try? SourceDecoder.decode(bytes, path: "t.txt") else { continue }
        Self.expectReferenceReadings(decoded, report, "\(bytes)")
        if report.invalidCount > 0 { repaired += 1 }
      }
    }
    #expect(repaired > 500)
  }

  /// Texts the decoder converts: GB18030 and UTF-16 with breaks of every kind.
  @Test func convertedTextsReadAsTheReferences() throws {
    for text in ["绩效目标\r\n產出指標\t≥96%\r\n", "一级指标\r二级指标\n\n數量\r\n", String(repeating: "绩效 績效\n", count: 400)] {
      for charset in ["GB18030", "UTF-16LE", "UTF-16BE"] {
        let (decoded, report) = try SourceDecoder.decode(Robustness.iconv(Array(text.utf8), to: charset), path: "t.txt", encoding: charset)
        #expect(decoded.utf8 == Array(text.utf8))
        Self.expectReferenceReadings(decoded, report, charset)
      }
    }
  }

  static func expectReferenceReadings(_ text: SourceText, _ report: DecodingReport, _ comment: String) {
    let bytes = text.utf8
    let reference = SourceText.byReference(bytes)
    #expect(text.lines.map { $0 } == reference.lines.map { $0 }, "\(comment)")
    #expect(text.scalarsBeforeBlock == reference.scalarsBeforeBlock, "\(comment)")
    #expect(text.isTraditional == reference.isTraditional, "\(comment)")
    #expect(report.lineEnding == DecodingReferences.lineEnding(bytes), "\(comment)")
  }
}
