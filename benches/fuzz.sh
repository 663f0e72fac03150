#!/usr/bin/env bash
# Fuzzes the Markdown mapping: FUZZ_CASES random inputs (default 1,000,000)
# from FUZZ_SEED (default 0), on every core, in an optimised build. Each must
# render without a panic and with only allowed elements, attributes and URLs;
# a failure prints its seed and shrunk input (see tests/fuzz_markdown.rs).
#   FUZZ_CASES=100000 bash benches/fuzz.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export FUZZ_CASES="${FUZZ_CASES:-1000000}" FUZZ_SEED="${FUZZ_SEED:-0}"
exec cargo test --profile fuzz --features fuzz --test fuzz_markdown -- --nocapture
