/// A position in the user's own file: where a cell, value or finding starts.
///
/// `line` and `column` are 1-based; `column` counts Unicode scalars of the decoded line, so a
/// CJK character is one column. `offset` is the 0-based byte offset into the original file,
/// before decoding, so tools can seek to it whatever the encoding. `length` is the number of
/// Unicode scalars of the text the span covers (0 when it marks a point).
public struct SourceSpan: Hashable, Sendable, Comparable {
  // Stored as 32 bits: every cell, value and diagnostic carries a span, and a document is at
  // most `SourceDecoder.maximumSize` (2^30) bytes, so no line, column, offset or length of
  // it exceeds Int32. Half the size of four Ints: a 10 MB document holds millions of spans.
  private var storedLine: Int32
  private var storedColumn: Int32
  private var storedOffset: Int32
  private var storedLength: Int32

  public var line: Int {
    get { Int(storedLine) }
    set { storedLine = Int32(clamping: newValue) }
  }
  public var column: Int {
    get { Int(storedColumn) }
    set { storedColumn = Int32(clamping: newValue) }
  }
  public var offset: Int {
    get { Int(storedOffset) }
    set { storedOffset = Int32(clamping: newValue) }
  }
  public var length: Int {
    get { Int(storedLength) }
    set { storedLength = Int32(clamping: newValue) }
  }

  public init(line: Int, column: Int, offset: Int, length: Int = 0) {
    storedLine = Int32(clamping: line)
    storedColumn = Int32(clamping: column)
    storedOffset = Int32(clamping: offset)
    storedLength = Int32(clamping: length)
  }

  public static func < (lhs: SourceSpan, rhs: SourceSpan) -> Bool {
    (lhs.storedOffset, lhs.storedLength) < (rhs.storedOffset, rhs.storedLength)
  }
}
