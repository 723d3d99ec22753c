#!/usr/bin/env bash
# The two commands of the README, and what they need from the machine.
#   ./transcripts.sh serve   start the service on SQLite in ./data with a demo institution
#   ./transcripts.sh test    run the whole test suite
set -euo pipefail
cd "$(dirname "$0")"

runtime_packages=(fonts-dejavu-core)
test_packages=(poppler-utils zbar-tools qpdf chromium)

ensure_packages() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  ((${#missing[@]})) || return 0
  echo "Installing Debian packages: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  if [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null; then
    echo "Please install these Debian packages first: ${missing[*]}" >&2
    exit 1
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
}

command -v dotnet >/dev/null || { echo "The .NET 10 SDK is required: https://dot.net" >&2; exit 1; }

case "${1:-}" in
  serve)
    shift
    ensure_packages "${runtime_packages[@]}"
    exec dotnet run --project src/Transcripts.Api -c Release -- --demo "$@"
    ;;
  test)
    shift
    ensure_packages "${runtime_packages[@]}" "${test_packages[@]}"
    results=$(mktemp -d)
    status=0
    dotnet test Transcripts.sln -c Release --logger "trx" --results-directory "$results" "$@" || status=$?
    passed=0 failed=0 skipped=0
    for trx in "$results"/*.trx; do
      [ -f "$trx" ] || continue
      counters=$(grep -o '<Counters [^>]*>' "$trx")
      total=$(sed -E 's/.* total="([0-9]+)".*/\1/' <<<"$counters")
      executed=$(sed -E 's/.* executed="([0-9]+)".*/\1/' <<<"$counters")
      passed=$((passed + $(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters")))
      failed=$((failed + $(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters")))
      skipped=$((skipped + total - executed))
    done
    rm -rf "$results"
    echo "$passed passed, $failed failed, $skipped skipped"
    exit "$status"
    ;;
  *)
    echo "usage: ./transcripts.sh serve | test" >&2
    exit 2
    ;;
esac
