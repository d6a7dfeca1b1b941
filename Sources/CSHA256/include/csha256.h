#ifndef CSHA256_H
#define CSHA256_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// Runs the SHA-256 compression function over `blocks` 64-byte blocks at `data`, updating
/// `state` (eight words, FIPS 180-4 order), with the x86 SHA extensions. Returns 1 when it
/// did, 0 when this processor (or build) has no SHA extensions and nothing was done: the
/// caller then uses its portable code.
int jx_sha256_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#ifdef __cplusplus
}
#endif

#endif
