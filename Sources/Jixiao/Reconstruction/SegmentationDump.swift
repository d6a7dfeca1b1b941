/// A text dump of what the tokenizer and segmenter saw, for `jixiao dump`: the first thing
/// to read when a document comes out wrong.
public enum SegmentationDump {
  /// `fullCells`: each cell's whole text instead of its first 24 characters (a wrapped
  /// cell's line breaks still shown as ⏎, so that a row stays one line).
  public static func dump(
    _ bytes: [UInt8], path: String, options: ParseOptions = ParseOptions(), fullCells: Bool = false
  ) throws(InputError) -> String {
    let (text, _) = try SourceDecoder.decode(bytes, path: path, encoding: options.encoding)
    var grid = Tokenizer.tokenize(text, dialect: options.dialect)
    if grid.dialect.isCellStream { grid = StreamRegrouper.regroup(grid, readings: TargetReadings(simplifiesScript: text.isTraditional)) }
    var output = "dialect: \(grid.dialect.rawValue)\n"
    let segmentation = TableSegmenter.segment(grid)
    var tableStarts: [Int: String] = [:]
    for (index, block) in segmentation.blocks.enumerated() {
      if let first = block.rows.first { tableStarts[first.lineIndex] = "table \(index) \(block.kind.rawValue) \(block.title?.text ?? "")" }
    }
    for row in grid.rows {
      if let start = tableStarts[row.lineIndex] { output += "=== \(start)\n" }
      let kind = RowClassifier.classify(row)
      let cells = row.cells.map { cell in
        cell.text.isEmpty ? "·" : String(fullCells ? Substring(cell.text) : cell.text.prefix(24)).replacing("\n", with: "⏎")
      }
      output += "\(row.lineIndex + 1)\t\(kind)\t\(cells.joined(separator: " │ "))\n"
    }
    return output
  }
}
