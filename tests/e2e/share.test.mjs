// Sharing without a server (issue 18, DESIGN §11) end to end. The fingerprint: the same
// inputs give the same twelve digits in two browser profiles, after an export and import,
// on the report, on paper and in compare — the digits of the golden table that Node's
// JSON.stringify and node:crypto computed (tools/fingerprint.mjs).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { start } from "./server.mjs";
import { launch, open, openWithExamples, axeViolations, OUTPUT } from "./browser.mjs";

const GOLDEN = Object.fromEntries(
  JSON.parse(await readFile(new URL("../golden/fingerprints.json", import.meta.url), "utf8")).cases.map((c) => [c.id, c.fingerprint]),
);
let server;
let dir;
before(async () => {
  server = await start();
  dir = await mkdtemp(join(tmpdir(), "pilot-audit-share-"));
});
after(async () => {
  await server.close();
});

const shownFingerprint = async (page) => {
  await page.waitForFunction(() => /^[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/.test(document.querySelector("[data-testid=fingerprint]")?.textContent ?? ""));
  return page.getByTestId("fingerprint").first().textContent();
};

test("the fingerprint is the golden table's in two profiles, after export and import, on paper and in compare", async () => {
  const a = await launch(server.url);
  const ids = Object.keys(GOLDEN).filter((id) => id.startsWith("example-"));
  assert.equal(ids.length, 6);
  let exported;
  try {
    const page = a.page;
    await openWithExamples(page, server.url);
    for (const id of ids) {
      await page.goto(`${server.url}/pilot/${id}`);
      assert.equal(await shownFingerprint(page), GOLDEN[id], id);
    }
    // On paper.
    const pdf = join(OUTPUT, "fingerprint.pdf");
    await page.pdf({ path: pdf, format: "A4", printBackground: true });
    assert.ok(execFileSync("pdftotext", [pdf, "-"]).toString().includes(`Fingerprint ${GOLDEN[ids[5]]}`), "printed");
    // In compare, one per column.
    await page.goto(`${server.url}/compare?ids=${ids.slice(0, 3).join(",")}`);
    const row = page.locator("tr[data-row=Fingerprint] td");
    await page.waitForFunction(() => {
      const cells = [...document.querySelectorAll("tr[data-row=Fingerprint] td")];
      return cells.length === 3 && cells.every((td) => /^[0-9a-f ]{14}$/.test(td.textContent));
    });
    assert.deepEqual(await row.allTextContents(), ids.slice(0, 3).map((id) => GOLDEN[id]));
    // Exported…
    await page.goto(`${server.url}/`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export all", exact: true }).click()]);
    exported = await readFile(await download.path(), "utf8");
    assert.deepEqual(a.problems.page, []);
    assert.deepEqual(a.problems.console, []);
  } finally {
    await a.close();
  }
  // …and imported in another profile: the same digits.
  const file = join(dir, "export.json");
  await writeFile(file, exported);
  const b = await launch(server.url);
  try {
    const page = b.page;
    await open(page, server.url, "/");
    await page.getByTestId("import-input").setInputFiles(file);
    await page.getByTestId("import-confirm").click();
    await page.locator("[data-testid=pilot-row]").nth(5).waitFor();
    for (const id of [ids[0], ids[4]]) {
      await page.goto(`${server.url}/pilot/${id}`);
      assert.equal(await shownFingerprint(page), GOLDEN[id], `${id} after import`);
    }
  } finally {
    await b.close();
  }
});

/** Make a link on the page's Share dialog, with an optional passphrase. */
async function makeLink(page, passphrase = "") {
  await page.getByTestId("share-button").click();
  await page.getByTestId("share-passphrase").fill(passphrase);
  await page.getByTestId("share-make").click();
  await page.getByTestId("share-link").waitFor();
  return page.getByTestId("share-link").inputValue();
}

const pilotKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("pilot-audit/v1/pilot/")).length);

test("a link made in one browser opens in a fresh one read-only, offline too, and saves through the import's confirmation", async () => {
  const a = await launch(server.url, { width: 1280, height: 900 }, { bypassCSP: true });
  let link;
  let locked;
  let comparison;
  let figures;
  try {
    const page = a.page;
    await openWithExamples(page, server.url);
    await page.goto(`${server.url}/pilot/example-ticket-triage`);
    figures = { verdict: await page.getByTestId("verdict").textContent(), score: await page.getByTestId("score").textContent(), fingerprint: await shownFingerprint(page) };
    link = await makeLink(page);
    assert.match(link, new RegExp(`^${server.url}/share#v1\\.[A-Za-z0-9_-]+$`));
    assert.match(await page.locator("#share-dialog").textContent(), /Nothing is uploaded/);
    assert.equal(await page.getByTestId("share-long").count(), 0, "a short link carries no warning");
    assert.deepEqual(await axeViolations(page), []);
    // Copied to the clipboard as it reads.
    await a.context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
    await page.getByTestId("share-copy").click();
    await page.getByText("Copied.").waitFor();
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), link);
    // Escape closes the dialog and gives focus back to Share.
    await page.getByTestId("share-passphrase").press("Escape");
    await page.waitForFunction(() => document.activeElement?.id === "share-button" && !document.querySelector("#share-dialog"));
    locked = await makeLink(page, "correct horse battery staple");
    assert.match(locked, /\/share#e1\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    await page.goto(`${server.url}/compare?ids=example-ticket-triage,example-invoice-erp,example-gpu-cluster`);
    await page.locator("[data-testid=compare-table]").waitFor();
    comparison = await makeLink(page);
    // Notes that do not compress make a link over 8,000 characters: it says so.
    const noisy = { id: "noisy", name: "Long notes", notes: randomBytes(7000).toString("base64") };
    const file = join(dir, "noisy.json");
    await writeFile(file, JSON.stringify(noisy));
    await page.goto(`${server.url}/`);
    await page.getByTestId("import-input").setInputFiles(file);
    await page.getByTestId("import-confirm").click();
    await page.goto(`${server.url}/pilot/noisy`);
    const long = await makeLink(page);
    assert.ok(long.length > 8000, `${long.length} characters`);
    assert.match(await page.getByTestId("share-long").textContent(), /some mail clients cut links over 8,000/);
    assert.deepEqual(a.problems.foreign, []);
  } finally {
    await a.close();
  }

  const b = await launch(server.url, { width: 1280, height: 900 }, { bypassCSP: true });
  try {
    const page = b.page;
    // A fresh profile, no saved pilots; once loaded, offline.
    await open(page, server.url, "/");
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.waitForSelector("body[data-app-ready]");
    await b.context.setOffline(true);
    await page.goto(link);
    await page.getByTestId("shared-banner").waitFor();
    assert.match(await page.getByTestId("shared-banner").textContent(), /Shared with you — not saved/);
    assert.equal(await page.getByTestId("verdict").textContent(), figures.verdict);
    assert.equal(await page.getByTestId("score").textContent(), figures.score);
    assert.equal(await shownFingerprint(page), figures.fingerprint);
    assert.equal(await page.getByRole("link", { name: "Edit answers" }).count(), 0, "read-only");
    assert.equal(await pilotKeys(page), 0, "nothing saved by opening");
    await b.context.setOffline(false);
    assert.deepEqual(await axeViolations(page), []);
    // Save: the library's import confirmation, then saved.
    await page.getByTestId("share-save").click();
    await page.waitForURL(`${server.url}/`);
    await page.getByTestId("import-confirm").waitFor();
    assert.equal(await pilotKeys(page), 0, "nothing saved before confirmation");
    await page.getByTestId("import-confirm").click();
    await page.getByText("Imported 1 pilot.").waitFor();
    assert.equal(await pilotKeys(page), 1);
    assert.equal(await page.locator("[data-testid=pilot-row]").count(), 1);
    // Handed over once: a reload of the library asks nothing again.
    await page.reload();
    await page.waitForSelector("body[data-app-ready]");
    assert.equal(await page.getByTestId("import-confirm").count(), 0);
    // Saved again: the id is held now, so the confirmation asks (replace or keep both).
    await page.goto(link);
    await page.getByTestId("share-save").click();
    await page.getByText("Keep both (the imported one gets a new id)").click();
    await page.getByTestId("import-confirm").click();
    await page.getByText("Imported 1 pilot.").waitFor();
    assert.equal(await pilotKeys(page), 2);
    // A locked link asks for its passphrase; a wrong one is said, the right one opens it.
    await page.goto(locked);
    await page.getByTestId("share-passphrase").fill("wrong horse");
    await page.getByTestId("share-passphrase").press("Enter");
    assert.match(await page.getByTestId("share-problem").textContent(), /passphrase does not unlock it/);
    await page.getByTestId("share-passphrase").fill("correct horse battery staple");
    await page.getByTestId("share-passphrase").press("Enter");
    await page.getByTestId("shared-banner").waitFor({ timeout: 20000 });
    assert.equal(await shownFingerprint(page), figures.fingerprint);
    // A comparison opens as one, at a path of its own.
    assert.match(comparison, new RegExp(`^${server.url}/share/compare#v1\\.`));
    await page.goto(comparison);
    await page.locator("[data-testid=compare-table]").waitFor();
    assert.equal(await page.locator("thead th[data-pilot-id]").count(), 3);
    assert.match(await page.getByTestId("shared-banner").textContent(), /3 pilots from a link/);
    assert.deepEqual(await axeViolations(page), []);
    // One made before comparisons had that path goes on there.
    await page.goto(comparison.replace("/share/compare#", "/share#"));
    await page.waitForURL(comparison);
    await page.locator("[data-testid=compare-table]").waitFor();
    assert.equal(await page.locator("thead th[data-pilot-id]").count(), 3);
    assert.deepEqual(b.problems.page, []);
    assert.deepEqual(b.problems.foreign, []);
  } finally {
    await b.close();
  }
});

test("bad links say what is wrong, save nothing and never throw", async () => {
  const { deflateSync } = await import("node:zlib");
  const b64u = (buf) => Buffer.from(buf).toString("base64url");
  const file = (pilots) => JSON.stringify({ format: "pilot-audit", version: 2, pilots });
  const good = `v1.${b64u(deflateSync(file([{ id: "s1", name: "<img src=x onerror=alert(1)>" }])))}`;
  const changed = good.slice(0, 20) + (good[20] === "A" ? "B" : "A") + good.slice(21);
  const cases = [
    ["truncated", good.slice(0, good.length - 9), /cut short or a character was changed/],
    ["one character changed", changed, /cut short or a character was changed|not a pilot/],
    ["an unknown version", `v9.${good.slice(3)}`, /starts “v9\.”, which this version of Pilot Audit does not know/],
    ["wrong types", `v1.${b64u(deflateSync(file([{ id: "s2", task: { monthly_volume: "lots" } }])))}`, /pilots\[0\]\.task\.monthly_volume: “lots”/],
    ["not JSON", `v1.${b64u(deflateSync("hello"))}`, /not readable JSON/],
    // (Chromium refuses a URL over 2 MB before any page sees it; 1.5 MB reaches the app.)
    ["1.5 MB", `v1.${"A".repeat(1_500_000)}`, /1\.5 MB long; links over 1 MB are refused/],
    ["nothing", "", /holds nothing after its “#”/],
    ["a lock cut short", "e1.AAAA.BBBB.CCCC", /lock is not whole/],
  ];
  const b = await launch(server.url);
  try {
    const page = b.page;
    await open(page, server.url, "/");
    for (const [what, fragment, message] of cases) {
      await page.goto(`${server.url}/share#${fragment}`);
      await page.getByTestId("share-problem").waitFor({ timeout: 20000 }).catch(async (e) => {
        throw new Error(`${what}: ${e.message.split("\n")[0]}; the page says: ${(await page.locator("main").innerText()).slice(0, 300)}`);
      });
      assert.match(await page.getByTestId("share-problem").textContent(), message, what);
      assert.equal(await pilotKeys(page), 0, `${what}: nothing saved`);
    }
    // A good link's text is shown as text, never as HTML.
    await page.goto(`${server.url}/share#${good}`);
    await page.getByTestId("shared-banner").waitFor();
    assert.equal(await page.locator("h1").first().textContent(), "<img src=x onerror=alert(1)>");
    assert.equal(await page.locator("article img").count(), 0);
    assert.deepEqual(b.problems.page, [], "nothing thrown");
  } finally {
    await b.close();
  }
});
