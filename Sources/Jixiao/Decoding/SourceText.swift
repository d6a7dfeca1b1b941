/// The decoded text of a document as UTF-8 bytes, split into lines, with the way back to
/// the original file's byte offsets.
///
/// Everything downstream works on slices of `utf8`; spans are computed here so that every
/// stage reports positions in the user's own file whatever its encoding.
public struct SourceText: Sendable {
  /// A line of the decoded text: `start..<end` in `utf8`, terminator excluded.
  public struct Line: Sendable, Hashable {
    public var start: Int
    public var end: Int
  }

  /// The lines of the text, in order. Only where each starts is stored, in 32 bits (decoded
  /// offsets stay below 2^31, see `SourceDecoder.maximumSize`): a line ends before the
  /// terminator in front of the next line's start. A document of short lines has a line
  /// for every 20 bytes or so; two Ints a line cost it almost as much as its text.
  public struct Lines: RandomAccessCollection, Sendable {
    /// Where each line starts, then where a line after the last would (the text's end).
    private let starts: [Int32]
    private let utf8: [UInt8]

    init(_ utf8: [UInt8], starts: [Int32]) {
      self.utf8 = utf8
      self.starts = starts
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { starts.count - 1 }

    public subscript(index: Int) -> Line {
      let start = Int(starts[index])
      let next = Int(starts[index + 1])
      // The byte before the next start is the terminator unless the text ends unended.
      var end = next
      if end > start && (utf8[end - 1] == 0x0A || utf8[end - 1] == 0x0D) {
        end -= 1
        if end > start && utf8[end] == 0x0A && utf8[end - 1] == 0x0D { end -= 1 }
      }
      return Line(start: start, end: end)
    }

    /// Where line `index` starts, without finding its end.
    func start(of index: Int) -> Int { Int(starts[index]) }
  }

  public let utf8: [UInt8]
  public let lines: Lines
  /// Scalars (UTF-8 lead bytes) before each 64-byte block of `utf8`: a column is then found
  /// by counting at most a block's bytes, not the whole line before it. Counting from the
  /// line's start made one-line documents quadratic (a 4.5 MB HTML table on one line took
  /// minutes, a 500 KB line of pipes 41 s).
  let scalarsBeforeBlock: [Int32]
  static let blockShift = 6
  /// Original byte offset of every decoded byte, when the text was converted or repaired;
  /// `nil` when the decoded bytes are the original bytes after a `bomLength` prefix.
  let originalOffsets: OffsetMap?
  let bomLength: Int
  let originalLength: Int
  /// Traditional script (`Script.isTraditional`) in the first 64 KB.
  let isTraditional: Bool

  /// The text of `utf8` with what `pass` read of it: after a `bomLength` prefix of the file's
  /// own bytes, or converted or repaired with the way back in `originalOffsets`. Every text
  /// is read by the one pass, so its lines and counts have one implementation.
  init(utf8: [UInt8], pass: DecodingPass, originalOffsets: OffsetMap? = nil, bomLength: Int, originalLength: Int) {
    self.init(
      utf8: utf8, lineStarts: pass.lineStarts, scalarsBeforeBlock: pass.scalarsBeforeBlock,
      isTraditional: pass.isTraditional, originalOffsets: originalOffsets, bomLength: bomLength,
      originalLength: originalLength)
  }

  /// The text with its readings given: for `init(utf8:pass:…)`, and for tests that build texts
  /// from reference readings.
  init(
    utf8: [UInt8], lineStarts: [Int32], scalarsBeforeBlock: [Int32], isTraditional: Bool,
    originalOffsets: OffsetMap?, bomLength: Int, originalLength: Int
  ) {
    self.utf8 = utf8
    self.originalOffsets = originalOffsets
    self.bomLength = bomLength
    self.originalLength = originalLength
    self.lines = Lines(utf8, starts: lineStarts)
    self.scalarsBeforeBlock = scalarsBeforeBlock
    self.isTraditional = isTraditional
  }

  /// Scalars in `utf8[0..<offset]`.
  private func scalarsBefore(_ offset: Int) -> Int {
    let block = offset >> SourceText.blockShift
    var count = Int(scalarsBeforeBlock[block])
    utf8.withUnsafeBufferPointer { bytes in
      var index = block << SourceText.blockShift
      while index < offset {
        if bytes[index] & 0xC0 != 0x80 { count += 1 }
        index += 1
      }
    }
    return count
  }

  /// The decoded bytes are the file's bytes, unconverted and without a byte-order mark.
  var isTheFile: Bool { originalOffsets == nil && bomLength == 0 }

  /// The original file's byte offset of a decoded byte offset.
  public func originalOffset(of decoded: Int) -> Int {
    if let originalOffsets {
      if decoded >= 0 && decoded < originalOffsets.count { return originalOffsets[decoded] }
      return originalLength
    }
    return decoded + bomLength
  }

  /// The decoded byte offset of original byte `original`: the first decoded byte that came
  /// from it or from a later byte, so an invalid byte maps to its U+FFFD.
  public func decodedOffset(ofOriginal original: Int) -> Int {
    guard let originalOffsets else { return Swift.min(Swift.max(original - bomLength, 0), utf8.count) }
    return originalOffsets.firstDecoded(atOrAfter: original)
  }

  /// The span (line and column in the decoded text) of original byte `original`, as a point.
  public func span(ofOriginal original: Int) -> SourceSpan {
    guard !lines.isEmpty else { return SourceSpan(line: 1, column: 1, offset: original) }
    let decoded = decodedOffset(ofOriginal: original)
    let lineIndex = lineIndex(containing: decoded)
    let line = lines[lineIndex]
    let clamped = Swift.max(Swift.min(decoded, line.end), line.start)
    var span = span(lineIndex: lineIndex, byteRange: clamped..<clamped)
    // The span's offset is the original byte itself, not where its replacement starts.
    span.offset = original
    return span
  }

  /// The text of a line.
  public func text(ofLine index: Int) -> String {
    let line = lines[index]
    return String(decoding: utf8[line.start..<line.end], as: UTF8.self)
  }

  /// The span of `byteRange` (decoded offsets) on line `lineIndex` (0-based).
  public func span(lineIndex: Int, byteRange: Range<Int>) -> SourceSpan {
    span(lineIndex: lineIndex, line: lines[lineIndex], byteRange: byteRange)
  }

  /// `span(lineIndex:byteRange:)` with the line already looked up.
  func span(lineIndex: Int, line: Line, byteRange: Range<Int>) -> SourceSpan {
    // Within a line there is no line end, so the scalars between two offsets are the
    // difference of the counts before them.
    // Most cells start at or near their line's start: count those bytes directly; far into a
    // long line, the per-block counts keep it from being quadratic.
    let distance = byteRange.lowerBound - line.start
    let column: Int
    if distance == 0 {
      column = 1
    } else if byteRange.lowerBound > line.end || (distance > 0 && distance < 1 << SourceText.blockShift) {
      column = SourceText.scalarCount(utf8, line.start..<byteRange.lowerBound) + 1
    } else {
      column = scalarsBefore(byteRange.lowerBound) - scalarsBefore(line.start) + 1
    }
    let length = SourceText.scalarCount(utf8, byteRange)
    return SourceSpan(
      line: lineIndex + 1, column: column, offset: originalOffset(of: byteRange.lowerBound),
      length: length)
  }

  /// Unicode scalars in `range`, a CRLF counting as one: a cell's text has its line breaks
  /// as LF, so lengths and offsets do not depend on how the file ends its lines.
  ///
  /// Every cell's span counts the bytes before it on its line: eight at a time, the bytes
  /// less their continuation bytes, unless a CR is among them.
  static func scalarCount(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
    let counted: Int? = bytes.withUnsafeBufferPointer { buffer in
      var continuations = 0
      var index = range.lowerBound
      while index + 8 <= range.upperBound {
        let word = ByteWord.load(buffer, at: index)
        if ByteWord.equal(word, 0x0D) != 0 { return nil }
        continuations += ByteWord.continuationCount(word)
        index += 8
      }
      while index < range.upperBound {
        let byte = buffer[index]
        if byte == 0x0D { return nil }
        if byte & 0xC0 == 0x80 { continuations += 1 }
        index += 1
      }
      return range.count - continuations
    }
    return counted ?? scalarCountWithCR(bytes, range)
  }

  /// `scalarCount` byte by byte, for text with CR.
  static func scalarCountWithCR(_ bytes: [UInt8], _ range: Range<Int>) -> Int {
    var count = 0
    for index in range where bytes[index] & 0xC0 != 0x80 {
      if bytes[index] == 0x0D && index + 1 < range.upperBound && bytes[index + 1] == 0x0A { continue }
      count += 1
    }
    return count
  }
}

/// Where the last span on a line ended, so that the next span to its right on the same line
/// counts only the bytes between them for its column, not all of the line before it again:
/// tokenizers make a line's cells left to right. Any other span (an earlier offset, another
/// line, a range reaching past the line's end) is made by `SourceText.span` from scratch.
struct SpanCursor {
  private var lineIndex = -1
  /// A decoded offset on the line, and the 1-based column of the scalar starting there.
  private var offset = 0
  private var column = 1
  /// Where the line ends, so that the next cell on it does not look the line up again.
  private var lineEnd = 0

  /// The same span as `text.span(lineIndex:byteRange:)`; `length`, when the caller counted
  /// the range's scalars already.
  mutating func span(_ text: SourceText, lineIndex: Int, byteRange: Range<Int>, length knownLength: Int? = nil) -> SourceSpan {
    let lower = byteRange.lowerBound
    // A line holds no CR or LF, so scalars between two offsets on it add up. A cell near its
    // line's start counts from there, as `SourceText.span` does.
    if lineIndex != self.lineIndex || lower < offset {
      let line = text.lines[lineIndex]
      if lower >= line.start && lower - line.start < 1 << SourceText.blockShift {
        self.lineIndex = lineIndex
        offset = line.start
        column = 1
        lineEnd = line.end
      } else {
        self.lineIndex = -1
      }
    }
    guard self.lineIndex >= 0 && byteRange.upperBound <= lineEnd else {
      let line = text.lines[lineIndex]
      let span = text.span(lineIndex: lineIndex, line: line, byteRange: byteRange)
      if line.start <= lower && byteRange.upperBound <= line.end {
        self.lineIndex = lineIndex
        offset = byteRange.upperBound
        column = span.column + span.length
        lineEnd = line.end
      } else {
        self.lineIndex = -1
      }
      return span
    }
    var start = column
    if lower - offset > 16 {
      start += SourceText.scalarCount(text.utf8, offset..<lower)
    } else {
      // The few bytes between two cells (a tab, a pipe and blanks), on one line: no CR.
      for index in offset..<lower where text.utf8[index] & 0xC0 != 0x80 { start += 1 }
    }
    let length = knownLength ?? (byteRange.isEmpty ? 0 : SourceText.scalarCount(text.utf8, byteRange))
    offset = byteRange.upperBound
    column = start + length
    return SourceSpan(line: lineIndex + 1, column: start, offset: text.originalOffset(of: lower), length: length)
  }
}

extension SourceText {
  /// The span of part of a cell: `scalarOffset` Unicode scalars after the cell's first byte
  /// `cellStart`, `length` scalars long. Parts on later lines of a wrapped cell get the line
  /// they are on.
  public func span(cellStart: Int, scalarOffset: Int, length: Int) -> SourceSpan {
    var position = cellStart
    var remaining = scalarOffset
    var lineIndex = lineIndex(containing: cellStart)
    while remaining > 0 && position < utf8.count {
      let byte = utf8[position]
      position += 1
      if byte == 0x0D && position < utf8.count && utf8[position] == 0x0A { position += 1 }
      if byte == 0x0A || byte == 0x0D { lineIndex += 1 }
      while position < utf8.count && utf8[position] & 0xC0 == 0x80 { position += 1 }
      remaining -= 1
    }
    guard lineIndex < lines.count else {
      return SourceSpan(line: lines.count, column: 1, offset: originalLength, length: 0)
    }
    // Skip blanks the cell's text dropped at the start of a continuation line.
    let line = lines[lineIndex]
    let clamped = Swift.max(Swift.min(position, line.end), line.start)
    var span = self.span(lineIndex: lineIndex, byteRange: clamped..<clamped)
    span.length = length
    return span
  }

  /// The 0-based index of the line holding decoded byte `offset`.
  public func lineIndex(containing offset: Int) -> Int {
    var low = 0
    var high = lines.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if lines.start(of: middle) <= offset { low = middle } else { high = middle - 1 }
    }
    return Swift.max(low, 0)
  }
}
