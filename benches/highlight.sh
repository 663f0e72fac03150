#!/usr/bin/env bash
# What highlighting code costs, run by hand (no test runs it):
#
#   bash benches/highlight.sh
#
# 1. `cargo bench -p blog-content --bench highlight`: the grammars, a post of
#    62 fenced blocks in 22 languages (first run and later ones), a
#    megabyte of Rust;
# 2. publishing that post with its blocks highlighted and with the same
#    fences left without a language (drawn plain), median of RUNS (5);
# 3. the token runs' share of a post's data file, brotli (quality 11), for
#    that post and the fixture posts with code.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
. .ci/setup >/dev/null
RUNS="${RUNS:-5}"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/highlight.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT

cargo bench -q -p blog-content --bench highlight -- "$tmp/content"
cargo build -q --profile prerender -p blog-content --bin publish
publish=target/prerender/publish

publish_ms() { # publish_ms CONTENT: the median wall time of RUNS publishes
  local times=() start
  for _ in $(seq "$RUNS"); do
    rm -rf "$tmp/site" && mkdir "$tmp/site"
    start=$(date +%s%N)
    BLOG_CONTENT="$1" "$publish" "$tmp/site" >/dev/null 2>&1
    times+=($((($(date +%s%N) - start) / 1000000)))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n "$(((RUNS + 1) / 2))p"
}
echo "publish the 62-block post, median of $RUNS: highlighted $(publish_ms "$tmp/content/with") ms," \
  "plain $(publish_ms "$tmp/content/without") ms"

rm -rf "$tmp/site" && mkdir "$tmp/site"
BLOG_CONTENT="$tmp/content/with" "$publish" "$tmp/site" >/dev/null 2>&1
rm -rf "$tmp/fixtures" && mkdir "$tmp/fixtures"
BLOG_CONTENT="tests/fixtures/content" "$publish" "$tmp/fixtures" >/dev/null 2>&1
node - "$tmp/site/data/en/post/code-heavy.txt" \
  "$tmp/fixtures/data/en/post/code-in-every-language.txt" \
  "$tmp/fixtures/data/en/post/a-long-code-block.txt" <<'EOF'
// A post file's token runs are its `code` lines, before the body.
const fs = require("fs"), zlib = require("zlib");
const brotli = (text) => zlib.brotliCompressSync(Buffer.from(text),
  { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
console.log("\ntoken runs in a post's data file      file, brotli   without runs   runs' share");
for (const file of process.argv.slice(2)) {
  const text = fs.readFileSync(file, "utf8");
  const body = text.indexOf("\nbody\t") + 1;
  const head = text.slice(0, body).split("\n").filter((line) => !line.startsWith("code\t"));
  const all = brotli(text), without = brotli(head.join("\n") + text.slice(body));
  const name = file.split("/").pop();
  console.log(`${name.padEnd(36)} ${String(all).padStart(12)} ${String(without).padStart(14)} ${((all - without) / all * 100).toFixed(1).padStart(12)} %`);
}
EOF
