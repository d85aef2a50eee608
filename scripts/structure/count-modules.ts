import { importEdges, readSources } from "./import-graph";

/**
 * The repository modules reachable by imports from some entry files: how many modules one feature
 * passes through. For an eval run's episode, from the launch form to the episode page:
 *
 *   npx tsx scripts/structure/count-modules.ts . components/launch/EvalLaunchForm.tsx \
 *     components/launch/actions.ts workers/processors/eval-run.ts 'app/episodes/[episodeId]/page.tsx'
 *
 * Prints the count, then the modules. The first argument is the tree's root (an extracted old commit works).
 */
const [root, ...entries] = process.argv.slice(2);
const sources = readSources(root, ["lib", "app", "components", "workers", "bin"]);
const known = new Set(sources.map((f) => f.path));
const next = new Map<string, string[]>();
for (const e of importEdges(sources)) {
  if (!e.target || !known.has(e.target)) continue;
  next.set(e.from, [...(next.get(e.from) ?? []), e.target]);
}
const seen = new Set<string>();
const stack = [...entries];
while (stack.length) {
  const file = stack.pop()!;
  if (seen.has(file)) continue;
  seen.add(file);
  stack.push(...(next.get(file) ?? []));
}
console.log(seen.size);
console.log([...seen].sort().join("\n"));
