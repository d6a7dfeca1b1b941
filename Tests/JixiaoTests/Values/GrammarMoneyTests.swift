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

  /// `MoneyUnit.mayBeNamed` turns away no text that `named` finds: the names, the unit
  /// table's spellings, and each name with its last scalar replaced by every CJK scalar,
  /// radical and compatibility ideograph (any that were equivalent to 元 would be found).
  @Test func everyTextNamingMoneyMayBeNamed() {
    var texts = Array(UnitTable.spellings.keys) + Array(UnitTable.spellings.values)
    let blocks = [0x2E80...0x2FDF, 0x3000...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x2F800...0x2FA1F]
    for unit in MoneyUnit.allCases {
      let stem = String(String.UnicodeScalarView(unit.rawValue.unicodeScalars.dropLast()))
      texts.append(unit.rawValue)
      for value in blocks.joined() {
        guard let scalar = Unicode.Scalar(value) else { continue }
        texts.append(stem + String(Character(scalar)))
      }
    }
    var found = 0
    for text in texts where MoneyUnit.named(text) != nil {
      #expect(MoneyUnit.mayBeNamed(text), "\(text)")
      found += 1
    }
    #expect(found >= MoneyUnit.allCases.count)
    #expect(!MoneyUnit.mayBeNamed("%") && !MoneyUnit.mayBeNamed("个"))
  }
}
