// Debian's Chromium driven by playwright-core, with everything a test needs to assert that
// the page behaved: console errors and warnings, page errors, and requests leaving the origin.
import { chromium } from "playwright-core";
import { mkdtemp, mkdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const OUTPUT = fileURLToPath(new URL("./output/", import.meta.url));

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** A fresh browser profile with the app's origin; `problems` collects what went wrong. */
export async function launch(origin, viewport = { width: 1280, height: 800 }, options = {}) {
  await mkdir(OUTPUT, { recursive: true });
  const profile = await mkdtemp(join(tmpdir(), "pilot-audit-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: "/usr/bin/chromium",
    headless: true,
    args: FLAGS,
    viewport,
    // Only the accessibility checks inject axe-core, which needs an inline script.
    bypassCSP: Boolean(options.bypassCSP),
    // Requests a service worker makes are not seen by page.route(): tests that route turn it off.
    serviceWorkers: options.serviceWorkers || "allow",
    // Playwright turns the back-forward cache off; browsers have it on.
    ignoreDefaultArgs: options.backForwardCache ? ["--disable-back-forward-cache"] : [],
  });
  const problems = { console: [], page: [], foreign: [] };
  // Every request is recorded, also ones that fail or that the CSP blocks (those also log a
  // console error). WebSockets are not requests to Playwright: they are watched separately.
  const wsOrigin = origin.replace(/^http/, "ws");
  const watch = (page) => {
    page.on("console", (msg) => {
      if (msg.type() === "error" || msg.type() === "warning") problems.console.push(`${msg.type()}: ${msg.text()}`);
    });
    page.on("pageerror", (err) => problems.page.push(String(err)));
    page.on("websocket", (ws) => {
      if (!ws.url().startsWith(wsOrigin + "/")) problems.foreign.push(ws.url());
    });
  };
  context.on("page", watch);
  context.pages().forEach(watch);
  context.on("request", (req) => {
    const url = req.url();
    if (!url.startsWith(origin + "/") && !url.startsWith("data:") && !url.startsWith("blob:")) {
      problems.foreign.push(url);
    }
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    problems,
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/** Load `path` and wait until the app has mounted. */
export async function open(page, base, path) {
  await page.goto(base + path);
  await page.waitForSelector("body[data-app-ready]", { timeout: 20000 });
}

/** Load the library, load the example pilots, and wait for their six rows. */
export async function openWithExamples(page, base) {
  await open(page, base, "/");
  await page.getByRole("button", { name: "Load example pilots" }).click();
  await page.locator("[data-testid=pilot-row]").nth(5).waitFor();
}

const AXE = fileURLToPath(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url));

/** axe-core violations (WCAG 2.1 A and AA) on the page as it is; needs bypassCSP. */
export async function axeViolations(page) {
  if (!(await page.evaluate(() => Boolean(window.axe)))) await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(() =>
    window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
  );
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join("; ")})`);
}

/**
 * Put a link to `href` into the page, as a view might draw one: at the end of `<main>`, or
 * right after the element `after` names. Returns its locator.
 */
export async function addLink(page, href, after = null) {
  const id = `added-link-${Math.random().toString(36).slice(2)}`;
  await page.evaluate(([href, id, after]) => {
    const a = document.createElement("a");
    a.href = href;
    a.id = id;
    a.textContent = href;
    if (after) document.querySelector(after).after(a);
    else document.querySelector("main").append(a);
  }, [href, id, after]);
  return page.locator(`#${id}`);
}

/** Mark the document: the mark survives navigation in place and is lost on a full load. */
export const markDocument = (page) => page.evaluate(() => (window.__sameDocument = true));
/** Whether the document marked by `markDocument` is still the one shown. */
export const sameDocument = (page) => page.evaluate(() => window.__sameDocument === true);

/**
 * Wait until the element `id` has the focus: the app moves it after the next frame, which
 * on a loaded machine comes after the test's next step. Fails naming where the focus is.
 */
export async function expectFocus(page, id, what = "focus") {
  try {
    await page.waitForFunction((id) => document.activeElement?.id === id, id, { timeout: 5000 });
  } catch {
    const at = await page.evaluate(() => document.activeElement?.id);
    throw new Error(`${what}: on “${at}”, not “${id}”`);
  }
}
