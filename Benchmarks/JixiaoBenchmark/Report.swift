#if canImport(Glibc)
import Glibc
#endif

enum Report {
  struct Row {
    var name: String
    var run: ChildRun
    var megabytes: Double
    var files: Int
    var floor: Double
  }

  static func print(_ rows: [Row]) {
    let header = ["run", "seconds", "MB/s", "documents/s", "× floor", "peak RSS MiB", "CPU s", "kernel s", "cores used"]
    let table = rows.map { row in
      [
        row.name, fixed(row.run.seconds, 2), fixed(row.megabytes / row.run.seconds, 1),
        fixed(Double(row.files) / row.run.seconds, 0), fixed(row.run.seconds / row.floor, 2),
        fixed(Double(row.run.peakRSS) / 1_048_576, 1), fixed(row.run.cpuSeconds, 2),
        fixed(row.run.kernelSeconds, 2), fixed(row.run.cpuSeconds / row.run.seconds, 2),
      ]
    }
    let widths = header.indices.map { column in ([header] + table).map { $0[column].count }.max() ?? 0 }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { index, cell in
        let padding = String(repeating: " ", count: widths[index] - cell.count)
        return index == 0 ? cell + padding : padding + cell
      }.joined(separator: "  ")
    }
    say("")
    say(line(header))
    for cells in table { say(line(cells)) }
  }
}

func fixed(_ value: Double, _ decimals: Int) -> String {
  guard value.isFinite else { return "-" }
  var scale = 1.0
  for _ in 0..<decimals { scale *= 10 }
  let rounded = (value * scale).rounded()
  let whole = Int(rounded / scale)
  let fraction = Int(rounded) - whole * Int(scale)
  guard decimals > 0 else { return String(whole) }
  let digits = String(abs(fraction))
  return String(whole) + "." + String(repeating: "0", count: decimals - digits.count) + digits
}

enum Processors {
  static var count: Int { max(1, sysconf(Int32(_SC_NPROCESSORS_ONLN))) }
}
