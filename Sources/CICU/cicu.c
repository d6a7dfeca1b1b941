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

int32_t jx_nfkc(const uint16_t *source, int32_t length, uint16_t *destination, int32_t capacity) {
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2 *normalizer = unorm2_getNFKCInstance(&status);
  if (U_FAILURE(status)) return -1;
  int32_t written = unorm2_normalize(normalizer, (const UChar *)source, length,
                                     (UChar *)destination, capacity, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) return written;
  if (U_FAILURE(status)) return -1;
  return written;
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

int32_t jx_to_simplified(const uint16_t *source, int32_t length, uint16_t *destination, int32_t capacity) {
  UErrorCode status = U_ZERO_ERROR;
  pthread_once(&simplifierOnce, makeSimplifierKey);
  UTransliterator *simplifier = (UTransliterator *)pthread_getspecific(simplifierKey);
  if (simplifier == NULL) {
    UChar id[] = {'H', 'a', 'n', 't', '-', 'H', 'a', 'n', 's', 0};
    simplifier = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &status);
    if (U_FAILURE(status)) return -1;
    pthread_setspecific(simplifierKey, simplifier);
  }
  if (length > capacity) return length * 2;
  memcpy(destination, source, (size_t)length * sizeof(uint16_t));
  int32_t textLength = length;
  int32_t limit = length;
  utrans_transUChars(simplifier, (UChar *)destination, &textLength, capacity, 0, &limit, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) return textLength;
  if (U_FAILURE(status)) return -1;
  return textLength;
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

static int32_t simplifiedUTF16(const UChar *source, int32_t length, UChar *destination, int32_t capacity,
                               UErrorCode *status) {
  int32_t needed = jx_to_simplified((const uint16_t *)source, length, (uint16_t *)destination, capacity);
  if (needed < 0) {
    *status = U_INTERNAL_PROGRAM_ERROR;
    return -1;
  }
  if (needed > capacity) *status = U_BUFFER_OVERFLOW_ERROR;
  return needed;
}

int32_t jx_nfkc_utf8(const char *source, int32_t length, char *destination, int32_t capacity) {
  return transformUTF8(nfkcUTF16, source, length, destination, capacity);
}

int32_t jx_to_simplified_utf8(const char *source, int32_t length, char *destination, int32_t capacity) {
  return transformUTF8(simplifiedUTF16, source, length, destination, capacity);
}
