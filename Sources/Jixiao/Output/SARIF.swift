/// SARIF 2.1.0 for a data team's CI: one rule per catalogue entry, one result per finding,
/// columns in Unicode code points.
public enum SARIF {
  public struct FileResult {
    public var path: String
    public var diagnostics: [Diagnostic]

    public init(path: String, diagnostics: [Diagnostic]) {
      self.path = path
      self.diagnostics = diagnostics
    }
  }

  public static let version = "0.1.0"

  public static func log(_ files: [FileResult], language: Language) -> JSON {
    let entries = Catalogue.entries
    let ruleIndex = Dictionary(uniqueKeysWithValues: entries.enumerated().map { ($1.code, $0) })
    let rules: [JSON] = entries.map { entry in
      .object([
        ("id", .string(entry.code)),
        ("name", .string(ruleName(entry.title.en))),
        ("shortDescription", .object([("text", .string(entry.title.text(language)))])),
        ("fullDescription", .object([("text", .string(entry.explanation.text(language)))])),
        ("help", .object([("text", .string(entry.explanation.text(language)))])),
        ("defaultConfiguration", .object([("level", .string(level(entry.severity)))])),
        ("properties", .object([("family", .string(entry.family.en))])),
      ])
    }
    var results: [JSON] = []
    for file in files {
      for diagnostic in file.diagnostics {
        var members: [(String, JSON)] = [
          ("ruleId", .string(diagnostic.code)),
          ("level", .string(level(diagnostic.severity))),
          ("message", .object([("text", .string(diagnostic.message(in: language)))])),
          ("locations", .array([location(file.path, diagnostic.span)])),
        ]
        if let index = ruleIndex[diagnostic.code] { members.insert(("ruleIndex", .int(index)), at: 1) }
        if !diagnostic.related.isEmpty {
          members.append(
            (
              "relatedLocations",
              .array(diagnostic.related.enumerated().map { index, related in
                var location = location(file.path, related.span)
                if case .object(var fields) = location {
                  fields.insert(("id", .int(index)), at: 0)
                  fields.append(("message", .object([("text", .string(related.message(in: language)))])))
                  location = .object(fields)
                }
                return location
              })
            ))
        }
        results.append(.object(members))
      }
    }
    let run: JSON = .object([
      (
        "tool",
        .object([
          (
            "driver",
            .object([
              ("name", .string("jixiao")), ("version", .string(version)),
              ("informationUri", .string("https://example.invalid/jixiao")),
              ("rules", .array(rules)),
            ])
          )
        ])
      ),
      ("artifacts", .array(files.map { .object([("location", .object([("uri", .string(uri($0.path)))]))]) })),
      ("columnKind", .string("unicodeCodePoints")),
      ("results", .array(results)),
    ])
    return .object([
      ("$schema", .string("https://json.schemastore.org/sarif-2.1.0.json")),
      ("version", .string("2.1.0")),
      ("runs", .array([run])),
    ])
  }

  static func location(_ path: String, _ span: SourceSpan?) -> JSON {
    var physical: [(String, JSON)] = [("artifactLocation", .object([("uri", .string(uri(path)))]))]
    if let span, span.line > 0 {
      var region: [(String, JSON)] = [("startLine", .int(span.line)), ("startColumn", .int(span.column))]
      if span.length > 0 { region.append(("endColumn", .int(span.column + span.length))) }
      region.append(("byteOffset", .int(span.offset)))
      physical.append(("region", .object(region)))
    }
    return .object([("physicalLocation", .object(physical))])
  }

  static func level(_ severity: Severity) -> String {
    switch severity {
    case .error: "error"
    case .warning: "warning"
    case .note: "note"
    }
  }

  /// A relative path as a URI reference (spaces and non-ASCII percent-encoded).
  static func uri(_ path: String) -> String {
    var result = ""
    for byte in path.utf8 {
      let scalar = Unicode.Scalar(byte)
      if byte < 0x80, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "-._~/:".unicodeScalars.contains(scalar) {
        result.unicodeScalars.append(scalar)
      } else {
        let hex = Array("0123456789ABCDEF")
        result += "%" + String(hex[Int(byte >> 4)]) + String(hex[Int(byte & 0xF)])
      }
    }
    return result
  }

  static func ruleName(_ title: String) -> String {
    title.split(separator: " ").enumerated().map { index, word in
      index == 0 ? word.lowercased() : word.prefix(1).uppercased() + word.dropFirst().lowercased()
    }.joined().filter { $0.isLetter || $0.isNumber }
  }
}
