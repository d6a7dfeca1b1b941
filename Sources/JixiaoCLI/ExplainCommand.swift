import ArgumentParser
import Jixiao

struct ExplainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "explain",
    abstract: "Explain a finding's code, or list the catalogue.",
    discussion: """
      Examples:
        jixiao explain JX203
        jixiao explain --list --lang en
      """
  )

  @Argument(help: "A code such as JX203.")
  var code: String?

  @Flag(help: "List every code with its severity and title.")
  var list = false

  @Option(help: "Language: zh or en (default: from the locale).")
  var lang: Language?

  func validate() throws {
    if !list && code == nil { throw ValidationError("give a code (such as JX203) or --list") }
    if let code, Catalogue.entry(code.uppercased()) == nil {
      throw ValidationError("unknown code '\(code)'; `jixiao explain --list` shows them all")
    }
  }

  func run() throws {
    let language = lang ?? Console.localeLanguage
    if list {
      var output = ""
      var family = ""
      for entry in Catalogue.entries {
        let name = entry.family.text(language)
        if name != family {
          output += (family.isEmpty ? "" : "\n") + name + "\n"
          family = name
        }
        output += "  \(entry.code)  \(entry.severity.rawValue.padding(7))  \(entry.title.text(language))\n"
      }
      Console.out(output)
      return
    }
    guard let code, let entry = Catalogue.entry(code.uppercased()) else { return }
    let label = language == .zh ? ("默认级别", "类别", "消息") : ("default severity", "family", "message")
    Console.out(
      """
      \(entry.code): \(entry.title.text(language))
      \(label.0): \(entry.severity.rawValue)    \(label.1): \(entry.family.text(language))
      \(label.2): \(entry.message.text(language))

      \(entry.explanation.text(language))

      """)
  }
}

extension String {
  func padding(_ width: Int) -> String {
    count >= width ? self : self + String(repeating: " ", count: width - count)
  }
}
