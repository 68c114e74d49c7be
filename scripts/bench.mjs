// Pilot Audit benchmark: prints figures, asserts nothing. Run through scripts/bench.sh
// (which builds the release first). Measures, in headless Chromium on localhost:
//   first-load bytes (raw and gzip) of the library, and when ECharts is loaded;
//   time to interactive of the questionnaire (median of several runs);
//   keystroke to live-verdict update (p50, p95; share of a 16.7 ms frame);
//   library render with 500 saved pilots; compare render with 10; portfolio chart with 500.
import { gzipSync } from "node:zlib";
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

async function seed(page, pilots) {
  await page.evaluate((list) => {
    localStorage.clear();
    for (const p of list) localStorage.setItem(`pilot-audit/v1/pilot/${p.id}`, JSON.stringify({ schema: 1, pilot: p }));
  }, pilots);
}

const server = await start();
const b = await launch(server.url);
const page = b.page;
const out = [];
const say = (line) => {
  out.push(line);
  console.log(line);
};

// First load of the library: every byte the page fetched, raw and gzip.
const fetched = new Map();
page.on("response", async (res) => {
  const url = new URL(res.url());
  if (url.origin !== server.url) return;
  try {
    fetched.set(url.pathname, await res.body());
  } catch {}
});
await page.goto(server.url + "/");
await page.waitForSelector("body[data-app-ready]");
await page.waitForTimeout(300);
say("== First load of the library (bytes over the wire before any chart)");
let raw = 0;
let gz = 0;
for (const [path, body] of [...fetched].sort()) {
  const g = gzipSync(body, { level: 9 }).length;
  raw += body.length;
  gz += g;
  say(`  ${path.padEnd(44)} ${kb(body.length).padStart(10)} raw ${kb(g).padStart(10)} gzip`);
}
say(`  ${"total".padEnd(44)} ${kb(raw).padStart(10)} raw ${kb(gz).padStart(10)} gzip`);
say(`  ECharts or the chart module in the first load: ${[...fetched.keys()].some((p) => p.includes("charts")) ? "yes" : "no"}`);
const dist = new URL("../dist/", import.meta.url);
say("  Loaded when the first chart is shown:");
for (const file of readdirSync(dist).filter((f) => f.startsWith("echarts") || f.startsWith("charts"))) {
  const body = readFileSync(new URL(file, dist));
  say(`  ${("/" + file).padEnd(44)} ${kb(body.length).padStart(10)} raw ${kb(gzipSync(body, { level: 9 }).length).padStart(10)} gzip`);
}

// Time to interactive of the questionnaire: navigation start to the first field accepting input.
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
}, examples.find((p) => p.reliability.evidence !== "vendor_claim" && p.reliability.cases_evaluated > 0));
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
