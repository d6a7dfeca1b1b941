import Foundation
import Testing

@testable import Jixiao

/// The same bytes give byte-identical output: twice in a row, in any order of a batch, on
/// several threads at once (as `--jobs` will), and in separate processes (Swift seeds its
/// hashing per process, so anything that leaks a Dictionary's order shows up only there).
@Suite("Determinism")
struct DeterminismTests {
  static func render(_ bytes: [UInt8], path: String) -> [UInt8] {
    do {
      let document = try Jixiao.parse(bytes, path: path)
      return DocumentEncoder.encode(document, language: .zh, pretty: true)
    } catch {
      return Array(error.message.utf8)
    }
  }

  static func inputs() throws -> [(String, [UInt8])] {
    try (Robustness.corpusFiles + Robustness.inputFiles).map { (Robustness.relativePath($0), try Robustness.bytes($0)) }
  }

  @Test("twice, forwards, backwards and shuffled")
  func orders() throws {
    let inputs = try Self.inputs()
    let first = inputs.map { Self.render($1, path: $0) }
    #expect(inputs.map { Self.render($1, path: $0) } == first)
    let backwards = inputs.indices.reversed().map { ($0, Self.render(inputs[$0].1, path: inputs[$0].0)) }
    for (index, output) in backwards { #expect(output == first[index], "\(inputs[index].0) read last-to-first") }
    var random = SeededGenerator(seed: 7)
    for index in inputs.indices.shuffled(using: &random) {
      #expect(Self.render(inputs[index].1, path: inputs[index].0) == first[index], "\(inputs[index].0) shuffled")
    }
  }

  @Test("on four threads at once")
  func concurrently() async throws {
    let inputs = try Self.inputs()
    let first = inputs.map { Self.render($1, path: $0) }
    let outputs = await withTaskGroup(of: (Int, [UInt8]).self) { group in
      for round in 0..<4 {
        for index in inputs.indices {
          let (path, bytes) = inputs[(index + round * 5) % inputs.count]
          group.addTask { ((index + round * 5) % inputs.count, Self.render(bytes, path: path)) }
        }
      }
      var collected: [(Int, [UInt8])] = []
      for await result in group { collected.append(result) }
      return collected
    }
    #expect(outputs.count == inputs.count * 4)
    for (index, output) in outputs { #expect(output == first[index], "\(inputs[index].0) on a thread") }
  }

  /// `parse` streams its JSON in chunks; the chunks, joined, are the whole encoding, whatever
  /// their size (a chunk of 1 byte flushes at every element).
  @Test("streamed in chunks, the same bytes", arguments: [1, 97, 4096])
  func chunked(size: Int) throws {
    for (path, bytes) in try Self.inputs() {
      guard let document = try? Jixiao.parse(bytes, path: path) else { continue }
      for pretty in [true, false] {
        let whole = DocumentEncoder.encode(document, language: .zh, pretty: pretty)
        let chunks = Chunks()
        DocumentEncoder.encode(document, language: .zh, pretty: pretty, chunkSize: size) { chunks.all.append($0) }
        #expect(chunks.all.joined().elementsEqual(whole), "\(path), chunks of \(size)")
        #expect(chunks.all.count > 1 || whole.count <= size, "\(path): not streamed")
        #expect(chunks.all.dropLast().allSatisfy { $0.count >= size }, "\(path): a chunk under \(size) bytes before the last")
      }
    }
  }

  final class Chunks: @unchecked Sendable { var all: [[UInt8]] = [] }

  @Test("in separate processes")
  func acrossProcesses() throws {
    let binary = try #require(Robustness.cliBinary)
    for file in Robustness.corpusFiles {
      let runs = try (0..<3).map { _ in try Robustness.run(binary, ["parse", "--lang", "en", file.path]) }
      #expect(runs[1].stdout == runs[0].stdout && runs[2].stdout == runs[0].stdout, "\(Robustness.relativePath(file))")
      #expect(runs[1].stderr == runs[0].stderr && runs[2].stderr == runs[0].stderr)
    }
  }

  /// `batch` over the corpus and the regression inputs (refusals included), with one job and
  /// with three, in two orders: each document's line is the same every time, and a
  /// document's line is what `parse --compact` prints for it.
  @Test("batch: any --jobs, any order, same as parse")
  func batchOrders() throws {
    let binary = try #require(Robustness.cliBinary)
    let files = (Robustness.corpusFiles + Robustness.inputFiles).map(\.path)
    func lines(_ arguments: [String]) throws -> [String: String] {
      let outcome = try Robustness.run(binary, ["batch", "--lang", "en"] + arguments)
      #expect(outcome.status == 0 || outcome.status == 3, "\(outcome.stderr)")
      var byPath: [String: String] = [:]
      for line in String(decoding: outcome.stdout, as: UTF8.self).split(separator: "\n") {
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
        let path = ((object?["source"] as? [String: Any])?["path"] as? String) ?? (object?["path"] as? String)
        byPath[try #require(path, "a batch line without a path")] = String(line)
      }
      return byPath
    }
    let forwards = try lines(files + ["--jobs", "1"])
    #expect(forwards.count == files.count)
    #expect(try lines(files.reversed() + ["--jobs", "3"]) == forwards)
    var random = SeededGenerator(seed: 11)
    #expect(try lines(files.shuffled(using: &random) + ["--jobs", "2"]) == forwards)
    for file in Robustness.corpusFiles.prefix(6) {
      let parsed = try Robustness.run(binary, ["parse", "--compact", "--lang", "en", file.path])
      guard parsed.status == 0 else { continue }
      let line = String(decoding: parsed.stdout, as: UTF8.self).trimmingCharacters(in: .newlines)
      #expect(forwards[file.path] == line, "\(Robustness.relativePath(file)): batch and parse differ")
    }
  }
}
