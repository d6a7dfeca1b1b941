/// Which findings a reader wants and at what severity: `jixiao check --ignore --only
/// --severity` and the `ignore`, `only` and `severity` parameters of `POST /api/check`.
public struct DiagnosticFilter: Sendable {
  /// Code prefixes: `JX5xx` and `jx5` both mean `JX5`.
  public private(set) var ignore: [String]
  public private(set) var only: [String]
  public private(set) var overrides: [String: Severity]

  /// Each list item may hold several comma-separated entries; an override is
  /// `CODE=error|warning|note`. Throws the first override that is not.
  public init(ignore: [String] = [], only: [String] = [], overrides: [String] = []) throws(InvalidOverride) {
    self.ignore = ignore.flatMap(Self.entries).map(Self.prefix)
    self.only = only.flatMap(Self.entries).map(Self.prefix)
    var map: [String: Severity] = [:]
    for override in overrides.flatMap(Self.entries) {
      let parts = override.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
      guard parts.count == 2, !parts[0].isEmpty, let severity = Severity(rawValue: parts[1]) else {
        throw InvalidOverride(text: override)
      }
      map[parts[0].uppercased()] = severity
    }
    self.overrides = map
  }

  public struct InvalidOverride: Error, Sendable {
    public let text: String
    public var message: String { "a severity override is CODE=error|warning|note, not '\(text)'" }
  }

  /// Every finding at its own severity.
  public static let none = DiagnosticFilter(uncheckedIgnore: [], only: [], overrides: [:])

  private init(uncheckedIgnore ignore: [String], only: [String], overrides: [String: Severity]) {
    self.ignore = ignore
    self.only = only
    self.overrides = overrides
  }

  public func apply(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
    diagnostics.compactMap { diagnostic in
      if ignore.contains(where: { diagnostic.code.hasPrefix($0) }) { return nil }
      if !only.isEmpty && !only.contains(where: { diagnostic.code.hasPrefix($0) }) { return nil }
      var changed = diagnostic
      if let severity = overrides[diagnostic.code] { changed.severity = severity }
      return changed
    }
  }

  static func entries(_ list: String) -> [String] {
    list.split(separator: ",").map { String($0.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()) }
      .filter { !$0.isEmpty }
  }

  static func prefix(_ pattern: String) -> String {
    var text = pattern.uppercased()
    while text.hasSuffix("X") && text.count > 2 { text.removeLast() }
    return text
  }
}
