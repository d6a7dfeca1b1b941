import Jixiao

#if canImport(Glibc)
import Glibc
#endif

// jixiao-bench: builds a ~100 MB corpus from Corpus/, then measures in one run the ICU floor
// (decode + NFKC only) and `jixiao batch` to JSONL with 1 job, 2 jobs and all cores, each as
// a child process whose wall time and peak RSS are read with wait4. See Benchmarks/README.md.

struct Options {
  var megabytes = 100
  var jixiao: String?
  var keep = false
  var corpus: String?
  var jobs: [Int] = []
  var repeats = 1
  var largeMegabytes = 10
  /// Units of the shaped inputs (`Shapes`); 0 skips them.
  var shapeUnits = 50_000
}

func parseOptions() -> Options {
  var options = Options()
  var arguments = CommandLine.arguments.dropFirst()
  func value(_ name: String) -> String {
    guard let value = arguments.popFirst() else { fail("\(name) needs a value") }
    return value
  }
  while let argument = arguments.popFirst() {
    switch argument {
    case "--floor":
      Floor.run(pathsFile: value(argument))
      exit(0)
    case "--size": options.megabytes = Int(value(argument)) ?? options.megabytes
    case "--large": options.largeMegabytes = Int(value(argument)) ?? options.largeMegabytes
    case "--shapes": options.shapeUnits = Int(value(argument)) ?? options.shapeUnits
    case "--jixiao": options.jixiao = value(argument)
    case "--corpus": options.corpus = value(argument)
    case "--keep": options.keep = true
    case "--repeat": options.repeats = max(1, Int(value(argument)) ?? 1)
    case "--jobs": options.jobs = value(argument).split(separator: ",").compactMap { Int($0) }
    case "-h", "--help":
      say(
        """
        usage: jixiao-bench [--size MB] [--jobs 1,2,N] [--repeat N] [--large MB] [--shapes N]
                            [--keep] [--corpus DIR] [--jixiao PATH]
          --size MB     corpus size to generate from Corpus/ (default 100)
          --jobs LIST   job counts to measure (default 1, 2 and the number of cores)
          --repeat N    run each measurement N times and keep the fastest (default 1)
          --large MB    size of the one-large-document test (default 10; 0 skips it)
          --shapes N    size of the shaped inputs, each parsed at N and 2N units (default
                        50000: about 1 MB; 0 skips them)
          --keep        keep the generated corpus (its path is printed)
          --corpus DIR  reuse a corpus made by --keep instead of generating one
          --jixiao PATH the jixiao binary (default: next to this one)
        """
      )
      exit(0)
    default: fail("unknown argument \(argument) (try --help)")
    }
  }
  return options
}

let options = parseOptions()
let ownDirectory = String(
  Spawn.ownExecutable.prefix { _ in true }.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(
    separator: "/"
  )
)
let jixiao = options.jixiao ?? ownDirectory + "/jixiao"
guard access(jixiao, X_OK) == 0 else {
  fail("\(jixiao) not found: build it first (swift build -c release), or pass --jixiao PATH")
}

let packageRoot = String(
  #filePath.split(separator: "/", omittingEmptySubsequences: false).dropLast(3).joined(separator: "/")
)
// The documents of the corpus: an `.expected-error.txt` is the error a document must give,
// not a document (four of them made an eighth of the files once).
let seeds = Files.find(packageRoot + "/Corpus", suffix: ".txt").filter { !$0.hasSuffix(".expected-error.txt") }
guard !seeds.isEmpty else { fail("no Corpus/**/*.txt under \(packageRoot)") }

let workDirectory = options.corpus ?? Files.temporaryDirectory()
let corpus: CorpusBuilder.Corpus
if let existing = options.corpus {
  corpus = CorpusBuilder.load(existing)
} else {
  say("building a \(options.megabytes) MB corpus from \(seeds.count) documents in \(workDirectory) …")
  corpus = CorpusBuilder.build(from: seeds, into: workDirectory, megabytes: options.megabytes)
}
let megabytes = Double(corpus.bytes) / 1_000_000
say(
  "corpus: \(corpus.files) files, \(fixed(megabytes, 1)) MB; \(Processors.count) cores, load average \(loadAverage); jixiao: \(jixiao)"
)

func best(_ body: () -> ChildRun) -> ChildRun {
  var runs: [ChildRun] = []
  for _ in 0..<options.repeats { runs.append(body()) }
  return runs.min { $0.seconds < $1.seconds } ?? body()
}

// Warm the page cache so the first measurement does not pay for the disk.
_ = Spawn.run([Spawn.ownExecutable, "--floor", corpus.pathsFile])

var rows: [Report.Row] = []
let floor = best { Spawn.run([Spawn.ownExecutable, "--floor", corpus.pathsFile]) }
guard floor.exitStatus == 0 else { fail("the floor run failed (\(floor.exitStatus))") }
rows.append(
  Report.Row(
    name: "ICU floor (decode + NFKC)",
    run: floor,
    megabytes: megabytes,
    files: corpus.files,
    floor: floor.seconds
  )
)

let jobCounts = options.jobs.isEmpty ? Array(Set([1, 2, Processors.count])).sorted() : options.jobs
var batchRuns: [Int: ChildRun] = [:]
for jobs in jobCounts {
  let run = best {
    Spawn.run([jixiao, "batch", corpus.directory, "--jobs", String(jobs), "--format", "jsonl", "--quiet"])
  }
  guard run.exitStatus == 0 || run.exitStatus == 3 else {
    fail("jixiao batch --jobs \(jobs) failed (\(run.exitStatus))")
  }
  batchRuns[jobs] = run
  rows.append(
    Report.Row(
      name: "jixiao batch --jobs \(jobs) > jsonl",
      run: run,
      megabytes: megabytes,
      files: corpus.files,
      floor: floor.seconds
    )
  )
}

// End to end from process start: the largest seed, median of 11, alternating two calls: as
// the README and a script call it (`jixiao parse FILE`, which `JixiaoCommand.main` reads
// without the argument parser), and with an option (through the parser).
let largestSeed = seeds.max { (Files.read($0)?.count ?? 0) < (Files.read($1)?.count ?? 0) } ?? seeds[0]
var parseTimes: [Double] = []
var parsedCallTimes: [Double] = []
for _ in 0..<11 {
  parseTimes.append(Spawn.run([jixiao, "parse", largestSeed]).seconds)
  parsedCallTimes.append(Spawn.run([jixiao, "parse", largestSeed, "--compact"]).seconds)
}
let parseMedian = parseTimes.sorted()[parseTimes.count / 2]
let parsedCallMedian = parsedCallTimes.sorted()[parsedCallTimes.count / 2]

var large: (bytes: Int, run: ChildRun)?
if options.largeMegabytes > 0 {
  let path = workDirectory + "/large.txt"
  let bytes = CorpusBuilder.largeDocument(from: largestSeed, megabytes: options.largeMegabytes, to: path)
  large = (bytes, Spawn.run([jixiao, "parse", path, "--compact"]))
}

let grammar = ValueGrammarBench.run(seeds)
let shapes = options.shapeUnits > 0 ? Shapes.run(jixiao: jixiao, directory: workDirectory, units: options.shapeUnits) : []

Report.print(rows)
say("load average at the end: \(loadAverage) (other processes compete for the cores: see 'cores used')")
say("")
say(
  "jixiao parse \(largestSeed.split(separator: "/").last ?? "") end to end: \(fixed(parseMedian * 1000, 1)) ms (median of 11; "
    + "\(fixed(parsedCallMedian * 1000, 1)) ms with --compact, through the argument parser)"
)
if let large {
  say(
    "jixiao parse of one \(fixed(Double(large.bytes) / 1_000_000, 1)) MB document: \(fixed(large.run.seconds, 2)) s, peak RSS \(fixed(Double(large.run.peakRSS) / 1_048_576, 1)) MiB (\(fixed(Double(large.run.peakRSS) / Double(large.bytes), 1))× the file), exit \(large.run.exitStatus)"
  )
}
say(
  "value grammar: \(grammar.values) targets of the corpus, \(Int(grammar.valuesPerSecond)) values/s; whole parses \(fixed(grammar.parsesPerSecond, 0)) documents/s in-process; the grammar's share of parse time \(fixed(grammar.share * 100, 1)) %"
)
if !shapes.isEmpty {
  say("")
  say("shaped inputs, each at two sizes (time should about double; near 4× is quadratic):")
  for shape in shapes {
    say(
      "  \(shape.name + String(repeating: " ", count: max(0, 36 - shape.name.count)))"
        + " \(fixed(Double(shape.small.bytes) / 1_000_000, 2)) MB \(fixed(shape.small.run.seconds, 2)) s,"
        + " \(fixed(Double(shape.large.bytes) / 1_000_000, 2)) MB \(fixed(shape.large.run.seconds, 2)) s:"
        + " \(fixed(shape.ratio, 2))×, exit \(shape.large.run.exitStatus)"
    )
  }
}
say("")
var checks: [(String, Bool)] = []
if let one = batchRuns[1] {
  let rate = megabytes / one.seconds
  checks.append(("1 job ≥ 50 MB/s (\(fixed(rate, 1)))", rate >= 50))
  checks.append(
    ("1 job within 4× of the floor (\(fixed(one.seconds / floor.seconds, 2))×)", one.seconds <= 4 * floor.seconds)
  )
  if let two = batchRuns[2] {
    checks.append(("2 jobs ≥ 1.8× 1 job (\(fixed(one.seconds / two.seconds, 2))×)", one.seconds / two.seconds >= 1.8))
  }
}
for (jobs, run) in batchRuns.sorted(by: { $0.key < $1.key }) {
  checks.append(
    ("peak RSS < 64 MiB with --jobs \(jobs) (\(fixed(Double(run.peakRSS) / 1_048_576, 1)) MiB)", run.peakRSS < 64 << 20)
  )
}
checks.append(("parse of the largest seed < 30 ms (\(fixed(parseMedian * 1000, 1)) ms)", parseMedian < 0.030))
if let large {
  checks.append(("one large document: peak RSS < 8× its size", large.run.peakRSS < 8 * large.bytes))
}
for shape in shapes {
  // Below 0.1 s process start-up dominates and the ratio means nothing.
  guard shape.large.run.seconds >= 0.1 else { continue }
  checks.append(("\(shape.name): 2× the input in under 3× the time (\(fixed(shape.ratio, 2))×)", shape.ratio < 3))
}
checks.append(("the value grammar under 20 % of parse time (\(fixed(grammar.share * 100, 1)) %)", grammar.share < 0.2))
for (text, passed) in checks { say("\(passed ? "PASS" : "FAIL")  \(text)") }

if options.corpus == nil {
  if options.keep {
    say("corpus kept in \(workDirectory) (rerun with --corpus \(workDirectory))")
  } else {
    Files.removeTree(workDirectory)
  }
}
