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

/// UTF-16 without a BOM.
enum UTF16Heuristic {
  static func guess(_ bytes: [UInt8]) -> String? {
    let sample = bytes.prefix(4096)
    guard sample.count >= 4 else { return nil }
    // ASCII-range text leaves a NUL in every other byte.
    var evenZeros = 0
    var oddZeros = 0
    for (index, byte) in sample.enumerated() where byte == 0 {
      if index % 2 == 0 { evenZeros += 1 } else { oddZeros += 1 }
    }
    let pairs = sample.count / 2
    if oddZeros > pairs / 4 && evenZeros < oddZeros / 8 { return "UTF-16LE" }
    if evenZeros > pairs / 4 && oddZeros < evenZeros / 8 { return "UTF-16BE" }
    // CJK text in UTF-16 has few NULs: read the code units and see whether they are the
    // characters a Chinese document is made of.
    let little = plausibleShare(sample, bigEndian: false)
    let big = plausibleShare(sample, bigEndian: true)
    // Swapped CJK is often CJK too; then the NULs of tabs and line ends tell the byte order.
    if little >= 0.9 && (little > big + 0.2 || (oddZeros > 0 && evenZeros == 0)) { return "UTF-16LE" }
    if big >= 0.9 && (big > little + 0.2 || (evenZeros > 0 && oddZeros == 0)) { return "UTF-16BE" }
    let (name, confidence) = SourceDecoder.detect(bytes)
    if let name, name.hasPrefixBytes("UTF-16"), confidence >= 30 { return name }
    return nil
  }

  /// The share of code units that are text characters: ASCII and Latin-1 text, general
  /// punctuation, arrows and maths (≥ ≤), CJK ideographs and punctuation, full-width forms,
  /// surrogates. Random bytes score about 0.3, UTF-8 or GB18030 read as UTF-16 well below 0.9.
  static func plausibleShare(_ sample: ArraySlice<UInt8>, bigEndian: Bool) -> Double {
    var plausible = 0
    var units = 0
    var index = sample.startIndex
    while index + 1 < sample.endIndex {
      let first = UInt16(sample[index])
      let second = UInt16(sample[index + 1])
      let unit = bigEndian ? first << 8 | second : second << 8 | first
      units += 1
      switch unit {
      case 0x09, 0x0A, 0x0D, 0x20...0x7E, 0xA0...0xFF, 0x2000...0x22FF, 0x2460...0x24FF,
        0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xD800...0xDFFF, 0xFEFF, 0xFF00...0xFFEF:
        plausible += 1
      default: break
      }
      index += 2
    }
    return units == 0 ? 0 : Double(plausible) / Double(units)
  }
}

/// One pass over bytes that should be UTF-8: how many valid multi-byte sequences and how many
/// invalid ones. An invalid sequence is a maximal subpart (Unicode's "U+FFFD substitution of
/// maximal subparts", as ICU and every browser do): a truncated `E4 B8` is one U+FFFD, a lone
/// continuation byte is one.
struct UTF8Scan {
  private(set) var invalidCount = 0
  private(set) var multibyteSequences = 0
  /// The text ends in the middle of a sequence: a truncated download, not another encoding.
  private(set) var endsTruncated = false

  init(_ bytes: [UInt8]) {
    var invalid = 0
    var multibyte = 0
    var lastInvalidEnd = -1
    UTF8Scan.walk(bytes) { offset, length, isValid in
      if isValid {
        multibyte += 1
      } else {
        invalid += 1
        lastInvalidEnd = offset + length
      }
    }
    invalidCount = invalid
    multibyteSequences = multibyte
    if lastInvalidEnd == bytes.count, let lead = bytes.last(where: { $0 & 0xC0 != 0x80 }),
      (0xC2...0xF4).contains(lead)
    {
      endsTruncated = true
    }
  }

  /// A few invalid sequences among much valid UTF-8 are damage, not another encoding. A
  /// sequence cut off at the end of the file does not count against it.
  var isMostlyUTF8: Bool {
    let damage = invalidCount - (endsTruncated ? 1 : 0)
    return multibyteSequences >= 8 * damage
  }

  /// Calls `body(offset, length, isValid)` for every multi-byte sequence and every invalid
  /// maximal subpart, in order. ASCII bytes are skipped.
  @inline(__always)
  static func walk(_ bytes: [UInt8], _ body: (Int, Int, Bool) -> Void) {
    let count = bytes.count
    var index = 0
    while index < count {
      let byte = bytes[index]
      if byte < 0x80 {
        index += 1
        continue
      }
      // Most sequences of these texts are ideographs: three bytes led by E1–EC or EE–EF,
      // whose continuation bytes may take their whole range. They are checked here, the
      // other leads (with narrowed second bytes, or shorter and longer forms) by `sequence`.
      if byte >= 0xE1 && byte != 0xED && byte <= 0xEF && index + 2 < count && bytes[index + 1] & 0xC0 == 0x80
        && bytes[index + 2] & 0xC0 == 0x80
      {
        body(index, 3, true)
        index += 3
        continue
      }
      let (length, isValid) = sequence(bytes, at: index)
      body(index, length, isValid)
      index += length
    }
  }

  /// The sequence starting at `index` (not ASCII): its length and whether it is valid. An
  /// invalid one is the longest prefix of a valid sequence (at least one byte).
  @inline(__always)
  static func sequence<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at index: Int) -> (Int, Bool)
  where Bytes.Index == Int {
    let lead = bytes[index]
    let needed: Int
    var lower: UInt8 = 0x80
    var upper: UInt8 = 0xBF
    switch lead {
    case 0xC2...0xDF: needed = 1
    case 0xE0:
      needed = 2
      lower = 0xA0
    case 0xE1...0xEC, 0xEE...0xEF: needed = 2
    case 0xED:
      needed = 2
      upper = 0x9F
    case 0xF0:
      needed = 3
      lower = 0x90
    case 0xF1...0xF3: needed = 3
    case 0xF4:
      needed = 3
      upper = 0x8F
    default: return (1, false)
    }
    var length = 1
    while length <= needed {
      let position = index + length
      guard position < bytes.count else { return (length, false) }
      let byte = bytes[position]
      // Only the second byte has a narrowed range.
      let (low, high) = length == 1 ? (lower, upper) : (UInt8(0x80), UInt8(0xBF))
      guard byte >= low && byte <= high else { return (length, false) }
      length += 1
    }
    return (length, true)
  }

  /// The bytes with each invalid subpart replaced by U+FFFD, the original offset of every
  /// output byte, and the offsets of the first `listed` invalid subparts.
  static func repair(_ bytes: [UInt8], bomLength: Int, listed: Int) -> ([UInt8], OffsetMap, [Int]) {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count + 16)
    var map = OffsetMap(capacity: bytes.count + 16)
    var offsets: [Int] = []
    var copied = 0
    func copy(upTo end: Int) {
      guard copied < end else { return }
      output.append(contentsOf: bytes[copied..<end])
      for index in copied..<end { map.append(Int32(index + bomLength)) }
      copied = end
    }
    walk(bytes) { offset, length, isValid in
      guard !isValid else { return }
      copy(upTo: offset)
      output.append(contentsOf: [0xEF, 0xBF, 0xBD])
      map.append(Int32(offset + bomLength), times: 3)
      if offsets.count < listed { offsets.append(offset + bomLength) }
      copied = offset + length
    }
    copy(upTo: bytes.count)
    return (output, map, offsets)
  }
}
