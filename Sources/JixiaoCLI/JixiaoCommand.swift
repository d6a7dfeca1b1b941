import ArgumentParser

@main
struct JixiaoCommand: AsyncParsableCommand {
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
}
