import Testing

@testable import Jixiao

@Suite struct JSONWriterTests {
  @Test(arguments: [0, 7, -7, 10, 1_000_000, Int.max, Int.min, -1_234_567_890])
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
