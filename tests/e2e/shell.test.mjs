// The app shell end to end: every route renders without a console error, nothing leaves the
// origin, navigation is client-side, the example pilots are one click away, a panic shows
// the error panel. Screenshots at 1280 and 360 px go to tests/e2e/output/.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start } from "./server.mjs";
import { addLink, launch, markDocument, open, OUTPUT, sameDocument } from "./browser.mjs";

const ROUTES = [
  ["library", "/"],
  ["standard", "/standard"],
  ["compare", "/compare"],
  ["report-missing", "/pilot/example-invoice-erp"],
  ["questionnaire", "/pilot/new/edit/1"],
  ["not-found", "/no-such-page"],
];

let server;
before(async () => {
  server = await start();
});
after(async () => {
  await server.close();
});

function assertClean(problems, where) {
  assert.deepEqual(problems.page, [], `page errors on ${where}`);
  assert.deepEqual(problems.console, [], `console errors or warnings on ${where}`);
  assert.deepEqual(problems.foreign, [], `requests that left the origin on ${where}`);
}

for (const [width, height] of [[1280, 800], [360, 740]]) {
  test(`every route renders cleanly at ${width} px`, async () => {
    const b = await launch(server.url, { width, height });
    try {
      for (const [name, path] of ROUTES) {
        await open(b.page, server.url, path);
        await b.page.waitForTimeout(150);
        if (name === "standard") {
          await b.page.waitForSelector("[data-testid=chart] svg", { timeout: 15000 });
        }
        await b.page.screenshot({ path: `${OUTPUT}${name}-${width}.png`, fullPage: true });
        assertClean(b.problems, path);
        const h1 = await b.page.locator("h1").first().textContent();
        assert.ok(h1 && h1.trim().length > 0, `a heading on ${path}`);
      }
      const overflow = await b.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `no horizontal scrolling at ${width} px (overflow ${overflow})`);
    } finally {
      await b.close();
    }
  });
}

test("unknown paths show the 404 view", async () => {
  const b = await launch(server.url);
  try {
    await open(b.page, server.url, "/no-such-page");
    await b.page.getByRole("heading", { name: "Page not found" }).waitFor();
    assertClean(b.problems, "/no-such-page");
  } finally {
    await b.close();
  }
});

test("How we score shows the seven criteria and draws the weights as SVG", async () => {
  const b = await launch(server.url);
  try {
    await open(b.page, server.url, "/standard");
    const rows = b.page.locator("table tbody tr");
    assert.equal(await rows.count(), 7);
    const text = await b.page.locator("table").first().textContent();
    // People read the criteria's names (DESIGN §4), never their ids.
    for (const name of ["One task", "Repeatable input", "Reliability demonstrated", "Integrated", "Profitable per task", "Deployment plan", "Defensible"]) {
      assert.ok(text.includes(name), `criterion ${name} listed`);
    }
    assert.ok(!/single_task|unit_economics|defensibility/.test(text), "no criterion id shown");
    await b.page.waitForSelector("[data-testid=chart] svg", { timeout: 15000 });
    const chartText = await b.page.locator("[data-testid=chart] svg").textContent();
    assert.ok(chartText.includes("Profitable per task"), "the chart labels the criteria by name");
    const box = await b.page.locator("[data-testid=chart]").boundingBox();
    assert.equal(Math.round(box.height), 320, "chart box has its fixed height");
    // ECharts is loaded on demand, from our own origin.
    // So is the chart module; both are asked for under the build stamped into index.html
    // (a hash of their bytes), so that caches never mix releases.
    const build = await b.page.evaluate(() => document.querySelector("meta[name=pilot-audit-charts]").content);
    assert.match(build, /^[0-9a-f]{16}$/);
    const tag = `?v=${build}`;
    const scripts = await b.page.evaluate(() => [...document.scripts].map((s) => s.src));
    assert.ok(scripts.includes(`${server.url}/echarts.pilot-audit.min.js${tag}`), scripts.join(", "));
    const fetched = await b.page.evaluate(() => performance.getEntriesByType("resource").map((e) => e.name));
    for (const file of ["/charts.js", "/charts_bg.wasm"]) {
      assert.ok(fetched.includes(`${server.url}${file}${tag}`), `${file}${tag} in ${fetched.join(", ")}`);
    }
    assertClean(b.problems, "/standard");
  } finally {
    await b.close();
  }
});

test("a chart module that cannot load leaves a message and the caption's figures", async () => {
  const b = await launch(server.url, undefined, { serviceWorkers: "block" });
  try {
    await b.page.route(/\/charts_bg\.wasm/, (route) => route.abort());
    await open(b.page, server.url, "/standard");
    const figure = b.page.locator("figure.chart-figure").first();
    await figure.getByText("The chart could not be drawn").waitFor({ timeout: 15000 });
    assert.ok((await figure.textContent()).includes("the chart module could not be loaded"));
    assert.ok((await figure.locator("figcaption").textContent()).includes("Weight of each criterion"));
    assert.equal(await b.page.locator("#fatal-error:not([hidden])").count(), 0, "no panic");
    // Once the network is back, the next chart shown loads the module (under a new URL: the
    // browser remembers the failed one) without a reload of the page.
    await b.page.unroute(/\/charts_bg\.wasm/);
    // Away and back in place (the standard's wasm also draws the 404 view).
    await markDocument(b.page);
    await (await addLink(b.page, "/no-such-page")).click();
    await b.page.getByRole("heading", { name: "Page not found" }).waitFor();
    await b.page.goBack();
    await b.page.waitForSelector("[data-testid=chart] svg", { timeout: 15000 });
    assert.equal(await b.page.getByText("The chart could not be drawn").count(), 0);
    assert.equal(await sameDocument(b.page), true, "no reload");
  } finally {
    await b.close();
  }
});

test("ECharts and the chart module are not part of the first load of the library", async () => {
  const b = await launch(server.url);
  try {
    const loaded = [];
    b.page.on("request", (req) => loaded.push(new URL(req.url()).pathname));
    await open(b.page, server.url, "/");
    await b.page.waitForTimeout(300);
    assert.ok(!loaded.some((p) => p.includes("echarts")), `requests: ${loaded.join(", ")}`);
    assert.ok(!loaded.some((p) => p.startsWith("/charts")), `requests: ${loaded.join(", ")}`);
    assert.equal(loaded.filter((p) => p.endsWith(".wasm")).length, 1, "only the app's wasm");
  } finally {
    await b.close();
  }
});

test("header navigation opens each view and marks the current page", async () => {
  const b = await launch(server.url);
  try {
    await open(b.page, server.url, "/");
    const nav = b.page.getByRole("navigation", { name: "Main" });
    for (const [name, path] of [["How we score", "/standard"], ["Compare", "/compare"], ["Library", "/"]]) {
      await nav.getByRole("link", { name, exact: true }).click();
      await b.page.waitForURL(server.url + path);
      await b.page.waitForSelector(`body[data-app-ready] nav a[aria-current=page][href="${path}"]`);
    }
    // New pilot creates one and opens its first step in place of /pilot/new/edit/1.
    await nav.getByRole("link", { name: "New pilot", exact: true }).click();
    await b.page.waitForURL(/\/pilot\/p-[0-9a-f-]+\/edit\/1$/);
    await b.page.goBack();
    await b.page.waitForURL(server.url + "/");
    await b.page.waitForSelector("body[data-app-ready]");
    assertClean(b.problems, "navigation");
  } finally {
    await b.close();
  }
});

test("the example pilots are one click away and open as reports", async () => {
  const b = await launch(server.url);
  try {
    await open(b.page, server.url, "/");
    await b.page.getByRole("button", { name: "Load example pilots" }).click();
    const rows = b.page.locator("[data-testid=pilot-row]");
    await rows.first().waitFor();
    assert.equal(await rows.count(), 6);
    const ids = await rows.evaluateAll((els) => els.map((el) => el.dataset.pilotId).sort());
    assert.deepEqual(ids, [
      "example-chat-assistant", "example-claims-coding", "example-gpu-cluster",
      "example-invoice-erp", "example-kyc-checks", "example-ticket-triage",
    ]);
    await b.page.screenshot({ path: `${OUTPUT}library-examples-1280.png`, fullPage: true });
    // Saved: a reload keeps them.
    await b.page.reload();
    await b.page.waitForSelector("body[data-app-ready]");
    assert.equal(await b.page.locator("[data-testid=pilot-row]").count(), 6);
    // Open the ticket triage report: the engine says Fix with 2,195 cases to go.
    await b.page.locator("[data-pilot-id=example-ticket-triage] h3 a").click();
    await b.page.waitForURL(server.url + "/pilot/example-ticket-triage");
    assert.equal(await b.page.getByTestId("verdict").textContent(), "Fix");
    assert.equal(await b.page.getByTestId("score").textContent(), "76");
    assert.equal(await b.page.getByTestId("criterion-reliability").getAttribute("data-status"), "warn");
    assert.equal(await b.page.getByTestId("criterion-unit_economics").getAttribute("data-status"), "pass");
    assert.ok((await b.page.getByTestId("criterion-reliability").textContent()).includes("2,195 more cases"));
    await b.page.screenshot({ path: `${OUTPUT}report-1280.png`, fullPage: true });
    await b.page.setViewportSize({ width: 360, height: 740 });
    await b.page.screenshot({ path: `${OUTPUT}report-360.png`, fullPage: true });
    const overflow = await b.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `report fits 360 px (overflow ${overflow})`);
    assertClean(b.problems, "examples");
  } finally {
    await b.close();
  }
});

test("a panic shows the recoverable error panel", async () => {
  const b = await launch(server.url);
  try {
    await open(b.page, server.url, "/debug/panic");
    await b.page.getByRole("button", { name: "Trigger an internal error" }).click();
    const panel = b.page.locator("#fatal-error");
    await panel.waitFor({ state: "visible" });
    assert.ok((await panel.textContent()).includes("Something went wrong"));
    assert.ok((await b.page.locator("#fatal-error-details").textContent()).includes("a panic on purpose"));
    assert.equal(await b.page.locator("#app").isVisible(), false);
    await b.page.screenshot({ path: `${OUTPUT}panic-1280.png` });
    await b.page.getByRole("link", { name: "Reload Pilot Audit" }).click();
    await b.page.waitForSelector("body[data-app-ready]");
    assert.equal(await panel.isVisible(), false, "reload recovers");
    assert.ok(b.problems.console.some((m) => m.includes("a panic on purpose")), "the panic is logged");
  } finally {
    await b.close();
  }
});
