/// Comma-separated values as Excel and WPS export a sheet (RFC 4180): a record per line,
/// fields separated by commas, a field in double quotes may hold commas, line breaks and
/// doubled quotes (`""`). The encoding (UTF-8 with a BOM, GB18030) is the decoder's
/// business; this works on the decoded text.
///
/// A quoted cell's span points at its first character inside the quotes and its length is
/// that of its text; its text has the quotes undone and its line breaks as `\n`. Empty
/// fields stay empty cells, so a merged cell that Excel wrote once keeps its blank slots
/// below.
enum CSVTokenizer {
  /// One field: where its content is, and whether it was quoted.
  struct Field {
    var content: Range<Int>
    var isQuoted: Bool
  }

  /// One record: its fields and the offset it starts at.
  struct Record {
    var start: Int
    var fields: [Field]
  }

  static func rows(_ text: SourceText, _ builder: inout CellBuilder) -> [Row] {
    let bytes = text.utf8
    var rows: [Row] = []
    for record in records(bytes) {
      let lineIndex = text.lineIndex(containing: record.start)
      var cells: [Cell] = []
      cells.reserveCapacity(record.fields.count)
      for (column, field) in record.fields.enumerated() {
        if field.isQuoted {
          cells.append(quotedCell(text, field.content, column: column, isTraditional: builder.isTraditional))
        } else {
          let fieldLine = text.lineIndex(containing: field.content.lowerBound)
          cells.append(builder.cell(lineIndex: fieldLine, range: field.content, column: column))
        }
      }
      var row = Row(cells: cells, lineIndex: lineIndex)
      row.isSeparator = Separators.isSeparatorRow(cells)
      rows.append(row)
    }
    return rows
  }

  /// A quoted field's cell: `""` undone, CRLF and CR as `\n`, outer blanks trimmed.
  static func quotedCell(_ text: SourceText, _ content: Range<Int>, column: Int, isTraditional: Bool) -> Cell {
    let bytes = text.utf8
    let trimmed = Blank.trim(bytes, content)
    var unquoted: [UInt8] = []
    unquoted.reserveCapacity(trimmed.count)
    var index = trimmed.lowerBound
    while index < trimmed.upperBound {
      let byte = bytes[index]
      if byte == 0x22, index + 1 < trimmed.upperBound, bytes[index + 1] == 0x22 {
        unquoted.append(0x22)
        index += 2
        continue
      }
      if byte == 0x0D {
        unquoted.append(0x0A)
        index += (index + 1 < trimmed.upperBound && bytes[index + 1] == 0x0A) ? 2 : 1
        continue
      }
      unquoted.append(byte)
      index += 1
    }
    let lineIndex = text.lineIndex(containing: trimmed.lowerBound)
    let value = String(decoding: unquoted, as: UTF8.self)
    // The length counts the cell's text (as other tokenizers count a wrapped cell), so that
    // it does not change with the line ends or the doubled quotes.
    var span = text.span(lineIndex: lineIndex, byteRange: trimmed)
    span.length = value.unicodeScalars.count
    return Cell(text: value, span: span, column: column, start: trimmed.lowerBound, isTraditional: isTraditional)
  }

  /// Splits the text into records and fields. A quote opens a quoted field only at the
  /// field's start (after blanks); elsewhere it is a character. Text after a closing quote
  /// up to the next comma is kept in the field, as Excel reads it.
  static func records(_ bytes: [UInt8]) -> [Record] {
    var records: [Record] = []
    forEachRecord(bytes) { record in
      records.append(record)
      return true
    }
    return records
  }

  /// The records one by one, while `body` returns true.
  static func forEachRecord(_ bytes: [UInt8], _ body: (Record) -> Bool) {
    bytes.withUnsafeBufferPointer { bytes in
      var index = 0
      let count = bytes.count
      // One record reused: its fields' storage is kept from record to record unless `body`
      // keeps the record.
      var record = Record(start: 0, fields: [])
      while index < count {
        record.start = index
        record.fields.removeAll(keepingCapacity: true)
        var atRecordEnd = false
        while !atRecordEnd {
          var fieldStart = index
          while fieldStart < count, bytes[fieldStart] == 0x20 { fieldStart += 1 }
          if fieldStart < count, bytes[fieldStart] == 0x22 {
            // Quoted: up to the quote not followed by another quote.
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
            var field = Field(content: (fieldStart + 1)..<min(position, count), isQuoted: true)
            index = min(position + 1, count)
            // Anything between the closing quote and the separator joins the field's end.
            let tailStart = index
            index = fieldEnd(bytes, from: index)
            if !Blank.trim(bytes, tailStart..<index).isEmpty {
              field = Field(content: field.content.lowerBound..<index, isQuoted: false)
            }
            record.fields.append(field)
          } else {
            index = fieldEnd(bytes, from: fieldStart)
            record.fields.append(Field(content: fieldStart..<index, isQuoted: false))
          }
          if index < count, bytes[index] == 0x2C {
            index += 1
          } else {
            atRecordEnd = true
            if index < count, bytes[index] == 0x0D { index += 1 }
            if index < count, bytes[index] == 0x0A { index += 1 }
          }
        }
        if !body(record) { return }
      }
    }
  }

  /// The first comma, LF or CR at or after `start` (or the end): a field's end. Eight bytes
  /// at a time, as most fields are longer than a word.
  @inline(__always)
  static func fieldEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    var index = start
    while index + 8 <= bytes.count {
      let word = ByteWord.load(bytes, at: index)
      if ByteWord.equal(word, 0x2C) | ByteWord.equal(word, 0x0A) | ByteWord.equal(word, 0x0D) != 0 { break }
      index += 8
    }
    while index < bytes.count, bytes[index] != 0x2C, bytes[index] != 0x0A, bytes[index] != 0x0D { index += 1 }
    return index
  }

  /// CSV when most records split into the same number of fields (three or more), nearly
  /// all records have several, one in five has an empty or a quoted field (a sheet's merged
  /// cells and padding), most do not end a sentence (`。`), and tabs and pipes are rare:
  /// prose with commas gives records of every length and no empty fields, a tab or pipe
  /// table with `450,000.00` amounts has its own separators.
  static func looksLikeCSV(_ text: SourceText) -> Bool { looksLikeCSV(text, LayoutSurvey(text)) }

  static func looksLikeCSV(_ text: SourceText, _ survey: LayoutSurvey) -> Bool {
    let bytes = text.utf8
    // Every record that counts starts on a line of its own that is not blank, so the records
    // counted below are at most the survey's non-blank lines: a text with tabs or pipes on a
    // tenth of those fails the last test whatever its records are (a tab table with
    // `450,000.00` amounts splits every line at its commas and was read to its end).
    guard survey.linesWithTab * 10 < survey.nonBlank && survey.linesWithPipe * 10 < survey.nonBlank else { return false }
    guard bytes.withUnsafeBufferPointer({ $0.firstIndex(ofByte: 0x2C) != nil }) else { return false }
    var counts: [Int: Int] = [:]
    var nonBlank = 0
    var withFields = 0
    var spreadsheetLike = 0
    var sentences = 0
    // There are at most this many records that count (see above). Once more than a fifth of
    // that many have a single field, the test of `withFields` below cannot pass: most
    // documents are not CSV and are ruled out early.
    let maxRecords = survey.nonBlank
    var ruledOut = false
    // A sheet saved as CSV keeps the lines above its table (title, 单位：万元, a date) as
    // records of one field: a few of them before the first record of several fields are not
    // counted, or a small table under its title would be ruled out.
    var preamble = 0
    forEachRecord(bytes) { record in
      let isBlank = record.fields.allSatisfy { Blank.trim(bytes, $0.content).isEmpty }
      if isBlank && record.fields.count <= 1 { return true }
      if record.fields.count <= 1 && withFields == 0 && preamble < 5 {
        preamble += 1
        return true
      }
      nonBlank += 1
      if record.fields.count >= 2 { withFields += 1 }
      if (nonBlank - withFields) * 5 > maxRecords {
        ruledOut = true
        return false
      }
      counts[record.fields.count, default: 0] += 1
      // A sheet has empty cells (merged, padding) and quoted ones; prose has neither.
      if record.fields.contains(where: { $0.isQuoted || Blank.trim(bytes, $0.content).isEmpty }) {
        spreadsheetLike += 1
      }
      if let last = record.fields.last, Self.endsSentence(bytes, last.content) { sentences += 1 }
      return true
    }
    if ruledOut { return false }
    guard nonBlank > 0, let (fieldCount, records) = counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) }) else {
      return false
    }
    // An export from a database fills every cell and quotes none: there, nine records in ten
    // of one width of four fields or more are a sheet.
    let uniform = fieldCount >= 4 && records * 10 >= nonBlank * 9
    guard spreadsheetLike * 5 >= nonBlank || uniform, sentences * 2 < nonBlank else { return false }
    guard fieldCount >= 3, records >= 3, records * 2 >= nonBlank, withFields * 10 >= nonBlank * 8 else {
      return false
    }
    return survey.linesWithTab * 10 < nonBlank && survey.linesWithPipe * 10 < nonBlank
  }

  /// Does the field end with `。` (a sentence, not a cell)?
  static func endsSentence(_ bytes: [UInt8], _ range: Range<Int>) -> Bool {
    let trimmed = Blank.trim(bytes, range)
    guard trimmed.count >= 3 else { return false }
    let end = trimmed.upperBound
    return bytes[end - 3] == 0xE3 && bytes[end - 2] == 0x80 && bytes[end - 1] == 0x82
  }
}
