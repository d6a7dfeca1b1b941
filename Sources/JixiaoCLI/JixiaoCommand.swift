import ArgumentParser
import Dispatch

@main
struct JixiaoCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "jixiao",
    abstract: "Read Chinese performance-target tables (绩效目标表) into normalised JSON and check them.",
    discussion: """
      Examples:
        jixiao parse Corpus/seeds/000_68f22dc76fd3e3d9.txt
        jixiao value '≥96%'
        jixiao serve            (a web page at http://127.0.0.1:8080/)
      """,
    subcommands: [
      ParseCommand.self, CheckCommand.self, ExplainCommand.self, ValueCommand.self, DumpCommand.self, BatchCommand.self,
      RenderCommand.self, ServeCommand.self,
    ]
  )

  /// Every subcommand but `serve` runs synchronously on the main thread: only `serve` needs
  /// the concurrency runtime. An async main parks the main thread in dispatch, and valgrind
  /// (callgrind, massif: the profiling recipe of Benchmarks/README.md) crashes there at exit.
  static func main() {
    // `jixiao parse FILE`, the call a script makes once per file, has nothing to parse but
    // the path: it is read without the argument parser, whose reflection over the commands'
    // property wrappers costs about 22 M instructions, a quarter of reading seed 001 from
    // process start (each wrapper's first conformance check scans every conformance record of
    // every loaded library). Any option, or a path that starts with `-`, goes the parser's way.
    let arguments = CommandLine.arguments.dropFirst()
    if arguments.count == 2, arguments.first == "parse", let file = arguments.last, file == "-" || !file.hasPrefix("-") {
      do {
        try ParseCommand.readWithDefaults(file)
        return
      } catch {
        exit(withError: error)
      }
    }
    do {
      var command = try parseAsRoot()
      if let asynchronous = command as? any AsyncParsableCommand {
        runAsynchronously(asynchronous)
      }
      try command.run()
    } catch {
      exit(withError: error)
    }
  }

  private static func runAsynchronously(_ command: any AsyncParsableCommand) -> Never {
    let box = UncheckedCommand(command)
    Task {
      do {
        var command = box.command
        try await command.run()
        JixiaoCommand.exit()
      } catch {
        JixiaoCommand.exit(withError: error)
      }
    }
    dispatchMain()
  }
}

/// A parsed command handed to the task that runs it; nothing else touches it.
private struct UncheckedCommand: @unchecked Sendable {
  let command: any AsyncParsableCommand
  init(_ command: any AsyncParsableCommand) { self.command = command }
}
