/// One pass over UTF-8 bytes: everything the decoder and the text read of them (validation,
/// the search for NUL, the control count, line starts and endings, the scalars of each block,
/// the script test), which used to be six separate passes.
///
/// A file that is valid UTF-8 (nearly every file) is read once, as it is. The pass stops at
/// the first invalid sequence; the decoder then repairs or converts the file and reads the
/// text it made with this same pass, so every text's lines and counts come from here.
/// `DecodingPassTests` holds each reading to a byte-by-byte reference.
struct DecodingPass {
  /// Where each line starts when split at LF, CRLF and CR, then the text's end.
  let lineStarts: [Int32]
  /// Scalars before each block of `1 << SourceText.blockShift` bytes (`SourceText`).
  let scalarsBeforeBlock: [Int32]
  let controls: ControlCount
  /// "LF", "CRLF", "CR", "mixed" or "none" (`LineEndings.describe`).
  let lineEnding: String
  /// `Script.isTraditional` of the first 64 KB.
  let isTraditional: Bool
  /// A NUL byte is among the controls: without a byte-order mark, the file may be UTF-16.
  let hasNUL: Bool

  /// The pass over `bytes`, or nil at an invalid UTF-8 sequence.
  static func scan(_ bytes: [UInt8]) -> DecodingPass? {
    Script.withThreeByteMarks { marks in
      bytes.withUnsafeBufferPointer { scan($0, marks: marks) }
    }
  }

  private init(
    lineStarts: [Int32], scalarsBeforeBlock: [Int32], controls: ControlCount, lineEnding: String,
    isTraditional: Bool, hasNUL: Bool
  ) {
    self.lineStarts = lineStarts
    self.scalarsBeforeBlock = scalarsBeforeBlock
    self.controls = controls
    self.lineEnding = lineEnding
    self.isTraditional = isTraditional
    self.hasNUL = hasNUL
  }

  private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, marks: UnsafeBufferPointer<UInt8>) -> DecodingPass? {
    let count = bytes.count
    var starts: [Int32] = []
    // Generous: capacity never written is never touched, so it costs address space, not
    // memory; growing by doubling copied the array and briefly held both.
    starts.reserveCapacity(count / 16 + 2)
    var blocks: [Int32] = []
    blocks.reserveCapacity((count >> SourceText.blockShift) + 2)
    let blockSize = 1 << SourceText.blockShift
    var nextBlock = 0
    var scalars: Int32 = 0
    var lineStart = 0
    var lf = 0
    var crlf = 0
    var cr = 0
    var controls = ControlCount()
    var hasNUL = false
    var tally = Script.Tally()
    // The script test reads characters that end in the first 64 KB.
    let scriptRunEnd = Swift.min(count, 1 << 16) - 2
    var index = 0
    while index < count {
      // Scalars before each block: every scalar starting before the block's first byte has
      // been counted, and none after it (a sequence across the boundary started before it).
      if index >= nextBlock {
        repeat {
          blocks.append(scalars)
          nextBlock += blockSize
        } while nextBlock <= index
      }
      let byte = bytes[index]
      if byte >= 0x80 {
        controls.nonBlank = true
        // Ideographs are three bytes led by E1–EC or EE–EF whose continuation bytes may
        // take their whole range, as in `UTF8Scan.walk`; other leads are read in full.
        // Ideographs come in runs: the rest of a run is read up to the next block.
        if index &+ 2 < count && isIdeograph(bytes, at: index) {
          // Within the block and far enough from the end for a whole sequence.
          let runEnd = Swift.min(nextBlock, count &- 2)
          if runEnd <= scriptRunEnd {
            // Two at a time while a word holds two ideographs that start in the run: the
            // second starts before `runEnd`, the word ends within the text.
            let pairEnd = Swift.min(runEnd &- 3, count &- 7)
            repeat {
              while index < pairEnd {
                let word = UInt64(littleEndian: ByteWord.load(bytes, at: index))
                guard word & IdeographPair.mask == IdeographPair.pattern else { break }
                let pair = Int(marks[IdeographPair.first(word)]) &+ Int(marks[IdeographPair.second(word)])
                // E0 and ED leads are read one at a time, where `isIdeograph` refuses them.
                guard pair < Int(Script.ThreeByteMark.irregularLead) else { break }
                tally.add(marks: pair)
                scalars &+= 2
                index &+= 6
              }
              guard index < runEnd && isIdeograph(bytes, at: index) else { break }
              tally.add(marks: Int(marks[threeByteValue(bytes, at: index)]))
              scalars &+= 1
              index &+= 3
            } while true
          } else {
            repeat {
              if index < scriptRunEnd { tally.add(marks: Int(marks[threeByteValue(bytes, at: index)])) }
              scalars &+= 1
              index &+= 3
            } while index < runEnd && isIdeograph(bytes, at: index)
          }
          continue
        }
        let (length, isValid) = UTF8Scan.sequence(bytes, at: index)
        guard isValid else { return nil }
        scalars &+= 1
        index += length
        continue
      }
      // Once text and ASCII have been seen, ASCII without controls or line breaks changes
      // nothing but the scalar count: the bytes of a word before its first byte that is
      // not such are skipped (the lowest marked byte is exact: a false mark only follows a
      // true one), which reads most ASCII of a document, between its ideographs too.
      if byte >= 0x20 && controls.isSettled && index + 8 <= count {
        let word = UInt64(littleEndian: ByteWord.load(bytes, at: index))
        let stops = word & ByteWord.highs | ByteWord.below(word, 0x20)
        // At least this byte.
        let plain = stops == 0 ? 8 : stops.trailingZeroBitCount >> 3
        if nextBlock < index + plain {
          blocks.append(scalars &+ Int32(nextBlock - index))
          nextBlock += blockSize
        }
        scalars &+= Int32(plain)
        index += plain
        continue
      }
      scalars &+= 1
      if byte > 0x20 {
        if !controls.isSettled {
          controls.nonBlank = true
          if byte < 0x7F { controls.printableASCII = true }
        }
      } else if byte == 0x0A {
        starts.append(Int32(lineStart))
        lf += 1
        lineStart = index + 1
      } else if byte == 0x0D {
        // Before LF, the LF ends the line: CRLF is one break.
        if index + 1 < count && bytes[index + 1] == 0x0A {
          crlf += 1
          lf -= 1
        } else {
          starts.append(Int32(lineStart))
          cr += 1
          lineStart = index + 1
        }
      } else if byte < 0x20 && byte != 0x09 && byte != 0x0B && byte != 0x0C {
        controls.addControl(at: index)
        if byte == 0 { hasNUL = true }
      }
      index += 1
    }
    while nextBlock <= count {
      blocks.append(scalars)
      nextBlock += blockSize
    }
    if lineStart < count { starts.append(Int32(lineStart)) }
    starts.append(Int32(count))
    return DecodingPass(
      lineStarts: starts, scalarsBeforeBlock: blocks, controls: controls,
      lineEnding: LineEndings.describe(lf: lf, crlf: crlf, cr: cr), isTraditional: tally.isTraditional,
      hasNUL: hasNUL)
  }
}

extension DecodingPass {
  /// The low 16 bits of the scalar of the three-byte sequence at `index` (its `Script.withThreeByteMarks` index).
  @inline(__always)
  fileprivate static func threeByteValue(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
    Int(bytes[index] & 0x0F) << 12 | Int(bytes[index &+ 1] & 0x3F) << 6 | Int(bytes[index &+ 2] & 0x3F)
  }

  /// A three-byte sequence led by E1–EC or EE–EF at `index` (which is at least three bytes
  /// before the end).
  @inline(__always)
  fileprivate static func isIdeograph(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> Bool {
    let lead = bytes[index]
    return lead &- 0xE1 < 15 && lead != 0xED && bytes[index &+ 1] & 0xC0 == 0x80 && bytes[index &+ 2] & 0xC0 == 0x80
  }
}

/// What `SourceDecoder.refuseBinary` reads of a text: its controls (other than tab, line
/// breaks, form feed and vertical tab), and whether it has text and printable ASCII.
struct ControlCount {
  var controls = 0
  /// Offset of the first control, -1 if none.
  var first = -1
  /// A byte that is neither a control nor a blank (space, tab, LF, CR, FF, VT).
  var nonBlank = false
  /// Such a byte below 0x7F.
  var printableASCII = false

  /// Only controls still change the count.
  var isSettled: Bool { nonBlank && printableASCII }

  @inline(__always) mutating func addControl(at index: Int) {
    controls += 1
    if first < 0 { first = index }
  }
}

/// Two three-byte sequences led by E0–EF in the low six bytes of a little-endian word.
enum IdeographPair {
  /// Lead bytes' high nibbles and continuation bytes' top two bits.
  static let mask: UInt64 = 0x0000_C0C0_F0C0_C0F0
  static let pattern: UInt64 = 0x0000_8080_E080_80E0

  /// The low 16 bits of the first sequence's scalar.
  @inline(__always) static func first(_ word: UInt64) -> Int {
    Int(truncatingIfNeeded: (word & 0x0F) << 12 | (word >> 2) & 0xFC0 | (word >> 16) & 0x3F)
  }

  /// The low 16 bits of the second's.
  @inline(__always) static func second(_ word: UInt64) -> Int {
    Int(truncatingIfNeeded: (word >> 12) & 0xF000 | (word >> 26) & 0xFC0 | (word >> 40) & 0x3F)
  }
}
