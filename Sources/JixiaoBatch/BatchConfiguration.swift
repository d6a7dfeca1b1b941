import Jixiao

/// Everything `jixiao batch` was asked to do.
public struct BatchConfiguration: Sendable {
  public enum Format: String, Sendable, CaseIterable {
    /// One document per line on standard output or `--out FILE`.
    case jsonl
    /// Four CSV files in `--out DIR`.
    case csv
    /// One SQLite database at `--out FILE.db`, resumable.
    case sqlite
  }

  public enum InputMode: String, Sendable, CaseIterable {
    /// Files and directories (`-`: a list of them on standard input).
    case paths
    /// JSON records `{"id": …, "text": …}` or `{"id": …, "path": …}`, one per line.
    case jsonl
  }

  /// Paths, directories and `-`; in `jsonl` input mode, one file of records or `-`.
  public var inputs: [String]
  public var inputMode: InputMode = .paths
  /// Which files in a directory are read (fnmatch pattern on the name, or on the path below
  /// the directory when it holds a `/`). Files named directly are always read.
  public var glob = "*.txt"
  public var jobs = BatchConfiguration.defaultJobs
  public var format: Format = .jsonl
  /// The output file or directory; standard output when nil (JSONL only).
  public var output: String?
  /// Replace an existing output; with SQLite, parse documents that are already stored again.
  public var force = false
  /// No progress line and no summary (failures are still in the output).
  public var quiet = false
  /// Draw the progress line; nil draws it when standard error is a terminal.
  public var showsProgress: Bool?
  public var parseOptions = ParseOptions()
  /// Inputs larger than this many bytes fail with `tooLarge`.
  public var maxSize = 16 << 20
  public var language: Language = .en
  /// File descriptors, replaceable so that tests can drive a batch through pipes.
  public var standardInput: Int32 = 0
  public var standardOutput: Int32 = 1
  public var standardError: Int32 = 2

  public init(inputs: [String]) {
    self.inputs = inputs
  }

  /// The number of processors online.
  public static var defaultJobs: Int { Processors.online }
}
