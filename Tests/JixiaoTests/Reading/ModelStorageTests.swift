import FoundationEssentials
import Testing

@testable import Jixiao

/// The model's storage changes held to what they replaced: `Target` keeping its reference
/// fields in a box that is nil until one is set (a target equals, and hashes as, one whose
/// box was set and emptied; copies stay independent); and `Cell.keyUTF8Count` standing for
/// `key.utf8.count` (the self-evaluation test reads it).
@Suite struct ModelStorageTests {
  static let span = SourceSpan(line: 3, column: 2, offset: 40, length: 5)

  /// A target with every field set, each to a value of its own.
  static func full() -> Target {
    var target = Target(raw: "≥95%合格", kind: .quantitative, span: span)
    target.op = .atLeast
    target.value = Decimal(95)
    target.unit = "%"
    target.unitRaw = "百分比"
    target.yuan = Decimal(1)
    target.min = Decimal(2)
    target.max = Decimal(3)
    target.date = DateInterval(start: "2024-01-01", end: "2024-12-31")
    target.rank = 4
    target.grade = "合格"
    target.qualifier = "以上"
    target.parts = [Target(raw: "part", kind: .text)]
    target.flags = [.unitUnknown, .yearAssumed]
    return target
  }

  @Test func everyFieldReadsBackAsSet() {
    let target = Self.full()
    #expect(target.raw == "≥95%合格" && target.kind == .quantitative && target.op == .atLeast)
    #expect(target.value == Decimal(95) && target.unit == "%" && target.unitRaw == "百分比")
    #expect(target.yuan == Decimal(1) && target.min == Decimal(2) && target.max == Decimal(3))
    #expect(target.date == DateInterval(start: "2024-01-01", end: "2024-12-31") && target.rank == 4)
    #expect(target.grade == "合格" && target.qualifier == "以上" && target.span == Self.span)
    #expect(target.parts == [Target(raw: "part", kind: .text)] && target.flags == [.unitUnknown, .yearAssumed])
  }

  @Test func aTargetWhoseFieldsWereClearedEqualsAFreshOne() {
    let fresh = Target(raw: "≥95%合格", kind: .quantitative, span: Self.span)
    var cleared = Self.full()
    #expect(cleared != fresh)
    cleared.op = nil
    cleared.value = nil
    cleared.unit = nil
    cleared.unitRaw = nil
    cleared.yuan = nil
    cleared.min = nil
    cleared.max = nil
    cleared.date = nil
    cleared.rank = nil
    cleared.grade = nil
    cleared.qualifier = nil
    cleared.parts = []
    cleared.flags = []
    #expect(cleared == fresh && fresh == cleared)
    #expect(cleared.hashValue == fresh.hashValue)
    #expect(Set([cleared, fresh]).count == 1)
    // Nil set where nothing was set leaves the target as it was.
    var untouched = fresh
    untouched.unit = nil
    untouched.flags = []
    #expect(untouched == fresh && untouched.hashValue == fresh.hashValue)
  }

  @Test func eachFieldTellsTargetsApart() {
    let base = Self.full()
    var changes: [(inout Target) -> Void] = [
      { $0.raw = "x" }, { $0.kind = .text }, { $0.op = .less }, { $0.value = Decimal(96) }, { $0.unit = "个" },
      { $0.unitRaw = nil }, { $0.yuan = nil }, { $0.min = Decimal(5) }, { $0.max = nil },
      { $0.date = DateInterval(start: "2024-01-01", end: "2024-06-30") }, { $0.rank = nil }, { $0.grade = "优" },
      { $0.qualifier = nil }, { $0.parts.append(Target(raw: "", kind: .empty)) }, { $0.flags.removeLast() },
      { $0.span = nil },
    ]
    changes.append { $0.parts[0].raw = "other" }
    for (index, change) in changes.enumerated() {
      var changed = base
      change(&changed)
      #expect(changed != base, "change \(index)")
      // The copy it was changed from is left as it was.
      #expect(base == Self.full(), "change \(index)")
    }
  }

  @Test func copiesAreIndependent() {
    let original = Self.full()
    var copy = original
    copy.flags.append(.unitConflict)
    copy.parts[0].flags = [.digitsRunTogether]
    copy.unit = "元"
    #expect(original.flags == [.unitUnknown, .yearAssumed] && original.parts[0].flags.isEmpty && original.unit == "%")
    #expect(copy.flags == [.unitUnknown, .yearAssumed, .unitConflict] && copy.parts[0].flags == [.digitsRunTogether])
    var empty = Target(raw: "", kind: .empty)
    let emptyCopy = empty
    empty.flags.append(.templatePlaceholder)
    #expect(emptyCopy.flags.isEmpty && empty.flags == [.templatePlaceholder])
  }

  static func expectKeyCount(_ cell: Cell) {
    #expect(cell.keyUTF8Count == cell.key.utf8.count, "\(cell.text)")
  }

  @Test func keyCountIsTheKeysCount() {
    let texts = ["", "得分", "得 分", "实际完成值", "實際完成值", "全年执行数：", "*执行率", "ＡＢＣ", "绩效 指标", "<b>得分</b>", "a", "区(qū)"]
    for text in texts {
      for isTraditional in [false, true] {
        var cell = Cell(text: text, span: Self.span, column: 0, start: 0, isTraditional: isTraditional)
        Self.expectKeyCount(cell)
        // A wrapped line appended: the key is stale until settled.
        cell.appendLine("完 成", separator: "\n")
        #expect(cell.hasStaleKey)
        Self.expectKeyCount(cell)
        cell.settleKey()
        Self.expectKeyCount(cell)
      }
    }
  }

  /// Every cell of the corpus documents, as the tokenizer made it.
  @Test(arguments: CorpusTests.documents)
  func corpusCells(_ relativePath: String) throws {
    let bytes = try #require(CorpusFiles.read(CorpusTests.root + "/" + relativePath))
    let (text, _) = try SourceDecoder.decode(bytes, path: relativePath)
    for row in Tokenizer.tokenize(text).rows {
      for cell in row.cells { Self.expectKeyCount(cell) }
    }
  }
}
