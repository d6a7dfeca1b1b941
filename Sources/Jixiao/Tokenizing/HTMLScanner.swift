/// A forgiving lexer for HTML as pages are saved: tags, text runs and entities.
///
/// It forgives what browsers forgive: a `<` that does not start a tag (`<700万`) is text,
/// unquoted attributes, tags left open, entities without their `;` for the common four.
/// Comments, `<!DOCTYPE>`, `<?xml?>` and the content of raw-text elements (`<script>`,
/// `<style>` …) never reach the caller.
struct HTMLScanner {
  enum Event {
    /// Text between tags: `range` in the decoded bytes, entities still encoded.
    case text(Range<Int>)
    case tag(HTMLTag)
  }

  let bytes: [UInt8]
  private(set) var position: Int

  /// Elements whose content is not markup; skipped whole.
  static let rawTextElements: Set<String> = ["script", "style", "title", "textarea", "xmp", "noscript", "template"]

  /// `rawTextElements.contains(name)` by comparing small strings: the set hashed the name
  /// of every opening tag.
  static func isRawTextElement(_ name: String) -> Bool {
    // Most names (`td`, `tr`, `p`, `span`, `div`) are told apart by their length or their
    // first letter: each string comparison below is a call.
    let utf8 = name.utf8
    guard utf8.count >= 3 && utf8.count <= 8, let first = utf8.first,
      first == 0x73 || first == 0x74 || first == 0x78 || first == 0x6E
    else { return false }
    return switch name {
    case "script", "style", "title", "textarea", "xmp", "noscript", "template": true
    default: false
    }
  }

  init(bytes: [UInt8]) {
    self.bytes = bytes
    self.position = 0
  }

  /// Goes on from `offset` (a text the caller read otherwise).
  mutating func skip(to offset: Int) {
    position = max(position, min(offset, bytes.count))
  }

  mutating func next() -> Event? {
    while position < bytes.count {
      if bytes[position] == 0x3C, Self.startsMarkup(bytes, at: position) {
        if let tag = readMarkup() { return .tag(tag) }
        continue  // a comment or declaration, skipped
      }
      // A text run up to the next `<` that starts markup, the `<`s found eight bytes at a
      // time on the buffer (the array's reads were checked byte by byte).
      let start = position
      position = bytes.withUnsafeBufferPointer { buffer in
        var from = start + 1
        while let found = buffer.firstIndex(ofByte: 0x3C, from: from) {
          if Self.startsMarkup(bytes, at: found) { return found }
          from = found + 1
        }
        return buffer.count
      }
      return .text(start..<position)
    }
    return nil
  }

  /// Does `<` at `index` start a tag, a comment or a declaration (rather than `<700万`)?
  static func startsMarkup(_ bytes: [UInt8], at index: Int) -> Bool {
    guard index + 1 < bytes.count else { return false }
    let next = bytes[index + 1]
    if isASCIILetter(next) || next == 0x21 || next == 0x3F { return true }
    return next == 0x2F && index + 2 < bytes.count && isASCIILetter(bytes[index + 2])
  }

  /// Reads the markup at `position` (a `<` that starts markup); nil when it was a comment
  /// or a declaration, now skipped.
  private mutating func readMarkup() -> HTMLTag? {
    let start = position
    let next = bytes[position + 1]
    if next == 0x21 || next == 0x3F {
      // <!-- comment -->, <!DOCTYPE …>, <![CDATA[…]]>, <?xml …?>: skipped.
      if matches("<!--", at: position) {
        position = find("-->", from: position + 4).map { $0 + 3 } ?? bytes.count
      } else if matches("<![CDATA[", at: position) {
        position = find("]]>", from: position + 9).map { $0 + 3 } ?? bytes.count
      } else {
        position = (firstIndex(of: 0x3E, from: position + 2) ?? bytes.count - 1) + 1
      }
      return nil
    }
    let isClosing = next == 0x2F
    var index = position + (isClosing ? 2 : 1)
    let nameStart = index
    while index < bytes.count, Self.isNameByte(bytes[index]) { index += 1 }
    let name = Self.lowercasedName(bytes, nameStart..<index)
    let attributesStart = index
    // The tag ends at the first `>` outside quotes.
    var quote: UInt8?
    while index < bytes.count {
      let byte = bytes[index]
      if let open = quote {
        if byte == open { quote = nil }
      } else if byte == 0x22 || byte == 0x27 {
        if index > attributesStart, bytes[index - 1] == 0x3D || Self.isSpace(bytes[index - 1]) { quote = byte }
      } else if byte == 0x3E {
        break
      }
      index += 1
    }
    let attributesEnd = min(index, bytes.count)
    position = min(index + 1, bytes.count)
    let isSelfClosing = attributesEnd > attributesStart && bytes[attributesEnd - 1] == 0x2F
    let tag = HTMLTag(
      name: name,
      isClosing: isClosing,
      isSelfClosing: isSelfClosing,
      range: start..<position,
      attributes: attributesStart..<attributesEnd
    )
    if !isClosing && !isSelfClosing && Self.isRawTextElement(name) {
      skipRawText(name)
    }
    return tag
  }

  /// Moves past the content of a raw-text element and its closing tag.
  private mutating func skipRawText(_ name: String) {
    var index = position
    while let open = find("</", from: index) {
      var end = open + 2
      var matched = true
      for byte in name.utf8 {
        guard end < bytes.count, Self.lowercased(bytes[end]) == byte else {
          matched = false
          break
        }
        end += 1
      }
      if matched, end >= bytes.count || !Self.isNameByte(bytes[end]) {
        position = (firstIndex(of: 0x3E, from: end) ?? bytes.count - 1) + 1
        return
      }
      index = open + 2
    }
    position = bytes.count
  }

  private func matches(_ literal: String, at index: Int) -> Bool {
    var offset = index
    for byte in literal.utf8 {
      guard offset < bytes.count, Self.lowercased(bytes[offset]) == Self.lowercased(byte) else { return false }
      offset += 1
    }
    return true
  }

  private func find(_ literal: String, from index: Int) -> Int? {
    let first = Array(literal.utf8)
    guard let lead = first.first else { return nil }
    var offset = index
    while let found = firstIndex(of: lead, from: offset) {
      if matches(literal, at: found) { return found }
      offset = found + 1
    }
    return nil
  }

  private func firstIndex(of byte: UInt8, from index: Int) -> Int? {
    var offset = index
    while offset < bytes.count {
      if bytes[offset] == byte { return offset }
      offset += 1
    }
    return nil
  }

  static func isASCIILetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
  static func isNameByte(_ byte: UInt8) -> Bool {
    isASCIILetter(byte) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2D || byte == 0x3A || byte == 0x5F
  }
  static func isSpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
  }
  static func lowercased(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }

  /// `String(decoding: bytes[range].map(lowercased), as: UTF8.self)` written straight into
  /// the string: a tag's name (ASCII, most shorter than 16 bytes) then needs neither an
  /// array nor validation, where each tag made, decoded and freed one.
  static func lowercasedName(_ bytes: [UInt8], _ range: Range<Int>) -> String {
    precondition(range.lowerBound >= 0 && range.upperBound <= bytes.count, "range out of bounds")
    return String(unsafeUninitializedCapacity: range.count) { name in
      var count = 0
      for index in range {
        name[count] = lowercased(bytes[index])
        count += 1
      }
      return count
    }
  }
}

/// An HTML tag as written.
struct HTMLTag {
  /// The element name in ASCII lower case (`td`, `br`).
  var name: String
  var isClosing: Bool
  var isSelfClosing: Bool
  /// The whole tag, `<` to `>`.
  var range: Range<Int>
  /// The bytes between the name and the closing `>`.
  var attributes: Range<Int>

  /// The value of an attribute (`rowspan="2"`, `colspan=3`, `checked`), entities undecoded;
  /// "" for an attribute without a value, nil when absent.
  func attribute(_ wanted: String, in bytes: [UInt8]) -> String? {
    var index = attributes.lowerBound
    let end = attributes.upperBound
    while index < end {
      while index < end, HTMLScanner.isSpace(bytes[index]) || bytes[index] == 0x2F { index += 1 }
      let nameStart = index
      while index < end, !HTMLScanner.isSpace(bytes[index]), bytes[index] != 0x3D, bytes[index] != 0x2F {
        index += 1
      }
      let name = HTMLScanner.lowercasedName(bytes, nameStart..<index)
      while index < end, HTMLScanner.isSpace(bytes[index]) { index += 1 }
      var value = ""
      if index < end, bytes[index] == 0x3D {
        index += 1
        while index < end, HTMLScanner.isSpace(bytes[index]) { index += 1 }
        if index < end, bytes[index] == 0x22 || bytes[index] == 0x27 {
          let quote = bytes[index]
          index += 1
          let valueStart = index
          while index < end, bytes[index] != quote { index += 1 }
          value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
          index += 1
        } else {
          let valueStart = index
          while index < end, !HTMLScanner.isSpace(bytes[index]) { index += 1 }
          value = String(decoding: bytes[valueStart..<index], as: UTF8.self)
        }
      }
      if name == wanted { return value }
      if index == nameStart { index += 1 }
    }
    return nil
  }

  /// A `rowspan`/`colspan` value: a positive integer, at most `limit` (browsers clamp too);
  /// 1 when absent or unreadable.
  func span(_ name: String, in bytes: [UInt8], limit: Int) -> Int {
    guard let text = attribute(name, in: bytes) else { return 1 }
    let digits = text.drop { $0 == " " }.prefix { $0.isASCII && $0.isNumber }
    guard let value = Int(digits.prefix(6)), value >= 1 else { return 1 }
    return min(value, limit)
  }
}
