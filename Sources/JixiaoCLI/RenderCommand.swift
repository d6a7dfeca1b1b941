import ArgumentParser
import Jixiao

extension RenderFormat: ExpressibleByArgument {}
extension RenderLayout: ExpressibleByArgument {}

struct RenderCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "render",
    abstract: "Write a parsed document back as clean tables.",
    discussion: """
      Reads a disclosure as `parse` does and writes what was understood as
      tables: one form per project and per department (or one list per table
      with --layout list). Beside each target and amount, a column 读作 shows
      its reading (kind, operator, value, unit, 元); --raw leaves it out, and
      the output then reads back into the same projects and indicators.

      Formats: markdown (pipe tables), html (a page with rowspan/colspan),
      tsv, csv (UTF-8 with BOM, as Excel opens it), aligned (space-aligned
      columns as pdftotext -layout prints them), grid (markdown grid tables).

      Exit codes: 0 written, 65 not a readable performance table, 66 file
      missing or unreadable, 64 usage error.

      Examples:
        jixiao render Corpus/seeds/000_68f22dc76fd3e3d9.txt --to markdown
        jixiao render 003.txt --to html > 003.html
        pbpaste | jixiao render - --to csv --raw > table.csv
      """
  )

  @Argument(help: "A text file, or '-' for standard input.")
  var file: String

  @Option(
    name: .customLong("to"),
    help: "Output format: \(RenderFormat.allCases.map(\.rawValue).joined(separator: ", "))."
  )
  var format: RenderFormat

  @Flag(help: "Leave out the normalised reading (读作) beside targets and amounts.")
  var raw = false

  @Option(help: "Projects as one form each (form) or one wide list per table (list).")
  var layout: RenderLayout = .form

  @OptionGroup var input: InputOptions

  func run() throws {
    do {
      let bytes = try InputFile.read(file, maxSize: input.maxSize)
      let document = try Jixiao.parse(bytes, path: file == "-" ? "<stdin>" : file, options: input.parseOptions)
      Console.out(Renderer.render(document, options: Renderer.Options(format: format, raw: raw, layout: layout)))
    } catch {
      Console.error("jixiao: " + error.message)
      throw ExitCode(error.exitCode)
    }
  }
}
