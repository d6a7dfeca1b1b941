import Jixiao

/// What a batch did: the counts of the closing summary and the exit code.
public struct BatchSummary: Sendable {
  /// Inputs delivered (read, failed or skipped).
  public var inputs = 0
  public var read = 0
  public var failed = 0
  /// Already in the output (SQLite resume) or the same content met earlier in the run.
  public var skipped = 0
  public var projects = 0
  public var departments = 0
  public var indicators = 0
  public var errors = 0
  public var warnings = 0
  public var notes = 0
  /// Bytes of input read.
  public var bytes = 0
  public var seconds = 0.0
  /// Failures by `ItemFailure.kind`.
  public var failuresByKind: [String: Int] = [:]
  /// The first failures with their input (the rest are only counted, so memory does not
  /// grow with the corpus; every failure is in the output).
  public var firstFailures: [(label: String, failure: ItemFailure)] = []
  /// Why the batch stopped early, if it did.
  public var stopError: OutputError?
  /// DESIGN.md: 0 all read, 3 some inputs failed, 64 usage, 73/74 output errors.
  public var exitCode: Int32 = 0

  static let keptFailures = 20

  public var findings: Int { errors + warnings + notes }

  mutating func add<Payload>(_ result: WorkResult<Payload>, skippedAsDuplicate: Bool) {
    inputs += 1
    bytes += result.bytes
    switch result.status {
    case .read(let counts):
      if skippedAsDuplicate {
        skipped += 1
        return
      }
      read += 1
      projects += counts.projects
      departments += counts.departments
      indicators += counts.indicators
      errors += counts.errors
      warnings += counts.warnings
      notes += counts.notes
    case .failed(let failure):
      if skippedAsDuplicate {
        skipped += 1
        return
      }
      failed += 1
      failuresByKind[failure.kind, default: 0] += 1
      if firstFailures.count < BatchSummary.keptFailures { firstFailures.append((result.label, failure)) }
    case .skipped:
      skipped += 1
    }
  }

  /// The closing summary for standard error.
  public var text: String {
    var lines: [String] = []
    let megabytes = Double(bytes) / 1_000_000
    let rate =
      seconds > 0
      ? " (\(Format.fixed(megabytes / seconds, 1)) MB/s, \(Format.fixed(Double(inputs) / seconds, 0)) documents/s)" : ""
    lines.append(
      "jixiao batch: \(inputs) inputs, \(Format.fixed(megabytes, 1)) MB in \(Format.fixed(seconds, 2)) s\(rate)"
    )
    lines.append("  read \(read), failed \(failed), skipped \(skipped)")
    lines.append("  projects \(projects), department-wide \(departments), indicators \(indicators)")
    lines.append("  diagnostics: \(errors) errors, \(warnings) warnings, \(notes) notes")
    if failed > 0 {
      let kinds = failuresByKind.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
      lines.append("  failed: \(kinds)")
      for (_, failure) in firstFailures { lines.append("    \(failure.message) (exit \(failure.exitCode))") }
      if failed > firstFailures.count { lines.append("    … \(failed - firstFailures.count) more in the output") }
    }
    if let stopError { lines.append("  stopped: \(stopError.message)") }
    return lines.joined(separator: "\n") + "\n"
  }
}

/// Number formatting without Foundation.
enum Format {
  /// `value` with `decimals` digits after the point.
  static func fixed(_ value: Double, _ decimals: Int) -> String {
    guard value.isFinite else { return "-" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let rounded = (abs(value) * scale).rounded()
    guard rounded < 9e15 else { return String(value) }
    let whole = Int(rounded / scale)
    let fraction = Int(rounded) - whole * Int(scale)
    var text = (value < 0 && rounded > 0 ? "-" : "") + String(whole)
    if decimals > 0 {
      let digits = String(fraction)
      text += "." + String(repeating: "0", count: decimals - digits.count) + digits
    }
    return text
  }

  /// `m:ss` or `h:mm:ss`.
  static func duration(_ seconds: Double) -> String {
    guard seconds.isFinite, seconds >= 0 else { return "-" }
    let total = Int(seconds.rounded())
    let (hours, minutes, secs) = (total / 3600, total / 60 % 60, total % 60)
    let two = { (value: Int) in value < 10 ? "0\(value)" : "\(value)" }
    return hours > 0 ? "\(hours):\(two(minutes)):\(two(secs))" : "\(minutes):\(two(secs))"
  }
}
