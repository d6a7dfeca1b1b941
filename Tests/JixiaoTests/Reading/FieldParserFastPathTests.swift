import Testing

@testable import Jixiao

/// Field parsers read by bytes or from the end of the text, held to the code they replaced
/// (copied below; `split`'s is `AssemblyFastPathTests.Reference.split`): `NameAndCode.split`
/// finds a trailing code from the end of the text, not through an array of all its characters; `FormDate.read` reads the numbers of a key of
/// ASCII and CJK ideographs by bytes. Inputs: every cell of every corpus document, and
/// arrangements of the pieces that decide them (digits, separators, brackets, combining and
/// prepended marks, CR LF, numbers beyond `Int`).
@Suite struct FieldParserFastPathTests {
  enum Reference {
    static func numbers(_ key: String) -> [Int]? {
      var numbers: [Int] = []
      var current = ""
      for character in key {
        if character.isASCII && character.isNumber {
          current.append(character)
        } else {
          if !current.isEmpty {
            numbers.append(Int(current) ?? -1)
            current = ""
          } else if numbers.isEmpty {
            return nil
          }
        }
      }
      if !current.isEmpty { numbers.append(Int(current) ?? -1) }
      return numbers
    }

    static func read(_ text: String, endOfMonth: Bool = false) -> String? {
      let key = TextKey.make(text)
      var numbers: [Int] = []
      var current = ""
      var separators: [Character] = []
      for character in key {
        if character.isASCII && character.isNumber {
          current.append(character)
        } else {
          if !current.isEmpty {
            numbers.append(Int(current) ?? -1)
            current = ""
            separators.append(character)
          } else if numbers.isEmpty {
            return nil
          }
        }
      }
      if !current.isEmpty { numbers.append(Int(current) ?? -1) }
      guard let year = numbers.first, (1990...2100).contains(year), numbers.count >= 2,
        numbers.count <= 3
      else { return nil }
      let month = numbers[1]
      guard (1...12).contains(month) else { return nil }
      if numbers.count == 3 {
        let day = numbers[2]
        guard (1...CalendarMath.daysIn(month: month, year: year)).contains(day) else { return nil }
        return CalendarMath.iso(year, month, day)
      }
      return CalendarMath.iso(year, month, endOfMonth ? CalendarMath.daysIn(month: month, year: year) : 1)
    }

  }

  static func check(_ text: String) {
    let split = NameAndCode.split(text)
    // The reference of `split` from before its reading by characters was replaced.
    let expected = AssemblyFastPathTests.Reference.split(text)
    #expect(split.name == expected.name && split.name.utf8.elementsEqual(expected.name.utf8), "\(text)")
    #expect(split.code == expected.code && split.code?.utf8.elementsEqual(expected.code?.utf8 ?? "".utf8) != false, "\(text)")
    for endOfMonth in [false, true] {
      #expect(FormDate.read(text, endOfMonth: endOfMonth) == Reference.read(text, endOfMonth: endOfMonth), "\(text)")
    }
    // The numbers themselves, which the date's ranges hide (a number beyond `Int` is -1).
    for key in [text, TextKey.make(text)] { #expect(FormDate.numbers(key) == Reference.numbers(key), "\(text)") }
  }


  static let namePieces = [
    "局", "-", "—", " ", ":", "(", ")", "[", "]", "308001", "12", "a1", "１２", "\u{0301}", "\u{0600}", "\r\n",
  ]
  static let moreNamePieces = ["湘潭", "_", "：", "（", "）", "7", "B", "\u{3000}", "局", "-", "(", "]", "12"]

  static let datePieces = [
    "2024", "年", "1", "12", "月", "31", "日", ".", "-", "/", "至", " ", "\u{0301}", "\u{0600}", "\r\n", "a", "é", "０",
    "99999999999999999999", "1990", "2100", "02", "29", "2023", "2", "13", "0",
  ]
  static let longDatePieces = ["2024", "年", "1", "月", "31", "日", "-", "\u{0301}", "\r\n", "99999999999999999999", "é"]

  @Test func namesAndCodes() {
    for text in Arrangements.of(Self.namePieces, upTo: 4) { Self.check(text) }
    for text in Arrangements.of(Self.moreNamePieces, upTo: 3) { Self.check(text) }
  }

  @Test func dates() {
    for text in Arrangements.of(Self.datePieces, upTo: 3) { Self.check(text) }
    for text in Arrangements.of(Self.longDatePieces, upTo: 4) { Self.check(text) }
    for text in ["2024-01-01", "2024年1月", "2024.07", "2019年8月1日", "2023年4月-2024年2月", "20240101", "2024-02-30", "1989-01", ""] {
      Self.check(text)
    }
  }

  @Test(arguments: CorpusTests.documents)
  func corpusCells(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    let (text, _) = try SourceDecoder.decode(bytes, path: relativePath)
    let grid = Tokenizer.tokenize(text)
    for row in grid.rows {
      for cell in row.cells where !cell.isEmpty {
        Self.check(cell.text)
        Self.check(CellText.singleLine(CellText.clean(cell.text)))
      }
    }
  }
}
