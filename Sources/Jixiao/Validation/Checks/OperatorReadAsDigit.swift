import FoundationEssentials

/// JX312: a bare number that starts with 2 beside a sibling written with an operator and the
/// same digits after it (`292%` beside `>92%`): OCR and doc-to-text extraction read ≥ as 2.
/// The target is read as written; the note says the reading is uncertain.
enum OperatorReadAsDigit: Check {
  static let entry = CatalogueEntry(
    "JX312", .note,
    title: Localized(zh: "运算符可能被读成数字 2", en: "operator may have been read as the digit 2"),
    message: Localized(
      zh: "指标值“{0}”可能原为“≥{1}”：同级的“{2}”写作“{3}”，“≥”在识别或转换中常被读成“2”；按原文读取",
      en: "the target '{0}' may be '≥{1}' with its operator read as the digit 2 (its sibling '{2}' reads '{3}'); read as written"),
    explanation: Localized(
      zh: "扫描件识别和 doc 转文字常把“≥”读成数字“2”，于是“≥92%”变成“292%”。当一个没有运算符、以 2 开头的指标值，去掉这个 2 后与同一二级指标下另一个带运算符、单位相同的指标值数字相同（超过 100% 的百分比只需位数相同）时，Jixiao 提示它可能是这种错读，但仍按原文读取，不作修改。\n示例：`验收合格率 │ >92%` 之后是 `设备更新验收合格率 │ 292%`。\n修正：对照原件核对该指标值。",
      en: "OCR and doc-to-text extraction often read ≥ as the digit 2, so ≥92% becomes 292%. When a target with no operator starts with 2 and, without that 2, has the same digits (a percentage above 100%: as many digits) as a sibling target with an operator and the same unit under the same level 2, Jixiao says it may be such a misreading, and still reads it as written.\nExample: `验收合格率 │ >92%` followed by `设备更新验收合格率 │ 292%`.\nFix: check the target against the original document."))

  static func run(_ subject: ValidationSubject) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    // One array for every entity's candidates, and the quantitative targets are taken from
    // the entity's own targets in place: most entities have no candidate, and a filtered
    // copy and a candidate array each were two allocations per entity.
    var candidates: [(Indicator, digits: String)] = []
    for (entityIndex, entity) in subject.entities.enumerated() {
      // Candidates first: most tables have none, and then no sibling is indexed. Only a
      // number without an operator can be one, which the facts tell.
      guard subject.anyFact(ofEntity: entityIndex, { $0.ownsTarget && $0.kind == .quantitative && $0.op == nil }) else { continue }
      let ownTargets = entity.ownTargets
      candidates.removeAll(keepingCapacity: true)
      subject.eachFact(ofEntity: entityIndex, where: { $0.ownsTarget && $0.kind == .quantitative && $0.op == nil }) { checked in
        let indicator = checked.indicator
        let digits = integerDigits(indicator.target.raw)
        guard digits.count >= 3, digits.first == "2", digits.dropFirst().first != "0" else { return }
        candidates.append((indicator, digits))
      }
      guard !candidates.isEmpty else { continue }
      let targets = ownTargets.compactMap { $0.indicator.target.kind == .quantitative ? $0.indicator : nil }
      // The first sibling with an operator for each (level 2, unit, digits) and each
      // (level 2, unit, number of digits): looked up, not searched for every candidate (a
      // table of thousands of rows made the search quadratic). Keys hash by bytes.
      var byDigits: [ByteKey: Int] = [:]
      var byLength: [ByteKey: Int] = [:]
      for (index, other) in targets.enumerated() where other.target.op != nil {
        let group = (other.level2 ?? "\u{0}") + "\u{1F}" + (other.target.unit ?? "\u{0}") + "\u{1F}"
        let digits = integerDigits(other.target.raw)
        if byDigits[ByteKey(group + digits)] == nil { byDigits[ByteKey(group + digits)] = index }
        if byLength[ByteKey(group + String(digits.count))] == nil { byLength[ByteKey(group + String(digits.count))] = index }
      }
      for (indicator, digits) in candidates {
        let rest = String(digits.dropFirst())
        // A percentage above 100 without its 2 is as long as the sibling's; other units need
        // the same digits.
        // (A change against a baseline above 100 % is possible: `较上年增长250%`.)
        let isImpossibleRate =
          indicator.target.unit == "%" && (indicator.target.value ?? 0) > 100 && !indicator.target.flags.contains(.relative)
        let group = (indicator.level2 ?? "\u{0}") + "\u{1F}" + (indicator.target.unit ?? "\u{0}") + "\u{1F}"
        let found = [byDigits[ByteKey(group + rest)], isImpossibleRate ? byLength[ByteKey(group + String(rest.count))] : nil]
        guard let first = found.compactMap({ $0 }).min() else { continue }
        let sibling = targets[first]
        let tail = String(TextKey.make(indicator.target.raw).dropFirst())
        diagnostics.append(
          Diagnostic(
            self, span: indicator.targetSpan, indicator.target.raw, tail, sibling.name ?? "", sibling.target.raw,
            related: [Diagnostic.Related(.comparedWith, span: sibling.targetSpan, sibling.target.raw)]))
      }
    }
    return diagnostics
  }

  /// The digits before the decimal point of the first number in the text.
  static func integerDigits(_ raw: String) -> String {
    let key = TextKey.make(raw)
    // Where every scalar is a character, an ASCII digit character is a digit byte (and no
    // byte of another scalar is one): read by bytes, not by grapheme breaking.
    guard key.scalarCountIfEachIsACharacter != nil else { return integerDigits(inCharactersOf: key) }
    return key.withUTF8Bytes { bytes in
      guard let start = bytes.firstIndex(where: { $0 >= 0x30 && $0 <= 0x39 }) else { return "" }
      var end = start + 1
      while end < bytes.count, bytes[end] >= 0x30 && bytes[end] <= 0x39 { end += 1 }
      return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
    }
  }

  /// `integerDigits` of a key by characters, for text where a scalar may join another.
  static func integerDigits(inCharactersOf key: String) -> String {
    guard let start = key.firstIndex(where: { $0.isASCII && $0.isNumber }) else { return "" }
    return String(key[start...].prefix { $0.isASCII && $0.isNumber })
  }
}
