/// The original file's byte offset of every decoded byte, stored compactly: one 32-bit base
/// per block of 32 decoded bytes and one byte of difference per decoded byte.
///
/// A per-byte `[Int32]` costs 4 bytes per decoded byte (360 MB for 60 MB of GB18030); this
/// costs about 1.1. Within a block the original offsets grow by at most 4 bytes per decoded
/// byte (UTF-32), so a difference fits in a byte; if one ever does not (an unusual charset),
/// the map falls back to the plain representation.
struct OffsetMap: Sendable {
  static let blockSize = 32

  private var bases: [Int32] = []
  private var differences: [UInt8] = []
  private var plain: [Int32]?
  private(set) var count = 0
  /// The last offset appended, for entries ICU leaves without one (-1).
  private var last: Int32 = 0

  init(capacity: Int = 0) {
    differences.reserveCapacity(capacity)
    bases.reserveCapacity(capacity / Self.blockSize + 1)
  }

  /// Appends the original offset of the next decoded byte. Offsets never decrease; a
  /// negative or decreasing one repeats the previous.
  mutating func append(_ original: Int32) {
    let offset = original < last ? last : original
    last = offset
    if plain != nil {
      plain?.append(offset)
      count += 1
      return
    }
    if count % Self.blockSize == 0 { bases.append(offset) }
    let difference = Int(offset) - Int(bases[bases.count - 1])
    if difference > Int(UInt8.max) {
      var expanded = (0..<count).map { Int32(self[$0]) }
      expanded.reserveCapacity(Swift.max(differences.capacity, count + 1))
      expanded.append(offset)
      plain = expanded
      bases = []
      differences = []
      count += 1
      return
    }
    differences.append(UInt8(difference))
    count += 1
  }

  mutating func append(_ original: Int32, times: Int) {
    for _ in 0..<times { append(original) }
  }

  subscript(decoded: Int) -> Int {
    if let plain { return Int(plain[decoded]) }
    return Int(bases[decoded / Self.blockSize]) + Int(differences[decoded])
  }

  /// The first decoded offset whose original offset is at least `original` (`count` if none).
  func firstDecoded(atOrAfter original: Int) -> Int {
    var low = 0
    var high = count
    while low < high {
      let middle = (low + high) / 2
      if self[middle] < original { low = middle + 1 } else { high = middle }
    }
    return low
  }
}
