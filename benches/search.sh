#!/usr/bin/env bash
# Search against Pagefind, side by side in one run, by hand (no test runs
# it). Builds one release site of SEARCH_POSTS generated posts (default
# 1,000) plus the blog's posts and the search cases of
# benches/search/content; runs Pagefind (npm `pagefind`, installed into
# .tools on first use) over the built pages; compresses every text file
# with brotli as a static host serves them; then crates/e2e/benches/search.rs
# prints one table: index size and build time, the bytes of a first query,
# keystroke to results (p50, p95), and the German compound, umlaut and typo
# cases.
#
#   bash benches/search.sh
#   SEARCH_POSTS=5000 SEARCH_RUNS=3 bash benches/search.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. .ci/setup browser

PAGEFIND_VERSION=1.6.0
posts="${SEARCH_POSTS:-1000}"
work=target/search-bench
site="$work/site"

installed="$(node -p 'require(process.argv[1]).version' "$TOOLS/node_modules/pagefind/package.json" 2>/dev/null || true)"
if [ "$installed" != "$PAGEFIND_VERSION" ]; then
  npm i -E --silent --no-audit --no-fund --prefix "$TOOLS" "pagefind@$PAGEFIND_VERSION" >&2
fi

rm -rf "$work"
mkdir -p "$work"
cargo run --quiet --profile gen -p gen-posts -- "$posts" "$work/content"
build_log="$work/build.log"
BLOG_CONTENT="content:benches/search/content:$work/content" BLOG_URL="https://edgewise.example/" \
  bash .ci/build --dist "$site" >"$build_log" 2>&1 || { tail -n 40 "$build_log"; exit 1; }
# `publish: … a search index of N KB (M ms), …`
ours_build="$(grep -o 'a search index of [0-9]* KB ([0-9]* ms)' "$build_log" | tail -n 1 | grep -o '([0-9]* ms)' | tr -d '()')"

started=$(date +%s%N)
pagefind --site "$site" --output-subdir pagefind >"$work/pagefind.log" 2>&1 \
  || { tail -n 40 "$work/pagefind.log"; exit 1; }
pagefind_build="$(( ($(date +%s%N) - started) / 1000000 )) ms"

# A page per language that loads Pagefind as its own UI would, for the bench.
for lang in en de; do
  mkdir -p "$site/pagefind-bench/$lang"
  cat >"$site/pagefind-bench/$lang/index.html" <<HTML
<!DOCTYPE html>
<html lang="$lang"><head><meta charset="utf-8"><title>Pagefind</title>
<script type="module" src="/pagefind-bench/load.js"></script></head><body></body></html>
HTML
done
cat >"$site/pagefind-bench/load.js" <<'JS'
const pagefind = await import('/pagefind/pagefind.js');
await pagefind.init();
window.pagefind = pagefind;
JS

disk() { du -sb --exclude="*.br" "$1" | cut -f1 | awk '{ printf "%.1f KB", $1 / 1024 }'; }
ours_disk="$(disk "$site/search")"
pagefind_disk="$(disk "$site/pagefind")"

# Only what the bench requests (its pages, the app, the indexes and the post
# files passages are cut from): the other 10,000 pages would take minutes.
node benches/precompress.mjs "$site"/*.wasm "$site"/*.js "$site"/*.css \
  "$site"/en/index.html "$site"/de/index.html "$site"/pagefind-bench \
  "$site"/search "$site"/data "$site"/pagefind

SEARCH_POSTS="$posts" SEARCH_OURS_DISK="$ours_disk" SEARCH_PAGEFIND_DISK="$pagefind_disk" \
SEARCH_OURS_BUILD="$ours_build" SEARCH_PAGEFIND_BUILD="$pagefind_build" \
BLOG_E2E_DIST="$site" BLOG_E2E_BASE=/ \
  cargo bench --quiet --profile prerender -p blog-e2e --bench search
