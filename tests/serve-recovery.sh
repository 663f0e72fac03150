#!/usr/bin/env bash
# `trunk serve` recovers from a broken post: on a copy of `content/`, it
# serves the blog, then a post is broken (a date that does not exist) and the
# error must show in trunk's output, then the post is fixed (with a new
# title) and the served index data must carry the new title. This relies on
# Trunk building again when a watched file changes, its post-build hook
# publishing the content (and failing on a broken post), and trunk building
# again after a failed build.
#
# Run by `.ci/test`; alone: `bash tests/serve-recovery.sh` (PORT to change
# the port, 8097).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. .ci/setup

work="$(mktemp -d)"
log="$work/trunk.log"
port="${PORT:-8097}"
post="$work/content/serverless-edge-computing/en.md"
cp -R content "$work/content"

BLOG_CONTENT="$work/content" NO_COLOR=true trunk serve --offline --port "$port" \
  --dist "$work/dist" --watch "$work/content" --no-autoreload >"$log" 2>&1 &
trunk_pid=$!
trap 'kill "$trunk_pid" 2>/dev/null || true; wait "$trunk_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

# Waits up to $1 seconds for the command after it to succeed.
wait_for() {
  local seconds="$1"
  shift
  for _ in $(seq "$seconds"); do
    "$@" && return 0
    kill -0 "$trunk_pid" 2>/dev/null || { echo "trunk serve exited" >&2; cat "$log" >&2; exit 1; }
    sleep 1
  done
  echo "timed out after ${seconds}s waiting for: $*" >&2
  tail -n 40 "$log" >&2
  exit 1
}

# Whether the English index served now lists `$1`.
serves_title() {
  # Fetched to a file: `grep -q` ending a pipe early would fail it (pipefail).
  curl -fs -o "$work/page.txt" "http://127.0.0.1:$port/data/en/page/1.txt" &&
    grep -qF "$1" "$work/page.txt"
}

in_log() { grep -qF "$1" "$log"; }

echo "serve-recovery: first build (may take minutes)"
wait_for 1200 serves_title "The Rise of Serverless Edge Computing"

echo "serve-recovery: breaking $post"
sed -i 's/^date: 2026-02-13$/date: 2026-02-30/' "$post"
wait_for 600 in_log '"2026-02-30" is not a day in the calendar'
grep -F 'is not a day in the calendar' "$log" | head -n 1

echo "serve-recovery: fixing it"
sed -i 's/^date: 2026-02-30$/date: 2026-02-13/; s/^title: .*/title: "Recovered Edge Computing"/' "$post"
wait_for 600 serves_title "Recovered Edge Computing"
echo "serve-recovery: the fixed post is served again"
