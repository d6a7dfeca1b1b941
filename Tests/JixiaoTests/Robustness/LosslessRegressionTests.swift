import Foundation
import Testing

@testable import Jixiao

/// Minimal inputs for each way the reader lost a cell, found by the lossless invariant over
/// the corpus and its mutations. A test wrapped in `withKnownIssue` fails today: the loss is
/// recorded as a known issue naming the bug, so the suite stays green and shows the bug; when
/// the reader is fixed, `withKnownIssue` reports that the issue no longer occurs and the
/// wrapper must go (as it went for B1–B8: milestone cells keep their raw text and spans,
/// placeholders their level-1 span, and a second cell for a field the row already has goes to
/// residue as `duplicateCell`, completion columns are output, and a cell before a row's level 2
/// is its level 1 even when the vocabulary does not know it).
@Suite("Lossless invariant: regressions")
struct LosslessRegressionTests {
  static func losses(_ name: String) throws -> [LosslessInvariant.Loss] {
    let url = Robustness.packageRoot.appendingPathComponent("Tests/JixiaoTests/Robustness/Inputs/\(name)")
    var result = LosslessInvariant.Result()
    LosslessInvariant.check(try Robustness.bytes(url), document: name, mutation: "minimal", into: &result)
    #expect(result.refused.isEmpty, "\(name) was refused: \(result.refused)")
    return result.losses
  }

  static func expectNoLoss(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let losses = try losses(name)
    #expect(losses.isEmpty, "\(losses.map(\.description).joined(separator: "; "))", sourceLocation: sourceLocation)
  }

  /// Milestone rows (项目实施内容 | 开始时间 | 完成时间) keep start and end only as ISO dates:
  /// the cells `2019年8月1日` and `2020年7月31日` have no raw text and no span in the output.
  /// Interpretation/Model: `Milestone` needs `startRaw`/`startSpan`, `endRaw`/`endSpan`.
  @Test func milestoneDates() throws {
    try Self.expectNoLoss("lossless-milestone-dates.txt")
  }

  /// A placeholder row that names its level 1 itself (`\t效益指标\t经济效益指标\t\t`) keeps
  /// one span, the level 2's: the level-1 cell is not accounted for.
  @Test func placeholderLevel1() throws {
    try Self.expectNoLoss("lossless-placeholder-level1.txt")
  }

  /// Two columns with the same header (度量单位 twice, as a duplicated line in 001's docx
  /// export gives): the cell under the first one (`条`) is dropped, not kept or left as
  /// residue. Reduced from 001 with line 1183 duplicated.
  @Test func duplicateHeaderColumn() throws {
    try Self.expectNoLoss("lossless-duplicate-header-column.txt")
  }

  /// A cell under a header column that has no name (a merged or missing header cell) is
  /// dropped instead of going to residue as `unknownColumn`. Reduced from 001 with line 1911
  /// duplicated (the row gains a cell) and with line 2530 deleted (the header loses one).
  @Test func unnamedColumn() throws {
    try Self.expectNoLoss("lossless-unnamed-column.txt")
    try Self.expectNoLoss("lossless-unnamed-column-goal.txt")
  }

  /// 109's form (one cell per line ending in ` |`) puts a merged 本年度绩效指标 cell before the
  /// indicator columns, so rows whose level 1 or level 2 is merged from above sit shifted.
  /// Lost `数量指标`, `雾炮车风炮射程` and `≥80M` until the cell-stream reader (main, 81c0922).
  @Test func mergedLeadingColumn() throws {
    try Self.expectNoLoss("lossless-merged-leading-column.txt")
  }

  /// A damaged separator line (`|||0N|`) runs two indicator rows into one: the first row's
  /// level 2 (`时效指标`) is dropped. Reduced from 104 with two bytes inserted.
  @Test func twoRowsInOne() throws {
    try Self.expectNoLoss("lossless-two-rows-in-one.txt")
  }

  /// A file cut inside its last indicator row (`产出指标`, then `数量` cut off): the cut
  /// fragment goes to residue as `truncated`, but the complete cells before it in the same
  /// row are dropped. Reduced from 110 truncated at byte 1327.
  @Test func truncatedLastRow() throws {
    try Self.expectNoLoss("lossless-truncated-last-row.txt")
  }

  /// An indicator row whose level-1 cell is garbled (`產(chǎn)出指�d��kC…`, bytes inserted):
  /// the whole row (name, target) is dropped instead of being read by its other cells or
  /// left as residue. Reduced from 112 with eight bytes inserted.
  @Test func garbledLevel1() throws {
    try Self.expectNoLoss("lossless-garbled-level1.txt")
  }
}
