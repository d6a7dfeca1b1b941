import Jixiao

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// POSIX file access without Foundation: what the batch needs and nothing more.
enum FileSystem {
  enum Kind { case file, directory, other }

  /// The kind and size of `path`, following symbolic links; nil when it does not exist.
  static func kind(of path: String) -> (Kind, Int)? {
    var status = stat()
    guard stat(path, &status) == 0 else { return nil }
    switch status.st_mode & S_IFMT {
    case S_IFREG: return (.file, Int(status.st_size))
    case S_IFDIR: return (.directory, Int(status.st_size))
    default: return (.other, Int(status.st_size))
    }
  }

  static func exists(_ path: String) -> Bool {
    var status = stat()
    return lstat(path, &status) == 0
  }

  static var errorText: String { String(cString: strerror(errno)) }

  /// Reads a whole file, refusing more than `maxSize` bytes; every failure is an
  /// `InputError` naming the file, as `jixiao parse` reports it.
  static func read(_ path: String, maxSize: Int) throws(InputError) -> [UInt8] {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    if fd < 0 {
      if errno == ENOENT || errno == ENOTDIR { throw .notFound(path: path) }
      throw .unreadable(path: path, reason: errorText)
    }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0 else { throw .unreadable(path: path, reason: errorText) }
    if (status.st_mode & S_IFMT) == S_IFDIR { throw .isDirectory(path: path) }
    let expected = Int(status.st_size)
    if (status.st_mode & S_IFMT) == S_IFREG && expected > maxSize {
      throw .tooLarge(path: path, bytes: expected, limit: maxSize)
    }
    return try readAll(fd: fd, path: path, maxSize: maxSize, expected: expected)
  }

  /// Reads `fd` to its end. `expected` sizes the first allocation (a regular file's size),
  /// so a file is read into one buffer with no copying.
  static func readAll(
    fd: Int32,
    path: String,
    maxSize: Int,
    expected: Int = 0
  ) throws(InputError)
    -> [UInt8]
  {
    var capacity = max(expected + 1, 4096)
    var bytes = [UInt8](repeating: 0, count: capacity)
    var count = 0
    while true {
      if count == capacity {
        capacity *= 2
        bytes.append(contentsOf: repeatElement(0, count: capacity - bytes.count))
      }
      let got = bytes.withUnsafeMutableBytes { buffer in
        Glibc.read(fd, buffer.baseAddress.map { $0 + count }, capacity - count)
      }
      if got < 0 {
        if errno == EINTR { continue }
        throw .unreadable(path: path, reason: errorText)
      }
      if got == 0 { break }
      count += got
      if count > maxSize { throw .tooLarge(path: path, bytes: count, limit: maxSize) }
    }
    bytes.removeSubrange(count...)
    return bytes
  }

  /// Writes all of `bytes` to `fd`, retrying short writes; false on an error (errno set).
  static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    bytes.withUnsafeBytes { buffer in writeAll(fd, buffer) }
  }

  static func writeAll(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Bool {
    var offset = 0
    while offset < buffer.count {
      let written = write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        return false
      }
      offset += written
    }
    return true
  }

  /// Names in a directory, sorted by their bytes (as `LC_ALL=C ls`), without `.` and `..`.
  static func entries(of directory: String) -> [String]? {
    guard let stream = opendir(directory) else { return nil }
    defer { closedir(stream) }
    var names: [String] = []
    while let entry = readdir(stream) {
      let name = withUnsafePointer(to: &entry.pointee.d_name) { pointer in
        pointer.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name == "." || name == ".." { continue }
      names.append(name)
    }
    return names.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
  }

  static func isSymbolicLink(_ path: String) -> Bool {
    var status = stat()
    return lstat(path, &status) == 0 && (status.st_mode & S_IFMT) == S_IFLNK
  }

  static func join(_ directory: String, _ name: String) -> String {
    directory.hasSuffix("/") ? directory + name : directory + "/" + name
  }

  /// The directory part of a path ("." when there is none).
  static func parent(of path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return "." }
    return slash == trimmed.startIndex ? "/" : String(trimmed[..<slash])
  }

  static func lastComponent(of path: String) -> String {
    var trimmed = Substring(path)
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
    guard let slash = trimmed.lastIndex(of: "/") else { return String(trimmed) }
    return String(trimmed[trimmed.index(after: slash)...])
  }

  /// Shell-style match of a name (`*.txt`), as fnmatch(3).
  static func matches(_ name: String, glob: String) -> Bool {
    fnmatch(glob, name, 0) == 0
  }

  static var processID: Int { Int(getpid()) }
}
