/// Maps ranges of the NFKC-normalised text back to the text as written, so a compound's
/// parts keep their own raw text (`，` stays full-width, `㎡` stays one character).
///
/// Built once per cell and asked once per part: building it per part normalised the whole
/// cell again each time, and a cell of a thousand parts (a wrapped cell of a thousand lines)
/// took seconds.
struct RawMapping {
  private let rawScalars: [Unicode.Scalar]
  /// `boundaries[i]`: the normalised offset where raw scalar `i` starts (and, last, the end).
  private let boundaries: [Int]

  init(raw: String) {
    rawScalars = Array(raw.unicodeScalars)
    var boundaries: [Int] = [0]
    boundaries.reserveCapacity(rawScalars.count + 1)
    var offset = 0
    for scalar in rawScalars {
      let text = String(scalar)
      offset += NFKCCheck.mayChange(text) ? ICU.nfkc(text).unicodeScalars.count : 1
      boundaries.append(offset)
    }
    self.boundaries = boundaries
  }

  /// The raw text whose normalisation covers `start..<end` of `normalized`; the normalised
  /// text when the two cannot be aligned scalar by scalar (rare composed sequences).
  func rawText(normalized: [Unicode.Scalar], from start: Int, to end: Int) -> String {
    let lower = min(max(0, start), normalized.count)
    let upper = max(lower, min(end, normalized.count))
    let fallback = String(scalars: normalized[lower..<upper])
    guard boundaries.last == normalized.count else { return fallback }
    let first = firstBoundary(atLeast: start)
    let last = firstBoundary(atLeast: end)
    guard first < boundaries.count, last < boundaries.count, first <= last, last <= rawScalars.count else { return fallback }
    return String(scalars: rawScalars[first..<last])
  }

  /// The first index whose boundary is at least `offset` (`boundaries.count` when none is):
  /// boundaries only grow.
  private func firstBoundary(atLeast offset: Int) -> Int {
    var low = 0
    var high = boundaries.count
    while low < high {
      let middle = (low + high) / 2
      if boundaries[middle] >= offset { high = middle } else { low = middle + 1 }
    }
    return low
  }
}
