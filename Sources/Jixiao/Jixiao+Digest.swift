extension Jixiao {
  /// SHA-256 of `bytes` as lower-case hex, the same digest as `Document.source.sha256`:
  /// batches use it to skip documents they already stored without parsing them again.
  public static func sha256(_ bytes: [UInt8]) -> String { SHA256.hex(bytes) }
}
