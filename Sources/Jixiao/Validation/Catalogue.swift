/// One check of the catalogue: its stable code, default severity and texts.
public struct CatalogueEntry: Sendable {
  public var code: String
  public var severity: Severity
  /// A short name for lists and SARIF rule names.
  public var title: Localized
  /// Message template with `{0}`, `{1}` … placeholders.
  public var message: Localized
  /// What the check means, a minimal example of a table that triggers it, and the fix.
  public var explanation: Localized

  public init(_ code: String, _ severity: Severity, title: Localized, message: Localized, explanation: Localized) {
    self.code = code
    self.severity = severity
    self.title = title
    self.message = message
    self.explanation = explanation
  }

  /// The family a code belongs to, from its first digit.
  public var family: Localized {
    switch code.dropFirst(2).first {
    case "1": Localized(zh: "读取与版式", en: "reading and layout")
    case "2": Localized(zh: "金额与算术", en: "arithmetic")
    case "3": Localized(zh: "单位与指标值", en: "units and values")
    case "4": Localized(zh: "日期", en: "dates")
    case "5": Localized(zh: "指标体系结构", en: "structure")
    case "6": Localized(zh: "文字一致性", en: "text consistency")
    default: Localized(zh: "其他", en: "other")
    }
  }
}

/// Kinds of related-span notes.
public enum NoteKind: String, Sendable {
  case comparedWith
  case labelHere
  case part
  case total
  case sameName

  var template: Localized {
    switch self {
    case .comparedWith: Localized(zh: "比较对象：“{0}”", en: "compared with '{0}'")
    case .labelHere: Localized(zh: "标签“{0}”在此", en: "label '{0}' is here")
    case .part: Localized(zh: "组成部分：{0}", en: "part: {0}")
    case .total: Localized(zh: "合计：{0}", en: "total: {0}")
    case .sameName: Localized(zh: "同名指标：“{0}”", en: "same indicator: '{0}'")
    }
  }
}

/// Every code Jixiao emits. Codes are stable and never reused.
public enum Catalogue {
  public static let entries: [CatalogueEntry] = ReadingChecks.entries + ValidationChecks.entries

  static let byCode: [String: CatalogueEntry] = Dictionary(
    entries.map { ($0.code, $0) }, uniquingKeysWith: { first, _ in first })

  public static func entry(_ code: String) -> CatalogueEntry? { byCode[code] }
}
