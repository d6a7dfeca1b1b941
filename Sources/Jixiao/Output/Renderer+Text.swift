/// The slot texts of a rendered row: a merged cell's text in its first slot, empty slots for
/// the columns and rows it covers (how text dialects write merged cells).
extension RenderedRow {
  var texts: [String] { slots.map { $0?.text ?? "" } }
}

/// Markdown pipe tables: a title paragraph, then `| a | b |` rows with a `---` row under the
/// first; `|` escaped as `\|`, line breaks as `<br>`, a form feed before a row on a new page.
enum MarkdownEncoder {
  static func encode(_ tables: [RenderedTable]) -> String {
    var output = ""
    for (index, table) in tables.enumerated() {
      if index > 0 { output += "\n" }
      if let title = table.title { output += escape(title) + "\n\n" }
      if let subtitle = table.subtitle { output += escape(subtitle) + "\n\n" }
      for (rowIndex, row) in table.rows.enumerated() {
        if row.startsPage { output += "\u{0C}" }
        output += "| " + row.texts.map(escape).joined(separator: " | ") + " |\n"
        if rowIndex == 0 {
          output += "|" + String(repeating: " --- |", count: table.columnCount) + "\n"
        }
      }
    }
    return output
  }

  static func escape(_ text: String) -> String {
    text.replacing("|", with: "\\|").replacing("\n", with: "<br>")
  }
}

/// Tab-separated values and RFC 4180 CSV.
enum DelimitedEncoder {
  /// One line per row, tabs between cells; tabs in text become spaces and line breaks
  /// `<br>` (the tab dialect keeps a row on one line); a form feed before a new page.
  static func tsv(_ tables: [RenderedTable]) -> String {
    var output = ""
    for (index, table) in tables.enumerated() {
      if index > 0 { output += "\n" }
      if let title = table.title { output += clean(title) + "\n" }
      if let subtitle = table.subtitle { output += clean(subtitle) + "\n" }
      for row in table.rows {
        if row.startsPage { output += "\u{0C}" }
        output += row.texts.map(clean).joined(separator: "\t") + "\n"
      }
    }
    return output
  }

  private static func clean(_ text: String) -> String {
    text.replacing("\t", with: " ").replacing("\n", with: "<br>")
  }

  /// As Excel saves a sheet: a UTF-8 BOM, CRLF line ends, every record as wide as the
  /// sheet, fields quoted when they hold a comma, a quote, a line break or outer blanks.
  /// Pages do not exist in CSV; repeated header rows stay rows.
  static func csv(_ tables: [RenderedTable]) -> String {
    var output = "\u{FEFF}"
    let width = tables.map(\.columnCount).max() ?? 1
    func record(_ fields: [String]) {
      let padded = fields + Array(repeating: "", count: max(0, width - fields.count))
      output += padded.map(quote).joined(separator: ",") + "\r\n"
    }
    for (index, table) in tables.enumerated() {
      if index > 0 { record([]) }
      if let title = table.title { record([title]) }
      if let subtitle = table.subtitle { record([subtitle]) }
      for row in table.rows { record(row.texts) }
    }
    return output
  }

  static func quote(_ field: String) -> String {
    let needsQuotes =
      field.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
      || field.first == " " || field.last == " "
    guard needsQuotes else { return field }
    return "\"" + field.replacing("\"", with: "\"\"") + "\""
  }
}

/// An HTML page: each table under an `<h2>` title with real `rowspan` and `colspan`.
enum HTMLEncoder {
  static func encode(_ tables: [RenderedTable]) -> String {
    var output = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
    output += "<title>\(escape(tables.first?.title ?? "绩效目标表"))</title>\n"
    output += "<style>table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 6px}</style>\n"
    output += "</head>\n<body>\n"
    for table in tables {
      if let title = table.title { output += "<h2>\(escape(title))</h2>\n" }
      if let subtitle = table.subtitle { output += "<p>\(escape(subtitle))</p>\n" }
      output += "<table>\n"
      for row in table.rows {
        output += "<tr>"
        for slot in row.slots {
          guard let cell = slot else { continue }
          let tag = row.isHeader ? "th" : "td"
          var attributes = ""
          if cell.rowSpan > 1 { attributes += " rowspan=\"\(cell.rowSpan)\"" }
          if cell.columnSpan > 1 { attributes += " colspan=\"\(cell.columnSpan)\"" }
          output += "<\(tag)\(attributes)>\(escape(cell.text).replacing("\n", with: "<br>"))</\(tag)>"
        }
        output += "</tr>\n"
      }
      output += "</table>\n"
    }
    output += "</body>\n</html>\n"
    return output
  }

  static func escape(_ text: String) -> String {
    var output = ""
    for character in text {
      switch character {
      case "&": output += "&amp;"
      case "<": output += "&lt;"
      case ">": output += "&gt;"
      case "\"": output += "&quot;"
      default: output.append(character)
      }
    }
    return output
  }
}
