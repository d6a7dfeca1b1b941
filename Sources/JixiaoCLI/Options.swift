import ArgumentParser
import Jixiao

extension Language: ExpressibleByArgument {}
extension Dialect: ExpressibleByArgument {}

/// Options every reading command shares.
struct InputOptions: ParsableArguments {
  @Option(help: "Decode with this encoding instead of detecting it (UTF-8, UTF-16LE, GB18030 …).")
  var encoding: String?

  @Option(help: "Read the layout as this dialect instead of detecting it (\(Dialect.allCases.map(\.rawValue).joined(separator: ", "))).")
  var dialect: Dialect?

  @Option(name: .customLong("max-size"), help: "Refuse files larger than this many bytes.")
  var maxSize: Int = InputFile.defaultMaxSize

  @Option(help: "Language of messages: zh or en (default: from the locale, Chinese for zh_*).")
  var lang: Language?

  var language: Language { lang ?? Console.localeLanguage }

  var parseOptions: ParseOptions { ParseOptions(encoding: encoding, dialect: dialect) }
}
