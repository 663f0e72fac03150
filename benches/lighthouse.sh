#!/usr/bin/env bash
# Lighthouse mobile figures for the built site, run by hand (no test runs it):
#
#   bash benches/lighthouse.sh          builds into target/lighthouse-dist, then measures
#   bash benches/lighthouse.sh DIST     measures an existing build (e.g. an older commit's)
#
# The site is served on 127.0.0.1 by benches/lighthouse-serve.mjs like a static
# host behind a CDN (brotli, `dir/` -> `dir/index.html`, 404.html for missing
# paths, no SPA fallback). Measured pages: /en/, the German post, the English
# post, and /static-post/: the English post's pre-rendered HTML without any
# script or preload (same markup, CSS and images, no JS), the baseline a
# hand-written page would give. Each page is measured RUNS times (default 3)
# with Lighthouse's defaults (mobile, simulated throttling); the table shows
# the median of each figure. Scores never fail the script, only a broken
# build, server or Lighthouse run does.
#
# A DIST without pre-rendered pages (a build that renders every route in the
# browser) is served with an SPA fallback (SPA_FALLBACK=1, index.html for
# unknown paths), its post slugs are read from the rendered /en/ and /de/
# pages, and it has no static copy. EN_SLUG and DE_SLUG override the slugs.
# The site must be built for the base path `/`. REPORTS=DIR keeps every
# Lighthouse report (JSON) in DIR. THROTTLING=devtools throttles the page for
# real instead of simulating the throttled load from an unthrottled one
# (slower, noisier, but it sees that a page drawn by the app waits for it).
#
# Lighthouse (LIGHTHOUSE_VERSION below) is installed into .tools on first use;
# newer majors need a newer Node than Debian's 20. CHROME_PATH picks the browser.
set -euo pipefail
# Paths given by the caller are taken relative to where it was called from.
if [ $# -ge 1 ]; then
  [ -d "$1" ] || { echo "lighthouse.sh: not a directory: $1" >&2; exit 1; }
  dist_arg="$(cd "$1" && pwd)"
fi
if [ -n "${REPORTS:-}" ]; then
  mkdir -p "$REPORTS"
  REPORTS="$(cd "$REPORTS" && pwd)"
fi
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT="$PWD"

LIGHTHOUSE_VERSION=12.2.3
RUNS="${RUNS:-3}"
THROTTLING="${THROTTLING:-simulate}"
export CHROME_PATH="${CHROME_PATH:-/usr/bin/chromium}"
CHROME_FLAGS=(--headless --no-sandbox --disable-gpu --disable-quic --no-first-run
  --disable-background-networking --disable-component-update --disable-sync)

say() { printf '\033[1m[lighthouse]\033[0m %s\n' "$*" >&2; }
die() { printf 'lighthouse.sh: %s\n' "$*" >&2; exit 1; }

[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive number, not '$RUNS'"
case "$THROTTLING" in simulate | devtools) ;; *) die "THROTTLING must be simulate or devtools" ;; esac
[ -x "$CHROME_PATH" ] || die "no browser at $CHROME_PATH (set CHROME_PATH)"
command -v node >/dev/null || die "node is not installed"
command -v curl >/dev/null || die "curl is not installed"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/lighthouse.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then
    kill "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# --- the site --------------------------------------------------------------
if [ -n "${dist_arg:-}" ]; then
  dist="$dist_arg"
else
  dist="$ROOT/target/lighthouse-dist"
  say "building into ${dist#"$ROOT"/} (bash .ci/build)"
  # The server serves the site at `/`, so the site is built for that base.
  if ! BLOG_URL=http://127.0.0.1:8080/ bash .ci/build --dist "$dist" >"$tmp/build.log" 2>&1; then
    tail -n 60 "$tmp/build.log" >&2
    die "the build failed"
  fi
fi
[ -f "$dist/index.html" ] || die "$dist has no index.html"

first_page() { # first_page LANG: the slug of the newest post in LANG, the index's first card
  [ -f "$dist/$1/index.html" ] || return 0
  grep -oE "<article class=\"card\"><a href=\"/$1/[^\"/]+/\"" "$dist/$1/index.html" | head -n 1 |
    sed -E "s|.*href=\"/$1/||; s|/\"\$||" || true
}

prerendered=0
[ -f "$dist/en/index.html" ] && prerendered=1
en_slug="${EN_SLUG:-$(first_page en)}"
de_slug="${DE_SLUG:-$(first_page de)}"

if [ "$prerendered" = 0 ] && [ -z "${SPA_FALLBACK:-}" ]; then
  say "$dist has no pre-rendered pages: serving it with an SPA fallback"
  export SPA_FALLBACK=1
fi

static_page=""
if [ -n "$en_slug" ] && [ -f "$dist/en/$en_slug/index.html" ]; then
  static_page="en/$en_slug/index.html"
fi

# --- the server ------------------------------------------------------------
server_args=("$dist")
[ -z "$static_page" ] || server_args+=(--static-post "$static_page")
node benches/lighthouse-serve.mjs "${server_args[@]}" >"$tmp/server.out" 2>"$tmp/server.err" &
server_pid=$!
base=""
for _ in $(seq 300); do
  base="$(sed -n 's|^listening on \(http://[^ ]*\)$|\1|p' "$tmp/server.out")"
  [ -z "$base" ] || break
  kill -0 "$server_pid" 2>/dev/null || { cat "$tmp/server.err" >&2; die "the server did not start"; }
  sleep 0.1
done
[ -n "$base" ] || { cat "$tmp/server.err" >&2; die "the server did not listen within 30 s"; }
base="${base%/}"

# Slugs of a site that renders in the browser: the first post link on the
# rendered index page of the language (with or without a trailing slash).
rendered_slug() { # rendered_slug LANG
  timeout 120 "$CHROME_PATH" "${CHROME_FLAGS[@]}" --user-data-dir="$tmp/probe-$1" \
    --virtual-time-budget=20000 --dump-dom "$base/$1/" 2>/dev/null |
    grep -oE "href=\"/$1/[^\"/?#.]+/?\"" | head -n 1 | sed -E "s|^href=\"/$1/||; s|/?\"\$||" || true
}
[ -n "$en_slug" ] || en_slug="$(rendered_slug en)"
[ -n "$de_slug" ] || de_slug="$(rendered_slug de)"
[ -n "$en_slug" ] || die "found no English post in $dist (set EN_SLUG)"
[ -n "$de_slug" ] || die "found no German post in $dist (set DE_SLUG)"

labels=(home "post (de)" "post (en)")
paths=(/en/ "/de/$de_slug/" "/en/$en_slug/")
if [ -n "$static_page" ]; then
  labels+=("static copy")
  paths+=(/static-post/)
else
  say "no pre-rendered English post in $dist: no static copy to compare with"
fi

for path in "${paths[@]}"; do
  status="$(curl -s -o /dev/null -w '%{http_code}' "$base$path")" || die "cannot reach $base$path"
  [ "$status" = 200 ] || die "$base$path answers $status"
done
if [ -n "$static_page" ]; then
  copy="$(curl -fsS "$base/static-post/")" || die "cannot fetch the static copy"
  if grep -qi '<script' <<<"$copy"; then die "the static copy still has a <script>"; fi
fi

# --- Lighthouse --------------------------------------------------------------
lighthouse="$ROOT/.tools/node_modules/.bin/lighthouse"
installed="$(node -p 'require(process.argv[1]).version' "$ROOT/.tools/node_modules/lighthouse/package.json" 2>/dev/null || true)"
if [ "$installed" != "$LIGHTHOUSE_VERSION" ]; then
  command -v npm >/dev/null || die "npm is not installed"
  say "installing lighthouse@$LIGHTHOUSE_VERSION into .tools"
  mkdir -p "$ROOT/.tools"
  npm i -E --silent --no-audit --no-fund --prefix "$ROOT/.tools" "lighthouse@$LIGHTHOUSE_VERSION" >&2
fi
[ -x "$lighthouse" ] || die "no lighthouse at $lighthouse"

# One line per run: label, path, then the figures (see figures.js).
cat >"$tmp/figures.js" <<'EOF'
const [file, label, path] = process.argv.slice(2);
const lhr = JSON.parse(require("fs").readFileSync(file, "utf8"));
if (lhr.runtimeError) {
  console.error(`${path}: ${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
  process.exit(1);
}
const score = (id) => (lhr.categories[id]?.score == null ? "" : Math.round(lhr.categories[id].score * 100));
const value = (id) => lhr.audits[id]?.numericValue ?? "";
const row = [label, path, score("performance"), score("accessibility"), score("best-practices"), score("seo"),
  value("first-contentful-paint"), value("largest-contentful-paint"), value("total-blocking-time"),
  value("cumulative-layout-shift")];
console.log(row.join("\t"));
for (const w of lhr.runWarnings ?? []) console.error(`${path}: warning: ${w}`);
EOF

: >"$tmp/runs.tsv"
for i in "${!paths[@]}"; do
  for run in $(seq "$RUNS"); do
    say "${paths[$i]} (run $run of $RUNS)"
    json="$tmp/run.json"
    rm -f "$json"
    if ! "$lighthouse" "$base${paths[$i]}" --quiet --output=json --output-path="$json" \
      --only-categories=performance,accessibility,best-practices,seo \
      --throttling-method="$THROTTLING" \
      --chrome-flags="${CHROME_FLAGS[*]} --user-data-dir=$tmp/profile-$i-$run" \
      >"$tmp/lighthouse.log" 2>&1; then
      tail -n 40 "$tmp/lighthouse.log" >&2
      die "Lighthouse failed on ${paths[$i]}"
    fi
    if [ -n "${REPORTS:-}" ]; then
      cp "$json" "$REPORTS/$(printf '%s' "${paths[$i]}" | tr -c 'A-Za-z0-9\n' - | sed 's/^-*//; s/-*$//')-$run.json"
    fi
    node "$tmp/figures.js" "$json" "${labels[$i]}" "${paths[$i]}" >>"$tmp/runs.tsv" ||
      die "Lighthouse could not measure ${paths[$i]}"
    rm -rf "$tmp/profile-$i-$run"
  done
done

# --- sizes -------------------------------------------------------------------
post_html="$dist/en/$en_slug/index.html"
[ -f "$post_html" ] || post_html="$dist/index.html" # what the SPA fallback serves
: >"$tmp/sizes.tsv"
for kind in wasm js css; do
  for file in "$dist"/*."$kind"; do
    if [ -f "$file" ]; then printf '%s\t%s\n' "${file#"$dist"/}" "$file" >>"$tmp/sizes.tsv"; fi
  done
done
printf '%s\t%s\n' "English post HTML (${post_html#"$dist"/})" "$post_html" >>"$tmp/sizes.tsv"

# --- the report -------------------------------------------------------------
chrome_version="$("$CHROME_PATH" --version 2>/dev/null | head -n 1 || true)"
node - "$tmp/runs.tsv" "$tmp/sizes.tsv" "$RUNS" "$dist" "$LIGHTHOUSE_VERSION" "$chrome_version" "$THROTTLING" <<'EOF'
const fs = require("fs");
const zlib = require("zlib");
const [runsFile, sizesFile, runs, dist, lhVersion, chrome, throttling] = process.argv.slice(2);

const median = (xs) => {
  const v = xs.filter((x) => x !== "").map(Number).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
};

const pages = new Map();
for (const line of fs.readFileSync(runsFile, "utf8").split("\n").filter(Boolean)) {
  const [label, path, ...figures] = line.split("\t");
  if (!pages.has(path)) pages.set(path, { label, path, runs: [] });
  pages.get(path).runs.push(figures);
}
const rows = [...pages.values()].map((p) => ({
  ...p,
  m: p.runs[0].map((_, i) => median(p.runs.map((r) => r[i]))),
}));

const fmt = (x, digits = 0) => (x === null ? "–" : x.toFixed(digits));
const width = Math.max(...rows.map((r) => `${r.label}  ${r.path}`.length), 4);
const method = throttling === "devtools" ? "DevTools (real) throttling" : "simulated throttling";
console.log(`\nLighthouse ${lhVersion}, mobile, ${method}; median of ${runs} run(s)`);
console.log(`${chrome}; site: ${dist}\n`);
const head = ["page".padEnd(width), "perf", "a11y", "b.p.", " seo", "  FCP ms", "  LCP ms", "  TBT ms", "   CLS"];
console.log(head.join("  "));
for (const r of rows) {
  const [perf, a11y, bp, seo, fcp, lcp, tbt, cls] = r.m;
  console.log([`${r.label}  ${r.path}`.padEnd(width), fmt(perf).padStart(4), fmt(a11y).padStart(4),
    fmt(bp).padStart(4), fmt(seo).padStart(4), fmt(fcp).padStart(8), fmt(lcp).padStart(8),
    fmt(tbt).padStart(8), fmt(cls, 3).padStart(6)].join("  "));
}

const post = rows.find((r) => r.label === "post (en)");
const copy = rows.find((r) => r.path === "/static-post/");
if (post && copy) {
  const ratio = (name, i) => {
    const a = post.m[i], b = copy.m[i];
    if (a === null || b === null) return `${name} –`;
    if (b === 0) return `${name} ${a === 0 ? "1.00×" : "–"} (${fmt(a)} ms vs 0 ms)`;
    return `${name} ${(a / b).toFixed(2)}×`;
  };
  console.log(`\nEnglish post / static copy: ${[ratio("FCP", 4), ratio("LCP", 5), ratio("TBT", 6)].join(", ")}`);
} else {
  console.log("\nEnglish post / static copy: – (no static copy of this build)");
}

console.log("\nbytes           raw    brotli (q11)");
for (const line of fs.readFileSync(sizesFile, "utf8").split("\n").filter(Boolean)) {
  const [name, file] = line.split("\t");
  const bytes = fs.readFileSync(file);
  const br = zlib.brotliCompressSync(bytes, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
  }).length;
  console.log(`${String(bytes.length).padStart(10)}  ${String(br).padStart(10)}  ${name}`);
}
EOF
