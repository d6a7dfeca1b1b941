import Jixiao
import Testing

@testable import JixiaoBatch

#if canImport(Glibc)
import Glibc
#endif

@Suite struct OrderedRunnerTests {
  final class Counter: @unchecked Sendable {
    let monitor = Monitor()
    var inFlight = 0
    var maximum = 0
  }

  @Test(arguments: [1, 2, 4, 8])
  func deliversInOrderWithinTheWindow(jobs: Int) {
    let counter = Counter()
    var next = 0
    var delivered: [Int] = []
    let window = 6
    let completed = OrderedRunner.run(
      jobs: jobs,
      window: window,
      next: { () -> Int? in
        guard next < 300 else { return nil }
        next += 1
        counter.monitor.withLock {
          counter.inFlight += 1
          counter.maximum = max(counter.maximum, counter.inFlight)
        }
        return next
      },
      work: { (item: Int) -> Int in
        // Later items often finish first.
        usleep(UInt32((item * 7919) % 13) * 100)
        return item * 2
      },
      deliver: { (result: Int) -> Bool in
        counter.monitor.withLock { counter.inFlight -= 1 }
        delivered.append(result)
        return true
      }
    )
    #expect(completed)
    #expect(delivered == (1...300).map { $0 * 2 })
    #expect(counter.maximum <= window + 1)
  }

  /// Workers deliver in turn: never two at once, and never after `run` has returned.
  @Test(arguments: [1, 2, 8])
  func deliversOneAtATime(jobs: Int) {
    let counter = Counter()
    var next = 0
    var delivering = 0
    var overlaps = 0
    var delivered: [Int] = []
    let completed = OrderedRunner.run(
      jobs: jobs,
      window: 5,
      next: { () -> Int? in
        guard next < 200 else { return nil }
        next += 1
        return next
      },
      work: { (item: Int) -> Int in
        usleep(UInt32((item * 7919) % 7) * 50)
        return item
      },
      deliver: { (result: Int) -> Bool in
        // Unsynchronised on purpose: two deliveries at once would be seen here (and by TSan).
        counter.monitor.withLock {
          delivering += 1
          if delivering > 1 { overlaps += 1 }
        }
        usleep(20)
        delivered.append(result)
        counter.monitor.withLock { delivering -= 1 }
        return true
      }
    )
    #expect(completed)
    #expect(overlaps == 0)
    #expect(delivered == Array(1...200))
  }

  @Test(arguments: [1, 3])
  func finishesWithNoItems(jobs: Int) {
    var calls = 0
    let completed = OrderedRunner.run(
      jobs: jobs,
      window: 4,
      next: { () -> Int? in nil },
      work: { (item: Int) -> Int in item },
      deliver: { (_: Int) -> Bool in
        calls += 1
        return true
      }
    )
    #expect(completed)
    #expect(calls == 0)
  }

  @Test func stopsWhenDeliveryFails() {
    var next = 0
    var delivered = 0
    let completed = OrderedRunner.run(
      jobs: 2,
      window: 4,
      next: { () -> Int? in
        next += 1
        return next
      },
      work: { (item: Int) -> Int in item },
      deliver: { (_: Int) -> Bool in
        delivered += 1
        return delivered < 10
      }
    )
    #expect(!completed)
    #expect(delivered == 10)
  }
}

/// A copy of a document is skipped before it is parsed only when an earlier input has it:
/// workers reach inputs out of order, and the earliest copy is the one the output keeps.
@Suite struct WorkerCopyTests {
  static func record(_ text: [UInt8], _ label: String) -> WorkItem {
    .record(Record(id: .string(label), line: 1, label: label, content: .text(text)))
  }

  static func isSkipped(_ result: WorkResult<Int>) -> Bool {
    if case .skipped = result.status { return result.payload == nil }
    return false
  }

  static let seed = Support.read(Support.packageRoot + "/Corpus/seeds/000_68f22dc76fd3e3d9.txt")
  static let other = Support.read(Support.packageRoot + "/Corpus/seeds/002_438dc74306bca1aa.txt")

  @Test func aLaterCopyIsSkippedAndAnEarlierOneIsRead() {
    let worker = Worker<Int>(
      options: ParseOptions(), maxSize: 1 << 20, storedDigests: [], claims: DigestClaims(), render: { _ in 1 })
    // In the order workers might reach them: input 2 first, then a copy after it, then one
    // before it, then another document, then the copy after it again.
    #expect(!Self.isSkipped(worker.process((2, Self.record(Self.seed, "a")))))
    #expect(Self.isSkipped(worker.process((5, Self.record(Self.seed, "b")))))
    #expect(!Self.isSkipped(worker.process((1, Self.record(Self.seed, "c")))))
    #expect(!Self.isSkipped(worker.process((3, Self.record(Self.other, "d")))))
    #expect(Self.isSkipped(worker.process((4, Self.record(Self.seed, "e")))))
    // Input 2 is now after the first copy: a second look at it skips it too.
    #expect(Self.isSkipped(worker.process((2, Self.record(Self.seed, "a")))))
  }

  @Test func withoutClaimsEveryCopyIsRead() {
    let worker = Worker<Int>(
      options: ParseOptions(), maxSize: 1 << 20, storedDigests: [], claims: nil, render: { _ in 1 })
    for ordinal in 0..<3 {
      #expect(!Self.isSkipped(worker.process((ordinal, Self.record(Self.seed, "\(ordinal)")))))
    }
  }
}

@Suite struct JSONReaderTests {
  @Test func readsValues() throws {
    let json = try JSONReader.read(
      Array(#" {"a": [1, -2.5e3, true, false, null], "b": "x\"\\\/\n\u4e2d\ud83d\ude00", "c": {}} "#.utf8)
    )
    #expect(
      json
        == .object([
          ("a", .array([.number("1"), .number("-2.5e3"), .bool(true), .bool(false), .null])),
          ("b", .string("x\"\\/\n中😀")), ("c", .object([])),
        ])
    )
  }

  @Test(arguments: [
    "", "{", "[1,]", "{\"a\" 1}", "01", "1.", "\"\\x\"", "\"a", "tru", "{} x", "\"\u{01}\"", "-",
  ])
  func refusesInvalidJSON(text: String) {
    #expect(throws: JSONReader.Failure.self) { try JSONReader.read(Array(text.utf8)) }
  }

  @Test func loneSurrogateBecomesReplacement() throws {
    #expect(try JSONReader.read(Array(#""\ud800x""#.utf8)) == .string("\u{FFFD}x"))
  }

  @Test func refusesDeepNesting() {
    let deep = String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)
    #expect(throws: JSONReader.Failure.self) { try JSONReader.read(Array(deep.utf8)) }
  }
}

@Suite struct RecordTests {
  @Test func readsRecords() {
    let text = RecordReader.record(Array(#"{"id": 7, "text": "abc"}"#.utf8), line: 1)
    #expect(text.id == .number("7") && text.label == "7")
    guard case .text(let bytes) = text.content else {
      Issue.record("not text")
      return
    }
    #expect(bytes == Array("abc".utf8))
    let path = RecordReader.record(Array(#"{"path": "a/b.txt"}"#.utf8), line: 4)
    #expect(path.id == .null && path.label == "a/b.txt")
    for bad in [#"[1]"#, #"{"id": 1}"#, #"{"text": 5}"#, #"{"path": []}"#, "nope"] {
      guard case .invalid = RecordReader.record(Array(bad.utf8), line: 2).content else {
        Issue.record("\(bad) was accepted")
        continue
      }
    }
  }

  @Test func lineReaderSplitsAndLimits() {
    var fds: [Int32] = [-1, -1]
    _ = pipe(&fds)
    _ = FileSystem.writeAll(fds[1], Array("one\r\ntwo\n\(String(repeating: "x", count: 100))\nlast".utf8))
    close(fds[1])
    let reader = LineReader(fd: fds[0], maxLineLength: 50)
    var lines: [String] = []
    while let line = reader.next() {
      switch line {
      case .text(let bytes): lines.append(String(decoding: bytes, as: UTF8.self))
      case .tooLong(let length): lines.append("<\(length)>")
      }
    }
    close(fds[0])
    #expect(lines == ["one", "two", "<100>", "last"])
  }
}

@Suite struct InputPathsTests {
  @Test func walksDirectoriesInOrderWithTheGlob() {
    let directory = Support.temporaryDirectory()
    defer { Support.removeTree(directory) }
    for folder in ["b", "a", ".hidden", "a/z"] { _ = mkdirPath(directory + "/" + folder) }
    for file in ["b/2.txt", "b/1.txt", "a/x.md", "a/y.txt", "a/z/w.txt", ".hidden/h.txt", "top.TXT", "top.txt"] {
      Support.write(directory + "/" + file, [0x41])
    }
    let found = InputPaths.expand([directory, directory + "/a/x.md", directory + "/none.txt"], glob: "*.txt") { [] }
    #expect(
      found.map(\.path)
        == ["a/y.txt", "a/z/w.txt", "b/1.txt", "b/2.txt", "top.txt", "a/x.md", "none.txt"].map { directory + "/" + $0 }
    )
    #expect(found.last?.size == nil)
    let nested = InputPaths.expand([directory], glob: "a/*/*.txt") { [] }
    #expect(nested.map(\.path) == [directory + "/a/z/w.txt"])
    let listed = InputPaths.expand(["-"], glob: "*.txt") { [directory + "/b", directory + "/top.TXT"] }
    #expect(listed.map(\.path) == ["b/1.txt", "b/2.txt", "top.TXT"].map { directory + "/" + $0 })
  }
}

@Suite struct DocumentationTests {
  /// Docs/batch.md names every column of every table, so a column added to a schema is
  /// documented too.
  @Test func everyColumnIsDocumented() {
    let text = String(decoding: Support.read(Support.packageRoot + "/Docs/batch.md"), as: UTF8.self)
    for table in BatchTables.descriptions {
      #expect(text.contains("**\(table.name)**"), "table \(table.name)")
      for (name, _) in table.columns { #expect(text.contains("`\(name)`"), "\(table.name).\(name)") }
    }
  }
}
