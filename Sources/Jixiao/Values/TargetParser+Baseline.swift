extension TargetParser {
  /// The parser over the text with each baseline phrase (`较上年`, `比2023年`, `与上年同期相比`)
  /// one word: the readers then take the phrase for a label, as they take the words before a
  /// number, and neither its year for a date or a number nor 与 for a list separator.
  func withBaselines(_ phrases: [BaselinePhrase]) -> TargetParser {
    var merged: [ValueToken] = []
    merged.reserveCapacity(tokens.count + 2)
    var next = 0
    // The word the current phrase makes, once a token of it is met.
    var phraseWord: Int?
    for original in tokens {
      var pending: ValueToken? = original
      while var token = pending {
        pending = nil
        while next < phrases.count, phrases[next].end <= token.start {
          next += 1
          phraseWord = nil
        }
        guard next < phrases.count, token.end > phrases[next].start, token.start < phrases[next].end else {
          merged.append(token)
          continue
        }
        let phrase = phrases[next]
        // Words run together (`满意度较`, `环比下降`) are cut where the phrase begins and ends,
        // so that the words after it stay a word of their own (the qualifier); any other token
        // the phrase touches is taken whole.
        if token.isWord, token.start < phrase.start {
          merged.append(ValueToken(kind: .word, start: token.start, end: phrase.start))
          token.start = phrase.start
        }
        if token.isWord, token.end > phrase.end {
          pending = ValueToken(kind: .word, start: phrase.end, end: token.end)
          token.end = phrase.end
        }
        if let index = phraseWord {
          merged[index].end = Swift.max(merged[index].end, token.end)
        } else {
          phraseWord = merged.count
          merged.append(ValueToken(kind: .word, start: token.start, end: token.end))
        }
      }
    }
    return TargetParser(
      raw: raw, normalized: normalized, tokens: merged, budgetYear: budgetYear, unitColumn: unitColumn,
      expectsDate: expectsDate, scaleIsMagnitude: scaleIsMagnitude, span: span, contextUse: contextUse,
      baselines: phrases)
  }

  /// A segment's reading with the baseline its text states: flag `relative`, the baseline as
  /// written, the operator a word of the phrase states (`不低于上年水平` is ≥), and for a
  /// reading without a figure (`较2023年提高`, `与上年持平`) the words after the phrase as its
  /// qualifier, as a direction before a number is one (`较上年提高5%`).
  func markRelative(_ target: inout Target, _ segment: [ValueToken], _ phrases: [BaselinePhrase]) {
    guard target.kind != .empty, let first = segment.first, let last = segment.last,
      let phrase = phrases.first(where: { $0.start >= first.start && $0.end <= last.end })
    else { return }
    target.flags.append(.relative)
    // 不低于上年的95%: the operator word went into the phrase, and states the figure's bound.
    if target.op == nil, let comparison = phrase.comparison { target.op = comparison }
    target.baseline = trimSpaces(
      RawMapping(raw: raw).rawText(normalized: scalars, from: phrase.referenceStart, to: phrase.referenceEnd))
    if target.kind == .qualitative, target.qualifier == nil, target.grade == nil,
      let after = segment.firstIndex(where: { $0.start >= phrase.end })
    {
      target.qualifier = qualifierText(segment[after...])
    }
    // `与上年持平` says what `保持上年水平` says: equal to the baseline.
    if target.op == nil, target.qualifier?.containsBytes("持平") == true { target.op = .equal }
  }
}

extension TargetParser {
  /// Whether the segment holds an operator's baseline phrase (`不少于上年`): an outcome stated
  /// against the baseline, as an evaluative word states one.
  func holdsStatedBaseline(_ segment: [ValueToken]) -> Bool {
    guard let baselines, !baselines.isEmpty, let first = segment.first, let last = segment.last else { return false }
    return baselines.contains { $0.comparison != nil && $0.start >= first.start && $0.end <= last.end }
  }
}
