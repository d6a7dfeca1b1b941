import FoundationEssentials

/// The parser over a target's tokens: splits a cell into segments, reads each segment as a
/// rank, date, range, quantity or qualitative statement, and assembles compounds.
///
/// Readers are tried in that order and each must account for the whole segment (a label
/// before the value and a qualifier after it are allowed); the first that does wins. Every
/// reader is a few lines of recursive descent over `[ValueToken]` with an index, so the
/// grammar stays readable and a new word is a lexicon entry, not a new rule.
struct TargetParser {
  let raw: String
  let normalized: NormalizedText
  let tokens: [ValueToken]
  /// The context's usable budget year: all the parser reads of the context besides the
  /// unit column (the whole context was three strings retained and released per parse).
  let budgetYear: Int?
  /// The unit column read through `UnitTable`, nil when absent or not a unit.
  let unitColumn: UnitReading?
  /// Whether the context suggests a date (a unit column such as 日期, an indicator name
  /// ending in 时间): enables Excel serials, `2023.07` as a month and `20241231` as a day.
  let expectsDate: Bool
  /// The indicator's name is not about money: a bare 万 is a magnitude (`ColumnContext`).
  let scaleIsMagnitude: Bool
  let span: SourceSpan?
  /// Noted when the reading asks the context, for a reading without context that a row's
  /// context may reuse (`TargetReading`).
  // (The grammar makes parsers with the memberwise initializer: one of the parser's own
  // made every parse copy the parser once more.)
  var contextUse: ContextUse? = nil
  /// The baseline phrases of the text (`BaselinePhrase`), each one word in `tokens`; nil when
  /// none was found, or before they are looked for.
  var baselines: [BaselinePhrase]? = nil

  // The context is read through these, so that a parse notes that it asked.
  var askedUnitColumn: UnitReading? {
    contextUse?.note()
    return unitColumn
  }
  var askedBudgetYear: Int? {
    contextUse?.note()
    return budgetYear
  }
  var askedScaleIsMagnitude: Bool {
    contextUse?.note()
    return scaleIsMagnitude
  }

  /// Whether a parse asked its context.
  final class ContextUse {
    private(set) var consulted = false
    func note() { consulted = true }
    /// Ready for another parse.
    func reset() { consulted = false }
  }

  // MARK: Top level

  func read() -> Target {
    let written = readAsWritten()
    return WrappedLines.mayHaveWrapped(written, raw) ? readAcrossLineBreaks(written) : written
  }

  /// A cell wrapped inside a narrow column breaks its value where the line ran out (`≥95⏎%`,
  /// `≥1,00⏎0人`, `2024年12⏎月`), and a converter keeps the break. The text with the breaks
  /// that split a number from its own digits, operator, unit or date word taken out is read
  /// too; its reading stands, flagged, when it is one value where the text as written was
  /// several, words, or a number without the unit that came after the break. A break between
  /// two values (`≥90%⏎≥95%`, `2024年⏎2025年`) reads as several either way and stays.
  private func readAcrossLineBreaks(_ written: Target) -> Target {
    guard let joined = WrappedLines.joined(raw, insideWords: written.flags.contains(.unitUnknown)) else { return written }
    let normalized = NormalizedText(joined, simplify: normalized.isSimplified)
    let parser = TargetParser(
      raw: raw, normalized: normalized, tokens: ValueTokenizer.tokenize(normalized.scalars), budgetYear: budgetYear,
      unitColumn: unitColumn, expectsDate: expectsDate, scaleIsMagnitude: scaleIsMagnitude, span: span,
      contextUse: contextUse)
    var reading = parser.readAsWritten()
    switch reading.kind {
    case .quantitative, .date, .range, .rank: break
    default: return written
    }
    // A unit no table knows after the break (`10⏎计划标准`) is the next cell's word, not the
    // number's unit.
    guard !reading.flags.contains(.unitUnknown) else { return written }
    // Words after the break that the joined reading keeps only as a qualifier (`306001⏎课题研究`)
    // are no part of the value.
    guard reading.qualifier == nil || reading.qualifier == written.qualifier else { return written }
    let unitGained = written.unit == nil && reading.unit != nil
    let unitKnown = written.flags.contains(.unitUnknown) && !reading.flags.contains(.unitUnknown)
    guard written.kind == .compound || written.kind == .text || unitGained || unitKnown else { return written }
    reading.raw = raw
    reading.flags.append(.wrappedLine)
    return reading
  }

  private func readAsWritten() -> Target {
    // Most texts hold no baseline: they are read by this parser, not by a copy of it.
    if baselines == nil, case let phrases = BaselinePhrase.find(in: scalars), !phrases.isEmpty {
      return withBaselines(phrases).readAsWritten()
    }
    guard tokens.contains(where: { !isFiller($0) }) else { return Target(raw: raw, kind: .empty, span: span) }
    let hasListSeparator = tokens.contains(where: { $0.lexeme == .listSeparator })
    // ≥90%≤100%, ≥90%/≥95%: targets one after another in a segment are parts of their own.
    if Self.mayHoldSuccessiveTargets(tokens),
      let successive = readSuccessive(hasListSeparator ? splitSegments(tokens) : [tokens[...]])
    {
      return successive
    }
    // Without a list separator the cell is one segment, read whole (what the steps below
    // come to for one segment, without the arrays they make).
    guard hasListSeparator else {
      var whole = readSegment(tokens[...])
      whole.raw = raw
      return whole
    }
    let segments = splitSegments(tokens)
    let parts = segments.count >= 2 ? segments.map { readSegment($0) } : []
    // A part that states something against a baseline (`不低于上年水平`, `较上年提高`) is a
    // target of its own beside a figure (`，满意度≥90%`), not a label of it; `与上年相比，` alone
    // states nothing, and the figure after it is the change.
    let structured = parts.filter {
      $0.kind.isStructured || ($0.flags.contains(.relative) && ($0.op != nil || $0.qualifier != nil))
    }
    if let bounded = readTwoBounds(parts) { return bounded }
    if structured.count >= 2 { return compound(parts, segments: segments) }
    var whole = readSegment(tokens[...])
    whole.raw = raw
    // 按计划，12月完成: when one part alone carries a value, its reading wins over a reading
    // of the whole cell that took the other parts for a label.
    if structured.count == 1, var part = structured.first, part.kind != whole.kind {
      part.raw = raw
      return part
    }
    return whole
  }

  /// Several targets in one cell, each part with its own raw text and reading.
  func compound(_ parts: [Target], segments: [ArraySlice<ValueToken>]) -> Target {
    var compound = Target(raw: raw, kind: .compound, span: span)
    let mapping = RawMapping(raw: raw)
    compound.parts = zip(parts, segments).map { part, segment in
      var part = part
      part.raw = rawText(of: segment, mapping)
      return part
    }
    compound.flags = parts.reduce(into: []) { flags, part in
      for flag in part.flags where !flags.contains(flag) { flags.append(flag) }
    }
    // A compound is relative when a part is: the first part's baseline says against what.
    compound.baseline = parts.first { $0.baseline != nil }?.baseline
    // 第二季度、第四季度开展: a qualifier written once at the end belongs to every part.
    if let last = parts.last?.qualifier, parts.dropLast().allSatisfy({ $0.qualifier == nil }) {
      compound.qualifier = last
    }
    return compound
  }

  /// Words and separators before a value that only name it (满意度, 全市, 按计划，).
  func isLabel(_ token: ValueToken) -> Bool {
    token.isWord || token.lexeme == .word || token.lexeme == .listSeparator
  }

  /// `≥90%且≤100%`, `≥90，≤100`: a lower and an upper inclusive bound make one range. (A
  /// strict bound makes none: a range's ends are inclusive, and the parts stay a compound.)
  func readTwoBounds(_ parts: [Target]) -> Target? {
    guard parts.count == 2, parts.allSatisfy({ $0.kind == .quantitative && $0.qualifier == nil }) else { return nil }
    let lower = parts.first { $0.op == .atLeast }
    let upper = parts.first { $0.op == .atMost }
    // (A bound without a unit but with unitRaw is a magnitude, 1万 = 10000: it shares no unit.)
    guard let lower, let upper, let min = lower.value, let max = upper.value, min <= max,
      lower.unit == upper.unit || (lower.unit == nil && lower.unitRaw == nil)
        || (upper.unit == nil && upper.unitRaw == nil)
    else { return nil }
    var range = Target(raw: raw, kind: .range, span: span)
    range.min = min
    range.max = max
    range.unit = upper.unit ?? lower.unit
    range.unitRaw = upper.unitRaw ?? lower.unitRaw
    range.flags = lower.flags + upper.flags.filter { !lower.flags.contains($0) }
    range.baseline = lower.baseline ?? upper.baseline
    return range
  }

  /// Tokens that carry no value: stray dashes and slashes (`/`, `——` mean "not applicable").
  private func isFiller(_ token: ValueToken) -> Bool {
    switch token.lexeme {
    case .rangeSeparator, .slash, .ignorable, .listSeparator: return true
    default: break
    }
    if token.isWord {
      return scalars[token.start..<token.end].allSatisfy { "./\\-—_…·|'\"".unicodeScalars.contains($0) }
    }
    return false
  }

  /// Splits at list separators outside parentheses; a separator between two digits of a
  /// number never gets here (the tokenizer read `12,000` as one number).
  private func splitSegments(_ tokens: [ValueToken]) -> [ArraySlice<ValueToken>] {
    var segments: [ArraySlice<ValueToken>] = []
    var depth = 0
    var start = 0
    for (index, token) in tokens.enumerated() {
      switch token.lexeme {
      case .openParen: depth += 1
      case .closeParen: depth = max(0, depth - 1)
      case .listSeparator where depth == 0:
        if index > start { segments.append(tokens[start..<index]) }
        start = index + 1
      default: break
      }
    }
    if start < tokens.count { segments.append(tokens[start..<tokens.count]) }
    return segments
  }

  // MARK: Segments

  func readSegment(_ slice: ArraySlice<ValueToken>) -> Target {
    var flags: [Target.Flag] = []
    var segment = valueTokens(of: slice, flags: &flags)
    // (≥95%), 【≥95%】: brackets around the whole value hold nothing else (read inside them,
    // the opening one was a label and the closing one a qualifier).
    if Self.isEnclosed(segment) { segment = Array(segment.dropFirst().dropLast()) }
    demoteEmbeddedNumerals(&segment)
    // A part's raw text is mapped back from the normalised text only when a compound keeps it.
    let segmentRaw = slice.count == tokens.count ? raw : text(slice)
    var target = readCore(segment, raw: segmentRaw)
    for flag in flags where !target.flags.contains(flag) { target.flags.append(flag) }
    if let baselines, !baselines.isEmpty { markRelative(&target, segment, baselines) }
    // 1O0%: the number read holds a letter taken for a digit, which the reading says.
    if target.kind.isStructured, segment.contains(where: { LookalikeDigits.readsLetter($0, in: scalars) }) {
      target.flags.append(.ocrDigit)
    }
    // ≥ 6 1 %: digits set apart were joined into one number, which the reading says.
    if target.kind.isStructured, segment.contains(where: { $0.number?.spacedDigits == true }) {
      target.flags.append(.spacedDigits)
    }
    return target
  }

  /// Whether the first token opens a bracket that the last one closes, around a value.
  static func isEnclosed(_ segment: [ValueToken]) -> Bool {
    guard segment.count >= 3, segment[0].lexeme == .openParen, segment[segment.count - 1].lexeme == .closeParen,
      segment.contains(where: { $0.isNumeric })
    else { return false }
    var depth = 0
    for index in segment.indices.dropLast() {
      switch segment[index].lexeme {
      case .openParen: depth += 1
      case .closeParen:
        depth -= 1
        if depth == 0 { return false }
      default: break
      }
    }
    return depth == 1
  }

  private func readCore(_ segment: [ValueToken], raw: String) -> Target {
    if segment.isEmpty { return Target(raw: raw, kind: .empty, span: span) }
    if let halves = readBothHalves(segment, raw: raw) { return halves }
    if let placeholder = readPlaceholder(segment, raw: raw) { return placeholder }
    if let rating = readRatingGrade(segment, raw: raw) { return rating }
    if let rank = readRank(segment, raw: raw) { return rank }
    // A reader is tried only when the segment holds what it requires: most segments are
    // neither a date nor a range, and the readers would find that out after some work.
    if Self.mayHoldDate(segment), let date = readDate(segment, raw: raw) { return date }
    if Self.mayHoldRange(segment), let range = readRange(segment, raw: raw) { return range }
    if let quantity = readQuantity(segment, raw: raw) { return quantity }
    if let between = readBetween(segment, raw: raw) { return between }
    if let anchored = readAnchoredQuantity(segment, raw: raw) { return anchored }
    return readQualitative(segment, raw: raw)
  }

  /// The tokens a reader sees, built in one array: placeholder groups and ignorable tokens
  /// (a lone star) dropped. Only a segment holding a placeholder takes the slower path that
  /// looks for its group; every other segment is copied once, without the stars.
  func valueTokens(of slice: ArraySlice<ValueToken>, flags: inout [Target.Flag]) -> [ValueToken] {
    if slice.contains(where: { if case .placeholder = $0.kind { return true } else { return false } }) {
      return removePlaceholderGroups(Array(slice), flags: &flags).filter { $0.lexeme != .ignorable }
    }
    // The whole cell with nothing to drop: its array, shared rather than copied.
    if slice.count == tokens.count, !slice.contains(where: { $0.lexeme == .ignorable }) { return tokens }
    var segment: [ValueToken] = []
    segment.reserveCapacity(slice.count)
    for token in slice where token.lexeme != .ignorable { segment.append(token) }
    return segment
  }

  /// `(≥**%)`, `(≥**万元)` left from a template inside a value: dropped, with a flag.
  private func removePlaceholderGroups(_ segment: [ValueToken], flags: inout [Target.Flag]) -> [ValueToken] {
    guard segment.contains(where: { if case .placeholder = $0.kind { return true } else { return false } })
    else { return segment }
    var result: [ValueToken] = []
    var index = 0
    while index < segment.count {
      if segment[index].lexeme == .openParen,
        let close = segment[index...].firstIndex(where: { $0.lexeme == .closeParen }),
        segment[index...close].contains(where: { if case .placeholder = $0.kind { return true } else { return false } })
      {
        if !flags.contains(.templatePlaceholder) { flags.append(.templatePlaceholder) }
        index = close + 1
        continue
      }
      result.append(segment[index])
      index += 1
    }
    return result
  }

  /// A Chinese numeral inside a word (统一规范's 一 is caught by the lexicon, but 一流 and
  /// 双十佳 are not) is part of the word, not a number.
  /// In place: a token demoted here is a word to the test of the numeral after it.
  private func demoteEmbeddedNumerals(_ result: inout [ValueToken]) {
    // Most segments hold no Chinese numeral; their array (often the cell's own, shared) is
    // left alone rather than made unique for a loop that changes nothing.
    guard result.contains(where: { $0.number?.isChinese == true }) else { return }
    for index in result.indices {
      guard let number = result[index].number, number.isChinese else { continue }
      let token = result[index]
      let next = index + 1 < result.count ? result[index + 1] : nil
      let previous = index > 0 ? result[index - 1] : nil
      let nextIsWord = next.map { ($0.isWord || $0.lexeme == .word) && $0.start == token.end } ?? false
      let previousIsWord = previous.map { $0.isWord && $0.end == token.start } ?? false
      if nextIsWord || (next == nil && previousIsWord && token.end - token.start == 1) {
        result[index].kind = .word
      }
    }
  }

  // MARK: Text helpers

  var scalars: [Unicode.Scalar] { normalized.scalars }

  /// The normalised text of tokens, from the first one's start to the last one's end.
  func text(_ tokens: some BidirectionalCollection<ValueToken>) -> String {
    guard let first = tokens.first, let last = tokens.last else { return "" }
    return normalized.text(from: first.start, to: last.end)
  }

  /// The text of tokens as the grammar matches it (`NormalizedText.matchText`): for look-ups,
  /// where `text` gives what is shown.
  func matchText(_ tokens: some BidirectionalCollection<ValueToken>) -> String {
    guard let first = tokens.first, let last = tokens.last else { return "" }
    return normalized.matchText(from: first.start, to: last.end)
  }

  /// The words after a reading, trimmed of separators: `合格` in `80%合格`.
  /// (The ends found by index: an array of the tokens between them copied every token.)
  func qualifierText(_ tokens: ArraySlice<ValueToken>) -> String? {
    var start = tokens.startIndex
    var end = tokens.endIndex
    while start < end, tokens[start].lexeme == .listSeparator || tokens[start].lexeme == .ignorable { start += 1 }
    while end > start, tokens[end - 1].lexeme == .listSeparator || tokens[end - 1].lexeme == .ignorable { end -= 1 }
    guard start < end else { return nil }
    let value = trimSpaces(normalized.text(from: tokens[start].start, to: tokens[end - 1].end))
    return value.isEmpty ? nil : value
  }

  /// The segment as the user wrote it (the raw text when the whole cell is one segment).
  private func rawText(of slice: ArraySlice<ValueToken>, _ mapping: RawMapping) -> String {
    guard slice.count != tokens.count else { return raw }
    return mapping.rawText(normalized: scalars, from: slice.first?.start ?? 0, to: slice.last?.end ?? 0)
  }

  func trimSpaces(_ value: String) -> String {
    guard let first = value.unicodeScalars.first, let last = value.unicodeScalars.last,
      Blank.isWhitespace(first) || Blank.isWhitespace(last)
    else { return value }
    var scalars = Substring(value).unicodeScalars[...]
    while let first = scalars.first, Blank.isWhitespace(first) { scalars.removeFirst() }
    while let last = scalars.last, Blank.isWhitespace(last) { scalars.removeLast() }
    return String(scalars: scalars)
  }

  /// `properties.isIdeographic`, known without the property table for the CJK block a
  /// table's words are written in (a look-up cost several hundred instructions).
  static func isIdeographic(_ scalar: Unicode.Scalar) -> Bool {
    (0x4E00...0x9FFF).contains(scalar.value) || scalar.properties.isIdeographic
  }

  /// `properties.isAlphabetic`, known without the property table for ASCII letters.
  static func isAlphabetic(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x41...0x5A, 0x61...0x7A: true
    case 0...0x7F: false
    default: scalar.properties.isAlphabetic
    }
  }

  func makeTarget(_ kind: TargetKind, raw: String) -> Target {
    Target(raw: raw, kind: kind, span: span)
  }
}

extension TargetKind {
  /// Kinds that carry a number, a date or a position (quantitative, range, date, rank):
  /// what a reader should test to tell a value cell from a name or a remark, since almost
  /// any short phrase reads as `qualitative`.
  public var isStructured: Bool {
    switch self {
    case .quantitative, .range, .date, .rank: true
    default: false
    }
  }
}

extension TargetParser {
  /// A parser reading `context`'s budget year.
  init(
    raw: String, normalized: NormalizedText, tokens: [ValueToken], context: TargetContext, unitColumn: UnitReading?,
    expectsDate: Bool, scaleIsMagnitude: Bool = false, span: SourceSpan?, contextUse: ContextUse? = nil
  ) {
    self.init(
      raw: raw, normalized: normalized, tokens: tokens, budgetYear: context.usableBudgetYear, unitColumn: unitColumn,
      expectsDate: expectsDate, scaleIsMagnitude: scaleIsMagnitude, span: span, contextUse: contextUse)
  }
}

/// Line breaks a cell's wrapping put inside one value.
enum WrappedLines {
  /// Whether a reading may be of a value a line break cut: the text has one, and the reading
  /// is several values, words, or a number whose unit may have gone to the next line.
  static func mayHaveWrapped(_ target: Target, _ raw: String) -> Bool {
    switch target.kind {
    case .compound, .text: break
    case .quantitative, .range: guard target.unit == nil || target.flags.contains(.unitUnknown) else { return false }
    default: return false
    }
    return raw.containsByte(0x0A)
  }

  /// The text without the line breaks (and the blanks around them) that fall inside a value:
  /// after a digit, a decimal point or comma, an operator or a date word, before a digit, a
  /// point, a percent sign or a unit's first character; `insideWords`, between any two
  /// characters (a unit cut in two, `万元/公⏎里`). Nil when no break does.
  static func joined(_ raw: String, insideWords: Bool = false) -> String? {
    let scalars = Array(raw.unicodeScalars)
    var kept = String.UnicodeScalarView()
    var joinedAny = false
    var index = 0
    while index < scalars.count {
      let scalar = scalars[index]
      guard scalar == "\n" || scalar == "\r" else {
        kept.append(scalar)
        index += 1
        continue
      }
      // The break with the blanks around it.
      var end = index
      while end < scalars.count, scalars[end] == "\n" || scalars[end] == "\r" || isBlank(scalars[end]) { end += 1 }
      var before: Unicode.Scalar?
      var blanksBefore = 0
      for scalar in kept.reversed() {
        if isBlank(scalar) {
          blanksBefore += 1
          continue
        }
        before = scalar
        break
      }
      let after: Unicode.Scalar? = end < scalars.count ? scalars[end] : nil
      if let before, let after, glues(before, after, insideWords: insideWords, scalars[..<index], scalars[end...]) {
        kept.removeLast(blanksBefore)
        joinedAny = true
      } else {
        kept.append(contentsOf: scalars[index..<end])
      }
      index = end
    }
    return joinedAny ? String(kept) : nil
  }

  private static func isBlank(_ scalar: Unicode.Scalar) -> Bool { scalar == " " || scalar == "\t" || scalar == "\u{3000}" }

  private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
    (0x30...0x39).contains(scalar.value) || (0xFF10...0xFF19).contains(scalar.value)
  }

  /// Whether the scalars on either side of a break belong to one value.
  private static func glues(
    _ before: Unicode.Scalar, _ after: Unicode.Scalar, insideWords: Bool, _ head: ArraySlice<Unicode.Scalar>,
    _ tail: ArraySlice<Unicode.Scalar>
  ) -> Bool {
    if separators.contains(before) || separators.contains(after) { return false }
    if isDigit(before) && isDigit(after) {
      // Digits on both sides: one number when its line ran out inside a group (`1,00⏎0`) or
      // its last digits alone went on before its unit (`1000⏎0元`); a number of its own on
      // each line (`100⏎200`, `8⏎4`) is two values.
      let digitsAfter = tail.prefix { isDigit($0) }.count
      let unitAfter = tail.dropFirst(digitsAfter).first.map { !isBlank($0) && $0 != "\n" && $0 != "\r" } ?? false
      let digitsBefore = head.reversed().prefix { isDigit($0) }.count
      let groupOpen = digitsBefore < 3 && head.dropLast(digitsBefore).last == ","
      return digitsAfter <= 2 && unitAfter || groupOpen
    }
    if isDigit(before) {
      // A digit before the break: its unit or date word follows.
      return !isLatinLetter(after)
    }
    if insideWords && !isDigit(after) { return true }
    if isDigit(after) {
      // A digit after: the number's first digits, point or comma, its operator, or the date
      // word before the month (`2024年⏎12月`) come before.
      return before == "." || before == "," || operatorScalars.contains(before) || before == "年" || before == "月"
    }
    return false
  }

  private static func isLatinLetter(_ scalar: Unicode.Scalar) -> Bool {
    (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
  }

  /// Punctuation that ends an item of a list: a break after it is a new item.
  private static let separators: Set<Unicode.Scalar> = ["；", ";", "，", "、", "。", "：", ":", "）", ")"]
  private static let operatorScalars: Set<Unicode.Scalar> = ["≥", "≤", ">", "<", "=", "＞", "＜", "＝", "≧", "≦", "约", "达"]
}

