import CAllocator

/// Process-wide allocator settings for a batch.
public enum Allocator {
  /// Makes freed memory stay with the process for the next document. By default glibc hands
  /// a worker thread's freed pages back to the system and maps large blocks (a document's
  /// JSON) afresh, so every document faulted in and cleared its memory again: 7 faults a
  /// document and 7 % of a batch's time in the kernel clearing pages. Peak memory is the
  /// same; it is only not given back between documents.
  ///
  /// For an executable to call before a batch: a library should not change its host's
  /// allocator.
  public static func keepFreedMemory() {
    // Blocks up to 4 MiB (the JSON of a 500 KB document) come from the heap; up to 64 MiB
    // freed at the heap's top stays mapped.
    _ = jx_allocator_keep_freed(4 << 20, 64 << 20)
  }
}
