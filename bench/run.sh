#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs the load benchmarks against an existing build (it builds nothing) and
# prints the two figures the project tracks for a 50 MB System Writer-style
# document with ~450,000 FILE_LIST entries:
#   - time(parse_writer_metadata) / time(bare pugixml parse)   target <= 1.5
#   - peak RSS of the loading process / file size               target <= 3.5
# and, when vssmeta_diff_bench is built, for two such documents with ~4,500
# FILE_LIST edits between them (issue #3):
#   - time(diff of the two models) / time(loading both)          target <= 2
#
# usage: bench/run.sh [BUILD_DIR] [extra Google Benchmark flags...]
#   BUILD_DIR defaults to build/release. Configure it with, for example:
#     cmake -S . -B build/release -G Ninja -DCMAKE_BUILD_TYPE=Release \
#       -DVSSMETA_BUILD_TESTS=OFF
#     cmake --build build/release --target vssmeta_load_bench \
#       vssmeta_load_memory vssmeta-generate vssmeta_diff_bench
#
# Exit status: 0 when everything ran (whether or not a target is met),
# 1 when a tool is missing or fails.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build/release}
[[ $# -gt 0 ]] && shift
bin=$build/bench
data=$build/bench-data
doc=$data/system-50mb.xml

for tool in vssmeta-generate vssmeta_load_memory vssmeta_load_bench; do
  if [[ ! -x $bin/$tool ]]; then
    echo "run.sh: error: $bin/$tool not found; build it first (see the header of $0)" >&2
    exit 1
  fi
done
if grep -qs '^CMAKE_BUILD_TYPE:STRING=Debug$' "$build/CMakeCache.txt"; then
  echo "run.sh: warning: $build is a Debug build; figures will not be meaningful" >&2
fi

mkdir -p "$data"
echo "== generating $doc"
"$bin/vssmeta-generate" --bytes 50M --style system --seed 1 -o "$doc"

field() {  # field NAME LINE: the value of NAME=... in a key=value line
  tr ' ' '\n' <<<"$2" | sed -n "s/^$1=//p"
}

echo "== peak memory (one process per mode)"
declare -A mem
for mode in read pugixml vssmeta; do
  line=$("$bin/vssmeta_load_memory" "$mode" "$doc")
  echo "$mode: $line"
  mem[$mode]=$line
done

echo "== load benchmark"
bench_out=$data/load_bench.txt
# Repetitions interleaved at random, and the fastest of each side compared:
# on a shared VM the slower runs measure the neighbours.
if [[ $# -eq 0 ]]; then
  set -- --benchmark_repetitions=6 --benchmark_enable_random_interleaving=true
fi
"$bin/vssmeta_load_bench" "$@" | tee "$bench_out"

diff_out=$data/diff_bench.txt
if [[ -x $bin/vssmeta_diff_bench ]]; then
  echo "== diff benchmark"
  # The same interleaved repetitions; the fastest of each side is compared.
  "$bin/vssmeta_diff_bench" "$@" | tee "$diff_out"
else
  echo "== diff benchmark skipped: $bin/vssmeta_diff_bench not built" >&2
  : >"$diff_out"
fi

file_bytes=$(field file_bytes "${mem[vssmeta]}")
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }
verdict() { awk -v v="$1" -v t="$2" 'BEGIN { print (v <= t) ? "ok" : "MISSED" }'; }

time_ratio=$(sed -n 's/^ratio parse\/pugixml (system_50mb\/free:0): \([0-9.]*\).*/\1/p' "$bench_out")
free_ratio=$(sed -n 's/^ratio parse\/pugixml (system_50mb\/free:1): \([0-9.]*\).*/\1/p' "$bench_out")
mem_ratio=$(field ratio "${mem[vssmeta]}")
pugi_ratio=$(field ratio "${mem[pugixml]}")
read_ratio=$(field ratio "${mem[read]}")

echo
echo "== summary: $(basename "$doc"), $(mib "$file_bytes"), $(field files "${mem[vssmeta]}") FILE_LIST"
printf '%-44s %10s %8s %s\n' "measure" "value" "target" "verdict"
if [[ -n $time_ratio ]]; then
  printf '%-44s %10s %8s %s\n' "time parse / time pugixml" "$time_ratio" "<= 1.5" \
    "$(verdict "$time_ratio" 1.5)"
else
  printf '%-44s %10s %8s %s\n' "time parse / time pugixml" "n/a" "<= 1.5" \
    "(system_50mb benchmarks filtered out?)"
fi
printf '%-44s %10s %8s\n' "  (time parse+free / time pugixml parse+free)" "${free_ratio:-n/a}" ""
printf '%-44s %10s %8s %s\n' "peak RSS vssmeta / file size" "$mem_ratio" "<= 3.5" \
  "$(verdict "$mem_ratio" 3.5)"
printf '%-44s %10s %8s\n' "  (peak RSS pugixml / file size)" "$pugi_ratio" ""
printf '%-44s %10s %8s\n' "  (peak RSS reading only / file size)" "$read_ratio" ""
printf '%-44s %10s\n' "  peak RSS vssmeta" "$(mib "$(field peak_rss_bytes "${mem[vssmeta]}")")"
printf '%-44s %10s\n' "  peak RSS pugixml" "$(mib "$(field peak_rss_bytes "${mem[pugixml]}")")"
diff_ratio=$(sed -n 's/.*ratio diff\/load (doc:0): \([0-9.]*\).*/\1/p' "$diff_out")
if [[ -n $diff_ratio ]]; then
  printf '%-44s %10s %8s %s\n' "time diff / time load both (50 MB pair)" "$diff_ratio" "<= 2" \
    "$(verdict "$diff_ratio" 2)"
fi

# Graph rendering (issue #4), when vssmeta_graph_bench and the CLI are built:
# a 5,000-component writer with a BCD to SVG, target < 10 s, through the
# library (benchmark, with its ratios) and through the CLI end to end.
if [[ -x $bin/vssmeta_graph_bench && -x $build/tools/vssmeta ]]; then
  echo
  echo "== graph benchmark (5,000 components)"
  "$bin/vssmeta_graph_bench" | tee "$data/graph_bench.txt"
  gdir=$data/graph-5000
  mkdir -p "$gdir"
  "$bin/vssmeta-generate" --style components --components 5000 --seed 1 \
    --quiet -o "$gdir/wm.xml" --bcd "$gdir/bcd.xml"
  echo "== vssmeta graph $gdir -o graph-5000.svg (CLI end to end)"
  for extra in "" "--all"; do
    start=$(date +%s%N)
    "$build/tools/vssmeta" graph "$gdir" $extra -o "$data/graph-5000.svg"
    end=$(date +%s%N)
    printf '%-44s %8s ms %8s\n' "vssmeta graph ${extra:-(default collapse)}" \
      "$(( (end - start) / 1000000 ))" "< 10000"
  done
fi
