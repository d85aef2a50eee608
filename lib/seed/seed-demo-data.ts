import fs from "node:fs";
import path from "node:path";
import { getPrisma } from "../db/client";
import { importProblemsFile } from "../datasets/import-problems";

const DEMO_DIR = path.join("lib", "problems", "demo-dataset");

/** The demo dataset's split of each problem (splits.json lists valid and test; the rest is train). */
function demoSplitOf(root: string): (record: { externalId: string }) => string {
  const file = path.join(root, DEMO_DIR, "splits.json");
  const splits = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, string[]>) : {};
  const byName = new Map<string, string>();
  for (const [split, names] of Object.entries(splits)) for (const name of names) byName.set(name, split);
  return (record) => byName.get(record.externalId) ?? "train";
}

/** Load the demo dataset on first start (a no-op afterwards). */
export async function seedDemoData(opts: { root?: string; log?: (l: string) => void } = {}): Promise<void> {
  const root = opts.root ?? process.cwd();
  const file = path.join(root, DEMO_DIR, "demo.jsonl");
  if (!fs.existsSync(file)) {
    opts.log?.(`demo dataset not found at ${file}; skipping`);
    return;
  }
  const result = await importProblemsFile(getPrisma(), file, {
    dataset: "demo",
    split: demoSplitOf(root),
    source: "demo",
    description: "Original problems written for RLEF Studio, with reference and plausible wrong solutions.",
  });
  if (!result.alreadyImported) opts.log?.(`loaded the demo dataset: ${result.created} problems`);
}
