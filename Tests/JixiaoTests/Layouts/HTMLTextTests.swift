import Testing

@testable import Jixiao

/// `HTMLText.text` trims a text of one line without splitting it into lines; it must read
/// as the split, trimmed and joined lines did.
@Suite struct HTMLTextTests {
  static func reference(_ utf8: [UInt8]) -> String {
    String(decoding: utf8, as: UTF8.self).lineSlices().map { $0.trimmingBlanks() }.filter { !$0.isEmpty }.joined(separator: "\n")
  }

  @Test func arrangements() {
    let pieces = ["a", " ", "\n", "绩", "&nbsp;", "&#13;", "&#10;", "&#x2003;", "\u{3000}", "\u{A0}", "\t", "<br>"]
    var multiLine = 0
    let names = "abcdefghijkl".map(String.init)
    for arrangement in Arrangements.of(names, upTo: 4) {
      var text = HTMLText()
      for index in arrangement.compactMap({ names.firstIndex(of: String($0)) }) {
        if pieces[index] == "<br>" {
          text.lineBreak()
        } else {
          let bytes = Array(pieces[index].utf8)
          text.append(bytes, 0..<bytes.count)
        }
      }
      #expect(Array(text.text.utf8) == Array(Self.reference(text.utf8).utf8), "\(arrangement)")
      if text.utf8.contains(0x0A) { multiLine += 1 }
    }
    #expect(multiLine > 100)
  }

  @Test(arguments: CorpusTests.documents)
  func corpusLines(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    let (source, _) = try SourceDecoder.decode(bytes, path: relativePath)
    for line in source.lines {
      var text = HTMLText()
      text.append(source.utf8, line.start..<line.end)
      #expect(Array(text.text.utf8) == Array(Self.reference(text.utf8).utf8))
    }
  }
}
