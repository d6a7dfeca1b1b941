/// Label/value pairs written inside one cell: `资金总额：350 财政拨款：350 自有资金：`,
/// `填报人： 李长洋`, `资金总额: 250\n一、预算资金:250`.
enum InlineFields {
  struct Piece {
    var role: FieldRole
    var label: String
    var labelOffset: Int
    var value: String
    var valueOffset: Int
  }

  /// The pairs in the cell, and where the text they do not explain starts (scalar offset),
  /// if it is not consumed.
  /// `simplify`: the text is in traditional script (labels are known simplified).
  static func split(_ text: String, simplify: Bool = false) -> (pieces: [Piece], leftoverOffset: Int?)? {
    // Every pair has a colon or is an amount after its money label: other texts are not read
    // scalar by scalar (an array of the scalars of a long cell cost thousands of instructions).
    guard hasColon(text) || mayHoldBareAmounts(text) else { return nil }
    let scalars = Array(text.unicodeScalars)
    // Find colons preceded by a known label.
    var labels: [(role: FieldRole, label: String, start: Int, valueStart: Int, bare: Bool)] = []
    var window: [UInt8] = []
    for (index, scalar) in scalars.enumerated() where scalar == ":" || scalar == "：" {
      var best: (FieldRole, Int)?
      // The text before a colon is mostly plain (printable ASCII, ideographs): a candidate
      // label within that plain tail is its own key, and is looked up in place as the end of
      // the tail's bytes, instead of as a string made and normalised for each start.
      var plainStart = index
      if index > 0 && scalars[index - 1] != ":" {
        while plainStart > max(index - 14, 0) && isPlainScalar(scalars[plainStart - 1]) { plainStart -= 1 }
      }
      window.removeAll(keepingCapacity: true)
      for scalar in scalars[plainStart..<index] { UTF8.encode(scalar) { window.append($0) } }
      var candidateStart = window.count
      var start = index - 1
      while start >= 0 && index - start <= 14 {
        if start >= plainStart {
          candidateStart -= UTF8.width(scalars[start])
          // A leading `*` is dropped by `TextKey`: that candidate goes the long way.
          if scalars[start] != "*" && !simplify {
            let role = window.withUnsafeBufferPointer {
              FormVocabulary.role(plainKey: UnsafeBufferPointer(rebasing: $0[candidateStart...]))
            }
            if let role { best = (role, start) }
            start -= 1
            continue
          }
        }
        let candidate = String(scalars: scalars[start..<index])
        let key = TextKey.make(candidate, simplify: simplify)
        if let role = FormVocabulary.role(key), !candidate.hasPrefixBytes(" ") {
          best = (role, start)
        }
        start -= 1
      }
      if let (role, labelStart) = best {
        var trimmedStart = labelStart
        while trimmedStart < index, Blank.isBlank(scalars[trimmedStart]) { trimmedStart += 1 }
        labels.append((role, String(scalars: scalars[trimmedStart..<index]), trimmedStart, index + 1, false))
      }
    }
    for (role, start, end, valueStart) in bareMoneyLabels(scalars, simplify: simplify) {
      labels.append((role, String(scalars: scalars[start..<end]), start, valueStart, true))
    }
    labels.sort { ($0.start, $0.valueStart) < ($1.start, $1.valueStart) }
    // A money label without a colon inside another label's text (`年度总体目标：完成项目资金500万元
    // 的拨付`) is that text's: it is one only after a money label, or first.
    labels = labels.indices.filter { !labels[$0].bare || $0 == 0 || isMoney(labels[$0 - 1].role) }.map { labels[$0] }
    guard !labels.isEmpty else { return nil }
    var pieces: [Piece] = []
    var leftover: Int?
    for (position, label) in labels.enumerated() {
      let end = position + 1 < labels.count ? labels[position + 1].start : scalars.count
      guard label.valueStart <= end else { continue }
      var valueStart = label.valueStart
      while valueStart < end, Blank.isBlank(scalars[valueStart]) || scalars[valueStart] == "\n" { valueStart += 1 }
      var valueEnd = end
      while valueEnd > valueStart, Blank.isBlank(scalars[valueEnd - 1]) || scalars[valueEnd - 1] == "\n" { valueEnd -= 1 }
      var value = String(scalars: scalars[valueStart..<valueEnd])
      // A money label takes only the amount; what follows it is not its value.
      if isMoney(label.role) {
        let (amountLength, rest) = leadingAmount(value)
        if rest > 0 || amountLength == 0 {
          let restStart = valueStart + amountLength
          var restTrimmed = restStart
          while restTrimmed < valueEnd, Blank.isBlank(scalars[restTrimmed]) { restTrimmed += 1 }
          if restTrimmed < valueEnd, position == labels.count - 1 { leftover = restTrimmed }
          value = String(scalars: scalars[valueStart..<restStart]).trimmingBlanks().description
        }
      }
      pieces.append(Piece(role: label.role, label: label.label, labelOffset: label.start, value: value, valueOffset: valueStart))
    }
    if let first = labels.first, first.start > 0 {
      let before = String(scalars: scalars[0..<first.start]).trimmingBlanks()
      if !before.isEmpty { return nil }
    }
    return (pieces, leftover)
  }

  /// `年度资金总额 500万元 其中财政拨款 450万元`, `…，其中财政拨款450万元`: money labels right
  /// before their amounts, without a colon, each first in the text or after a blank, a
  /// separator or 其中. The longest label ending before each number that starts after text.
  private static func bareMoneyLabels(
    _ scalars: [Unicode.Scalar], simplify: Bool
  ) -> [(role: FieldRole, start: Int, end: Int, valueStart: Int)] {
    var found: [(role: FieldRole, start: Int, end: Int, valueStart: Int)] = []
    for index in scalars.indices where isDigit(scalars[index]) {
      // The number's first digit.
      if index > 0, isDigit(scalars[index - 1]) || scalars[index - 1] == "." || scalars[index - 1] == "," { continue }
      var end = index
      while end > 0, Blank.isBlank(scalars[end - 1]) { end -= 1 }
      guard end > 0, scalars[end - 1].properties.isIdeographic else { continue }
      var best: (FieldRole, Int)?
      var start = end - 1
      while start >= 0 && end - start <= 14 {
        if startsPair(scalars, at: start), let role = FormVocabulary.role(TextKey.make(String(scalars: scalars[start..<end]), simplify: simplify)),
          isMoney(role)
        {
          best = (role, start)
        }
        start -= 1
      }
      if let (role, start) = best { found.append((role, start, end, index)) }
    }
    return found
  }

  /// Whether a label may start at `start`: first, or after a blank, a separator or 其中.
  private static func startsPair(_ scalars: [Unicode.Scalar], at start: Int) -> Bool {
    var before = start
    if before >= 2, scalars[before - 2] == "其", scalars[before - 1] == "中" { before -= 2 }
    guard before > 0 else { return true }
    let scalar = scalars[before - 1]
    return Blank.isBlank(scalar) || scalar == "\n" || "，,、;；。.".unicodeScalars.contains(scalar)
  }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar)
  }

  /// A digit and a word of money (资金, 拨款, 总额 …): only such a text may hold a money label
  /// before its amount without a colon.
  private static func mayHoldBareAmounts(_ text: String) -> Bool {
    text.containsASCIIDigit() && moneyWords.contains { text.containsBytes($0) }
  }

  private static let moneyWords = ["资金", "拨款", "总额", "金额", "预算", "结转", "经费", "投资"]

  /// Whether the text holds `:` or `：` (EF BC 9A), by its bytes: eight at a time, and those
  /// of a word holding a 3A or 9A byte one by one.
  static func hasColon(_ text: String) -> Bool { text.withUTF8Bytes(hasColon) }

  /// `hasColon` of a cell's text where it lies (`Cell.withTextBytes`: no copy of the text).
  static func hasColon(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    func endsColon(_ index: Int) -> Bool {
      bytes[index] == 0x3A || bytes[index] == 0x9A && index >= 2 && bytes[index - 2] == 0xEF && bytes[index - 1] == 0xBC
    }
    var index = 0
    while index + 8 <= bytes.count {
      let word = ByteWord.load(bytes, at: index)
      if ByteWord.equal(word, 0x3A) | ByteWord.equal(word, 0x9A) != 0 {
        for position in index..<(index + 8) where endsColon(position) { return true }
      }
      index += 8
    }
    while index < bytes.count {
      if endsColon(index) { return true }
      index += 1
    }
    return false
  }

  /// The role of the label a cell is, or begins with before a colon (`项目名称：…`): what
  /// the readers ask of a row's first cell to tell where a form starts or resumes.
  @inline(__always)
  static func labelRole(of cell: Cell) -> FieldRole? {
    FormVocabulary.role(cell.key) ?? leadingLabelRole(cell.text, simplify: cell.isTraditional)
  }

  /// The role of a label that begins the text and ends at its first colon (`项目名称：…`),
  /// looked up on the bytes before that colon; nil when no colon comes within a label's reach
  /// (14 scalars, as `split` looks) or the words before it are no label. One look-up, on
  /// the bytes in place when they are their own key: the segmenter asks it of the first cell
  /// of every row outside a table, where `split` (an array of scalars, a look-up for each
  /// start) cost more than a whole table's reading on a page of prose.
  static func leadingLabelRole(_ text: String, simplify: Bool = false) -> FieldRole? {
    text.withUTF8Bytes { bytes in
      var start = 0
      while start < bytes.count, let length = Blank.blankLength(bytes, at: start, limit: bytes.count) { start += length }
      var index = start
      var scalars = 0
      while index < bytes.count && scalars <= 14 {
        let isColon =
          bytes[index] == 0x3A
          || bytes[index] == 0xEF && index + 2 < bytes.count && bytes[index + 1] == 0xBC && bytes[index + 2] == 0x9A
        if isColon {
          guard index > start else { return nil }
          let label = UnsafeBufferPointer(rebasing: bytes[start..<index])
          if !simplify && TextKey.isPlain(bytes: label) { return FormVocabulary.role(plainKey: label) }
          return FormVocabulary.role(TextKey.make(String(decoding: label, as: UTF8.self), simplify: simplify))
        }
        // The next scalar starts at the next byte that is not a continuation byte.
        index += 1
        while index < bytes.count, bytes[index] & 0xC0 == 0x80 { index += 1 }
        scalars += 1
      }
      return nil
    }
  }

  /// A scalar that `TextKey.isPlain` passes anywhere in a text: printable ASCII but `<` and
  /// `(`, and U+4000–U+9FFF.
  private static func isPlainScalar(_ scalar: Unicode.Scalar) -> Bool {
    let value = scalar.value
    if value < 0x80 { return value > 0x20 && value < 0x7F && value != 0x3C && value != 0x28 }
    return value >= 0x4000 && value <= 0x9FFF
  }

  static func isMoney(_ role: FieldRole) -> Bool {
    switch role {
    case .fundsTotal, .fundsProjectTotal, .fiscal, .other, .carryover, .ownFunds, .fundsLine, .fiscalPart: true
    default: false
    }
  }

  /// Scalars of the amount at the start of `value` (digits, separators, a money unit), and
  /// how many scalars follow it. It takes what `AmountReader` reads as one number: thousands a
  /// space apart before a decimal part (`1 268.40万元`) and letters OCR put for digits
  /// (`1O68.40万元`); cut at the first space or letter, the amount was its first digits, read
  /// without a word (1 万元), the rest residue.
  static func leadingAmount(_ value: String) -> (Int, Int) {
    let written = Array(value.unicodeScalars)
    // (One scalar for one: the lengths hold for the text as written.)
    let scalars = LookalikeDigits.reading(written) ?? written
    var index = 0
    var digits = 0
    var separated = false
    while index < scalars.count {
      let scalar = scalars[index]
      if isAmountDigit(scalar) {
        digits += 1
      } else if scalar == "." || scalar == "," || scalar == "，" || scalar == "．" {
        // part of the number
        separated = true
      } else if scalar == " ", !separated, (1...3).contains(digits), let point = pointAfterSpaceGroups(scalars, index) {
        digits += (point - index) / 4 * 3
        index = point
        continue
      } else {
        break
      }
      index += 1
    }
    guard digits > 0 else { return (0, scalars.count) }
    // `1、事业收入` is a numbered label, not an amount.
    if index < scalars.count, scalars[index] == "、" || scalars[index] == "." { return (0, scalars.count) }
    for unit in ["万元", "元", "万", "亿元", "千元"] {
      let unitScalars = Array(unit.unicodeScalars)
      if index + unitScalars.count <= scalars.count, Array(scalars[index..<(index + unitScalars.count)]) == unitScalars {
        index += unitScalars.count
        break
      }
    }
    return (index, scalars.count - index)
  }

  private static func isAmountDigit(_ scalar: Unicode.Scalar) -> Bool {
    ("0"..."9").contains(scalar) || ("０"..."９").contains(scalar)
  }

  /// Where the decimal point is after groups of three digits each one space after the last
  /// (`1 268.40`, from the first space): nil unless a point and a digit end them, as the
  /// value tokenizer takes them (`350 350` may be two amounts).
  private static func pointAfterSpaceGroups(_ scalars: [Unicode.Scalar], _ start: Int) -> Int? {
    var index = start
    while index + 3 < scalars.count, scalars[index] == " ", (1...3).allSatisfy({ isAmountDigit(scalars[index + $0]) }) {
      index += 4
    }
    guard index > start, index + 1 < scalars.count, scalars[index] == "." || scalars[index] == "．",
      isAmountDigit(scalars[index + 1])
    else { return nil }
    return index
  }
}
