// The GPU block and the other option in the questionnaire (DESIGN §12, issue 28 point 1–2):
// a hosted pilot's GPUs described field by field, its capacity and reserved compute then
// derived and read-only (worked out here from §12's formula, not read from the app), a bad
// count refused at its field and in the error summary, the purchase helper, the other
// option's API prices, all kept across a reload and priced on the report; axe and 360 px.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { start } from "./server.mjs";
import { axeViolations, expectFocus, launch, openWithExamples, OUTPUT } from "./browser.mjs";

const GOLDEN = JSON.parse(readFileSync(new URL("../golden/sourcing.json", import.meta.url)));
const row = GOLDEN.pilots.find((p) => p.name === "kyc-3.5x-frontier");

let server;
before(async () => (server = await start()));
after(() => server.close());

/** §12: GPUs × 730 × (hourly + kW × PUE × kWh price) + operations hours × their rate. */
const reserved = (g, peopleHourly) =>
  g.gpus * 730 * (g.hourly_cost + g.power_kw * g.pue * g.price_per_kwh) + g.ops_hours_per_month * (g.ops_hourly_cost ?? peopleHourly);

test("a hosted pilot's GPUs are described in the form and give its capacity and compute", async () => {
  const pilot = structuredClone(row.pilot);
  const gpu = pilot.compute.gpu;
  delete pilot.compute.gpu;
  delete pilot.compute.alternative;
  const file = `${OUTPUT}gpus-pilot.json`;
  writeFileSync(file, JSON.stringify({ format: "pilot-audit", version: 3, pilots: [pilot] }));
  const b = await launch(server.url, { width: 1280, height: 900 }, { bypassCSP: true });
  const page = b.page;
  const value = (id) => page.locator(`#${id}`).inputValue();
  try {
    await openWithExamples(page, server.url);
    await page.getByTestId("import-input").setInputFiles(file);
    await page.getByTestId("import-confirm").click();
    await page.locator(`[data-pilot-id="${pilot.id}"]`).waitFor();
    await page.goto(`${server.url}/pilot/${pilot.id}/edit/5`);
    await page.waitForSelector("body[data-app-ready]");
    // Without a block: the two plain figures are typed.
    assert.equal(await page.locator("#f-compute-monthly_fixed_compute").getAttribute("readonly"), null);
    assert.equal(await value("f-compute-monthly_fixed_compute"), "14000");
    await page.getByTestId("add-gpus").click();
    await expectFocus(page, "f-compute-gpu-gpus");
    for (const [name, v] of Object.entries(gpu)) {
      await page.locator(`#f-compute-gpu-${name}`).fill(String(v));
    }
    // Derived and read-only, as §12 computes them.
    const fixed = page.locator("#f-compute-monthly_fixed_compute");
    assert.notEqual(await fixed.getAttribute("readonly"), null);
    const expected = reserved(gpu, pilot.task.hourly_cost);
    assert.ok(Math.abs(Number(await fixed.inputValue()) - expected) < 0.006, `${await fixed.inputValue()} vs ${expected}`);
    assert.equal(Number(await value("f-compute-provisioned_tasks_per_month")), gpu.gpus * gpu.tasks_per_gpu_hour * 730);
    // A count of 0 is refused at the field with its range, and named in the summary.
    await page.locator("#f-compute-gpu-gpus").fill("0");
    await page.getByRole("button", { name: "Check your answers" }).click();
    const summary = page.locator("#error-summary");
    await summary.waitFor();
    assert.match(await summary.innerText(), /GPUs: GPUs \(count\)[\s\S]*must be between 1 and 100,000 GPUs/);
    assert.match(await page.locator("#f-compute-gpu-gpus-error").innerText(), /must be between 1 and 100,000 GPUs/);
    assert.match(await fixed.inputValue(), /correct the GPUs first/);
    await page.locator("#f-compute-gpu-gpus").fill("7");
    // The purchase helper: 30,000 over 36 months is 30,000 ÷ 36 ÷ 730 an hour.
    await page.getByTestId("amortise").locator("summary").click();
    await page.locator("#f-compute-gpu-amortise-price").fill("30000");
    await page.locator("#f-compute-gpu-amortise-months").fill("0");
    assert.match(await page.locator("#f-compute-gpu-amortise-months-error").innerText(), /must be between 1 and 240 months/);
    await page.locator("#f-compute-gpu-amortise-months").fill("36");
    assert.match(await page.getByTestId("amortised").innerText(), /^\$1\.14 an hour/);
    await page.getByRole("button", { name: "Use this hourly cost" }).click();
    assert.equal(await value("f-compute-gpu-hourly_cost"), String(Number((30000 / 36 / 730).toFixed(6))));
    await expectFocus(page, "f-compute-gpu-hourly_cost");
    // The other option: an API's prices.
    await page.getByTestId("add-alternative").click();
    await expectFocus(page, "f-compute-alternative-price_per_million_input");
    await page.locator("#f-compute-alternative-price_per_million_input").fill("3");
    await page.locator("#f-compute-alternative-price_per_million_output").fill("15");
    assert.deepEqual(await axeViolations(page), []);
    await page.locator(".step-form").screenshot({ path: `${OUTPUT}gpus-1280.png` });
    // Kept across a reload, on the file's paths.
    await page.reload();
    await page.waitForSelector("body[data-app-ready]");
    assert.equal(await value("f-compute-gpu-gpus"), "7");
    assert.equal(await value("f-compute-alternative-price_per_million_output"), "15");
    const stored = await page.evaluate((id) => JSON.parse(localStorage.getItem(`pilot-audit/v1/pilot/${id}`)), pilot.id);
    const saved = stored.pilot.compute;
    assert.equal(saved.gpu.gpus, 7);
    assert.equal(saved.gpu.hourly_cost, 30000 / 36 / 730);
    assert.equal(saved.alternative.price_per_million_input, 3);
    // Priced on the report, both options.
    await page.goto(`${server.url}/pilot/${pilot.id}`);
    await page.waitForSelector("body[data-app-ready]");
    const text = await page.getByTestId("sourcing").innerText();
    assert.match(text, /An open model the buyer hosts/);
    assert.match(text, /A third-party API/);
    // Check your answers lists the block, the other option and the derived figures.
    await page.goto(`${server.url}/pilot/${pilot.id}/edit/6`);
    await page.waitForSelector("body[data-app-ready]");
    const row = (label) => page.locator(".review__row", { has: page.locator("dt", { hasText: label }) }).first();
    assert.match(await row("GPUs").innerText(), /GPUs \(count\) 7 · Cost per GPU-hour \(USD an hour\) 1\.141553 · Tasks per GPU-hour/);
    assert.match(await row("The other option").innerText(), /An API: Price of input tokens \(USD per million\) 3 · Price of output tokens \(USD per million\) 15/);
    const derived = Math.round(reserved({ ...gpu, hourly_cost: 30000 / 36 / 730 }, pilot.task.hourly_cost) * 100) / 100;
    assert.ok((await row("Reserved compute").innerText()).includes(`${derived} (from the GPUs)`), await row("Reserved compute").innerText());
    await row("GPUs").getByRole("link", { name: "Change GPUs" }).click();
    await expectFocus(page, "f-compute-gpu-gpus");
    // At 360 px: nothing scrolls sideways, axe clean.
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`${server.url}/pilot/${pilot.id}/edit/5`);
    await page.waitForSelector("body[data-app-ready]");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
    assert.deepEqual(await axeViolations(page), []);
    await page.getByTestId("gpus").screenshot({ path: `${OUTPUT}gpus-360.png` });
    // Removing the GPUs gives back the plain figures, as they were.
    await page.getByTestId("remove-compute.gpu").click();
    await expectFocus(page, "add-gpus");
    assert.equal(await page.locator("#f-compute-monthly_fixed_compute").getAttribute("readonly"), null);
    assert.equal(await value("f-compute-monthly_fixed_compute"), "14000");
    assert.deepEqual(b.problems, { console: [], page: [], foreign: [] });
  } finally {
    await b.close();
  }
});

test("an API pilot prices GPUs of its own as the other option", async () => {
  const b = await launch(server.url, { width: 1280, height: 900 });
  const page = b.page;
  try {
    await openWithExamples(page, server.url);
    const id = await page.locator("[data-testid=pilot-row]").first().getAttribute("data-pilot-id");
    await page.goto(`${server.url}/pilot/${id}/edit/5`);
    await page.waitForSelector("body[data-app-ready]");
    await page.locator("#f-compute-sourcing").selectOption("third_party_api");
    assert.equal(await page.getByTestId("gpus").count(), 0, "no own GPUs for an API pilot");
    await page.getByTestId("add-alternative").click();
    await expectFocus(page, "f-compute-alternative-gpu-gpus");
    const g = { gpus: 2, hourly_cost: 2, tasks_per_gpu_hour: 100, power_kw: 0.7, pue: 1.4, price_per_kwh: 0.2, ops_hours_per_month: 10, ops_hourly_cost: 80 };
    for (const [name, v] of Object.entries(g)) {
      await page.locator(`#f-compute-alternative-gpu-${name}`).fill(String(v));
    }
    const words = await page.getByTestId("alternative-derived").innerText();
    const cost = reserved(g, 0).toLocaleString("en-US", { minimumFractionDigits: 0, maximumFractionDigits: 0 });
    assert.ok(words.includes("146,000 tasks a month"), words);
    assert.ok(words.includes(cost.slice(0, 5)), `${cost} in ${words}`);
    assert.deepEqual(b.problems, { console: [], page: [], foreign: [] });
  } finally {
    await b.close();
  }
});
