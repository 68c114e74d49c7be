// Trunk post_build hook. The views' wasm built as workers (view-*.js, view-*_bg.wasm: all but
// the library's, Trunk's main app, whose names Trunk hashes), the chart module (charts.js,
// charts_bg.wasm) and ECharts carry no hash in their names, so index.html names their builds
// instead: a hash of each group's bytes in <meta name="pilot-audit-views"> and
// <meta name="pilot-audit-charts">, which boot.js and the app put in their URLs (?v=). A
// release whose files changed is then never served an older copy from a cache. The service
// worker (sw.js) is given every view's files, as boot.js asks for them, to keep for offline use.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)");

const files = readdirSync(dir).sort();
const views = files.filter((f) => /^view-[a-z]+(\.js|_bg\.wasm)$/.test(f));
const main = files.filter((f) => /^view-library-[0-9a-f]+(\.js|_bg\.wasm)$/.test(f));
if (views.length === 0 || main.length !== 2) throw new Error(`not the views' files expected: ${files}`);
const groups = {
  "pilot-audit-views": views,
  "pilot-audit-charts": ["charts.js", "charts_bg.wasm", "echarts.pilot-audit.min.js"],
};

const stamp = (files) => {
  const hash = createHash("sha256");
  for (const file of files) hash.update(readFileSync(join(dir, file)));
  return hash.digest("hex").slice(0, 16);
};

const page = join(dir, "index.html");
let html = readFileSync(page, "utf8");
const tags = {};
for (const [name, files] of Object.entries(groups)) {
  tags[name] = stamp(files);
  // The tag as written in index.html, or as Trunk's minifier leaves it (attributes
  // reordered, quotes dropped).
  const meta = new RegExp(`<meta\\b[^>]*\\bname="?${name}"?[^>]*>`);
  const found = html.match(meta);
  if (!found || !/content="?unstamped"?/.test(found[0])) {
    throw new Error(`index.html lacks <meta name="${name}" content="unstamped">`);
  }
  html = html.replace(found[0], found[0].replace(/content="?unstamped"?/, `content="${tags[name]}"`));
}
writeFileSync(page, html);

const worker = join(dir, "sw.js");
const code = readFileSync(worker, "utf8");
const list = "const VIEWS = [];";
if (!code.includes(list)) throw new Error(`sw.js lacks the line "${list}"`);
const urls = [...main.map((f) => `/${f}`), ...views.map((f) => `/${f}?v=${tags["pilot-audit-views"]}`)];
writeFileSync(worker, code.replace(list, `const VIEWS = ${JSON.stringify(urls)};`));
