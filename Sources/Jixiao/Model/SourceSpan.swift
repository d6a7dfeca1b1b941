/// A position in the user's own file: where a cell, value or finding starts.
///
/// `line` and `column` are 1-based; `column` counts Unicode scalars of the decoded line, so a
/// CJK character is one column. `offset` is the 0-based byte offset into the original file,
/// before decoding, so tools can seek to it whatever the encoding. `length` is the number of
/// Unicode scalars of the text the span covers (0 when it marks a point).
public struct SourceSpan: Hashable, Sendable, Comparable {
  public var line: Int
  public var column: Int
  public var offset: Int
  public var length: Int

  public init(line: Int, column: Int, offset: Int, length: Int = 0) {
    self.line = line
    self.column = column
    self.offset = offset
    self.length = length
  }

  public static func < (lhs: SourceSpan, rhs: SourceSpan) -> Bool {
    (lhs.offset, lhs.length) < (rhs.offset, rhs.length)
  }
}
