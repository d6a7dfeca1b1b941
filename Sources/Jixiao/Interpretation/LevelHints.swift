/// How well an indicator's name fits a level-2 family: the evidence used to place a row
/// that sits between two level labels with none of its own.
enum LevelHints {
  private static let words: [Level2: [(String, Double)]] = [
    .timeliness: [
      ("及时", 2), ("时效", 2), ("时间", 2), ("时限", 2), ("按时", 2), ("按期", 2), ("进度", 1.5),
      ("节点", 1.5), ("周期", 1), ("完成时", 1.5),
    ],
    .quality: [
      ("合格", 2), ("达标", 2), ("验收", 1.5), ("通过", 1.5), ("质量", 2), ("准确", 1.5),
      ("完整", 1.5), ("规范", 1), ("可用率", 1.5), ("正确", 1.5), ("优良", 1.5), ("率", 0.5),
    ],
    .quantity: [
      ("数量", 2), ("人数", 1.5), ("次数", 1.5), ("人次", 1.5), ("天数", 1.5), ("场次", 1.5),
      ("班次", 1.5), ("个数", 1.5), ("面积", 1.5), ("时长", 1), ("字数", 1.5), ("页数", 1.5), ("数", 0.5),
    ],
    .cost: [("成本", 2), ("费用", 1.5), ("经费", 1.5), ("资金", 1), ("预算", 1), ("补助标准", 2)],
    .economicCost: [("成本", 2), ("费用", 1.5), ("经费", 1.5), ("资金", 1)],
    .serviceSatisfaction: [("满意", 3)],
    .sustainability: [("长效", 2), ("机制", 1.5), ("可持续", 2), ("持续", 1), ("长期", 1)],
    .economicBenefit: [("经济", 2), ("收入", 1.5), ("产值", 2), ("增收", 2)],
    .ecologicalBenefit: [("生态", 2), ("环境", 1.5), ("空气", 2), ("绿色", 1.5), ("污染", 1.5)],
    .socialBenefit: [("社会", 1.5), ("群众", 1), ("提升", 0.5), ("形象", 1)],
  ]

  static func score(_ draft: IndicatorDraft, for level2: Level2) -> Double {
    guard let name = draft.name?.key, let list = words[level2] else { return 0 }
    var total = 0.0
    for (word, weight) in list where name.containsBytes(word) { total += weight }
    return total
  }
}
