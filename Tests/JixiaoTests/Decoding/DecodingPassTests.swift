import Testing

@testable import Jixiao

/// The decoder reads a valid UTF-8 file in one pass (`DecodingPass`); each of its readings
/// must be what the separate pass it replaced reads (those kept in the source for text the
/// one pass does not read, the others copied here), on every corpus document and on texts
/// whose breaks, controls, invalid sequences, block boundaries and ideographs fall at every
/// offset of a word.
@Suite struct DecodingPassTests {
  // MARK: The passes the one pass replaced

  /// `Script.isTraditional(utf8:)` over the first 64 KB, as the tokenizer called it.
  static func isTraditionalByBytes(_ all: [UInt8]) -> Bool {
    let bytes = Array(all.prefix(1 << 16))
    var traditional = 0
    var simplified = 0
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      guard lead >= 0xE4 && lead <= 0xE9 && index + 2 < bytes.count else {
        index += 1
        continue
      }
      let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
      if Script.traditionalOnly.contains(value) {
        traditional += 1
      } else if Script.simplifiedOnly.contains(value) {
        simplified += 1
      }
      index += 3
    }
    return traditional >= 5 && traditional > simplified * 2
  }

  /// `SourceText.countBlocks` byte by byte.
  static func blocksByBytes(_ text: [UInt8]) -> [Int32] {
    var expected: [Int32] = []
    var count: Int32 = 0
    for (index, byte) in text.enumerated() {
      if index % 64 == 0 { expected.append(count) }
      if byte & 0xC0 != 0x80 { count += 1 }
    }
    if text.count % 64 == 0 { expected.append(count) }
    return expected
  }

  /// `SourceDecoder.refuseBinary`'s count, byte by byte.
  static func controlsByBytes(_ bytes: [UInt8]) -> [Int] {
    let blank: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x0B]
    var controls = 0, first = -1, nonBlank = false, printableASCII = false
    for (index, byte) in bytes.enumerated() {
      if byte < 0x20 && !blank.contains(byte) {
        controls += 1
        if first < 0 { first = index }
      } else if !blank.contains(byte) {
        nonBlank = true
        if byte < 0x7F { printableASCII = true }
      }
    }
    return [controls, first, nonBlank ? 1 : 0, printableASCII ? 1 : 0]
  }

  static func expectSameReadings(_ bytes: [UInt8], _ comment: @autoclosure () -> String = "") {
    let pass = DecodingPass.scan(bytes)
    let isValid = UTF8Scan(bytes).invalidCount == 0
    #expect((pass != nil) == isValid, "\(comment()) \(bytes)")
    guard let pass else { return }
    #expect(pass.lineStarts == SourceText.lineStartsAtEveryBreak(bytes), "\(comment()) \(bytes)")
    #expect(pass.lineStarts == SourceText.lineStarts(bytes), "\(comment()) \(bytes)")
    #expect(pass.scalarsBeforeBlock == blocksByBytes(bytes), "\(comment()) \(bytes)")
    #expect(pass.scalarsBeforeBlock == SourceText.countBlocks(bytes), "\(comment()) \(bytes)")
    let controls = pass.controls
    #expect(
      [controls.controls, controls.first, controls.nonBlank ? 1 : 0, controls.printableASCII ? 1 : 0]
        == controlsByBytes(bytes), "\(comment()) \(bytes)")
    #expect(pass.lineEnding == LineEndings.describeByCounting(bytes), "\(comment()) \(bytes)")
    #expect(pass.isTraditional == isTraditionalByBytes(bytes), "\(comment()) \(bytes.count) bytes")
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

  @Test(arguments: CorpusTests.documents)
  func corpusDocuments(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    Self.expectSameReadings(bytes, relativePath)
    Self.expectSameReadings(bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }, relativePath + " with CRLF")
    // The text the one pass makes is the text the separate passes make.
    let (text, _) = try SourceDecoder.decode(bytes, path: relativePath)
    let separate = SourceText(utf8: text.utf8, originalOffsets: nil, bomLength: 0, originalLength: bytes.count)
    #expect(text.lines.map { $0 } == separate.lines.map { $0 })
    #expect(text.scalarsBeforeBlock == separate.scalarsBeforeBlock)
    #expect(text.isTraditional == separate.isTraditional)
  }

  /// The decoder's answers (text, report, refusal) on every text, with and without a UTF-8
  /// byte-order mark, are those of its separate passes.
  @Test func decoderAgrees() {
    for text in Self.texts.prefix(2000) + Self.texts.suffix(1000) where !text.isEmpty {
      for bytes in [text, [0xEF, 0xBB, 0xBF] + text] {
        let fused = Self.outcome(bytes)
        let separate = Self.outcome(bytes, separate: true)
        #expect(fused == separate, "\(bytes)")
      }
    }
  }

  /// What decoding says of `bytes`, as text: the one pass forced off when `separate`.
  static func outcome(_ bytes: [UInt8], separate: Bool = false) -> String {
    do {
      let (text, report) = try SourceDecoder.decode(bytes, path: "t.txt", encoding: nil, onePass: !separate)
      return "\(text.utf8) \(text.lines.map { $0 }) \(text.scalarsBeforeBlock) \(text.isTraditional) \(report)"
    } catch {
      return "\(error)"
    }
  }
}
