import FoundationEssentials
import Testing

@testable import Jixiao

/// A target's money in 元 (`TargetGrammar.finish`) is `MoneyUnit.yuan(of:)`, held here to the
/// product it replaced, byte for byte, for the numbers the tokenizer makes: every target case's
/// value and generated digit strings with and without fraction digits (trailing zeros kept).
@Suite struct GrammarMoneyTests {
  @Test func targetYuanIsTheProductItReplaced() {
    var checked = 0
    for targetCase in allTargetCases {
      let target = TargetGrammar.read(targetCase.raw, context: targetCase.context)
      guard let value = target.value else { continue }
      AssemblyCopyFastPathTests.checkYuan(value, targetCase.raw)
      if let unit = target.unit, let money = MoneyUnit.named(unit), target.kind == .quantitative {
        #expect(target.yuan.map(AssemblyCopyFastPathTests.bytes) == AssemblyCopyFastPathTests.bytes(value * money.multiplier))
        checked += 1
      }
    }
    #expect(checked > 10)
    var sequence = SeededSequence(seed: 6)
    for _ in 0..<2_000 {
      let count = 1 + sequence.next(24)
      let digits = (0..<count).map { _ in UInt8(0x30 + sequence.next(10)) }
      let fraction = sequence.next(count + 1)
      guard let value = ExactDecimal.make(digits: digits, fractionDigits: fraction, isNegative: sequence.next(4) == 0)
      else { continue }
      AssemblyCopyFastPathTests.checkYuan(value, String(decoding: digits, as: UTF8.self))
    }
  }
}
