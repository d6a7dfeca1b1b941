import Jixiao
import Testing

@testable import JixiaoBatch

/// `jixiao batch --input jsonl -` driven through pipes, as Spark's RDD.pipe would.
@Suite struct StreamModeTests {
  static func record(_ members: [(String, JSON)]) -> [UInt8] {
    JSON.object(members).render(pretty: false) + [0x0A]
  }

  /// Each result arrives before the next record is sent: the tool flushes every line.
  @Test func answersEachRecordAsItArrives() throws {
    let child = ChildProcess([Support.jixiao, "batch", "--input", "jsonl", "-", "--jobs", "2", "--lang", "en"])
    let seed = try #require(Support.corpusFiles.first { $0.hasSuffix("000_68f22dc76fd3e3d9.txt") })
    let text = String(decoding: Support.read(seed), as: UTF8.self)

    child.send(Self.record([("id", .string("r1")), ("text", .string(text))]))
    let first = try JSONReader.read(try #require(child.readLine()))
    let expected = try Jixiao.parse(Array(text.utf8), path: "r1", options: ParseOptions())
    #expect(first == .object([("id", .string("r1")), ("document", DocumentEncoder.json(expected, language: .en))]))

    child.send(Array("{\"id\": 2, \"text\": \n".utf8))
    let second = try JSONReader.read(try #require(child.readLine()))
    #expect(second.member("id") == .null)
    #expect(second.member("error")?.member("kind") == .string("invalidRecord"))

    child.send(Self.record([("id", .number("3")), ("path", .string(seed))]))
    let third = try JSONReader.read(try #require(child.readLine()))
    #expect(third.member("id") == .number("3"))
    #expect(third.member("document")?.member("source")?.member("path") == .string(seed))

    child.closeInput()
    #expect(child.readLine() == nil)
    #expect(child.wait() == 3)
  }

  /// Many records at once come back in order, one line each, blank lines skipped.
  @Test func keepsOrderForManyRecords() throws {
    let child = ChildProcess([Support.jixiao, "batch", "--input", "jsonl", "-", "--jobs", "4", "--quiet"])
    var input: [UInt8] = []
    var expectedIDs: [JSON] = []
    for (index, path) in (Support.corpusFiles + Support.corpusFiles).enumerated() {
      let id = JSON.array([.number(String(index)), .string(path)])
      expectedIDs.append(id)
      if index % 2 == 0 {
        input += Self.record([("id", id), ("path", .string(path))])
      } else {
        input += Self.record([("id", id), ("text", .string(String(decoding: Support.read(path), as: UTF8.self)))])
        input += Array("   \n".utf8)
      }
    }
    // Write from another thread: the child answers while it reads.
    let writer = OSThread.start { [input] in
      child.send(input)
      child.closeInput()
    }
    var ids: [JSON] = []
    while let line = child.readLine() { ids.append(try JSONReader.read(line).member("id") ?? .null) }
    writer?.join()
    #expect(ids == expectedIDs)
    #expect(child.wait() == 3)
  }
}

extension ChildProcess: @unchecked Sendable {}
