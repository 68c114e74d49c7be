// The fingerprint's golden table (DESIGN §11), computed the way a browser would: Node's own
// JSON.parse and JSON.stringify (numbers as JavaScript writes them), keys sorted at every
// level, the pilot without id, created_at and updated_at (and without the answers file
// version 3 added, task.ramp_months and integration.one_off_spent, while they are 0: a
// version-2 pilot keeps its fingerprint), SHA-256 of its UTF-8 bytes
// (node:crypto). Reads the pilots written by `cargo run --example fingerprint_cases` and
// writes tests/golden/fingerprints.json; with --check, compares with the committed file.
//
//   cargo run --quiet --example fingerprint_cases | node tools/fingerprint.mjs [--check]
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";

const OUT = new URL("../tests/golden/fingerprints.json", import.meta.url);
const sorted = (v) =>
  Array.isArray(v) ? v.map(sorted)
  : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted(v[k])]))
  : v;

const file = JSON.parse(readFileSync(0, "utf8"));
const cases = file.pilots.map((pilot) => {
  const { id, created_at, updated_at, ...inputs } = structuredClone(pilot);
  for (const [group, field] of [["task", "ramp_months"], ["integration", "one_off_spent"]]) {
    if (inputs[group] && inputs[group][field] === 0) delete inputs[group][field];
  }
  const canonical = JSON.stringify(sorted(inputs));
  const hex = createHash("sha256").update(canonical, "utf8").digest("hex");
  return { id, pilot, canonical, fingerprint: hex.slice(0, 12).match(/.{4}/g).join(" ") };
});
const text = JSON.stringify({ source: "tools/fingerprint.mjs (Node's JSON.stringify and node:crypto)", cases }, null, 1) + "\n";
if (process.argv.includes("--check")) {
  if (readFileSync(OUT, "utf8") !== text) {
    console.error("tests/golden/fingerprints.json differs from what tools/fingerprint.mjs computes");
    process.exit(1);
  }
  console.log("tests/golden/fingerprints.json: matches");
} else {
  writeFileSync(OUT, text);
  console.log(`wrote ${cases.length} fingerprints`);
}
