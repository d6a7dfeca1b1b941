import FoundationEssentials
import Testing

@testable import Jixiao

@Suite struct OutputBufferTests {
  /// The plain escaper the word-at-a-time scan must agree with.
  static func referenceQuoted(_ text: String) -> String {
    var result: [UInt8] = [0x22]
    for byte in text.utf8 {
      switch byte {
      case 0x22: result += Array(#"\""#.utf8)
      case 0x5C: result += Array(#"\\"#.utf8)
      case 0x0A: result += Array(#"\n"#.utf8)
      case 0x0D: result += Array(#"\r"#.utf8)
      case 0x09: result += Array(#"\t"#.utf8)
      case 0..<0x20, 0x7F: result += Array(("\\u00" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)).utf8)
      default: result.append(byte)
      }
    }
    return String(decoding: result + [0x22], as: UTF8.self)
  }

  static func quoted(_ text: String) -> String {
    var writer = JSONWriter(pretty: false)
    writer.string(text)
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  /// Every ASCII byte at every place of an eight-byte word and of the tail after the words.
  @Test func everyASCIIByteAtEveryPlace() {
    for byte in UInt8(0)...0x7F {
      let character = String(decoding: [byte], as: UTF8.self)
      for before in 0..<18 {
        for after in [0, 1, 7, 8, 9] {
          let text = String(repeating: "a", count: before) + character + String(repeating: "z", count: after)
          #expect(Self.quoted(text) == Self.referenceQuoted(text), "byte \(byte) after \(before)")
        }
      }
    }
  }

  @Test(arguments: [
    "", "值", "绩效目标\n\"引号\"\\行\t尾", String(repeating: "指标值≥95%", count: 30) + "\u{7F}\r",
    "\u{1F}" + String(repeating: "满意度", count: 11) + "\"", "€\u{0}é",
  ])
  func multiByteText(text: String) {
    #expect(Self.quoted(text) == Self.referenceQuoted(text))
  }

  /// Decimals are written as `description` writes them, through the storage fast path or not;
  /// NaN, which is no JSON number, as `null`.
  @Test func decimalsAsDescriptionWritesThem() throws {
    let texts = [
      "0", "-0", "1", "-1", "10", "350", "1.5", "-1.5", "0.001", "-0.001", "0.000015", "12345.678",
      "237.2544", "99.99", "100.00", "3500000", "1e5", "1e20", "-7e-10", "18446744073709551615",
      "18446744073709551616", "0.18446744073709551615", "123456789012345678901234567890",
      "-98765432109876543210.5", "9.999999999999999999", "12345678901234567890",
    ]
    var values = try texts.map { try #require(Decimal(string: $0)) }
    values += values.map { $0 * 10_000 } + values.map { $0 / 3 } + values.map { $0 / 10_000 }
    values += [Decimal.nan, Decimal.greatestFiniteMagnitude, Decimal.leastNonzeroMagnitude]
    for value in values {
      var writer = JSONWriter(pretty: false)
      writer.decimal(value)
      #expect(String(decoding: writer.bytes, as: UTF8.self) == (value.isNaN ? "null" : value.description))
    }
  }

  /// The Character-by-Character renderer the byte-level one replaced.
  static func referenceRender(_ template: String, _ arguments: [String]) -> String {
    var result = ""
    var index = template.startIndex
    while index < template.endIndex {
      let character = template[index]
      if character == "{", let close = template[index...].firstIndex(of: "}"),
        let number = Int(template[template.index(after: index)..<close]), number >= 0
      {
        result += number < arguments.count ? arguments[number] : ""
        index = template.index(after: close)
      } else {
        result.append(character)
        index = template.index(after: index)
      }
    }
    return result
  }

  @Test func templatesRenderAsCharacterByCharacter() {
    let arguments = ["指标", "{1}", "3.5", "@scoring"]
    var templates = ["", "{", "}", "{x}", "{-1}", "{+1}", "{0", "}{0}", "值{0}值{1}{2}{9}", "{{0}}"]
    for entry in Catalogue.entries { templates += [entry.message.zh, entry.message.en] }
    for template in templates {
      #expect(Template.render(template, arguments) == Self.referenceRender(template, arguments), "\(template)")
    }
  }
}

/// Messages are written into the JSON straight from their templates: the same string as the
/// one `Diagnostic.message(in:)` and `Related.message(in:)` render.
@Suite struct MessageTemplateTests {
  static func written(_ template: String, _ arguments: [String], _ language: Language?) -> String {
    var writer = JSONWriter(pretty: false)
    writer.string(template: template, arguments: arguments, terms: language)
    return String(decoding: writer.bytes, as: UTF8.self)
  }

  @Test func termsAllStartWithTheMarker() {
    #expect(Term.terms.keys.allSatisfy { $0.utf8.first == 0x40 })
  }

  @Test func templatesAsRendered() {
    let argumentLists: [[String]] = [
      [], ["指标", "{1}", "3.5", "@scoring"], ["\"引号\"\\", "行\n尾\t", "@cost", "@unknown", "@"],
      ["@explanation", "@satisfaction", "", "\u{7F}\u{1}"],
    ]
    var templates = [
      "", "{", "}", "{}", "{x}", "{-1}", "{-0}", "{+1}", "{+}", "{-}", "{0", "}{0}", "值{0}值{1}{2}{9}", "{{0}}",
      "{00}", "{ 1}", "{1 }", "{９}", "{9223372036854775807}", "{9223372036854775808}", "{-9223372036854775808}",
      "\"{0}\"\\{1}\n", "{0}{1}{2}{3}{4}",
    ]
    for entry in Catalogue.entries { templates += [entry.message.zh, entry.message.en] }
    for note in [NoteKind.comparedWith, .labelHere, .part, .total, .sameName] {
      templates += [note.template.zh, note.template.en]
    }
    for template in templates {
      for arguments in argumentLists {
        #expect(Self.written(template, arguments, nil) == OutputBufferTests.quoted(Template.render(template, arguments)))
        for language in Language.allCases {
          let rendered = Template.render(template, Term.localize(arguments, language))
          #expect(Self.written(template, arguments, language) == OutputBufferTests.quoted(rendered), "\(template)")
        }
      }
    }
  }

  /// Every finding of the corpus documents, in both languages, against its rendered messages.
  @Test func corpusFindingsAsRendered() throws {
    var count = 0
    for path in CorpusTests.documents {
      guard let bytes = CorpusFiles.read(CorpusTests.root + "/" + path),
        let document = try? Jixiao.parse(bytes, path: path)
      else { continue }
      for diagnostic in document.diagnostics {
        for language in Language.allCases {
          var writer = JSONWriter(pretty: false)
          DocumentEncoder.write(diagnostic, language: language, into: &writer)
          let json = try JSONReader.read(writer.bytes)
          guard case .object(let members) = json else {
            Issue.record("not an object")
            continue
          }
          #expect(members.first { $0.0 == "message" }?.1 == .string(diagnostic.message(in: language)))
          guard case .array(let related)? = members.first(where: { $0.0 == "related" })?.1 else {
            Issue.record("no related")
            continue
          }
          #expect(related.count == diagnostic.related.count)
          for (item, expected) in zip(related, diagnostic.related) {
            guard case .object(let fields) = item else { continue }
            #expect(fields.first { $0.0 == "note" }?.1 == .string(expected.message(in: language)))
          }
          count += 1
        }
      }
    }
    #expect(count > 100)
  }
}

/// A document's JSON is written in place into its array: the same bytes as a writer of its
/// own, whether they fit the reserved room or outgrow it.
@Suite struct JSONWriterInPlaceTests {
  static func write(_ w: inout JSONWriter) {
    w.object { w in
      for index in 0..<60 {
        w.field("key", "值\(index)\n\"")
        w.field("n", int: index)
      }
    }
    w.raw([0x0A])
  }

  @Test(arguments: [0, 15, 16, 17, 40, 1 << 12, 1 << 16])
  func sameBytesWhateverTheRoom(capacity: Int) {
    for pretty in [false, true] {
      var whole = JSONWriter(pretty: pretty)
      Self.write(&whole)
      #expect(JSONWriter.bytes(pretty: pretty, capacity: capacity, Self.write) == whole.bytes)
    }
  }
}

@Suite struct SpanNameKeyTests {
  /// The span names of an indicator are written as literals: each must be its raw value.
  @Test func keysAreTheRawValues() {
    for name in SpanName.allCases {
      for pretty in [false, true] {
        var writer = JSONWriter(pretty: pretty)
        writer.object { w in
          w.field("first", int: 1)
          DocumentEncoder.key(name, &w)
          w.null()
        }
        var expected = JSONWriter(pretty: pretty)
        expected.object { w in
          w.field("first", int: 1)
          w.key(escaping: name.rawValue)
          w.null()
        }
        #expect(writer.bytes == expected.bytes, "\(name)")
      }
    }
  }
}
