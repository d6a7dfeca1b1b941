import Jixiao

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `--format csv --out DIR`: `documents.csv`, `projects.csv`, `indicators.csv`,
/// `diagnostics.csv` and `tasks.csv`, for Excel and WPS: UTF-8 with a BOM (or they guess GBK
/// and garble the Chinese), CRLF line ends and RFC 4180 quoting. `document_id` is the input's
/// 1-based position in the batch and joins the files.
///
/// A new DIR is written as a hidden temporary directory beside it and renamed into place at
/// the end, so it appears whole or not at all. Into an existing directory each file is
/// written under a temporary name and renamed; existing CSV files need `--force`.
final class CSVSink: BatchSink {
  /// The rendered rows of one input, one byte block per table in `BatchTables` order.
  typealias Payload = [[UInt8]]

  let renderer: @Sendable (ParsedItem) -> [[UInt8]]
  let storedDigests: Set<String> = []
  let keepsOneCopy = false
  private let directory: String
  /// The hidden directory being filled, renamed to `directory` at the end; nil when
  /// writing into an existing directory.
  private let temporaryDirectory: String?
  private let files: [AtomicFile]

  init(directory: String, force: Bool, language: Language) throws(OutputError) {
    self.directory = directory
    let names = BatchTables.descriptions.map { $0.name + ".csv" }
    var target = directory
    switch FileSystem.kind(of: directory) {
    case (.directory, _)?:
      temporaryDirectory = nil
      if !force, let existing = names.first(where: { FileSystem.exists(FileSystem.join(directory, $0)) }) {
        throw .exists(FileSystem.join(directory, existing))
      }
    case nil:
      let temporary = FileSystem.join(
        FileSystem.parent(of: directory),
        ".\(FileSystem.lastComponent(of: directory)).tmp-\(FileSystem.processID)"
      )
      guard mkdir(temporary, 0o755) == 0 else { throw .cannotCreate(directory, FileSystem.errorText) }
      temporaryDirectory = temporary
      target = temporary
    default:
      throw .cannotCreate(directory, "exists and is not a directory")
    }
    var files: [AtomicFile] = []
    do {
      for (name, table) in zip(names, BatchTables.descriptions) {
        let file = try AtomicFile(path: FileSystem.join(target, name), force: true)
        files.append(file)
        try file.write(CSVSink.header(table))
      }
    } catch {
      for file in files { file.abandon() }
      if let temporaryDirectory { rmdir(temporaryDirectory) }
      throw error
    }
    self.files = files
    renderer = { item in
      let rows = BatchTables.rows(item, language: language)
      let key = CellValue.integer(item.ordinal)
      return [
        CSVSink.encode([[key] + rows.document]),
        CSVSink.encode(rows.projects.map { [key] + $0 }),
        CSVSink.encode(rows.indicators.map { [key] + $0 }),
        CSVSink.encode(rows.diagnostics.map { [key] + $0 }),
        CSVSink.encode(rows.tasks.map { [key] + $0 }),
      ]
    }
  }

  static func header(_ table: TableDescription) -> [UInt8] {
    [0xEF, 0xBB, 0xBF] + encode([table.columns.map { .text($0.0) }])
  }

  /// RFC 4180 records with CRLF ends; a field is quoted when it holds a comma, a quote or a
  /// line break, and quotes inside are doubled.
  static func encode(_ rows: [[CellValue]]) -> [UInt8] {
    var bytes: [UInt8] = []
    for row in rows {
      for (index, cell) in row.enumerated() {
        if index > 0 { bytes.append(UInt8(ascii: ",")) }
        appendField(cell.csvText, to: &bytes)
      }
      bytes.append(0x0D)
      bytes.append(0x0A)
    }
    return bytes
  }

  private static func appendField(_ text: String, to bytes: inout [UInt8]) {
    let utf8 = text.utf8
    let needsQuotes = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
    guard needsQuotes else {
      bytes.append(contentsOf: utf8)
      return
    }
    bytes.append(UInt8(ascii: "\""))
    for byte in utf8 {
      if byte == UInt8(ascii: "\"") { bytes.append(byte) }
      bytes.append(byte)
    }
    bytes.append(UInt8(ascii: "\""))
  }

  func write(_ payload: [[UInt8]], of result: WorkResult<[[UInt8]]>) throws(OutputError) -> Bool {
    for (file, bytes) in zip(files, payload) where !bytes.isEmpty { try file.write(bytes) }
    return true
  }

  func finish() throws(OutputError) {
    for file in files { try file.commit() }
    if let temporaryDirectory {
      guard rename(temporaryDirectory, directory) == 0 else {
        let reason = FileSystem.errorText
        throw .cannotCreate(directory, reason)
      }
    }
  }

  func abandon() {
    for file in files {
      file.abandon()
      // Files already renamed inside the temporary directory go with it.
      if temporaryDirectory != nil { unlink(file.path) }
    }
    if let temporaryDirectory { rmdir(temporaryDirectory) }
  }
}
