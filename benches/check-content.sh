#!/usr/bin/env bash
# Times `check-content` on a generated 1 MB post and a post of 10,000
# headings (each in both languages), and fails if either takes a second or
# more. The tests assert that both pass; the timing lives here, where a slow
# machine does not make a test flaky.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PROFILE="${PROFILE:-release}"
BUDGET_MS="${BUDGET_MS:-1000}"

cargo build --quiet --profile "$PROFILE" --bin check-content
bin="target/$([ "$PROFILE" = dev ] && echo debug || echo "$PROFILE")/check-content"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

front() { printf -- '---\ntitle: "%s"\ndescription: "Generated."\ndate: 2026-02-13\n---\n' "$1"; }
mkdir -p "$work/big/content/big" "$work/headings/content/headings"
line="Edge functions run close to the reader, and caches keep what they make. "
{ front Big; for _ in $(seq 1 1800); do printf '%s%s%s%s%s%s%s%s\n\n' "$line" "$line" "$line" "$line" "$line" "$line" "$line" "$line"; done; } > "$work/big/content/big/en.md"
sed 's/^title: "Big"/title: "Gross"/' "$work/big/content/big/en.md" > "$work/big/content/big/de.md"
{ front Headings; for n in $(seq 0 9999); do printf '## Heading %d\n\nText.\n\n' "$n"; done; } > "$work/headings/content/headings/en.md"
sed 's/^title: "Headings"/title: "Ueberschriften"/' "$work/headings/content/headings/en.md" > "$work/headings/content/headings/de.md"

status=0
for case in big headings; do
  bytes=$(wc -c < "$work/$case/content/$case/en.md")
  start=$(date +%s%N)
  (cd "$work/$case" && "$OLDPWD/$bin" >/dev/null 2>&1) || { echo "$case: check-content failed" >&2; status=1; }
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  printf '%-9s %8d bytes a file, 2 files: %5d ms (budget %d ms)\n' "$case" "$bytes" "$ms" "$BUDGET_MS"
  [ "$ms" -lt "$BUDGET_MS" ] || status=1
done
exit "$status"
