/// Turns a cell's text as written into the text a reader wants: HTML tags removed (`<p>`
/// paragraphs become line breaks), entities decoded, blanks tidied. The raw text stays in
/// the file; spans point to it.
enum CellText {
  static func clean(_ text: String) -> String {
    // Most cells hold no `(`, `<` or `&`: then there is no pinyin group and no markup, and
    // one walk over the bytes says so (the two tests below each walked them).
    guard mayNeedCleaning(text) else { return text }
    let text = Pinyin.strip(text)
    guard text.withUTF8Bytes({ $0.contains { $0 == 0x3C || $0 == 0x26 } }) else { return text }
    let output = String(decoding: text.withUTF8Bytes(removingMarkup), as: UTF8.self)
    let lines = output.lineSlices(omittingEmpty: false)
      .map { $0.trimmingBlanks() }
    var result: [Substring] = []
    for line in lines where !(line.isEmpty && (result.last?.isEmpty ?? true)) { result.append(line) }
    while result.last?.isEmpty == true { result.removeLast() }
    return result.joined(separator: "\n")
  }

  /// Whether the text holds a byte that `clean` acts on: `(` (a pinyin group opens with
  /// it), `<` or `&`.
  static func mayNeedCleaning(_ text: String) -> Bool {
    text.withUTF8Bytes { bytes in
      var index = 0
      while index + 8 <= bytes.count {
        let word = ByteWord.load(bytes, at: index)
        if ByteWord.equal(word, 0x28) | ByteWord.equal(word, 0x3C) | ByteWord.equal(word, 0x26) != 0 { return true }
        index += 8
      }
      while index < bytes.count {
        let byte = bytes[index]
        if byte == 0x28 || byte == 0x3C || byte == 0x26 { return true }
        index += 1
      }
      return false
    }
  }

  /// Tags removed (a block tag becomes a line break, a checkbox its mark) and entities
  /// decoded, by bytes: `<`, `>`, `&` and `;` are ASCII, so a cut beside one is a cut between
  /// scalars. Like an HTML reader, and unlike a reading by characters, a combining mark after
  /// one of them does not hide it.
  private static func removingMarkup(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x3C, opensTag(bytes, at: index), let close = bytes.firstIndex(ofByte: 0x3E, from: index + 1) {
        switch TagEffect(UnsafeBufferPointer(rebasing: bytes[(index + 1)..<close])) {
        case .lineBreak:
          if let last = output.last, last != 0x0A { output.append(0x0A) }
        case .checkbox(let checked):
          output.append(contentsOf: (checked ? "☑" : "☐").utf8)
        case .none:
          break
        }
        index = close + 1
        continue
      }
      if byte == 0x26, let semicolon = entityEnd(bytes, after: index),
        let decoded = decodeEntity(String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<semicolon]), as: UTF8.self))
      {
        output.append(contentsOf: decoded.utf8)
        index = semicolon + 1
        continue
      }
      // Up to the next `<` or `&`, the bytes are kept as they are: copied as one run, not
      // appended one by one (a cell of markup runs to hundreds of bytes).
      var end = index + 1
      while end < bytes.count && bytes[end] != 0x3C && bytes[end] != 0x26 { end += 1 }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[index..<end]))
      index = end
    }
    return output
  }

  /// A `<` that opens a tag as an HTML reader takes one: a letter, `/` and a letter, or `!`
  /// after it. Targets compare with `<` (`<350万元，>300万元`, `<=100%且>=85%`): read as
  /// tags, the text between was cut out.
  static func opensTag(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    @inline(__always) func isLetter(_ position: Int) -> Bool {
      position < bytes.count && (bytes[position] | 0x20) >= 0x61 && (bytes[position] | 0x20) <= 0x7A
    }
    guard index + 1 < bytes.count else { return false }
    switch bytes[index + 1] {
    case 0x21: return true
    case 0x2F: return isLetter(index + 2)
    default: return isLetter(index + 1)
    }
  }

  /// What a tag (its bytes between `<` and `>`) does to the text: read lowercased, its name
  /// the first of its words between spaces and slashes.
  enum TagEffect: Equatable {
    /// `<p>`, `<br/>`, `</div>`, `<li>`, `<tr>`: a line break.
    case lineBreak
    /// `<input type="checkbox" checked>`: its mark.
    case checkbox(checked: Bool)
    case none

    init(_ tag: UnsafeBufferPointer<UInt8>) {
      // Lowercasing maps a few non-ASCII scalars to ASCII letters (the Kelvin sign to `k`):
      // a tag with a non-ASCII byte is read as a string. An ASCII tag is read in place, with
      // no string made, lowercased and split for each tag.
      guard !tag.contains(where: { $0 >= 0x80 }) else {
        self.init(string: String(decoding: tag, as: UTF8.self).lowercased())
        return
      }
      @inline(__always) func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
      func hasPrefix(_ prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { prefix in
          prefix.count <= tag.count && prefix.indices.allSatisfy { lower(tag[$0]) == prefix[$0] }
        }
      }
      func contains(_ word: StaticString) -> Bool {
        word.withUTF8Buffer { word in
          guard word.count <= tag.count else { return false }
          return (0...(tag.count - word.count)).contains { start in word.indices.allSatisfy { lower(tag[start + $0]) == word[$0] } }
        }
      }
      var start = 0
      while start < tag.count && (tag[start] == 0x20 || tag[start] == 0x2F) { start += 1 }
      var end = start
      while end < tag.count && tag[end] != 0x20 && tag[end] != 0x2F { end += 1 }
      func nameIs(_ name: StaticString) -> Bool {
        name.withUTF8Buffer { name in
          name.count == end - start && name.indices.allSatisfy { lower(tag[start + $0]) == name[$0] }
        }
      }
      if nameIs("p") || nameIs("br") || nameIs("div") || nameIs("li") || nameIs("tr") || hasPrefix("/p") || hasPrefix("/div") {
        self = .lineBreak
      } else if nameIs("input") && contains("checkbox") {
        self = .checkbox(checked: contains("checked"))
      } else {
        self = .none
      }
    }

    /// The reading of a tag as a lowercased string.
    init(string tag: String) {
      let name = tag.split(whereSeparator: { $0 == " " || $0 == "/" }).first.map(String.init) ?? ""
      if ["p", "br", "div", "li", "tr"].contains(name) || tag.hasPrefixBytes("/p") || tag.hasPrefixBytes("/div") {
        self = .lineBreak
      } else if name == "input" && tag.containsBytes("checkbox") {
        self = .checkbox(checked: tag.containsBytes("checked"))
      } else {
        self = .none
      }
    }
  }

  /// The `;` closing an entity that starts at `ampersand`: within the nine scalars after it.
  private static func entityEnd(_ bytes: UnsafeBufferPointer<UInt8>, after ampersand: Int) -> Int? {
    var scalars = 0
    var index = ampersand + 1
    while index < bytes.count {
      let byte = bytes[index]
      if byte & 0xC0 != 0x80 {
        scalars += 1
        if scalars > 9 { return nil }
        if byte == 0x3B { return index }
      }
      index += 1
    }
    return nil
  }

  /// A name, unit or code on one line: a cell wrapped by its column width (`湘潭市环境卫生` /
  /// `管理处`, `执法局-` / `308001`) is joined without a blank, but for one blank between
  /// Latin words.
  static func singleLine(_ text: String) -> String {
    guard text.containsBytes("\n") else { return text }
    let lines = text.lineSlices().map { $0.trimmingBlanks() }.filter { !$0.isEmpty }
    var result = ""
    for line in lines {
      if let last = result.unicodeScalars.last, let first = line.unicodeScalars.first, !joinsTight(last, first) {
        result.append(" ")
      }
      result += line
    }
    return result
  }

  /// The text with its soft line breaks removed: a break between two CJK characters where
  /// the line does not end a clause (`…四季度完成结` / `题`) is where the column was full, not
  /// where the writer broke the line. Breaks after punctuation or before a list marker stay.
  static func joiningSoftBreaks(_ text: String) -> String {
    guard text.containsBytes("\n") else { return text }
    let scalars = Array(text.unicodeScalars)
    var output: [Unicode.Scalar] = []
    output.reserveCapacity(scalars.count)
    for (index, scalar) in scalars.enumerated() {
      if scalar == "\n", index > 0, index + 1 < scalars.count, isCJK(scalars[index - 1]), isCJK(scalars[index + 1]) {
        continue
      }
      output.append(scalar)
    }
    return String(scalars: output)
  }

  private static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
    scalar.properties.isIdeographic
  }

  /// A blank goes only between two ASCII words; CJK and a trailing hyphen join tight.
  private static func joinsTight(_ last: Unicode.Scalar, _ first: Unicode.Scalar) -> Bool {
    !(last.isASCII && first.isASCII) || last == "-"
  }

  static func decodeEntity(_ entity: String) -> String? {
    switch entity {
    case "amp": return "&"
    case "lt": return "<"
    case "gt": return ">"
    case "quot": return "\""
    case "apos", "#39": return "'"
    case "nbsp": return " "
    case "ge": return "≥"
    case "le": return "≤"
    default:
      if entity.hasPrefixBytes("#x") || entity.hasPrefixBytes("#X"), let value = UInt32(entity.dropFirst(2), radix: 16),
        let scalar = Unicode.Scalar(value)
      {
        return String(Character(scalar))
      }
      if entity.hasPrefixBytes("#"), let value = UInt32(entity.dropFirst()), let scalar = Unicode.Scalar(value) {
        return String(Character(scalar))
      }
      return nil
    }
  }
}

extension StringProtocol {
  /// The text without blanks (including U+3000 and NBSP) at either end.
  func trimmingBlanks() -> Substring {
    let scalars = Substring(self).unicodeScalars
    guard let first = scalars.firstIndex(where: { !Blank.isBlank($0) && !Blank.isWhitespace($0) }),
      let last = scalars.lastIndex(where: { !Blank.isBlank($0) && !Blank.isWhitespace($0) })
    else { return "" }
    return Substring(scalars[first...last])
  }
}

/// Reads the option a checkbox group marks: `新增项目 ☑ 延续项目 ☐`, `新增项目□延续项目√`.
enum Checkbox {
  /// The label of the checked option, if the text is a checkbox group.
  static func selected(in text: String) -> String? {
    let cleaned = CellText.clean(text)
    // A mark is a character of one scalar, so text without a mark scalar has no mark.
    guard cleaned.unicodeScalars.contains(where: { mark($0) != nil }) else { return nil }
    // A form draws its box after each label (`新增项目☑ 延续项目☐`) or, like a web page's
    // `<input type=checkbox>`, before it (`☐新增项目 ☑延续项目`): the text's first mark before
    // any label says which. A label's mark is the one right beside it on that side.
    var options: [(label: String, markBefore: Bool?, markAfter: Bool?)] = []
    var marksLead: Bool?
    var markBefore: Bool?
    var label = ""
    func closeLabel(markAfter: Bool?) {
      let trimmed = label.trimmingBlanks()
      if !trimmed.isEmpty { options.append((String(trimmed), markBefore, markAfter)) }
      label = ""
    }
    for character in cleaned {
      guard let isChecked = mark(of: character) else {
        label.append(character)
        continue
      }
      if marksLead == nil { marksLead = label.trimmingBlanks().isEmpty }
      closeLabel(markAfter: isChecked)
      markBefore = isChecked
    }
    closeLabel(markAfter: nil)
    let picked = options.filter { (marksLead == true ? $0.markBefore : $0.markAfter) == true }.map(\.label)
    return picked.count == 1 ? picked[0] : nil
  }

  /// Whether the character is a checked mark (true: ☑ √ ✓ ✔ ■ ☒ R ▇ ● ◉ ▣) or an unchecked
  /// one (false: ☐ □ ○ ◯). Each mark is a single scalar that no other scalar decomposes to, so a
  /// character equals one exactly when it is that one scalar: no `Set<Character>` hashing,
  /// which normalises every character.
  static func mark(of character: Character) -> Bool? {
    let scalars = character.unicodeScalars
    guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return nil }
    return mark(first)
  }

  private static func mark(_ scalar: Unicode.Scalar) -> Bool? {
    switch scalar.value {
    case 0x2611, 0x221A, 0x2713, 0x2714, 0x25A0, 0x2612, 0x52, 0x2587, 0x25CF, 0x25C9, 0x25A3: true
    case 0x2610, 0x25A1, 0x25CB, 0x25EF: false
    default: nil
    }
  }
}
