import ArgumentParser
import Jixiao

struct ValueCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "value",
    abstract: "Show how one target value (指标值) is read.",
    discussion: """
      Prints the reading as JSON: kind, operator, value, unit, range, date interval, rank, \
      grade, qualifier, parts and flags, with the text as written in raw.

      Examples:
        jixiao value '≥96%'
        jixiao value '12月中旬' --year 2024
        jixiao value 95 --unit-column % --operator-column ≥
        jixiao value '25万元' --unit-column 元 --operator-column ＝
        jixiao value -- '-5%'        (a value starting with '-' follows '--')
      """
  )

  @Argument(help: "The target text, e.g. '≥96%'.")
  var text: String

  @Option(name: .customLong("unit-column"), help: "The row's unit column (度量单位), e.g. '%' or '万元'.")
  var unitColumn: String?

  @Option(name: .customLong("operator-column"), help: "The row's operator column (指标值类型): ≥, ＝, 定性, 定量.")
  var operatorColumn: String?

  @Option(name: .customLong("year"), help: "The budget year, for dates that omit it (12月中旬).")
  var year: Int?

  @Option(
    name: .customLong("indicator"),
    help: "The indicator name (三级指标), a hint for dates (20241231, date serials) and for a bare 万 (万元 or a count).")
  var indicator: String?

  func run() throws {
    let context = TargetContext(
      unitColumn: unitColumn,
      operatorColumn: operatorColumn,
      budgetYear: year,
      indicatorName: indicator
    )
    let target = TargetGrammar.read(text, context: context)
    Console.out(DocumentEncoder.targetBytes(target, pretty: true) + [0x0A])
  }
}
