// Storage that never loses work, in real Chromium: export and import (round trip into an
// empty profile), validation by path, size limit, text rendered as text, conflicts,
// unreadable records, a full quota, storage blocked, and changes made in another tab.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { start } from "./server.mjs";
import { launch, markDocument, open, OUTPUT, sameDocument, expectFocus } from "./browser.mjs";

const EXAMPLES = JSON.parse(await readFile(new URL("../../src/audit/examples.json", import.meta.url), "utf8"));
const byId = (pilots) => [...pilots].sort((a, b) => a.id.localeCompare(b.id));
let server;
let dir;
before(async () => {
  server = await start();
  dir = await mkdtemp(join(tmpdir(), "pilot-audit-files-"));
});
after(async () => {
  await server.close();
});

async function loadExamples(page) {
  await page.getByRole("button", { name: "Load example pilots" }).first().click();
  await page.locator("[data-testid=pilot-row]").nth(5).waitFor();
}

async function exportAll(page, name = "Export all") {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name, exact: true }).click()]);
  assert.match(download.suggestedFilename(), /^pilot-audit-\d{4}-\d{2}-\d{2}\.json$/);
  return JSON.parse(await readFile(await download.path(), "utf8"));
}

async function importFile(page, path) {
  await page.getByTestId("import-input").setInputFiles(path);
}

const pilotKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("pilot-audit/v1/pilot/")).length);

/** A version-1 pilot as version 3 writes it (DESIGN §9): its evidence as one batch dated
 *  with its creation, a vendor's claim as a vendor's test, no batch without cases; no ramp
 *  and nothing of the one-off spent yet (§3). */
function asVersion3(v1) {
  if (Array.isArray(v1.reliability.batches)) {
    // Already version 3: its defaults filled in, as the app reads it.
    return { ...v1, task: { ramp_months: 0, ...v1.task }, integration: { one_off_spent: 0, ...v1.integration }, ranges: v1.ranges ?? {} };
  }
  const { cases_evaluated: cases, failures_observed: failures, evidence, ...rest } = v1.reliability;
  const batches = cases || failures
    ? [{ date: v1.created_at.slice(0, 10), cases, failures, source: evidence === "vendor_claim" ? "vendor_test" : evidence, model_version: "", note: "" }]
    : [];
  return {
    ...v1,
    task: { ...v1.task, ramp_months: 0 },
    integration: { ...v1.integration, one_off_spent: 0 },
    reliability: { ...rest, batches, plans: [] },
    ranges: {},
  };
}

test("export, then import into an empty profile, gives identical pilots", async () => {
  const a = await launch(server.url);
  let exported;
  try {
    await open(a.page, server.url, "/");
    await loadExamples(a.page);
    exported = await exportAll(a.page);
    assert.equal(exported.format, "pilot-audit");
    assert.equal(exported.version, 3);
    assert.deepEqual(byId(exported.pilots), byId(EXAMPLES.pilots.map(asVersion3)));
  } finally {
    await a.close();
  }
  const file = join(dir, "export.json");
  await writeFile(file, JSON.stringify(exported));
  const b = await launch(server.url);
  try {
    await open(b.page, server.url, "/");
    await importFile(b.page, file);
    await b.page.getByTestId("import-confirm").waitFor();
    assert.equal(await b.page.getByTestId("import-item").count(), 6);
    assert.equal(await pilotKeys(b.page), 0, "nothing written before confirmation");
    await expectFocus(b.page, "import-result", "focus moves to the confirmation");
    await b.page.screenshot({ path: `${OUTPUT}import-confirm-1280.png`, fullPage: true });
    await b.page.getByTestId("import-confirm").click();
    await b.page.locator("[data-testid=pilot-row]").nth(5).waitFor();
    await b.page.reload();
    await b.page.waitForSelector("body[data-app-ready]");
    assert.equal(await b.page.locator("[data-testid=pilot-row]").count(), 6);
    const again = await exportAll(b.page);
    assert.deepEqual(byId(again.pilots), byId(exported.pilots));
    // Export the selected ones only, and one from its report.
    await b.page.getByRole("checkbox", { name: "Select KYC document checks" }).check();
    await b.page.getByRole("checkbox", { name: "Select AI-ready GPU cluster" }).check();
    const selected = await exportAll(b.page, "Export selected");
    assert.deepEqual(selected.pilots.map((p) => p.id).sort(), ["example-gpu-cluster", "example-kyc-checks"]);
    await b.page.goto(`${server.url}/pilot/example-claims-coding`);
    await b.page.waitForSelector("body[data-app-ready]");
    const one = await exportAll(b.page, "Export this pilot");
    assert.deepEqual(one.pilots.map((p) => p.id), ["example-claims-coding"]);
    assert.deepEqual(b.problems.console, []);
    assert.deepEqual(b.problems.foreign, []);
  } finally {
    await b.close();
  }
});

test("a file dropped on the import zone is read like a picked one", async () => {
  const b = await launch(server.url);
  try {
    await open(b.page, server.url, "/");
    const text = JSON.stringify({ format: "pilot-audit", version: 1, pilots: EXAMPLES.pilots.slice(0, 2) });
    // A real drag: a DataTransfer holding a File, dragged over and dropped on the zone.
    const transfer = await b.page.evaluateHandle((body) => {
      const dt = new DataTransfer();
      dt.items.add(new File([body], "dropped.json", { type: "application/json" }));
      return dt;
    }, text);
    const zone = b.page.locator(".drop-zone");
    await zone.dispatchEvent("dragover", { dataTransfer: transfer });
    await zone.dispatchEvent("drop", { dataTransfer: transfer });
    await b.page.getByTestId("import-confirm").waitFor();
    assert.equal(await b.page.getByTestId("import-item").count(), 2);
    assert.equal(await pilotKeys(b.page), 0, "nothing written before confirmation");
    await b.page.getByTestId("import-confirm").click();
    await b.page.locator("[data-testid=pilot-row]").nth(1).waitFor();
    assert.equal(await pilotKeys(b.page), 2);
    assert.deepEqual(b.problems.console, []);
  } finally {
    await b.close();
  }
});

test("invalid, oversized and hostile files are refused or shown as text, and nothing is written", async () => {
  const b = await launch(server.url);
  const page = b.page;
  try {
    let dialogs = 0;
    page.on("dialog", (d) => {
      dialogs++;
      d.dismiss();
    });
    await open(page, server.url, "/");
    // Wrong types: the whole file is refused, every problem named with the value found and
    // what is allowed, in plain words.
    const bad = structuredClone(EXAMPLES);
    bad.pilots[2].task.monthly_volume = "1000";
    bad.pilots[4].reliability.target = "high";
    await writeFile(join(dir, "bad.json"), JSON.stringify(bad));
    await importFile(page, join(dir, "bad.json"));
    const alert = page.locator(".import .error-summary");
    await alert.waitFor();
    const text = await alert.textContent();
    assert.ok(text.includes("pilots[2].task.monthly_volume: “1000” — a number of tasks a month from 0 to 1,000,000,000"), text);
    assert.ok(text.includes("pilots[4].reliability.target: “high” — a fraction from 0.5 to 0.999999 (99.9% is written 0.999)"), text);
    assert.ok(!/invalid type|expected f64|EOF/.test(text), `no developer words: ${text}`);
    assert.equal(await pilotKeys(page), 0);
    await page.screenshot({ path: `${OUTPUT}import-errors-1280.png`, fullPage: true });
    // Over 5 MB: refused before it is read.
    await writeFile(join(dir, "big.json"), "x".repeat(5 * 1024 * 1024 + 10));
    await importFile(page, join(dir, "big.json"));
    await page.getByText("files over 5 MB are refused").waitFor();
    // A name that looks like HTML is shown as text.
    const hostile = { ...EXAMPLES.pilots[0], id: "hostile", name: "<img src=x onerror=alert(1)>" };
    await writeFile(join(dir, "hostile.json"), JSON.stringify(hostile));
    await importFile(page, join(dir, "hostile.json"));
    await page.getByTestId("import-confirm").click();
    const row = page.locator("[data-pilot-id=hostile]");
    await row.waitFor();
    assert.equal(await row.locator("h3").textContent(), "<img src=x onerror=alert(1)>");
    assert.equal(await row.locator("img").count(), 0);
    await page.goto(`${server.url}/pilot/hostile`);
    await page.getByRole("heading", { name: "<img src=x onerror=alert(1)>" }).waitFor();
    assert.equal(dialogs, 0);
  } finally {
    await b.close();
  }
});

test("importing pilots already saved replaces them or keeps both", async () => {
  const b = await launch(server.url);
  const page = b.page;
  try {
    await open(page, server.url, "/");
    await loadExamples(page);
    const changed = structuredClone(EXAMPLES);
    changed.pilots[0].name = "Renamed invoice pilot";
    await writeFile(join(dir, "again.json"), JSON.stringify(changed));
    await importFile(page, join(dir, "again.json"));
    await page.getByTestId("import-confirm").waitFor();
    assert.ok((await page.locator(".import-confirm").textContent()).includes("6 with the id of a stored record"));
    await page.getByTestId("import-confirm").click();
    await page.getByText("Renamed invoice pilot").waitFor();
    assert.equal(await page.locator("[data-testid=pilot-row]").count(), 6, "replaced");
    await importFile(page, join(dir, "again.json"));
    await page.getByLabel("Keep both (the imported one gets a new id)").check();
    await page.getByTestId("import-confirm").click();
    await page.locator("[data-testid=pilot-row]").nth(11).waitFor();
    assert.equal(await page.getByText("Renamed invoice pilot (imported)").count(), 1);
  } finally {
    await b.close();
  }
});

test("an unreadable record is kept byte for byte, listed, downloadable and deletable", async () => {
  const b = await launch(server.url);
  const page = b.page;
  const garbage = '{"schema":1,"pilot": [truncated';
  try {
    await open(page, server.url, "/");
    await loadExamples(page);
    await page.evaluate((g) => {
      localStorage.setItem("pilot-audit/v1/pilot/broken", g);
      localStorage.setItem("pilot-audit/v1/pilot/future", JSON.stringify({ schema: 9, pilot: {} }));
    }, garbage);
    await page.reload();
    await page.waitForSelector("body[data-app-ready]");
    const rows = page.locator("[data-testid=unreadable-row]");
    assert.equal(await rows.count(), 2);
    assert.equal(await page.locator("[data-testid=pilot-row]").count(), 6, "other pilots unaffected");
    assert.ok((await rows.filter({ hasText: "future" }).textContent()).includes("newer version"));
    const broken = rows.filter({ hasText: "broken" });
    const [download] = await Promise.all([page.waitForEvent("download"), broken.getByRole("button", { name: "Download" }).click()]);
    assert.equal(await readFile(await download.path(), "utf8"), garbage);
    assert.equal(await page.evaluate(() => localStorage.getItem("pilot-audit/v1/pilot/broken")), garbage, "left as it was");
    await page.screenshot({ path: `${OUTPUT}unreadable-1280.png`, fullPage: true });
    await broken.getByRole("button", { name: "Delete" }).click();
    assert.equal(await rows.count(), 1);
    assert.equal(await page.evaluate(() => localStorage.getItem("pilot-audit/v1/pilot/broken")), null);
  } finally {
    await b.close();
  }
});

test("a full quota is said clearly, the typed text is kept in memory, no record is half-written", async () => {
  const b = await launch(server.url);
  const page = b.page;
  try {
    await open(page, server.url, "/");
    await loadExamples(page);
    const before = await page.evaluate(() => localStorage.getItem("pilot-audit/v1/pilot/example-invoice-erp"));
    await page.goto(`${server.url}/pilot/example-invoice-erp/edit/1`);
    await page.waitForSelector("#f-name");
    const filled = await page.evaluate(() => {
      let i = 0;
      let size = 1 << 20;
      while (size >= 1) {
        try {
          localStorage.setItem(`junk-${i++}`, "x".repeat(size));
        } catch {
          size = Math.floor(size / 2);
        }
      }
      return i;
    });
    assert.ok(filled > 1);
    await page.fill("#f-name", "A longer name that cannot be saved in a full storage");
    const banner = page.getByTestId("storage-banner");
    await banner.waitFor();
    assert.ok((await banner.textContent()).includes("storage is full"));
    await banner.getByRole("button", { name: "Export all pilots" }).waitFor();
    assert.equal(await page.inputValue("#f-name"), "A longer name that cannot be saved in a full storage");
    assert.equal(await page.getByRole("heading", { level: 1 }).textContent(), "A longer name that cannot be saved in a full storage");
    const after = await page.evaluate(() => localStorage.getItem("pilot-audit/v1/pilot/example-invoice-erp"));
    assert.equal(after, before, "the stored record is the old one, whole");
    await page.screenshot({ path: `${OUTPUT}quota-1280.png`, fullPage: true });
    const exported = await exportAll(page, "Export all pilots");
    assert.ok(exported.pilots.some((p) => p.name === "A longer name that cannot be saved in a full storage"), "export carries the unsaved change");
    // With storage still full, a reload reads every saved pilot (reading writes nothing).
    await page.goto(server.url + "/");
    await page.waitForSelector("body[data-app-ready]");
    assert.equal(await page.locator("[data-testid=pilot-row]").count(), 6);
  } finally {
    await b.close();
  }
});

test("with storage blocked the app works in memory, across views, says so, and asks before leaving the page", async () => {
  const b = await launch(server.url);
  const page = b.page;
  try {
    await b.context.addInitScript(() => {
      Object.defineProperty(window, "localStorage", {
        get() {
          throw new DOMException("The user blocked site data.", "SecurityError");
        },
      });
    });
    await open(page, server.url, "/");
    const banner = page.getByTestId("storage-banner");
    await banner.waitFor();
    assert.ok((await banner.textContent()).includes("not available"));
    assert.ok((await banner.textContent()).includes("kept on this page only"));
    await loadExamples(page);
    // The wasm of every view: the report opens in this page, its pilots still here.
    await markDocument(page);
    await page.locator("[data-pilot-id=example-kyc-checks] h3 a").click();
    assert.equal(await page.getByTestId("verdict").textContent(), "Scale");
    await page.getByRole("link", { name: "Edit answers" }).click();
    await page.waitForSelector("#f-name");
    assert.equal(await page.inputValue("#f-name"), "KYC document checks");
    assert.equal(await sameDocument(page), true, "no page load");
    const files = await page.evaluate(() => performance.getEntriesByType("resource").map((r) => new URL(r.name).pathname));
    assert.ok(files.includes("/view-all_bg.wasm"), files.join(", "));
    await page.screenshot({ path: `${OUTPUT}storage-blocked-1280.png`, fullPage: true });
    // Leaving the page would lose the pilots, so the browser asks; staying keeps them.
    const asked = new Promise((resolve) => page.once("dialog", (dialog) => { resolve(dialog.type()); dialog.dismiss(); }));
    await page.evaluate(() => { location.href = "/standard"; });
    assert.equal(await asked, "beforeunload");
    assert.equal(page.url(), `${server.url}/pilot/example-kyc-checks/edit/1`);
    assert.equal(await page.inputValue("#f-name"), "KYC document checks");
  } finally {
    await b.close();
  }
});

test("changes made in another tab refresh the library and an open form, and say so", async () => {
  const b = await launch(server.url);
  const page = b.page;
  try {
    await open(page, server.url, "/");
    await loadExamples(page);
    const other = await b.context.newPage();
    await open(other, server.url, "/");
    await other.getByRole("button", { name: "Delete AI-ready GPU cluster" }).click();
    await page.getByTestId("external-change").waitFor();
    assert.equal(await page.locator("[data-testid=pilot-row]").count(), 5);
    // An open form follows the other tab's edits, and closes when the pilot is deleted there.
    await page.goto(`${server.url}/pilot/example-invoice-erp/edit/1`);
    await page.waitForSelector("#f-name");
    await other.goto(`${server.url}/pilot/example-invoice-erp/edit/1`);
    await other.waitForSelector("#f-name");
    await other.fill("#f-name", "Edited in the other tab");
    await page.waitForFunction(() => document.querySelector("#f-name")?.value === "Edited in the other tab");
    assert.ok((await page.getByTestId("external-change").textContent()).includes("another tab"));
    await other.goto(server.url + "/");
    await other.getByRole("button", { name: "Delete Edited in the other tab" }).click();
    await page.getByTestId("deleted-elsewhere").waitFor();
    await page.screenshot({ path: `${OUTPUT}other-tab-1280.png`, fullPage: true });
  } finally {
    await b.close();
  }
});
