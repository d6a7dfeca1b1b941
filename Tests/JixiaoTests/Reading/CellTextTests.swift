import Testing

@testable import Jixiao

/// `CellText.clean` removes markup by bytes; these hold it to the reading by characters it
/// replaced (kept below) on arrangements of tags, entities, blanks and text.
@Suite struct CellTextTests {
  @Test func markupIsRemovedAsByCharacters() {
    let pieces = [
      "<p>", "</p>", "<br/>", "<BR>", "<div class=\"a\">", "</div>", "<li>", "<span>", "<input type=\"checkbox\" checked>",
      "<input type='checkbox'>", "&amp;", "&nbsp;", "&#39;", "&#x2265;", "&#8805;", "&lt;", "&bogus;", "&", "<", ">", ";",
      "完成", " ", "\n", "\r\n", "　", "ab", "1234567890",
    ]
    let changed = Arrangements.expectSameReading(pieces, upTo: 3, CellText.clean, as: Self.referenceClean)
    #expect(changed > 10_000)
  }

  /// Tags are read by their bytes in place: in any case, with odd names and spacing, and
  /// with non-ASCII scalars that lowercase to ASCII letters (read as a string, as before).
  @Test func tagsAreReadAsByCharacters() {
    let pieces = [
      "<P >", "</PRE>", "<Input TYPE=CheckBox CHECKED>", "<chec\u{212A}box>", "<input type=chec\u{212A}box>",
      "<input type=checkbox che\u{212A}ed>", "< / p>", "<//br>", "<tr/>", "<TR>", "<li class=x>", "<DIV>", "<table>",
      "<\u{130}nput type=checkbox>", "<input>", "<inputs type=checkbox>", "<brx>", "<>", "< >", "</>", "</div x>", "<3", "<=",
      "</3>", "<!--",
      "完成", "&amp;", "a", " ", "\n",
    ]
    let changed = Arrangements.expectSameReading(pieces, upTo: 3, CellText.clean, as: Self.referenceClean)
    #expect(changed > 10_000)
  }

  @Test func entitiesEndWithinNineScalars() {
    #expect(CellText.clean("a&#x002265;b") == "a≥b")
    #expect(CellText.clean("a&#x0002265;b") == "a&#x0002265;b")
    #expect(Self.referenceClean("a&#x0002265;b") == "a&#x0002265;b")
    #expect(CellText.clean("完成<p>验收</p>") == "完成\n验收")
    #expect(CellText.clean("<input type=checkbox checked>新增") == "☑新增")
  }

  /// `<` then a letter, `/` and a letter, or `!`: a tag; a comparison otherwise.
  static func opensTag(_ rest: Substring) -> Bool {
    let scalars = Array(rest.unicodeScalars.prefix(2))
    func isLetter(_ index: Int) -> Bool { index < scalars.count && scalars[index].isASCII && scalars[index].properties.isAlphabetic }
    guard let first = scalars.first else { return false }
    if first == "!" { return true }
    return first == "/" ? isLetter(1) : isLetter(0)
  }

  /// Targets that compare with `<` and `>` keep their text: what lies between is no tag.
  @Test func comparisonsAreNoTags() {
    #expect(CellText.clean("<350万元，>300万元") == "<350万元，>300万元")
    #expect(CellText.clean("<=100%且>=85%") == "<=100%且>=85%")
    #expect(CellText.clean("< 5天 >") == "< 5天 >")
    #expect(CellText.clean("<br>≥90%<!-- x --></p>") == "≥90%")
  }

  /// The reading by characters that `clean` had before it read bytes.
  static func referenceClean(_ text: String) -> String {
    let text = Pinyin.strip(text)
    guard text.containsBytes("<") || text.containsBytes("&") else { return text }
    var output = ""
    var index = text.startIndex
    while index < text.endIndex {
      let character = text[index]
      if character == "<", Self.opensTag(text[text.index(after: index)...]), let close = text[index...].firstIndex(of: ">") {
        let tag = text[text.index(after: index)..<close].lowercased()
        let name = tag.split(whereSeparator: { $0 == " " || $0 == "/" }).first.map(String.init) ?? ""
        if ["p", "br", "div", "li", "tr"].contains(name) || tag.hasPrefixBytes("/p") || tag.hasPrefixBytes("/div") {
          if !output.isEmpty && !output.hasSuffixBytes("\n") { output.append("\n") }
        } else if name == "input" && tag.containsBytes("checkbox") {
          output.append(tag.containsBytes("checked") ? "☑" : "☐")
        }
        index = text.index(after: close)
        continue
      }
      if character == "&", let semicolon = text[index...].prefix(10).firstIndex(of: ";") {
        let entity = String(text[text.index(after: index)..<semicolon])
        if let decoded = CellText.decodeEntity(entity) {
          output.append(decoded)
          index = text.index(after: semicolon)
          continue
        }
      }
      output.append(character)
      index = text.index(after: index)
    }
    let lines = output.lineSlices(omittingEmpty: false).map { $0.trimmingBlanks() }
    var result: [Substring] = []
    for line in lines where !(line.isEmpty && (result.last?.isEmpty ?? true)) { result.append(line) }
    while result.last?.isEmpty == true { result.removeLast() }
    return result.joined(separator: "\n")
  }
}
