// Where the time goes when the library draws 500 saved pilots: a CPU profile (Chrome DevTools
// protocol) of one load, self time summed by function. Prints figures, asserts nothing.
import { readFileSync } from "node:fs";
import { start } from "../tests/e2e/server.mjs";
import { launch } from "../tests/e2e/browser.mjs";

const examples = JSON.parse(readFileSync(new URL("../src/audit/examples.json", import.meta.url))).pilots;
const server = await start();
const b = await launch(server.url);
const page = b.page;
await page.goto(server.url + "/");
await page.waitForSelector("body[data-app-ready]");
await page.evaluate((list) => {
  localStorage.clear();
  for (let i = 0; i < 500; i++) {
    const p = structuredClone(list[i % list.length]);
    p.id = `bench-${i}`;
    p.name = `${p.name} #${i}`;
    localStorage.setItem(`pilot-audit/v1/pilot/${p.id}`, JSON.stringify({ schema: 1, pilot: p }));
  }
}, examples);
const cdp = await page.context().newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
await cdp.send("Profiler.start");
const traceEvents = [];
cdp.on("Tracing.dataCollected", (e) => traceEvents.push(...e.value));
const traced = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
await cdp.send("Tracing.start", { categories: "devtools.timeline,v8.wasm,disabled-by-default-devtools.timeline", transferMode: "ReportEvents" });
const t0 = Date.now();
await page.goto(server.url + "/");
await page.waitForFunction(() => document.querySelectorAll("[data-testid=pilot-row]").length === 500, null, { timeout: 60000 });
const wall = Date.now() - t0;
const { profile } = await cdp.send("Profiler.stop");
await cdp.send("Tracing.end");
await traced;
const byName = new Map();
for (const e of traceEvents) {
  if (e.ph !== "X" || !e.dur) continue;
  if (!["Layout", "UpdateLayoutTree", "Paint", "ParseHTML", "PrePaint", "Layerize", "EvaluateScript", "v8.compile", "FunctionCall", "RunTask", "wasm.SyncCompile", "wasm.AsyncCompile", "v8.wasm.compileConsume", "wasm.CompileLazy", "Commit", "HitTest", "UpdateLayer", "IntersectionObserverController::computeIntersections"].includes(e.name) && !e.name.startsWith("wasm")) continue;
  byName.set(e.name, (byName.get(e.name) || 0) + e.dur / 1000);
}
console.log("trace, summed durations (nested events overlap):");
for (const [k, v] of [...byName].sort((a, b) => b[1] - a[1])) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
const self = new Map();
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++) {
  const n = byId.get(profile.samples[i]);
  const f = n.callFrame;
  const key = `${f.functionName || "(anonymous)"} ${f.url ? f.url.split("/").pop() : ""}`;
  self.set(key, (self.get(key) || 0) + (dt[i] || 0) / 1000);
}
const total = [...self.values()].reduce((a, b) => a + b, 0);
console.log(`load to 500 rows: ${wall} ms; profiled ${total.toFixed(0)} ms`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP || 25))) {
  console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
}
await b.close();
await server.close();
