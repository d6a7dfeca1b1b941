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
    var bytes: [UInt8] = []
    template.withUTF8Bytes { template in
      walk(
        template, literal: { bytes.append(contentsOf: $0) },
        placeholder: { number in if number < arguments.count { bytes.append(contentsOf: arguments[number].utf8) } })
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Walks a template: each run of text to `literal`, each placeholder's number to
  /// `placeholder`. A placeholder is `{n}` with `n` as `Int(text)` reads it (an optional
  /// sign, decimal digits, no overflow) and not negative; a brace that opens none is text.
  /// `render` and `JSONWriter.string(template:arguments:terms:)` both read templates here.
  @inline(__always)
  static func walk(
    _ template: UnsafeBufferPointer<UInt8>, literal: (UnsafeBufferPointer<UInt8>) -> Void,
    placeholder: (Int) -> Void
  ) {
    var runStart = 0
    var index = 0
    while let open = template.firstIndex(ofByte: 0x7B, from: index) {
      guard let close = template.firstIndex(ofByte: 0x7D, from: open + 1),
        let number = Self.number(template, from: open + 1, to: close)
      else {
        index = open + 1
        continue
      }
      literal(UnsafeBufferPointer(rebasing: template[runStart..<open]))
      placeholder(number)
      index = close + 1
      runStart = index
    }
    literal(UnsafeBufferPointer(rebasing: template[runStart...]))
  }

  /// The number between a placeholder's braces, if it is one.
  private static func number(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int? {
    var index = start
    var isNegative = false
    if index < end, bytes[index] == 0x2B || bytes[index] == 0x2D {
      isNegative = bytes[index] == 0x2D
      index += 1
    }
    guard index < end else { return nil }
    var value = 0
    while index < end {
      let digit = bytes[index] &- 0x30
      guard digit < 10 else { return nil }
      let (times10, overflow) = value.multipliedReportingOverflow(by: 10)
      let (sum, overflow2) = isNegative
        ? times10.subtractingReportingOverflow(Int(digit)) : times10.addingReportingOverflow(Int(digit))
      guard !overflow, !overflow2 else { return nil }
      value = sum
      index += 1
    }
    return value >= 0 ? value : nil
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
