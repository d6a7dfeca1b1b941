import CICU

/// Swift face of the ICU shim.
public enum ICU {
  /// NFKC of `text`: full-width digits, letters and `＝（）％：，` become ASCII, compatibility
  /// ideographs become their unified forms. ASCII text is returned as is.
  public static func nfkc(_ text: String) -> String {
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
    if let narrowed = narrowedFullWidth(text) { return narrowed }
    return nfkcByICU(text)
  }

  static func nfkcByICU(_ text: String) -> String {
    transformed(text, initialCapacity: text.utf8.count + 16, by: jx_nfkc_utf8)
  }

  /// NFKC without ICU for the common case, text whose only mapped characters are full-width
  /// ASCII and the ideographic space (`NFKCCheck.narrowFullWidth`); nil for any other text,
  /// which goes to ICU, whose UTF-16 round trip cost about 5,000 instructions a cell.
  static func narrowedFullWidth(_ text: String) -> String? {
    text.withUTF8Bytes { bytes -> String? in
      String(unsafeUninitializedCapacity: bytes.count) { output in
        NFKCCheck.narrowFullWidth(bytes, into: output) ?? 0
      }
    }.flatMap { $0.isEmpty ? nil : $0 }
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
    guard !text.isEmpty else { return text }
    return transformed(text, initialCapacity: text.utf8.count * 2 + 16, by: jx_to_simplified_utf8)
  }

  /// `simplified(text)` when it changed some scalars, each for one (else nil): text matched in
  /// simplified script whose scalar positions are the text's own.
  public static func simplifiedScalarForScalar(_ text: String) -> String? {
    guard text.unicodeScalars.contains(where: { $0.value >= 0x3400 }) else { return nil }
    let simplified = Self.simplified(text)
    guard simplified != text, simplified.unicodeScalars.count == text.unicodeScalars.count else { return nil }
    return simplified
  }

  /// `simplified` through ICU's transliterator itself, not the table made from its rules: the
  /// reference for tests.
  static func simplifiedByTransliterator(_ text: String) -> String {
    guard !text.isEmpty else { return text }
    return transformed(text, initialCapacity: text.utf8.count * 2 + 16, by: jx_to_simplified_by_transliterator_utf8)
  }

  /// Whether `simplified` reads from the table (false: ICU's rules took a form the table
  /// does not know, and every call goes to the transliterator).
  static var simplifierUsesTable: Bool { jx_simplifier_uses_table() == 1 }

  /// The Hant-Hans rules, one `\uXXXX… > \uXXXX…;` per line.
  static var simplifierRules: String {
    let length = Int(jx_simplifier_rules_utf8(nil, 0))
    guard length > 0 else { return "" }
    return String(unsafeUninitializedCapacity: length) { buffer in
      buffer.withMemoryRebound(to: CChar.self) { buffer in
        let written = Int(jx_simplifier_rules_utf8(buffer.baseAddress, Int32(length)))
        return written == length ? length : 0
      }
    }
  }

  /// `text` through one of the shim's UTF-8 transforms; `text` itself when ICU fails.
  private static func transformed(
    _ text: String, initialCapacity: Int,
    by transform: (UnsafePointer<CChar>?, Int32, UnsafeMutablePointer<CChar>?, Int32) -> Int32
  ) -> String {
    var source = text
    let result: String? = source.withUTF8 { source in
      source.withMemoryRebound(to: CChar.self) { source in
        var capacity = initialCapacity
        for _ in 0..<3 {
          var needed = 0
          let result = String(unsafeUninitializedCapacity: capacity) { destination in
            destination.withMemoryRebound(to: CChar.self) { destination in
              needed = Int(transform(source.baseAddress, Int32(source.count), destination.baseAddress, Int32(capacity)))
            }
            return needed >= 0 && needed <= capacity ? needed : 0
          }
          if needed < 0 { return nil }
          if needed <= capacity { return result }
          capacity = needed + 16
        }
        return nil
      }
    }
    return result ?? text
  }

  /// Display width of a scalar in a monospaced rendering: 2 for wide and full-width
  /// characters (CJK), 1 otherwise.
  public static func displayWidth(_ scalar: Unicode.Scalar) -> Int {
    // Most scalars of our texts are ASCII (narrow, or neutral controls) and unified
    // ideographs (wide): their widths are settled by the standard, without a call into ICU
    // for each (`ICUTests` holds both ranges to ICU's answer).
    if scalar.value < 0x80 { return 1 }
    if scalar.value >= 0x4E00 && scalar.value <= 0x9FFF { return 2 }
    return icuDisplayWidth(scalar)
  }

  /// ICU's East Asian Width: wide (5) and full-width (3) take two columns.
  static func icuDisplayWidth(_ scalar: Unicode.Scalar) -> Int {
    let width = jx_east_asian_width(scalar.value)
    return width == 3 || width == 5 ? 2 : 1
  }

  public static var version: String {
    var buffer = [CChar](repeating: 0, count: 32)
    jx_icu_version(&buffer, 32)
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
