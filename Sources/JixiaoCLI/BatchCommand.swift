import ArgumentParser
import Jixiao
import JixiaoBatch

extension BatchConfiguration.Format: ExpressibleByArgument {}
extension BatchConfiguration.InputMode: ExpressibleByArgument {}

struct BatchCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "batch",
    abstract: "Read many disclosures in parallel into JSONL, CSV or SQLite.",
    discussion: """
      Inputs are files, directories (walked recursively, keeping names that
      match --glob) and '-' for a list of paths on standard input. Documents are
      read in parallel and written in input order: the output is the same
      whatever --jobs is. Docs/batch.md describes formats and tables.

      --format jsonl (default): one line per input on standard output or
      --out FILE, the document as `jixiao parse --compact` prints it, or
      {"path": …, "error": {"kind": …, "message": …, "exitCode": …}}.
      --format csv --out DIR: documents.csv, projects.csv, indicators.csv,
      diagnostics.csv and tasks.csv (UTF-8 with BOM, CRLF), joined by
      document_id.
      --format sqlite --out FILE.db: the same tables in SQLite; a rerun skips
      documents already stored (same SHA-256), so a killed batch resumes.

      --input jsonl - reads records {"id": …, "text": …} or {"id": …,
      "path": …}, one per line, and writes {"id": …, "document": {…}} or
      {"id": …, "error": {…}} per record, in order, each line flushed: a
      filter for Spark's RDD.pipe, GNU parallel or xargs -P.

      An existing --out is refused without --force (SQLite is appended to;
      --force parses stored documents again). Files are written under a
      temporary name and renamed at the end. A progress line is drawn when
      standard error is a terminal; a summary ends the run.

      Exit codes: 0 all read, 3 some inputs failed (each is in the output and
      the summary), 64 usage error, 66 records file unreadable, 73 output
      cannot be created, 74 write error.

      Examples:
        jixiao batch Corpus --jobs 4 > corpus.jsonl
        find scraped -name '*.txt' | jixiao batch - --format csv --out tables
        jixiao batch scraped --format sqlite --out corpus.db
        jq -c '{id: .url, text: .body}' pages.jsonl \\
          | jixiao batch --input jsonl - > results.jsonl
      """
  )

  @Argument(help: "Files, directories, or '-' (paths on stdin; with --input jsonl, records on stdin).")
  var inputs: [String] = []

  @Option(help: "Names to read in directories (shell pattern).")
  var glob = "*.txt"

  @Option(name: [.customShort("j"), .long], help: "Documents read at once; the default is the number of processors.")
  var jobs: Int = BatchConfiguration.defaultJobs

  @Option(help: "Output format: jsonl, csv or sqlite.")
  var format: BatchConfiguration.Format = .jsonl

  @Option(name: [.short, .long], help: "Output file (jsonl, sqlite) or directory (csv).")
  var out: String?

  @Option(help: "Input: paths (files and directories) or jsonl (records of id and text or path).")
  var input: BatchConfiguration.InputMode = .paths

  @Flag(help: "Replace an existing output; with sqlite, read stored documents again.")
  var force = false

  @Flag(name: [.short, .long], help: "No progress line and no summary.")
  var quiet = false

  @Flag(name: .customLong("no-validate"), help: "Skip the validation checks (reading diagnostics only).")
  var noValidate = false

  @OptionGroup var inputOptions: InputOptions

  func run() throws {
    var configuration = BatchConfiguration(inputs: inputs)
    configuration.inputMode = input
    configuration.glob = glob
    configuration.jobs = jobs
    configuration.format = format
    configuration.output = out
    configuration.force = force
    configuration.quiet = quiet
    configuration.parseOptions = inputOptions.parseOptions
    configuration.parseOptions.validate = !noValidate
    configuration.maxSize = inputOptions.maxSize
    configuration.language = inputOptions.language
    Allocator.keepFreedMemory()
    let summary = Batch.run(configuration)
    if summary.exitCode != 0 { throw ExitCode(summary.exitCode) }
  }
}
