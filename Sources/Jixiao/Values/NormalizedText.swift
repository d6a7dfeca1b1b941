/// A target's text after NFKC, as scalars, with cheap substrings.
///
/// Most cells hold only ASCII, CJK ideographs and a few symbols (≥, ≤, ‰, 、) that NFKC leaves
/// alone; those skip the ICU call. Substrings are cut from the UTF-8 storage by offsets, not
/// rebuilt scalar by scalar. A short text sums the widths before a cut when it is cut: most
/// texts are read only as scalars (a name or a remark is never cut). A long one keeps a table
/// of offsets, or reading a cell wrapped over thousands of lines, cut at every word, would
/// take time quadratic in its length.
struct NormalizedText {
  let string: String
  let scalars: [Unicode.Scalar]
  /// `scalars` are in simplified script where `string` is not.
  let isSimplified: Bool
  /// `utf8Offsets[i]` is where scalar `i` starts, one extra entry marking the end; empty for a
  /// text of at most `summedLength` scalars.
  private let utf8Offsets: [Int]
  static let summedLength = 64

  /// `simplify`: the document is in traditional script. The scalars the grammar reads are
  /// made simplified (`個` → `个`, `及時` → `及时`, `優良` → `优良`) so that its words and units
  /// match (`matchText`); `string`, which cuts give, stays as written. Only when each
  /// character turns into one character of the same width, so that positions and offsets
  /// hold for both.
  init(_ raw: String, simplify: Bool = false) {
    // One walk both collects the scalars and checks that NFKC would leave them (`nfkc`'s
    // test); only a text that fails it is normalised by ICU and walked again.
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(raw.utf8.count)
    var stable = true
    for scalar in raw.unicodeScalars {
      guard NormalizedText.isStable(scalar) else {
        stable = false
        break
      }
      scalars.append(scalar)
    }
    var string = raw
    if !stable {
      string = ICU.nfkc(raw)
      scalars.removeAll(keepingCapacity: true)
      for scalar in string.unicodeScalars { scalars.append(scalar) }
    }
    isSimplified = simplify && Self.simplified(&scalars)
    self.string = string
    self.scalars = scalars
    if scalars.count > Self.summedLength {
      var offsets: [Int] = []
      offsets.reserveCapacity(scalars.count + 1)
      var offset = 0
      for scalar in scalars {
        offsets.append(offset)
        offset += UTF8.width(scalar)
      }
      offsets.append(offset)
      utf8Offsets = offsets
    } else {
      utf8Offsets = []
    }
  }

  /// The text of scalars `start..<end` (empty when the range is empty or out of bounds).
  func text(from start: Int, to end: Int) -> String {
    guard start >= 0, start < end, end <= scalars.count else { return "" }
    let lowerOffset: Int
    let upperOffset: Int
    if utf8Offsets.isEmpty {
      var offset = 0
      for index in 0..<start { offset += UTF8.width(scalars[index]) }
      lowerOffset = offset
      for index in start..<end { offset += UTF8.width(scalars[index]) }
      upperOffset = offset
    } else {
      lowerOffset = utf8Offsets[start]
      upperOffset = utf8Offsets[end]
    }
    return Self.text(of: string, from: lowerOffset, to: upperOffset)
  }

  /// The bytes `lower..<upper` of `string` as a text of their own, made from the bytes where
  /// they lie (a substring made and copied cost three times as much). The offsets are sums of
  /// the widths of `string`'s own scalars (`scalars`), so they are within its bytes and on
  /// scalar boundaries: the bytes between are valid UTF-8 and decode unchanged.
  @inline(__always)
  private static func text(of string: String, from lower: Int, to upper: Int) -> String {
    if lower == 0 && upper == string.utf8.count { return string }
    return string.withUTF8Bytes { bytes in
      String(decoding: UnsafeBufferPointer(rebasing: bytes[lower..<upper]), as: UTF8.self)
    }
  }

  /// Turns the scalars simplified; false (and the scalars left) when they have no CJK
  /// character, none changes, or one would change its count or width.
  private static func simplified(_ scalars: inout [Unicode.Scalar]) -> Bool {
    guard scalars.contains(where: { $0.value >= 0x3400 }) else { return false }
    var text = ""
    text.unicodeScalars.append(contentsOf: scalars)
    let simplified = Array(ICU.simplified(text).unicodeScalars)
    guard simplified.count == scalars.count, simplified != scalars,
      zip(simplified, scalars).allSatisfy({ UTF8.width($0) == UTF8.width($1) })
    else { return false }
    scalars = simplified
    return true
  }

  /// The text of scalars `start..<end` as the grammar matches it: `text(from:to:)`, in
  /// simplified script when the scalars are (a unit's spelling looked up in `UnitTable`).
  func matchText(from start: Int, to end: Int) -> String {
    guard isSimplified else { return text(from: start, to: end) }
    guard start >= 0, start < end, end <= scalars.count else { return "" }
    var text = ""
    text.unicodeScalars.append(contentsOf: scalars[start..<end])
    return text
  }

  /// NFKC through ICU, unless every scalar is one NFKC leaves unchanged.
  static func nfkc(_ text: String) -> String {
    for scalar in text.unicodeScalars where !isStable(scalar) { return ICU.nfkc(text) }
    return text
  }

  /// Scalars known to be their own NFKC form: ASCII, CJK unified ideographs, and the
  /// symbols these tables use most. (Full-width forms, ㎡, ①, NBSP and … are not.)
  static func isStable(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00...0x7F, 0x3400...0x4DBF, 0x4E00...0x9FFF: true
    case 0x2264, 0x2265, 0x2266, 0x2267, 0x2A7D, 0x2A7E, 0x2030, 0x2550: true  // ≤ ≥ ≦ ≧ ⩽ ⩾ ‰ ═
    case 0x3001, 0x3002, 0x3007, 0x300A...0x3011, 0x3014, 0x3015: true  // 、。〇 《》「」『』【】〔〕
    case 0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x00B1, 0x00B7, 0x00D7, 0x2605, 0x2606: true
    default: false
    }
  }
}
