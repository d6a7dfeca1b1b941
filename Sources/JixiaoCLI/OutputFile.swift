#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why `parse --output` could not write. Exit codes from DESIGN.md: 73 the output cannot be
/// created, 74 an I/O error while writing. The messages are those of `batch`
/// (JixiaoBatch's `OutputError`), so every subcommand words a failure the same way.
enum OutputFileError: Error, Equatable {
  case exists(path: String)
  case cannotCreate(path: String, reason: String)
  case writeFailed(path: String, reason: String)

  var message: String {
    switch self {
    case .exists(let path): "\(path): already exists; use --force to replace it"
    case .cannotCreate(let path, let reason): "\(path): cannot create the output (\(reason))"
    case .writeFailed(let path, let reason): "\(path): write failed (\(reason))"
    }
  }

  var exitCode: Int32 {
    switch self {
    case .exists, .cannotCreate: 73
    case .writeFailed: 74
    }
  }
}

/// Writes a whole output file so that readers only ever see the old file or the complete new
/// one: the bytes go to a temporary file in the same directory, which is then renamed into
/// place. An interrupted run leaves at most a `.NAME.jixiao-XXXXXX` file, never half of NAME.
enum OutputFile {
  static func write(_ bytes: [UInt8], to path: String, force: Bool) throws(OutputFileError) {
    try write(to: path, force: force) { emit in emit(bytes) }
  }

  /// Writes what `produce` emits, chunk by chunk, so that a large output is never held whole.
  static func write(
    to path: String, force: Bool, _ produce: (_ emit: @escaping ([UInt8]) -> Void) -> Void
  ) throws(OutputFileError) {
    var status = stat()
    if lstat(path, &status) == 0 {
      if (status.st_mode & S_IFMT) == S_IFDIR {
        throw .cannotCreate(path: path, reason: "is a directory")
      }
      if !force { throw .exists(path: path) }
    }
    let (directory, name) = split(path)
    var template = Array("\(directory)/.\(name).jixiao-XXXXXX".utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    if fd < 0 { throw .cannotCreate(path: path, reason: errorText()) }
    let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    var closed = false
    func discard() {
      if !closed { close(fd) }
      closed = true
      unlink(temporary)
    }
    // mkstemp creates the file 0600; give it the mode a plain create would.
    let mask = umask(0)
    umask(mask)
    fchmod(fd, 0o666 & ~mask)
    let failure = FirstFailure()
    produce { chunk in
      if failure.reason == nil { failure.reason = writeAll(fd, chunk) }
    }
    if let reason = failure.reason {
      discard()
      throw .writeFailed(path: path, reason: reason)
    }
    if fsync(fd) != 0 && errno != EINVAL {
      let reason = errorText()
      discard()
      throw .writeFailed(path: path, reason: reason)
    }
    closed = true
    if close(fd) != 0 {
      let reason = errorText()
      discard()
      throw .writeFailed(path: path, reason: reason)
    }
    if !force {
      // link() refuses an existing name atomically, so a file created since the check above
      // is not replaced either.
      if link(temporary, path) == 0 {
        unlink(temporary)
        return
      }
      if errno == EEXIST {
        discard()
        throw .exists(path: path)
      }
      // Filesystems without hard links: fall back to rename after the check above.
    }
    if rename(temporary, path) != 0 {
      let reason = errorText()
      discard()
      throw .cannotCreate(path: path, reason: reason)
    }
  }

  /// Writes everything, retrying short writes; the reason on failure.
  static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
      if written < 0 {
        if errno == EINTR { continue }
        return errorText()
      }
      if written == 0 { return "no progress writing" }
      offset += written
    }
    return nil
  }

  private static func split(_ path: String) -> (directory: String, name: String) {
    guard let slash = path.lastIndex(of: "/") else { return (".", path) }
    let directory = String(path[..<slash])
    return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
  }

  static func errorText() -> String { String(cString: strerror(errno)) }
}

/// The first write error of a streamed output; later chunks are not attempted.
final class FirstFailure {
  var reason: String?
}
