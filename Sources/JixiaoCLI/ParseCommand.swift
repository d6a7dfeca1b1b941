import ArgumentParser
import Jixiao

struct ParseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "parse",
    abstract: "Read a disclosure and print its normalised JSON.",
    discussion: """
      Reads a performance-target table pasted or converted to text (tab rows, one cell per
      line, pipe rows, HTML remnants …) in UTF-8, UTF-16 or GB18030, and prints one JSON
      document following Schemas/jixiao.schema.json: tables, projects with funds and
      indicators, budget lines, diagnostics and the residue no stage could read.

      Exit codes: 0 read, 65 not a readable performance table (binary, empty, no table,
      bad encoding), 66 file missing or unreadable, 64 usage error.

      Examples:
        jixiao parse Corpus/seeds/000_68f22dc76fd3e3d9.txt > 000.json
        pbpaste | jixiao parse - --lang zh
      """
  )

  @Argument(help: "A text file, or '-' for standard input.")
  var file: String

  @OptionGroup var input: InputOptions

  @Flag(help: "Print the JSON on one line.")
  var compact = false

  func run() throws {
    do {
      let bytes = try InputFile.read(file, maxSize: input.maxSize)
      let document = try Jixiao.parse(bytes, path: file == "-" ? "<stdin>" : file, options: input.parseOptions)
      Console.out(DocumentEncoder.encode(document, language: input.language, pretty: !compact))
    } catch let error as InputError {
      Console.error("jixiao: " + error.message)
      throw ExitCode(error.exitCode)
    }
  }
}
