// The first job end to end: a buyer types a pilot in by keyboard alone, sees the live
// verdict, reloads mid-way and loses nothing, meets clear errors; the library duplicates,
// deletes and undoes. axe-core checks the library and every step. Screenshots of every step.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { start } from "./server.mjs";
import { launch, open, axeViolations, expectFocus, OUTPUT } from "./browser.mjs";

let server;
before(async () => {
  server = await start();
});
after(async () => {
  await server.close();
});

/** Press Tab until the element with `id` has focus (keyboard only, as a person would). */
async function tabTo(page, id) {
  for (let i = 0; i < 80; i++) {
    if (await page.evaluate((want) => document.activeElement?.id === want, id)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`could not reach #${id} with Tab`);
}

/** Type into a field reached by Tab: replace text, pick an option, or toggle a checkbox. */
async function answer(page, id, value) {
  await tabTo(page, id);
  if (value === "press") {
    // A button that moves focus on (Add a batch: to the new batch's first input).
    await page.keyboard.press("Enter");
    return page.waitForFunction((was) => document.activeElement?.id !== was, id);
  }
  const tag = await page.evaluate(() => `${document.activeElement.tagName}:${document.activeElement.type}`);
  if (tag === "INPUT:checkbox") {
    const checked = await page.evaluate(() => document.activeElement.checked);
    if (checked !== value) await page.keyboard.press("Space");
  } else if (tag.startsWith("SELECT")) {
    await page.keyboard.type(value);
  } else {
    await page.keyboard.press("Control+A");
    await page.keyboard.type(String(value));
  }
}

/** Submit the step with Enter from its last field and wait for the next step's URL. */
async function next(page, id, step) {
  await page.keyboard.press("Enter");
  await page.waitForURL(new RegExp(`/pilot/${id}/edit/${step}$`));
}

// The ticket-triage example typed in by hand: the engine says Fix, score 76.
const STEPS = [
  [["f-name", "Support ticket triage"], ["f-vendor", "Zendor Labs"], ["f-owner", "Sam Okafor"]],
  [
    ["f-task-description", "Assign queue and priority to each ticket"],
    ["f-task-input_structure", "Semi"],
    ["f-task-monthly_volume", "60000"],
    ["f-task-human_minutes_per_task", "2.5"],
    ["f-task-hourly_cost", "38"],
    ["f-task-human_error_rate", "8"],
    ["f-task-cost_per_error", "12"],
  ],
  [
    // The evidence log: one batch, added by keyboard (it is dated today).
    ["add-batch", "press"],
    ["f-reliability-batches-0-cases", "800"],
    ["f-reliability-batches-0-failures", "0"],
    ["f-reliability-batches-0-source", "A s"],
    ["f-reliability-failure_detection_rate", "80"],
    ["f-reliability-review_share", "10"],
    ["f-reliability-review_minutes_per_task", "0.5"],
  ],
  [
    ["f-integration-output_destination", "Part"],
    ["f-integration-fallback_to_human", true],
    ["f-integration-monitoring", true],
    ["f-integration-deployment_plan", true],
    ["f-integration-one_off_cost", "90000"],
    ["f-integration-monthly_maintenance", "3000"],
  ],
  [
    ["f-compute-input_tokens_per_task", "1200"],
    ["f-compute-output_tokens_per_task", "50"],
    ["f-compute-price_per_million_input", "2.5"],
    ["f-compute-price_per_million_output", "10"],
    ["f-compute-proprietary_data", true],
  ],
];

test("a new pilot typed in by keyboard alone reaches the engine's verdict, and survives a reload", async () => {
  const b = await launch(server.url);
  const page = b.page;
  try {
    await open(page, server.url, "/");
    await tabTo(page, await page.getByRole("link", { name: "New pilot" }).last().evaluate((el) => (el.id ||= "new-pilot-link")));
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/pilot\/p-[0-9a-f-]+\/edit\/1$/);
    const id = page.url().match(/\/pilot\/([^/]+)\/edit/)[1];
    // A new pilot has no name yet: no verdict until every answer is valid.
    assert.equal(await page.getByTestId("live-verdict").textContent(), "Answers to fix");
    assert.ok((await page.getByTestId("live-problems").textContent()).includes("Pilot name: must not be empty"));
    for (let i = 0; i < STEPS.length; i++) {
      await page.waitForSelector(`#${STEPS[i][0][0]}`);
      for (const [field, value] of STEPS[i]) await answer(page, field, value);
      await page.screenshot({ path: `${OUTPUT}step-${i + 1}-1280.png`, fullPage: true });
      if (i === 3) {
        // Reload in the middle of step 4: everything typed so far is still there.
        await page.reload();
        await page.waitForSelector("body[data-app-ready]");
        assert.equal(await page.inputValue("#f-integration-one_off_cost"), "90000");
        assert.equal(await page.isChecked("#f-integration-monitoring"), true);
        await page.goto(`${server.url}/pilot/${id}/edit/2`);
        await page.waitForSelector("#f-task-monthly_volume");
        assert.equal(await page.inputValue("#f-task-monthly_volume"), "60000");
        assert.equal(await page.inputValue("#f-task-input_structure"), "semi_structured");
        await page.goBack();
        await page.waitForSelector("#f-integration-monthly_maintenance");
        await tabTo(page, "f-integration-monthly_maintenance");
      }
      await next(page, id, i + 2);
    }
    assert.equal(await page.getByTestId("live-verdict").textContent(), "Fix");
    assert.equal(await page.getByTestId("live-reliability").getAttribute("data-status"), "warn");
    assert.equal((await page.getByTestId("live-unit_economics").textContent()).trim(), "Pass Profitable per task");
    await page.getByRole("heading", { name: "Step 6 of 6: Check your answers" }).waitFor();
    assert.ok((await page.locator("main").textContent()).includes("1 batch; counted 800 cases and 0 failures"));
    await page.screenshot({ path: `${OUTPUT}step-6-1280.png`, fullPage: true });
    // A Change link opens the field's step with the field focused; Back returns to the review.
    await page.getByRole("link", { name: "Change monthly volume (tasks a month)" }).click();
    await page.waitForURL(`${server.url}/pilot/${id}/edit/2#f-task-monthly_volume`);
    await page.waitForFunction(() => document.activeElement?.id === "f-task-monthly_volume");
    await page.goBack();
    await page.getByRole("heading", { name: "Step 6 of 6: Check your answers" }).waitFor();
    // The report agrees with the live panel and with the engine (Fix, 76).
    await page.getByRole("link", { name: "See the assessment" }).click();
    await page.waitForURL(`${server.url}/pilot/${id}`);
    assert.equal(await page.getByTestId("verdict").textContent(), "Fix");
    assert.equal(await page.getByTestId("score").textContent(), "76");
    // Finished: the library shows it without a draft mark.
    await page.goto(server.url + "/");
    await page.waitForSelector(`[data-pilot-id="${id}"]`);
    assert.ok(!(await page.locator(`[data-pilot-id="${id}"]`).textContent()).includes("Draft"));
    assert.deepEqual(b.problems.page, []);
    assert.deepEqual(b.problems.console, []);
    assert.deepEqual(b.problems.foreign, []);
  } finally {
    await b.close();
  }
});

test("invalid values show the field message and a summary that takes focus", async () => {
  const b = await launch(server.url);
  const page = b.page;
  try {
    await open(page, server.url, "/pilot/new/edit/1");
    await page.waitForURL(/\/edit\/1$/);
    const id = page.url().match(/\/pilot\/([^/]+)\/edit/)[1];
    // No name: Next is refused, the summary names the field and takes focus.
    await page.getByRole("button", { name: "Next" }).click();
    const summary = page.locator("#error-summary");
    await summary.waitFor();
    assert.ok((await summary.textContent()).includes("Pilot name: must not be empty"));
    await expectFocus(page, "error-summary");
    await summary.getByRole("link").first().click();
    await expectFocus(page, "f-name");
    await page.keyboard.type("Broken numbers");
    await page.getByRole("button", { name: "Next" }).click();
    await page.waitForURL(`${server.url}/pilot/${id}/edit/2`);
    // A negative volume and a rate over 100%: messages at the fields and in the summary.
    await page.fill("#f-task-monthly_volume", "-5");
    await page.fill("#f-task-human_error_rate", "150");
    assert.equal(await page.locator("#f-task-monthly_volume-error").textContent(), "Error: must be 0 or more");
    assert.equal(await page.getAttribute("#f-task-monthly_volume", "aria-invalid"), "true");
    assert.ok((await page.getAttribute("#f-task-monthly_volume", "aria-describedby")).includes("f-task-monthly_volume-error"));
    await page.getByRole("button", { name: "Next" }).click();
    await summary.waitFor();
    const text = await summary.textContent();
    assert.ok(text.includes("Monthly volume (tasks a month): must be 0 or more"), text);
    assert.ok(text.includes("Human error rate (%): must be between 0% and 100%"), text);
    assert.equal(page.url(), `${server.url}/pilot/${id}/edit/2`, "stays on the step");
    for (const width of [1280, 360]) {
      await page.setViewportSize({ width, height: 800 });
      await page.screenshot({ path: `${OUTPUT}errors-${width}.png`, fullPage: true });
    }
    assert.ok(!(await page.locator("body").textContent()).includes("NaN"));
    // The draft is marked in the library.
    await page.goto(server.url + "/");
    assert.ok((await page.locator(`[data-pilot-id="${id}"]`).textContent()).includes("Draft — step 2 of 6"));
  } finally {
    await b.close();
  }
});

test("duplicate, delete and undo in the library", async () => {
  const b = await launch(server.url);
  const page = b.page;
  try {
    await open(page, server.url, "/");
    await page.getByRole("button", { name: "Load example pilots" }).click();
    const rows = page.locator("[data-testid=pilot-row]");
    await rows.nth(5).waitFor();
    await page.getByRole("button", { name: "Duplicate Invoice fields into the ERP" }).click();
    await page.waitForURL(/\/edit\/1$/);
    assert.equal(await page.inputValue("#f-name"), "Copy of Invoice fields into the ERP");
    assert.equal(await page.getByTestId("live-verdict").textContent(), "Fix");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Library" }).click();
    await rows.nth(6).waitFor();
    assert.equal(await rows.count(), 7);
    await page.getByRole("button", { name: "Delete Copy of Invoice fields into the ERP" }).click();
    await page.getByText("Deleted “Copy of Invoice fields into the ERP”.").waitFor();
    assert.equal(await rows.count(), 6);
    await page.reload();
    await page.waitForSelector("body[data-app-ready]");
    assert.equal(await rows.count(), 6, "the delete was saved");
    await page.getByRole("button", { name: "Delete Support ticket triage" }).click();
    assert.equal(await rows.count(), 5);
    await page.getByRole("button", { name: "Undo" }).click();
    assert.equal(await rows.count(), 6);
    await page.reload();
    await page.waitForSelector("body[data-app-ready]");
    assert.equal(await rows.count(), 6, "the undo was saved");
    await page.locator("[data-pilot-id=example-ticket-triage] h3 a").click();
    assert.equal(await page.getByTestId("verdict").textContent(), "Fix");
    await page.goto(server.url + "/");
    await page.screenshot({ path: `${OUTPUT}library-actions-1280.png`, fullPage: true });
    await page.setViewportSize({ width: 360, height: 740 });
    await page.screenshot({ path: `${OUTPUT}library-actions-360.png`, fullPage: true });
    assert.deepEqual(b.problems.page, []);
    assert.deepEqual(b.problems.console, []);
  } finally {
    await b.close();
  }
});

test("axe-core finds no WCAG 2.1 AA violation on the library, every step and the report", async () => {
  const b = await launch(server.url, { width: 1280, height: 800 }, { bypassCSP: true });
  const page = b.page;
  try {
    const found = {};
    await open(page, server.url, "/");
    found["/ (empty)"] = await axeViolations(page);
    await page.getByRole("button", { name: "Load example pilots" }).click();
    await page.locator("[data-testid=pilot-row]").nth(5).waitFor();
    found["/"] = await axeViolations(page);
    for (let step = 1; step <= 6; step++) {
      await page.goto(`${server.url}/pilot/example-gpu-cluster/edit/${step}`);
      await page.waitForSelector("body[data-app-ready]");
      await page.waitForSelector(".live-panel");
      found[`step ${step}`] = await axeViolations(page);
      await page.screenshot({ path: `${OUTPUT}example-step-${step}-1280.png`, fullPage: true });
      await page.setViewportSize({ width: 360, height: 740 });
      await page.screenshot({ path: `${OUTPUT}example-step-${step}-360.png`, fullPage: true });
      found[`step ${step} at 360 px`] = await axeViolations(page);
      await page.setViewportSize({ width: 1280, height: 800 });
    }
    for (const path of ["/pilot/example-gpu-cluster", "/standard", "/compare", "/nowhere"]) {
      await page.goto(server.url + path);
      await page.waitForSelector("body[data-app-ready]");
      found[path] = await axeViolations(page);
    }
    // The dark theme (prefers-color-scheme: dark) must pass the same checks, contrast included.
    await page.emulateMedia({ colorScheme: "dark" });
    for (const path of ["/", "/pilot/example-gpu-cluster/edit/2", "/pilot/example-gpu-cluster/edit/6", "/pilot/example-gpu-cluster", "/standard", "/compare?ids=example-gpu-cluster,example-kyc-checks"]) {
      await page.goto(server.url + path);
      await page.waitForSelector("body[data-app-ready]");
      await page.waitForTimeout(200);
      found[`dark ${path}`] = await axeViolations(page);
    }
    await page.goto(`${server.url}/pilot/example-gpu-cluster/edit/2`);
    await page.waitForSelector("#f-task-monthly_volume");
    await page.screenshot({ path: `${OUTPUT}dark-step-2-1280.png`, fullPage: true });
    const bad = Object.entries(found).filter(([, v]) => v.length > 0);
    assert.deepEqual(bad, [], JSON.stringify(bad, null, 1));
  } finally {
    await b.close();
  }
});
