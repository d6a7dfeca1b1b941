/// Recognises table titles and the kind of table they announce.
public enum TitleVocabulary {
  /// The kind a title names, if the key reads as a table title.
  public static func kind(ofTitle key: String) -> TableKind? {
    // The byte search first: counting characters walks grapheme boundaries.
    guard key.containsBytes("表"), key.characterCount <= 80 else { return nil }
    if key.containsBytes("自评") { return .selfEvaluation }
    if key.containsBytes("评价指标") || key.containsBytes("评价表") { return .evaluationIndicators }
    if key.containsBytes("整体") && key.containsBytes("绩效") { return .departmentTargets }
    if key.containsBytes("绩效") && (key.containsBytes("目标") || key.containsBytes("指标")) { return .projectTargets }
    if key.containsBytes("绩效表") { return .projectTargets }
    if key.containsBytes("收支总表") || key.containsBytes("收入总表") || key.containsBytes("支出总表") {
      return .budgetSummary
    }
    if key.containsBytes("资金安排表") || key.containsBytes("分配表") || key.containsBytes("资金明细表") {
      return .fundAllocation
    }
    return nil
  }

  /// `续表`, `(续)`, `(续表)`, `续上表`: a line that says the table above goes on.
  static func isContinuationMark(_ key: String) -> Bool {
    // (Most keys asked are titles and page numbers: longer, or without 续.)
    key.utf8.count <= 17 && key.containsBytes("续") && continuationMarks.contains { key.equalsBytes($0) }
  }

  /// A title that says it goes on from the page before: `…绩效目标表(续)`, `…表(续表)`,
  /// `…表续`.
  static func isContinuedTitle(_ key: String) -> Bool {
    continuationMarks.contains { $0 != "续上表" && key.hasSuffixBytes($0) } || key.hasSuffixBytes("表续")
  }

  private static let continuationMarks = ["续表", "(续)", "(续表)", "续上表", "(续上表)"]

  /// A year line such as `(2024 年度)`, `（2020年度）`, `(2021年)`: its year.
  public static func yearLine(_ key: String) -> Int? {
    // Where each scalar is a character of its own, the year is four digit bytes between
    // `(` and `年` or `年度` and `)`.
    if key.scalarCountIfEachIsACharacter != nil {
      return key.withUTF8Bytes { bytes in
        let count = bytes.count
        guard count >= 2, bytes[0] == 0x28, bytes[count - 1] == 0x29 else { return nil }
        for suffix in [yearDegreeBytes, yearBytes] where bytes.hasBytes(suffix, at: count - 1 - suffix.count) {
          if count - 1 - suffix.count == 5, let year = fourDigits(bytes, at: 1) { return year }
        }
        return nil
      }
    }
    var body = Substring(key)
    if body.hasPrefixBytes("(") && body.hasSuffixBytes(")") {
      body = body.dropFirst().dropLast()
    } else {
      return nil
    }
    for suffix in ["年度", "年"] where body.hasSuffixBytes(suffix) {
      let digits = body.dropLast(suffix.count)
      if digits.count == 4, digits.allSatisfy(\.isNumber), let year = Int(digits),
        (1990...2100).contains(year)
      {
        return year
      }
    }
    return nil
  }

  /// The first plausible budget year written in a text (`2023年部门预算`).
  public static func year(in key: String) -> Int? {
    // Four ASCII-digit characters in a row are four digit bytes in a row: most keys have
    // none, and need no array of characters.
    guard hasFourDigits(key) else { return nil }
    // Where each scalar is a character of its own, by bytes: a digit byte is an ASCII digit
    // character.
    if key.scalarCountIfEachIsACharacter != nil {
      return key.withUTF8Bytes { bytes in
        var index = 0
        while index + 4 < bytes.count {
          if index == 0 || !isDigit(bytes[index - 1]), bytes.hasBytes(yearBytes, at: index + 4),
            let year = fourDigits(bytes, at: index)
          {
            return year
          }
          index += 1
        }
        return nil
      }
    }
    let characters = Array(key)
    var index = 0
    while index + 4 <= characters.count {
      let slice = characters[index..<(index + 4)]
      if slice.allSatisfy({ $0.isASCII && $0.isNumber }),
        index == 0 || !(characters[index - 1].isASCII && characters[index - 1].isNumber),
        index + 4 < characters.count, characters[index + 4] == "年",
        let year = Int(String(slice)), (1990...2100).contains(year)
      {
        return year
      }
      index += 1
    }
    return nil
  }

  private static let yearBytes = Array("年".utf8)
  private static let yearDegreeBytes = Array("年度".utf8)

  @inline(__always)
  private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }

  /// The year written in the four ASCII digits at `start`, if they are digits and a
  /// plausible year (1990–2100).
  private static func fourDigits(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Int? {
    guard start >= 0, start + 4 <= bytes.count else { return nil }
    var year = 0
    for index in start..<(start + 4) {
      guard isDigit(bytes[index]) else { return nil }
      year = year * 10 + Int(bytes[index] - 0x30)
    }
    return (1990...2100).contains(year) ? year : nil
  }

  static func hasFourDigits(_ key: String) -> Bool {
    var run = 0
    for byte in key.utf8 {
      run = byte >= 0x30 && byte <= 0x39 ? run + 1 : 0
      if run == 4 { return true }
    }
    return false
  }
}
