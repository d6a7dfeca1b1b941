/// A file to read, found on the command line, in a directory, or in a list on stdin.
struct InputPath: Sendable, Hashable {
  var path: String
  /// The size from `stat`, for progress; nil when the file could not be seen.
  var size: Int?
}

/// Expands the `PATH…` arguments of `jixiao batch` into the files to read, in a fixed order.
///
/// Files are taken as named, whatever `glob` says; directories are walked recursively in
/// byte order of their names, keeping regular files whose name matches `glob` and skipping
/// hidden entries (`.git`, editor backups) and symbolic links to directories (no cycles).
/// `-` reads more arguments from `lines`, one per line. A path that does not exist is kept:
/// reading it fails, and the batch reports it like any other unreadable file.
enum InputPaths {
  static func expand(_ arguments: [String], glob: String, standardInputLines: () -> [String]) -> [InputPath] {
    var paths: [InputPath] = []
    for argument in arguments {
      if argument == "-" {
        for line in standardInputLines() { add(line, glob: glob, into: &paths) }
      } else {
        add(argument, glob: glob, into: &paths)
      }
    }
    return paths
  }

  private static func add(_ path: String, glob: String, into paths: inout [InputPath]) {
    guard let (kind, size) = FileSystem.kind(of: path) else {
      paths.append(InputPath(path: path, size: nil))
      return
    }
    switch kind {
    case .directory: walk(path, relative: "", glob: glob, into: &paths)
    case .file, .other: paths.append(InputPath(path: path, size: size))
    }
  }

  private static func walk(_ directory: String, relative: String, glob: String, into paths: inout [InputPath]) {
    guard let names = FileSystem.entries(of: directory) else {
      // Unreadable directory: let the read report it.
      paths.append(InputPath(path: directory, size: nil))
      return
    }
    for name in names where !name.hasPrefix(".") {
      let path = FileSystem.join(directory, name)
      let relativePath = relative.isEmpty ? name : relative + "/" + name
      guard let (kind, size) = FileSystem.kind(of: path) else { continue }
      switch kind {
      case .directory:
        if !FileSystem.isSymbolicLink(path) { walk(path, relative: relativePath, glob: glob, into: &paths) }
      case .file:
        // A glob with a slash matches the path below the directory argument.
        let subject = glob.contains("/") ? relativePath : name
        if FileSystem.matches(subject, glob: glob) { paths.append(InputPath(path: path, size: size)) }
      case .other:
        continue
      }
    }
  }
}

/// Splits a file descriptor's bytes into lines (LF, with a trailing CR dropped), reading
/// in chunks so a line is available as soon as it has arrived.
final class LineReader {
  private let fd: Int32
  private var buffer: [UInt8] = []
  private var start = 0
  private var scanned = 0
  private var atEnd = false
  /// Lines longer than this are cut off and reported by `lineTooLong`.
  let maxLineLength: Int
  private(set) var lineNumber = 0

  init(fd: Int32, maxLineLength: Int) {
    self.fd = fd
    self.maxLineLength = maxLineLength
  }

  enum Line {
    case text([UInt8])
    /// The line was longer than `maxLineLength`; its bytes were discarded.
    case tooLong(Int)
  }

  /// The next line without its terminator; nil at the end of input.
  func next() -> Line? {
    var overflow = 0
    while true {
      if let newline = buffer[scanned...].firstIndex(of: 0x0A) {
        var end = newline
        if end > start && buffer[end - 1] == 0x0D { end -= 1 }
        let length = overflow + end - start
        let line = length > maxLineLength ? [] : Array(buffer[start..<end])
        start = newline + 1
        scanned = start
        compact()
        lineNumber += 1
        if length > maxLineLength { return .tooLong(length) }
        return .text(line)
      }
      scanned = buffer.count
      if buffer.count - start > maxLineLength {
        overflow += buffer.count - start
        buffer.removeAll(keepingCapacity: true)
        start = 0
        scanned = 0
      }
      if atEnd {
        guard start < buffer.count || overflow > 0 else { return nil }
        var end = buffer.count
        if end > start && buffer[end - 1] == 0x0D { end -= 1 }
        let length = overflow + end - start
        let line = length > maxLineLength ? [] : Array(buffer[start..<end])
        buffer.removeAll()
        start = 0
        scanned = 0
        lineNumber += 1
        if length > maxLineLength { return .tooLong(length) }
        return .text(line)
      }
      fill()
    }
  }

  private func compact() {
    if start > 1 << 16 && start * 2 > buffer.count {
      buffer.removeSubrange(0..<start)
      scanned -= start
      start = 0
    }
  }

  private func fill() {
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let got = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
      if got < 0 && errno == EINTR { continue }
      if got <= 0 {
        atEnd = true
        return
      }
      buffer.append(contentsOf: chunk[0..<got])
      return
    }
  }

  /// Every remaining line as text (the `-` path list), blank lines dropped.
  func remainingNonBlankLines() -> [String] {
    var lines: [String] = []
    while let line = next() {
      guard case .text(let bytes) = line else { continue }
      let text = String(decoding: bytes, as: UTF8.self)
      if !text.allSatisfy({ $0 == " " || $0 == "\t" }) { lines.append(text) }
    }
    return lines
  }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
