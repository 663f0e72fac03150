// Serves a built site for benches/lighthouse.sh the way a static host behind a
// CDN does: brotli-compressed responses (quality 11, compressed once per file
// and kept in memory), `dir/` -> `dir/index.html`, `dir` -> 301 to `dir/`, and
// `404.html` with status 404 for anything missing. No SPA fallback unless
// asked for (see below). Node's standard library only.
//
//   node benches/lighthouse-serve.mjs DIST [--port N] [--static-post PAGE]
//
// --port N           listen on port N (default 0: any free port)
// --static-post PAGE also serve, at /static-post/, the page DIST/PAGE (e.g.
//                    en/<slug>/index.html) without its scripts, module preloads
//                    and fetch preloads: the same markup, CSS and images, no JS.
// SPA_FALLBACK=1     serve index.html (status 200) for a missing path without a
//                    file extension, for builds that render every route in the
//                    browser.
//
// Prints `listening on http://127.0.0.1:PORT/` once it accepts connections.

import { createServer } from "node:http";
import { readFileSync, statSync } from "node:fs";
import { extname, join, resolve, sep } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const args = process.argv.slice(2);
let root = null;
let port = 0;
let staticPost = null;
for (let i = 0; i < args.length; i++) {
  const arg = args[i];
  if (arg === "--port") port = Number(args[++i]);
  else if (arg === "--static-post") staticPost = args[++i];
  else if (!arg.startsWith("--") && root === null) root = arg;
  else fail(`unknown argument: ${arg}`);
}
if (root === null) fail("usage: lighthouse-serve.mjs DIST [--port N] [--static-post PAGE]");
root = resolve(root);
if (!isDir(root)) fail(`not a directory: ${root}`);
const spaFallback = process.env.SPA_FALLBACK === "1";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".png": "image/png",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".ico": "image/x-icon",
  ".md": "text/markdown; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};
// Already-compressed formats are sent as they are, as a CDN does.
const INCOMPRESSIBLE = new Set([".jpg", ".jpeg", ".png", ".webp", ".avif", ".woff2"]);

// The static copy of a post, made once at start-up.
const STATIC_ROUTE = "/static-post/";
let staticBody = null;
if (staticPost !== null) {
  const file = join(root, staticPost);
  if (!isFile(file)) fail(`--static-post: no such file: ${file}`);
  const { html, removed } = stripScripts(readFileSync(file, "utf8"));
  if (removed.scripts === 0) fail(`--static-post: no <script> in ${file}`);
  staticBody = Buffer.from(html);
  console.error(
    `static copy of ${staticPost}: removed ${removed.scripts} script(s), ` +
      `${removed.links} preload link(s)`,
  );
}

// Compressed bodies, by file path (or route) and encoding.
const cache = new Map();

function entity(key, ext, raw, encoding) {
  const cacheKey = `${key}\0${encoding}`;
  let hit = cache.get(cacheKey);
  if (hit === undefined) {
    const bytes = raw();
    let body = bytes;
    if (encoding === "br") {
      body = brotliCompressSync(bytes, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 11,
          [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        },
      });
    } else if (encoding === "gzip") {
      body = gzipSync(bytes, { level: 9 });
    }
    hit = { body, type: TYPES[ext] ?? "application/octet-stream" };
    cache.set(cacheKey, hit);
  }
  return hit;
}

function chooseEncoding(req, ext) {
  if (INCOMPRESSIBLE.has(ext)) return "identity";
  const accepted = String(req.headers["accept-encoding"] ?? "")
    .split(",")
    .map((part) => part.trim().split(";")[0].toLowerCase());
  if (accepted.includes("br")) return "br";
  if (accepted.includes("gzip")) return "gzip";
  return "identity";
}

function send(req, res, status, key, ext, raw, extraHeaders = {}) {
  const encoding = chooseEncoding(req, ext);
  const { body, type } = entity(key, ext, raw, encoding);
  const headers = {
    "Content-Type": type,
    "Content-Length": body.length,
    "Cache-Control": cacheControl(key, ext),
    Vary: "Accept-Encoding",
    ...extraHeaders,
  };
  if (encoding !== "identity") headers["Content-Encoding"] = encoding;
  res.writeHead(status, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

// Hashed file names (Trunk's `name-0123456789abcdef.ext`, the posts'
// `en.0123456789.md`) never change content; everything else is revalidated.
function cacheControl(key, ext) {
  if (ext === ".html") return "no-cache";
  if (/[-.][0-9a-f]{10,}(_bg)?\.[a-z0-9]+$/.test(key)) return "public, max-age=31536000, immutable";
  return "public, max-age=3600";
}

function sendFile(req, res, status, file) {
  send(req, res, status, file, extname(file).toLowerCase(), () => readFileSync(file));
}

function notFound(req, res) {
  const page = join(root, "404.html");
  if (isFile(page)) return sendFile(req, res, 404, page);
  res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
  res.end(req.method === "HEAD" ? undefined : "not found\n");
}

function handle(req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.writeHead(405, { Allow: "GET, HEAD" });
    return res.end();
  }
  const url = new URL(req.url, "http://127.0.0.1");
  let path;
  try {
    path = decodeURIComponent(url.pathname);
  } catch {
    res.writeHead(400);
    return res.end();
  }
  if (path.includes("\0")) {
    res.writeHead(400);
    return res.end();
  }

  if (staticBody !== null) {
    if (path === STATIC_ROUTE) {
      return send(req, res, 200, STATIC_ROUTE, ".html", () => staticBody);
    }
    if (path === STATIC_ROUTE.slice(0, -1)) {
      return redirect(res, STATIC_ROUTE + url.search);
    }
  }

  const target = resolve(root, "." + path);
  if (target !== root && !target.startsWith(root + sep)) return notFound(req, res);

  if (isDir(target)) {
    if (!path.endsWith("/")) return redirect(res, url.pathname + "/" + url.search);
    const index = join(target, "index.html");
    if (isFile(index)) return sendFile(req, res, 200, index);
  } else if (isFile(target) && !path.endsWith("/")) {
    return sendFile(req, res, 200, target);
  }

  if (spaFallback && extname(path) === "") {
    const index = join(root, "index.html");
    if (isFile(index)) return sendFile(req, res, 200, index);
  }
  return notFound(req, res);
}

function redirect(res, location) {
  res.writeHead(301, { Location: location, "Content-Length": 0 });
  res.end();
}

// Removes every <script>…</script>, every <link rel=modulepreload> and every
// <link rel=preload as=fetch> from an HTML page.
function stripScripts(html) {
  const removed = { scripts: 0, links: 0 };
  let out = html.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, () => {
    removed.scripts++;
    return "";
  });
  out = out.replace(/<link\b[^>]*>/gi, (tag) => {
    const attrs = attributes(tag);
    const rel = (attrs.get("rel") ?? "").toLowerCase().split(/\s+/);
    const as = (attrs.get("as") ?? "").toLowerCase();
    if (rel.includes("modulepreload") || (rel.includes("preload") && as === "fetch")) {
      removed.links++;
      return "";
    }
    return tag;
  });
  return { html: out, removed };
}

function attributes(tag) {
  const attrs = new Map();
  const inner = tag.replace(/^<link\b/i, "").replace(/\/?>$/, "");
  const re = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (const m of inner.matchAll(re)) {
    attrs.set(m[1].toLowerCase(), m[2] ?? m[3] ?? m[4] ?? "");
  }
  return attrs;
}

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDir(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function fail(message) {
  console.error(`lighthouse-serve: ${message}`);
  process.exit(2);
}

const server = createServer((req, res) => {
  try {
    handle(req, res);
  } catch (err) {
    console.error(`lighthouse-serve: ${req.method} ${req.url}: ${err.stack ?? err}`);
    if (!res.headersSent) res.writeHead(500);
    res.end();
  }
});
server.on("error", (err) => fail(err.message));
server.listen(port, "127.0.0.1", () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}/`);
});
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => process.exit(0));
}
