// Sourcing (DESIGN §12) on the report: a hosted pilot on GPUs beside an API, imported from
// the independent reference's golden pilots; its figures as the reference computed them,
// its sentences, no accessibility violation, and a look at it on a desktop and at 360 px.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { start } from "./server.mjs";
import { axeViolations, launch, openWithExamples, OUTPUT } from "./browser.mjs";

const GOLDEN = JSON.parse(readFileSync(new URL("../golden/sourcing.json", import.meta.url)));
const row = (name) => GOLDEN.pilots.find((p) => p.name === name);
const grouped = (x) => Math.round(x).toLocaleString("en-US");

let server;
before(async () => (server = await start()));
after(() => server.close());

test("the report shows each sourcing option with the reference's figures", async () => {
  const picked = ["kyc-3.5x-frontier", "api-triage-gpu-big", "api-alone"].map(row);
  const file = `${OUTPUT}sourcing-pilots.json`;
  writeFileSync(file, JSON.stringify({ format: "pilot-audit", version: 3, pilots: picked.map((r) => r.pilot) }));
  for (const width of [1280, 360]) {
    const b = await launch(server.url, { width, height: 900 }, { bypassCSP: true });
    const page = b.page;
    try {
      await openWithExamples(page, server.url);
      await page.getByTestId("import-input").setInputFiles(file);
      await page.getByTestId("import-confirm").click();
      await page.locator(`[data-pilot-id="${picked[2].pilot.id}"]`).waitFor();
      const [hosted, api, alone] = picked;
      await page.goto(`${server.url}/pilot/${hosted.pilot.id}`);
      await page.waitForSelector("body[data-app-ready]").catch((e) => {
        throw new Error(`${e}: ${JSON.stringify(b.problems)}`);
      });
      const section = page.getByTestId("sourcing");
      const text = await section.innerText();
      const e = hosted.expected;
      assert.match(text, /An open model the buyer hosts/);
      assert.match(text, /A third-party API/);
      assert.ok(text.includes(grouped(e.options[0].monthly_cost)), `own monthly cost in ${text}`);
      assert.ok(text.includes(grouped(e.options[1].monthly_cost)), "API monthly cost");
      assert.ok(text.includes(`up to ${Math.floor(e.break_even_volume).toLocaleString("en-US")} tasks a month`), `break-even volume in ${text}`);
      // 7 GPUs × 36.5 tasks an hour × 730 = 3.5× the 73,000 tasks a month.
      assert.match(text, /Capacity is 3\.5× the work: 250% more than needed\./);
      assert.match(text, new RegExp(`${e.right_sized_gpus} GPUs serve today's volume at 80% utilization or less; the block has 7`));
      // The cost-against-volume chart, drawn, with its text alternative.
      await section.locator("[data-testid=chart] svg").waitFor({ timeout: 15000 });
      assert.match(text, new RegExp(`At today's 73,000: an open model the buyer hosts \\$[\\d,.]+, a third-party API \\$[\\d,.]+; the lines cross at ${Math.floor(e.break_even_volume).toLocaleString("en-US")} tasks a month\\.`));
      assert.deepEqual(await axeViolations(page), []);
      await section.screenshot({ path: `${OUTPUT}sourcing-${width}.png` });
      if (width === 360) {
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `the page scrolls sideways by ${overflow}px`);
      }
      // An API pilot with GPUs as the other option.
      await page.goto(`${server.url}/pilot/${api.pilot.id}`);
      await page.waitForSelector("body[data-app-ready]");
      const apiText = await page.getByTestId("sourcing").innerText();
      assert.ok(apiText.includes(grouped(api.expected.options[1].monthly_cost)), "GPU option's cost");
      // An API pilot with no other option and no GPUs has no sourcing section.
      await page.goto(`${server.url}/pilot/${alone.pilot.id}`);
      await page.waitForSelector("body[data-app-ready]");
      assert.equal(await page.getByTestId("sourcing").count(), 0);
    } finally {
      await b.close();
    }
  }
});
