import Jixiao

/// One document's indicators as a CSV file, for `jixiao serve`'s download: the columns of
/// `jixiao batch --format csv`'s indicators.csv, with the project's name beside its id so the
/// file reads on its own, `document_id` 1, a BOM so that spreadsheet programs see UTF-8.
public enum DocumentCSV {
  public static func indicators(_ document: Document) -> [UInt8] {
    let columns = IndicatorsTable.schema.columns
    var rows: [[CellValue]] = []
    for source in ProjectSource.all(in: document) {
      let name: String? =
        switch source.owner {
        case .project(let project): project.name
        case .department(let department): department.name
        }
      for (index, indicator) in source.indicators.enumerated() {
        let row = IndicatorsTable.schema.row(
          IndicatorSource(project: source.ordinal, ordinal: index + 1, indicator: indicator))
        rows.append([.integer(1), row[0], .text(name)] + row.dropFirst())
      }
    }
    let header: [CellValue] = (["document_id", columns[0].name, "project_name"] + columns.dropFirst().map(\.name)).map {
      .text($0)
    }
    return [0xEF, 0xBB, 0xBF] + CSVSink.encode([header] + rows)
  }
}
