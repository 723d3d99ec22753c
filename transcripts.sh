#!/usr/bin/env bash
# The two commands of the README, and what they need from the machine.
#   ./transcripts.sh serve   start the service on SQLite in ./data with a demo institution
#   ./transcripts.sh test    run the whole test suite
set -euo pipefail
cd "$(dirname "$0")"

runtime_packages=(fonts-dejavu-core)
test_packages=(poppler-utils zbar-tools qpdf chromium libfontconfig1)

# Whether missing Debian packages can be installed here: as root, or with sudo.
can_install() { [ "$(id -u)" -eq 0 ] || command -v sudo >/dev/null; }

ensure_packages() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  ((${#missing[@]})) || return 0
  echo "Installing Debian packages: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -eq 0 ] || sudo=(sudo)
  if ! can_install; then
    echo "Please install these Debian packages first: ${missing[*]}" >&2
    exit 1
  fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
}

# A throw-away PostgreSQL for the PostgreSQL run of the API tests: a new cluster in a temporary folder, listening on
# 127.0.0.1 only, on a free port, with a random password, stopped and deleted when the tests end. Used by `test` on a
# developer's machine and by .ci/run alike. Nothing happens when TRANSCRIPTS_TEST_POSTGRES is already set (your own
# server); when PostgreSQL is neither installed nor installable, the PostgreSQL run is skipped and the summary says so.
postgres_note=""
start_throwaway_postgres() {
  if [ -n "${TRANSCRIPTS_TEST_POSTGRES:-}" ]; then
    postgres_note="PostgreSQL run: on the server TRANSCRIPTS_TEST_POSTGRES names."
    return 0
  fi
  if ! dpkg -s postgresql >/dev/null 2>&1 && ! can_install; then
    postgres_note="PostgreSQL run: SKIPPED (PostgreSQL is not installed, and installing it needs root or sudo)."
    return 0
  fi
  ensure_packages postgresql
  local bin port password
  bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  pg_dir=$(mktemp -d)
  local as=()
  if [ "$(id -u)" -eq 0 ]; then
    # PostgreSQL refuses to run as root.
    chown postgres "$pg_dir"
    as=(runuser -u postgres --)
  fi
  password=$(head -c 18 /dev/urandom | base64 | tr -d '/+=')
  printf '%s\n' "$password" >"$pg_dir/password"
  [ "$(id -u)" -ne 0 ] || chown postgres "$pg_dir/password"
  for port in $(seq 55432 55532); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || break
  done
  "${as[@]}" "$bin/initdb" -D "$pg_dir/data" -U postgres --pwfile="$pg_dir/password" -A scram-sha-256 >/dev/null
  "${as[@]}" "$bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $pg_dir -c fsync=off" start >/dev/null
  trap stop_throwaway_postgres EXIT
  export TRANSCRIPTS_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Password=$password"
  postgres_note="PostgreSQL run: on a throw-away PostgreSQL $(basename "$(dirname "$bin")") at 127.0.0.1:$port (stopped and deleted at the end)."
}

stop_throwaway_postgres() {
  [ -n "${pg_dir:-}" ] || return 0
  local as=()
  [ "$(id -u)" -ne 0 ] || as=(runuser -u postgres --)
  "${as[@]}" "$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$pg_dir"
}

# What the trx files say was skipped, grouped by reason, with one example test for each.
list_skipped() {
  awk '
    /<UnitTestResult / && /outcome="NotExecuted"/ {
      name = $0; sub(/.*testName="/, "", name); sub(/".*/, "", name); sub(/\(.*/, "", name); waiting = 1; next }
    waiting && /<Message>/ {
      reason = $0; sub(/.*<Message>/, "", reason); sub(/<\/Message>.*/, "", reason)
      gsub(/&quot;/, "\"", reason); gsub(/&apos;/, "\047", reason); gsub(/&lt;/, "<", reason); gsub(/&gt;/, ">", reason); gsub(/&amp;/, "\\&", reason)
      count[reason]++; if (!(reason in example)) example[reason] = name; waiting = 0 }
    /<\/UnitTestResult>/ { if (waiting) { count["(no reason given)"]++; example["(no reason given)"] = name }; waiting = 0 }
    END { for (r in count) printf "  %5d  %s\n         e.g. %s\n", count[r], r, example[r] }
  ' "$@" | sort -k1,1nr
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
    start_throwaway_postgres
    results=$(mktemp -d)
    status=0
    # A test still running after 15 minutes is named and its run stopped, rather than holding the whole run until a CI limit.
    dotnet test Transcripts.sln -c Release --logger "trx" --results-directory "$results" \
      --blame-hang-timeout 15m --blame-hang-dump-type none "$@" || status=$?
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
    if ((skipped > 0)); then
      echo "Skipped tests, by reason:"
      list_skipped "$results"/*.trx
    fi
    echo "$postgres_note"
    rm -rf "$results"
    echo "$passed passed, $failed failed, $skipped skipped"
    exit "$status"
    ;;
  *)
    echo "usage: ./transcripts.sh serve | test" >&2
    exit 2
    ;;
esac
