import Foundation
import Testing

@testable import Jixiao

/// A developer tool, off by default: shrinks an input that loses a cell to a minimal one that
/// still loses a cell with the same text (line-based delta debugging).
///
///     JIXIAO_REDUCE=/tmp/lost/x.txt JIXIAO_REDUCE_TEXT='效益指标' swift test --filter LosslessReducer
///
/// writes `/tmp/lost/x.txt.min`.
@Suite("Lossless reducer")
struct LosslessReducer {
  static let environment = ProcessInfo.processInfo.environment

  @Test(.enabled(if: environment["JIXIAO_REDUCE"] != nil))
  func reduce() throws {
    let path = try #require(Self.environment["JIXIAO_REDUCE"])
    let text = try #require(Self.environment["JIXIAO_REDUCE_TEXT"])
    let bytes = try Robustness.bytes(URL(fileURLWithPath: path))
    func losesCell(_ lines: [[UInt8]]) -> Bool {
      var result = LosslessInvariant.Result()
      LosslessInvariant.check(Array(lines.joined(separator: [0x0A])), document: "r", mutation: "r", into: &result)
      return result.losses.contains { $0.cell.text.hasPrefix(text) }
    }
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    #expect(losesCell(lines), "the input does not lose '\(text)'")
    var chunk = lines.count / 2
    while chunk >= 1 {
      var start = 0
      var removedAny = false
      while start < lines.count {
        var candidate = lines
        candidate.removeSubrange(start..<min(start + chunk, lines.count))
        if !candidate.isEmpty && losesCell(candidate) {
          lines = candidate
          removedAny = true
        } else {
          start += chunk
        }
      }
      if !removedAny { chunk /= 2 }
    }
    try Data(lines.joined(separator: [0x0A])).write(to: URL(fileURLWithPath: path + ".min"))
    print("reduced to \(lines.count) lines: \(path).min")
  }
}
