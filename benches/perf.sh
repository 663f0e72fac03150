#!/usr/bin/env bash
# The performance benchmark, run by hand (no test runs it): builds the release
# site, puts the hand-written static pages of benches/static/ beside it with
# the built stylesheet, icon and cover, compresses every text file with brotli
# (quality 11) as a static host would serve it, and runs benches/perf.rs,
# which prints one table (the app against the static pages: bytes, cold
# load, in-app navigation, language switch, the two one-frame interactions
# also with the CPU throttled, a throttled load) under a line naming the
# machine, and fails when the app's shell (wasm + js + css, brotli) is over
# the budgets of benches/budget.sh.
#
#   bash benches/perf.sh
#   PERF_RUNS=21 PERF_THROTTLED_RUNS=9 bash benches/perf.sh   # more samples
#   PERF_ONLY=interactions bash benches/perf.sh              # the two interactions only
#   PERF_PROFILE=1 bash benches/perf.sh                      # and where their time goes
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. .ci/setup browser

# PERF_PROFILE=1: the wasm keeps its functions' names, for the profile the
# bench prints (wasm-opt still optimises it as the release build does).
html=index.html
if [ -n "${PERF_PROFILE:-}" ]; then
  html=index-profile.html
  trap 'rm -f index-profile.html' EXIT
  sed 's/data-wasm-opt="z"/& data-wasm-opt-params="--debuginfo" data-keep-debug/' index.html > "$html"
fi
if ! log=$(trunk build --release=true "$html" 2>&1); then
  echo "$log"
  exit 1
fi

# The measured copies, so that dist/ stays as Trunk wrote it.
site=target/perf-site
static=target/perf-static
rm -rf "$site" "$static"
cp -R dist "$site"
cp -R benches/static "$static"
cp dist/main-*.css "$static/main.css"
cp dist/favicon-*.svg "$static/favicon.svg"
cp dist/posts/serverless-edge-computing/cover.jpg "$static/cover.jpg"

# `<file>.br` beside every text file; the bench's server sends it to browsers
# that accept brotli, and the table's bytes are its size.
node benches/precompress.mjs "$site" "$static"

# One budget for the shell's bytes: budget.sh's.
for kind in WASM JS CSS; do
  export "PERF_BUDGET_$kind=$(sed -n "s/^BUDGET_$kind=\([0-9]*\)$/\1/p" benches/budget.sh)"
done

# The bench only drives the browser: it is built in the pre-renderer's profile
# (optimised, without the release profile's slow LTO).
BLOG_E2E_DIST="$site" BLOG_E2E_BASE=/ PERF_STATIC="$static" \
  cargo bench --quiet --profile prerender -p blog-e2e --bench perf
