import Jixiao

#if canImport(Glibc)
import Glibc
#endif

/// The value grammar on its own, in this process: every target of the corpus documents read
/// again and again (values per second), beside whole parses of the same documents, so that
/// the grammar's share of parse time is measured on the same cells in the same run.
enum ValueGrammarBench {
  struct Result {
    var values: Int
    var valuesPerSecond: Double
    var parsesPerSecond: Double
    /// Time spent reading targets ÷ time spent parsing, for the same documents.
    var share: Double
  }

  static func run(_ paths: [String], minimumSeconds: Double = 1.0) -> Result {
    var documents: [[UInt8]] = []
    var cells: [(String, TargetContext)] = []
    for path in paths {
      guard let bytes = Files.read(path), let document = try? Jixiao.parse(bytes, path: path) else { continue }
      documents.append(bytes)
      let year = document.tables.first?.year
      for indicator in document.projects.flatMap(\.indicators) + document.departments.flatMap(\.indicators) {
        let context = TargetContext(unitColumn: indicator.unitColumn, operatorColumn: indicator.valueType, budgetYear: year)
        cells.append((indicator.target.raw, context))
      }
    }
    guard !cells.isEmpty, !documents.isEmpty else { return Result(values: 0, valuesPerSecond: 0, parsesPerSecond: 0, share: 0) }

    var rounds = 0
    var checksum = 0
    let grammarStart = now()
    repeat {
      for (raw, context) in cells { checksum &+= TargetGrammar.read(raw, context: context).raw.utf8.count }
      rounds += 1
    } while now() - grammarStart < minimumSeconds
    let grammarSeconds = (now() - grammarStart) / Double(rounds)

    var parseRounds = 0
    let parseStart = now()
    repeat {
      for bytes in documents { checksum &+= (try? Jixiao.parse(bytes, path: "bench"))?.projects.count ?? 0 }
      parseRounds += 1
    } while now() - parseStart < minimumSeconds
    let parseSeconds = (now() - parseStart) / Double(parseRounds)
    if checksum == 42 { say("") }  // keeps the work from being optimised away
    return Result(
      values: cells.count,
      valuesPerSecond: Double(cells.count) / grammarSeconds,
      parsesPerSecond: Double(documents.count) / parseSeconds,
      share: grammarSeconds / parseSeconds)
  }

  static func now() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
  }
}
