#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The commands as users run them, against the least a program reading the
# same document must do (issue #11 item 3, issue #15 item 6). It builds
# nothing; it generates
#   system.xml   52 MB System Writer-style WMD, ~450,000 FILE_LIST
#                (vssmeta-generate --bytes 50M --style system --seed 1)
#   system2.xml  the same with 1 % of its FILE_LIST entries mutated
#                (--mutate 0.01 --mutation-seed 2: ~5,000 changes)
#   flat.xml     a flat writer with 500,000 components, one file each
#                (--style components --components 500000
#                 --files-per-component 1 --seed 1): 344 bytes per
#                component, SQL Writer-style names and attributes
#   terse.xml    500,000 components in 112 bytes each (56 MB; issue #15
#                measured 500,000 in 51 MB), written by python3: one FILE_GROUP per
#                line, `<FILE_GROUP componentName="c000000" selectable="yes">
#                <FILE_LIST path="D:\d0" filespec="c000000"/></FILE_GROUP>`
#                (path D:\d0 to D:\d96), and a restore method, so that
#                validate finds nothing
# and then, in one run, several interleaved repetitions of
#   baseline  vssmeta_pugixml_walk F (read + pugixml parse + visit every
#             attribute), once per document;
#   vssmeta dump F, vssmeta validate F, vssmeta diff F F2,
#   vssmeta dump --format json --files F, output to /dev/null; and, with
#   no target, vssmeta validate --for author -q F (every rule run on the
#   System Writer document, which the default audience skips).
# Each process is timed by wait4() (python3): CPU = user + sys of the child
# (the fastest repetition counts: on a shared machine the slower ones
# measure the neighbours), peak RSS = its maximum resident set. The table
# gives CPU (and its user and system parts), CPU / baseline CPU and peak
# RSS / input size (both inputs for diff) against the targets; the header
# names the machine's CPU, since the ratios depend on it. It exits 0
# whether or not a target is met, 1 when a tool is missing or a command
# fails.
#
# usage: bench/ratios.sh [--reps N] [--data DIR] [--before VSSMETA] BUILD_DIR
#   --reps N         repetitions of each measurement (default 5)
#   --data DIR       where the documents go (default BUILD_DIR/bench-data)
#   --before VSSMETA also time this vssmeta binary (e.g. a build of an older
#                    commit) in the same interleaved run, as "before" columns
# BUILD_DIR needs tools/vssmeta, bench/vssmeta-generate and
# bench/vssmeta_pugixml_walk:
#   cmake --preset release
#   cmake --build --preset release --target vssmeta_cli vssmeta-generate \
#     vssmeta_pugixml_walk
set -euo pipefail

reps=5
data=
before=
while [[ $# -gt 1 ]]; do
  case $1 in
    --reps) reps=$2; shift 2 ;;
    --data) data=$2; shift 2 ;;
    --before) before=$2; shift 2 ;;
    *) break ;;
  esac
done
if [[ $# -ne 1 ]]; then
  echo "usage: bench/ratios.sh [--reps N] [--data DIR] [--before VSSMETA] BUILD_DIR" >&2
  exit 1
fi
build=$1
data=${data:-$build/bench-data}
cli=$build/tools/vssmeta
gen=$build/bench/vssmeta-generate
walk=$build/bench/vssmeta_pugixml_walk
for tool in "$cli" "$gen" "$walk" ${before:+"$before"}; do
  if [[ ! -x $tool ]]; then
    echo "ratios.sh: error: $tool not found; build it first (see $0)" >&2
    exit 1
  fi
done
if ! command -v python3 >/dev/null; then
  echo "ratios.sh: error: python3 not found (it times the commands)" >&2
  exit 1
fi
if grep -qs '^CMAKE_BUILD_TYPE:STRING=Debug$' "$build/CMakeCache.txt"; then
  echo "ratios.sh: warning: $build is a Debug build; figures will not be meaningful" >&2
fi

mkdir -p "$data"
size() { stat -c %s "$1"; }
sys=$data/system.xml
sys2=$data/system2.xml
flat=$data/flat.xml
terse=$data/terse.xml
echo "== generating documents in $data"
"$gen" --bytes 50M --style system --seed 1 -o "$sys"
"$gen" --bytes 50M --style system --seed 1 --mutate 0.01 --mutation-seed 2 \
  -o "$sys2"
"$gen" --style components --components 500000 --files-per-component 1 \
  --seed 1 -o "$flat"
python3 - "$terse" <<'PYTHON'
import sys
with open(sys.argv[1], "w", newline="\n") as f:
    f.write('<?xml version="1.0"?>\n<WRITER_METADATA '
            'xmlns="x-schema:#VssWriterMetadataInfo" version="1.1">'
            '<IDENTIFICATION writerId="3f2b9c1e-7d4a-4e59-9a61-0c8e5b2d7f13" '
            'friendlyName="Terse" usage="USER_DATA" dataSource="OTHER"/>'
            '<RESTORE_METHOD method="RESTORE_IF_NOT_THERE" writerRestore="never" '
            'rebootRequired="no"/><BACKUP_LOCATIONS>')
    for i in range(500000):
        f.write(f'<FILE_GROUP componentName="c{i:06d}" selectable="yes">'
                f'<FILE_LIST path="D:\\d{i % 97}" filespec="c{i:06d}"/>'
                '</FILE_GROUP>\n')
    f.write("</BACKUP_LOCATIONS></WRITER_METADATA>\n")
PYTHON
echo "python3: $(size "$terse") bytes, 500000 components -> $terse"

# name | input bytes | command. The baselines first; `@` is the vssmeta
# binary (the build's, and the --before one under the name "NAME.before").
cases=(
  "base.system|$(size "$sys")|$walk $sys"
  "base.flat|$(size "$flat")|$walk $flat"
  "base.terse|$(size "$terse")|$walk $terse"
  "dump|$(size "$sys")|@ dump $sys"
  "validate|$(size "$sys")|@ validate $sys"
  "validate.author|$(size "$sys")|@ validate --for author -q $sys"
  "diff|$(($(size "$sys") + $(size "$sys2")))|@ diff $sys $sys2"
  "json-files|$(size "$sys")|@ dump --format json --files $sys"
  "flat.dump|$(size "$flat")|@ dump $flat"
  "flat.validate|$(size "$flat")|@ validate $flat"
  "terse.dump|$(size "$terse")|@ dump $terse"
  "terse.validate|$(size "$terse")|@ validate $terse"
)

# Runs a command with its output to /dev/null and prints the user and system
# CPU seconds and the peak RSS (KiB) of the process, from wait4(): to the
# microsecond (GNU time prints hundredths, 4 % of the baseline's 0.25 s).
timer='import os, sys
pid = os.fork()
if pid == 0:
    null = os.open(os.devnull, os.O_WRONLY)
    os.dup2(null, 1)
    os.dup2(null, 2)
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
print(f"{usage.ru_utime:.6f} {usage.ru_stime:.6f} {usage.ru_maxrss}")
sys.exit(os.waitstatus_to_exitcode(status) & 255)'
declare -A cpu split rss bytes
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
measure() {  # measure NAME COMMAND...: keeps the fastest CPU, largest RSS
  local name=$1 status=0
  shift
  python3 -c "$timer" "$@" >"$tmp" || status=$?
  # 4 and 8 are findings and differences, not failures.
  if ((status & 3)); then
    echo "ratios.sh: error: '$*' exited with $status" >&2
    exit 1
  fi
  local user sys_ kb
  read -r user sys_ kb < <(tail -n 1 "$tmp")
  local t
  t=$(awk -v u="$user" -v s="$sys_" 'BEGIN { printf "%.4f", u + s }')
  if [[ -z ${cpu[$name]:-} ]] || awk -v a="$t" -v b="${cpu[$name]}" \
      'BEGIN { exit !(a < b) }'; then
    cpu[$name]=$t
    split[$name]=$(awk -v u="$user" -v s="$sys_" \
      'BEGIN { printf "%.3f+%.3f", u, s }')
  fi
  local b=$((kb * 1024))
  if ((b > ${rss[$name]:-0})); then rss[$name]=$b; fi
}

# The machine, since the ratios depend on it: where page faults cost much
# against instructions, the baseline (the larger peak) loses more time.
model=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
echo "== machine: ${model:-unknown CPU}, $(nproc) cores, Linux $(uname -r)"
echo "== $reps interleaved repetitions (load average $(cut -d' ' -f1-3 /proc/loadavg))"
for ((r = 1; r <= reps; ++r)); do
  for entry in "${cases[@]}"; do
    IFS='|' read -r name size_ command <<<"$entry"
    bytes[$name]=$size_
    read -ra argv <<<"$command"
    if [[ ${argv[0]} == @ ]]; then
      measure "$name" "$cli" "${argv[@]:1}"
      if [[ -n $before ]]; then
        measure "$name.before" "$before" "${argv[@]:1}"
      fi
    else
      measure "$name" "${argv[@]}"
    fi
  done
  echo "   repetition $r done"
done

# name | baseline | CPU target | memory target
targets=(
  "dump|base.system|1.3|4"
  "validate|base.system|1.3|4"
  "validate.author|base.system|-|4"
  "diff|base.system|3|4"
  "json-files|base.system|3|4"
  "flat.dump|base.flat|2|5"
  "flat.validate|base.flat|3|5"
  "terse.dump|base.terse|2|5"
  "terse.validate|base.terse|3|5"
)
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
ok() { awk -v a="$1" -v b="$2" 'BEGIN { print (b == "-" ? "" : a <= b ? "ok" : "OVER") }'; }
mib() { awk -v a="$1" 'BEGIN { printf "%.0f", a / 1048576 }'; }

echo
echo "== baselines (vssmeta_pugixml_walk)"
printf '%-14s %10s %9s %13s %9s %8s\n' document "input MiB" "CPU s" \
  "user+sys s" "RSS MiB" "RSS/in"
for name in base.system base.flat base.terse; do
  printf '%-14s %10s %9s %13s %9s %8s\n' "$name" "$(mib "${bytes[$name]}")" \
    "${cpu[$name]}" "${split[$name]}" "$(mib "${rss[$name]}")" \
    "$(ratio "${rss[$name]}" "${bytes[$name]}")"
done
echo
echo "== commands (CPU = fastest user+sys of $reps; RSS = largest peak)"
printf '%-15s %7s %13s %8s %6s %4s %8s %7s %6s %4s' command "CPU s" \
  "user+sys s" "x base" target "" "RSS MiB" "x input" target ""
[[ -n $before ]] && printf ' | %12s %8s %8s %7s' "before CPU s" "x base" \
  "RSS MiB" "x input"
echo
for entry in "${targets[@]}"; do
  IFS='|' read -r name base cpu_target mem_target <<<"$entry"
  x=$(ratio "${cpu[$name]}" "${cpu[$base]}")
  m=$(ratio "${rss[$name]}" "${bytes[$name]}")
  printf '%-15s %7s %13s %8s %6s %4s %8s %7s %6s %4s' "$name" \
    "${cpu[$name]}" "${split[$name]}" "$x" \
    "$([[ $cpu_target == - ]] && echo - || echo "<=$cpu_target")" \
    "$(ok "$x" "$cpu_target")" "$(mib "${rss[$name]}")" \
    "$m" "<=$mem_target" "$(ok "$m" "$mem_target")"
  if [[ -n $before ]]; then
    printf ' | %12s %8s %8s %7s' "${cpu[$name.before]}" \
      "$(ratio "${cpu[$name.before]}" "${cpu[$base]}")" \
      "$(mib "${rss[$name.before]}")" \
      "$(ratio "${rss[$name.before]}" "${bytes[$name]}")"
  fi
  echo
done
echo
echo "diff's input is both documents; every other input is one document."
echo "validate.author runs every rule on the System Writer document (which the"
echo "default audience, operator, skips for Microsoft's writers); no target."
