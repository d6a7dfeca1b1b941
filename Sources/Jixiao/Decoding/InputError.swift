/// A whole file that cannot be read as a disclosure. Problems inside a readable file are
/// diagnostics instead; this is thrown only when nothing useful can come out.
public enum InputError: Error, Equatable, Sendable {
  case empty(path: String)
  case whitespaceOnly(path: String)
  /// A known binary format (PNG, ZIP …) or NUL bytes in what should be text.
  case binary(path: String, what: String, byteOffset: Int)
  /// Over the size limit; `bytes` is the file's size, or what was read of a stream before
  /// stopping.
  case tooLarge(path: String, bytes: Int, limit: Int)
  case unknownEncoding(path: String, name: String)
  case undecodable(path: String, detail: String)
  case noTable(path: String, firstLines: [String])
  /// A look-alike: a self-evaluation, an evaluation table, a budget summary, targets in prose.
  case notATargetTable(path: String, what: String)
  case notFound(path: String)
  case isDirectory(path: String)
  case unreadable(path: String, reason: String)

  /// The one-line message printed on stderr.
  public var message: String {
    switch self {
    case .empty(let path): "\(path): file is empty"
    case .whitespaceOnly(let path): "\(path): file holds only blank characters"
    case .binary(let path, let what, let offset):
      "\(path): not a text file: \(what) at byte \(offset)"
    case .tooLarge(let path, let bytes, let limit):
      "\(path): file is \(bytes) bytes, over the limit of \(limit) (raise it with --max-size)"
    case .unknownEncoding(let path, let name):
      "\(path): unknown encoding '\(name)' (try UTF-8, UTF-16LE, UTF-16BE, GB18030 or GBK)"
    case .undecodable(let path, let detail): "\(path): cannot decode the text (\(detail))"
    case .noTable(let path, let lines):
      "\(path): no performance table found; first lines read: "
        + lines.map { "'\($0)'" }.joined(separator: " / ")
    case .notATargetTable(let path, let what): "\(path): not a performance target table: \(what)"
    case .notFound(let path): "\(path): no such file"
    case .isDirectory(let path): "\(path): is a directory, not a file"
    case .unreadable(let path, let reason): "\(path): cannot read the file (\(reason))"
    }
  }

  /// The case's name (`noTable`, `notFound`, `binary` …), as reflection reads it: a stable
  /// name of the cause for batch output and the API. (By a switch: a `Mirror` of the error cost some
  /// 19,000 instructions a failed file; a new case does not compile until it is named here.)
  public var caseName: String {
    switch self {
    case .empty: "empty"
    case .whitespaceOnly: "whitespaceOnly"
    case .binary: "binary"
    case .tooLarge: "tooLarge"
    case .unknownEncoding: "unknownEncoding"
    case .undecodable: "undecodable"
    case .noTable: "noTable"
    case .notATargetTable: "notATargetTable"
    case .notFound: "notFound"
    case .isDirectory: "isDirectory"
    case .unreadable: "unreadable"
    }
  }

  /// The process exit code (DESIGN.md): 65 the input is not a readable table, 66 the file
  /// is missing or unreadable, 64 an `--encoding` name ICU does not know (the command line
  /// is wrong, not the file).
  public var exitCode: Int32 {
    switch self {
    case .notFound, .isDirectory, .unreadable: 66
    case .unknownEncoding: 64
    default: 65
    }
  }
}
