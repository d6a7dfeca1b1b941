#ifndef CALLOCATOR_H
#define CALLOCATOR_H

/// Asks the C allocator to keep freed memory for reuse instead of returning it to the
/// system: memory of up to `keep` bytes above the heap's live data stays mapped, and blocks
/// below `separate_above` bytes come from the heap rather than a mapping of their own.
/// Returns 0 where the allocator has no such settings (not glibc).
int jx_allocator_keep_freed(long separate_above, long keep);

#endif
