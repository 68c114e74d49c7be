// The evidence log and the test plan (issue 15, DESIGN §9) end to end: batches added,
// edited, deleted and restored on the reliability step; errors at the field and in the
// summary; drift, the plan and the log on the report and on paper; counted cases, plan and
// drift in the library and compare; a log of 10,000 batches imported and edited.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFile, mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { start } from "./server.mjs";
import { launch, open, openWithExamples, axeViolations, OUTPUT } from "./browser.mjs";
import { pageCount } from "./paper.mjs";
import { execFileSync } from "node:child_process";

// The example pilots as version 1 wrote them (their ids are the examples' own).
const EXAMPLES = JSON.parse(await readFile(new URL("../golden/version1.json", import.meta.url), "utf8"));
let server;
let dir;
before(async () => {
  server = await start();
  dir = await mkdtemp(join(tmpdir(), "pilot-audit-evidence-"));
});
after(async () => {
  await server.close();
});

const input = (i, name) => `#f-reliability-batches-${i}-${name}`;

test("batches are added, edited, deleted and restored; drift, plan and log reach the report, library and compare", async () => {
  const b = await launch(server.url, { width: 1280, height: 900 }, { bypassCSP: true });
  const page = b.page;
  try {
    await openWithExamples(page, server.url);
    await page.goto(`${server.url}/pilot/example-ticket-triage/edit/3`);
    await page.getByTestId("add-batch").waitFor();
    // The example migrated from file version 1: its 800 cases are one batch.
    assert.equal(await page.getByTestId("batch-editor").count(), 1);
    assert.match(await page.getByTestId("counted-summary").textContent(), /Counted: 800 cases, 0 failures/);
    // A second batch, worse than the first: focus lands on its date, dated today.
    await page.getByTestId("add-batch").click();
    await page.waitForFunction(() => document.activeElement?.id === "f-reliability-batches-1-date");
    assert.match(await page.inputValue(input(1, "date")), /^\d{4}-\d{2}-\d{2}$/);
    // Failures above the cases: the error shows at the field…
    await page.fill(input(1, "cases"), "10");
    await page.fill(input(1, "failures"), "12");
    const error = page.locator(`${input(1, "failures")}-error`);
    await error.waitFor();
    assert.match(await error.textContent(), /must not exceed the batch's cases \(10\)/);
    // …and in the summary after Next, whose link focuses the input.
    await page.getByRole("button", { name: "Next" }).click();
    const summary = page.locator("#error-summary");
    await summary.waitFor();
    const link = summary.getByRole("link", { name: /Batch 2 \(\d{4}-\d{2}-\d{2}\): Failures \(count\): must not exceed/ });
    await link.click();
    await page.waitForFunction(() => document.activeElement?.id === "f-reliability-batches-1-failures");
    // "1,5"-style input is refused with what was read, never misread.
    await page.fill(input(1, "cases"), "1,5");
    assert.match(await page.locator(`${input(1, "cases")}-error`).textContent(), /1,5/);
    await page.fill(input(1, "cases"), "1200");
    await page.fill(input(1, "failures"), "9");
    await page.fill(input(1, "note"), "Second sample, after the prompt change");
    assert.match(await page.getByTestId("counted-summary").textContent(), /Counted: 2,000 cases, 9 failures/);
    // Delete it, then undo: it comes back where it was.
    await page.getByRole("button", { name: "Delete batch 2" }).click();
    await page.getByTestId("batch-deleted").waitFor();
    assert.equal(await page.getByTestId("batch-editor").count(), 1);
    await page.waitForFunction(() => document.activeElement?.id === "undo-batch");
    await page.getByRole("button", { name: "Undo" }).click();
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=batch-editor]").length === 2);
    await page.waitForFunction(() => document.activeElement?.id === "f-reliability-batches-1-date");
    assert.equal(await page.inputValue(input(1, "failures")), "9");
    // A plan set today.
    await page.getByTestId("set-plan").click();
    await page.fill("#f-reliability-plans-in_force-allowed_failures", "2");
    await page.waitForFunction(() => document.querySelector("[data-testid=plan-in-force]")?.textContent.includes("Failed"));
    assert.deepEqual(await axeViolations(page), []);
    await page.screenshot({ path: `${OUTPUT}evidence-step-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: `${OUTPUT}evidence-step-360.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the step fits 360 px (overflow ${overflow})`);
    await page.setViewportSize({ width: 1280, height: 900 });
    // A reload keeps every batch (each change is saved at once).
    await page.reload();
    await page.getByTestId("add-batch").waitFor();
    assert.equal(await page.getByTestId("batch-editor").count(), 2);

    // The report: drift flagged, the plan failed, the log newest first, a sixth chart.
    await page.goto(`${server.url}/pilot/example-ticket-triage`);
    await page.waitForFunction(() => document.querySelectorAll("figure.chart-figure[data-drawn]").length >= 6 && !document.querySelector("figure.chart-figure:not([data-drawn]), [data-pending]"), null, { timeout: 15000 });
    assert.match(await page.getByTestId("drift").textContent(), /^Flagged: the latest batches fail more often \(p = 0\.\d+/);
    assert.match(await page.getByTestId("plan-status").textContent(), /^Failed: 1,200 of [\d,]+ planned cases, 9 failures/);
    assert.equal(await page.getByTestId("counted-evidence").textContent(), "2,000 cases, 9 failures");
    const rows = await page.getByTestId("batch-row").allTextContents();
    assert.ok(rows[0].includes("Second sample") && rows[1].includes("800"), rows.join(" | "));
    const pdf = `${OUTPUT}evidence-report-A4.pdf`;
    await page.pdf({ path: pdf, format: "A4", printBackground: true });
    assert.ok(pageCount(pdf) <= 2, `${pageCount(pdf)} pages`);
    const text = execFileSync("pdftotext", [pdf, "-"]).toString().replace(/\s+/g, " ");
    assert.ok(text.includes("Evidence log, newest first: 2 batches") && text.includes("Evidence log: lower bound after each batch"), "log and history on paper");

    // Library and compare.
    await page.goto(`${server.url}/`);
    const row = page.locator("[data-pilot-id=example-ticket-triage]");
    await row.waitFor();
    assert.equal(await row.getByTestId("row-counted").textContent(), "2,000");
    assert.equal(await row.getByTestId("row-plan").textContent(), "failed");
    assert.equal(await row.getByTestId("row-drift").count(), 1);
    await page.goto(`${server.url}/compare?ids=example-ticket-triage,example-invoice-erp`);
    const table = page.locator("table.compare-table");
    await table.waitFor();
    const cells = await table.locator("tr", { hasText: "Drift" }).locator("td").allTextContents();
    assert.ok(cells[0].startsWith("flagged") && cells[1] === "not tested", cells.join(" | "));
    assert.deepEqual(b.problems.page, []);
    assert.deepEqual(b.problems.console, []);
  } finally {
    await b.close();
  }
});

test("a log of 10,000 batches imports, opens, and edits; the report prints its latest five", async () => {
  const b = await launch(server.url);
  const page = b.page;
  try {
    await open(page, server.url, "/");
    const pilot = structuredClone(EXAMPLES.pilots[0]);
    delete pilot.reliability.cases_evaluated;
    delete pilot.reliability.failures_observed;
    delete pilot.reliability.evidence;
    pilot.id = "long-log";
    pilot.reliability.batches = Array.from({ length: 10000 }, (_, i) => ({
      date: `2025-${String(1 + Math.floor(i / 1000)).padStart(2, "0")}-${String(1 + Math.floor((i % 1000) / 40)).padStart(2, "0")}`,
      cases: 500,
      failures: 0,
      source: "buyer_production",
      model_version: "v3",
      note: `Daily check ${i + 1}`,
    }));
    pilot.reliability.plans = [];
    const path = join(dir, "long-log.json");
    const text = JSON.stringify({ format: "pilot-audit", version: 2, pilots: [pilot] });
    await writeFile(path, text);
    assert.ok(text.length < 5 * 1024 * 1024, `${text.length} bytes`);
    await page.getByTestId("import-input").setInputFiles(path);
    await page.getByTestId("import-confirm").click();
    await page.locator("[data-pilot-id=long-log]").waitFor();
    const started = Date.now();
    await page.goto(`${server.url}/pilot/long-log/edit/3`);
    await page.getByTestId("add-batch").waitFor();
    const opened = Date.now() - started;
    // The newest 20 are shown; the rest on request.
    assert.equal(await page.getByTestId("batch-editor").count(), 20);
    await page.getByRole("button", { name: "Show the 9,980 earlier batches" }).waitFor();
    // Typing in the newest batch stays quick: the live verdict follows.
    const typed = Date.now();
    await page.fill(input(9999, "failures"), "400");
    await page.waitForFunction(() => document.querySelector("[data-testid=counted-summary]")?.textContent.includes("400 failures"));
    const followed = Date.now() - typed;
    console.log(`10,000 batches: ${text.length} bytes; step opened in ${opened} ms; an edit reached the summary in ${followed} ms`);
    await page.goto(`${server.url}/pilot/long-log`);
    await page.waitForFunction(() => document.querySelectorAll("figure.chart-figure[data-drawn]").length >= 6 && !document.querySelector("figure.chart-figure:not([data-drawn]), [data-pending]"), null, { timeout: 30000 });
    const pdf = `${OUTPUT}long-log-A4.pdf`;
    await page.pdf({ path: pdf, format: "A4", printBackground: true });
    assert.ok(pageCount(pdf) <= 2, `${pageCount(pdf)} pages`);
    const printed = execFileSync("pdftotext", [pdf, "-"]).toString().replace(/\s+/g, " ");
    assert.ok(printed.includes("and 9,997 batches earlier, listed in the app"), "the rest counted on paper");
    assert.equal((printed.match(/Our own production measurements/g) || []).length, 3, "three batches on paper");
    assert.equal((printed.match(/Daily check/g) || []).length, 0, "without their notes");
    assert.deepEqual(b.problems.page, []);
  } finally {
    await b.close();
  }
});

test("a version-1 record loads as it was, assesses as before, and is rewritten only with the next change", async () => {
  const b = await launch(server.url);
  const page = b.page;
  try {
    await open(page, server.url, "/");
    const key = "pilot-audit/v1/pilot/v1-record";
    const raw = JSON.stringify({ schema: 1, pilot: { ...EXAMPLES.pilots[1], id: "v1-record", name: "Written by version 1" } });
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [key, raw]);
    await page.reload();
    await page.locator("[data-pilot-id=v1-record]").waitFor();
    await page.goto(`${server.url}/pilot/v1-record`);
    await page.getByTestId("verdict").waitFor();
    // The ticket-triage example's figures: Fix, 76, its 800 cases as one batch.
    assert.equal(await page.getByTestId("verdict").textContent(), "Fix");
    assert.equal(await page.getByTestId("score").textContent(), "76");
    assert.equal(await page.getByTestId("counted-evidence").textContent(), "800 cases, 0 failures");
    await page.goto(`${server.url}/pilot/v1-record/edit/3`);
    await page.getByTestId("batch-editor").waitFor();
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), raw, "not rewritten by reading");
    // The next change writes the current record schema (4: version 3's pilot).
    await page.goto(`${server.url}/pilot/v1-record/edit/1`);
    await page.fill("#f-owner", "Ana Lima");
    await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).schema === 4, key);
    const stored = await page.evaluate((k) => JSON.parse(localStorage.getItem(k)), key);
    assert.equal(stored.pilot.reliability.batches.length, 1);
    assert.equal(stored.pilot.reliability.batches[0].cases, 800);
    assert.equal(stored.pilot.reliability.cases_evaluated, undefined);
    assert.deepEqual(b.problems.page, []);
  } finally {
    await b.close();
  }
});
