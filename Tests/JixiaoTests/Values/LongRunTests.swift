import FoundationEssentials
import Testing

@testable import Jixiao

/// Runs of digits or numerals longer than any number are words. A run of 十 that is no
/// numeral was read again from each of its scalars, with ICU's rules each time (400 of them
/// took seconds, 5,000 did not finish in nine minutes); 200 digits made a `Decimal` that
/// printed `NaN`, which is no JSON.
@Suite struct LongRunTests {
  @Test(arguments: ["十", "百", "一", "万", "九", "零"])
  func numeralRunsAreReadInLinearTime(_ numeral: String) {
    let clock = ContinuousClock()
    // Linear: twenty times the scalars within far less than the quadratic's 400 times the
    // time (a generous bound for a shared machine; the run of 20,000 takes milliseconds).
    let short = clock.measure { _ = TargetGrammar.read(String(repeating: numeral, count: 1_000)) }
    let long = clock.measure { _ = TargetGrammar.read(String(repeating: numeral, count: 20_000)) }
    #expect(long < max(short * 100, .milliseconds(500)), "\(short) → \(long)")
    #expect(TargetGrammar.read(String(repeating: numeral, count: 20_000)).kind == .text)
  }

  @Test(arguments: [
    String(repeating: "9", count: 200), "1" + String(repeating: "0", count: 128) + "元",
    "0." + String(repeating: "0", count: 400) + "1万元", String(repeating: "1", count: 400) + ".5万元",
  ])
  func overlongNumbersAreText(_ text: String) throws {
    let target = TargetGrammar.read(text)
    #expect(target.kind == .text && target.value == nil)
    let json = String(decoding: DocumentEncoder.targetBytes(target, pretty: false), as: UTF8.self)
    #expect(!json.contains("NaN"))
  }

  /// The longest numbers the tables write still read whole.
  @Test func longestRealNumbersRead() {
    #expect(TargetGrammar.read("九千九百九十九亿九千九百九十九万九千九百九十九元").value == Decimal(string: "999999999999"))
    #expect(TargetGrammar.read("123,456,789,012.34元").value == Decimal(string: "123456789012.34"))
  }
}
