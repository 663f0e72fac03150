// Writes `<file>.br` (brotli, quality 11) beside every text file given or
// under the folders given, as a static host keeps precompressed files: the benches'
// server sends it to browsers that accept brotli, and their bytes are its
// size. Used by perf.sh and search.sh.
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";

const text = /\.(html|css|js|wasm|svg|md|xml|json|txt|pf_meta|pf_index|pf_fragment|pagefind)$/;
const walk = (file) => {
  if (fs.statSync(file).isDirectory()) {
    return fs.readdirSync(file).forEach((name) => walk(path.join(file, name)));
  }
  if (!text.test(file)) return;
  const compressed = zlib.brotliCompressSync(fs.readFileSync(file),
    { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } });
  fs.writeFileSync(file + ".br", compressed);
};
process.argv.slice(2).forEach(walk);
