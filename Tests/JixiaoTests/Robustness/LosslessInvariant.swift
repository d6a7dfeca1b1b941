import Foundation

@testable import Jixiao

/// The lossless invariant: every non-empty cell the tokenizer finds is accounted for in the
/// output, either by a span at its offset (a value, label, name, layout cell, passage or
/// residue item that points back to it) or inside the text of a value whose span starts
/// earlier: on the same line (a cell split out of a larger value), or up to `wrapLines` lines
/// above when the cell continues that value (a label or paragraph the layout wrapped onto the
/// next lines, which the stream regrouper or the one-cell-per-line tokenizer joined).
///
/// Diagnostics do not count: a finding about a cell does not carry its text.
enum LosslessInvariant {
  struct Loss: CustomStringConvertible {
    var document: String
    var mutation: String
    var dialect: String
    var cell: Cell

    var description: String {
      "\(document) [\(mutation)] \(dialect) \(cell.span.line):\(cell.span.column)@\(cell.span.offset) '\(cell.text.prefix(60))'"
    }
  }

  struct Result {
    var cellsChecked = 0
    var variants = 0
    /// Inputs with at least one loss, to replay them (`JIXIAO_LOSSLESS_DUMP=DIR` writes them).
    var failingInputs: [(name: String, bytes: [UInt8])] = []
    /// Variants refused as a whole (binary after inserted bytes, no table …): the error
    /// names the file, so no cell is silently lost, but none is checked either.
    var refused: [String: Int] = [:]
    var losses: [Loss] = []
  }

  /// How far above a continuation piece its value may start: three wrapped pieces with the
  /// blank lines a cell stream puts between them.
  static let wrapLines = 6

  /// Wrapped values are joined with or without a line break, and normalised labels drop
  /// inner spaces: compare without blanks.
  static func withoutBlanks(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.filter { !$0.properties.isWhitespace }))
  }

  /// Checks one input. `mutation` names it in failure reports.
  static func check(_ bytes: [UInt8], document: String, mutation: String, into result: inout Result) {
    result.variants += 1
    let parsed: Document
    do {
      parsed = try Jixiao.parse(bytes, path: document)
    } catch {
      let kind = "\(error)".prefix { $0 != "(" }
      result.refused[String(kind), default: 0] += 1
      if ProcessInfo.processInfo.environment["JIXIAO_LOSSLESS_VERBOSE"] != nil {
        print("  refused: \(document) [\(mutation)] \(error.message.prefix(120))")
      }
      return
    }
    guard let (text, _) = try? SourceDecoder.decode(bytes, path: document) else {
      // parse decoded these bytes a moment ago; decoding must be a function of the bytes.
      result.losses.append(
        Loss(document: document, mutation: mutation, dialect: "?", cell: Cell(text: "<decode failed on second call>", span: SourceSpan(line: 0, column: 0, offset: 0), column: 0, start: 0)))
      return
    }
    let grid = Tokenizer.tokenize(text)
    let json = DocumentEncoder.json(parsed, language: .en)
    let claims = Robustness.claims(in: json, skipping: ["diagnostics", "summary", "source"])
    var offsets = Set<Int>()
    var byLine: [Int: [(offset: Int, texts: [String])]] = [:]
    for claim in claims {
      let texts = claim.texts.map(withoutBlanks)
      for span in claim.spans {
        offsets.insert(span.offset)
        byLine[span.line, default: []].append((span.offset, texts))
      }
    }
    let lossesBefore = result.losses.count
    defer {
      if result.losses.count > lossesBefore { result.failingInputs.append((document + " " + mutation, bytes)) }
    }
    for row in grid.rows {
      for cell in row.cells where !cell.isEmpty {
        result.cellsChecked += 1
        if offsets.contains(cell.span.offset) { continue }
        let text = withoutBlanks(cell.text)
        let sameLine = byLine[cell.span.line, default: []].contains { entry in
          entry.offset < cell.span.offset && entry.texts.contains { $0.contains(text) }
        }
        if sameLine { continue }
        let continued = (1...wrapLines).contains { above in
          byLine[cell.span.line - above, default: []].contains { entry in
            entry.texts.contains { value in
              value.count > text.count && value.dropFirst().contains(text)
            }
          }
        }
        if continued { continue }
        result.losses.append(Loss(document: document, mutation: mutation, dialect: grid.dialect.rawValue, cell: cell))
      }
    }
  }
}

/// Damage a scraped document suffers, each reproducible from its seed.
enum Mutation: String, CaseIterable {
  case deleteLine, duplicateLine, swapCells, shiftRow, removeHeader, insertBytes, truncate

  /// Words of indicator-table header rows.
  static let headerWords = ["一级指标", "二级指标", "三级指标", "指标值", "绩效指标", "指标内容", "项目名称"]

  func apply(_ bytes: [UInt8], _ random: inout SeededGenerator) -> (bytes: [UInt8], detail: String) {
    var lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
    guard !lines.isEmpty, bytes.count > 1 else { return (bytes, "too short") }
    func joined() -> [UInt8] { Array(lines.joined(separator: [0x0A])) }
    let nonBlank = lines.indices.filter { lines[$0].contains { $0 > 0x20 } }
    let anyLine = nonBlank.randomElement(using: &random) ?? 0
    switch self {
    case .deleteLine:
      lines.remove(at: anyLine)
      return (joined(), "line \(anyLine + 1)")
    case .duplicateLine:
      lines.insert(lines[anyLine], at: anyLine)
      return (joined(), "line \(anyLine + 1)")
    case .swapCells:
      for separator in [UInt8(0x09), 0x7C] {
        let candidates = nonBlank.filter { index in lines[index].filter { $0 == separator }.count >= 2 }
        guard let index = candidates.randomElement(using: &random) else { continue }
        var fields = lines[index].split(separator: separator, omittingEmptySubsequences: false).map(Array.init)
        let a = Int.random(in: 0..<fields.count, using: &random)
        var b = Int.random(in: 0..<fields.count, using: &random)
        if a == b { b = (a + 1) % fields.count }
        fields.swapAt(a, b)
        lines[index] = Array(fields.joined(separator: [separator]))
        return (joined(), "line \(index + 1) fields \(a + 1)↔\(b + 1)")
      }
      // One cell per line: swap a line with the next.
      let index = min(anyLine, lines.count - 2)
      guard index >= 0 else { return (bytes, "nothing to swap") }
      lines.swapAt(index, index + 1)
      return (joined(), "lines \(index + 1)↔\(index + 2)")
    case .shiftRow:
      let separator: UInt8 = lines[anyLine].contains(0x7C) && !lines[anyLine].contains(0x09) ? 0x7C : 0x09
      lines[anyLine].insert(separator, at: 0)
      return (joined(), "line \(anyLine + 1) right by one")
    case .removeHeader:
      let headers = nonBlank.filter { index in
        let text = String(decoding: lines[index], as: UTF8.self)
        return Self.headerWords.contains { text.contains($0) }
      }
      let index = headers.randomElement(using: &random) ?? anyLine
      lines.remove(at: index)
      return (joined(), "line \(index + 1)")
    case .insertBytes:
      let count = Int.random(in: 1...8, using: &random)
      // NUL refuses the whole file (tested elsewhere); keep the mutation inside the text.
      let inserted = (0..<count).map { _ in max(1, UInt8.random(in: 0...255, using: &random)) }
      let at = Int.random(in: 0...bytes.count, using: &random)
      var result = bytes
      result.insert(contentsOf: inserted, at: at)
      return (result, "\(inserted.map { String($0, radix: 16) }) at byte \(at)")
    case .truncate:
      let at = Int.random(in: 1..<bytes.count, using: &random)
      return (Array(bytes[..<at]), "at byte \(at)")
    }
  }
}
