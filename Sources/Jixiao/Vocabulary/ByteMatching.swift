/// Substring tests on UTF-8 bytes. `String`'s own `contains`, `hasPrefix` and `hasSuffix`
/// compare by grapheme with canonical equivalence, which is costly on CJK text; the
/// vocabulary works on NFKC keys, where byte equality is the right equality.
extension StringProtocol {
  func containsBytes(_ needle: String) -> Bool {
    let pattern = Array(needle.utf8)
    guard let first = pattern.first else { return true }
    let found = self.utf8.withContiguousStorageIfAvailable { haystack -> Bool in
      guard haystack.count >= pattern.count else { return false }
      var index = 0
      let last = haystack.count - pattern.count
      while index <= last {
        if haystack[index] == first {
          var offset = 1
          while offset < pattern.count && haystack[index + offset] == pattern[offset] { offset += 1 }
          if offset == pattern.count { return true }
        }
        index += 1
      }
      return false
    }
    if let found { return found }
    return String(self).containsBytes(needle)
  }

  func hasPrefixBytes(_ prefix: String) -> Bool {
    self.utf8.starts(with: prefix.utf8)
  }

  func hasSuffixBytes(_ suffix: String) -> Bool {
    self.utf8.reversed().starts(with: suffix.utf8.reversed())
  }
}

/// A vocabulary key compared and hashed by its bytes.
struct ByteKey: Hashable {
  let bytes: [UInt8]

  init(_ text: some StringProtocol) {
    bytes = Array(text.utf8)
  }
}
