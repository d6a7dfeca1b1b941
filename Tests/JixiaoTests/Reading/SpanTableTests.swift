import Testing

@testable import Jixiao

/// `SpanName.order` and `IndicatorBuilder.spanName` are switches standing for string
/// comparisons; these hold them to the strings.
@Suite struct SpanTableTests {
  @Test func orderIsTheRawValuesOrder() {
    let byOrder = SpanName.allCases.sorted { $0.order < $1.order }
    let byRawValue = SpanName.allCases.sorted { $0.rawValue < $1.rawValue }
    #expect(byOrder == byRawValue)
    #expect(Set(SpanName.allCases.map(\.order)).count == SpanName.allCases.count)
  }

  @Test func entriesAreKeptInTheRawValuesOrder() {
    // Every name, inserted in a scrambled order, then some replaced and removed.
    var table = SpanTable()
    let names = SpanName.allCases
    for (step, index) in names.indices.map({ ($0 * 7) % names.count }).enumerated() {
      table[names[index]] = SourceSpan(line: step + 1, column: 1, offset: step, length: 1)
    }
    #expect(table.map(\.name.rawValue) == names.map(\.rawValue).sorted())
    table[.name] = SourceSpan(line: 99, column: 2, offset: 500, length: 3)
    table[.level1] = nil
    #expect(table.map(\.name.rawValue) == names.map(\.rawValue).sorted().filter { $0 != "level1" })
    #expect(table[.name]?.line == 99)
  }

  @Test func aColumnKeepsItsSpanUnderItsOwnName() {
    for role in ColumnRole.allCases {
      let expected = role == .unit ? SpanName.unitColumn : SpanName(rawValue: role.rawValue)
      #expect(IndicatorBuilder.spanName(role) == expected, "\(role)")
    }
  }
}
