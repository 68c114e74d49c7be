// Trunk post_build hook. The chart module (charts.js, charts_bg.wasm) and ECharts carry no
// hash in their names, so index.html names their build instead: a hash of their bytes in
// <meta name="pilot-audit-charts">, which the app puts in their URLs (?v=). A release whose
// charts changed is then never served an older copy from a cache, even when the app's own
// wasm did not change.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error("run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)");
const hash = createHash("sha256");
for (const file of ["charts.js", "charts_bg.wasm", "echarts.pilot-audit.min.js"]) {
  hash.update(readFileSync(join(dir, file)));
}
const tag = hash.digest("hex").slice(0, 16);
const page = join(dir, "index.html");
const html = readFileSync(page, "utf8");
// The tag as written in index.html, or as Trunk's minifier leaves it (attributes reordered,
// quotes dropped).
const meta = /<meta\b[^>]*\bname="?pilot-audit-charts"?[^>]*>/;
const found = html.match(meta);
if (!found || !/content="?unstamped"?/.test(found[0])) {
  throw new Error('index.html lacks <meta name="pilot-audit-charts" content="unstamped">');
}
const stamped = found[0].replace(/content="?unstamped"?/, `content="${tag}"`);
writeFileSync(page, html.replace(found[0], stamped));
