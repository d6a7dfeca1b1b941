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
    for pretty in [true, false] {
      var whole = JSONWriter(pretty: pretty)
      write(&whole)
      var chunks: [UInt8] = []
      var streamed = JSONWriter(pretty: pretty, chunkSize: chunkSize) { chunks += $0 }
      write(&streamed)
      streamed.flush()
      #expect(chunks == whole.bytes)
    }
  }
}

/// An object of four integers (a span) is written in one go on one line: the same bytes as
/// its members written one by one, pretty or not, inside an array and after other members,
/// whatever the chunk size of a sink.
@Suite struct JSONWriterIntegerObjectTests {
  static let values = [0, 7, -7, 99, 100, 12_345, Int.max, Int.min]

  private func write(_ w: inout JSONWriter, oneByOne: Bool) {
    w.array { w in
      for (index, value) in Self.values.enumerated() {
        w.element()
        w.object { w in
          w.field("name", "值")
          w.field("span") { w in
            let others = (Self.values[(index + 1) % Self.values.count], Self.values[(index + 3) % Self.values.count])
            if oneByOne {
              w.object { w in
                w.field("line", int: value)
                w.field("x", int: others.0)
                w.field("offset", int: others.1)
                w.field("length", int: -(value / 2))
              }
            } else {
              w.object("line", int: value, "x", int: others.0, "offset", int: others.1, "length", int: -(value / 2))
            }
          }
        }
      }
    }
  }

  @Test(arguments: [false, true])
  func sameBytesAsMemberByMember(pretty: Bool) {
    var expected = JSONWriter(pretty: pretty)
    write(&expected, oneByOne: true)
    var actual = JSONWriter(pretty: pretty)
    write(&actual, oneByOne: false)
    #expect(actual.bytes == expected.bytes)
    for chunkSize in [1, 5, 64] {
      var chunks: [UInt8] = []
      var streamed = JSONWriter(pretty: pretty, chunkSize: chunkSize) { chunks += $0 }
      write(&streamed, oneByOne: false)
      streamed.flush()
      #expect(chunks == expected.bytes)
    }
  }
}
