import Foundation
import Testing

@testable import Jixiao

@Suite("Lossless invariant")
struct LosslessInvariantTests {
  /// Mutations per corpus document, cycling through every kind.
  static let mutationsPerDocument = 35

  /// Seeds are fixed: a failure names its document, mutation and seed, and replays exactly.
  static func seed(_ document: String, _ index: Int) -> UInt64 {
    var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    for byte in document.utf8 {
      hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
    }
    return hash ^ UInt64(index)
  }

  @Test("every cell of every corpus document and of its mutations is accounted for")
  func corpusAndMutations() throws {
    var result = LosslessInvariant.Result()
    for file in Robustness.corpusFiles {
      let name = Robustness.relativePath(file)
      let original = try Robustness.bytes(file)
      LosslessInvariant.check(original, document: name, mutation: "original", into: &result)
      for index in 0..<Self.mutationsPerDocument {
        let mutation = Mutation.allCases[index % Mutation.allCases.count]
        var random = SeededGenerator(seed: Self.seed(name, index))
        let (bytes, detail) = mutation.apply(original, &random)
        LosslessInvariant.check(
          bytes, document: name, mutation: "#\(index) \(mutation.rawValue) \(detail)", into: &result)
      }
    }
    let refused = result.refused.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
    print(
      "lossless invariant: \(result.cellsChecked) cells checked in \(result.variants) inputs "
        + "(\(Robustness.corpusFiles.count) documents × \(Self.mutationsPerDocument + 1)); refused: \(refused); "
        + "losses: \(result.losses.count)")
    for loss in result.losses.prefix(2000) { print("  lost: \(loss)") }
    if let directory = ProcessInfo.processInfo.environment["JIXIAO_LOSSLESS_DUMP"] {
      try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
      for (name, bytes) in result.failingInputs {
        let file = name.map { $0.isLetter || $0.isNumber || $0 == "#" ? $0 : "_" }
        try Data(bytes).write(to: URL(fileURLWithPath: directory).appendingPathComponent(String(file) + ".txt"))
      }
    }
    #expect(result.cellsChecked > 10_000)
    #expect(result.losses.isEmpty, "\(result.losses.count) cells lost; first: \(result.losses.first.map { "\($0)" } ?? "")")
  }
}
