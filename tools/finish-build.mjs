// Trunk post_build hook: minifies the JavaScript, then names the builds of the files whose
// names carry no hash.
//
// Trunk's own minifier cannot parse the JavaScript wasm-bindgen writes (it says so in a
// warning and leaves it as it is), so esbuild (the npm package) minifies it here, with the
// app's snippets and boot.js: every byte counts in a view's first load (DESIGN §7).
//
// The views' wasm built as workers (view-*.js, view-*_bg.wasm: all but
// the library's, Trunk's main app, whose names Trunk hashes), the chart module (charts.js,
// charts_bg.wasm) and ECharts carry no hash in their names, so index.html names their builds
// instead: a hash of each group's bytes in <meta name="pilot-audit-views"> and
// <meta name="pilot-audit-charts">, which boot.js and the app put in their URLs (?v=). A
// release whose files changed is then never served an older copy from a cache. The service
// worker (sw.js) is given every view's files, as boot.js asks for them, and the snippets they
// import, to keep for offline use.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)");

// The names a wasm imports and exports: wasm-bindgen writes long ones (`__wbg_setAttribute_`
// and a 16-digit hash), once in the wasm and once in its JavaScript, some 5 KB of hex that
// does not compress. wasm-opt (binaryen, the npm package) gives them short names and says
// which; the JavaScript is rewritten to match.
const WASM_OPT = new URL("../node_modules/.bin/wasm-opt", import.meta.url).pathname;
const WASM_FEATURES = ["--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
  "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue"];
function shortenNames(stem) {
  const wasm = join(dir, `${stem}_bg.wasm`);
  const js = join(dir, `${stem}.js`);
  const out = execFileSync(WASM_OPT, ["--minify-imports-and-exports-and-modules", ...WASM_FEATURES, wasm, "-o", wasm], { encoding: "utf8" });
  const mapping = JSON.parse(out.slice(out.indexOf("{")));
  let code = readFileSync(js, "utf8");
  // One module of imports, the JavaScript's own; wasm-opt names it anew without saying how.
  const compiled = new WebAssembly.Module(readFileSync(wasm));
  const before = new Set(mapping.imports.map(([module]) => module));
  const after = new Set(WebAssembly.Module.imports(compiled).map((i) => i.module));
  if (before.size !== 1 || after.size !== 1) throw new Error(`${stem}: imports from ${[...before]}`);
  const moduleKey = JSON.stringify([...before][0]) + ":";
  if (!code.includes(moduleKey)) throw new Error(`${stem}.js: no ${moduleKey}`);
  code = code.replace(moduleKey, () => JSON.stringify([...after][0]) + ":");
  // Each name once, in one pass (a short name is never read again as a long one), by
  // function so that a `$` in a short name is taken as it is.
  const imports = new Map(mapping.imports.map(([, name, short]) => [name, short]));
  const seen = new Set();
  code = code.replace(/\b(__wb\w+):/g, (whole, name) => {
    if (!imports.has(name)) return whole;
    seen.add(name);
    return `${imports.get(name)}:`;
  });
  const missing = [...imports.keys()].filter((name) => !seen.has(name));
  if (missing.length) throw new Error(`${stem}.js: imports not found: ${missing.join(", ")}`);
  const exports = new Map(mapping.exports);
  const shortExports = new Set(WebAssembly.Module.exports(compiled).map((e) => e.name));
  code = code.replace(/\bwasm\.([A-Za-z_$][\w$]*)/g, (whole, name) => {
    // Not every export is used by the JavaScript (`main` is started through `__wbindgen_start`).
    const short = exports.get(name);
    if (short === undefined || !shortExports.has(short)) throw new Error(`${stem}.js: wasm.${name} is no export`);
    return `wasm.${short}`;
  });
  writeFileSync(js, code);
}

const scripts = (sub) =>
  readdirSync(join(dir, sub), { withFileTypes: true }).flatMap((entry) => {
    const path = join(sub, entry.name);
    if (entry.isDirectory()) return scripts(path);
    return entry.name.endsWith(".js") && !entry.name.endsWith(".min.js") && entry.name !== "sw.js" ? [path] : [];
  });
for (const file of readdirSync(dir)) {
  const stem = file.match(/^(.*)_bg\.wasm$/)?.[1];
  if (stem) shortenNames(stem);
}
for (const file of scripts("")) {
  const path = join(dir, file);
  const { code } = transformSync(readFileSync(path, "utf8"), { minify: true, format: "esm", target: "es2022" });
  writeFileSync(path, code);
}

const files = readdirSync(dir).sort();
const views = files.filter((f) => /^view-[a-z-]+(\.js|_bg\.wasm)$/.test(f) && !f.startsWith("view-library-"));
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
// With the JavaScript snippets the views import (each view imports its own).
const snippets = scripts("snippets").map((f) => `/${f}`);
// Not the wasm of every view: it serves a browser whose storage is blocked, where the
// service worker's cache is too.
const urls = [
  ...main.map((f) => `/${f}`),
  ...views.filter((f) => !f.startsWith("view-all")).map((f) => `/${f}?v=${tags["pilot-audit-views"]}`),
  ...snippets,
];
writeFileSync(worker, code.replace(list, `const VIEWS = ${JSON.stringify(urls)};`));
