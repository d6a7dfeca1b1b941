/// Cells run together with no separator at all (a .docx flattened to one line): the cell
/// boundaries come from what the cells contain. Known labels, header words and level names
/// are cut out where they occur (longest first); the text between them is a cell. The cells
/// then go through `StreamRegrouper` like any cell stream.
enum RunTogetherTokenizer {
  /// Long lines that hold many vocabulary words and no separators.
  static func looksRunTogether(_ text: SourceText) -> Bool {
    var hits = 0
    for index in text.lines.indices {
      let line = text.text(ofLine: index)
      guard line.unicodeScalars.count >= 150, !line.containsBytes("\t"), !line.containsBytes("|") else { continue }
      if words(in: Array(line.unicodeScalars)).count >= 8 { hits += 1 }
    }
    return hits >= 1
  }

  static func rows(_ text: SourceText, _ builder: inout CellBuilder) -> [Row] {
    var rows: [Row] = []
    for index in text.lines.indices {
      let (range, _) = builder.pageBreakStripped(index)
      let trimmed = Blank.trim(text.utf8, range)
      guard !trimmed.isEmpty else { continue }
      let line = String(decoding: text.utf8[trimmed], as: UTF8.self)
      let scalars = Array(line.unicodeScalars)
      // Byte offset of every scalar, to cut cells with exact spans.
      var offsets: [Int] = []
      var position = trimmed.lowerBound
      for scalar in scalars {
        offsets.append(position)
        position += UTF8Encoding.encode(scalar.value).count
      }
      offsets.append(position)
      var cuts: [Int] = [0]
      for (start, length) in words(in: scalars) {
        cuts.append(start)
        cuts.append(start + length)
      }
      cuts.append(scalars.count)
      let bounds = Array(Set(cuts)).sorted()
      for (lower, upper) in zip(bounds, bounds.dropFirst()) where upper > lower {
        let cell = builder.cell(lineIndex: index, range: offsets[lower]..<offsets[upper], column: 0)
        if !cell.isEmpty { rows.append(Row(cells: [cell], lineIndex: index)) }
      }
    }
    return rows
  }

  /// Vocabulary words in the text: (start, length) in scalars, longest match first, no overlap.
  static func words(in scalars: [Unicode.Scalar]) -> [(Int, Int)] {
    var found: [(Int, Int)] = []
    var index = 0
    while index < scalars.count {
      var best = 0
      // Words by first character, longest first: most characters start none.
      for word in wordsByFirst[scalars[index]] ?? [] where word.count <= scalars.count - index {
        if scalars[index..<(index + word.count)].elementsEqual(word) {
          best = word.count
          break
        }
      }
      if best > 0 {
        found.append((index, best))
        index += best
      } else {
        index += 1
      }
    }
    return found
  }

  static let wordsByFirst: [Unicode.Scalar: [[Unicode.Scalar]]] = {
    var table: [Unicode.Scalar: [[Unicode.Scalar]]] = [:]
    for word in vocabulary {
      let scalars = Array(word.unicodeScalars)
      guard scalars.count >= 2, let first = scalars.first else { continue }
      table[first, default: []].append(scalars)
    }
    // Longest first, then by text, so that the same input always cuts the same way.
    for key in table.keys {
      table[key]?.sort { $0.count != $1.count ? $0.count > $1.count : String(String.UnicodeScalarView($0)) < String(String.UnicodeScalarView($1)) }
    }
    return table
  }()

  static let vocabulary: Set<String> = {
    var words = Set<String>()
    for key in FormVocabulary.exact.keys where key.count >= 4 { words.insert(key) }
    for key in ColumnVocabulary.exact.keys where key.count >= 3 { words.insert(key) }
    for level in Level1.allCases { words.insert(level.rawValue) }
    for level in Level2.allCases { words.insert(level.rawValue) }
    words.formUnion(["社会公众或服务对象满意度指标", "长期绩效指标", "年度绩效指标", "填报单位(盖章)", "项目负责人", "主管部门编码", "资金总额"])
    return words
  }()

}
