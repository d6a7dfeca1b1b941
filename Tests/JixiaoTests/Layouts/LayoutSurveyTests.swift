import Testing

@testable import Jixiao

/// Layout detection reads the facts of each line once (`LayoutSurvey`) and scans by words
/// where it walked bytes, lines and scalars; each signature must decide as the reading it
/// replaced (copied here) did, on texts whose tabs, pipes, blanks, rules, commas, quotes and
/// line breaks fall everywhere.
@Suite struct LayoutSurveyTests {
  /// Pieces of lines, and whole lines of each layout, so that random texts reach the
  /// signatures' thresholds (three tab rows, twenty stream cells, two grid rules …).
  static let pieces = [
    "a", "中", "表", " ", "  ", "\t", "|", "+", "-", "=", ":", ",", "\"", "。", "\u{0C}", "\u{3000}", "\u{A0}",
    "\u{200B}", "\n", "\r\n", "\r", "<", "<td>", "<tr>", "<table>", "ab  cd", "指标值", "1,000.00",
  ]
  static let lines = [
    "一级指标\t二级指标\t指标值", "\t产出指标", "  \ta", "a\t", "| a | b | c |", "|---|---|---|", "a |", "||", " | | ",
    "+----+----+", "+====+====+", "| 项目 | 值 |", "|    +----+", "a,b,,c", "\"q,1\",2,3", "x,\"y\"z,", "中文,句子。",
    "", "   ", "\t", "\u{0C}+--+--+", "项目名称    城管    经费", "          续行文字", "\u{3000}a\u{3000}", "单位:万元",
    "<table><tr><td>a</td><td>b</td></tr>", "数量指标", "项目名称：城管业务经费", "一级指标 二级指标 三级指标", "数量指标 培训人数 100人", "项目名称 城管经费", "<tr><th>x</th><th>y</th></tr></table>",
    "项目名称 | 城管经费", "a | b | c", "| a | b", "a | b |",
  ]
  static let breaks = ["\n", "\n", "\n", "\r\n", "\r"]

  /// Texts the same every run: random runs of pieces, and random runs of lines.
  static let texts: [[UInt8]] = {
    var random = SeededSequence(seed: 0x9E37_79B9_7F4A_7C15)
    func next(_ bound: Int) -> Int { random.next(bound) }
    let byPieces = (0..<2500).map { _ in (0..<next(50)).map { _ in pieces[next(pieces.count)] }.joined() }
    let byLines = (0..<2500).map { _ -> String in
      // Mostly one kind of line with others among them, as documents are.
      let main = lines[next(lines.count)]
      // A blank line after most lines, in some texts (a cell stream).
      let blankAfter = next(3) == 0 ? 9 : 2
      var text = ""
      for _ in 0..<next(45) {
        text += next(3) == 0 ? lines[next(lines.count)] : main
        if next(10) < blankAfter { text += breaks[next(breaks.count)] }
        text += breaks[next(breaks.count)]
      }
      return text
    }
    return (byPieces + byLines).map { Array($0.utf8) }
  }()

  static func source(_ bytes: [UInt8]) -> SourceText {
    SourceText.byReference(bytes)
  }

  @Test func signaturesDecideAsTheLineByLineReadings() {
    var reached: [String: Int] = [:]
    for bytes in Self.texts {
      let text = Self.source(bytes)
      let survey = LayoutSurvey(text)
      let label = String(decoding: bytes, as: UTF8.self).debugDescription
      let dialect = Reference.detect(text)
      #expect(DialectDetector.detect(survey) == dialect, "\(label)")
      reached["detect \(dialect)", default: 0] += 1
      for separator: UInt8 in [0x09, 0x7C] {
        let short = Reference.isShortTable(text, separator: separator)
        #expect(DialectDetector.isShortTable(survey, separator: separator) == short, "\(label)")
        if short { reached["short \(separator)", default: 0] += 1 }
      }
      let stream = Reference.looksLikeStream(text)
      #expect(StreamTokenizer.looksLikeStream(survey) == stream, "\(label)")
      if stream { reached["stream", default: 0] += 1 }
      let grid = Reference.looksLikeGridTable(text)
      #expect(GridTableTokenizer.looksLikeGridTable(survey) == grid, "\(label)")
      if grid { reached["grid", default: 0] += 1 }
      let csv = Reference.looksLikeCSV(text)
      #expect(CSVTokenizer.looksLikeCSV(text, survey) == csv, "\(label)")
      if csv { reached["csv", default: 0] += 1 }
      let spaced = Reference.looksSpaced(text)
      #expect(SpacedTokenizer.looksSpaced(text) == spaced, "\(label)")
      if spaced { reached["spaced", default: 0] += 1 }
      let html = Reference.looksLikeHTML(bytes)
      #expect(HTMLTokenizer.looksLikeHTML(text) == html, "\(label)")
      if html { reached["html", default: 0] += 1 }
    }
    // The texts reach every decision, so that the comparisons above test something.
    for key in [
      "detect tabbed", "detect cellPerLine", "detect pipe", "detect cellPerLinePipe", "detect plain", "short 9",
      "short 124", "stream", "grid", "csv", "html", "spaced",
    ] {
      #expect(reached[key, default: 0] > 0, "\(key) never reached: \(reached)")
    }
  }

  /// `looksLikeCSV` rules texts out from the survey's counts before reading their records;
  /// on every corpus document it must decide as the reading of every record did.
  @Test(arguments: CorpusTests.documents)
  func corpusCSVDecidesAsTheRecordByRecordReading(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    let (text, _) = try SourceDecoder.decode(bytes, path: relativePath)
    #expect(CSVTokenizer.looksLikeCSV(text, LayoutSurvey(text)) == Reference.looksLikeCSV(text), "\(relativePath)")
  }

  /// A line's facts jump from word to word straight to each tab and pipe, where they read
  /// the word again from every byte before one: the facts must be those of the byte walk
  /// (copied below) on every line of the texts and every suffix of it, so that each tab and
  /// pipe falls at every position of a word.
  /// A short table whose converter left out the outer pipes (public 112 in that layout: two
  /// rows of five cells, three of two) is a pipe table; before, it was read as spaced text
  /// and each pipe became a cell. A line of prose with a pipe in it is no table.
  @Test func shortPipeTableWithoutOuterPipes() throws {
    let table = [
      "中等职业学校国家助学金和免学费补助资金绩效目标表", "(2018年度)", "项目名称 | 学生资助补助经费",
      "年度总体目标 | 中等职业教育各项国家资助政策按规定得到落实", "绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值",
      "产出指标 | 数量指标 | 应受助学生数 | 100%", "免学费应受助学生数 | 100%",
    ].joined(separator: "\n") + "\n"
    let text = try SourceDecoder.decode(Array(table.utf8), path: "t.txt").0
    #expect(DialectDetector.detectLayout(text) == .pipe)
    let document = try Jixiao.parse(Array(table.utf8), path: "t.txt")
    #expect(document.projects.first?.indicators.map(\.name) == ["应受助学生数", "免学费应受助学生数"])
    #expect(document.residue.isEmpty)
    let prose = ["项目名称：城管经费", "说明：A | B 两类经费合并申报。", "年度目标：完成各项工作。", "备注：无"].joined(separator: "\n") + "\n"
    #expect(try DialectDetector.detectLayout(SourceDecoder.decode(Array(prose.utf8), path: "t.txt").0) != .pipe)
  }

  @Test func lineFactsAreTheByteWalksFacts() {
    var lines = 0
    for bytes in Self.texts {
      let text = Self.source(bytes)
      bytes.withUnsafeBufferPointer { buffer in
        for line in text.lines {
          for start in line.start...min(line.end, line.start + 9) {
            let range = start..<line.end
            let trimmed = Blank.trim(buffer, range)
            let facts = LayoutSurvey.LineFacts(buffer, range, trimmed: trimmed)
            let expected = Reference.lineFacts(buffer, range, trimmed: trimmed)
            #expect(
              facts.tabs == expected.tabs && facts.pipes == expected.pipes && facts.leadingTab == expected.leadingTab
                && facts.hasTabAfterText == expected.hasTabAfterText && facts.hasTabInText == expected.hasTabInText,
              "\(Array(bytes[range]))")
            lines += 1
          }
        }
      }
    }
    #expect(lines > 10_000)
  }

  @Test func recordsAreTheByteByByteRecords() {
    for bytes in Self.texts {
      let records = CSVTokenizer.records(bytes)
      let expected = Reference.records(bytes)
      #expect(records.map(\.start) == expected.map(\.start))
      #expect(records.map { $0.fields.map(\.content) } == expected.map { $0.fields.map(\.content) })
      #expect(records.map { $0.fields.map(\.isQuoted) } == expected.map { $0.fields.map(\.isQuoted) })
    }
  }

  @Test func piecesAreTheScalarByScalarPieces() {
    let characters = ["a", "中", " ", "  ", "\t", "\u{0C}", "\u{3000}", "\u{A0}", "\u{200B}", "\u{4DFF}", "\u{4E00}", "\u{9FFF}",
      "\u{A000}", "\u{FF01}", "é", "😀", "\u{7F}", "\u{01}"]
    for text in Arrangements.of(characters, upTo: 4) {
      let bytes = Array(text.utf8)
      let pieces = AlignedTokenizer.pieces(bytes, 0..<bytes.count)
      let expected = Reference.pieces(bytes, 0..<bytes.count)
      #expect(pieces.map(\.range) == expected.map(\.range), "\(text.debugDescription)")
      #expect(pieces.map(\.start) == expected.map(\.start), "\(text.debugDescription)")
      #expect(pieces.map(\.end) == expected.map(\.end), "\(text.debugDescription)")
      #expect(pieces.map(\.width) == expected.map(\.width), "\(text.debugDescription)")
    }
  }

  /// `looksRunTogether` stops the word scan at its eighth word: the words found up to a
  /// limit are the first words of the whole line.
  @Test func wordsUpToALimitBeginTheLinesWords() {
    let pieces = ["项目名称", "绩效目标", "产出指标", "数量指标", "指标值", "一级指标", "中", "名称", "指标"]
    for text in Arrangements.of(pieces, upTo: 4) {
      let scalars = Array(text.unicodeScalars)
      let all = RunTogetherTokenizer.words(in: scalars)
      for limit in 0...5 {
        let some = RunTogetherTokenizer.words(in: scalars, upTo: limit)
        #expect(some.map(\.0) == all.prefix(limit).map(\.0) && some.map(\.1) == all.prefix(limit).map(\.1), "\(text)")
      }
    }
  }

  /// The widths settled without ICU are ICU's.
  @Test func displayWidthsOfSettledRangesAreICUs() {
    for value in Array(0..<0x80) + Array(0x4E00...0x9FFF) {
      let scalar = Unicode.Scalar(UInt32(value))!
      #expect(ICU.displayWidth(scalar) == ICU.icuDisplayWidth(scalar), "U+\(String(value, radix: 16))")
    }
    for value: UInt32 in [0x4DFF, 0x4E00, 0x9FFF, 0xA000] {
      let scalar = Unicode.Scalar(value)!
      let bytes = Array(String(scalar).utf8)
      #expect(AlignedTokenizer.isUnifiedIdeograph(bytes[0], bytes[1], bytes[2]) == (0x4E00...0x9FFF).contains(value))
    }
  }
}

/// The readings the survey and the word scans replaced, as they were.
private enum Reference {
  /// `LayoutSurvey.LineFacts` as it read a word again from each byte before a tab or pipe.
  static func lineFacts(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, trimmed: Range<Int>)
    -> (tabs: Int, pipes: Int, leadingTab: Bool, hasTabAfterText: Bool, hasTabInText: Bool)
  {
    var tabs = 0
    var pipes = 0
    var hasTabAfterText = false
    var hasTabInText = false
    var first = line.lowerBound
    while first < line.upperBound && bytes[first] == 0x20 { first += 1 }
    let leadingTab = first < line.upperBound && bytes[first] == 0x09
    var seenText = false
    var index = line.lowerBound
    let end = line.upperBound
    while index < end {
      if index + 8 <= end {
        let word = ByteWord.load(bytes, at: index)
        if ByteWord.equal(word, 0x09) | ByteWord.equal(word, 0x7C) == 0 {
          if word != 0x2020_2020_2020_2020 { seenText = true }
          index += 8
          continue
        }
      }
      switch bytes[index] {
      case 0x09:
        tabs += 1
        if seenText { hasTabAfterText = true }
        if trimmed.contains(index) { hasTabInText = true }
      case 0x7C: pipes += 1
      case 0x20: break
      default: seenText = true
      }
      index += 1
    }
    return (tabs, pipes, leadingTab, hasTabAfterText, hasTabInText)
  }

  static func detect(_ text: SourceText) -> Dialect {
    var nonBlank = 0
    var tabLed = 0
    var innerTabs = 0
    var pipeRows = 0
    var pipeCellLines = 0
    var pipeOnly = 0
    let bytes = text.utf8
    for line in text.lines {
      let trimmed = Blank.trim(bytes, line.start..<line.end)
      if trimmed.isEmpty { continue }
      nonBlank += 1
      var firstNonSpace = line.start
      while firstNonSpace < line.end && bytes[firstNonSpace] == 0x20 { firstNonSpace += 1 }
      let leadingTab = firstNonSpace < line.end && bytes[firstNonSpace] == 0x09
      var tabsAfterText = 0
      var pipes = 0
      var seenText = false
      for index in firstNonSpace..<line.end {
        let byte = bytes[index]
        if byte == 0x09 {
          if seenText { tabsAfterText += 1 }
        } else if byte == 0x7C {
          pipes += 1
        } else if byte != 0x20 {
          seenText = true
        }
      }
      if leadingTab && tabsAfterText == 0 { tabLed += 1 }
      if tabsAfterText > 0 { innerTabs += 1 }
      let onlyPipes = bytes[trimmed].allSatisfy { $0 == 0x7C || $0 == 0x20 }
      if onlyPipes {
        pipeOnly += 1
      } else if pipes == 1 && bytes[trimmed.upperBound - 1] == 0x7C {
        pipeCellLines += 1
      } else if pipes >= 2 {
        pipeRows += 1
      }
    }
    guard nonBlank > 0 else { return .plain }
    if tabLed * 10 >= nonBlank * 3 && tabLed > innerTabs { return .cellPerLine }
    if innerTabs >= 3 && innerTabs * 10 >= nonBlank { return .tabbed }
    if pipeCellLines + pipeOnly >= 6 && pipeCellLines > pipeRows { return .cellPerLinePipe }
    if pipeRows >= 3 { return .pipe }
    return .plain
  }

  static func isShortTable(_ text: SourceText, separator: UInt8) -> Bool {
    let minimum = separator == 0x09 ? 2 : 3
    var nonBlank = 0
    var tableRows = 0
    for line in text.lines {
      let trimmed = Blank.trim(text.utf8, line.start..<line.end)
      if trimmed.isEmpty { continue }
      nonBlank += 1
      let count = text.utf8[line.start..<line.end].filter({ $0 == separator }).count
      if count >= minimum {
        tableRows += 1
      } else if separator == 0x7C, count > 0, text.utf8[trimmed.lowerBound] != 0x7C, text.utf8[trimmed.upperBound - 1] != 0x7C {
        // Two or three cells with no outer pipe.
        tableRows += 1
      }
    }
    return tableRows >= 2 && tableRows * 10 >= nonBlank * 3
  }

  static func looksLikeStream(_ text: SourceText) -> Bool {
    var cells = 0
    var followedByBlank = 0
    let bytes = text.utf8
    let lines = text.lines
    for (index, line) in lines.enumerated() {
      let range = Blank.trim(bytes, line.start..<line.end)
      if range.isEmpty { continue }
      if bytes[range].contains(0x09) || bytes[range].contains(0x7C) { return false }
      cells += 1
      if index + 1 < lines.count, Blank.trim(bytes, lines[index + 1].start..<lines[index + 1].end).isEmpty {
        followedByBlank += 1
      }
    }
    return cells >= 20 && followedByBlank * 10 >= cells * 8
  }

  enum LineKind { case rule, content, other }

  static func lineKind(_ text: SourceText, _ index: Int) -> LineKind {
    let line = text.lines[index]
    var start = line.start
    while start < line.end, text.utf8[start] == 0x0C { start += 1 }
    let trimmed = Blank.trim(text.utf8, start..<line.end)
    guard let first = trimmed.first.map({ text.utf8[$0] }) else { return .other }
    if first == 0x2B {
      var hasDash = false
      for index in trimmed {
        switch text.utf8[index] {
        case 0x2D, 0x3D: hasDash = true
        case 0x2B, 0x3A, 0x20, 0x7C: continue
        default: return first == 0x2B && hasDash ? .content : .other
        }
      }
      return hasDash ? .rule : .other
    }
    return first == 0x7C ? .content : .other
  }

  static func looksLikeGridTable(_ text: SourceText) -> Bool {
    var blocks: [Range<Int>] = []
    var start: Int?
    for index in text.lines.indices {
      let kind = lineKind(text, index)
      if let open = start {
        if kind == .other {
          blocks.append(open..<index)
          start = nil
        }
      } else if kind == .rule {
        start = index
      }
    }
    if let open = start { blocks.append(open..<text.lines.count) }
    var rules = 0
    for block in blocks where block.count >= 3 && block.contains(where: { lineKind(text, $0) == .content }) {
      rules += block.filter { lineKind(text, $0) == .rule }.count
    }
    return rules >= 2
  }

  static func looksLikeCSV(_ text: SourceText) -> Bool {
    let bytes = text.utf8
    guard bytes.contains(0x2C) else { return false }
    var counts: [Int: Int] = [:]
    var nonBlank = 0
    var withFields = 0
    var spreadsheetLike = 0
    var sentences = 0
    let maxRecords = bytes.reduce(1) { $0 + ($1 == 0x0A || $1 == 0x0D ? 1 : 0) }
    var ruledOut = false
    var preamble = 0
    for record in records(bytes) {
      let isBlank = record.fields.allSatisfy { Blank.trim(bytes, $0.content).isEmpty }
      if isBlank && record.fields.count <= 1 { continue }
      // Up to five records of one field before the first of several (a title, the unit).
      if record.fields.count <= 1 && withFields == 0 && preamble < 5 {
        preamble += 1
        continue
      }
      nonBlank += 1
      if record.fields.count >= 2 { withFields += 1 }
      if (nonBlank - withFields) * 5 > maxRecords {
        ruledOut = true
        break
      }
      counts[record.fields.count, default: 0] += 1
      if record.fields.contains(where: { $0.isQuoted || Blank.trim(bytes, $0.content).isEmpty }) {
        spreadsheetLike += 1
      }
      if let last = record.fields.last, CSVTokenizer.endsSentence(bytes, last.content) { sentences += 1 }
    }
    if ruledOut { return false }
    guard nonBlank > 0, let (fieldCount, records) = counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else {
      return false
    }
    // (The rule as it is now: an export with every cell filled and none quoted came after.)
    let uniform = fieldCount >= 4 && records * 10 >= nonBlank * 9
    guard spreadsheetLike * 5 >= nonBlank || uniform, sentences * 2 < nonBlank else { return false }
    guard fieldCount >= 3, records >= 3, records * 2 >= nonBlank, withFields * 10 >= nonBlank * 8 else {
      return false
    }
    var tabLines = 0
    var pipeLines = 0
    for line in text.lines {
      let slice = bytes[line.start..<line.end]
      if slice.contains(0x09) { tabLines += 1 }
      if slice.contains(0x7C) { pipeLines += 1 }
    }
    return tabLines * 10 < nonBlank && pipeLines * 10 < nonBlank
  }

  static func records(_ bytes: [UInt8]) -> [CSVTokenizer.Record] {
    var records: [CSVTokenizer.Record] = []
    var index = 0
    let count = bytes.count
    while index < count {
      var record = CSVTokenizer.Record(start: index, fields: [])
      var atRecordEnd = false
      while !atRecordEnd {
        var fieldStart = index
        while fieldStart < count, bytes[fieldStart] == 0x20 { fieldStart += 1 }
        if fieldStart < count, bytes[fieldStart] == 0x22 {
          var position = fieldStart + 1
          while position < count {
            if bytes[position] == 0x22 {
              if position + 1 < count, bytes[position + 1] == 0x22 {
                position += 2
                continue
              }
              break
            }
            position += 1
          }
          var field = CSVTokenizer.Field(content: (fieldStart + 1)..<min(position, count), isQuoted: true)
          index = min(position + 1, count)
          let tailStart = index
          while index < count, bytes[index] != 0x2C, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
          if !Blank.trim(bytes, tailStart..<index).isEmpty {
            field = CSVTokenizer.Field(content: field.content.lowerBound..<index, isQuoted: false)
          }
          record.fields.append(field)
        } else {
          index = fieldStart
          while index < count, bytes[index] != 0x2C, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
          record.fields.append(CSVTokenizer.Field(content: fieldStart..<index, isQuoted: false))
        }
        if index < count, bytes[index] == 0x2C {
          index += 1
        } else {
          atRecordEnd = true
          if index < count, bytes[index] == 0x0D { index += 1 }
          if index < count, bytes[index] == 0x0A { index += 1 }
        }
      }
      records.append(record)
    }
    return records
  }

  static func looksSpaced(_ text: SourceText) -> Bool {
    var hits = 0
    for index in text.lines.indices.prefix(400) {
      let line = text.text(ofLine: index)
      guard line.containsBytes(" "),
        let first = line.split(maxSplits: 1, omittingEmptySubsequences: true, whereSeparator: { Blank.isBlankCharacter($0) }).first
      else { continue }
      let key = TextKey.make(String(first))
      if FormVocabulary.role(key) != nil || ColumnVocabulary.role(key) != nil || LevelVocabulary.level1(key) != nil
        || LevelVocabulary.level2(key) != nil
      {
        hits += 1
      }
    }
    return hits >= 3
  }

  static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
    func hasPrefix(_ index: Int, _ literal: String) -> Bool {
      var offset = index
      for byte in literal.utf8 {
        guard offset < bytes.count, HTMLScanner.lowercased(bytes[offset]) == byte else { return false }
        offset += 1
      }
      return true
    }
    func hasTagPrefix(_ index: Int, _ literal: String) -> Bool {
      guard hasPrefix(index, literal) else { return false }
      let after = index + literal.utf8.count
      return after < bytes.count && (bytes[after] == 0x3E || bytes[after] == 0x2F || HTMLScanner.isSpace(bytes[after]))
    }
    var start = 0
    while start < bytes.count, HTMLScanner.isSpace(bytes[start]) { start += 1 }
    if hasPrefix(start, "<!doctype html") || hasPrefix(start, "<html") { return true }
    var tables = 0
    var rows = 0
    var cells = 0
    var index = 0
    while index + 3 < bytes.count {
      if bytes[index] == 0x3C {
        if hasPrefix(index, "<table") { tables += 1 }
        if hasTagPrefix(index, "<tr") { rows += 1 }
        if hasTagPrefix(index, "<td") || hasTagPrefix(index, "<th") { cells += 1 }
      }
      index += 1
    }
    return tables >= 1 && rows >= 2 && cells >= 4
  }

  static func pieces(_ bytes: [UInt8], _ range: Range<Int>) -> [AlignedTokenizer.Piece] {
    var pieces: [AlignedTokenizer.Piece] = []
    var column = 0
    var index = range.lowerBound
    var open: (byte: Int, column: Int)?
    var lastEnd = (byte: index, column: 0)
    var blanks = 0
    var sawTab = false
    while index < range.upperBound {
      if let length = Blank.blankLength(bytes, at: index, limit: range.upperBound) {
        if bytes[index] == 0x09 {
          sawTab = true
          column = (column / 8 + 1) * 8
        } else {
          column += length == 3 && bytes[index] == 0xE3 ? 2 : length == 3 ? 0 : 1
        }
        blanks += 1
        index += length
        continue
      }
      if let started = open, blanks >= 2 || sawTab {
        pieces.append(
          AlignedTokenizer.Piece(
            range: started.byte..<lastEnd.byte, start: started.column, end: lastEnd.column, width: lastEnd.column - started.column))
        open = nil
      }
      if open == nil { open = (index, column) }
      blanks = 0
      sawTab = false
      let length = UTF8Scalars.length(leading: bytes[index])
      let upper = min(index + length, range.upperBound)
      if bytes[index] < 0x80 {
        column += 1
      } else {
        column += UTF8Scalars.decode(bytes, index..<upper).map(ICU.icuDisplayWidth) ?? 1
      }
      index = upper
      lastEnd = (index, column)
    }
    if let started = open {
      pieces.append(
        AlignedTokenizer.Piece(
          range: started.byte..<lastEnd.byte, start: started.column, end: lastEnd.column, width: lastEnd.column - started.column))
    }
    return pieces
  }
}
