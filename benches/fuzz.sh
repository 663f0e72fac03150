#!/usr/bin/env bash
# Fuzzes the Markdown mapping and the content checker, in an optimised build
# on every core: FUZZ_CASES random inputs each (default 1,000,000: Markdown
# snippets, translation files) and FUZZ_FOLDERS random content folders
# (default 20,000, written to a temporary folder), from FUZZ_SEED (default
# 0). A failure prints its seed and shrunk input (see fuzz/tests/fuzz_markdown.rs
# and fuzz/tests/fuzz_content.rs).
#   bash benches/fuzz.sh                  # both
#   FUZZ_CASES=100000 bash benches/fuzz.sh content   # or: markdown
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export FUZZ_CASES="${FUZZ_CASES:-1000000}" FUZZ_FOLDERS="${FUZZ_FOLDERS:-20000}" \
  FUZZ_SEED="${FUZZ_SEED:-0}"
target="${1:-all}"
case "$target" in
  markdown | content | all) ;;
  *) echo "usage: bash benches/fuzz.sh [markdown|content|all]" >&2; exit 2 ;;
esac
if [ "$target" != content ]; then
  cargo test --profile fuzz -p blog-fuzz --test fuzz_markdown -- --nocapture
fi
if [ "$target" != markdown ]; then
  cargo test --profile fuzz -p blog-fuzz --test fuzz_content -- --nocapture
fi
