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
}

/// Where each part of an indicator came from (name, level 1, scoring …), in the order of the
/// parts' names, which is the order they are written in.
///
/// A short sorted list, not a dictionary: an indicator has seven or eight spans, and a
/// dictionary of them took about 600 bytes (sixteen buckets of a string key and a span),
/// more than any other part of a large document's model; this takes about 200.
public struct SpanTable: Sendable, Hashable, Sequence {
  public struct Entry: Sendable, Hashable {
    public let name: SpanName
    public let span: SourceSpan
  }

  private var entries: [Entry] = []

  public init() {}

  public var isEmpty: Bool { entries.isEmpty }

  public subscript(name: SpanName) -> SourceSpan? {
    get { entries.first { $0.name == name }?.span }
    set {
      if let index = entries.firstIndex(where: { $0.name == name }) {
        if let newValue { entries[index] = Entry(name: name, span: newValue) } else { entries.remove(at: index) }
      } else if let newValue {
        let index = entries.firstIndex { $0.name.order > name.order } ?? entries.count
        entries.insert(Entry(name: name, span: newValue), at: index)
      }
    }
  }

  public func makeIterator() -> IndexingIterator<[Entry]> { entries.makeIterator() }
}
