import Jixiao

/// One unit of batch work, in input order.
enum WorkItem: Sendable {
  case file(InputPath)
  case record(Record)
}

/// Why one input could not be read as a document. The batch goes on; the failure is
/// written to the output and counted in the summary.
public struct ItemFailure: Error, Sendable, Hashable {
  /// A stable name of the cause: the `InputError` case (`noTable`, `notFound`, `binary` …)
  /// or `invalidRecord` for a line of `--input jsonl` that is not a record.
  public var kind: String
  /// One line, the file named, as `jixiao parse` prints it.
  public var message: String
  /// The exit code `jixiao parse` would give this file (DESIGN.md: 65 unreadable table,
  /// 66 missing file).
  public var exitCode: Int32

  public init(kind: String, message: String, exitCode: Int32) {
    self.kind = kind
    self.message = message
    self.exitCode = exitCode
  }

  init(_ error: InputError) {
    self.init(kind: error.caseName, message: error.message, exitCode: error.exitCode)
  }

  static func invalidRecord(_ message: String) -> ItemFailure {
    ItemFailure(kind: "invalidRecord", message: message, exitCode: 65)
  }
}

/// What a worker made of one input, before it is rendered for the output format.
struct ParsedItem {
  enum Outcome {
    case document(Document)
    case failed(ItemFailure)
  }

  /// 1-based position in the input: the `document_id` of CSV output.
  var ordinal: Int
  /// The path or record label.
  var label: String
  /// The record's id in `--input jsonl` mode, nil otherwise.
  var recordID: JSON?
  /// Size of the input in bytes (0 when it could not be read).
  var bytes: Int
  /// SHA-256 of the bytes, when they could be read.
  var sha256: String?
  var outcome: Outcome
}

/// The counts a document adds to the summary.
struct DocumentCounts: Sendable {
  var projects = 0
  var departments = 0
  var indicators = 0
  var errors = 0
  var warnings = 0
  var notes = 0

  init() {}

  init(_ document: Document) {
    projects = document.projects.count
    departments = document.departments.count
    indicators = document.indicatorCount
    for diagnostic in document.diagnostics {
      switch diagnostic.severity {
      case .error: errors += 1
      case .warning: warnings += 1
      case .note: notes += 1
      }
    }
  }
}

/// A finished item as the runner hands it back: the rendered payload and what the summary
/// needs, the document itself already released.
struct WorkResult<Payload: Sendable>: Sendable {
  enum Status: Sendable {
    case read(DocumentCounts)
    case failed(ItemFailure)
    /// Already in the output (SQLite resume), or a copy of an earlier input for a sink that
    /// keeps one copy: not parsed.
    case skipped
  }

  var ordinal: Int
  var label: String
  var bytes: Int
  var status: Status
  /// nil for skipped items.
  var payload: Payload?
}
