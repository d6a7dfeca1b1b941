/// Blank characters as pasted pages have them: ASCII space and tab, NBSP, ideographic space.
enum Blank {
  @inline(__always) static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20, 0x09, 0x0B, 0x0C, 0xA0, 0x3000, 0xFEFF, 0x200B, 0x2002...0x200A: true
    default: false
    }
  }

  /// Unicode's White_Space property, all 25 of its characters: `scalar.properties` looks the
  /// property up in tables (some 350 instructions), and the value grammar asks it of every
  /// scalar of a target.
  @inline(__always) static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
    default: false
    }
  }

  /// Byte range of `bytes[range]` without blanks at either end (of the text's array, or of
  /// a buffer over it).
  static func trim<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, _ range: Range<Int>) -> Range<Int> where Bytes.Index == Int {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper, let length = blankLength(bytes, at: lower, limit: upper) {
      lower += length
    }
    while upper > lower, let length = blankLengthBefore(bytes, end: upper, limit: lower) {
      upper -= length
    }
    return lower..<upper
  }

  /// Length of the blank character starting at `index`, if it is one.
  static func blankLength<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at index: Int, limit: Int) -> Int? where Bytes.Index == Int {
    let byte = bytes[index]
    if byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C { return 1 }
    if byte == 0xC2, index + 1 < limit, bytes[index + 1] == 0xA0 { return 2 }
    if byte == 0xE3, index + 2 < limit, bytes[index + 1] == 0x80, bytes[index + 2] == 0x80 {
      return 3
    }
    if byte == 0xEF, index + 2 < limit, bytes[index + 1] == 0xBB, bytes[index + 2] == 0xBF {
      return 3
    }
    if byte == 0xE2, index + 2 < limit, bytes[index + 1] == 0x80,
      (0x82...0x8B).contains(bytes[index + 2])
    {
      return 3
    }
    return nil
  }

  /// The end of the run of blanks that starts at `index` with a blank of `length` bytes, and
  /// how many blanks it holds: whether blanks separate cells is read from runs (two or more,
  /// or a wide one, in plain text; mostly runs or mostly single spaces, in a spaced page).
  static func run<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, at index: Int, firstLength length: Int, limit: Int)
    -> (end: Int, count: Int) where Bytes.Index == Int
  {
    var end = index + length
    var count = 1
    while end < limit, let next = blankLength(bytes, at: end, limit: limit) {
      end += next
      count += 1
    }
    return (end, count)
  }

  static func blankLengthBefore<Bytes: RandomAccessCollection<UInt8>>(_ bytes: Bytes, end: Int, limit: Int) -> Int? where Bytes.Index == Int {
    let byte = bytes[end - 1]
    if byte == 0x20 || byte == 0x09 || byte == 0x0B || byte == 0x0C { return 1 }
    if end - 2 >= limit, bytes[end - 2] == 0xC2, byte == 0xA0 { return 2 }
    if end - 3 >= limit {
      let a = bytes[end - 3]
      let b = bytes[end - 2]
      if a == 0xE3 && b == 0x80 && byte == 0x80 { return 3 }
      if a == 0xEF && b == 0xBB && byte == 0xBF { return 3 }
      if a == 0xE2 && b == 0x80 && (0x82...0x8B).contains(byte) { return 3 }
    }
    return nil
  }
}

extension Blank {
  static func isBlankCharacter(_ character: Character) -> Bool {
    character.unicodeScalars.allSatisfy { isBlank($0) }
  }
}
