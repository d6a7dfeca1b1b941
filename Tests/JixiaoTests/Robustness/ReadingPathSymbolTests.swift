import Foundation
import Testing

/// The reading path calls nothing from _StringProcessing.
///
/// `String.contains(_: String)`, `ranges(of:)`, `firstRange(of:)`, `replacing(_:with:)` and
/// `split(separator:)` with a string all come from _StringProcessing, which copies the text
/// into an array of characters and builds a search table for every call: 20,000 to 80,000
/// instructions to look for 单位 in a cell. Three such calls, each added for a reading rule
/// (a block label's fragment, a unit annotation, a ditto mark compared by `switch`), made a
/// fifth of the instructions of a whole batch in one session, and no test noticed. The byte
/// helpers in `ByteMatching.swift` do the same on NFKC keys at a small fraction of the cost.
///
/// Which source calls what is read from the compiled objects (`nm -u`): a call through a
/// variable (`label.contains(key)`) looks like any other call in the source, but not in the
/// symbol table. Rendering and output (`Sources/Jixiao/Output`, the segmentation dump) run
/// once per document on finished text and may use them.
@Suite struct ReadingPathSymbolTests {
  @Test func readingPathDoesNotCallStringProcessing() throws {
    let objects = try #require(Self.objectFolder, "no compiled objects of the Jixiao module beside the test binary")
    let files = try FileManager.default.contentsOfDirectory(atPath: objects.path).filter { $0.hasSuffix(".swift.o") }.sorted()
    #expect(files.count > 100, "expected the module's objects in \(objects.path), found \(files.count)")
    let allowed = Self.outputSources.union(["SegmentationDump.swift.o"])
    let checked = files.filter { !allowed.contains($0) }.map { objects.appendingPathComponent($0) }
    var offenders: [String] = []
    for (file, symbols) in try Self.undefinedSymbols(of: checked) {
      let stringProcessing = symbols.filter { $0.contains("17_StringProcessing") }
      if !stringProcessing.isEmpty { offenders.append("\(file): \(stringProcessing.joined(separator: ", "))") }
    }
    #expect(offenders.isEmpty, "the reading path calls _StringProcessing (use containsBytes, replacingBytes, componentsBytes):\n\(offenders.joined(separator: "\n"))")
  }

  /// The check itself finds such a call: the output folder's renderers use `replacing`.
  @Test func theCheckSeesACallWhereThereIsOne() throws {
    let objects = try #require(Self.objectFolder)
    let symbols = try Self.undefinedSymbols(of: [objects.appendingPathComponent("Renderer+Text.swift.o")])
    #expect(symbols.count == 1)
    #expect(symbols.values.joined().contains { $0.contains("17_StringProcessing") })
  }

  /// `Jixiao.build` beside the test binary (SwiftPM builds every module into the same folder).
  static let objectFolder: URL? = {
    guard let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
    var folder = URL(fileURLWithPath: executable).deletingLastPathComponent()
    for _ in 0..<4 {
      let candidate = folder.appendingPathComponent("Jixiao.build")
      if FileManager.default.fileExists(atPath: candidate.appendingPathComponent("Tokenizer.swift.o").path) { return candidate }
      folder.deleteLastPathComponent()
    }
    return nil
  }()

  /// The object names of `Sources/Jixiao/Output/*.swift`.
  static let outputSources: Set<String> = {
    let folder = Robustness.packageRoot.appendingPathComponent("Sources/Jixiao/Output")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return Set(names.filter { $0.hasSuffix(".swift") }.map { $0 + ".o" })
  }()

  /// Each object's undefined symbols, from one `nm -u -A` (every line `FILE: SYMBOL`).
  static func undefinedSymbols(of objects: [URL]) throws -> [String: [String]] {
    let result = try Robustness.run("/usr/bin/env", ["nm", "-u", "-A"] + objects.map(\.path))
    #expect(result.status == 0, "nm -u: \(result.stderr)")
    var symbols: [String: [String]] = [:]
    for line in String(decoding: result.stdout, as: UTF8.self).split(separator: "\n") {
      guard let colon = line.firstIndex(of: ":") else { continue }
      let file = URL(fileURLWithPath: String(line[..<colon])).lastPathComponent
      symbols[file, default: []].append(String(line.split(separator: " ").last ?? ""))
    }
    return symbols
  }
}
