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
    try decode(bytes, path: path, encoding: requested, onePass: true)
  }

  /// `decode`, with the one pass over a valid UTF-8 file, or (for tests) with the separate
  /// passes that read every other file.
  static func decode(_ bytes: [UInt8], path: String, encoding requested: String?, onePass: Bool)
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
        return try decodeUTF8(bytes, path: path, bomLength: bomLength, confidence: 100, onePass: onePass)
      }
      return try convert(bytes, path: path, charset: charset, confidence: 100, hasBOM: true)
    }
    if let signature = BinarySignature.match(bytes) {
      throw .binary(path: path, what: signature, byteOffset: 0)
    }
    // A valid file without NUL (nearly every file) is read in one pass; other files take
    // the passes that find out what they are.
    if onePass, let pass = DecodingPass.scan(bytes), !pass.hasNUL {
      return try decodeUTF8(bytes, path: path, bomLength: 0, confidence: 100, pass: pass)
    }
    if let nul = bytes.firstIndex(of: 0) {
      if let utf16 = UTF16Heuristic.guess(bytes) {
        return try convert(bytes, path: path, charset: utf16, confidence: 90)
      }
      throw .binary(path: path, what: "NUL byte", byteOffset: nul)
    }
    let scan = UTF8Scan(bytes)
    if scan.invalidCount == 0 || scan.isMostlyUTF8 {
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

  private static func decodeUTF8(
    _ bytes: [UInt8], path: String, bomLength: Int, confidence: Int, scan: UTF8Scan? = nil,
    pass: DecodingPass? = nil, onePass: Bool = true
  ) throws(InputError) -> (SourceText, DecodingReport) {
    let body = bomLength == 0 ? bytes : Array(bytes[bomLength...])
    // A damaged file comes with its scan; any other is valid unless the pass stops.
    if let pass = pass ?? (scan == nil && onePass ? DecodingPass.scan(body) : nil) {
      let text = SourceText(utf8: body, pass: pass, bomLength: bomLength, originalLength: bytes.count)
      try refuseBinary(text, pass.controls, path: path)
      let report = DecodingReport(
        encoding: "UTF-8", confidence: confidence, hasBOM: bomLength > 0, invalidOffsets: [], invalidCount: 0,
        lineEnding: pass.lineEnding, isLowConfidence: confidence < confidenceFloor)
      return (text, report)
    }
    let scan = bomLength == 0 ? (scan ?? UTF8Scan(body)) : UTF8Scan(body)
    let text: SourceText
    var invalidOffsets: [Int] = []
    if scan.invalidCount == 0 {
      // The common case: the file's own bytes are the text, no copy and no offset map.
      text = SourceText(
        utf8: body, originalOffsets: nil, bomLength: bomLength, originalLength: bytes.count)
    } else {
      let (repaired, map, offsets) = UTF8Scan.repair(
        body, bomLength: bomLength, listed: listedInvalidOffsets)
      invalidOffsets = offsets
      text = SourceText(
        utf8: repaired, originalOffsets: map, bomLength: 0, originalLength: bytes.count)
    }
    try refuseBinary(text, path: path)
    let report = DecodingReport(
      encoding: "UTF-8", confidence: confidence, hasBOM: bomLength > 0,
      invalidOffsets: invalidOffsets, invalidCount: scan.invalidCount,
      lineEnding: LineEndings.describe(text.utf8), isLowConfidence: confidence < confidenceFloor)
    return (text, report)
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
    let text = SourceText(
      utf8: utf8, originalOffsets: map, bomLength: 0, originalLength: bytes.count)
    try refuseBinary(text, path: path)
    let report = DecodingReport(
      encoding: charset, confidence: confidence, hasBOM: hasBOM || strippedBOM,
      invalidOffsets: invalidOffsets, invalidCount: invalidCount,
      lineEnding: LineEndings.describe(text.utf8),
      isLowConfidence: detected && confidence < confidenceFloor)
    if detected && invalidCount * 20 > max(utf8.count / 3, 1) {
      throw .undecodable(
        path: path, detail: "not UTF-8, and \(invalidCount) invalid sequences as \(charset)")
    }
    return (text, report)
  }

  /// Text with many control characters is a binary file that happens to decode.
  private static func refuseBinary(_ text: SourceText, path: String) throws(InputError) {
    try refuseBinary(text, ControlCount(text.utf8), path: path)
  }

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

extension ControlCount {
  /// The count over a whole text, for text the one pass did not read.
  init(_ utf8: [UInt8]) {
    self.init()
    utf8.withUnsafeBufferPointer { bytes in
      var index = 0
      while index < bytes.count {
        // Once text and ASCII have been seen only controls count, and most words of eight
        // bytes hold none.
        if isSettled && index + 8 <= bytes.count && ByteWord.below(ByteWord.load(bytes, at: index), 0x20) == 0 {
          index += 8
          continue
        }
        let byte = bytes[index]
        if byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x0B {
          addControl(at: index)
        } else if byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x0B {
          nonBlank = true
          if byte < 0x7F { printableASCII = true }
        }
        index += 1
      }
    }
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
  static func describe(_ bytes: [UInt8]) -> String {
    // Most files have no CR: LF or no break at all, found a word at a time.
    let only: String? = bytes.withUnsafeBufferPointer { bytes in
      guard bytes.firstIndex(ofByte: 0x0D) == nil else { return nil }
      return bytes.firstIndex(ofByte: 0x0A) == nil ? "none" : "LF"
    }
    return only ?? describeByCounting(bytes)
  }

  /// `describe` byte by byte, counting each kind of break.
  static func describeByCounting(_ bytes: [UInt8]) -> String {
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
    return describe(lf: lf, crlf: crlf, cr: cr)
  }

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
