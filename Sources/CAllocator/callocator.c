#include "callocator.h"

// Any libc header defines __GLIBC__ on glibc.
#include <stdlib.h>

#if defined(__GLIBC__)
#include <malloc.h>

int jx_allocator_keep_freed(long separate_above, long keep) {
  // Setting either turns off glibc's adaptive thresholds, which is the point: they keep
  // handing a worker's freed arena pages back (madvise/trim) and mapping large blocks
  // afresh, and every document then pays page faults and page clearing again.
  int separate = mallopt(M_MMAP_THRESHOLD, (int)separate_above);
  int trim = mallopt(M_TRIM_THRESHOLD, (int)keep);
  return separate && trim;
}
#else
int jx_allocator_keep_freed(long separate_above, long keep) {
  (void)separate_above;
  (void)keep;
  return 0;
}
#endif
