#!/usr/bin/env bash
# Builds and runs the libFuzzer target over Jixiao.parse (Fuzz/FuzzParse.swift) with
# AddressSanitizer.
#
#   Fuzz/fuzz.sh build            build .build-fuzz/jixiao-fuzz
#   Fuzz/fuzz.sh ci               build, then fuzz for 60 s (exit 1 on a finding)
#   Fuzz/fuzz.sh run [SECONDS]    build, then fuzz for SECONDS (default 1200) with the
#                                 corpus kept in .build-fuzz/corpus between runs
#   Fuzz/fuzz.sh repro FILE...    run the fuzzer binary once on each FILE
#
# The seed corpus is Corpus/**/*.txt and the regression inputs under
# Tests/JixiaoTests/Robustness/Inputs. A crashing input is written to
# .build-fuzz/artifacts/; turn each into a regression test input (see
# Tests/JixiaoTests/Robustness/Inputs/README.md).
#
# Environment: FUZZ_JOBS (parallel workers, default 1), FUZZ_MAX_LEN (default 8192),
# FUZZ_FLAGS (extra libFuzzer flags).
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="$root/.build-fuzz"
binary="$out/jixiao-fuzz"

build() {
  mkdir -p "$out/include"
  # SwiftPM writes these module maps for the C targets; here we write them ourselves.
  cat > "$out/include/module.modulemap" <<MAP
module CICU {
  header "$root/Sources/CICU/include/cicu.h"
  export *
}
module CSHA256 {
  header "$root/Sources/CSHA256/include/csha256.h"
  export *
}
MAP
  clang -O1 -g -fsanitize=fuzzer-no-link,address -I "$root/Sources/CICU/include" \
    -c "$root/Sources/CICU/cicu.c" -o "$out/cicu.o"
  clang -O1 -g -fsanitize=fuzzer-no-link,address -I "$root/Sources/CSHA256/include" \
    -c "$root/Sources/CSHA256/sha256.c" -o "$out/csha256.o"
  # One module of the library's sources and the entry point: internal API is reachable and
  # the whole pipeline is instrumented.
  mapfile -t sources < <(find "$root/Sources/Jixiao" -name '*.swift' | sort)
  swiftc -O -g -sanitize=fuzzer,address -parse-as-library -module-name JixiaoFuzz \
    -I "$out/include" "${sources[@]}" "$root/Fuzz/FuzzParse.swift" "$out/cicu.o" "$out/csha256.o" \
    -use-ld=lld -licui18n -licuuc -licudata -o "$binary"
}

seed_dirs() {
  local dirs=("$root/Corpus/seeds" "$root/Corpus/public")
  if [ -d "$root/Tests/JixiaoTests/Robustness/Inputs" ]; then
    dirs+=("$root/Tests/JixiaoTests/Robustness/Inputs")
  fi
  printf '%s\n' "${dirs[@]}"
}

fuzz() {
  local seconds="$1" corpus="$2"
  mkdir -p "$corpus" "$out/artifacts"
  mapfile -t seeds < <(seed_dirs)
  local parallel=()
  # With -jobs libFuzzer runs workers that log to fuzz-N.log in the current directory.
  if [ "${FUZZ_JOBS:-1}" -gt 1 ]; then
    parallel=(-jobs="$FUZZ_JOBS" -workers="$FUZZ_JOBS")
    cd "$out"
  fi
  # New inputs go into the first directory; the seed folders are only read.
  # -max_len: 8 KB keeps it at ~150 runs/s (seeds are cut to it); -timeout: a document that takes 10 s is a bug.
  # shellcheck disable=SC2086
  "$binary" "$corpus" "${seeds[@]}" \
    -dict="$root/Fuzz/jixiao.dict" -max_len="${FUZZ_MAX_LEN:-8192}" -timeout=10 -rss_limit_mb=4096 \
    -max_total_time="$seconds" -print_final_stats=1 \
    -artifact_prefix="$out/artifacts/" ${parallel[@]+"${parallel[@]}"} ${FUZZ_FLAGS:-}
}

command="${1:-ci}"
case "$command" in
  build) build ;;
  ci)
    build
    # A fresh corpus each time, so a CI run is reproducible from the committed seeds.
    rm -rf "$out/ci-corpus"
    fuzz 60 "$out/ci-corpus"
    ;;
  run)
    build
    fuzz "${2:-1200}" "$out/corpus"
    ;;
  repro)
    shift
    "$binary" -runs=1 "$@"
    ;;
  *)
    echo "usage: $0 build | ci | run [SECONDS] | repro FILE..." >&2
    exit 64
    ;;
esac
