import ArgumentParser
import FoundationEssentials
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

  @Option(name: .customLong("indicator"), help: "The indicator name (三级指标), a hint for date serials.")
  var indicator: String?

  func run() throws {
    let context = TargetContext(
      unitColumn: unitColumn,
      operatorColumn: operatorColumn,
      budgetYear: year,
      indicatorName: indicator
    )
    let target = TargetGrammar.read(text, context: context)
    print(TargetJSON.render(target, indent: ""))
  }
}

/// A small JSON rendering of a `Target` for the `value` command. Decimals print exactly
/// through their description; keys keep the output contract's names and order.
private enum TargetJSON {
  static func render(_ target: Target, indent: String) -> String {
    let inner = indent + "  "
    var fields: [(String, String)] = [
      ("raw", string(target.raw)),
      ("kind", string(target.kind.rawValue)),
      ("operator", target.op.map { string($0.rawValue) } ?? "null"),
      ("value", decimal(target.value)),
      ("unit", target.unit.map(string) ?? "null"),
      ("unitRaw", target.unitRaw.map(string) ?? "null"),
      ("yuan", decimal(target.yuan)),
      ("min", decimal(target.min)),
      ("max", decimal(target.max)),
    ]
    if let date = target.date {
      fields.append(
        ("date", "{\n\(inner)  \"start\": \(string(date.start)),\n\(inner)  \"end\": \(string(date.end))\n\(inner)}")
      )
    } else {
      fields.append(("date", "null"))
    }
    fields.append(("rank", target.rank.map { String($0) } ?? "null"))
    fields.append(("grade", target.grade.map(string) ?? "null"))
    fields.append(("qualifier", target.qualifier.map(string) ?? "null"))
    if target.parts.isEmpty {
      fields.append(("parts", "[]"))
    } else {
      let parts = target.parts.map { inner + "  " + render($0, indent: inner + "  ") }
      fields.append(("parts", "[\n" + parts.joined(separator: ",\n") + "\n\(inner)]"))
    }
    fields.append(("flags", "[" + target.flags.map { string($0.rawValue) }.joined(separator: ", ") + "]"))
    let body = fields.map { "\(inner)\(string($0.0)): \($0.1)" }.joined(separator: ",\n")
    return "{\n\(body)\n\(indent)}"
  }

  static func decimal(_ value: Decimal?) -> String {
    value.map { $0.description } ?? "null"
  }

  static func string(_ value: String) -> String {
    var out = "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out + "\""
  }
}
