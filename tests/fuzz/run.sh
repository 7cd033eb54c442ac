#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs the libFuzzer targets of the fuzz preset (see tests/fuzz/README.md),
# one after the other, each with its seed corpus, the dictionary and its own
# growing corpus under build/fuzz/corpus/<target>. Exits non-zero as soon as
# a target finds a crash, a leak, a timeout or an abort; the input that did
# it is saved under build/fuzz/artifacts/<target>/.
#
# usage: tests/fuzz/run.sh [TARGET...] [-- LIBFUZZER_FLAGS...]
#   TARGET: dump validate diff graph roundtrip (default: all five)
#   LIBFUZZER_FLAGS: e.g. -max_total_time=60, -runs=2000000, -workers=2 -jobs=2
#   (default: -max_total_time=60)
set -euo pipefail
cd "$(dirname "$0")/../.."

build=build/fuzz
targets=()
while (($#)) && [ "$1" != "--" ]; do targets+=("$1"); shift; done
if (($#)); then shift; fi
flags=("$@")
((${#flags[@]})) || flags=(-max_total_time=60)
((${#targets[@]})) || targets=(dump validate diff graph roundtrip)

seeds=$build/tests/fuzz/seeds
for t in "${targets[@]}"; do
  case "$t" in
    dump | roundtrip) corpus=("$seeds/single") ;;
    validate | graph) corpus=("$seeds/single" "$seeds/multi") ;;
    diff) corpus=("$seeds/pairs") ;;
    *) echo "run.sh: unknown target $t" >&2; exit 2 ;;
  esac
  mkdir -p "$build/corpus/$t" "$build/artifacts/$t"
  echo "== fuzz_$t ${flags[*]}"
  "$build/tests/fuzz/fuzz_$t" -max_len=1048576 -timeout=25 \
    -dict=tests/fuzz/vss.dict -print_final_stats=1 \
    -artifact_prefix="$build/artifacts/$t/" "${flags[@]}" \
    "$build/corpus/$t" "${corpus[@]}"
done
