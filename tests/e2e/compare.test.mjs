// The second job end to end: choose three example pilots in the library by keyboard,
// compare them, check the best-value marks against the independent reference's figures,
// reorder and remove columns through the URL, print on landscape A4, and pass axe.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { start } from "./server.mjs";
import { launch, open, openWithExamples, axeViolations, OUTPUT } from "./browser.mjs";
import { inkShare } from "./paper.mjs";
import { example } from "./golden.mjs";

const golden = (id) => example(id);
let server;
before(async () => {
  server = await start();
});
after(async () => {
  await server.close();
});

test("compare three examples: order by score, best marks, URL state, print, axe", async () => {
  const b = await launch(server.url, { width: 1280, height: 800 }, { bypassCSP: true });
  const page = b.page;
  try {
    await openWithExamples(page, server.url);
    // Tick three pilots with the keyboard.
    for (const name of ["Support ticket triage", "Invoice fields into the ERP", "Medical claims coding"]) {
      await page.getByRole("checkbox", { name: `Select ${name}` }).focus();
      await page.keyboard.press("Space");
    }
    await page.getByRole("link", { name: "Compare selected" }).click();
    // Default order: by score (invoice 95, triage 76, claims 66).
    await page.waitForURL(`${server.url}/compare?ids=example-invoice-erp,example-ticket-triage,example-claims-coding`);
    const table = page.getByTestId("compare-table");
    await table.waitFor();
    const heads = await table.locator("thead th[data-pilot-id]").evaluateAll((ths) => ths.map((th) => th.dataset.pilotId));
    assert.deepEqual(heads, ["example-invoice-erp", "example-ticket-triage", "example-claims-coding"]);
    // Best marks agree with the reference's figures.
    const ids = heads;
    const bestColumn = async (label) =>
      (await table.locator(`tr[data-row="${label}"] td`).evaluateAll((tds) => tds.map((td) => td.dataset.best === "true")));
    const argmax = (values) => values.map((v) => v === Math.max(...values));
    const argmin = (values) => values.map((v) => v === Math.min(...values));
    assert.deepEqual(await bestColumn("Net present value"), argmax(ids.map((id) => golden(id).expected.npv)));
    assert.deepEqual(await bestColumn("Net value a month"), argmax(ids.map((id) => golden(id).expected.monthly_net_value)));
    assert.deepEqual(await bestColumn("AI cost per task"), argmin(ids.map((id) => golden(id).expected.ai_cost_per_task)));
    assert.deepEqual(await bestColumn("Payback"), argmin(ids.map((id) => golden(id).expected.payback_months)));
    assert.deepEqual(await bestColumn("Reliability lower bound"), argmax(ids.map((id) => golden(id).L)));
    assert.deepEqual(await bestColumn("Cases still needed"), argmin(ids.map((id) => golden(id).cases_needed)));
    assert.ok((await table.locator("caption").textContent()).includes("Lower is better for cases still needed, AI cost per task, payback and AI cost per successful task; higher"));
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=chart] svg").length === 2, null, { timeout: 15000 });
    // Both reference lines of the portfolio are drawn (ECharts skips a mark line on a log axis
    // it cannot place, silently).
    const scatterText = await page.locator("[data-testid=chart] svg").nth(1).textContent();
    for (const label of ["99.9% reliable", "break-even", "failure rate, at most"]) {
      assert.ok(scatterText.includes(label), `${label} in the portfolio: ${scatterText}`);
    }
    await page.screenshot({ path: `${OUTPUT}compare-table-1280.png`, fullPage: true });
    assert.deepEqual(await axeViolations(page), []);
    // Reload keeps the choice; moving and removing columns rewrites the URL; Back undoes.
    await page.reload();
    await table.waitFor();
    await page.getByRole("button", { name: "Move Support ticket triage left" }).click();
    await page.waitForURL(`${server.url}/compare?ids=example-ticket-triage,example-invoice-erp,example-claims-coding`);
    await page.getByRole("button", { name: "Remove Medical claims coding" }).click();
    await page.waitForURL(`${server.url}/compare?ids=example-ticket-triage,example-invoice-erp`);
    assert.equal(await table.locator("thead th[data-pilot-id]").count(), 2);
    await page.goBack();
    await page.waitForURL(`${server.url}/compare?ids=example-ticket-triage,example-invoice-erp,example-claims-coding`);
    await page.waitForFunction(() => document.querySelectorAll("thead th[data-pilot-id]").length === 3);
    // Landscape A4 with the table whole.
    await page.waitForFunction(() => document.querySelectorAll("[data-testid=chart] svg").length === 2, null, { timeout: 15000 });
    const pdf = `${OUTPUT}compare-A4.pdf`;
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const info = execFileSync("pdfinfo", [pdf]).toString();
    const [, w, h] = info.match(/Page size:\s+([\d.]+) x ([\d.]+)/);
    assert.ok(Number(w) > Number(h), `landscape: ${w} x ${h}`);
    const pages = Number(info.match(/Pages:\s+(\d+)/)[1]);
    assert.ok(pages <= 2, `${pages} pages`);
    const text = execFileSync("pdftotext", ["-layout", "-f", "1", "-l", "1", pdf, "-"]).toString();
    for (const label of ["Verdict", "Score", "One task", "Profitable per task", "Net present value", "Return on AI spend", "AI cost per successful task", "Capacity ÷ work", "Price-shock headroom"]) {
      assert.ok(text.includes(label), `the whole table is on page 1: ${label}`);
    }
    execFileSync("pdftoppm", ["-r", "60", "-png", pdf, `${OUTPUT}compare-print`]);
    // The dark theme prints as the light one: black on white.
    await page.emulateMedia({ colorScheme: "dark" });
    const dark = `${OUTPUT}compare-A4-dark.pdf`;
    await page.pdf({ path: dark, preferCSSPageSize: true, printBackground: true });
    await page.emulateMedia({ colorScheme: null });
    const [inkLight, inkDark] = [inkShare(pdf), inkShare(dark)];
    assert.ok(inkDark < 0.2 && Math.abs(inkDark - inkLight) < 0.01, `dark theme on paper: ${inkDark} inked (light ${inkLight})`);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: `${OUTPUT}compare-table-360.png`, fullPage: true });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page fits 360 px; only the table scrolls (overflow ${overflow})`);
    assert.deepEqual(b.problems.page, []);
  } finally {
    await b.close();
  }
});

test("an id holding a comma and an ampersand stays one column", async () => {
  const b = await launch(server.url);
  try {
    await openWithExamples(b.page, server.url);
    // An imported file may carry any id; plant one with a comma and an ampersand.
    await b.page.evaluate(() => {
      const record = JSON.parse(localStorage.getItem("pilot-audit/v1/pilot/example-kyc-checks"));
      record.pilot.id = "odd,id&x";
      record.pilot.name = "Odd id";
      localStorage.setItem("pilot-audit/v1/pilot/odd,id&x", JSON.stringify(record));
    });
    await b.page.reload();
    for (const name of ["Odd id", "Support ticket triage"]) {
      await b.page.getByRole("checkbox", { name: `Select ${name}` }).check();
    }
    await b.page.getByRole("link", { name: "Compare selected" }).click();
    await b.page.waitForURL(`${server.url}/compare?ids=odd%2Cid%26x,example-ticket-triage`);
    await b.page.locator("thead th[data-pilot-id]").nth(1).waitFor();
    const heads = await b.page.locator("thead th[data-pilot-id]").evaluateAll((ths) => ths.map((th) => th.dataset.pilotId));
    assert.deepEqual(heads, ["odd,id&x", "example-ticket-triage"]);
    assert.equal(await b.page.getByTestId("unknown-ids").count(), 0);
    assert.deepEqual(b.problems.console, []);
  } finally {
    await b.close();
  }
});

test("unknown ids in the URL are reported, not fatal", async () => {
  const b = await launch(server.url);
  try {
    await open(b.page, server.url, "/");
    await b.page.getByRole("button", { name: "Load example pilots" }).click();
    await b.page.goto(`${server.url}/compare?ids=example-kyc-checks,nope,example-gpu-cluster`);
    await b.page.waitForSelector("body[data-app-ready]");
    assert.ok((await b.page.getByTestId("unknown-ids").textContent()).includes("nope"));
    assert.equal(await b.page.locator("thead th[data-pilot-id]").count(), 2);
    assert.deepEqual(b.problems.console, []);
  } finally {
    await b.close();
  }
});
