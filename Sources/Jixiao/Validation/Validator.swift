/// The validation pass: every check of the catalogue over a read document.
public enum Validator {
  public static func check(_ document: Document) -> [Diagnostic] {
    []
  }
}
