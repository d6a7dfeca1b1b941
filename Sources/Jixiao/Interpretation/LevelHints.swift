/// How well an indicator's name fits a level-2 family: the evidence used to place a row
/// that sits between two level labels with none of its own.
enum LevelHints {
  /// By a switch, not a dictionary keyed by the level, which hashed the level's name at every
  /// look-up.
  private static func words(for level2: Level2) -> [(String, Double)] {
    switch level2 {
    case .timeliness: timeliness
    case .quality: quality
    case .quantity: quantity
    case .cost: cost
    case .economicCost: economicCost
    case .serviceSatisfaction: serviceSatisfaction
    case .sustainability: sustainability
    case .economicBenefit: economicBenefit
    case .ecologicalBenefit: ecologicalBenefit
    case .socialBenefit: socialBenefit
    case .socialCost, .ecologicalCost: []
    }
  }

  private static let timeliness: [(String, Double)] = [
    ("及时", 2), ("时效", 2), ("时间", 2), ("时限", 2), ("按时", 2), ("按期", 2), ("进度", 1.5),
    ("节点", 1.5), ("周期", 1), ("完成时", 1.5),
  ]
  private static let quality: [(String, Double)] = [
    ("合格", 2), ("达标", 2), ("验收", 1.5), ("通过", 1.5), ("质量", 2), ("准确", 1.5),
    ("完整", 1.5), ("规范", 1), ("可用率", 1.5), ("正确", 1.5), ("优良", 1.5), ("率", 0.5),
  ]
  private static let quantity: [(String, Double)] = [
    ("数量", 2), ("人数", 1.5), ("次数", 1.5), ("人次", 1.5), ("天数", 1.5), ("场次", 1.5),
    ("班次", 1.5), ("个数", 1.5), ("面积", 1.5), ("时长", 1), ("字数", 1.5), ("页数", 1.5), ("数", 0.5),
  ]
  private static let cost: [(String, Double)] = [("成本", 2), ("费用", 1.5), ("经费", 1.5), ("资金", 1), ("预算", 1), ("补助标准", 2)]
  private static let economicCost: [(String, Double)] = [("成本", 2), ("费用", 1.5), ("经费", 1.5), ("资金", 1)]
  private static let serviceSatisfaction: [(String, Double)] = [("满意", 3)]
  private static let sustainability: [(String, Double)] = [("长效", 2), ("机制", 1.5), ("可持续", 2), ("持续", 1), ("长期", 1)]
  private static let economicBenefit: [(String, Double)] = [("经济", 2), ("收入", 1.5), ("产值", 2), ("增收", 2)]
  private static let ecologicalBenefit: [(String, Double)] = [("生态", 2), ("环境", 1.5), ("空气", 2), ("绿色", 1.5), ("污染", 1.5)]
  private static let socialBenefit: [(String, Double)] = [("社会", 1.5), ("群众", 1), ("提升", 0.5), ("形象", 1)]

  /// The evidence that a name (its key) belongs under `level2`.
  static func score(_ name: String?, for level2: Level2) -> Double {
    guard let name else { return 0 }
    return name.withUTF8Bytes { name in
      var total = 0.0
      for (word, weight) in words(for: level2) where word.withUTF8Bytes({ name.firstIndex(of: $0) != nil }) {
        total += weight
      }
      return total
    }
  }
}
