/// One check of the catalogue.
public struct CatalogueEntry: Sendable {
  public var code: String
  public var severity: Severity
  public var title: Localized
  /// Message template with `{0}`, `{1}` … placeholders.
  public var message: Localized
  public var explanation: Localized
}

/// Kinds of related-span notes.
public enum NoteKind: String, Sendable {
  case comparedWith
}

public enum Catalogue {
  public static let entries: [CatalogueEntry] = []
  static let byCode: [String: CatalogueEntry] = Dictionary(
    entries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

  public static func entry(_ code: String) -> CatalogueEntry? { byCode[code] }
}
