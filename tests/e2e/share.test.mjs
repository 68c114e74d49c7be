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
import { start } from "./server.mjs";
import { launch, open, OUTPUT } from "./browser.mjs";

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
    await open(page, server.url, "/");
    await page.getByRole("button", { name: "Load example pilots" }).click();
    await page.locator("[data-testid=pilot-row]").nth(5).waitFor();
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
    await page.waitForFunction(() => [...document.querySelectorAll("tr[data-row=Fingerprint] td")].every((td) => /^[0-9a-f ]{14}$/.test(td.textContent)));
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
