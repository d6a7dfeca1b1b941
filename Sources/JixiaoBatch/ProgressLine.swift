/// The progress line on standard error: redrawn in place at most ten times a second.
struct ProgressLine {
  let isEnabled: Bool
  let fd: Int32
  /// Known in path mode, where the inputs are listed before the batch starts.
  let totalInputs: Int?
  let totalBytes: Int?
  let start: Double
  private var lastDraw = 0.0
  private var isDrawn = false

  init(isEnabled: Bool, fd: Int32, totalInputs: Int?, totalBytes: Int?, start: Double) {
    self.isEnabled = isEnabled
    self.fd = fd
    self.totalInputs = totalInputs
    self.totalBytes = totalBytes
    self.start = start
    // The first line after a tenth of a second, when the rate means something.
    lastDraw = start
  }

  mutating func update(_ summary: BatchSummary) {
    guard isEnabled else { return }
    let now = Clock.now()
    guard now - lastDraw >= 0.1 else { return }
    lastDraw = now
    isDrawn = true
    _ = FileSystem.writeAll(
      fd,
      Array(
        ("\r\u{1B}[K"
          + ProgressLine.text(summary, elapsed: now - start, totalInputs: totalInputs, totalBytes: totalBytes)).utf8
      )
    )
  }

  /// Erases the line before the summary is printed.
  mutating func clear() {
    guard isDrawn else { return }
    isDrawn = false
    _ = FileSystem.writeAll(fd, Array("\r\u{1B}[K".utf8))
  }

  static func text(_ summary: BatchSummary, elapsed: Double, totalInputs: Int?, totalBytes: Int?) -> String {
    var parts: [String] = []
    if let totalInputs {
      parts.append("\(summary.inputs)/\(totalInputs) documents")
    } else {
      parts.append("\(summary.inputs) documents")
    }
    let rate = elapsed > 0 ? Double(summary.bytes) / 1_000_000 / elapsed : 0
    parts.append("\(Format.fixed(rate, 1)) MB/s")
    if let totalBytes, summary.bytes > 0, elapsed > 0 {
      let remaining = Double(max(totalBytes - summary.bytes, 0)) / (Double(summary.bytes) / elapsed)
      parts.append("ETA \(Format.duration(remaining))")
    } else if let totalInputs, summary.inputs > 0, elapsed > 0 {
      parts.append("ETA \(Format.duration(Double(totalInputs - summary.inputs) * elapsed / Double(summary.inputs)))")
    }
    parts.append("findings \(summary.findings) (\(summary.errors) errors)")
    if summary.failed > 0 { parts.append("\(summary.failed) failed") }
    if summary.skipped > 0 { parts.append("\(summary.skipped) skipped") }
    return parts.joined(separator: "  ")
  }
}
