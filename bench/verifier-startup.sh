#!/usr/bin/env bash
# Start-to-exit wall time of the installed verifier, as an admissions office runs it: `dotnet pack`, `dotnet tool
# install` into a folder of its own, then RUNS runs (default 20) each of `verify transcript.pdf` (the signed demo
# transcript) and `verify scan.png` (its page 1 rendered at 150 dpi by pdftoppm), printing median, min and max in ms.
#   bench/verifier-startup.sh [RUNS] [TOOL_DIR…]      needs poppler-utils (pdftoppm)
# With TOOL_DIRs (folders holding an installed transcripts-verify, e.g. of an older commit) those are timed instead
# of packing this tree, their runs interleaved so that a change in the machine's load touches all of them alike.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
shift || true
files=tests/Transcripts.Verifier.Tests/Files
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

tools=("$@")
if ((${#tools[@]} == 0)); then
  dotnet pack src/Transcripts.Verifier -c Release -o "$work/feed" --nologo -v quiet >/dev/null
  NUGET_PACKAGES="$work/packages" dotnet tool install transcripts-verify --tool-path "$work/tools" --add-source "$work/feed" >/dev/null
  tools=("$work/tools")
fi
mkdir "$work/store"
"${tools[0]}/transcripts-verify" trust add "$files/riverside.trust.json" --trust-store "$work/store" >/dev/null
pdftoppm -r 150 -f 1 -l 1 -png -singlefile "$files/transcript.pdf" "$work/scan"

# For each tool: the median, min and max of `runs` timings (ms) of `transcripts-verify ARGS…`, and its exit code (the
# same on every run). The first run of each is not counted (it fills the disk cache).
measure() {
  local label=$1; shift
  local -A times first
  local t exit start end
  for t in "${tools[@]}"; do
    exit=0; "$t/transcripts-verify" "$@" >/dev/null 2>&1 || exit=$?
    first[$t]=$exit
  done
  for _ in $(seq "$runs"); do
    for t in "${tools[@]}"; do
      exit=0
      start=$(date +%s%N)
      "$t/transcripts-verify" "$@" >/dev/null 2>&1 || exit=$?
      end=$(date +%s%N)
      [ "$exit" -eq "${first[$t]}" ] || { echo "$label ($t): exit $exit after ${first[$t]} on the first run" >&2; exit 1; }
      times[$t]+="$(((end - start) / 1000000)) "
    done
  done
  for t in "${tools[@]}"; do
    local sorted
    sorted=$(tr ' ' '\n' <<<"${times[$t]}" | sed '/^$/d' | sort -n)
    printf '%-26s median %4d ms  min %4d  max %4d  (%d runs, exit %d)  %s\n' "$label" \
      "$(sed -n "$(((runs + 1) / 2))p" <<<"$sorted")" "$(head -n 1 <<<"$sorted")" "$(tail -n 1 <<<"$sorted")" "$runs" "${first[$t]}" "$t"
  done
}

measure "verify transcript.pdf" verify "$files/transcript.pdf" --trust-store "$work/store" --no-status
measure "verify scan.png (150 dpi)" verify "$work/scan.png" --trust-store "$work/store" --no-status
measure "--version" --version
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores"
