/// Byte-order marks.
enum ByteOrderMark {
  static func detect(_ bytes: [UInt8]) -> (charset: String, length: Int)? {
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return ("UTF-8", 3) }
    if bytes.starts(with: [0xFF, 0xFE, 0x00, 0x00]) { return ("UTF-32LE", 4) }
    if bytes.starts(with: [0x00, 0x00, 0xFE, 0xFF]) { return ("UTF-32BE", 4) }
    if bytes.starts(with: [0xFF, 0xFE]) { return ("UTF-16LE", 2) }
    if bytes.starts(with: [0xFE, 0xFF]) { return ("UTF-16BE", 2) }
    if bytes.starts(with: [0x84, 0x31, 0x95, 0x33]) { return ("GB18030", 4) }
    return nil
  }
}

/// Magic numbers of the binary files a glob picks up by mistake.
enum BinarySignature {
  private static let signatures: [([UInt8], String)] = [
    ([0x89, 0x50, 0x4E, 0x47], "PNG image"),
    ([0xFF, 0xD8, 0xFF], "JPEG image"),
    (Array("GIF8".utf8), "GIF image"),
    ([0x50, 0x4B, 0x03, 0x04], "ZIP archive, or .docx/.xlsx"),
    ([0x50, 0x4B, 0x05, 0x06], "empty ZIP archive"),
    ([0x7F, 0x45, 0x4C, 0x46], "ELF executable"),
    (Array("%PDF-".utf8), "PDF document"),
    ([0x1F, 0x8B, 0x08], "gzip archive"),
    ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "OLE2 file, .doc/.xls"),
    ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "7z archive"),
    (Array("Rar!\u{1A}\u{07}".utf8), "RAR archive"),
    // "BZh" starts words too: require the block size digit and the block magic (π).
    ([0x42, 0x5A, 0x68], "bzip2 archive"),
    ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz archive"),
    (Array("SQLite format 3".utf8), "SQLite database"),
    ([0xCA, 0xFE, 0xBA, 0xBE], "Mach-O or Java class file"),
    ([0x4D, 0x5A], "Windows executable"),
  ]

  static func match(_ bytes: [UInt8]) -> String? {
    for (magic, name) in signatures where bytes.starts(with: magic) {
      // "MZ" also starts ordinary text; require the PE layout's NUL bytes too.
      if magic == [0x4D, 0x5A] && !bytes.prefix(64).contains(0) { continue }
      if magic == [0x42, 0x5A, 0x68] && !isBzip2Header(bytes) { continue }
      return name
    }
    return nil
  }

  private static func isBzip2Header(_ bytes: [UInt8]) -> Bool {
    bytes.count >= 7 && (0x31...0x39).contains(bytes[3])
      && bytes[4...6].elementsEqual([0x31, 0x41, 0x59])
  }
}

/// UTF-16 without a BOM: ASCII-range text leaves a NUL in every other byte.
enum UTF16Heuristic {
  static func guess(_ bytes: [UInt8]) -> String? {
    let sample = bytes.prefix(4096)
    guard sample.count >= 4 else { return nil }
    var evenZeros = 0
    var oddZeros = 0
    for (index, byte) in sample.enumerated() where byte == 0 {
      if index % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
    }
    let pairs = sample.count / 2
    if oddZeros > pairs / 4 && evenZeros < oddZeros / 8 { return "UTF-16LE" }
    if evenZeros > pairs / 4 && oddZeros < evenZeros / 8 { return "UTF-16BE" }
    // CJK text in UTF-16 has few NULs; ICU's detector recognises it by its statistics.
    let (name, confidence) = SourceDecoder.detect(bytes)
    if let name, name.hasPrefix("UTF-16"), confidence >= 30 { return name }
    return nil
  }
}

/// One pass over bytes that should be UTF-8: where the invalid sequences are.
struct UTF8Scan {
  var invalidOffsets: [Int] = []
  var multibyteSequences = 0

  init(_ bytes: [UInt8]) {
    var index = 0
    let count = bytes.count
    while index < count {
      let byte = bytes[index]
      if byte < 0x80 {
        index += 1
        continue
      }
      let length = UTF8Scan.sequenceLength(bytes, at: index)
      if length == 0 {
        invalidOffsets.append(index)
        index += 1
      } else {
        multibyteSequences += 1
        index += length
      }
    }
  }

  /// A few invalid bytes among much valid UTF-8 are damage, not another encoding.
  var isMostlyUTF8: Bool { multibyteSequences >= 8 * invalidOffsets.count }

  /// Length of the valid sequence starting at `index`, or 0.
  static func sequenceLength(_ bytes: [UInt8], at index: Int) -> Int {
    let count = bytes.count
    let byte = bytes[index]
    func continuation(_ offset: Int) -> Bool {
      index + offset < count && bytes[index + offset] & 0xC0 == 0x80
    }
    switch byte {
    case 0xC2...0xDF:
      return continuation(1) ? 2 : 0
    case 0xE0...0xEF:
      guard continuation(1), continuation(2) else { return 0 }
      let second = bytes[index + 1]
      if byte == 0xE0 && second < 0xA0 { return 0 }
      if byte == 0xED && second >= 0xA0 { return 0 }
      return 3
    case 0xF0...0xF4:
      guard continuation(1), continuation(2), continuation(3) else { return 0 }
      let second = bytes[index + 1]
      if byte == 0xF0 && second < 0x90 { return 0 }
      if byte == 0xF4 && second >= 0x90 { return 0 }
      return 4
    default:
      return 0
    }
  }

  /// The bytes with each invalid byte replaced by U+FFFD, and the original offset of every
  /// output byte.
  func repair(_ bytes: [UInt8], bomLength: Int) -> ([UInt8], [Int32]) {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + invalidOffsets.count * 2)
    var map: [Int32] = []
    map.reserveCapacity(bytes.count + invalidOffsets.count * 2)
    var invalid = Set(invalidOffsets)
    for (index, byte) in bytes.enumerated() {
      if invalid.remove(index) != nil {
        output.append(contentsOf: [0xEF, 0xBF, 0xBD])
        map.append(contentsOf: Array(repeating: Int32(index + bomLength), count: 3))
      } else {
        output.append(byte)
        map.append(Int32(index + bomLength))
      }
    }
    return (output, map)
  }
}
