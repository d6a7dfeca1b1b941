/// Reads RFC 4180 CSV with CRLF record ends (what the batch writes), for checking it.
enum CSVReader {
  struct Failure: Error { var message: String }

  static func read(_ bytes: [UInt8]) throws -> (header: [String], rows: [[String]]) {
    guard bytes.starts(with: [0xEF, 0xBB, 0xBF]) else { throw Failure(message: "no BOM") }
    var records: [[String]] = []
    var record: [String] = []
    var field: [UInt8] = []
    var index = 3
    var quoted = false
    var fieldStarted = false
    while index < bytes.count {
      let byte = bytes[index]
      if quoted {
        if byte == UInt8(ascii: "\"") {
          if index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\"") {
            field.append(byte)
            index += 2
            continue
          }
          quoted = false
        } else {
          field.append(byte)
        }
        index += 1
        continue
      }
      switch byte {
      case UInt8(ascii: "\""):
        guard field.isEmpty && !fieldStarted else { throw Failure(message: "quote inside a field at \(index)") }
        quoted = true
        fieldStarted = true
      case UInt8(ascii: ","):
        record.append(String(decoding: field, as: UTF8.self))
        field = []
        fieldStarted = false
      case 0x0D:
        guard index + 1 < bytes.count && bytes[index + 1] == 0x0A else { throw Failure(message: "bare CR at \(index)") }
        record.append(String(decoding: field, as: UTF8.self))
        records.append(record)
        record = []
        field = []
        fieldStarted = false
        index += 1
      case 0x0A:
        throw Failure(message: "bare LF outside quotes at \(index)")
      default:
        field.append(byte)
      }
      index += 1
    }
    guard field.isEmpty && record.isEmpty && !quoted else { throw Failure(message: "last record not ended by CRLF") }
    guard let header = records.first else { throw Failure(message: "no header") }
    for (number, row) in records.enumerated() where row.count != header.count {
      throw Failure(message: "record \(number) has \(row.count) fields, header \(header.count)")
    }
    return (header, Array(records.dropFirst()))
  }
}
