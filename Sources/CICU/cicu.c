#include "cicu.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/unum.h>
#include <unicode/utrans.h>
#include <unicode/uversion.h>

int32_t jx_nfkc_is_inert(uint32_t codePoint) {
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *normalizer = unorm2_getNFKCInstance(&status);
  if (U_FAILURE(status)) return 0;
  return unorm2_isInert(normalizer, (UChar32)codePoint) ? 1 : 0;
}

void jx_nfkc_inert_bits(uint64_t *words, int32_t count) {
  memset(words, 0, (size_t)count * sizeof(uint64_t));
  UErrorCode status = U_ZERO_ERROR;
  // The instance fetched once, not once per code point as `jx_nfkc_is_inert` does. (ICU's
  // set of the property, `u_getBinaryPropertySet`, walks all of Unicode: dearer still.)
  const UNormalizer2 *normalizer = unorm2_getNFKCInstance(&status);
  if (U_FAILURE(status)) return;
  const UChar32 limit = (UChar32)count * 64;
  for (UChar32 c = 0; c < limit; c++) {
    // The CJK unified ideographs of U+4000–U+9FFF are inert (the readers copy them without
    // asking, and a test holds the table to ICU for every code point).
    if (c == 0x4000 && limit >= 0xA000) {
      for (int32_t word = 0x4000 >> 6; word < (0xA000 >> 6); word++) words[word] = ~(uint64_t)0;
      c = 0x9FFF;
      continue;
    }
    if (unorm2_isInert(normalizer, c)) words[c >> 6] |= (uint64_t)1 << (c & 63);
  }
}

int32_t jx_nfkc_stands_alone(uint32_t codePoint) {
  if (codePoint >= 0xD800 && codePoint <= 0xDFFF) return 0;
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *normalizer = unorm2_getNFKCInstance(&status);
  if (U_FAILURE(status)) return 0;
  if (!unorm2_hasBoundaryBefore(normalizer, (UChar32)codePoint)) return 0;
  UChar buffer[2];
  int32_t length = 0;
  UBool error = 0;
  U16_APPEND(buffer, length, 2, (UChar32)codePoint, error);
  if (error) return 0;
  UBool normalized = unorm2_isNormalized(normalizer, buffer, length, &status);
  return U_SUCCESS(status) && normalized ? 1 : 0;
}

int32_t jx_detect_charset(const char *bytes, int32_t length, char *name, int32_t nameCapacity) {
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector *detector = ucsdet_open(&status);
  if (U_FAILURE(status)) return -1;
  ucsdet_setText(detector, bytes, length, &status);
  const UCharsetMatch *match = ucsdet_detect(detector, &status);
  int32_t confidence = -1;
  if (U_SUCCESS(status) && match != NULL) {
    const char *matchName = ucsdet_getName(match, &status);
    confidence = ucsdet_getConfidence(match, &status);
    if (U_SUCCESS(status) && matchName != NULL && nameCapacity > 0) {
      strncpy(name, matchName, (size_t)nameCapacity - 1);
      name[nameCapacity - 1] = 0;
    } else {
      confidence = -1;
    }
  }
  ucsdet_close(detector);
  return confidence;
}

typedef struct {
  const char *start;
  int32_t *offsets;
  int32_t capacity;
  int32_t count;
} InvalidRecorder;

static void recordInvalid(const void *context, UConverterToUnicodeArgs *args, const char *codeUnits,
                          int32_t length, UConverterCallbackReason reason, UErrorCode *err) {
  InvalidRecorder *recorder = (InvalidRecorder *)context;
  if (reason == UCNV_ILLEGAL || reason == UCNV_IRREGULAR || reason == UCNV_UNASSIGNED) {
    // args->source points past the offending bytes.
    int32_t offset = (int32_t)(args->source - recorder->start) - length;
    if (recorder->count < recorder->capacity) recorder->offsets[recorder->count] = offset;
    recorder->count += 1;
  }
  UCNV_TO_U_CALLBACK_SUBSTITUTE(NULL, args, codeUnits, length, reason, err);
}

int32_t jx_convert_to_utf16(const char *charset, const char *source, int32_t length,
                            uint16_t *destination, int32_t capacity, int32_t *sourceOffsets,
                            int32_t *invalidOffsets, int32_t invalidCapacity,
                            int32_t *invalidCount) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter *converter = ucnv_open(charset, &status);
  if (U_FAILURE(status) || converter == NULL) return -1;
  InvalidRecorder recorder = {source, invalidOffsets, invalidCapacity, 0};
  ucnv_setToUCallBack(converter, recordInvalid, &recorder, NULL, NULL, &status);
  if (U_FAILURE(status)) {
    ucnv_close(converter);
    return -3;
  }
  UChar *target = (UChar *)destination;
  const char *sourcePointer = source;
  ucnv_toUnicode(converter, &target, (UChar *)destination + capacity, &sourcePointer,
                 source + length, sourceOffsets, 1, &status);
  ucnv_close(converter);
  *invalidCount = recorder.count;
  if (status == U_BUFFER_OVERFLOW_ERROR) return -2;
  if (U_FAILURE(status)) return -3;
  return (int32_t)(target - (UChar *)destination);
}

// One formatter and one transliterator per thread (ICU objects are not thread-safe), kept in
// pthread keys whose destructors close them when the thread ends: a _Thread_local pointer
// leaked both for every batch worker thread (LeakSanitizer, `swift test --sanitize=address`).
static pthread_key_t spelloutKey;
static pthread_once_t spelloutOnce = PTHREAD_ONCE_INIT;

static void closeSpellout(void *format) { unum_close((UNumberFormat *)format); }
static void makeSpelloutKey(void) { pthread_key_create(&spelloutKey, closeSpellout); }

int32_t jx_spellout_parse_zh(const uint16_t *text, int32_t length, char *decimal,
                             int32_t capacity, int32_t *parsedLength) {
  UErrorCode status = U_ZERO_ERROR;
  *parsedLength = 0;
  pthread_once(&spelloutOnce, makeSpelloutKey);
  UNumberFormat *spelloutFormat = (UNumberFormat *)pthread_getspecific(spelloutKey);
  if (spelloutFormat == NULL) {
    spelloutFormat = unum_open(UNUM_SPELLOUT, NULL, 0, "zh", NULL, &status);
    if (U_FAILURE(status)) return -1;
    pthread_setspecific(spelloutKey, spelloutFormat);
  }
  int32_t position = 0;
  int32_t written = unum_parseDecimal(spelloutFormat, (const UChar *)text, length, &position,
                                      decimal, capacity, &status);
  if (U_FAILURE(status) || position <= 0) return -1;
  *parsedLength = position;
  return written;
}

static pthread_key_t simplifierKey;
static pthread_once_t simplifierOnce = PTHREAD_ONCE_INIT;

static void closeSimplifier(void *transliterator) { utrans_close((UTransliterator *)transliterator); }
static void makeSimplifierKey(void) { pthread_key_create(&simplifierKey, closeSimplifier); }

static UTransliterator *openSimplifier(UErrorCode *status) {
  UChar id[] = {'H', 'a', 'n', 't', '-', 'H', 'a', 'n', 's', 0};
  return utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, status);
}

/// ICU's transliterator itself: one per thread, as a UTransliterator is not thread-safe.
static int32_t simplifiedByTransliterator(const UChar *source, int32_t length, UChar *destination,
                                          int32_t capacity, UErrorCode *status) {
  pthread_once(&simplifierOnce, makeSimplifierKey);
  UTransliterator *simplifier = (UTransliterator *)pthread_getspecific(simplifierKey);
  if (simplifier == NULL) {
    simplifier = openSimplifier(status);
    if (U_FAILURE(*status)) return -1;
    pthread_setspecific(simplifierKey, simplifier);
  }
  if (length > capacity) {
    *status = U_BUFFER_OVERFLOW_ERROR;
    return length * 2;
  }
  memcpy(destination, source, (size_t)length * sizeof(UChar));
  int32_t textLength = length;
  int32_t limit = length;
  utrans_transUChars(simplifier, destination, &textLength, capacity, 0, &limit, status);
  return textLength;
}

// Hant-Hans applied from a table. ICU's rule-based transliterator costs about 170 million
// instructions to open (some 40 ms, once per process and thread) and tens of thousands per
// cell, and a document in traditional script sends every cell through it. Its rules are plain
// mappings (`萬 > 万;`, and phrases such as `乾燥 > 干燥;` before the characters they contain),
// which ICU tries in order at each position, taking the first that matches; ICU refuses rule
// sets where an earlier rule masks a later one. The table keeps ICU's order within the rules
// that start with the same unit, so it reads text the same way. The rules are ICU's own,
// embedded (HantHansRules.h) so that a document reads the same whatever ICU a machine has;
// SimplifierTests hold them to the installed ICU's rules and the table to its transliterator.
#include "HantHansRules.h"

typedef struct {
  int32_t source;  // offsets into the pool of units
  int32_t sourceLength;
  int32_t target;
  int32_t targetLength;
} SimplifierRule;

static struct {
  int ready;
  UChar *pool;
  SimplifierRule *rules;       // grouped by first unit, ICU's order within a group
  uint16_t *groupOfUnit;       // 65,536 entries: 0 when no rule starts with the unit, else group + 1
  int32_t *groupStart;         // rules of group g: groupStart[g] ..< groupStart[g + 1]
} simplifierTable;
static pthread_once_t simplifierTableOnce = PTHREAD_ONCE_INIT;

static int hexValue(char character) {
  if (character >= '0' && character <= '9') return character - '0';
  if (character >= 'A' && character <= 'F') return character - 'A' + 10;
  if (character >= 'a' && character <= 'f') return character - 'a' + 10;
  return -1;
}

/// Reads `\uXXXX` escapes from `rules[*at]` into `pool`, skipping blanks, until `stop`.
/// Returns the number of units read, or -1 on anything else.
static int32_t readEscapes(const char *rules, int32_t length, int32_t *at, char stop, UChar *pool,
                           int32_t *poolLength) {
  int32_t count = 0;
  while (*at < length) {
    char character = rules[*at];
    if (character == ' ' || character == '\n') {
      *at += 1;
      continue;
    }
    if (character == stop) {
      *at += 1;
      return count;
    }
    if (character != '\\' || *at + 6 > length || rules[*at + 1] != 'u') return -1;
    int32_t value = 0;
    for (int32_t digit = 2; digit < 6; digit++) {
      int hex = hexValue(rules[*at + digit]);
      if (hex < 0) return -1;
      value = value << 4 | hex;
    }
    pool[(*poolLength)++] = (UChar)value;
    count++;
    *at += 6;
  }
  return -1;
}

static void buildSimplifierTable(void) {
  const char *rules = hantHansRules;
  int32_t length = (int32_t)strlen(rules);
  // A unit takes six characters (`\uXXXX`), and the shortest rule, `\uXXXX>;`, eight.
  UChar *pool = malloc((size_t)(length / 6 + 1) * sizeof(UChar));
  SimplifierRule *parsed = malloc((size_t)(length / 8 + 1) * sizeof(SimplifierRule));
  uint16_t *groupOfUnit = calloc(65536, sizeof(uint16_t));
  SimplifierRule *grouped = NULL;
  int32_t *groupStart = NULL;
  int32_t *next = NULL;
  if (pool == NULL || parsed == NULL || groupOfUnit == NULL) goto fail;

  int32_t count = 0, poolLength = 0, at = 0;
  while (at < length) {
    while (at < length && (rules[at] == ' ' || rules[at] == '\n')) at++;
    if (at == length) break;
    SimplifierRule rule;
    rule.source = poolLength;
    rule.sourceLength = readEscapes(rules, length, &at, '>', pool, &poolLength);
    if (rule.sourceLength <= 0) goto fail;
    rule.target = poolLength;
    rule.targetLength = readEscapes(rules, length, &at, ';', pool, &poolLength);
    if (rule.targetLength < 0) goto fail;
    parsed[count++] = rule;
  }
  if (count == 0) goto fail;

  // Groups numbered by first unit; a stable counting sort keeps ICU's order inside each.
  int32_t groups = 0;
  for (int32_t index = 0; index < count; index++) {
    UChar first = pool[parsed[index].source];
    if (groupOfUnit[first] == 0) groupOfUnit[first] = (uint16_t)++groups;
  }
  groupStart = calloc((size_t)groups + 1, sizeof(int32_t));
  grouped = malloc((size_t)count * sizeof(SimplifierRule));
  next = malloc((size_t)groups * sizeof(int32_t));
  if (groupStart == NULL || grouped == NULL || next == NULL) goto fail;
  for (int32_t index = 0; index < count; index++) groupStart[groupOfUnit[pool[parsed[index].source]]]++;
  for (int32_t group = 1; group <= groups; group++) groupStart[group] += groupStart[group - 1];
  // groupStart[g] now ends group g - 1, that is, it is where group g starts.
  for (int32_t group = 0; group < groups; group++) next[group] = groupStart[group];
  for (int32_t index = 0; index < count; index++) {
    int32_t group = groupOfUnit[pool[parsed[index].source]] - 1;
    grouped[next[group]++] = parsed[index];
  }
  free(next);
  free(parsed);
  simplifierTable.pool = pool;
  simplifierTable.rules = grouped;
  simplifierTable.groupOfUnit = groupOfUnit;
  simplifierTable.groupStart = groupStart;
  simplifierTable.ready = 1;
  return;
fail:
  free(pool);
  free(parsed);
  free(grouped);
  free(groupOfUnit);
  free(groupStart);
  free(next);
}

static int32_t simplifiedByTable(const UChar *source, int32_t length, UChar *destination, int32_t capacity,
                                 UErrorCode *status) {
  const UChar *pool = simplifierTable.pool;
  int32_t written = 0;
  int32_t index = 0;
  while (index < length) {
    UChar unit = source[index];
    uint16_t group = simplifierTable.groupOfUnit[unit];
    const UChar *replacement = &source[index];
    int32_t replacementLength = 1;
    int32_t consumed = 1;
    if (group != 0) {
      for (int32_t rule = simplifierTable.groupStart[group - 1]; rule < simplifierTable.groupStart[group]; rule++) {
        const SimplifierRule *candidate = &simplifierTable.rules[rule];
        if (candidate->sourceLength > length - index) continue;
        if (memcmp(&pool[candidate->source], &source[index], (size_t)candidate->sourceLength * sizeof(UChar)) != 0) {
          continue;
        }
        replacement = &pool[candidate->target];
        replacementLength = candidate->targetLength;
        consumed = candidate->sourceLength;
        break;
      }
    }
    if (written + replacementLength <= capacity) {
      memcpy(&destination[written], replacement, (size_t)replacementLength * sizeof(UChar));
    }
    written += replacementLength;
    index += consumed;
  }
  if (written > capacity) *status = U_BUFFER_OVERFLOW_ERROR;
  return written;
}

static int32_t simplifiedUTF16(const UChar *source, int32_t length, UChar *destination, int32_t capacity,
                               UErrorCode *status) {
  pthread_once(&simplifierTableOnce, buildSimplifierTable);
  if (simplifierTable.ready) return simplifiedByTable(source, length, destination, capacity, status);
  return simplifiedByTransliterator(source, length, destination, capacity, status);
}

int32_t jx_simplifier_rules_utf8(char *destination, int32_t capacity) {
  UErrorCode status = U_ZERO_ERROR;
  UTransliterator *transliterator = openSimplifier(&status);
  if (U_FAILURE(status)) return -1;
  int32_t length = utrans_toRules(transliterator, 1, NULL, 0, &status);
  int32_t written = -1;
  UChar *rules = malloc((size_t)(length + 1) * sizeof(UChar));
  if (rules != NULL) {
    status = U_ZERO_ERROR;
    utrans_toRules(transliterator, 1, rules, length + 1, &status);
    if (U_SUCCESS(status)) {
      u_strToUTF8(destination, capacity, &written, rules, length, &status);
      if (U_FAILURE(status) && status != U_BUFFER_OVERFLOW_ERROR) written = -1;
    }
  }
  free(rules);
  utrans_close(transliterator);
  return written;
}

const char *jx_simplifier_embedded_rules(void) { return hantHansRules; }

int32_t jx_simplifier_uses_table(void) {
  pthread_once(&simplifierTableOnce, buildSimplifierTable);
  return simplifierTable.ready;
}

int32_t jx_east_asian_width(uint32_t codePoint) {
  return u_getIntPropertyValue((UChar32)codePoint, UCHAR_EAST_ASIAN_WIDTH);
}

void jx_icu_version(char *buffer, int32_t capacity) {
  UVersionInfo version;
  u_getVersion(version);
  char text[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(version, text);
  if (capacity > 0) {
    strncpy(buffer, text, (size_t)capacity - 1);
    buffer[capacity - 1] = 0;
  }
}

// The UTF-8 faces below exist because Swift makes a String from UTF-8 with one validation
// pass but from UTF-16 only through a generic per-scalar transcoder, which cost more than the
// normalisation itself. UTF-16 lives only here, in buffers on the stack for cell-sized text.

typedef int32_t (*UTF16Transform)(const UChar *source, int32_t length, UChar *destination, int32_t capacity,
                                  UErrorCode *status);

enum { stackUnits = 512 };

static int32_t transformUTF8(UTF16Transform transform, const char *source, int32_t length, char *destination,
                             int32_t capacity) {
  UErrorCode status = U_ZERO_ERROR;
  UChar inStack[stackUnits], outStack[2 * stackUnits];
  UChar *in = inStack, *out = outStack;
  int32_t outCapacity = 2 * stackUnits;
  int32_t result = -1;
  // A UTF-16 text has at most as many units as its UTF-8 form has bytes.
  if (length > stackUnits && (in = malloc((size_t)length * sizeof(UChar))) == NULL) return -1;
  int32_t inLength = 0;
  u_strFromUTF8(in, length > stackUnits ? length : stackUnits, &inLength, source, length, &status);
  if (U_FAILURE(status)) goto done;
  if (inLength * 2 + 16 > outCapacity) {
    outCapacity = inLength * 2 + 16;
    if ((out = malloc((size_t)outCapacity * sizeof(UChar))) == NULL) goto done;
  }
  int32_t outLength = transform(in, inLength, out, outCapacity, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    if (out != outStack) free(out);
    outCapacity = outLength + 16;
    if ((out = malloc((size_t)outCapacity * sizeof(UChar))) == NULL) goto done;
    status = U_ZERO_ERROR;
    outLength = transform(in, inLength, out, outCapacity, &status);
  }
  if (U_FAILURE(status)) goto done;
  int32_t written = 0;
  u_strToUTF8(destination, capacity, &written, out, outLength, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR || U_SUCCESS(status)) result = written;
done:
  if (in != inStack) free(in);
  if (out != outStack) free(out);
  return result;
}

static int32_t nfkcUTF16(const UChar *source, int32_t length, UChar *destination, int32_t capacity,
                         UErrorCode *status) {
  const UNormalizer2 *normalizer = unorm2_getNFKCInstance(status);
  if (U_FAILURE(*status)) return -1;
  return unorm2_normalize(normalizer, source, length, destination, capacity, status);
}

int32_t jx_nfkc_utf8(const char *source, int32_t length, char *destination, int32_t capacity) {
  return transformUTF8(nfkcUTF16, source, length, destination, capacity);
}

int32_t jx_to_simplified_utf8(const char *source, int32_t length, char *destination, int32_t capacity) {
  return transformUTF8(simplifiedUTF16, source, length, destination, capacity);
}

int32_t jx_to_simplified_by_transliterator_utf8(const char *source, int32_t length, char *destination,
                                                int32_t capacity) {
  return transformUTF8(simplifiedByTransliterator, source, length, destination, capacity);
}
