#!/usr/bin/env bash
# The author's loop: with `trunk serve` running on a copy of `content/`, how
# long from saving a post until the open page in headless Chromium shows the
# edit, for an edit to the body and one to the title (benches/author_loop.rs).
# A save compiles no Rust: the watcher Trunk's hook leaves running publishes
# the content again, and the app of `trunk serve` polls for it and shows it
# without a reload (src/data/live.rs).
#
# Run by hand: `bash benches/author-loop.sh` (PORT to change the port, 8098).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. .ci/setup browser

work="$(mktemp -d)"
log="$work/trunk.log"
port="${PORT:-8098}"
cp -R content "$work/content"
post="$(ls -d "$work"/content/*/ | head -n 1)en.md"
# A fixed slug, so that the post keeps its address as the title changes.
sed -i '0,/^title:/s//slug: the-rise-of-serverless-edge-computing\ntitle:/' "$post"

cargo bench --no-run --quiet -p blog-e2e --bench author_loop

BLOG_CONTENT="$work/content" NO_COLOR=true trunk serve --offline --port "$port" \
  --dist "$work/dist" >"$log" 2>&1 &
trunk_pid=$!
trap 'kill "$trunk_pid" 2>/dev/null || true; wait "$trunk_pid" 2>/dev/null || true; rm -rf "$work"' EXIT

echo "author-loop: first build (may take minutes)" >&2
for _ in $(seq 1200); do
  curl -fs "http://127.0.0.1:$port/data/en/page/1.txt" >/dev/null 2>&1 && break
  kill -0 "$trunk_pid" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 1
done

AUTHOR_LOOP_URL="http://127.0.0.1:$port/" AUTHOR_LOOP_POST="$post" \
  cargo bench --quiet -p blog-e2e --bench author_loop
