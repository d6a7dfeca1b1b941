/// Where a batch goes: one implementation per `--format`.
///
/// Work is split so that the costly part runs in parallel: `renderer` is called on the
/// worker threads (it must only read immutable state), `write` on one thread in input order.
protocol BatchSink: AnyObject {
  associatedtype Payload: Sendable

  /// Renders one parsed input for `write`; runs on worker threads.
  var renderer: @Sendable (ParsedItem) -> Payload { get }

  /// SHA-256 digests of documents already in the output, which the workers skip without
  /// parsing (SQLite resume); empty for formats that always write everything.
  var storedDigests: Set<String> { get }

  /// Whether the output keeps one document per SHA-256 (SQLite): a copy of a document met
  /// earlier in the run is then skipped before it is parsed.
  var keepsOneCopy: Bool { get }

  /// Writes one rendered input. Returns false when the sink dropped it as a duplicate of a
  /// document already written in this run (same SHA-256).
  func write(_ payload: Payload, of result: WorkResult<Payload>) throws(OutputError) -> Bool

  /// Completes the output (commit, rename into place).
  func finish() throws(OutputError)

  /// Cleans up after an error: temporary files removed, open transaction rolled back.
  func abandon()
}
