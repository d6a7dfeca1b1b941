/// Options of a parse.
public struct ParseOptions: Sendable {
  public var encoding: String?
  public var dialect: Dialect?
  public var language: Language = .en

  public init(encoding: String? = nil, dialect: Dialect? = nil, language: Language = .en) {
    self.encoding = encoding
    self.dialect = dialect
    self.language = language
  }
}
