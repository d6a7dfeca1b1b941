import ArgumentParser
import Jixiao

struct ValueCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "value", abstract: "Show how one target value (指标值) is read.")

  @Argument(help: "The target text, e.g. '≥96%'.")
  var text: String

  func run() throws {
    print(TargetGrammar.read(text).kind.rawValue)
  }
}
