import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { importEdges, readSources } from "./import-graph";

/**
 * Moves modules and rewrites every import of them (and the moved files' own relative imports),
 * keeping each import's style: `@/…` stays `@/…`, a relative path stays relative.
 *
 *   npx tsx scripts/structure/move-modules.ts lib/queries/get-run.ts=lib/queries/runs/get-run.ts …
 *
 * Moves go through `git mv`, so history follows the file.
 */
const ROOT = path.resolve(import.meta.dirname, "..", "..");
const DIRS = ["lib", "app", "components", "workers", "bin", "scripts", "bench", "e2e"];

const moves = new Map(
  process.argv.slice(2).map((arg) => {
    const [from, to] = arg.split("=");
    if (!from || !to || !fs.existsSync(path.join(ROOT, from))) throw new Error(`bad move "${arg}": want existing/path.ts=new/path.ts`);
    return [from, to] as const;
  }),
);

const sources = readSources(ROOT, DIRS);
const edges = importEdges(sources);
const where = (file: string) => moves.get(file) ?? file;
const stripExt = (p: string) => p.replace(/\.(ts|tsx)$/, "").replace(/\/index$/, "");

function specifierFor(fromFile: string, target: string, original: string): string {
  const keepsExt = /\.(ts|tsx)$/.test(original);
  const targetPath = keepsExt ? target : stripExt(target);
  if (original.startsWith("@/")) return `@/${targetPath}`;
  let rel = path.posix.relative(path.posix.dirname(fromFile), targetPath);
  if (!rel.startsWith(".")) rel = `./${rel}`;
  return rel;
}

const rewrites = new Map<string, { from: string; to: string }[]>();
for (const e of edges) {
  if (!e.target || !(e.specifier.startsWith(".") || e.specifier.startsWith("@/"))) continue;
  if (!moves.has(e.from) && !moves.has(e.target)) continue;
  // a target outside the files read (lib/db/generated) never moves, but an importer of it may
  const known = sources.some((s) => s.path === e.target);
  const next = specifierFor(where(e.from), known ? where(e.target) : e.target, e.specifier);
  if (next === e.specifier) continue;
  if (!rewrites.has(e.from)) rewrites.set(e.from, []);
  rewrites.get(e.from)!.push({ from: e.specifier, to: next });
}

for (const [file, list] of rewrites) {
  const full = path.join(ROOT, file);
  let text = fs.readFileSync(full, "utf8");
  for (const { from, to } of list) {
    text = text.replaceAll(`"${from}"`, `"${to}"`).replaceAll(`'${from}'`, `'${to}'`);
  }
  fs.writeFileSync(full, text);
}
for (const [from, to] of moves) {
  fs.mkdirSync(path.dirname(path.join(ROOT, to)), { recursive: true });
  execFileSync("git", ["mv", from, to], { cwd: ROOT });
}
console.log(`moved ${moves.size} files, rewrote imports in ${rewrites.size}`);
