import Jixiao

/// The generated corpus: Corpus documents repeated under varied names.
enum CorpusBuilder {
  struct Corpus {
    var directory: String
    var pathsFile: String
    var files: Int
    var bytes: Int
  }

  /// Copies the seeds round-robin into `DIR/corpus/dNNN/NNNNNN-NAME` until `megabytes` are
  /// written, 1000 files per folder, and lists the paths in `DIR/paths.txt`.
  static func build(from seeds: [String], into directory: String, megabytes: Int) -> Corpus {
    let contents = seeds.map {
      (name: $0.split(separator: "/").last.map(String.init) ?? "x.txt", bytes: Files.read($0) ?? [])
    }
    let root = directory + "/corpus"
    Files.makeDirectory(root)
    var paths: [UInt8] = []
    var total = 0
    var count = 0
    while total < megabytes * 1_000_000 {
      let seed = contents[count % contents.count]
      let folder = root + "/d" + padded(count / 1000, 3)
      if count % 1000 == 0 { Files.makeDirectory(folder) }
      let path = folder + "/" + padded(count, 6) + "-" + seed.name
      Files.write(path, seed.bytes)
      paths += Array((path + "\n").utf8)
      total += seed.bytes.count
      count += 1
    }
    Files.write(directory + "/paths.txt", paths)
    return Corpus(directory: root, pathsFile: directory + "/paths.txt", files: count, bytes: total)
  }

  static func load(_ directory: String) -> Corpus {
    guard let list = Files.read(directory + "/paths.txt") else { fail("no paths.txt in \(directory)") }
    let paths = String(decoding: list, as: UTF8.self).split(separator: "\n")
    var bytes = 0
    for path in paths { bytes += Files.read(String(path))?.count ?? 0 }
    return Corpus(
      directory: directory + "/corpus",
      pathsFile: directory + "/paths.txt",
      files: paths.count,
      bytes: bytes
    )
  }

  /// One document made of `seed` repeated to about `megabytes`.
  static func largeDocument(from seed: String, megabytes: Int, to path: String) -> Int {
    let bytes = Files.read(seed) ?? []
    var document: [UInt8] = []
    document.reserveCapacity(megabytes * 1_000_000 + bytes.count)
    while document.count < megabytes * 1_000_000 {
      document += bytes
      document.append(0x0A)
    }
    Files.write(path, document)
    return document.count
  }

  static func padded(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return String(repeating: "0", count: max(0, width - text.count)) + text
  }
}

/// The floor: only what any reader of these files must do, decode and NFKC-normalise.
enum Floor {
  static func run(pathsFile: String) {
    guard let list = Files.read(pathsFile) else { fail("cannot read \(pathsFile)") }
    var characters = 0
    for path in String(decoding: list, as: UTF8.self).split(separator: "\n") {
      guard let bytes = Files.read(String(path)) else { continue }
      guard let (text, _) = try? SourceDecoder.decode(bytes, path: String(path)) else { continue }
      characters += ICU.nfkc(String(decoding: text.utf8, as: UTF8.self)).utf8.count
    }
    say(String(characters))
  }
}
