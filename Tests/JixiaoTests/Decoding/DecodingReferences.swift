@testable import Jixiao

/// Byte-by-byte readings of a text, the references `DecodingPass` is held to: each is the
/// plain loop that one of the decoder's separate passes was before the one pass replaced
/// them all.
enum DecodingReferences {
  /// Where each line starts when split at LF, CRLF and CR, then the text's end.
  static func lineStarts(_ bytes: [UInt8]) -> [Int32] {
    var starts: [Int32] = []
    var start = 0
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x0A {
        starts.append(Int32(start))
        index += 1
        start = index
      } else if bytes[index] == 0x0D {
        starts.append(Int32(start))
        index += (index + 1 < bytes.count && bytes[index + 1] == 0x0A) ? 2 : 1
        start = index
      } else {
        index += 1
      }
    }
    if start < bytes.count { starts.append(Int32(start)) }
    starts.append(Int32(bytes.count))
    return starts
  }

  /// Scalars before each 64-byte block, and after the last when the text fills it.
  static func scalarsBeforeBlocks(_ text: [UInt8]) -> [Int32] {
    var expected: [Int32] = []
    var count: Int32 = 0
    for (index, byte) in text.enumerated() {
      if index % 64 == 0 { expected.append(count) }
      if byte & 0xC0 != 0x80 { count += 1 }
    }
    if text.count % 64 == 0 { expected.append(count) }
    return expected
  }

  /// `SourceDecoder.refuseBinary`'s count: controls, the first one's offset, whether there
  /// is text, and whether printable ASCII.
  static func controls(_ bytes: [UInt8]) -> [Int] {
    let blank: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, 0x0C, 0x0B]
    var controls = 0, first = -1, nonBlank = false, printableASCII = false
    for (index, byte) in bytes.enumerated() {
      if byte < 0x20 && !blank.contains(byte) {
        controls += 1
        if first < 0 { first = index }
      } else if !blank.contains(byte) {
        nonBlank = true
        if byte < 0x7F { printableASCII = true }
      }
    }
    return [controls, first, nonBlank ? 1 : 0, printableASCII ? 1 : 0]
  }

  /// How the text ends its lines, counting each kind of break.
  static func lineEnding(_ bytes: [UInt8]) -> String {
    var lf = 0
    var crlf = 0
    var cr = 0
    var index = 0
    while index < bytes.count {
      if bytes[index] == 0x0D {
        if index + 1 < bytes.count && bytes[index + 1] == 0x0A {
          crlf += 1
          index += 1
        } else {
          cr += 1
        }
      } else if bytes[index] == 0x0A {
        lf += 1
      }
      index += 1
    }
    return LineEndings.describe(lf: lf, crlf: crlf, cr: cr)
  }

  /// `Script.isTraditional(utf8:)` over the first 64 KB, as the tokenizer called it.
  static func isTraditional(_ all: [UInt8]) -> Bool {
    let bytes = Array(all.prefix(1 << 16))
    var traditional = 0
    var simplified = 0
    var index = 0
    while index < bytes.count {
      let lead = bytes[index]
      guard lead >= 0xE4 && lead <= 0xE9 && index + 2 < bytes.count else {
        index += 1
        continue
      }
      let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
      if Script.traditionalOnly.contains(value) {
        traditional += 1
      } else if Script.simplifiedOnly.contains(value) {
        simplified += 1
      }
      index += 3
    }
    return traditional >= 5 && traditional > simplified * 2
  }
}

extension SourceText {
  /// The text of `bytes` as they are (any bytes, valid or not), its lines and counts read
  /// by the references: for tests of what reads a text, independent of the decoder.
  static func byReference(_ bytes: [UInt8]) -> SourceText {
    SourceText(
      utf8: bytes, lineStarts: DecodingReferences.lineStarts(bytes),
      scalarsBeforeBlock: DecodingReferences.scalarsBeforeBlocks(bytes),
      isTraditional: DecodingReferences.isTraditional(bytes), originalOffsets: nil, bomLength: 0,
      originalLength: bytes.count)
  }
}
