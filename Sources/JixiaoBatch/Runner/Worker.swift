import Jixiao
import Synchronization

/// What a worker thread does with one input: read, parse, render. Everything here is
/// immutable and shared by all workers, the digests this run has taken apart.
struct Worker<Payload: Sendable>: Sendable {
  var options: ParseOptions
  var maxSize: Int
  /// Digests to skip without parsing (SQLite resume).
  var storedDigests: Set<String>
  /// For a sink that keeps one document per digest (SQLite): the digests this run has met,
  /// so that a second copy of a document is skipped before it is parsed, not after.
  var claims: DigestClaims?
  var render: @Sendable (ParsedItem) -> Payload

  func process(_ numbered: (Int, WorkItem)) -> WorkResult<Payload> {
    let (ordinal, item) = numbered
    var label: String
    var recordID: JSON?
    var read: Result<[UInt8], ItemFailure>
    switch item {
    case .file(let input):
      label = input.path
      read = readFile(input.path)
    case .record(let record):
      label = record.label
      recordID = record.id
      switch record.content {
      case .text(let bytes):
        read = .success(bytes)
        if bytes.count > maxSize {
          read = .failure(ItemFailure(InputError.tooLarge(path: label, bytes: bytes.count, limit: maxSize)))
        }
      case .path(let path): read = readFile(path)
      case .invalid(let message): read = .failure(.invalidRecord(message))
      }
    }

    var parsed = ParsedItem(
      ordinal: ordinal,
      label: label,
      recordID: recordID,
      bytes: 0,
      sha256: nil,
      outcome: .failed(.invalidRecord(""))
    )
    switch read {
    case .failure(let failure):
      parsed.outcome = .failed(failure)
    case .success(let bytes):
      parsed.bytes = bytes.count
      if !storedDigests.isEmpty || claims != nil {
        let digest = Jixiao.sha256(bytes)
        if storedDigests.contains(digest) || claims?.isTakenBefore(digest, ordinal: ordinal) == true {
          return WorkResult(ordinal: ordinal, label: label, bytes: bytes.count, status: .skipped, payload: nil)
        }
        parsed.sha256 = digest
      }
      do throws(InputError) {
        let document = try Jixiao.parse(bytes, path: label, options: options)
        parsed.sha256 = document.source.sha256
        parsed.outcome = .document(document)
      } catch {
        if parsed.sha256 == nil { parsed.sha256 = Jixiao.sha256(bytes) }
        parsed.outcome = .failed(ItemFailure(error))
      }
    }

    let status: WorkResult<Payload>.Status
    switch parsed.outcome {
    case .document(let document): status = .read(DocumentCounts(document))
    case .failed(let failure): status = .failed(failure)
    }
    return WorkResult(ordinal: ordinal, label: label, bytes: parsed.bytes, status: status, payload: render(parsed))
  }

  private func readFile(_ path: String) -> Result<[UInt8], ItemFailure> {
    do throws(InputError) {
      return .success(try FileSystem.read(path, maxSize: maxSize))
    } catch {
      return .failure(ItemFailure(error))
    }
  }
}

/// The first input of this run to have each digest. Workers reach inputs out of order, so
/// a copy is skipped only when an *earlier* input has its digest: the earliest copy is
/// always parsed and written, whatever `--jobs` is. A later copy that a worker reached
/// first is parsed too, and the sink drops it when it comes to write it.
final class DigestClaims: Sendable {
  private let firsts = Mutex<[String: Int]>([:])

  init() {}

  /// Whether an input before `ordinal` has `digest`; if not, `ordinal` is its first so far.
  func isTakenBefore(_ digest: String, ordinal: Int) -> Bool {
    firsts.withLock { firsts in
      if let first = firsts[digest], first < ordinal { return true }
      firsts[digest] = ordinal
      return false
    }
  }
}
