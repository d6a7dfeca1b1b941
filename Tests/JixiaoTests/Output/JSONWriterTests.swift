import Testing

@testable import Jixiao

@Suite struct JSONWriterTests {
  @Test(arguments: [0, 7, -7, 9, 10, 99, 100, 999, 1000, 9999, 10_000, 99_999, 100_000, 1_000_000, Int.max, Int.min, -1_234_567_890])
  func integersAreWrittenAsSwiftPrintsThem(value: Int) {
    var writer = JSONWriter(pretty: false)
    writer.int(value)
    #expect(String(decoding: writer.bytes, as: UTF8.self) == String(value))
  }

  /// Keys of a tree read from input (a batch record's `id` object) are escaped and read back.
  @Test func keysFromDataAreEscaped() throws {
    let tree = JSON.object([("a\"b\\c\n", .number("1")), ("行", .null)])
    let bytes = tree.render(pretty: false)
    #expect(String(decoding: bytes, as: UTF8.self) == #"{"a\"b\\c\n":1,"行":null}"#)
    #expect(try JSONReader.read(bytes) == tree)
  }
}

@Suite struct JSONWriterKeyTests {
  /// A one-character literal can be stored as a scalar without a pointer: keys and literals of
  /// every length come out whole.
  @Test func keysOfEveryLength() {
    var writer = JSONWriter(pretty: false)
    writer.object { w in
      w.field("x", "1")
      w.field("ab", int: 2)
      w.field("sharesNameAndTargetWithAbove", bool: true)
      w.field("n", nil as String?)
    }
    #expect(String(decoding: writer.bytes, as: UTF8.self) == #"{"x":"1","ab":2,"sharesNameAndTargetWithAbove":true,"n":null}"#)
  }

  /// A writer with a sink hands over the same bytes as one without, whatever the chunk size.
  @Test(arguments: [1, 7, 64, 1 << 16])
  func chunksJoinToTheWholeText(chunkSize: Int) {
    func write(_ w: inout JSONWriter) {
      w.object { w in
        for index in 0..<50 { w.field("key", "值\(index)\n\"引号\"") }
      }
    }
    var whole = JSONWriter(pretty: true)
    write(&whole)
    var chunks: [UInt8] = []
    var streamed = JSONWriter(pretty: true, chunkSize: chunkSize) { chunks += $0 }
    write(&streamed)
    streamed.flush()
    #expect(chunks == whole.bytes)
  }
}
