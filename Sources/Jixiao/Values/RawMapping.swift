/// Maps a range of the NFKC-normalised text back to the text as written, so a compound's
/// parts keep their own raw text (`，` stays full-width, `㎡` stays one character).
enum RawMapping {
  /// The raw text whose normalisation covers `start..<end` of `normalized`; the normalised
  /// text when the two cannot be aligned scalar by scalar (rare composed sequences).
  static func rawText(raw: String, normalized: [Unicode.Scalar], from start: Int, to end: Int) -> String {
    let rawScalars = Array(raw.unicodeScalars)
    var boundaries: [Int] = [0]  // boundaries[i]: normalised offset where raw scalar i starts
    boundaries.reserveCapacity(rawScalars.count + 1)
    var offset = 0
    for scalar in rawScalars {
      offset += scalar.isASCII ? 1 : ICU.nfkc(String(scalar)).unicodeScalars.count
      boundaries.append(offset)
    }
    let lower = min(max(0, start), normalized.count)
    let upper = max(lower, min(end, normalized.count))
    let fallback = String(String.UnicodeScalarView(normalized[lower..<upper]))
    guard offset == normalized.count,
      let first = boundaries.firstIndex(where: { $0 >= start }),
      let last = boundaries.firstIndex(where: { $0 >= end }), first <= last, last <= rawScalars.count
    else { return fallback }
    return String(String.UnicodeScalarView(rawScalars[first..<last]))
  }
}
