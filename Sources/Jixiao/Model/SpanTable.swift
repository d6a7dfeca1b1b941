/// The parts of an indicator that can carry their own span.
public enum SpanName: String, Sendable, CaseIterable {
  case level1, level2, name
  /// A level cell on the row that the resolver did not use (kept so that it is accounted for).
  case level1Cell
  /// The end of a level-2 name cut off at a page break.
  case level2Fragment
  case explanation, scoring, unitColumn, valueType, direction, weight, remark, standard
  case actual, score, deviation
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
        let index = entries.firstIndex { $0.name.rawValue > name.rawValue } ?? entries.count
        entries.insert(Entry(name: name, span: newValue), at: index)
      }
    }
  }

  public func makeIterator() -> IndexingIterator<[Entry]> { entries.makeIterator() }
}
