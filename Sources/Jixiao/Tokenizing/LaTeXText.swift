/// The text of a LaTeX cell: markup read as what it prints. Commands that only format or rule
/// are dropped with their arguments; those that wrap a text (`\textbf`, `\makecell`,
/// `\multirow`…) keep their last argument; symbols become their characters (`\geq` ≥,
/// `\%` %); math delimiters (`$`, `\(`, `\)`) go; `\\` inside a cell is a line break; an
/// unknown command is dropped and its arguments kept, so no text is lost to it.
enum LaTeXText {
  struct Decoded {
    var text: String
    /// Columns a `\multicolumn` spans (1 otherwise).
    var columnSpan: Int
    /// The source byte the text's first character comes from (nil: no text).
    var firstSource: Int?
  }

  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Decoded {
    var decoder = Decoder(bytes: bytes)
    var span = 1
    var start = range.lowerBound
    if startsWith(bytes, start, range.upperBound, "\\multicolumn") {
      var arguments: [Range<Int>] = []
      start = decoder.arguments(after: start + 12, limit: range.upperBound, into: &arguments, count: 3)
      if arguments.count >= 3 {
        span = Int(String(decoding: UnsafeBufferPointer(rebasing: bytes[arguments[0]]), as: UTF8.self).filter { !$0.isWhitespace }) ?? 1
        decoder.append(arguments[2])
      } else {
        decoder.append(arguments.last ?? start..<start)
      }
    }
    decoder.append(start..<range.upperBound)
    return Decoded(text: decoder.finished(), columnSpan: Swift.min(Swift.max(span, 1), 64), firstSource: decoder.firstSource)
  }

  /// Formatting and rules: dropped with this many brace arguments (an optional `[…]`, `(…)`
  /// or `*` before them is dropped too).
  static let dropped: [String: Int] = [
    "hline": 0, "cline": 1, "hhline": 1, "cmidrule": 1, "toprule": 0, "midrule": 0, "bottomrule": 0,
    "specialrule": 3, "addlinespace": 0, "morecmidrules": 0, "label": 1, "vspace": 1, "hspace": 1, "rule": 2,
    "setlength": 2, "cellcolor": 1, "rowcolor": 1, "color": 1, "arrayrulecolor": 1, "centering": 0,
    "raggedright": 0, "raggedleft": 0, "arraybackslash": 0, "endhead": 0, "endfirsthead": 0, "endfoot": 0,
    "endlastfoot": 0, "noindent": 0, "bfseries": 0, "itshape": 0, "mdseries": 0, "normalfont": 0, "small": 0,
    "footnotesize": 0, "scriptsize": 0, "tiny": 0, "large": 0, "Large": 0, "normalsize": 0, "linewidth": 0,
    "textwidth": 0, "strut": 0, "hfill": 0, "vfill": 0, "displaystyle": 0, "textstyle": 0, "nobreak": 0,
    "newpage": 0, "clearpage": 0, "pagebreak": 0, "columnwidth": 0, "tabcolsep": 0, "arraystretch": 0,
    "renewcommand": 2, "vline": 0, "left": 0, "right": 0, "big": 0, "Big": 0, "limits": 0, "nolimits": 0,
  ]

  /// Commands that print their last argument, by their number of brace arguments
  /// (`\multirow{2}{*}{…}`: its `*` may be written bare, and is an argument then).
  static let wrappers: [String: Int] = [
    "multirow": 3, "multicolumn": 3, "makecell": 1, "thead": 1, "shortstack": 1, "parbox": 2, "textbf": 1,
    "textit": 1, "emph": 1, "underline": 1, "text": 1, "mathrm": 1, "mathbf": 1, "mathit": 1, "mathsf": 1,
    "mathtt": 1, "mathbb": 1, "textrm": 1, "textsf": 1, "texttt": 1, "mbox": 1, "hbox": 1, "fbox": 1, "makebox": 1,
    "framebox": 1, "textnormal": 1, "textup": 1, "textsc": 1, "uline": 1, "sout": 1, "boldsymbol": 1,
    "operatorname": 1, "textcolor": 2, "resizebox": 3, "scalebox": 2, "href": 2, "caption": 1, "section": 1,
    "subsection": 1, "subsubsection": 1, "paragraph": 1, "title": 1, "footnote": 1, "heiti": 1, "kaishu": 1,
    "songti": 1, "fangsong": 1, "mathop": 1, "overline": 1, "widehat": 1, "hat": 1, "tilde": 1, "vec": 1, "bm": 1,
    "pmb": 1, "textsuperscript": 1, "textsubscript": 1,
  ]

  /// Symbols by command name.
  static let symbols: [String: String] = [
    "geq": "≥", "ge": "≥", "geqslant": "≥", "leq": "≤", "le": "≤", "leqslant": "≤", "neq": "≠", "ne": "≠",
    "gt": ">", "lt": "<", "textgreater": ">", "textless": "<", "times": "×", "div": "÷", "pm": "±", "mp": "∓",
    "sim": "~", "approx": "≈", "cdot": "·", "cdots": "…", "ldots": "…", "dots": "…", "textasciitilde": "~",
    "degree": "°", "circ": "°", "textdegree": "°", "textbackslash": "\\", "checkmark": "✓", "surd": "√",
    "yen": "¥", "textyen": "¥", "square": "□", "Box": "□", "blacksquare": "■", "bigstar": "★", "star": "☆",
    "infty": "∞", "to": "→", "rightarrow": "→", "leftarrow": "←", "quad": " ", "qquad": " ", "space": " ",
    "newline": "\n", "linebreak": "\n", "par": "\n", "textperthousand": "‰", "permil": "‰", "perthousand": "‰",
    "textpercent": "%", "percent": "%", "S": "§", "textbullet": "•", "bullet": "•", "prime": "′",
    "textemdash": "—", "textendash": "–", "lbrace": "{", "rbrace": "}", "langle": "〈", "rangle": "〉",
  ]

  static func startsWith(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ limit: Int, _ prefix: StaticString) -> Bool {
    let count = prefix.utf8CodeUnitCount
    guard index + count <= limit else { return false }
    let start = prefix.utf8Start
    for offset in 0..<count where bytes[index + offset] != start[offset] { return false }
    return true
  }

  static func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }

  /// The index after the group that opens at `index` (`{…}`, `[…]` or `(…)`, nested), or
  /// `limit` when it does not close.
  static func groupEnd(_ bytes: UnsafeBufferPointer<UInt8>, from index: Int, limit: Int) -> Int {
    let open = bytes[index]
    let close: UInt8 = open == 0x7B ? 0x7D : open == 0x5B ? 0x5D : 0x29
    var depth = 0
    var cursor = index
    while cursor < limit {
      let byte = bytes[cursor]
      if byte == 0x5C {
        cursor += 2
        continue
      }
      if byte == open {
        depth += 1
      } else if byte == close {
        depth -= 1
        if depth == 0 { return cursor + 1 }
      }
      cursor += 1
    }
    return limit
  }

  /// The end of a rule command (`\hline`, `\cline{2-4}`, `\cmidrule(lr){1-2}`…) starting at
  /// `index`, its arguments included, or nil when the command there is no rule.
  static func ruleCommandEnd(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int, _ limit: Int) -> Int? {
    guard index + 1 < limit, bytes[index] == 0x5C, isLetter(bytes[index + 1]) else { return nil }
    var end = index + 1
    while end < limit, isLetter(bytes[end]) { end += 1 }
    let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]), as: UTF8.self)
    guard let arity = dropped[name] else { return nil }
    let decoder = Decoder(bytes: bytes)
    var arguments: [Range<Int>] = []
    return decoder.arguments(after: end, limit: limit, into: &arguments, count: arity)
  }

  struct Decoder {
    let bytes: UnsafeBufferPointer<UInt8>
    var output: [UInt8] = []
    var inMath = false
    /// Where the first character written came from: a cell's span starts there, at its text
    /// rather than at the markup around it.
    var firstSource: Int?

    init(bytes: UnsafeBufferPointer<UInt8>) {
      self.bytes = bytes
    }

    /// The arguments after a command name ending at `index`: optional `[…]` (and `(…)`
    /// before the first) skipped, brace groups collected, at most `count` (all when nil); a
    /// bare `*` is skipped, or taken as an empty argument where `starIsArgument`. Returns
    /// where they end.
    func arguments(
      after index: Int, limit: Int, into arguments: inout [Range<Int>], count: Int? = nil, starIsArgument: Bool = false
    ) -> Int {
      var cursor = index
      while cursor < limit {
        if let count, arguments.count >= count { return cursor }
        var next = cursor
        while next < limit, bytes[next] == 0x20 { next += 1 }
        guard next < limit else { break }
        let byte = bytes[next]
        if byte == 0x5B || (byte == 0x28 && arguments.isEmpty) {
          cursor = LaTeXText.groupEnd(bytes, from: next, limit: limit)
        } else if byte == 0x2A {
          if starIsArgument { arguments.append(next..<next) }
          cursor = next + 1
        } else if byte == 0x7B {
          let end = LaTeXText.groupEnd(bytes, from: next, limit: limit)
          arguments.append((next + 1)..<Swift.max(next + 1, end - 1))
          cursor = end
        } else {
          return cursor
        }
      }
      return Swift.min(cursor, limit)
    }

    mutating func append(_ range: Range<Int>) {
      var index = range.lowerBound
      let limit = range.upperBound
      while index < limit {
        let byte = bytes[index]
        switch byte {
        case 0x5C:
          index = command(at: index, limit: limit)
        case 0x7B, 0x7D:
          index += 1
        case 0x24:
          inMath.toggle()
          index += 1
        case 0x7E:
          output.append(0x20)
          index += 1
        case 0x5E where inMath:
          index = superscript(at: index + 1, limit: limit)
        case 0x5F where inMath:
          index += 1
        case 0x20, 0x09, 0x0A, 0x0D:
          // Blanks in math only part words (`96 \%` is 96%); elsewhere they are kept as one.
          var end = index
          var sawLineBreak = false
          while end < limit, bytes[end] == 0x20 || bytes[end] == 0x09 || bytes[end] == 0x0A || bytes[end] == 0x0D {
            if bytes[end] == 0x0A || bytes[end] == 0x0D { sawLineBreak = true }
            end += 1
          }
          let before = output.last ?? 0x20
          let after = end < limit ? bytes[end] : 0x20
          let keep: Bool
          if inMath {
            keep = Self.isWordByte(before) && Self.isWordByte(after)
          } else if sawLineBreak && before >= 0x80 && after >= 0x80 {
            // A source line break between two CJK characters is no blank in the text.
            keep = false
          } else {
            keep = before != 0x20 && before != 0x0A
          }
          if keep { output.append(0x20) }
          index = end
        default:
          if firstSource == nil { firstSource = index }
          output.append(byte)
          index += 1
        }
      }
    }

    static func isWordByte(_ byte: UInt8) -> Bool {
      LaTeXText.isLetter(byte) || (byte >= 0x30 && byte <= 0x39)
    }

    /// `^2`, `^{2}`: ², ³; any other exponent is written as it is.
    private mutating func superscript(at index: Int, limit: Int) -> Int {
      guard index < limit else { return index }
      var digit: UInt8?
      var end = index
      if bytes[index] == 0x7B, index + 2 < limit, bytes[index + 2] == 0x7D {
        digit = bytes[index + 1]
        end = index + 3
      } else {
        digit = bytes[index]
        end = index + 1
      }
      switch digit {
      case 0x32: output.append(contentsOf: Array("²".utf8))
      case 0x33: output.append(contentsOf: Array("³".utf8))
      default: return index
      }
      return end
    }

    private mutating func command(at index: Int, limit: Int) -> Int {
      guard index + 1 < limit else { return limit }
      let next = bytes[index + 1]
      guard LaTeXText.isLetter(next) else {
        switch next {
        case 0x5C:
          trimTrailingBlank()
          output.append(0x0A)
        case 0x28, 0x29, 0x5B, 0x5D:
          // `\(` `\)` `\[` `\]`: math delimiters.
          inMath = next == 0x28 || next == 0x5B
        case 0x20, 0x2C, 0x3B, 0x3A:
          if output.last != 0x20 && !inMath { output.append(0x20) }
        case 0x21, 0x2F, 0x2D:
          break
        case 0x27, 0x60, 0x5E, 0x22, 0x7E, 0x3D, 0x2E:
          // Accents: the letter after them is kept.
          break
        default:
          // `\%`, `\&`, `\_`, `\#`, `\$`, `\{`, `\}`, or any other escaped character.
          if firstSource == nil { firstSource = index }
          output.append(next)
        }
        return index + 2
      }
      var end = index + 1
      while end < limit, LaTeXText.isLetter(bytes[end]) { end += 1 }
      let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(index + 1)..<end]), as: UTF8.self)
      if name == "begin" || name == "end" {
        // Inner environments (a cell's nested tabular, a minipage) print their body only.
        var arguments: [Range<Int>] = []
        let afterName = self.arguments(after: end, limit: limit, into: &arguments, count: 1)
        guard name == "begin" else { return afterName }
        let environment = arguments.first.map { String(decoding: UnsafeBufferPointer(rebasing: bytes[$0]), as: UTF8.self) }
        let count = environment == "tabularx" || environment == "tabular*" || environment == "tabulary" ? 2 : 1
        var more: [Range<Int>] = []
        return self.arguments(after: afterName, limit: limit, into: &more, count: count)
      }
      if let symbol = LaTeXText.symbols[name] {
        if symbol == "\n" { trimTrailingBlank() }
        if firstSource == nil && symbol != " " && symbol != "\n" { firstSource = index }
        output.append(contentsOf: Array(symbol.utf8))
        // `\geq{}`: an empty group ends the name.
        if end + 1 < limit, bytes[end] == 0x7B, bytes[end + 1] == 0x7D { return end + 2 }
        return end
      }
      if let arity = LaTeXText.dropped[name] {
        var arguments: [Range<Int>] = []
        return self.arguments(after: end, limit: limit, into: &arguments, count: arity)
      }
      if name == "frac" || name == "dfrac" || name == "tfrac" {
        var arguments: [Range<Int>] = []
        let after = self.arguments(after: end, limit: limit, into: &arguments, count: 2)
        if arguments.count == 2 {
          append(arguments[0])
          output.append(0x2F)
          append(arguments[1])
        }
        return after
      }
      if name == "sqrt" { output.append(contentsOf: Array("√".utf8)) }
      if let arity = LaTeXText.wrappers[name] {
        var arguments: [Range<Int>] = []
        let after = self.arguments(after: end, limit: limit, into: &arguments, count: arity, starIsArgument: name == "multirow")
        if let last = arguments.last { append(last) }
        return after
      }
      // Unknown: the name goes, what follows is read on (its arguments' text kept).
      return end
    }

    private mutating func trimTrailingBlank() {
      while output.last == 0x20 { output.removeLast() }
    }

    /// The text, outer blanks and blanks around line breaks trimmed.
    func finished() -> String {
      var lines = String(decoding: output, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        .map { $0.trimmingBlanks() }
      while lines.last?.isEmpty == true { lines.removeLast() }
      while lines.first?.isEmpty == true { lines.removeFirst() }
      return lines.joined(separator: "\n")
    }
  }
}

extension Substring {
  fileprivate func trimmingBlanks() -> String {
    var view = self
    while let first = view.first, first == " " || first == "\u{3000}" || first == "\u{A0}" { view = view.dropFirst() }
    while let last = view.last, last == " " || last == "\u{3000}" || last == "\u{A0}" { view = view.dropLast() }
    return String(view)
  }
}
