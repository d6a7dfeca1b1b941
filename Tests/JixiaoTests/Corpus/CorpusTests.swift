import Testing

@testable import Jixiao

#if canImport(Glibc)
  import Glibc
#endif

/// Golden files: every `Corpus/**/*.txt` is parsed through the library entry point and
/// compared with `NAME.expected.json` beside it (hand-checked against the source).
/// `JIXIAO_RECORD=1 swift test --filter CorpusTests` rewrites the existing expected files and
/// fails, so that someone reads each diff against its source document before committing it;
/// `JIXIAO_RECORD=new:Corpus/public/104` also creates golden files for documents under that
/// prefix (only once they have been checked by hand).
@Suite struct CorpusTests {
  static let root: String = {
    var path = #filePath
    for _ in 0..<4 { path = CorpusFiles.parent(path) }
    return path
  }()

  static let documents: [String] = CorpusFiles.list(root + "/Corpus")

  static func shouldRecord(_ path: String, mode: String, exists: Bool) -> Bool {
    if mode == "1" { return exists }
    if mode.hasPrefix("new:") { return path.hasPrefix(String(mode.dropFirst(4))) }
    return false
  }

  @Test func corpusIsPresent() {
    #expect(Self.documents.filter { $0.hasPrefix("Corpus/seeds/") }.count == 4)
  }

  @Test(arguments: documents)
  func matchesGoldenFile(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(Self.root + "/" + relativePath))
    let actual: String
    do {
      let document = try Jixiao.parse(bytes, path: relativePath)
      actual = String(decoding: DocumentEncoder.encode(document, language: .en), as: UTF8.self)
    } catch {
      actual = "error \(error.exitCode): \(error.message)\n"
    }
    let base = String(relativePath.dropLast(4))
    let expectedJSON = Self.root + "/" + base + ".expected.json"
    let expectedError = Self.root + "/" + base + ".expected-error.txt"
    let isError = actual.hasPrefix("error ")
    let expectedPath = isError ? expectedError : expectedJSON
    let existing = CorpusFiles.read(expectedJSON) ?? CorpusFiles.read(expectedError)
    if let record = CorpusFiles.environment("JIXIAO_RECORD"), Self.shouldRecord(relativePath, mode: record, exists: existing != nil) {
      CorpusFiles.write(expectedPath, actual)
      Issue.record("recorded \(expectedPath): read the diff against the source before committing")
      return
    }
    guard let expectedBytes = existing else {
      // Documents not hand-checked yet must still read without a crash.
      return
    }
    let expected = String(decoding: expectedBytes, as: UTF8.self)
    if expected != actual {
      Issue.record(Comment(rawValue: "\(relativePath) differs from its golden file:\n" + LineDiff.describe(expected: expected, actual: actual)))
    }
  }
}

/// A short line diff: the first differing lines with context.
enum LineDiff {
  static func describe(expected: String, actual: String, limit: Int = 12) -> String {
    let old = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let new = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var output: [String] = []
    var shown = 0
    var index = 0
    while index < max(old.count, new.count) && shown < limit {
      let a = index < old.count ? old[index] : nil
      let b = index < new.count ? new[index] : nil
      if a != b {
        if let a { output.append("  \(index + 1) - \(a)") }
        if let b { output.append("  \(index + 1) + \(b)") }
        shown += 1
      }
      index += 1
    }
    if old.count != new.count { output.append("  (expected \(old.count) lines, got \(new.count))") }
    return output.joined(separator: "\n")
  }
}

/// File access for tests without Foundation.
enum CorpusFiles {
  static func parent(_ path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return String(path[..<slash])
  }

  static func read(_ path: String) -> [UInt8]? {
    guard let file = fopen(path, "rb") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while true {
      let count = fread(&buffer, 1, buffer.count, file)
      if count <= 0 { break }
      bytes.append(contentsOf: buffer[0..<count])
    }
    return bytes
  }

  static func write(_ path: String, _ text: String) {
    guard let file = fopen(path, "wb") else { return }
    defer { fclose(file) }
    let bytes = Array(text.utf8)
    _ = fwrite(bytes, 1, bytes.count, file)
  }

  static func environment(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }

  /// Every `.txt` under `directory`, as paths relative to its parent, sorted.
  static func list(_ directory: String) -> [String] {
    let rootLength = parent(directory).count + 1
    var found: [String] = []
    func walk(_ path: String) {
      guard let handle = opendir(path) else { return }
      defer { closedir(handle) }
      while let entry = readdir(handle) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
          String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
        if name.hasPrefix(".") { continue }
        let full = path + "/" + name
        if entry.pointee.d_type == UInt8(DT_DIR) {
          walk(full)
        } else if name.hasSuffix(".txt") && !name.hasSuffix(".expected-error.txt") {
          found.append(String(full.dropFirst(rootLength)))
        }
      }
    }
    walk(directory)
    return found.sorted()
  }
}
