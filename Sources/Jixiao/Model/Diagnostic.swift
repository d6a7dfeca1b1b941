/// How much a finding matters; `error` is the default threshold of `jixiao check`.
public enum Severity: String, Sendable, Comparable, CaseIterable {
  case note
  case warning
  case error

  private var rank: Int {
    switch self {
    case .note: 0
    case .warning: 1
    case .error: 2
    }
  }

  public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// The language of messages: users read Chinese; English is for everyone else.
public enum Language: String, Sendable, CaseIterable {
  case zh
  case en
}

/// A finding about the document: a reading problem (1xx) or an inconsistency in the
/// published table itself (2xx–6xx). Its text is rendered from the catalogue entry of its
/// `code` and its `arguments`, so the same finding can be shown in either language.
public struct Diagnostic: Hashable, Sendable {
  /// Another place that explains the finding, such as the cell a number was compared with.
  public struct Related: Hashable, Sendable {
    public var span: SourceSpan
    public var arguments: [String]
    public var note: NoteKind

    public init(_ note: NoteKind, span: SourceSpan, _ arguments: String...) {
      self.note = note
      self.span = span
      self.arguments = arguments
    }
  }

  public var code: String
  public var severity: Severity
  public var arguments: [String]
  public var span: SourceSpan?
  public var related: [Related]

  public init(
    _ code: String, span: SourceSpan?, _ arguments: [String], related: [Related] = [],
    severity: Severity? = nil
  ) {
    self.code = code
    self.arguments = arguments
    self.span = span
    self.related = related
    self.severity = severity ?? Catalogue.entry(code)?.severity ?? .warning
  }

  public func message(in language: Language) -> String {
    guard let entry = Catalogue.entry(code) else { return code }
    return Template.render(entry.message.text(language), Term.localize(arguments, language))
  }
}

/// Words that diagnostics pass as arguments and that read differently in each language:
/// an argument `@scoring` renders as 评分标准 or "scoring rule".
enum Term {
  static let terms: [String: Localized] = [
    "@explanation": Localized(zh: "指标解释", en: "explanation"),
    "@scoring": Localized(zh: "评分标准", en: "scoring rule"),
    "@output": Localized(zh: "产出指标", en: "output (产出指标)"),
    "@benefit": Localized(zh: "效益指标", en: "benefit (效益指标)"),
    "@satisfaction": Localized(zh: "满意度指标", en: "satisfaction (满意度指标)"),
    "@cost": Localized(zh: "成本指标", en: "cost (成本指标)"),
  ]

  static func localize(_ arguments: [String], _ language: Language) -> [String] {
    arguments.map { terms[$0]?.text(language) ?? $0 }
  }
}

extension Diagnostic.Related {
  public func message(in language: Language) -> String {
    Template.render(note.template.text(language), arguments)
  }
}

/// Renders a message template whose placeholders are `{0}`, `{1}`, …
///
/// Braces are found in the UTF-8 bytes and the text between them copied whole: walking the
/// template by Character cost tens of thousands of instructions a message, and the JSON of
/// a document writes every finding's message.
enum Template {
  static func render(_ template: String, _ arguments: [String]) -> String {
    var result = ""
    var rest = template[...]
    while let open = rest.utf8.firstIndex(of: 0x7B) {
      result += rest[..<open]
      let afterOpen = rest.utf8.index(after: open)
      if let close = rest.utf8[afterOpen...].firstIndex(of: 0x7D),
        let number = Int(rest[afterOpen..<close]),
        number >= 0
      {
        result += number < arguments.count ? arguments[number] : ""
        rest = rest[rest.utf8.index(after: close)...]
      } else {
        result += "{"
        rest = rest[afterOpen...]
      }
    }
    result += rest
    return result
  }
}

/// A text in both languages.
public struct Localized: Hashable, Sendable {
  public var zh: String
  public var en: String

  public init(zh: String, en: String) {
    self.zh = zh
    self.en = en
  }

  public func text(_ language: Language) -> String {
    switch language {
    case .zh: zh
    case .en: en
    }
  }
}
