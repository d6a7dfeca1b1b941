import Jixiao

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `jixiao batch`: many documents in parallel, written in input order as one stream.
public enum Batch {
  /// Runs a batch to its end and returns what it did; the summary is on standard error
  /// unless `quiet`. Only a broken output stops a batch early; a bad input is written to
  /// the output as a failure, counted, and the batch goes on (exit code 3).
  public static func run(_ configuration: BatchConfiguration) -> BatchSummary {
    let start = Clock.now()
    var summary = BatchSummary()
    func usage(_ message: String) -> BatchSummary {
      report(configuration, "jixiao batch: \(message)")
      summary.exitCode = 64
      return summary
    }
    guard !configuration.inputs.isEmpty else { return usage("no input; name files, directories, or '-'") }
    guard configuration.jobs >= 1 else { return usage("--jobs must be at least 1") }
    if configuration.format != .jsonl && configuration.output == nil {
      return usage("--format \(configuration.format.rawValue) needs --out")
    }

    let items: ItemSource
    var recordsFile: Int32?
    switch configuration.inputMode {
    case .paths:
      let lines = { LineReader(fd: configuration.standardInput, maxLineLength: 1 << 16).remainingNonBlankLines() }
      items = ItemSource(
        paths: InputPaths.expand(configuration.inputs, glob: configuration.glob, standardInputLines: lines)
      )
    case .jsonl:
      guard configuration.inputs.count == 1 else { return usage("--input jsonl reads one file of records, or '-'") }
      let input = configuration.inputs[0]
      var fd = configuration.standardInput
      if input != "-" {
        fd = open(input, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
          report(configuration, "jixiao batch: \(input): cannot read the records (\(FileSystem.errorText))")
          summary.exitCode = 66
          return summary
        }
      }
      // A record holds a whole document as JSON text: allow for escapes.
      let maxLine = configuration.maxSize > Int.max / 8 ? Int.max : configuration.maxSize * 6 + 4096
      items = ItemSource(records: RecordReader(lines: LineReader(fd: fd, maxLineLength: maxLine)))
      if fd != configuration.standardInput { recordsFile = fd }
    }
    defer { if let recordsFile { close(recordsFile) } }

    do throws(OutputError) {
      switch configuration.format {
      case .jsonl:
        let sink = try JSONLSink(
          path: configuration.output,
          force: configuration.force,
          standardOutput: configuration.standardOutput,
          language: configuration.language
        )
        summary = drive(sink, items: items, configuration: configuration, start: start)
      case .csv:
        let sink = try CSVSink(
          directory: configuration.output ?? "",
          force: configuration.force,
          language: configuration.language
        )
        summary = drive(sink, items: items, configuration: configuration, start: start)
      case .sqlite:
        let sink = try SQLiteSink(
          path: configuration.output ?? "",
          force: configuration.force,
          language: configuration.language
        )
        summary = drive(sink, items: items, configuration: configuration, start: start)
      }
    } catch {
      report(configuration, "jixiao batch: " + error.message)
      summary.stopError = error
      summary.exitCode = error.exitCode
      return summary
    }
    if !configuration.quiet { report(configuration, summary.text, newline: false) }
    return summary
  }

  private static func report(_ configuration: BatchConfiguration, _ text: String, newline: Bool = true) {
    _ = FileSystem.writeAll(configuration.standardError, Array((newline ? text + "\n" : text).utf8))
  }

  private static func drive<Sink: BatchSink>(
    _ sink: Sink,
    items: ItemSource,
    configuration: BatchConfiguration,
    start: Double
  ) -> BatchSummary {
    let worker = Worker(
      options: configuration.parseOptions,
      maxSize: configuration.maxSize,
      storedDigests: sink.storedDigests,
      claims: sink.keepsOneCopy ? DigestClaims() : nil,
      render: sink.renderer
    )
    var summary = BatchSummary()
    var progress = ProgressLine(
      isEnabled: !configuration.quiet && (configuration.showsProgress ?? (isatty(configuration.standardError) != 0)),
      fd: configuration.standardError,
      totalInputs: items.totalInputs,
      totalBytes: items.totalBytes,
      start: start
    )
    var stopError: OutputError?

    let completed = OrderedRunner.run(
      jobs: configuration.jobs,
      window: max(8, configuration.jobs * 4),
      next: items.next,
      work: { worker.process($0) },
      deliver: { result in
        var isDuplicate = false
        if let payload = result.payload {
          do throws(OutputError) {
            isDuplicate = try !sink.write(payload, of: result)
          } catch {
            stopError = error
            return false
          }
        }
        summary.add(result, skippedAsDuplicate: isDuplicate)
        progress.update(summary)
        return true
      }
    )

    if completed {
      do throws(OutputError) {
        try sink.finish()
      } catch {
        stopError = error
        sink.abandon()
      }
    } else {
      sink.abandon()
    }
    progress.clear()
    summary.seconds = Clock.now() - start
    summary.stopError = stopError
    summary.exitCode = stopError?.exitCode ?? (summary.failed > 0 ? 3 : 0)
    return summary
  }
}

/// The inputs in order, numbered as they are taken.
final class ItemSource {
  private let pull: () -> WorkItem?
  private var count = 0
  let totalInputs: Int?
  let totalBytes: Int?

  init(paths: [InputPath]) {
    var iterator = paths.makeIterator()
    pull = { iterator.next().map(WorkItem.file) }
    totalInputs = paths.count
    totalBytes = paths.reduce(0) { $0 + ($1.size ?? 0) }
  }

  init(records: RecordReader) {
    pull = { records.next().map(WorkItem.record) }
    totalInputs = nil
    totalBytes = nil
  }

  /// The next input with its 1-based ordinal.
  func next() -> (Int, WorkItem)? {
    guard let item = pull() else { return nil }
    count += 1
    return (count, item)
  }
}
