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
    // A valid file without NUL (nearly every file) is read in one pass; other files take
    // the passes that find out what they are.
    let pass = DecodingPass.scan(bytes)
    if let pass, !pass.hasNUL {
      return try decodeUTF8(bytes, path: path, bomLength: 0, confidence: 100, pass: pass)
    }
    if let nul = bytes.firstIndex(of: 0) {
      if let utf16 = UTF16Heuristic.guess(bytes) {
        return try convert(bytes, path: path, charset: utf16, confidence: 90)
      }
      throw .binary(path: path, what: "NUL byte", byteOffset: nul)
    }
    // Not valid UTF-8, from here on.
    let scan = UTF8Scan(bytes)
    if scan.isMostlyUTF8 {
      return try decodeUTF8(bytes, path: path, bomLength: 0, confidence: 100, scan: scan)
    }
    let (guess, confidence) = detect(bytes)
    if guess == "UTF-8" {
      // ICU reads it as UTF-8 despite the damage: repair it as such.
      return try decodeUTF8(bytes, path: path, bomLength: 0, confidence: confidence, scan: scan)
    }
    // Chinese disclosures that are not UTF-8 are GB18030 (a superset of GBK and GB2312)
    // unless ICU is sure of something else.
    let charset: String
    if let guess, guess != "GB18030", confidence >= 60, !guess.hasPrefixBytes("ISO-8859"),
      !guess.hasPrefixBytes("windows-125")
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

  /// How many invalid offsets a report lists; `invalidCount` is always complete.
  static let listedInvalidOffsets = 100

  /// A UTF-8 file after a `bomLength` prefix: its own bytes when they are valid (`pass`, or
  /// read now when not given and no `scan` says they are damaged), otherwise repaired, each
  /// invalid sequence a U+FFFD.
  private static func decodeUTF8(
    _ bytes: [UInt8], path: String, bomLength: Int, confidence: Int, scan: UTF8Scan? = nil,
    pass: DecodingPass? = nil
  ) throws(InputError) -> (SourceText, DecodingReport) {
    let body = bomLength == 0 ? bytes : Array(bytes[bomLength...])
    if scan == nil, let pass = pass ?? DecodingPass.scan(body) {
      let text = SourceText(utf8: body, pass: pass, bomLength: bomLength, originalLength: bytes.count)
      try refuseBinary(text, pass.controls, path: path)
      let report = DecodingReport(
        encoding: "UTF-8", confidence: confidence, hasBOM: bomLength > 0, invalidOffsets: [], invalidCount: 0,
        lineEnding: pass.lineEnding, isLowConfidence: confidence < confidenceFloor)
      return (text, report)
    }
    // The caller's scan is of the whole file, which is the body when there is no mark.
    let scan = bomLength == 0 ? (scan ?? UTF8Scan(body)) : UTF8Scan(body)
    let (repaired, map, invalidOffsets) = UTF8Scan.repair(body, bomLength: bomLength, listed: listedInvalidOffsets)
    let (text, pass) = try read(repaired, originalOffsets: map, originalLength: bytes.count, path: path)
    try refuseBinary(text, pass.controls, path: path)
    let report = DecodingReport(
      encoding: "UTF-8", confidence: confidence, hasBOM: bomLength > 0,
      invalidOffsets: invalidOffsets, invalidCount: scan.invalidCount,
      lineEnding: pass.lineEnding, isLowConfidence: confidence < confidenceFloor)
    return (text, report)
  }

  /// The text of bytes the decoder made (repaired or converted), which are valid UTF-8.
  private static func read(_ utf8: [UInt8], originalOffsets: OffsetMap, originalLength: Int, path: String)
    throws(InputError) -> (SourceText, DecodingPass)
  {
    // Repair and conversion write only whole scalars: the pass cannot stop. Were it to,
    // the file is refused rather than read wrong.
    guard let pass = DecodingPass.scan(utf8) else {
      throw .undecodable(path: path, detail: "the decoded text is not valid UTF-8")
    }
    let text = SourceText(
      utf8: utf8, pass: pass, originalOffsets: originalOffsets, bomLength: 0, originalLength: originalLength)
    return (text, pass)
  }

  /// Bytes per conversion call: the UTF-16 and offset buffers ICU fills are sized for one
  /// chunk, not for the whole file (6 bytes per input byte otherwise).
  static let chunkSize = 1 << 20

  /// Where a chunk of `charset` may end so that no character is split, or nil when the
  /// charset must be converted in one piece (stateful encodings, unknown names).
  static func chunkBoundary(_ charset: String) -> ((_ bytes: [UInt8], _ proposed: Int) -> Int)? {
    switch charset.uppercased() {
    case "GB18030", "GBK", "GB2312", "EUC-CN", "CP936", "WINDOWS-936", "BIG5", "UTF-8":
      // LF is never part of a multi-byte character in these: end after one.
      return { bytes, proposed in
        var end = proposed
        while end < bytes.count && bytes[end - 1] != 0x0A { end += 1 }
        return end
      }
    case "UTF-16LE", "UTF-16BE":
      let highByte = charset.uppercased() == "UTF-16LE" ? 1 : 0
      return { bytes, proposed in
        var end = proposed - proposed % 2
        // Do not end between the halves of a surrogate pair.
        if end >= 2 && end < bytes.count && (0xD8...0xDB).contains(bytes[end - 2 + highByte]) { end += 2 }
        return Swift.min(end, bytes.count)
      }
    default:
      return nil
    }
  }

  private static func convert(
    _ bytes: [UInt8], path: String, charset: String, confidence: Int, hasBOM: Bool = false,
    detected: Bool = false
  ) throws(InputError) -> (SourceText, DecodingReport) {
    var utf8: [UInt8] = []
    utf8.reserveCapacity(bytes.count + bytes.count / 2 + 16)
    var map = OffsetMap(capacity: bytes.count + bytes.count / 2 + 16)
    var invalidOffsets: [Int] = []
    var invalidCount = 0
    var strippedBOM = false
    var start = 0
    let boundary = chunkBoundary(charset)
    let chunkSize = boundary == nil ? bytes.count : Self.chunkSize
    let capacity = Swift.min(chunkSize, bytes.count) + 16
    var units = [UInt16](repeating: 0, count: capacity)
    var offsets = [Int32](repeating: 0, count: capacity)
    var invalid = [Int32](repeating: 0, count: listedInvalidOffsets)
    while start < bytes.count {
      var end = bytes.count
      if let boundary, bytes.count - start > chunkSize {
        end = boundary(bytes, start + chunkSize)
      }
      var chunkInvalid: Int32 = 0
      let chunkCapacity = end - start + 16
      if units.count < chunkCapacity {
        // A chunk grew past its size looking for a boundary (a very long line).
        units = [UInt16](repeating: 0, count: chunkCapacity)
        offsets = [Int32](repeating: 0, count: chunkCapacity)
      }
      let written = bytes[start..<end].withUnsafeBufferPointer { buffer in
        buffer.withMemoryRebound(to: CChar.self) { source in
          jx_convert_to_utf16(
            charset, source.baseAddress, Int32(source.count), &units, Int32(units.count), &offsets,
            &invalid, Int32(invalid.count), &chunkInvalid)
        }
      }
      if written == -1 { throw .unknownEncoding(path: path, name: charset) }
      if written < 0 {
        throw .undecodable(path: path, detail: "ICU conversion from \(charset) failed")
      }
      for index in 0..<Int(Swift.min(chunkInvalid, Int32(invalid.count)))
      where invalidOffsets.count < listedInvalidOffsets {
        invalidOffsets.append(start + Int(invalid[index]))
      }
      invalidCount += Int(chunkInvalid)
      var index = 0
      if start == 0 && written > 0 && units[0] == 0xFEFF {
        index = 1
        strippedBOM = true
      }
      let count = Int(written)
      while index < count {
        var scalar = UInt32(units[index])
        let origin = offsets[index] < 0 ? -1 : Int32(start) + offsets[index]
        if (0xD800..<0xDC00).contains(scalar), index + 1 < count,
          (0xDC00..<0xE000).contains(UInt32(units[index + 1]))
        {
          scalar = 0x10000 + ((scalar - 0xD800) << 10) + (UInt32(units[index + 1]) - 0xDC00)
          index += 1
        } else if (0xD800..<0xE000).contains(scalar) {
          scalar = 0xFFFD
        }
        index += 1
        let before = utf8.count
        UTF8Encoding.append(scalar, to: &utf8)
        map.append(origin, times: utf8.count - before)
      }
      start = end
    }
    let (text, pass) = try read(utf8, originalOffsets: map, originalLength: bytes.count, path: path)
    try refuseBinary(text, pass.controls, path: path)
    let report = DecodingReport(
      encoding: charset, confidence: confidence, hasBOM: hasBOM || strippedBOM,
      invalidOffsets: invalidOffsets, invalidCount: invalidCount,
      lineEnding: pass.lineEnding,
      isLowConfidence: detected && confidence < confidenceFloor)
    if detected && invalidCount * 20 > max(utf8.count / 3, 1) {
      throw .undecodable(
        path: path, detail: "not UTF-8, and \(invalidCount) invalid sequences as \(charset)")
    }
    return (text, report)
  }

  /// Text with many control characters is a binary file that happens to decode.
  private static func refuseBinary(_ text: SourceText, _ count: ControlCount, path: String) throws(InputError) {
    if count.controls > max(8, text.utf8.count / 100) {
      throw .binary(path: path, what: "control characters", byteOffset: text.originalOffset(of: count.first))
    }
    // Only non-ASCII text can still be all blanks (U+3000, U+00A0 …): check it scalar by scalar.
    if !count.nonBlank || (!count.printableASCII && SourceDecoder.isOnlyBlank(text.utf8)) {
      throw .whitespaceOnly(path: path)
    }
  }

  /// Blank includes U+00A0, U+3000 and U+FEFF, which pasted pages are full of.
  static func isOnlyBlank(_ utf8: [UInt8]) -> Bool {
    for scalar in String(decoding: utf8, as: UTF8.self).unicodeScalars
    where !Blank.isWhitespace(scalar) && scalar.value != 0xFEFF {
      return false
    }
    return true
  }
}

enum UTF8Encoding {
  @inline(__always)
  static func append(_ scalar: UInt32, to output: inout [UInt8]) {
    switch scalar {
    case 0..<0x80: output.append(UInt8(scalar))
    case 0x80..<0x800:
      output.append(UInt8(0xC0 | (scalar >> 6)))
      output.append(UInt8(0x80 | (scalar & 0x3F)))
    case 0x800..<0x10000:
      output.append(UInt8(0xE0 | (scalar >> 12)))
      output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
      output.append(UInt8(0x80 | (scalar & 0x3F)))
    default:
      output.append(UInt8(0xF0 | (scalar >> 18)))
      output.append(UInt8(0x80 | ((scalar >> 12) & 0x3F)))
      output.append(UInt8(0x80 | ((scalar >> 6) & 0x3F)))
      output.append(UInt8(0x80 | (scalar & 0x3F)))
    }
  }

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
  /// The description of a text with these breaks.
  static func describe(lf: Int, crlf: Int, cr: Int) -> String {
    switch (lf > 0, crlf > 0, cr > 0) {
    case (false, false, false): "none"
    case (true, false, false): "LF"
    case (false, true, false): "CRLF"
    case (false, false, true): "CR"
    default: "mixed"
    }
  }
}
