#if canImport(Glibc)
import Glibc
#endif

/// Plain POSIX file helpers for the benchmark.
enum Files {
  static func read(_ path: String) -> [UInt8]? {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { return nil }
    defer { close(fd) }
    var status = stat()
    guard fstat(fd, &status) == 0 else { return nil }
    // Files of /proc report size 0: read those in pages until the end.
    var bytes = [UInt8](repeating: 0, count: max(Int(status.st_size), 4096))
    var count = 0
    while count < bytes.count {
      let got = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress.map { $0 + count }, $0.count - count) }
      if got < 0 && errno == EINTR { continue }
      if got <= 0 { break }
      count += got
      if count == bytes.count && status.st_size == 0 { bytes += [UInt8](repeating: 0, count: 4096) }
    }
    return Array(bytes[0..<count])
  }

  static func write(_ path: String, _ bytes: [UInt8]) {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    guard fd >= 0 else { fail("cannot write \(path): \(String(cString: strerror(errno)))") }
    defer { close(fd) }
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress.map { $0 + offset }, $0.count - offset) }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { fail("cannot write \(path): \(String(cString: strerror(errno)))") }
      offset += written
    }
  }

  static func makeDirectory(_ path: String) {
    guard mkdir(path, 0o755) == 0 || errno == EEXIST else { fail("cannot create \(path)") }
  }

  /// Regular files under `directory` whose name ends in `suffix`, sorted.
  static func find(_ directory: String, suffix: String) -> [String] {
    guard let stream = opendir(directory) else { return [] }
    var names: [String] = []
    while let entry = readdir(stream) {
      let name = withUnsafePointer(to: &entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if !name.hasPrefix(".") { names.append(name) }
    }
    closedir(stream)
    var found: [String] = []
    for name in names.sorted() {
      let path = directory + "/" + name
      var status = stat()
      guard stat(path, &status) == 0 else { continue }
      if (status.st_mode & S_IFMT) == S_IFDIR {
        found += find(path, suffix: suffix)
      } else if name.hasSuffix(suffix) {
        found.append(path)
      }
    }
    return found
  }

  /// Removes a directory tree the benchmark made (files and directories only).
  static func removeTree(_ path: String) {
    guard let stream = opendir(path) else {
      unlink(path)
      return
    }
    var names: [String] = []
    while let entry = readdir(stream) {
      let name = withUnsafePointer(to: &entry.pointee.d_name) {
        $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
      }
      if name != "." && name != ".." { names.append(name) }
    }
    closedir(stream)
    for name in names {
      let child = path + "/" + name
      var status = stat()
      if lstat(child, &status) == 0 && (status.st_mode & S_IFMT) == S_IFDIR {
        removeTree(child)
      } else {
        unlink(child)
      }
    }
    rmdir(path)
  }

  static func temporaryDirectory() -> String {
    let base = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    var template = Array((base + "/jixiao-bench-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else { fail("cannot create a temporary directory in \(base)") }
    return String(cString: made)
  }
}
