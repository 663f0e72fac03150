#!/usr/bin/env bash
# Scale: the deploy build (`.ci/build`) of the blog's own posts, then of
# 100, 1,000 and 5,000 generated bilingual posts (`gen-posts`, SIZES to
# choose), each built twice: cold (every image copy encoded) and again
# (images from the cache, as on an author's or CI's next build). Prints one
# row a build: pages written, the build's time and how it splits (the
# content's publishing, pre-rendering, and the rest: cargo, wasm-bindgen,
# wasm-opt, Trunk), publishing and pre-rendering per page, the time to
# render one index page, the size of `dist/`, and the wasm's brotli bytes,
# which must not grow with the blog.
#
# Run by hand: `bash benches/scale.sh` (about 15 minutes on two cores).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. .ci/setup

SIZES="${SIZES:-100 1000 5000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

brotli_size() {
  node -e 'const z = require("zlib"); const b = require("fs").readFileSync(process.argv[1]);
    process.stdout.write(String(z.brotliCompressSync(b, { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } }).length));' "$1"
}

# Builds `$2` (BLOG_CONTENT) with the image cache `$3`; prints a row named `$1`.
build() {
  local name="$1" content="$2" cache="$3" dist="$work/dist" log="$work/build.log"
  rm -rf "$dist"
  local start end
  start=$(date +%s%N)
  if ! BLOG_CONTENT="$content" BLOG_IMAGE_CACHE="$cache" bash .ci/build --dist "$dist" >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    exit 1
  fi
  end=$(date +%s%N)
  local total=$(((end - start) / 1000000))
  local publish prerender pages index_ms post_ms
  publish=$(sed -n 's/^publish: .* in \([0-9]*\) ms$/\1/p' "$log" | tail -n 1)
  prerender=$(sed -n 's/^prerender: [0-9]* pages in \([0-9]*\) ms.*/\1/p' "$log" | tail -n 1)
  pages=$(sed -n 's/^prerender: \([0-9]*\) pages in .*/\1/p' "$log" | tail -n 1)
  index_ms=$(sed -n 's/.*an index page \([0-9.]*\) ms.*/\1/p' "$log" | tail -n 1)
  post_ms=$(sed -n 's/.*a post \([0-9.]*\) ms.*/\1/p' "$log" | tail -n 1)
  local per_page size wasm
  per_page=$(awk -v a="$publish" -v b="$prerender" -v n="$pages" 'BEGIN { printf "%.2f", (a + b) / n }')
  size=$(du -sb "$dist" | cut -f1)
  wasm=$(brotli_size "$(ls "$dist"/*.wasm | head -n 1)")
  printf '%-16s %6s %9s %9s %9s %9s %9s %8s %8s %9s %8s\n' "$name" "$pages" "$total" "$publish" \
    "$prerender" "$((total - publish - prerender))" "$per_page" "$index_ms" "$post_ms" \
    "$((size / 1024 / 1024))" "$wasm"
}

echo "scale: compiling (not counted)" >&2
cargo build --quiet --profile gen -p gen-posts
BLOG_IMAGE_CACHE="$work/cache-warmup" bash .ci/build --dist "$work/dist" >/dev/null 2>&1

printf '\n%-16s %6s %9s %9s %9s %9s %9s %8s %8s %9s %8s\n' build pages "total ms" publish \
  prerender rest "ms/page" index post "dist MB" "wasm br"
build "2 posts, cold" content "$work/cache-2"
build "2 posts, again" content "$work/cache-2"
for size in $SIZES; do
  posts="$work/posts-$size"
  target/gen/gen-posts "$size" "$posts" >/dev/null
  build "$size posts, cold" "$posts" "$work/cache-$size"
  build "$size posts, again" "$posts" "$work/cache-$size"
  rm -rf "$posts" "$work/cache-$size"
done
echo
echo "ms/page: publishing and pre-rendering per page written; index, post: ms to render one (on one thread)."
