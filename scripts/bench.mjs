// Pilot Audit benchmark: prints figures, asserts nothing. Run through scripts/bench.sh
// (which builds the release first). Measures, in headless Chromium on localhost:
//   first-load bytes (raw and gzip) of every view, and what each loads when first needed;
//   time to interactive of the questionnaire (median of several runs);
//   keystroke to live-verdict update (p50, p95; share of a 16.7 ms frame);
//   library render with 500 saved pilots; compare render with 10; portfolio chart with 500.
import { deflateSync, gzipSync } from "node:zlib";
import { readFileSync, readdirSync } from "node:fs";
import { start } from "../tests/e2e/server.mjs";
import { launch } from "../tests/e2e/browser.mjs";

const RUNS = 7;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const examples = JSON.parse(readFileSync(new URL("../src/audit/examples.json", import.meta.url))).pilots;

function manyPilots(n) {
  return Array.from({ length: n }, (_, i) => {
    const p = structuredClone(examples[i % examples.length]);
    p.id = `bench-${i}`;
    p.name = `${p.name} #${i}`;
    p.task.monthly_volume = Math.round(p.task.monthly_volume * (0.5 + ((i * 37) % 100) / 100));
    p.updated_at = new Date(Date.UTC(2026, 0, 1) + i * 3600e3).toISOString();
    return p;
  });
}

// Runs in the page: saves `list` as the app stores pilots, in place of what is stored
// (`replace`) or only into an empty storage.
function storePilots({ list, replace }) {
  if (replace) localStorage.clear();
  else if (localStorage.length > 0) return;
  for (const p of list) localStorage.setItem(`pilot-audit/v1/pilot/${p.id}`, JSON.stringify({ schema: 1, pilot: p }));
}

async function seed(page, pilots) {
  await page.evaluate(storePilots, { list: pilots, replace: true });
}

const server = await start();
const b = await launch(server.url);
const page = b.page;
const out = [];
const say = (line) => {
  out.push(line);
  console.log(line);
};

// First load of every view (DESIGN §7: at most 250 KB gzip each): every byte a fresh profile
// fetched from the origin until the view was shown, raw and gzip; then what the view loaded
// afterwards, when first needed (the chart module and ECharts, for the views with charts).
// The example pilots are in local storage before the page starts.
const BUDGET = 250 * 1024;
const sharedFragment = "v1." + deflateSync(JSON.stringify(examples[0])).toString("base64url");
const sharedComparison = "v1." + deflateSync(JSON.stringify({ format: "pilot-audit", version: 2, pilots: examples.slice(0, 3) })).toString("base64url");
const VIEWS = [
  ["library", "/", "[data-testid=pilot-row]"],
  ["questionnaire", `/pilot/${examples[0].id}/edit/2`, "#f-task-monthly_volume"],
  ["report", `/pilot/${examples[0].id}`, "[data-testid=verdict]"],
  ["compare", `/compare?ids=${examples.slice(0, 3).map((p) => p.id).join(",")}`, "thead th[data-pilot-id]"],
  ["standard", "/standard", "main h1"],
  ["shared report", `/share#${sharedFragment}`, "[data-testid=verdict]"],
  ["shared compare", `/share/compare#${sharedComparison}`, "thead th[data-pilot-id]"],
  ["not found", "/no/such/page", "main h1"],
];
const gzipOf = (body) => gzipSync(body, { level: 9 }).length;
say("== First load of each view, fresh profile (HTML, JS, wasm, CSS; gzip; budget 250 KB)");
let worst = 0;
for (const [name, path, shown] of VIEWS) {
  const v = await launch(server.url);
  await v.context.addInitScript(storePilots, { list: examples, replace: false });
  // When the app marked itself ready, in the page's own clock; a file requested before then
  // is part of the first load, one requested after loaded when first needed.
  await v.context.addInitScript(() => {
    new MutationObserver((_, obs) => {
      if (document.body?.hasAttribute("data-app-ready")) {
        window.__readyAt = performance.now();
        obs.disconnect();
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-app-ready"] });
  });
  const bodies = new Map();
  v.page.on("response", async (res) => {
    if (new URL(res.url()).origin !== server.url) return;
    try {
      bodies.set(new URL(res.url()).pathname, await res.body());
    } catch {}
  });
  await v.page.goto(server.url + path);
  await v.page.waitForSelector("body[data-app-ready]");
  await v.page.waitForSelector(shown);
  await v.page.waitForTimeout(1500);
  const { readyAt, requested } = await v.page.evaluate(() => ({
    readyAt: window.__readyAt,
    requested: performance.getEntriesByType("resource").map((r) => [new URL(r.name).pathname, r.startTime]),
  }));
  // Only the chart files may load after the app is ready; anything else counts in the first load.
  const lazy = (p) => p === "/charts.js" || p === "/charts_bg.wasm" || p.startsWith("/echarts");
  const late = new Set(requested.filter(([p, t]) => t > readyAt && lazy(p)).map(([p]) => p));
  const firstFiles = [...bodies].filter(([p]) => !late.has(p));
  const later = [...bodies].filter(([p]) => late.has(p));
  const sum = (list) => list.reduce((a, [, b]) => [a[0] + b.length, a[1] + gzipOf(b)], [0, 0]);
  const [raw, gz] = sum(firstFiles);
  worst = Math.max(worst, gz);
  const [, laterGz] = sum(later);
  say(`  ${name.padEnd(14)} ${path.slice(0, 40).padEnd(41)} ${kb(raw).padStart(10)} raw ${kb(gz).padStart(10)} gzip ${gz <= BUDGET ? "within" : "OVER"} budget` +
    (later.length ? `; then the charts, ${kb(laterGz)} gzip (${kb(gz + laterGz)} in all)` : ""));
  for (const [file, body] of firstFiles) say(`    ${file.padEnd(44)} ${kb(body.length).padStart(10)} raw ${kb(gzipOf(body)).padStart(10)} gzip`);
  await v.close();
}
say(`  largest first load: ${kb(worst)} gzip (budget 250.0 KB)`);
const dist = new URL("../dist/", import.meta.url);
say("  The lazily loaded files:");
for (const file of readdirSync(dist).filter((f) => f.startsWith("echarts") || f.startsWith("charts"))) {
  const body = readFileSync(new URL(file, dist));
  say(`  ${("/" + file).padEnd(44)} ${kb(body.length).padStart(10)} raw ${kb(gzipOf(body)).padStart(10)} gzip`);
}

// Time to interactive of the questionnaire: navigation start to the first field accepting input.
await page.goto(server.url + "/");
await page.getByRole("button", { name: "Load example pilots" }).click();
await page.locator("[data-testid=pilot-row]").nth(5).waitFor();
const tti = [];
for (let i = 0; i < RUNS; i++) {
  await page.goto(`${server.url}/pilot/example-ticket-triage/edit/2`);
  await page.waitForSelector("#f-task-monthly_volume");
  tti.push(await page.evaluate(() => performance.now()));
}
say(`== Questionnaire time to interactive: median ${median(tti).toFixed(0)} ms over ${RUNS} loads (${tti.map((t) => t.toFixed(0)).join(", ")})`);

// Keystroke to live verdict: time from the input event to the DOM update of the live panel.
await page.evaluate(() => {
  window.__latency = [];
  const panel = document.querySelector(".live-panel");
  const field = document.querySelector("#f-task-monthly_volume");
  field.addEventListener("input", () => {
    const t0 = performance.now();
    const obs = new MutationObserver(() => {
      window.__latency.push(performance.now() - t0);
      obs.disconnect();
    });
    obs.observe(panel, { subtree: true, childList: true, characterData: true });
  }, { capture: true });
});
await page.focus("#f-task-monthly_volume");
for (let i = 0; i < 60; i++) {
  await page.keyboard.press("Control+A");
  await page.keyboard.type(String(20 + ((i * 7919) % 90000)));
}
const lat = await page.evaluate(() => window.__latency);
say(`== Keystroke to live verdict over ${lat.length} keystrokes: p50 ${pct(lat, 50).toFixed(2)} ms (${((pct(lat, 50) / 16.7) * 100).toFixed(0)}% of a frame), p95 ${pct(lat, 95).toFixed(2)} ms (${((pct(lat, 95) / 16.7) * 100).toFixed(0)}% of a frame)`);

// The chance it pays: the chart module's 10,000 draws (DESIGN §10), timed in the page, for
// the first example with the buyer's own evidence, without and with a range on each answer
// that takes one (half to twice the answer).
const simulated = await page.evaluate(async (pilot) => {
  const module = await import("/charts.js");
  await module.default({ module_or_path: "/charts_bg.wasm" });
  const ranged = structuredClone(pilot);
  ranged.ranges = {};
  for (const [group, fields] of Object.entries({ task: ["monthly_volume", "human_minutes_per_task", "hourly_cost", "cost_per_error"], integration: ["one_off_cost", "monthly_maintenance"], compute: ["price_per_million_input", "price_per_million_output", "monthly_licence"] })) {
    for (const f of fields) ranged.ranges[`${group}.${f}`] = { low: pilot[group][f] * 0.5, high: pilot[group][f] * 2 + 1 };
  }
  const out = {};
  for (const [name, p] of [["no ranges", pilot], ["every range", ranged]]) {
    const json = JSON.stringify(p);
    const times = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      module.simulation(json);
      times.push(performance.now() - t0);
    }
    out[name] = times;
  }
  return out;
}, examples.find((p) => (p.reliability.batches ?? []).some((b) => b.source !== "vendor_test" && b.cases > 0)));
for (const [name, times] of Object.entries(simulated)) {
  say(`== Simulation of 10,000 draws in the browser (chart module), ${name}: median ${median(times).toFixed(1)} ms (${times.map((t) => t.toFixed(1)).join(", ")})`);
}

// 500 saved pilots: library render, then the portfolio (compare of 10 with the scatter of 500).
const many = manyPilots(500);
await seed(page, many);
const lib = [];
for (let i = 0; i < 3; i++) {
  const t0 = Date.now();
  await page.goto(server.url + "/");
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=pilot-row]").length === 500, null, { timeout: 60000 });
  lib.push(Date.now() - t0);
}
say(`== Library with 500 saved pilots, load to 500 rows shown: median ${median(lib)} ms (${lib.join(", ")})`);
const ids = many.slice(0, 10).map((p) => p.id).join(",");
const cmp = [];
for (let i = 0; i < 3; i++) {
  const t0 = Date.now();
  await page.goto(`${server.url}/compare?ids=${ids}`);
  await page.waitForFunction(() => document.querySelectorAll("thead th[data-pilot-id]").length === 10, null, { timeout: 60000 });
  const table = Date.now() - t0;
  await page.waitForFunction(() => document.querySelectorAll("[data-testid=chart] svg").length === 2, null, { timeout: 60000 });
  cmp.push([table, Date.now() - t0]);
}
say(`== Compare of 10 among 500 saved: table shown in median ${median(cmp.map((c) => c[0]))} ms, radar and 500-point portfolio drawn in median ${median(cmp.map((c) => c[1]))} ms`);
await b.close();
await server.close();
