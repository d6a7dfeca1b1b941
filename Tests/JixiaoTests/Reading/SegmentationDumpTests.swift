import Testing

@testable import Jixiao

@Suite struct SegmentationDumpTests {
  static let goal = "本项目年度建设内容如下：一是开展集中清理整治行动，二是施划停车位并签订门前五包责任书"

  /// `jixiao dump` shortens each cell to 24 characters; `--full` shows it whole, on the same
  /// rows.
  @Test func fullCellsAreWhole() throws {
    let bytes = Array("项目名称\t城管队业务工作经费\n年度总体目标\t\(Self.goal)\n".utf8)
    let short = try SegmentationDump.dump(bytes, path: "t.txt")
    let full = try SegmentationDump.dump(bytes, path: "t.txt", fullCells: true)
    #expect(!short.contains(Self.goal))
    #expect(short.contains(String(Self.goal.prefix(24)) + "\n"))
    #expect(full.contains(Self.goal))
    #expect(full.split(separator: "\n").count == short.split(separator: "\n").count)
  }
}
