// The app's own router (src/ui/router.rs) end to end: links followed in place within a
// view's wasm and loaded in full to another's (assets/boot.js picks it), Back and Forward,
// deep links, the 404 view, query strings, ids that hold URL syntax, aria-current, where
// focus lands, and the clicks it must leave to the browser.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile, writeFile, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { start } from "./server.mjs";
import { addLink, launch, markDocument, open, openWithExamples, sameDocument } from "./browser.mjs";

const EXAMPLES = JSON.parse(await readFile(new URL("../../src/audit/examples.json", import.meta.url), "utf8"));
const TRIAGE = "/pilot/example-ticket-triage";

let server;
let dir;
before(async () => {
  server = await start();
  dir = await mkdtemp(join(tmpdir(), "pilot-audit-router-"));
});
after(async () => {
  await server.close();
});

/** The text of the view's first heading (the step title on a questionnaire step). */
function heading(page) {
  return page.evaluate(() => (document.querySelector("#step-title") ?? document.querySelector("main h1"))?.textContent);
}

/** Wait until the view's heading reads `text`. */
async function headingIs(page, text) {
  await page.waitForFunction(
    (want) => (document.querySelector("#step-title") ?? document.querySelector("main h1"))?.textContent === want,
    text,
    { timeout: 10000 },
  );
}


/** The hrefs of the elements that carry aria-current="page". */
const currentLinks = (page) =>
  page.evaluate(() => [...document.querySelectorAll('[aria-current="page"]')].map((a) => a.getAttribute("href")));

test("Back and Forward walk library → report → step → compare, each view with its heading", async () => {
  const b = await launch(server.url);
  const page = b.page;
  try {
    await openWithExamples(page, server.url);
    await markDocument(page);
    const entries = await page.evaluate(() => history.length);
    const walk = [
      ["/", "Library"],
      [TRIAGE, "Support ticket triage"],
      [`${TRIAGE}/edit/1`, "Step 1 of 6: Basics"],
      ["/compare", "Compare pilots"],
    ];
    await page.locator("[data-pilot-id=example-ticket-triage] h3 a").click();
    await headingIs(page, walk[1][1]);
    assert.equal(await sameDocument(page), false, "another view's wasm: a full load");
    await page.getByRole("link", { name: "Edit answers" }).click();
    await headingIs(page, walk[2][1]);
    // Steps of the questionnaire are one view: moved between in place.
    await markDocument(page);
    await page.getByRole("button", { name: "Next" }).click();
    await headingIs(page, "Step 2 of 6: Task and human baseline");
    await page.goBack();
    await headingIs(page, walk[2][1]);
    assert.equal(await sameDocument(page), true, "no full load between steps");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Compare", exact: true }).click();
    await headingIs(page, walk[3][1]);
    assert.equal(page.url(), server.url + "/compare");
    assert.equal(await page.evaluate(() => history.length), entries + 3, "one history entry a link");
    for (const [path, text] of walk.slice(0, -1).reverse()) {
      await page.goBack();
      await headingIs(page, text);
      assert.equal(page.url(), server.url + path);
    }
    for (const [path, text] of walk.slice(1)) {
      await page.goForward();
      await headingIs(page, text);
      assert.equal(page.url(), server.url + path);
    }
    assert.deepEqual(await currentLinks(page), ["/compare"]);
    assert.deepEqual(b.problems.page, []);
    assert.deepEqual(b.problems.console, []);
  } finally {
    await b.close();
  }
});

test("Back to a page kept by the browser shows what was saved since, not what it showed", async () => {
  const b = await launch(server.url, undefined, { backForwardCache: true });
  const page = b.page;
  try {
    // Whether a page came back from the back-forward cache (kept across the reload it makes).
    await b.context.addInitScript(() =>
      addEventListener("pageshow", (e) => e.persisted && sessionStorage.setItem("restored", location.pathname)),
    );
    await openWithExamples(page, server.url);
    await open(page, server.url, TRIAGE);
    await headingIs(page, "Support ticket triage");
    await page.getByRole("link", { name: "Edit answers" }).click();
    await page.waitForSelector("#f-name");
    await page.fill("#f-name", "Triage, renamed");
    await page.goBack();
    await headingIs(page, "Triage, renamed");
    assert.equal(await page.title(), "Triage, renamed · Report · Pilot Audit");
    assert.equal(await page.evaluate(() => sessionStorage.getItem("restored")), TRIAGE, "it came back from the cache");
    assert.deepEqual(b.problems.page, []);
  } finally {
    await b.close();
  }
});

test("deep links open each view, unknown paths the 404 view, unknown pilots and steps say so", async () => {
  const b = await launch(server.url);
  const page = b.page;
  try {
    await openWithExamples(page, server.url);
    for (const [path, text, title] of [
      ["/", "Library", "Library · Pilot Audit"],
      [TRIAGE, "Support ticket triage", "Support ticket triage · Report · Pilot Audit"],
      [`${TRIAGE}/`, "Support ticket triage", "Support ticket triage · Report · Pilot Audit"],
      [`${TRIAGE}/edit/3`, "Step 3 of 6: Reliability evidence", "Step 3 of 6 · Support ticket triage · Pilot Audit"],
      [`${TRIAGE}/edit/9`, "No such step", "No such step · Pilot Audit"],
      ["/compare?ids=example-kyc-checks,example-ticket-triage", "Compare pilots", "Compare · Pilot Audit"],
      ["/standard", "How we score", "How we score · Pilot Audit"],
      ["/share", "This link cannot be shown", "Shared with you · Pilot Audit"],
      ["/share/compare", "This link cannot be shown", "Shared with you · Pilot Audit"],
      ["/share/more", "Page not found"],
      ["/compare/more", "Page not found"],
      ["/pilot/x/edit", "Page not found"],
      ["/debug/panic", "Error panel check"],
      ["/no-such-page", "Page not found", "Page not found · Pilot Audit"],
      ["/standard/more", "Page not found"],
      ["/pilot/", "Page not found"],
      [`${TRIAGE}/edit/2/x`, "Page not found"],
      ["/pilot/no-such-pilot", "Pilot not found", "Pilot not found · Pilot Audit"],
      ["/pilot/no-such-pilot/edit/1", "Pilot not found", "Pilot not found · Pilot Audit"],
    ]) {
      await open(page, server.url, path);
      await headingIs(page, text);
      if (title) assert.equal(await page.title(), title, path);
    }
    // From the 404 view into the app, and Back to it again.
    await open(page, server.url, "/no-such-page");
    await page.getByRole("link", { name: "Go to the library" }).click();
    await headingIs(page, "Library");
    // A link to the page shown adds no history entry (Back would seem to do nothing).
    const entries = await page.evaluate(() => history.length);
    await page.locator("header").getByRole("link", { name: "Library" }).click();
    assert.equal(await page.evaluate(() => history.length), entries);
    await page.goBack();
    await headingIs(page, "Page not found");
    assert.equal(page.url(), server.url + "/no-such-page");
    // Titles follow a move in place, also to the views that say a pilot is missing.
    await open(page, server.url, TRIAGE);
    await headingIs(page, "Support ticket triage");
    const toMissing = await addLink(page, "/pilot/no-such-pilot");
    await markDocument(page);
    await toMissing.click();
    await headingIs(page, "Pilot not found");
    assert.equal(await page.title(), "Pilot not found · Pilot Audit");
    assert.equal(await sameDocument(page), true);
    assert.deepEqual(b.problems.page, []);
  } finally {
    await b.close();
  }
});

test("the report of a missing example loads the examples through the library and comes back", async () => {
  const b = await launch(server.url);
  const page = b.page;
  try {
    await open(page, server.url, "/pilot/example-kyc-checks");
    await headingIs(page, "Pilot not found");
    await page.getByRole("link", { name: "Load example pilots" }).click();
    await page.waitForURL(`${server.url}/pilot/example-kyc-checks`);
    await headingIs(page, "KYC document checks");
    assert.equal(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes("/pilot/")).length), 6);
    // The library's address asking for it was replaced: Back does not load them again.
    await page.goBack();
    assert.notEqual(new URL(page.url()).search, "?load-examples=example-kyc-checks");
    // Not an example's id: no such offer.
    await open(page, server.url, "/pilot/p-1");
    await headingIs(page, "Pilot not found");
    assert.equal(await page.getByRole("link", { name: "Load example pilots" }).count(), 0);
    assert.deepEqual(b.problems.page, []);
  } finally {
    await b.close();
  }
});

test("ids holding %2e%2e%2f, a#b, a/b?c and é open by click and by deep link, and go to compare in order", async () => {
  const b = await launch(server.url);
  const page = b.page;
  try {
    await open(page, server.url, "/");
    const ids = ["%2e%2e%2f", "a#b", "a/b?c=d", "é"];
    const pilots = ids.map((id, i) => ({ ...EXAMPLES.pilots[0], id, name: `Odd id ${i}` }));
    const file = join(dir, "odd-ids.json");
    await writeFile(file, JSON.stringify({ format: "pilot-audit", version: 1, pilots }));
    await page.getByTestId("import-input").setInputFiles(file);
    await page.getByTestId("import-confirm").click();
    await page.locator("[data-testid=pilot-row]").nth(ids.length - 1).waitFor();
    for (const [i, id] of ids.entries()) {
      const report = `${server.url}/pilot/${encodeURIComponent(id)}`;
      await page.locator("[data-testid=pilot-row]").filter({ hasText: `Odd id ${i}` }).locator("h3 a").click();
      await headingIs(page, `Odd id ${i}`);
      assert.equal(page.url(), report, id);
      await page.getByRole("link", { name: "Edit answers" }).click();
      await page.waitForURL(`${report}/edit/1`);
      await page.waitForSelector("#f-name");
      assert.equal(await page.inputValue("#f-name"), `Odd id ${i}`, id);
      await page.goBack();
      await headingIs(page, `Odd id ${i}`);
      await page.goBack();
      await headingIs(page, "Library");
    }
    for (const [i, id] of ids.entries()) {
      await open(page, server.url, `/pilot/${encodeURIComponent(id)}`);
      await headingIs(page, `Odd id ${i}`);
      await open(page, server.url, `/pilot/${encodeURIComponent(id)}/edit/2`);
      await headingIs(page, "Step 2 of 6: Task and human baseline");
    }
    // Compare reads the encoded ids from the query string, in the order given.
    const order = ["a#b", "%2e%2e%2f", "é", "a/b?c=d"];
    await open(page, server.url, `/compare?ids=${order.map(encodeURIComponent).join(",")}`);
    await headingIs(page, "Compare pilots");
    const columns = page.locator("thead th[data-pilot-id]");
    await columns.nth(order.length - 1).waitFor();
    assert.deepEqual(await columns.evaluateAll((ths) => ths.map((th) => th.dataset.pilotId)), order);
    await columns.nth(0).getByRole("link").click();
    await headingIs(page, "Odd id 1");
    assert.equal(page.url(), `${server.url}/pilot/a%23b`);
    assert.deepEqual(b.problems.page, []);
  } finally {
    await b.close();
  }
});

test("aria-current marks the current header link and step link, and moves with navigation", async () => {
  const b = await launch(server.url);
  const page = b.page;
  try {
    await openWithExamples(page, server.url);
    // The brand and Library both lead to /.
    assert.deepEqual(await currentLinks(page), ["/", "/"]);
    const nav = page.getByRole("navigation", { name: "Main" });
    await nav.getByRole("link", { name: "How we score", exact: true }).click();
    await headingIs(page, "How we score");
    assert.deepEqual(await currentLinks(page), ["/standard"]);
    await nav.getByRole("link", { name: "Compare", exact: true }).click();
    await headingIs(page, "Compare pilots");
    assert.deepEqual(await currentLinks(page), ["/compare"]);
    // A query string is still the same page.
    await open(page, server.url, "/compare?ids=example-kyc-checks");
    assert.deepEqual(await currentLinks(page), ["/compare"]);
    // In the questionnaire: the step shown, and no header link.
    await open(page, server.url, `${TRIAGE}/edit/2`);
    await headingIs(page, "Step 2 of 6: Task and human baseline");
    const steps = page.getByRole("navigation", { name: "Questionnaire steps" });
    assert.deepEqual(await currentLinks(page), [`${TRIAGE}/edit/2`]);
    await steps.getByRole("link", { name: "4. Integration and deployment" }).click();
    await headingIs(page, "Step 4 of 6: Integration and deployment");
    assert.deepEqual(await currentLinks(page), [`${TRIAGE}/edit/4`]);
    await page.getByRole("button", { name: "Next" }).click();
    await headingIs(page, "Step 5 of 6: Compute and cost");
    assert.deepEqual(await currentLinks(page), [`${TRIAGE}/edit/5`]);
    await page.goBack();
    await headingIs(page, "Step 4 of 6: Integration and deployment");
    assert.deepEqual(await currentLinks(page), [`${TRIAGE}/edit/4`]);
  } finally {
    await b.close();
  }
});

test("after navigating in place, the page is at the top and focus is on <main>; a fragment link reaches the view", async () => {
  const b = await launch(server.url, { width: 360, height: 640 });
  const page = b.page;
  try {
    await openWithExamples(page, server.url);
    const activeId = () => page.evaluate(() => document.activeElement?.id);
    // A link to another report, far down a report: followed in place.
    await open(page, server.url, TRIAGE);
    await headingIs(page, "Support ticket triage");
    await markDocument(page);
    const last = await addLink(page, "/pilot/example-kyc-checks");
    await last.scrollIntoViewIfNeeded();
    assert.ok((await page.evaluate(() => window.scrollY)) > 0, "scrolled down the report");
    await last.click();
    await page.waitForURL(/\/pilot\/example-kyc-checks$/);
    await headingIs(page, "KYC document checks");
    assert.equal(await page.evaluate(() => window.scrollY), 0, "at the top of the report");
    assert.equal(await activeId(), "main");
    // Back moves focus the same way.
    await page.locator("main").evaluate((el) => el.blur());
    await page.goBack();
    await headingIs(page, "Support ticket triage");
    await page.waitForFunction(() => document.activeElement?.id === "main");
    assert.equal(await sameDocument(page), true);
    // Next in the questionnaire moves on to the step's title (the view knows better).
    await open(page, server.url, `${TRIAGE}/edit/1`);
    await page.getByRole("button", { name: "Next" }).click();
    await headingIs(page, "Step 2 of 6: Task and human baseline");
    await page.waitForFunction(() => document.activeElement?.id === "step-title");
    // A link to another fragment of the same page: the browser follows it, the view hears
    // of it (the questionnaire focuses the field it names).
    await markDocument(page);
    await (await addLink(page, "#f-task-monthly_volume", "#step-title")).click();
    await page.waitForFunction(() => document.activeElement?.id === "f-task-monthly_volume");
    assert.equal(page.url(), `${server.url}${TRIAGE}/edit/2#f-task-monthly_volume`);
    assert.equal(await sameDocument(page), true);
    // The browser focuses a fragment's target on a click, but not on Back or Forward: there
    // only the app, told of the new fragment, can.
    await page.goBack();
    await page.waitForURL(`${server.url}${TRIAGE}/edit/2`);
    await page.evaluate(() => document.activeElement?.blur());
    await page.goForward();
    await page.waitForFunction(() => document.activeElement?.id === "f-task-monthly_volume");
    assert.equal(await sameDocument(page), true);
    // The skip link, by keyboard: focus on <main>.
    await open(page, server.url, "/");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Skip to content");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.id === "main");
    await headingIs(page, "Library");
    assert.equal(page.url(), `${server.url}/`, "the skip link leaves the address alone");
    // On a shared report the fragment is the link: the skip link must not replace it.
    const { deflateSync } = await import("node:zlib");
    const shared = `/share#v1.${deflateSync(JSON.stringify(EXAMPLES.pilots[0])).toString("base64url")}`;
    await open(page, server.url, shared);
    await page.locator("[data-testid=verdict]").waitFor();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.id === "main");
    assert.equal(page.url(), server.url + shared);
    assert.equal(await page.locator("[data-testid=verdict]").count(), 1, "the shared report is still shown");
  } finally {
    await b.close();
  }
});

test("clicks the browser should handle are left to it: modifier keys, other buttons, target, download, rel=external", async () => {
  const b = await launch(server.url);
  const page = b.page;
  try {
    await openWithExamples(page, server.url);
    // On a report, a link to another report: the report's wasm follows it in place.
    await open(page, server.url, TRIAGE);
    await headingIs(page, "Support ticket triage");
    const toKyc = await addLink(page, "/pilot/example-kyc-checks", "main h1");
    const toKycSelector = `#${await toKyc.getAttribute("id")}`;
    const entries = await page.evaluate(() => history.length);
    // Dispatch a click on a link and report whether anything took it over. A listener added
    // after the router's runs after it; it cancels the click so that the browser does not
    // open tabs or downloads.
    const clickWith = (init, attributes = {}, selector = toKycSelector) =>
      page.evaluate(
        ([init, attributes, selector]) => {
          const link = document.querySelector(selector);
          const saved = Object.fromEntries(Object.keys(attributes).map((name) => [name, link.getAttribute(name)]));
          for (const [name, value] of Object.entries(attributes)) link.setAttribute(name, value);
          let prevented = null;
          const seen = (ev) => {
            prevented = ev.defaultPrevented;
            ev.preventDefault();
          };
          window.addEventListener("click", seen);
          link.dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, ...init }));
          window.removeEventListener("click", seen);
          for (const [name, value] of Object.entries(saved)) {
            if (value === null) link.removeAttribute(name);
            else link.setAttribute(name, value);
          }
          return prevented;
        },
        [init, attributes, selector],
      );
    for (const [what, init, attributes] of [
      ["Ctrl", { ctrlKey: true }],
      ["Meta", { metaKey: true }],
      ["Shift", { shiftKey: true }],
      ["Alt", { altKey: true }],
      ["the middle button", { button: 1 }],
      ["target=_blank", {}, { target: "_blank" }],
      ["download", {}, { download: "" }],
      ["rel=external", {}, { rel: "noopener external" }],
    ]) {
      assert.equal(await clickWith(init, attributes), false, what);
    }
    // So is a plain click on a link to another view's wasm: the browser loads that page.
    assert.equal(await clickWith({}, {}, "header a[href='/compare']"), false, "to compare");
    // A real Ctrl-click opens the report in a new tab and leaves this one where it was.
    const [tab] = await Promise.all([
      b.context.waitForEvent("page"),
      toKyc.click({ modifiers: ["Control"] }),
    ]);
    await tab.waitForURL(server.url + "/pilot/example-kyc-checks");
    await tab.locator("main h1").waitFor();
    assert.equal(page.url(), server.url + TRIAGE);
    assert.equal(await page.evaluate(() => history.length), entries, "no history entry");
    assert.equal(await heading(page), "Support ticket triage");
    // The plain click, dispatched the same way, is followed in place.
    assert.equal(await clickWith({}), true);
    await headingIs(page, "KYC document checks");
    assert.equal(page.url(), server.url + "/pilot/example-kyc-checks");
  } finally {
    await b.close();
  }
});
