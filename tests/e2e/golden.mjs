// The example pilots' figures as the independent 3.0 reference computed them
// (tools/standard3.py, tests/golden/standard3.json: each example is a scenario named by its id).
import { readFileSync } from "node:fs";

const table = JSON.parse(readFileSync(new URL("../golden/standard3.json", import.meta.url)));

/** The reference's figures for example `id`: `expected`, `conservative`, `L`, `cases_needed`, … */
export function example(id) {
  const found = table.pilots.find((p) => p.name === id);
  if (!found) throw new Error(`no reference scenario for ${id}`);
  return found.expected;
}
