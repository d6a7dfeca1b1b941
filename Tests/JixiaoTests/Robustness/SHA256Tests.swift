import Testing

@testable import Jixiao

/// The document's identity in batches and databases: FIPS 180-2 test vectors, and every
/// length around the padding boundaries (55, 56, 63, 64 bytes), checked against sha256sum.
@Suite struct SHA256Tests {
  @Test(arguments: [
    ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
    ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
    (
      "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
    ),
    ("中文绩效目标表", "23d50d9e1b0cda00a56bf03444d3ac6aacb816d7ecac62d07612e3b2ec887ed3"),
  ])
  func knownVectors(text: String, digest: String) {
    #expect(Jixiao.sha256(Array(text.utf8)) == digest)
    #expect(SHA256.hex(Array(text.utf8), allowExtensions: false) == digest)
  }

  /// Digests of `x` repeated, from `printf "%Ns" | tr ' ' x | sha256sum`.
  @Test(arguments: [
    (55, "d5e285683cd4efc02d021a5c62014694958901005d6f71e89e0989fac77e4072"),
    (56, "04c26261370ee7541549d16dee320c723e3fd14671e66a099afe0a377c16888e"),
    (63, "75220b47218278e656f2013bb8f0c455a25eaf01e86c64924e9d48d89776d6f2"),
    (64, "7ce100971f64e7001e8fe5a51973ecdfe1ced42befe7ee8d5fd6219506b5393c"),
    (65, "9537c5fdf120482f7d58d25e9ed583f52c02b4e304ea814db1633ad565aed7e9"),
    (119, "000b48d4edf0fa7bee3c6236ecd2785baa5db4eeb8bb54341b029e0d9fa5fb0c"),
    (120, "13f05a0b594787f5ecd315edc96141bd3243203d1b7d4f0836f37308b276ba98"),
    (128, "24da1b81d0b16df6428eee73c69fcb2a93c76bc6df706f0c6670fe6bfe800464"),
  ])
  func paddingBoundaries(length: Int, digest: String) {
    #expect(Jixiao.sha256([UInt8](repeating: 0x78, count: length)) == digest)
    #expect(SHA256.hex([UInt8](repeating: 0x78, count: length), allowExtensions: false) == digest)
  }

  /// The processor's extensions (where it has them) and the portable rounds agree on every
  /// length up to four blocks and on bytes of every value.
  @Test func extensionsAgreeWithPortableRounds() {
    var bytes: [UInt8] = []
    for length in 0...300 {
      #expect(SHA256.hex(bytes) == SHA256.hex(bytes, allowExtensions: false), "length \(length)")
      bytes.append(UInt8(truncatingIfNeeded: length &* 131 &+ 7))
    }
  }

  @Test func millionAs() {
    #expect(
      Jixiao.sha256([UInt8](repeating: 0x61, count: 1_000_000))
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    #expect(
      SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000), allowExtensions: false)
        == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
  }
}
