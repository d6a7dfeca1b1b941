import Testing

@testable import Jixiao

/// The assembly steps' fast paths, held to the readings they replaced (copied here):
/// `SpanTable` as a bit set and spans where it was a sorted list of pairs; `NameAndCode.split`
/// returning a text without ASCII digits unsplit; `FormDate.readRange` splitting only at the
/// separators whose bytes are present; `LevelHints.score` by a switch where it looked the
/// level up in a dictionary; `Cell.unsimplifiedKey` for `TextKey.make(cell.text)`. Inputs are
/// every line and piece of every corpus document, and made-up texts around the edges.
@Suite struct AssemblyFastPathTests {
  static let madeUp: [String] = {
    let names = ["平罗县住房和城乡建设局", "湖南省润山润水生态农业发展有限公司", "乌海市供销合作社联合社", "", " ", "局"]
    let codes = ["029", "308001", "433", "610001", "A1", "１２", "②", "x", "12345678901234567", "7"]
    let joins = ["-", " ", "—", "_", ":", "", "--", " - "]
    var texts: [String] = []
    for name in names {
      for code in codes {
        for join in joins { texts += [name + join + code, code + join + name] }
        texts += ["(\(code))" + name, "[\(code)]" + name, name + "(\(code))", name + "[\(code)]", "（\(code)）" + name, name + "［\(code)］"]
      }
    }
    let dates = ["2023.07", "2024.01", "2023年4月", "2024年2月", "12月", "2021", "2019年8月1日", "2024-01-01", "2024-12-31", "13月", ""]
    let separators = ["至", "-", "~", "—", "－", "到", "〜", "-\u{301}", " - ", "至至"]
    for start in dates { for end in dates { for separator in separators { texts.append(start + separator + end) } } }
    return texts + ["1 年", "3年", "51年", "年", "按时完成", "满意度", "社会效益", "數量", "時間", "质量合格率"]
  }()

  static func pieces(of relativePath: String) throws -> [String] {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    let text = String(decoding: bytes, as: UTF8.self)
    var pieces: [String] = []
    for line in text.split(whereSeparator: \.isNewline) {
      pieces.append(String(line))
      for piece in line.split(whereSeparator: { $0 == "\t" || $0 == "|" || $0 == "│" }) { pieces.append(String(piece)) }
    }
    return pieces
  }

  static func check(_ text: String) {
    #expect(NameAndCode.split(text) == Reference.split(text), "\(text)")
    let key = TextKey.make(text)
    #expect(FormDate.readRange(key).map { [$0.start, $0.end] } == Reference.readRange(key).map { [$0.start, $0.end] }, "\(text)")
    #expect(FormDate.readRange(text).map { [$0.start, $0.end] } == Reference.readRange(text).map { [$0.start, $0.end] }, "\(text)")
    for level2 in Level2.allCases {
      #expect(LevelHints.score(key, for: level2) == Reference.score(key, for: level2), "\(text) \(level2)")
    }
    for isTraditional in [false, true] {
      var cell = Cell(text: text, span: SourceSpan(line: 1, column: 1, offset: 0), column: 0, start: 0, isTraditional: isTraditional)
      #expect(cell.unsimplifiedKey == key, "\(text)")
      cell.appendLine("行", separator: "\n")
      #expect(cell.unsimplifiedKey == TextKey.make(cell.text), "\(text)")
    }
  }

  @Test func madeUpTextsReadAsBefore() {
    for text in Self.madeUp { Self.check(text) }
  }

  @Test(arguments: CorpusTests.documents)
  func corpusPiecesReadAsBefore(_ relativePath: String) throws {
    for piece in try Self.pieces(of: relativePath) { Self.check(piece) }
  }

  @Test func spanTableKeepsWhatTheListKept() {
    var random = SeededSequence(seed: 0x9E37_79B9_7F4A_7C15)
    func next(_ bound: Int) -> Int { random.next(bound) }
    let names = SpanName.allCases
    for round in 0..<300 {
      var table = round % 2 == 0 ? SpanTable() : SpanTable(capacity: next(20))
      var list = Reference.SpanList()
      for step in 0..<(1 + next(40)) {
        let name = names[next(names.count)]
        let span = next(4) == 0 ? nil : SourceSpan(line: step + 1, column: next(9) + 1, offset: next(1000), length: next(5))
        table[name] = span
        list[name] = span
        #expect(table.map { "\($0.name):\($0.span)" } == list.entries.map { "\($0.name):\($0.span)" })
        #expect(table.isEmpty == list.entries.isEmpty)
        for name in names { #expect(table[name] == list[name]) }
      }
      var copy = SpanTable()
      for entry in table { copy[entry.name] = entry.span }
      #expect(copy == table)
    }
  }

  @Test func spanNameOrderRoundTrips() {
    for name in SpanName.allCases { #expect(SpanName(order: name.order) == name) }
    // `SpanTable` keeps one bit per name in a UInt16: a seventeenth name needs a wider mask.
    #expect(SpanName.allCases.count <= UInt16.bitWidth)
    #expect(Set(SpanName.allCases.map(\.order)) == Set(0..<SpanName.allCases.count))
  }

  /// The readings as they were.
  enum Reference {
    struct SpanList {
      var entries: [SpanTable.Entry] = []
      subscript(name: SpanName) -> SourceSpan? {
        get { entries.first { $0.name == name }?.span }
        set {
          if let index = entries.firstIndex(where: { $0.name == name }) {
            if let newValue { entries[index] = SpanTable.Entry(name: name, span: newValue) } else { entries.remove(at: index) }
          } else if let newValue {
            let index = entries.firstIndex { $0.name.order > name.order } ?? entries.count
            entries.insert(SpanTable.Entry(name: name, span: newValue), at: index)
          }
        }
      }
    }

    static func split(_ text: String) -> (name: String, code: String?) {
      let trimmed = String(text.trimmingBlanks())
      let normalized = ICU.nfkc(trimmed)
      for (open, close) in [("(", ")"), ("[", "]")] where normalized.hasPrefixBytes(open) {
        if let end = normalized.firstIndex(of: Character(close)) {
          let code = normalized[normalized.index(after: normalized.startIndex)..<end]
          let rest = normalized[normalized.index(after: end)...]
          if isCode(code), !rest.isEmpty { return (String(rest.trimmingBlanks()), String(code)) }
        }
      }
      var characters = Array(normalized)
      if characters.last == ")" || characters.last == "]",
        let open = characters.lastIndex(where: { $0 == "(" || $0 == "[" })
      {
        let code = String(characters[(open + 1)..<(characters.count - 1)])
        if isCode(code[...]), open > 0 {
          return (String(String(characters[..<open]).trimmingBlanks()), code)
        }
      }
      var digits = 0
      while digits < characters.count, characters[characters.count - 1 - digits].isASCII,
        characters[characters.count - 1 - digits].isNumber
      {
        digits += 1
      }
      if digits >= 2 && digits < characters.count {
        let code = String(characters.suffix(digits))
        characters.removeLast(digits)
        var name = String(characters)
        var separatorFound = false
        while let last = name.last, last == "-" || last == "—" || last == "_" || last == " " || last == ":" {
          name.removeLast()
          separatorFound = true
        }
        if separatorFound && !name.isEmpty { return (name, code) }
      }
      return (trimmed, nil)
    }

    private static func isCode(_ text: Substring) -> Bool {
      text.count >= 2 && text.count <= 16 && text.allSatisfy { $0.isASCII && ($0.isNumber || $0.isLetter) }
        && text.contains(where: \.isNumber)
    }

    static func readRange(_ text: String) -> (start: String, end: String)? {
      let key = TextKey.make(text)
      for separator in ["至", "-", "~", "—", "－", "到"] {
        let parts = key.components(separatedBy: separator)
        guard parts.count == 2 else { continue }
        func year(_ part: String) -> String {
          part.hasSuffix("年度") ? String(part.dropLast(2)) : part.hasSuffix("年") ? String(part.dropLast()) : part
        }
        if let start = FormDate.year(year(parts[0]), endOfYear: false), let end = FormDate.year(year(parts[1]), endOfYear: true),
          start < end
        {
          return (start, end)
        }
        guard let start = FormDate.read(parts[0]) else { continue }
        if let end = FormDate.read(parts[1], endOfMonth: true) { return (start, end) }
        if let year = Int(start.prefix(4)), let end = FormDate.read("\(year)年" + parts[1], endOfMonth: true) {
          return (start, end)
        }
      }
      return nil
    }

    private static let words: [Level2: [(String, Double)]] = [
      .timeliness: [
        ("及时", 2), ("时效", 2), ("时间", 2), ("时限", 2), ("按时", 2), ("按期", 2), ("进度", 1.5),
        ("节点", 1.5), ("周期", 1), ("完成时", 1.5),
      ],
      .quality: [
        ("合格", 2), ("达标", 2), ("验收", 1.5), ("通过", 1.5), ("质量", 2), ("准确", 1.5),
        ("完整", 1.5), ("规范", 1), ("可用率", 1.5), ("正确", 1.5), ("优良", 1.5), ("率", 0.5),
      ],
      .quantity: [
        ("数量", 2), ("人数", 1.5), ("次数", 1.5), ("人次", 1.5), ("天数", 1.5), ("场次", 1.5),
        ("班次", 1.5), ("个数", 1.5), ("面积", 1.5), ("时长", 1), ("字数", 1.5), ("页数", 1.5), ("数", 0.5),
      ],
      .cost: [("成本", 2), ("费用", 1.5), ("经费", 1.5), ("资金", 1), ("预算", 1), ("补助标准", 2)],
      .economicCost: [("成本", 2), ("费用", 1.5), ("经费", 1.5), ("资金", 1)],
      .serviceSatisfaction: [("满意", 3)],
      .sustainability: [("长效", 2), ("机制", 1.5), ("可持续", 2), ("持续", 1), ("长期", 1)],
      .economicBenefit: [("经济", 2), ("收入", 1.5), ("产值", 2), ("增收", 2)],
      .ecologicalBenefit: [("生态", 2), ("环境", 1.5), ("空气", 2), ("绿色", 1.5), ("污染", 1.5)],
      .socialBenefit: [("社会", 1.5), ("群众", 1), ("提升", 0.5), ("形象", 1)],
    ]

    static func score(_ name: String?, for level2: Level2) -> Double {
      guard let name, let list = words[level2] else { return 0 }
      var total = 0.0
      for (word, weight) in list where name.containsBytes(word) { total += weight }
      return total
    }
  }
}
