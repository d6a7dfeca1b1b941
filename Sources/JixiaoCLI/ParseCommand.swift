import ArgumentParser
import Jixiao

struct ParseCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "parse",
    abstract: "Read a disclosure and print its normalised JSON.",
    discussion: """
      Reads a performance-target table pasted or converted to text (tab rows, one
      cell per line, pipe rows, HTML remnants …) in UTF-8, UTF-16 or GB18030, and
      prints one JSON document following Schemas/jixiao.schema.json: tables,
      projects with funds and indicators, budget lines, diagnostics and the
      residue no stage could read.

      Every failure is one line on standard error, naming the file, and an exit
      code:
        0   read
        64  usage error, including an --encoding name ICU does not know
        65  not a readable performance table: empty or blank, binary (NUL bytes,
            PNG, ZIP, ELF …), undecodable, no performance table found, or larger
            than --max-size
        66  the file is missing, a directory, or unreadable (permission denied)
        73  the --output file exists (without --force) or cannot be created
        74  an I/O error while writing the output

      With --output, the JSON is written to a temporary file in the same directory
      and renamed into place, so an interrupted run never leaves half a file.

      Examples:
        jixiao parse Corpus/seeds/000_68f22dc76fd3e3d9.txt > 000.json
        jixiao parse old-page.txt --encoding GB18030 --output page.json --force
        pbpaste | jixiao parse - --lang zh
      """
  )

  @Argument(help: "A text file, or '-' for standard input.")
  var file: String

  @OptionGroup var input: InputOptions

  @Flag(help: "Print the JSON on one line.")
  var compact = false

  @Option(name: [.short, .customLong("output")], help: "Write the JSON to this file instead of standard output.")
  var output: String?

  @Flag(help: "Replace the --output file if it exists.")
  var force = false

  func run() throws {
    try Self.read(
      file, options: input.parseOptions, maxSize: input.maxSize, language: input.language, pretty: !compact,
      output: output, force: force)
  }

  /// `jixiao parse FILE` with nothing after the path: the defaults of the options, as
  /// `InputOptions` and the flags above declare them.
  static func readWithDefaults(_ file: String) throws {
    try read(
      file, options: ParseOptions(), maxSize: InputFile.defaultMaxSize, language: Console.localeLanguage, pretty: true,
      output: nil, force: false)
  }

  private static func read(
    _ file: String, options: ParseOptions, maxSize: Int, language: Language, pretty: Bool, output: String?, force: Bool
  ) throws {
    let document: Document
    do throws(InputError) {
      // Passed without a binding of its own, so the parse can free the file once decoded.
      document = try Jixiao.parse(
        InputFile.read(file, maxSize: maxSize), path: file == "-" ? "<stdin>" : file, options: options)
    } catch {
      Console.error("jixiao: " + error.message)
      throw ExitCode(error.exitCode)
    }
    // Streamed: the JSON of a large document is several times its text.
    let encode = { (emit: @escaping ([UInt8]) -> Void) in
      DocumentEncoder.encode(document, language: language, pretty: pretty, to: emit)
    }
    do throws(OutputFileError) {
      if let output {
        try OutputFile.write(to: output, force: force, encode)
      } else if let reason = Console.out(encode) {
        throw .writeFailed(path: "<stdout>", reason: reason)
      }
    } catch {
      Console.error("jixiao: " + error.message)
      throw ExitCode(error.exitCode)
    }
  }
}
