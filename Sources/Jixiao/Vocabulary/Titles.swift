/// Recognises table titles and the kind of table they announce.
public enum TitleVocabulary {
  /// The kind a title names, if the key reads as a table title.
  public static func kind(ofTitle key: String) -> TableKind? {
    guard key.count <= 80, key.contains("表") else { return nil }
    if key.contains("自评") { return .selfEvaluation }
    if key.contains("评价指标") || key.contains("评价表") { return .evaluationIndicators }
    if key.contains("整体") && key.contains("绩效") { return .departmentTargets }
    if key.contains("绩效") && (key.contains("目标") || key.contains("指标")) { return .projectTargets }
    if key.contains("绩效表") { return .projectTargets }
    if key.contains("收支总表") || key.contains("收入总表") || key.contains("支出总表") {
      return .budgetSummary
    }
    if key.contains("资金安排表") || key.contains("分配表") || key.contains("资金明细表") {
      return .fundAllocation
    }
    return nil
  }

  /// A year line such as `(2024 年度)`, `（2020年度）`, `(2021年)`: its year.
  public static func yearLine(_ key: String) -> Int? {
    var body = Substring(key)
    if body.hasPrefix("(") && body.hasSuffix(")") {
      body = body.dropFirst().dropLast()
    } else {
      return nil
    }
    for suffix in ["年度", "年"] where body.hasSuffix(suffix) {
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
}
