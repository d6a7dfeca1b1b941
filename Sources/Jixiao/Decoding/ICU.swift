import CICU

/// Swift face of the ICU shim.
public enum ICU {
  /// NFKC of `text`: full-width digits, letters and `＝（）％：，` become ASCII, compatibility
  /// ideographs become their unified forms. ASCII text is returned as is.
  public static func nfkc(_ text: String) -> String {
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
    let source = Array(text.utf16)
    var capacity = source.count + 16
    for _ in 0..<3 {
      var destination = [UInt16](repeating: 0, count: capacity)
      let written = jx_nfkc(source, Int32(source.count), &destination, Int32(capacity))
      if written < 0 { return text }
      if Int(written) <= capacity {
        return String(decoding: destination[0..<Int(written)], as: UTF16.self)
      }
      capacity = Int(written) + 16
    }
    return text
  }

  /// The value of a Chinese numeral spelled out in full (三百五十 → 350, 二〇二四 → 2024), read
  /// by ICU's "zh" spellout rules; nil unless ICU consumed the whole text.
  public static func spelledOutNumber(_ text: String) -> String? {
    let source = Array(text.utf16)
    guard !source.isEmpty else { return nil }
    var buffer = [CChar](repeating: 0, count: 128)
    var parsed: Int32 = 0
    let written = jx_spellout_parse_zh(source, Int32(source.count), &buffer, 128, &parsed)
    guard written > 0, Int(parsed) == source.count else { return nil }
    return String(decoding: buffer.prefix(Int(written)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }

  /// Traditional characters turned simplified (ICU's Hant-Hans): `績效目標` → `绩效目标`.
  public static func simplified(_ text: String) -> String {
    let source = Array(text.utf16)
    guard !source.isEmpty else { return text }
    var capacity = source.count * 2 + 16
    for _ in 0..<3 {
      var destination = [UInt16](repeating: 0, count: capacity)
      let written = jx_to_simplified(source, Int32(source.count), &destination, Int32(capacity))
      if written < 0 { return text }
      if Int(written) <= capacity { return String(decoding: destination[0..<Int(written)], as: UTF16.self) }
      capacity = Int(written) + 16
    }
    return text
  }

  /// Display width of a scalar in a monospaced rendering: 2 for wide and full-width
  /// characters (CJK), 1 otherwise.
  public static func displayWidth(_ scalar: Unicode.Scalar) -> Int {
    let width = jx_east_asian_width(scalar.value)
    return width == 3 || width == 5 ? 2 : 1
  }

  public static var version: String {
    var buffer = [CChar](repeating: 0, count: 32)
    jx_icu_version(&buffer, 32)
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
