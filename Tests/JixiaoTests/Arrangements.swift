import Testing

/// Every text made of one to `length` of the pieces, shortest first: the inputs on which a
/// reading by bytes is held to the reading by scalars or characters it replaced.
enum Arrangements {
  static func of(_ pieces: [String], upTo length: Int) -> [String] {
    var all: [String] = []
    var frontier = [""]
    for _ in 0..<length {
      frontier = frontier.flatMap { prefix in pieces.map { prefix + $0 } }
      all += frontier
    }
    return all
  }
}

extension Arrangements {
  /// Holds `reading` to `reference` on every arrangement of the pieces; the number of texts
  /// the reference changes, for the caller to check that the pieces reach that case at all.
  static func expectSameReading(
    _ pieces: [String], upTo length: Int, _ reading: (String) -> String, as reference: (String) -> String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) -> Int {
    var changed = 0
    for text in of(pieces, upTo: length) {
      let expected = reference(text)
      #expect(reading(text) == expected, "\(text)", sourceLocation: sourceLocation)
      if expected != text { changed += 1 }
    }
    return changed
  }
}
