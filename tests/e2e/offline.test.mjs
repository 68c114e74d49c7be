// Once loaded, the app works with the network cut: the service worker serves the shell,
// the wasm and ECharts from its cache; saved pilots come from local storage as always.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start } from "./server.mjs";
import { launch, open, OUTPUT } from "./browser.mjs";

let server;
before(async () => {
  server = await start();
});
after(async () => {
  await server.close();
});

test("the app works offline once loaded", async () => {
  const b = await launch(server.url);
  const page = b.page;
  try {
    await open(page, server.url, "/");
    await page.evaluate(() => navigator.serviceWorker.ready);
    // Load once under the service worker's control, charts included, so it has kept them.
    await page.reload();
    await page.waitForSelector("body[data-app-ready]");
    assert.equal(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), true);
    await page.getByRole("button", { name: "Load example pilots" }).click();
    // A chart module kept from an older build, which the new build's copy must replace.
    const stale = `${server.url}/charts_bg.wasm?v=0000000000000000`;
    await page.evaluate(async (url) => (await caches.open("pilot-audit-cache-v1")).put(url, new Response("old")), stale);
    await page.goto(`${server.url}/pilot/example-kyc-checks`);
    await page.waitForFunction(() => { const n = document.querySelectorAll("[data-testid=chart]").length; return n >= 5 && document.querySelectorAll("[data-testid=chart] svg").length === n; }, null, { timeout: 15000 });
    const kept = async () => (await page.evaluate(async () => (await (await caches.open("pilot-audit-cache-v1")).keys()).map((r) => r.url)));
    await page.waitForFunction(async (url) => !(await (await caches.open("pilot-audit-cache-v1")).keys()).some((r) => r.url === url), stale);
    const chartModules = (await kept()).filter((u) => new URL(u).pathname === "/charts_bg.wasm");
    assert.equal(chartModules.length, 1, `one chart module kept: ${chartModules.join(", ")}`);

    await b.context.setOffline(true);
    await server.close();
    for (const path of ["/", "/pilot/example-ticket-triage", "/pilot/example-invoice-erp/edit/3", "/standard"]) {
      await page.goto(server.url + path);
      await page.waitForSelector("body[data-app-ready]", { timeout: 15000 });
    }
    await page.waitForSelector("[data-testid=chart] svg", { timeout: 15000 });
    await page.goto(`${server.url}/pilot/example-ticket-triage`);
    await page.waitForSelector("body[data-app-ready]");
    assert.equal(await page.getByTestId("verdict").textContent(), "Fix");
    await page.waitForFunction(() => { const n = document.querySelectorAll("[data-testid=chart]").length; return n >= 5 && document.querySelectorAll("[data-testid=chart] svg").length === n; }, null, { timeout: 15000 });
    await page.screenshot({ path: `${OUTPUT}offline-report-1280.png` });
    assert.deepEqual(b.problems.page, []);
  } finally {
    await b.close();
    server = await start();
  }
});
