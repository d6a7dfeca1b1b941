#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An output that cannot be created or written: the batch stops (unlike a bad input).
public struct OutputError: Error, Sendable, Equatable {
  public var message: String
  /// DESIGN.md: 73 the output cannot be created, 74 an I/O error while writing.
  public var exitCode: Int32

  static func cannotCreate(_ path: String, _ reason: String) -> OutputError {
    OutputError(message: "\(path): cannot create the output (\(reason))", exitCode: 73)
  }

  static func exists(_ path: String) -> OutputError {
    OutputError(message: "\(path): already exists; use --force to replace it", exitCode: 73)
  }

  static func writeFailed(_ path: String, _ reason: String) -> OutputError {
    OutputError(message: "\(path): write failed (\(reason))", exitCode: 74)
  }
}

/// Buffered writes to a file descriptor. `flushEachWrite` makes every `write` reach the
/// descriptor at once (standard output read by another program line by line).
final class OutputStream {
  let fd: Int32
  let name: String
  private let flushEachWrite: Bool
  private var buffer: [UInt8] = []
  private let capacity = 1 << 18

  init(fd: Int32, name: String, flushEachWrite: Bool) {
    self.fd = fd
    self.name = name
    self.flushEachWrite = flushEachWrite
  }

  func write(_ bytes: [UInt8]) throws(OutputError) {
    if flushEachWrite || bytes.count >= capacity {
      try flush()
      guard FileSystem.writeAll(fd, bytes) else { throw .writeFailed(name, FileSystem.errorText) }
      return
    }
    if buffer.count + bytes.count > capacity { try flush() }
    buffer.append(contentsOf: bytes)
  }

  func flush() throws(OutputError) {
    guard !buffer.isEmpty else { return }
    defer { buffer.removeAll(keepingCapacity: true) }
    guard FileSystem.writeAll(fd, buffer) else { throw .writeFailed(name, FileSystem.errorText) }
  }
}

/// A file written under a temporary name beside its final path and renamed into place by
/// `commit`, so an interrupted run never leaves half a file where the output belongs.
final class AtomicFile {
  let path: String
  let temporaryPath: String
  let stream: OutputStream
  private var isOpen = true

  /// Refuses an existing `path` unless `force`; the temporary file is `.NAME.tmp-PID` in
  /// the same directory (hidden, and named after the process that left it).
  init(path: String, force: Bool) throws(OutputError) {
    if FileSystem.exists(path) {
      guard force else { throw .exists(path) }
      if case (.directory, _)? = FileSystem.kind(of: path) {
        throw .cannotCreate(path, "is a directory")
      }
    }
    self.path = path
    temporaryPath = FileSystem.join(
      FileSystem.parent(of: path),
      ".\(FileSystem.lastComponent(of: path)).tmp-\(FileSystem.processID)"
    )
    let fd = open(temporaryPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard fd >= 0 else { throw .cannotCreate(path, FileSystem.errorText) }
    stream = OutputStream(fd: fd, name: path, flushEachWrite: false)
  }

  func write(_ bytes: [UInt8]) throws(OutputError) { try stream.write(bytes) }

  /// Flushes, syncs and renames the file into place.
  func commit() throws(OutputError) {
    try stream.flush()
    guard fsync(stream.fd) == 0 || errno == EINVAL else { throw .writeFailed(path, FileSystem.errorText) }
    close(stream.fd)
    isOpen = false
    guard rename(temporaryPath, path) == 0 else {
      let reason = FileSystem.errorText
      unlink(temporaryPath)
      throw .cannotCreate(path, reason)
    }
  }

  /// Removes the temporary file (after an error).
  func abandon() {
    if isOpen {
      close(stream.fd)
      isOpen = false
    }
    unlink(temporaryPath)
  }
}
