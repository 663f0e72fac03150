#!/usr/bin/env bash
# The author's loop: with `trunk serve` running on a copy of `content/`,
# how long from saving a post until the server serves the change, for an
# edit to the body and one to the title (front matter). Prints the median
# of RUNS edits each (default 5). An edit compiles no Rust: the post-build
# hook publishes the content as data; Trunk still runs its whole pipeline
# (a cargo no-op, wasm-bindgen, the hook), which is what this measures.
# The browser's reload after that takes as long as a cold load of the page
# (see benches/perf.sh).
#
# Run by hand: `bash benches/author-loop.sh` (PORT to change the port, 8098).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. .ci/setup

RUNS="${RUNS:-5}"
work="$(mktemp -d)"
log="$work/trunk.log"
port="${PORT:-8098}"
cp -R content "$work/content"
post="$(ls -d "$work"/content/*/ | head -n 1)en.md"
# A fixed slug, so that the post's data file keeps its name as the title changes.
sed -i '0,/^title:/s//slug: the-rise-of-serverless-edge-computing\ntitle:/' "$post"

BLOG_CONTENT="$work/content" NO_COLOR=true trunk serve --offline --port "$port" \
  --dist "$work/dist" --watch "$work/content" --no-autoreload >"$log" 2>&1 &
trunk_pid=$!
trap 'kill "$trunk_pid" 2>/dev/null || true; wait "$trunk_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

now_ms() { date +%s%3N; }

# Waits until the file at URL path $1 holds $2; prints the milliseconds since $3.
served_after() {
  local path="$1" text="$2" since="$3"
  for _ in $(seq 6000); do
    if curl -fs "http://127.0.0.1:$port/$path" 2>/dev/null | grep -qF -- "$text"; then
      echo $(($(now_ms) - since))
      return 0
    fi
    sleep 0.01
  done
  echo "timed out waiting for $text in $path" >&2
  tail -n 30 "$log" >&2
  exit 1
}

echo "author-loop: first build (may take minutes)" >&2
served_after data/en/page/1.txt "edgewise-index" "$(now_ms)" >/dev/null
# Let the first build's watcher settle.
sleep 2

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

body_times=()
title_times=()
for run in $(seq "$RUNS"); do
  marker="Edited body, run $run."
  start=$(now_ms)
  printf '\n%s\n' "$marker" >>"$post"
  body_times+=("$(served_after data/en/post/the-rise-of-serverless-edge-computing.txt "$marker" "$start")")
  sleep 1
  title="Edge Computing, Take $run"
  start=$(now_ms)
  sed -i "s/^title: .*/title: \"$title\"/" "$post"
  title_times+=("$(served_after data/en/page/1.txt "$title" "$start")")
  sleep 1
done

printf '\n%-28s %8s   (%s edits each; ms from save to served)\n' edit median "$RUNS"
printf '%-28s %8s   %s\n' "body text" "$(printf '%s\n' "${body_times[@]}" | median)" "${body_times[*]}"
printf '%-28s %8s   %s\n' "title (front matter)" "$(printf '%s\n' "${title_times[@]}" | median)" "${title_times[*]}"
