/// The parts of an indicator that can carry their own span.
public enum SpanName: String, Sendable, CaseIterable {
  case level1, level2, name
  /// A level cell on the row that the resolver did not use (kept so that it is accounted for).
  case level1Cell
  /// The end of a level-2 name cut off at a page break.
  case level2Fragment
  case explanation, scoring, unitColumn, valueType, direction, weight, remark, standard
  case actual, score, deviation

  /// The place of the name in the alphabetical order of the raw values, the order of a
  /// `SpanTable`; by a switch, since comparing the raw strings cost more than the rest of
  /// an insertion (SpanTableTests hold it to the strings' order).
  var order: Int {
    switch self {
    case .actual: 0
    case .deviation: 1
    case .direction: 2
    case .explanation: 3
    case .level1: 4
    case .level1Cell: 5
    case .level2: 6
    case .level2Fragment: 7
    case .name: 8
    case .remark: 9
    case .score: 10
    case .scoring: 11
    case .standard: 12
    case .unitColumn: 13
    case .valueType: 14
    case .weight: 15
    }
  }

  /// The name at `order`, the inverse of `order` (SpanTableTests hold the two together).
  init(order: Int) {
    self =
      switch order {
      case 0: .actual
      case 1: .deviation
      case 2: .direction
      case 3: .explanation
      case 4: .level1
      case 5: .level1Cell
      case 6: .level2
      case 7: .level2Fragment
      case 8: .name
      case 9: .remark
      case 10: .score
      case 11: .scoring
      case 12: .standard
      case 13: .unitColumn
      case 14: .valueType
      default: .weight
      }
  }
}

/// Where each part of an indicator came from (name, level 1, scoring …), in the order of the
/// parts' names, which is the order they are written in.
///
/// A bit per name and the spans in the names' order: not a dictionary, which took about 600
/// bytes per indicator (sixteen buckets of a string key and a span), nor a list of name and
/// span pairs, whose entries were a quarter larger and which was grown one entry at a time.
public struct SpanTable: Sendable, Hashable, Sequence {
  public struct Entry: Sendable, Hashable {
    public let name: SpanName
    public let span: SourceSpan
  }

  // The spans before the names: the two bytes of names end the table, and an indicator's
  // fields fill the six after them (in the other order they were padding).
  /// The spans, in the order of their names.
  private var spans: [SourceSpan] = []
  /// Bit `name.order` is set for each name that has a span.
  private var names: UInt16 = 0

  public init() {}

  /// An empty table with room for `capacity` spans, so that filling it allocates once.
  init(capacity: Int) { spans.reserveCapacity(capacity) }

  public var isEmpty: Bool { names == 0 }

  /// The place of `name`'s span among the spans: how many names before it have one.
  @inline(__always)
  private func position(of name: SpanName) -> Int {
    (names & (UInt16(1) << name.order &- 1)).nonzeroBitCount
  }

  public subscript(name: SpanName) -> SourceSpan? {
    get { names & UInt16(1) << name.order != 0 ? spans[position(of: name)] : nil }
    set {
      let bit = UInt16(1) << name.order
      let index = position(of: name)
      if names & bit != 0 {
        if let newValue { spans[index] = newValue } else { spans.remove(at: index); names &= ~bit }
      } else if let newValue {
        // Appended, then moved down to its place by hand: `insert(_:at:)` goes through the
        // generic `replaceSubrange`, several times the cost of moving a few spans.
        spans.append(newValue)
        spans.withUnsafeMutableBufferPointer { spans in
          var position = spans.count - 1
          while position > index {
            spans[position] = spans[position - 1]
            position -= 1
          }
          spans[index] = newValue
        }
        names |= bit
      }
    }
  }

  /// The bit of `name` in a set of names.
  @inline(__always)
  static func bit(_ name: SpanName) -> UInt16 { UInt16(1) << name.order }

  /// A table with a span for each of `names`, each a placeholder until `place`d: the spans
  /// allocated once, of their exact number. Set one by one, they were appended to an array
  /// reserved for as many as a row might have (a 10 MB document's indicators kept 0.7 MB of
  /// it unused), and each moved down to its place.
  init(reservingFor names: UInt16) {
    self.names = names
    // Reserved and appended: `Array(repeating:count:)` was not specialized, and looked the
    // array's type up at run time for every table (some 700 instructions).
    let count = names.nonzeroBitCount
    guard count > 0 else { return }
    spans.reserveCapacity(count)
    for _ in 0..<count { spans.append(SourceSpan(line: 0, column: 0, offset: 0)) }
  }

  /// Sets the span of `name`, one of the names the table was made for (another is inserted).
  mutating func place(_ name: SpanName, _ span: SourceSpan) {
    guard names & Self.bit(name) != 0 else { return self[name] = span }
    spans[position(of: name)] = span
  }

  public struct Iterator: IteratorProtocol {
    fileprivate var remaining: UInt16
    fileprivate var spans: IndexingIterator<[SourceSpan]>

    public mutating func next() -> Entry? {
      guard remaining != 0, let span = spans.next() else { return nil }
      let order = remaining.trailingZeroBitCount
      remaining &= remaining &- 1
      return Entry(name: SpanName(order: order), span: span)
    }
  }

  public func makeIterator() -> Iterator { Iterator(remaining: names, spans: spans.makeIterator()) }
}
