import FoundationEssentials

/// Targets written one after another in a segment, with no list separator between them.
struct SuccessiveTargets {
  /// The targets, as slices of the segment, without the separators between them.
  var pieces: [ArraySlice<ValueToken>]
  /// A `/` or 或 stood between two of them: they are alternatives, never one range.
  var areAlternatives: Bool
}

extension TargetParser {
  /// `≥90%≤100%`, `不少于5次不超过10次`, `90%以上100%以下`, `≥90% ≥95%`: bounds written back to
  /// back, each with its own comparison, and `≥90%/≥95%`, `≥90%或≥95%`, `90%/95%`: targets across a `/` or
  /// 或, each with a comparison or a unit of its own. Read as one segment, all but the last
  /// were taken for a label and lost; each is a part of its own (two inclusive bounds one
  /// range, as across a comma).
  ///
  /// A `/` inside a unit (`元/人`, `次/年`) is the amount's and never reaches here, and one
  /// between bare numbers (`1/2`) splits nothing. Nil unless every number of the segment is
  /// in a piece, so that anything else (`80%≤x≤100%`, `6月底经费使用≥30%`) is read as before.
  func successiveTargets(in segment: ArraySlice<ValueToken>) -> SuccessiveTargets? {
    var flags: [Target.Flag] = []
    let tokens = valueTokens(of: segment, flags: &flags)
    var index = 0
    while index < tokens.count, isLabel(tokens[index]) { index += 1 }
    guard var previous = bound(tokens, at: index) else { return nil }
    // Where each piece ends and the next begins, as places in the text: the readers' tokens
    // lack the ignorable ones the segment keeps.
    var cuts: [(end: Int, next: Int)] = []
    var areAlternatives = false
    while true {
      var next = previous.end
      let separated = next < tokens.count && (tokens[next].lexeme == .slash || tokens[next].lexeme == .alternative)
      if separated { next += 1 }
      guard let following = bound(tokens, at: next) else { break }
      if separated {
        guard previous.hasOperator || previous.hasUnit, following.hasOperator || following.hasUnit else { break }
      } else {
        guard previous.hasOperator, following.hasOperator else { break }
      }
      cuts.append((tokens[previous.end - 1].end, tokens[next].start))
      areAlternatives = areAlternatives || separated
      previous = following
    }
    guard !cuts.isEmpty, !tokens[previous.end...].contains(where: { $0.isNumeric }) else { return nil }
    var pieces: [ArraySlice<ValueToken>] = []
    var start = segment.startIndex
    for cut in cuts {
      let end = segment[start...].firstIndex { $0.start >= cut.end } ?? segment.endIndex
      pieces.append(segment[start..<end])
      start = segment[end...].firstIndex { $0.start >= cut.next } ?? segment.endIndex
    }
    pieces.append(segment[start...])
    return SuccessiveTargets(pieces: pieces, areAlternatives: areAlternatives)
  }

  /// One bound from `start`: comparison words, an amount, comparison or approximate words
  /// after it.
  private func bound(_ tokens: [ValueToken], at start: Int) -> (end: Int, hasOperator: Bool, hasUnit: Bool)? {
    var index = start
    var hasOperator = false
    while index < tokens.count, isPrefixWord(tokens[index]) {
      if tokens[index].lexeme != .approximately { hasOperator = true }
      index += 1
    }
    guard let amount = readAmount(tokens, at: index) else { return nil }
    index = amount.end
    while index < tokens.count {
      if case .comparison(_, .suffix) = tokens[index].lexeme {
        hasOperator = true
      } else if tokens[index].lexeme != .approximately {
        break
      }
      index += 1
    }
    return (index, hasOperator, amount.unit != nil || amount.magnitude != nil)
  }

  /// Whether a cell may hold successive targets: a number, then a comparison (`≥`, `以上`), a
  /// `/` or 或 before another number. Most cells hold one number or none and are not looked at again.
  static func mayHoldSuccessiveTargets(_ tokens: [ValueToken]) -> Bool {
    var sawNumber = false
    var sawJoint = false
    for token in tokens {
      if token.isNumeric {
        if sawJoint { return true }
        sawNumber = true
        continue
      }
      guard sawNumber else { continue }
      switch token.lexeme {
      case .comparison, .keepWithin, .slash, .alternative: sawJoint = true
      default: break
      }
    }
    return false
  }

  /// The cell read with the successive targets of its segments as parts of their own; nil
  /// when no segment holds any (the cell is read as before).
  func readSuccessive(_ segments: [ArraySlice<ValueToken>]) -> Target? {
    var parts: [Target] = []
    var slices: [ArraySlice<ValueToken>] = []
    var split = false
    for segment in segments {
      if let successive = successiveTargets(in: segment) {
        let pieces = successive.pieces.map { readSegment($0) }
        if pieces.allSatisfy({ $0.kind.isStructured }) {
          split = true
          // 不低于90%不高于100%: one range, as 不低于90%，不高于100% is.
          if !successive.areAlternatives, let range = readTwoBounds(pieces) {
            parts.append(range)
            slices.append(segment)
          } else {
            parts += pieces
            slices += successive.pieces
          }
          continue
        }
      }
      parts.append(readSegment(segment))
      slices.append(segment)
    }
    guard split else { return nil }
    let structured = parts.filter { $0.kind.isStructured }
    // 按计划，≥90%≤100%: the one part that carries a value is the reading, as across commas.
    if structured.count == 1, var only = structured.first {
      only.raw = raw
      return only
    }
    return compound(parts, segments: slices)
  }
}
