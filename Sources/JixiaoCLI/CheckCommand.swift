import ArgumentParser
import Jixiao

struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Report what does not hold in published target tables.",
    discussion: """
      Reads each file as `parse` does and prints its findings: funds that do not
      add up, weights that do not total 100, units that contradict values, dates
      in the wrong year, levels under the wrong parent, and the reading problems
      met on the way. Each finding has a stable code; `jixiao explain CODE` says
      what it means and how to fix it.

      Exit codes: 0 no finding at or above --fail-on, 1 findings at or above it,
      65 a file is not a readable table, 66 a file is missing or unreadable, 64
      usage.

      Examples:
        jixiao check Corpus/seeds/001_cb4f80606216139f.txt
        jixiao check --format sarif --fail-on warning tables/*.txt > out.sarif
        jixiao check --ignore JX1xx --severity JX205=error 001.txt
      """
  )

  enum Format: String, ExpressibleByArgument, CaseIterable {
    case text, json, sarif
  }

  enum Threshold: String, ExpressibleByArgument, CaseIterable {
    case error, warning, note, never

    var severity: Severity? {
      switch self {
      case .error: .error
      case .warning: .warning
      case .note: .note
      case .never: nil
      }
    }
  }

  @Argument(help: "Text files, or '-' for standard input.")
  var files: [String]

  @OptionGroup var input: InputOptions

  @Option(help: "Output format: \(Format.allCases.map(\.rawValue).joined(separator: ", ")).")
  var format: Format = .text

  @Option(name: .customLong("fail-on"), help: "Exit with 1 when a finding is at or above this severity (error, warning, note, never).")
  var failOn: Threshold = .error

  @Option(help: "Codes to leave out, comma-separated; JX5xx or JX5 names a family.")
  var ignore: [String] = []

  @Option(help: "Report only these codes, comma-separated; JX2xx names a family.")
  var only: [String] = []

  @Option(help: "Change a code's severity, e.g. JX205=error (repeatable).")
  var severity: [String] = []

  func validate() throws { _ = try filter() }

  private func filter() throws -> DiagnosticFilter {
    do throws(DiagnosticFilter.InvalidOverride) {
      return try DiagnosticFilter(ignore: ignore, only: only, overrides: severity)
    } catch {
      throw ValidationError("--severity expects CODE=error|warning|note, got '\(error.text)'")
    }
  }

  func run() throws {
    let filter = try filter()
    var results: [SARIF.FileResult] = []
    var texts: [String] = []
    var failure: Int32?
    var worst: Severity?
    for file in files {
      let path = file == "-" ? "<stdin>" : file
      do {
        let bytes = try InputFile.read(file, maxSize: input.maxSize)
        let document = try Jixiao.parse(bytes, path: path, options: input.parseOptions)
        let diagnostics = filter.apply(document.diagnostics)
        results.append(SARIF.FileResult(path: path, diagnostics: diagnostics))
        if let top = diagnostics.map(\.severity).max() { worst = max(worst ?? top, top) }
        if format == .text {
          let lines = SourceLines.lines(bytes, encoding: input.encoding)
          let formatter = DiagnosticFormatter(language: input.language, useColor: Console.stdoutIsTerminal && Console.environment("NO_COLOR") == nil)
          texts.append(formatter.render(diagnostics, path: path, lines: lines))
        }
      } catch {
        Console.error("jixiao: " + error.message)
        failure = max(failure ?? 0, error.exitCode)
      }
    }
    switch format {
    case .text:
      Console.out(texts.joined())
      let all = results.flatMap(\.diagnostics)
      if !all.isEmpty {
        let counts = Severity.allCases.reversed().map { severity in (severity, all.filter { $0.severity == severity }.count) }
          .filter { $0.1 > 0 }.map { "\($0.1) \($0.0.rawValue)\($0.1 == 1 ? "" : "s")" }
        Console.error(counts.joined(separator: ", ") + " in \(results.count) file\(results.count == 1 ? "" : "s")")
      }
    case .json:
      var writer = JSONWriter(pretty: true)
      writer.array(results) { w, result in
        w.object { w in
          w.field("path", result.path)
          w.field("diagnostics") {
            $0.array(result.diagnostics) { DocumentEncoder.write($1, language: input.language, into: &$0) }
          }
        }
      }
      Console.out(writer.bytes + [0x0A])
    case .sarif:
      Console.out(SARIF.log(results, language: input.language).render(pretty: true) + [0x0A])
    }
    if let failure { throw ExitCode(failure) }
    if let threshold = failOn.severity, let worst, worst >= threshold { throw ExitCode(1) }
  }
}
