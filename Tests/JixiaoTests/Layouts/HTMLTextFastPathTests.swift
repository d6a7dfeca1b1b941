import Testing

@testable import Jixiao

/// `HTMLText.append` takes a run of printable ASCII and CJK ideographs after a visible
/// character as it is, not scalar by scalar. Every text must come out as the old text
/// (copied below) made it, and leave it in the same state for what follows (a pending space
/// and the last character decide how the next text joins): over every text run of the
/// corpus documents, and arrangements of the pieces that decide it, appended whole, in two
/// parts, and around line breaks.
@Suite struct HTMLTextFastPathTests {
  static func expectSame(_ new: HTMLText, _ old: ReferenceHTMLText, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(new.utf8 == old.utf8, "\(what)", sourceLocation: sourceLocation)
    #expect(new.first == old.first && new.end == old.end && new.isEmpty == old.isEmpty, "\(what)", sourceLocation: sourceLocation)
    #expect(new.text.utf8.elementsEqual(old.text.utf8), "\(what)", sourceLocation: sourceLocation)
  }

  static let pieces = ["a", "绩效", " ", "\n", "&amp;", "&", "\u{3000}", "\u{00A0}", "é", "\u{0301}", "。", "\u{0B}", "5%", "\u{4DFF}", "\u{9FFF}"]

  @Test func arrangements() {
    for text in Arrangements.of(Self.pieces, upTo: 4) {
      let bytes = Array(text.utf8)
      for cut in Set([0, bytes.count / 2, bytes.count]) {
        var new = HTMLText()
        var old = ReferenceHTMLText()
        for (index, range) in [0..<cut, cut..<bytes.count].enumerated() {
          new.append(bytes, range)
          old.append(bytes, range)
          Self.expectSame(new, old, "\(text) \(cut) \(index)")
          if cut % 2 == 1 {
            new.lineBreak()
            old.lineBreak()
          }
        }
        // What follows joins as it would have.
        let tail = Array("绩 a\n效".utf8)
        new.append(tail, 0..<tail.count)
        old.append(tail, 0..<tail.count)
        Self.expectSame(new, old, "\(text) \(cut) tail")
      }
    }
  }

  @Test(arguments: CorpusTests.documents)
  func corpusDocuments(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    let (text, _) = try SourceDecoder.decode(bytes, path: relativePath)
    var new = HTMLText()
    var old = ReferenceHTMLText()
    var scanner = HTMLScanner(bytes: text.utf8)
    var runs = 0
    while let event = scanner.next() {
      switch event {
      case .text(let range):
        new.append(text.utf8, range)
        old.append(text.utf8, range)
        runs += 1
      case .tag(let tag):
        if tag.name == "br" {
          new.lineBreak()
          old.lineBreak()
        } else if tag.name == "td" || tag.name == "p" || tag.name == "tr" {
          Self.expectSame(new, old, relativePath)
          new = HTMLText()
          old = ReferenceHTMLText()
        }
      }
      // Text that is not HTML is read whole, a line at a time.
      if runs > 0 && runs % 64 == 0 {
        Self.expectSame(new, old, relativePath)
        new = HTMLText()
        old = ReferenceHTMLText()
      }
    }
    Self.expectSame(new, old, relativePath)
    for line in text.lines {
      var new = HTMLText()
      var old = ReferenceHTMLText()
      new.append(text.utf8, line.start..<line.end)
      old.append(text.utf8, line.start..<line.end)
      Self.expectSame(new, old, relativePath)
    }
  }
}

/// The text before this change.
struct ReferenceHTMLText {
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
      }
    }
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

