/// The visible text of an HTML cell or block, built as a browser lays it out: runs of
/// white space collapse to one space, a line break in the source between two CJK characters
/// disappears (CSS Text 3 segment-break rules), `<br>` and paragraphs become `\n`, and
/// entities are decoded. It remembers where its first and last visible characters sit in
/// the source, for the cell's span.
struct HTMLText {
  /// UTF-8 of the text so far: appending to a `String.UnicodeScalarView` a scalar at a time
  /// cost several times the encoding.
  private(set) var utf8: [UInt8] = []
  /// Decoded byte offset of the first visible character.
  private(set) var first: Int?
  /// Decoded byte offset just after the last visible character.
  private(set) var end = 0
  private var pendingSpace = false
  private var pendingSpaceHasBreak = false
  private var last: Unicode.Scalar?

  var isEmpty: Bool { first == nil }

  /// Appends the text of `bytes[range]`: entities decoded, white space collapsed.
  mutating func append(_ bytes: [UInt8], _ range: Range<Int>) {
    var index = range.lowerBound
    while index < range.upperBound {
      let byte = bytes[index]
      switch byte {
      case 0x20, 0x09, 0x0C:
        space(hasBreak: false)
        index += 1
      case 0x0A, 0x0D:
        space(hasBreak: true)
        index += 1
      case 0x26:
        if let (decoded, length) = HTMLEntities.decode(bytes, at: index, limit: range.upperBound) {
          for scalar in decoded { visible(scalar, from: index, to: index + length) }
          index += length
        } else {
          visible("&", from: index, to: index + 1)
          index += 1
        }
      default:
        let length = UTF8Scalars.length(leading: byte)
        let upper = min(index + length, range.upperBound)
        let scalar = UTF8Scalars.decode(bytes, index..<upper) ?? "\u{FFFD}"
        visible(scalar, from: index, to: upper)
        index = upper
        if first != nil { index = appendPlainRun(bytes, from: index, limit: range.upperBound) }
      }
    }
  }

  /// The run of printable ASCII (but `&`) and CJK ideographs (U+4E00–U+9FFF) at `start`,
  /// appended as it is; the index after it. After a visible character no space is pending,
  /// and each of these is visible, not blank and its own bytes, so `visible` would append
  /// it unchanged: taken a run at a time, not decoded and encoded again one by one.
  private mutating func appendPlainRun(_ bytes: [UInt8], from start: Int, limit: Int) -> Int {
    var index = start
    var lastLength = 0
    while index < limit {
      let byte = bytes[index]
      if byte > 0x20 && byte < 0x7F && byte != 0x26 {
        index += 1
        lastLength = 1
      } else if index + 2 < limit && AlignedTokenizer.isUnifiedIdeograph(byte, bytes[index + 1], bytes[index + 2]) {
        index += 3
        lastLength = 3
      } else {
        break
      }
    }
    guard index > start else { return start }
    utf8.append(contentsOf: bytes[start..<index])
    let lead = bytes[index - lastLength]
    last =
      lastLength == 1
      ? Unicode.Scalar(lead)
      : Unicode.Scalar(UInt32(lead & 0x0F) << 12 | UInt32(bytes[index - 2] & 0x3F) << 6 | UInt32(bytes[index - 1] & 0x3F))
        ?? "\u{FFFD}"
    end = index
    return index
  }

  /// A character that is not HTML white space (NBSP, U+3000 and decoded entities count).
  mutating func visible(_ scalar: Unicode.Scalar, from start: Int, to stop: Int) {
    // NBSP is kept as an ordinary space inside the text; blanks at either end are trimmed.
    let character: Unicode.Scalar = scalar == "\u{00A0}" ? " " : scalar
    let isBlank = Blank.isBlank(character)
    if first == nil && isBlank { return }
    if pendingSpace {
      let joinsCJK = pendingSpaceHasBreak && last.map(Self.isWide) == true && Self.isWide(character)
      if !joinsCJK && last != "\n" { utf8.append(0x20) }
      pendingSpace = false
      pendingSpaceHasBreak = false
    }
    if first == nil { first = start }
    UTF8.encode(character) { utf8.append($0) }
    last = character
    if !isBlank { end = stop }
  }

  /// Collapsible white space: at most one space, and none at the start of a line.
  mutating func space(hasBreak: Bool) {
    guard first != nil, last != "\n" else { return }
    pendingSpace = true
    if hasBreak { pendingSpaceHasBreak = true }
  }

  /// `<br>`, or the edge of a paragraph: one `\n`, never two in a row, none at the start.
  mutating func lineBreak() {
    guard first != nil, last != "\n" else { return }
    utf8.append(0x0A)
    last = "\n"
    pendingSpace = false
    pendingSpaceHasBreak = false
  }

  /// The text with every line trimmed and empty lines dropped.
  var text: String {
    let whole = String(decoding: utf8, as: UTF8.self)
    // Most cells are one line: trimmed, not split into lines and joined again.
    guard utf8.contains(0x0A) else { return String(whole.trimmingBlanks()) }
    let lines = whole.lineSlices().map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
    return lines.joined(separator: "\n")
  }

  /// The span of the visible text in `source`: from its first visible character; as long
  /// as the source it covers when that is one line, else as long as the text (so that it
  /// does not change with the file's line ends).
  func span(in source: SourceText) -> SourceSpan? {
    guard let first else { return nil }
    let lineIndex = source.lineIndex(containing: first)
    var span = source.span(lineIndex: lineIndex, byteRange: first..<max(end, first))
    if source.lineIndex(containing: max(end - 1, first)) != lineIndex { span.length = text.unicodeScalars.count }
    return span
  }

  static func isWide(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value >= 0x1100 && ICU.displayWidth(scalar) == 2
  }
}

/// UTF-8 decoding of single scalars in the decoded (valid UTF-8) text.
enum UTF8Scalars {
  static func length(leading byte: UInt8) -> Int {
    switch byte {
    case 0..<0x80: 1
    case 0xC0..<0xE0: 2
    case 0xE0..<0xF0: 3
    case 0xF0..<0xF8: 4
    default: 1
    }
  }

  static func decode(_ bytes: [UInt8], _ range: Range<Int>) -> Unicode.Scalar? {
    var iterator = bytes[range].makeIterator()
    var decoder = UTF8()
    if case .scalarValue(let scalar) = decoder.decode(&iterator) { return scalar }
    return nil
  }
}

/// Character references: `&amp;`, `&ge;`, `&#8805;`, `&#x2265;`.
enum HTMLEntities {
  static let named: [String: String] = [
    "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}",
    "ge": "≥", "le": "≤", "ne": "≠", "times": "×", "divide": "÷", "plusmn": "±", "deg": "°",
    "middot": "·", "bull": "•", "hellip": "…", "mdash": "—", "ndash": "–", "ldquo": "“",
    "rdquo": "”", "lsquo": "‘", "rsquo": "’", "laquo": "«", "raquo": "»", "yen": "¥",
    "copy": "©", "reg": "®", "permil": "‰", "sup2": "²", "sup3": "³", "micro": "µ",
    "ensp": "\u{2002}", "emsp": "\u{2003}", "thinsp": "\u{2009}", "zwsp": "\u{200B}",
    "rarr": "→", "larr": "←", "radic": "√", "check": "✓", "cross": "✗", "hArr": "⇔",
    "lowast": "∗", "minus": "−", "frac12": "½", "frac14": "¼", "sect": "§", "para": "¶",
  ]
  /// Legacy entities browsers accept without `;`.
  static let bare: Set<String> = ["amp", "lt", "gt", "nbsp", "quot"]

  /// The scalars a reference at `index` (an `&`) stands for, and its length in bytes.
  static func decode(_ bytes: [UInt8], at index: Int, limit: Int) -> ([Unicode.Scalar], Int)? {
    var end = index + 1
    while end < limit, end - index <= 32, bytes[end] != 0x3B, HTMLScanner.isNameByte(bytes[end]) || bytes[end] == 0x23 {
      end += 1
    }
    let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
    let hasSemicolon = end < limit && bytes[end] == 0x3B
    let length = end - index + (hasSemicolon ? 1 : 0)
    if name.hasPrefix("#") {
      let isHex = name.hasPrefix("#x") || name.hasPrefix("#X")
      let digits = name.dropFirst(isHex ? 2 : 1)
      guard !digits.isEmpty, let value = UInt32(digits, radix: isHex ? 16 : 10) else { return nil }
      // Windows-1252 code points in numeric references, as browsers read them.
      let mapped = value == 0x96 ? 0x2013 : value == 0x97 ? 0x2014 : value == 0x95 ? 0x2022 : value
      guard mapped != 0, let scalar = Unicode.Scalar(mapped) else { return (["\u{FFFD}"], length) }
      return ([scalar], length)
    }
    guard hasSemicolon || bare.contains(name), let decoded = named[name] else { return nil }
    return (Array(decoded.unicodeScalars), length)
  }
}
