import Jixiao

/// One record of `--input jsonl`: `{"id": …, "text": …}` or `{"id": …, "path": …}`.
struct Record: Sendable {
  enum Content: Sendable {
    /// The document's text itself, as UTF-8.
    case text([UInt8])
    /// A file to read.
    case path(String)
    /// The line was not a usable record; the message says why.
    case invalid(String)
  }

  /// The record's `id`, echoed verbatim in its result (`null` when absent).
  var id: JSON
  /// 1-based line number of the record in the input.
  var line: Int
  /// The name the document is known by: `path`, else the `id` when it is a string or a
  /// number, else `<record LINE>`.
  var label: String
  var content: Content
}

/// Reads `--input jsonl` records from a line reader, one per non-blank line.
struct RecordReader {
  let lines: LineReader

  /// The next record; nil at the end of input. Blank lines are skipped; a line that is
  /// not a record becomes an `invalid` record so that it still gets its result line.
  func next() -> Record? {
    while let line = lines.next() {
      let number = lines.lineNumber
      switch line {
      case .tooLong(let length):
        return Record(
          id: .null,
          line: number,
          label: "<record \(number)>",
          content: .invalid("line \(number): record of \(length) bytes is over the limit of \(lines.maxLineLength)")
        )
      case .text(let bytes):
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
        return RecordReader.record(bytes, line: number)
      }
    }
    return nil
  }

  static func record(_ bytes: [UInt8], line: Int) -> Record {
    let fallbackLabel = "<record \(line)>"
    let json: JSON
    do {
      json = try JSONReader.read(bytes)
    } catch {
      return Record(
        id: .null,
        line: line,
        label: fallbackLabel,
        content: .invalid("line \(line): not JSON (\(error.message) at byte \(error.offset))")
      )
    }
    guard case .object = json else {
      return Record(
        id: .null,
        line: line,
        label: fallbackLabel,
        content: .invalid("line \(line): a record must be a JSON object")
      )
    }
    let id = json.member("id") ?? .null
    var label = fallbackLabel
    switch id {
    case .string(let text): label = text
    case .number(let text): label = text
    default: break
    }
    let path = json.member("path")
    if case .string(let text) = path { label = text }
    switch json.member("text") {
    case .string(let text)?:
      return Record(id: id, line: line, label: label, content: .text(Array(text.utf8)))
    case nil, .null?:
      break
    default:
      return Record(id: id, line: line, label: label, content: .invalid("line \(line): \"text\" must be a string"))
    }
    switch path {
    case .string(let text)?:
      return Record(id: id, line: line, label: label, content: .path(text))
    case nil, .null?:
      return Record(
        id: id,
        line: line,
        label: label,
        content: .invalid("line \(line): a record needs \"text\" or \"path\"")
      )
    default:
      return Record(id: id, line: line, label: label, content: .invalid("line \(line): \"path\" must be a string"))
    }
  }
}
