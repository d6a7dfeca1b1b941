import ArgumentParser
import Jixiao

struct DumpCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dump",
    abstract: "Show the rows and cells the tokenizer found, and where tables start.",
    shouldDisplay: false)

  @Argument(help: "A text file, or '-' for standard input.")
  var file: String

  @Flag(help: "Show each cell whole, not its first 24 characters.")
  var full = false

  @OptionGroup var input: InputOptions

  func run() throws {
    do {
      let bytes = try InputFile.read(file, maxSize: input.maxSize)
      Console.out(try SegmentationDump.dump(bytes, path: file, options: input.parseOptions, fullCells: full))
    } catch {
      Console.error("jixiao: " + error.message)
      throw ExitCode(error.exitCode)
    }
  }
}
