// Ranges on answers and the chance a pilot pays (issue 16, DESIGN §10) end to end: a range
// opened, refused, fixed, saved and removed on the questionnaire; the simulation drawn in
// the chart module with the same figures as the engine natively; its histogram, the
// appendix, compare's row and the printed report.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { start } from "./server.mjs";
import { launch, openWithExamples, axeViolations, OUTPUT } from "./browser.mjs";
import { pageCount } from "./paper.mjs";

let server;
let dir;
before(async () => {
  server = await start();
  dir = await mkdtemp(join(tmpdir(), "pilot-audit-uncertainty-"));
});
after(async () => {
  await server.close();
});

const end = (path, which) => `#f-ranges-${path.replace(".", "-")}-${which}`;
const VOLUME = "task.monthly_volume";

/** Money as the page writes it ("-$1,234,567"), as a number. */
const amount = (text) => Number(text.replace(/[^0-9.-]/g, ""));

/** The engine's own simulation of the pilots in `file`, natively (examples/simulate.rs). */
function native(file) {
  const out = execFileSync("cargo", ["run", "--quiet", "--example", "simulate", "--", file]).toString();
  return Object.fromEntries(out.trim().split("\n").map((line) => {
    const { id, simulation } = JSON.parse(line);
    return [id, simulation];
  }));
}

test("a range is opened, refused, fixed and saved; the report draws the chance it pays with the engine's figures", async () => {
  const b = await launch(server.url, { width: 1280, height: 900 }, { bypassCSP: true });
  const page = b.page;
  try {
    await openWithExamples(page, server.url);
    await page.goto(`${server.url}/pilot/example-ticket-triage/edit/2`);
    // Closed by default; one click opens it, focus on its low end, ±25% of the answer.
    await page.getByRole("button", { name: "Add a range to monthly volume" }).click();
    await page.waitForFunction((id) => document.activeElement?.id === id, end(VOLUME, "low").slice(1));
    assert.equal(await page.inputValue(end(VOLUME, "low")), "45000");
    assert.equal(await page.inputValue(end(VOLUME, "high")), "75000");
    // A low end above the answer is refused at the field and in the summary.
    await page.fill(end(VOLUME, "low"), "70000");
    assert.match(await page.locator(`${end(VOLUME, "low")}-error`).textContent(), /must not be above the answer \(60000\)/);
    await page.getByRole("button", { name: "Next" }).click();
    const link = page.locator("#error-summary").getByRole("link", { name: /Monthly volume, low end: must not be above the answer/ });
    await link.click();
    await page.waitForFunction((id) => document.activeElement?.id === id, end(VOLUME, "low").slice(1));
    // "1,5" is refused with what was read, never read as 15.
    await page.fill(end(VOLUME, "high"), "1,5");
    assert.match(await page.locator(`${end(VOLUME, "high")}-error`).textContent(), /1,5/);
    // A range from 0: the draws that lose money are part of the picture.
    await page.fill(end(VOLUME, "low"), "0");
    await page.fill(end(VOLUME, "high"), "90000");
    assert.equal(await page.locator(".field-error").count(), 0);
    // A second range, removed again: nothing of it is kept.
    await page.getByRole("button", { name: "Add a range to cost per error" }).click();
    await page.getByRole("button", { name: "Remove range of cost per error" }).click();
    await page.waitForFunction(() => document.activeElement?.id === "f-task-cost_per_error-range");
    assert.deepEqual(await axeViolations(page), []);
    // Kept across a reload, open.
    await page.reload();
    await page.waitForSelector("body[data-app-ready]");
    assert.equal(await page.inputValue(end(VOLUME, "high")), "90000");
    // A one-off cost that may run to twenty million: some draws lose money.
    await page.goto(`${server.url}/pilot/example-ticket-triage/edit/4`);
    await page.getByRole("button", { name: "Add a range to one-off cost" }).click();
    await page.fill(end("integration.one_off_cost", "low"), "90000");
    await page.fill(end("integration.one_off_cost", "high"), "20000000");
    // Saved: the record holds the ranges, in the file's words.
    const record = await page.evaluate(() => JSON.parse(localStorage.getItem("pilot-audit/v1/pilot/example-ticket-triage")));
    assert.deepEqual(record.pilot.ranges, { [VOLUME]: { low: 0, high: 90000 }, "integration.one_off_cost": { low: 90000, high: 20000000 } });

    // The report draws it: the same figures as the engine natively.
    const file = join(dir, "triage.json");
    await writeFile(file, JSON.stringify(record.pilot));
    const expected = native(file)["example-ticket-triage"];
    await page.goto(`${server.url}/pilot/example-ticket-triage`);
    await page.locator("[data-testid=simulation] figure[data-drawn]").waitFor({ timeout: 20000 });
    for (const [testid, value] of [["npv-median", expected.npv_p50]]) {
      assert.ok(Math.abs(amount(await page.getByTestId(testid).textContent()) - value) <= 1, `${testid}: ${value}`);
    }
    const [p5, p95] = (await page.getByTestId("npv-range").textContent()).split(" to ").map(amount);
    assert.ok(Math.abs(p5 - expected.npv_p5) <= 1 && Math.abs(p95 - expected.npv_p95) <= 1, `${p5} ${p95} vs ${expected.npv_p5} ${expected.npv_p95}`);
    assert.ok(expected.p_npv_positive > 0.5 && expected.p_npv_positive < 1, `draws lose and pay: ${expected.p_npv_positive}`);
    assert.equal(await page.getByTestId("p-npv-positive").textContent(), `${(expected.p_npv_positive * 100).toFixed(1).replace(/\.0$/, "")}%`);
    assert.match(await page.getByTestId("simulation").textContent(), /of 2 answers given as ranges: monthly volume, one-off cost/);
    // The histogram: both colours, zero marked.
    const chart = page.locator("[data-testid=simulation] [data-testid=chart]");
    const svgText = await chart.locator("svg").textContent();
    for (const word of ["Loses money", "Pays", "NPV 0", "thousands of USD"]) assert.ok(svgText.includes(word), `histogram: ${word}`);
    assert.equal(await chart.getAttribute("role"), "img");
    assert.deepEqual(await axeViolations(page), []);
    // The appendix gives the answer with its range.
    await page.evaluate(() => document.body.classList.add("print-answers"));
    const withAnswers = join(OUTPUT, "uncertainty-answers.pdf");
    await page.pdf({ path: withAnswers, format: "A4", printBackground: true });
    await page.evaluate(() => document.body.classList.remove("print-answers"));
    assert.ok(execFileSync("pdftotext", [withAnswers, "-"]).toString().includes("60000 (0 to 90000)"), "the range in the appendix");
    // On paper, two pages, the chance it pays in one sentence.
    const pdf = join(OUTPUT, "uncertainty-A4.pdf");
    await page.pdf({ path: pdf, format: "A4", printBackground: true });
    assert.ok(pageCount(pdf) <= 2, `${pageCount(pdf)} pages`);
    const text = execFileSync("pdftotext", [pdf, "-"]).toString().replace(/\s+/g, " ");
    assert.ok(text.includes("Chance it pays, from 10,000 draws"), "the sentence prints");
    assert.ok(!text.includes("Chance the NPV is above zero"), "the tiles do not");

    // Compare: P(NPV > 0) per pilot; the pilot without its own evidence is told to test first.
    await page.goto(`${server.url}/compare?ids=example-ticket-triage,example-invoice-erp,example-gpu-cluster`);
    const row = page.locator("tr[data-row='Chance NPV is above zero']");
    await row.waitFor();
    await page.waitForFunction(() => !document.querySelector("tr[data-row='Chance NPV is above zero']").textContent.includes("drawing"), null, { timeout: 20000 });
    const cells = await row.locator("td").allTextContents();
    assert.match(cells[0], /^\d+(\.\d)?%$/);
    assert.match(cells[1], /over 99\.9% ★/);
    assert.equal(cells[2], "test first");
    assert.deepEqual(b.problems.page, []);
    assert.deepEqual(b.problems.console, []);
    assert.deepEqual(b.problems.foreign, []);
  } finally {
    await b.close();
  }
});

test("without the buyer's own evidence the report says to test first and draws nothing", async () => {
  const b = await launch(server.url);
  const page = b.page;
  try {
    await openWithExamples(page, server.url);
    await page.goto(`${server.url}/pilot/example-gpu-cluster`);
    await page.getByTestId("test-first").waitFor();
    assert.match(await page.getByTestId("test-first").textContent(), /the chance it pays need your own counted evidence/);
    assert.equal(await page.getByTestId("simulation").count(), 0);
    assert.equal(await page.getByTestId("simulation-pending").count(), 0);
    assert.deepEqual(b.problems.page, []);
  } finally {
    await b.close();
  }
});
