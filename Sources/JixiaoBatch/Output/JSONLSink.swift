import Jixiao

/// `--format jsonl`: one compact JSON line per input, in input order.
///
/// A read document is exactly what `jixiao parse --compact` prints. An input that failed
/// is `{"path": …, "error": {"kind": …, "message": …, "exitCode": …}}`. In `--input jsonl`
/// mode every line is an envelope carrying the record's id: `{"id": …, "document": {…}}`
/// or `{"id": …, "error": {…}}` (Schemas/jixiao-batch.schema.json).
final class JSONLSink: BatchSink {
  let renderer: @Sendable (ParsedItem) -> [UInt8]
  let storedDigests: Set<String> = []
  let keepsOneCopy = false
  private let stream: OutputStream
  private let file: AtomicFile?

  /// Writes to `path` (buffered), or to `standardOutput`, where each line is written as
  /// soon as it is rendered: a reader at the other end of a pipe sees every document when
  /// it is done, and `--input jsonl` answers record by record.
  init(path: String?, force: Bool, standardOutput: Int32, language: Language) throws(OutputError) {
    if let path {
      let file = try AtomicFile(path: path, force: force)
      self.file = file
      stream = file.stream
    } else {
      file = nil
      stream = OutputStream(fd: standardOutput, name: "<stdout>", flushEachWrite: true)
    }
    renderer = { JSONLSink.line($0, language: language) }
  }

  static func line(_ item: ParsedItem, language: Language) -> [UInt8] {
    let body: JSON
    switch (item.outcome, item.recordID) {
    case (.document(let document), nil):
      return DocumentEncoder.encode(document, language: language, pretty: false)
    case (.document(let document), let id?):
      return JSONWriter.bytes(pretty: false, capacity: DocumentEncoder.estimatedSize(document)) { writer in
        writer.object { w in
          w.field("id") { id.write(into: &$0) }
          w.field("document") { DocumentEncoder.write(document, language: language, into: &$0) }
        }
        writer.raw([0x0A])
      }
    case (.failed(let failure), nil):
      body = .object([("path", .string(item.label)), ("error", error(failure))])
    case (.failed(let failure), let id?):
      body = .object([("id", id), ("error", error(failure))])
    }
    var bytes = body.render(pretty: false)
    bytes.append(0x0A)
    return bytes
  }

  static func error(_ failure: ItemFailure) -> JSON {
    .object([
      ("kind", .string(failure.kind)), ("message", .string(failure.message)),
      ("exitCode", .number(String(failure.exitCode))),
    ])
  }

  func write(_ payload: [UInt8], of result: WorkResult<[UInt8]>) throws(OutputError) -> Bool {
    try stream.write(payload)
    return true
  }

  func finish() throws(OutputError) {
    if let file { try file.commit() } else { try stream.flush() }
  }

  func abandon() { file?.abandon() }
}
