// Plain-C face of the system ICU library (libicu-dev). Only plain C types cross this
// boundary: Foundation on Linux bundles its own ICU headers, and a Swift module that
// imported <unicode/...> beside Foundation would clash on UErrorCode.
#ifndef JIXIAO_CICU_H
#define JIXIAO_CICU_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/// 1 when NFKC leaves the code point as it is whatever surrounds it (ICU's `isInert`: no
/// mapping, and it neither combines with nor reorders around its neighbours), else 0.
int32_t jx_nfkc_is_inert(uint32_t codePoint);
/// `jx_nfkc_is_inert` of code points 0 ..< 64 * `count` as bits: bit `c & 63` of
/// `words[c >> 6]` for code point `c`.
void jx_nfkc_inert_bits(uint64_t *words, int32_t count);
/// 1 when NFKC leaves the code point as it is and nothing before it can combine with it
/// (a normalization boundary before it, and already normalized): text splits before it.
int32_t jx_nfkc_stands_alone(uint32_t codePoint);

/// Guesses the charset of `bytes` with ICU's detector. Writes the canonical name (such as
/// "UTF-8", "GB18030", "UTF-16LE") into `name` and returns the confidence 0...100, or -1
/// when ICU could not guess at all.
int32_t jx_detect_charset(const char *bytes, int32_t length, char *name, int32_t nameCapacity);

/// Converts `length` bytes in `charset` to UTF-16. For every output unit, `sourceOffsets`
/// receives the byte offset it came from. Invalid or unmappable byte sequences become
/// U+FFFD and their byte offsets are written to `invalidOffsets` (at most
/// `invalidCapacity`; `invalidCount` receives the full count). Returns the number of UTF-16
/// units written, -1 for an unknown charset, -2 when `capacity` is too small, -3 on any
/// other ICU error.
int32_t jx_convert_to_utf16(const char *charset, const char *source, int32_t length,
                            uint16_t *destination, int32_t capacity, int32_t *sourceOffsets,
                            int32_t *invalidOffsets, int32_t invalidCapacity,
                            int32_t *invalidCount);

/// Parses Chinese spelled-out numerals (三百五十, 两百, 二〇二四, 壹佰贰拾叁万肆仟) with ICU's
/// rule-based "zh" spellout in strict mode. Writes the value as an ASCII decimal string into
/// `decimal` and returns its length, or -1 when nothing was parsed. `parsedLength` receives
/// how many UTF-16 units were consumed: callers must check it covers the whole input.
int32_t jx_spellout_parse_zh(const uint16_t *text, int32_t length, char *decimal,
                             int32_t capacity, int32_t *parsedLength);

/// East Asian Width of a code point (ICU's UEastAsianWidth: 0 neutral, 1 ambiguous,
/// 2 halfwidth, 3 fullwidth, 4 narrow, 5 wide).
int32_t jx_east_asian_width(uint32_t codePoint);

/// NFKC of UTF-8 text, and traditional characters turned simplified by ICU's "Hant-Hans"
/// rules, applied from a table built once from an embedded copy of them. Both return the
/// length of the result in bytes, or -1 on error; when it does not fit in `capacity`, the
/// length needed.
int32_t jx_nfkc_utf8(const char *source, int32_t length, char *destination, int32_t capacity);
int32_t jx_to_simplified_utf8(const char *source, int32_t length, char *destination, int32_t capacity);

/// `jx_to_simplified_utf8` through ICU's transliterator itself: the reference the table is
/// tested against.
int32_t jx_to_simplified_by_transliterator_utf8(const char *source, int32_t length, char *destination,
                                                int32_t capacity);

/// 1 when `jx_to_simplified_utf8` reads from its table; 0 when the embedded rules could not
/// be read and it falls back to ICU's transliterator.
int32_t jx_simplifier_uses_table(void);

/// The installed ICU's Hant-Hans rules as UTF-8 with escapes (`\u842C > \u4E07;`): the
/// length in bytes, written when it fits in `capacity`, or -1 on error.
int32_t jx_simplifier_rules_utf8(char *destination, int32_t capacity);

/// The rules the table is built from, in the same form, embedded at build time.
const char *jx_simplifier_embedded_rules(void);

/// ICU's version as "major.minor" into `buffer`.
void jx_icu_version(char *buffer, int32_t capacity);

#ifdef __cplusplus
}
#endif

#endif
