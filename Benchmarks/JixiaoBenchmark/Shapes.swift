/// Inputs shaped to find work that grows faster than the input: one very long line of many
/// cells (pipes, tabs, a one-line HTML table, run-together text), one cell wrapped over
/// thousands of lines (aligned columns, a grid table), and thousands of small projects. Each is parsed at two sizes, the second twice the first: time should about
/// double (a ratio near 4 is quadratic). The fuzzer found the first of these; the others were
/// found by hand, and each was quadratic before it was fixed.
enum Shapes {
  struct Result {
    var name: String
    var small: (bytes: Int, run: ChildRun)
    var large: (bytes: Int, run: ChildRun)
    var ratio: Double { large.run.seconds / max(small.run.seconds, 0.001) }
  }

  static let words = ["项目名称", "一级指标", "产出指标", "数量指标", "≥95%", "完成率", "满意度指标", "2024年12月", "100万元"]

  /// Text of each shape with `n` units.
  /// Name, extra arguments of `jixiao parse`, and the text with `n` units.
  static let shapes: [(String, [String], @Sendable (Int) -> String)] = [
    ("one line of pipes", [], { n in String(repeating: "|", count: n * 20) + "\n| 项目名称 | x |\n" }),
    ("one line of tabs", [], { n in "项目名称\t" + String(repeating: "\t", count: n * 8) + "x\n一级指标\t二级指标\t三级指标\t指标值\n" }),
    (
      "one-line HTML table", [],
      { n in
        "<table>"
          + (0..<(n / 10)).map { row in "<tr>" + (0..<10).map { "<td>\(words[($0 + row) % words.count])</td>" }.joined() + "</tr>" }
          .joined() + "</table>"
      }
    ),
    ("run-together digits", ["--dialect", "runTogether"], { n in "项目绩效目标表一级指标二级指标三级指标指标值产出指标数量指标" + (0..<(n * 2)).map { "项\($0 % 10)" }.joined() + "\n" }),
    (
      "a cell wrapped over many lines", [],
      { n in
        "三级指标                        指标值\n对新建在建违法建筑和重点类型    95%\n"
          + (0..<(n / 2)).map { "                                续行文字\($0)\n" }.joined()
      }
    ),
    (
      "a grid cell wrapped over many lines", [],
      { n in
        "+------------------+--------+\n| 三级指标         | 指标值 |\n+==================+========+\n"
          + "| 对新建违法建筑   | 95%    |\n" + (0..<(n / 2)).map { "| 续行文字\($0) |        |\n" }.joined()
          + "+------------------+--------+\n"
      }
    ),
    (
      "many small projects (CSV)", [],
      { n in
        "项目支出绩效目标表,,,\n"
          + (0..<(n / 4)).map { "项目名称,项目\($0),,\n年度资金总额,\($0)万元,,\n一级指标,二级指标,三级指标,指标值\n产出指标,数量指标,完成率,≥95%\n" }
          .joined()
      }
    ),
  ]

  static func run(jixiao: String, directory: String, units: Int) -> [Result] {
    shapes.map { name, arguments, make in
      func parse(_ n: Int, _ suffix: String) -> (Int, ChildRun) {
        let path = directory + "/shape-\(suffix).txt"
        let bytes = Array(make(n).utf8)
        Files.write(path, bytes)
        return (bytes.count, Spawn.run([jixiao, "parse", path, "--compact"] + arguments))
      }
      return Result(name: name, small: parse(units, "a"), large: parse(units * 2, "b"))
    }
  }
}
