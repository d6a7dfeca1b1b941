import CICU

/// How the bytes were decoded, for `source` in the output and for diagnostics.
public struct DecodingReport: Sendable, Hashable {
  public var encoding: String
  public var confidence: Int
  public var hasBOM: Bool
  /// Byte offsets of invalid or unmappable sequences, replaced by U+FFFD.
  public var invalidOffsets: [Int]
  public var invalidCount: Int
  public var lineEnding: String
  /// ICU's guess was weak: the reading may be wrong.
  public var isLowConfidence: Bool
}

/// Bytes in, UTF-8 text out: BOMs, UTF-16, GB18030/GBK and invalid sequences handled, binary
/// files refused. Conversion goes through ICU's converters and charset detector.
public enum SourceDecoder {
  /// Detection below this confidence gets a diagnostic.
  static let confidenceFloor = 50

  /// The largest input the decoder accepts: byte offsets are 32-bit in the offset maps and
  /// in ICU, and UTF-16 conversion needs room for twice the bytes.
  public static let maximumSize = Int(Int32.max) / 2

  public static func decode(_ bytes: [UInt8], path: String, encoding requested: String? = nil)
    throws(InputError) -> (SourceText, DecodingReport)
  {
    if bytes.isEmpty { throw .empty(path: path) }
    // Offsets cross into ICU as Int32; the CLI's --max-size stops far below this.
    if bytes.count > maximumSize { throw .tooLarge(path: path, bytes: bytes.count, limit: maximumSize) }
    if let requested { return try convert(bytes, path: path, charset: requested, confidence: 100) }
    if let (charset, bomLength) = ByteOrderMark.detect(bytes) {
      // A byte-order mark and nothing else: an empty document saved by an editor.
      if bytes.count == bomLength { throw .empty(path: path) }
      if charset == "UTF-8" {
        return try decodeUTF8(bytes, path: path, bomLength: bomLength, confidence: 100)
      }
      return try convert(bytes, path: path, charset: charset, confidence: 100, hasBOM: true)
    }
    if let signature = BinarySignature.match(bytes) {
      throw .binary(path: path, what: signature, byteOffset: 0)
    }
    if let nul = bytes.firstIndex(of: 0) {
      if let utf16 = UTF16Heuristic.guess(bytes) {
        return try convert(bytes, path: path, charset: utf16, confidence: 90)
      }
      throw .binary(path: path, what: "NUL byte", byteOffset: nul)
    }
    let scan = UTF8Scan(bytes)
    if scan.invalidOffsets.isEmpty || scan.isMostlyUTF8 {
      return try decodeUTF8(bytes, path: path, bomLength: 0, confidence: 100, scan: scan)
    }
    let (guess, confidence) = detect(bytes)
    // Chinese disclosures that are not UTF-8 are GB18030 (a superset of GBK and GB2312)
    // unless ICU is sure of something else.
    let charset: String
    if let guess, guess != "GB18030", confidence >= 60, !guess.hasPrefix("ISO-8859"),
      !guess.hasPrefix("windows-125")
    {
      charset = guess
    } else {
      charset = "GB18030"
    }
    return try convert(
      bytes, path: path, charset: charset, confidence: guess == charset ? confidence : min(confidence, 40),
      detected: true)
  }

  static func detect(_ bytes: [UInt8]) -> (String?, Int) {
    var name = [CChar](repeating: 0, count: 64)
    let sample = Array(bytes.prefix(1 << 16))
    let confidence = sample.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { chars in
        jx_detect_charset(chars.baseAddress, Int32(chars.count), &name, 64)
      }
    }
    guard confidence >= 0 else { return (nil, 0) }
    let text = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    return (text, Int(confidence))
  }

  private static func decodeUTF8(
    _ bytes: [UInt8], path: String, bomLength: Int, confidence: Int, scan: UTF8Scan? = nil
  ) throws(InputError) -> (SourceText, DecodingReport) {
    let body = bomLength == 0 ? bytes : Array(bytes[bomLength...])
    let scan = scan.map { bomLength == 0 ? $0 : UTF8Scan(body) } ?? UTF8Scan(body)
    let text: SourceText
    if scan.invalidOffsets.isEmpty {
      text = SourceText(
        utf8: body, originalOffsets: nil, bomLength: bomLength, originalLength: bytes.count)
    } else {
      let (repaired, offsets) = scan.repair(body, bomLength: bomLength)
      text = SourceText(
        utf8: repaired, originalOffsets: offsets, bomLength: 0, originalLength: bytes.count)
    }
    try refuseBinary(text, path: path)
    let report = DecodingReport(
      encoding: "UTF-8", confidence: confidence, hasBOM: bomLength > 0,
      invalidOffsets: scan.invalidOffsets.prefix(100).map { $0 + bomLength },
      invalidCount: scan.invalidOffsets.count, lineEnding: LineEndings.describe(text.utf8),
      isLowConfidence: false)
    return (text, report)
  }

  private static func convert(
    _ bytes: [UInt8], path: String, charset: String, confidence: Int, hasBOM: Bool = false,
    detected: Bool = false
  ) throws(InputError) -> (SourceText, DecodingReport) {
    let capacity = bytes.count + 16
    var units = [UInt16](repeating: 0, count: capacity)
    var offsets = [Int32](repeating: 0, count: capacity)
    var invalid = [Int32](repeating: 0, count: 100)
    var invalidCount: Int32 = 0
    let written = bytes.withUnsafeBufferPointer { buffer in
      buffer.withMemoryRebound(to: CChar.self) { source in
        jx_convert_to_utf16(
          charset, source.baseAddress, Int32(source.count), &units, Int32(capacity), &offsets,
          &invalid, 100, &invalidCount)
      }
    }
    if written == -1 { throw .unknownEncoding(path: path, name: charset) }
    if written < 0 { throw .undecodable(path: path, detail: "ICU conversion from \(charset) failed") }
    var start = 0
    if written > 0 && units[0] == 0xFEFF { start = 1 }
    var utf8: [UInt8] = []
    utf8.reserveCapacity(Int(written) * 2)
    var map: [Int32] = []
    map.reserveCapacity(Int(written) * 2)
    var index = start
    while index < Int(written) {
      var scalar = UInt32(units[index])
      let origin = offsets[index]
      if (0xD800..<0xDC00).contains(scalar), index + 1 < Int(written),
        (0xDC00..<0xE000).contains(UInt32(units[index + 1]))
      {
        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (UInt32(units[index + 1]) - 0xDC00)
        index += 1
      } else if (0xD800..<0xE000).contains(scalar) {
        scalar = 0xFFFD
      }
      index += 1
      for byte in UTF8Encoding.encode(scalar) {
        utf8.append(byte)
        map.append(origin)
      }
    }
    let text = SourceText(
      utf8: utf8, originalOffsets: map, bomLength: 0, originalLength: bytes.count)
    try refuseBinary(text, path: path)
    let report = DecodingReport(
      encoding: charset, confidence: confidence, hasBOM: hasBOM || start == 1,
      invalidOffsets: invalid.prefix(Int(min(invalidCount, 100))).map { Int($0) },
      invalidCount: Int(invalidCount), lineEnding: LineEndings.describe(utf8),
      isLowConfidence: detected && confidence < confidenceFloor)
    if detected && Int(invalidCount) * 20 > max(utf8.count / 3, 1) {
      throw .undecodable(
        path: path, detail: "not UTF-8, and \(invalidCount) invalid sequences as \(charset)")
    }
    return (text, report)
  }

  /// Text with many control characters is a binary file that happens to decode.
  private static func refuseBinary(_ text: SourceText, path: String) throws(InputError) {
    var controls = 0
    var first = -1
    var nonBlank = false
    for (index, byte) in text.utf8.enumerated() {
      if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C
        && byte != 0x0B
      {
        controls += 1
        if first < 0 { first = index }
      } else if byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C
        && byte != 0x0B
      {
        nonBlank = true
      }
    }
    if controls > max(8, text.utf8.count / 100) {
      throw .binary(path: path, what: "control characters", byteOffset: text.originalOffset(of: first))
    }
    if !nonBlank || SourceDecoder.isOnlyBlank(text.utf8) { throw .whitespaceOnly(path: path) }
  }

  /// Blank includes U+00A0, U+3000 and U+FEFF, which pasted pages are full of.
  static func isOnlyBlank(_ utf8: [UInt8]) -> Bool {
    for scalar in String(decoding: utf8, as: UTF8.self).unicodeScalars
    where !scalar.properties.isWhitespace && scalar.value != 0xFEFF {
      return false
    }
    return true
  }
}

enum UTF8Encoding {
  static func encode(_ scalar: UInt32) -> [UInt8] {
    switch scalar {
    case 0..<0x80: [UInt8(scalar)]
    case 0x80..<0x800: [UInt8(0xC0 | (scalar >> 6)), UInt8(0x80 | (scalar & 0x3F))]
    case 0x800..<0x10000:
      [
        UInt8(0xE0 | (scalar >> 12)), UInt8(0x80 | ((scalar >> 6) & 0x3F)),
        UInt8(0x80 | (scalar & 0x3F)),
      ]
    default:
      [
        UInt8(0xF0 | (scalar >> 18)), UInt8(0x80 | ((scalar >> 12) & 0x3F)),
        UInt8(0x80 | ((scalar >> 6) & 0x3F)), UInt8(0x80 | (scalar & 0x3F)),
      ]
    }
  }
}

enum LineEndings {
  static func describe(_ bytes: [UInt8]) -> String {
    var lf = 0
    var crlf = 0
    var cr = 0
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x0D {
        if index + 1 < bytes.count && bytes[index + 1] == 0x0A {
          crlf += 1
          index += 1
        } else {
          cr += 1
        }
      } else if bytes[index] == 0x0A {
        lf += 1
      }
      index += 1
    }
    let kinds = [(lf, "LF"), (crlf, "CRLF"), (cr, "CR")].filter { $0.0 > 0 }
    if kinds.isEmpty { return "none" }
    if kinds.count > 1 { return "mixed" }
    return kinds[0].1
  }
}
