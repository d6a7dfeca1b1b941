#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Jixiao

/// Reads a whole input file (or standard input for `-`) with a size limit, turning every
/// failure into an `InputError` that names the file.
enum InputFile {
  /// 16 MiB: far above any disclosure (the largest seed is 50 KB). Reading takes about 30
  /// times a document's size in memory, so this keeps one document (and one per batch job)
  /// around half a gigabyte at worst.
  static let defaultMaxSize = 16 << 20

  static func read(_ path: String, maxSize: Int) throws(InputError) -> [UInt8] {
    if path == "-" { return try readAll(fd: 0, path: "<stdin>", maxSize: maxSize) }
    var status = stat()
    if stat(path, &status) != 0 {
      if errno == ENOENT || errno == ENOTDIR { throw .notFound(path: path) }
      throw .unreadable(path: path, reason: String(cString: strerror(errno)))
    }
    if (status.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory(path: path) }
    if (status.st_mode & S_IFMT) == S_IFREG && Int(status.st_size) > maxSize {
      throw .tooLarge(path: path, bytes: Int(status.st_size), limit: maxSize)
    }
    let fd = open(path, O_RDONLY)
    if fd < 0 { throw .unreadable(path: path, reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    let size = (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : 0
    return try readAll(fd: fd, path: path, maxSize: maxSize, expected: size)
  }

  /// Reads to the end, stopping as soon as more than `maxSize` bytes arrived (a stream has
  /// no size to check first). `expected` sizes the buffer once for a regular file.
  private static func readAll(fd: Int32, path: String, maxSize: Int, expected: Int = 0)
    throws(InputError) -> [UInt8]
  {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(min(expected, maxSize) + 1)
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
      let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw .unreadable(path: path, reason: String(cString: strerror(errno)))
      }
      if count == 0 { break }
      bytes.append(contentsOf: chunk[0..<count])
      if bytes.count > maxSize { throw .tooLarge(path: path, bytes: bytes.count, limit: maxSize) }
    }
    return bytes
  }
}

/// Writes to standard output and standard error without Foundation.
enum Console {
  /// Writes all of `bytes` to standard output; the reason when that fails (a full disk, a
  /// closed pipe with SIGPIPE ignored).
  @discardableResult
  static func out(_ bytes: [UInt8]) -> String? { OutputFile.writeAll(1, bytes) }

  @discardableResult
  static func out(_ text: String) -> String? { out(Array(text.utf8)) }

  /// Writes what `produce` emits to standard output chunk by chunk; the reason of the first
  /// failure (later chunks are not attempted).
  static func out(_ produce: (_ emit: @escaping ([UInt8]) -> Void) -> Void) -> String? {
    let failure = FirstFailure()
    produce { chunk in
      if failure.reason == nil { failure.reason = out(chunk) }
    }
    return failure.reason
  }

  static func error(_ text: String) {
    let bytes = Array((text + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
  }

  static var stderrIsTerminal: Bool { isatty(2) != 0 }
  static var stdoutIsTerminal: Bool { isatty(1) != 0 }

  static func environment(_ name: String) -> String? {
    guard let value = getenv(name) else { return nil }
    return String(cString: value)
  }

  /// Chinese for zh_* locales, English otherwise (LC_ALL, LC_MESSAGES, LANG in that order).
  static var localeLanguage: Language {
    for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      if let value = environment(name), !value.isEmpty {
        return value.lowercased().hasPrefix("zh") ? .zh : .en
      }
    }
    return .en
  }
}

/// The decoded lines of a file, for excerpts under findings.
enum SourceLines {
  static func lines(_ bytes: [UInt8], encoding: String?) -> [String] {
    guard let (text, _) = try? SourceDecoder.decode(bytes, path: "", encoding: encoding) else { return [] }
    return text.lines.indices.map { text.text(ofLine: $0) }
  }
}
