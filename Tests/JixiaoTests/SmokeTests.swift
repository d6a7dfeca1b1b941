import Testing
@testable import Jixiao

@Test func icuNormalisesFullWidth() {
  #expect(ICU.nfkc("＞３．００（人）") == ">3.00(人)")
}
