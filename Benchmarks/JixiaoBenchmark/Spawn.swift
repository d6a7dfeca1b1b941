#if canImport(Glibc)
import Glibc
#endif

/// A finished child process: wall time and peak resident memory.
struct ChildRun {
  var seconds: Double
  /// Peak resident set size in bytes (`ru_maxrss` from wait4).
  var peakRSS: Int
  /// User + system CPU time of the child: with `seconds`, how many cores it really got.
  var cpuSeconds: Double
  /// The system part of `cpuSeconds`: time in the kernel for the child (page faults, page
  /// clearing, waking threads, reading files), which an instruction profile does not see.
  var kernelSeconds: Double
  var exitStatus: Int32
  var output: [UInt8]
}

enum Spawn {
  /// Runs `arguments` with standard output to /dev/null (or captured), and measures it
  /// from the outside: the child's own peak RSS, not the benchmark's.
  static func run(_ arguments: [String], captureOutput: Bool = false) -> ChildRun {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    var pipeFDs: [Int32] = [-1, -1]
    if captureOutput {
      _ = pipe(&pipeFDs)
      posix_spawn_file_actions_adddup2(&actions, pipeFDs[1], 1)
      posix_spawn_file_actions_addclose(&actions, pipeFDs[0])
      posix_spawn_file_actions_addclose(&actions, pipeFDs[1])
    } else {
      posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    }
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for pointer in argv { free(pointer) } }
    let start = now()
    var pid: pid_t = 0
    let status = posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ)
    guard status == 0 else {
      fail("cannot start \(arguments[0]): \(String(cString: strerror(status)))")
    }
    var output: [UInt8] = []
    if captureOutput {
      close(pipeFDs[1])
      var chunk = [UInt8](repeating: 0, count: 65536)
      while true {
        let got = chunk.withUnsafeMutableBytes { read(pipeFDs[0], $0.baseAddress, $0.count) }
        if got < 0 && errno == EINTR { continue }
        if got <= 0 { break }
        output.append(contentsOf: chunk[0..<got])
      }
      close(pipeFDs[0])
    }
    var waitStatus: Int32 = 0
    var usage = rusage()
    while wait4(pid, &waitStatus, 0, &usage) < 0 && errno == EINTR {}
    let seconds = now() - start
    let exited = (waitStatus & 0x7F) == 0
    let code = exited ? (waitStatus >> 8) & 0xFF : 128 + (waitStatus & 0x7F)
    let kernel = Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
    let cpu = Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6 + kernel
    return ChildRun(
      seconds: seconds,
      peakRSS: Int(usage.ru_maxrss) * 1024,
      cpuSeconds: cpu,
      kernelSeconds: kernel,
      exitStatus: code,
      output: output
    )
  }

  static func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
  }

  static var ownExecutable: String {
    var buffer = [CChar](repeating: 0, count: 4096)
    let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard count > 0 else { return CommandLine.arguments[0] }
    return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}

/// The 1-minute load average: other processes on the machine compete for its cores.
var loadAverage: String {
  guard let bytes = Files.read("/proc/loadavg") else { return "?" }
  return String(decoding: bytes, as: UTF8.self).split(separator: " ").first.map(String.init) ?? "?"
}

func fail(_ message: String) -> Never {
  let bytes = Array(("jixiao-bench: " + message + "\n").utf8)
  _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
  exit(1)
}

func say(_ text: String) {
  let bytes = Array((text + "\n").utf8)
  _ = bytes.withUnsafeBytes { write(1, $0.baseAddress, $0.count) }
}
