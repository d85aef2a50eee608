import { isTestFile, type DbCall, type ImportEdge } from "./import-graph";

/**
 * The layering the repository keeps (README "Layout"), as checks over the import graph. Each
 * function returns violations as "file:line …" strings; an empty list means the rule holds.
 *
 * Tests (*.test.ts) are exempt: nothing imports a test, so it cannot close a cycle, and an
 * integration test may well assemble several layers (render the run page's summary of a run the
 * worker trained). The rules are about the code the product runs.
 */
export interface LayerPolicy {
  /** lib files allowed to import a framework package, each with the reason. */
  libAdapters: Record<string, string>;
  /** Top-level folders (or lib sub-folders, as `lib/runs`) whose code may call the database. */
  dbLayers: string[];
}

export const POLICY: LayerPolicy = {
  libAdapters: {
    "lib/actions/next-cookie-jar.ts":
      "the server actions' one door to Next's request (next/headers: cookies and the client address); everything else in lib/actions takes a CookieJar",
  },
  dbLayers: [
    "lib/db", // the client itself, migrations, the embedded server
    "lib/queries", // the read layer: every page's reads, grouped by page
    "lib/actions", // the write layer behind the forms (server actions)
    "lib/runs", // the run layer: creating, leasing, executing, storing episodes
    "lib/training", // the run layer for training runs
    "lib/annotations", // the annotation queue's claims and default labels (its own tables)
    "lib/auth", // users and sessions
    "lib/problems", // importing datasets
    "lib/datasets", // the transactional import of a problems file (CodeContests or a benchmark format)
    "lib/crypto/endpoint-api-key.ts", // reads an endpoint's encrypted key, nothing else
    "lib/seed", // the demo data `rlef start` seeds
    "lib/testing", // test fixtures
  ],
};

const FRAMEWORK = /^(next|react|react-dom)(\/|$)/;
const UPPER_LAYERS = /^(app|components|workers|bin)\//;

const at = (e: { from: string; line: number }) => `${e.from}:${e.line}`;
const product = (edges: ImportEdge[]) => edges.filter((e) => !isTestFile(e.from));

/** lib is framework-free: no next/react, nothing from app/components/workers/bin (one named adapter). */
export function libImportsUpward(edges: ImportEdge[], policy: LayerPolicy = POLICY): string[] {
  return product(edges)
    .filter((e) => e.from.startsWith("lib/") && !(e.from in policy.libAdapters))
    .filter((e) => FRAMEWORK.test(e.specifier) || (e.target !== null && UPPER_LAYERS.test(e.target)))
    .map((e) => `${at(e)} imports ${e.specifier} (lib must not depend on the framework or on app/components/workers/bin)`);
}

/** Components are used by app/ routes, never the other way round. */
export function componentsImportApp(edges: ImportEdge[]): string[] {
  return product(edges)
    .filter((e) => e.from.startsWith("components/") && e.target !== null && e.target.startsWith("app/"))
    .map((e) => `${at(e)} imports ${e.specifier} (components must not import from app/)`);
}

/** The folder of a lib file: lib/runs/lease.ts → runs. */
function libFolder(file: string): string | null {
  const parts = file.split("/");
  return parts[0] === "lib" && parts.length > 2 ? parts[1] : null;
}

/** Strongly connected components of lib's folder graph (Tarjan), each with one example import per edge. */
export function libFolderCycles(edges: ImportEdge[]): string[] {
  const graph = new Map<string, Map<string, ImportEdge>>();
  for (const e of product(edges)) {
    const a = libFolder(e.from);
    const b = e.target ? libFolder(e.target) : null;
    if (!a || !b || a === b) continue;
    if (!graph.has(a)) graph.set(a, new Map());
    if (!graph.get(a)!.has(b)) graph.get(a)!.set(b, e);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  let next = 0;
  const connect = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) connect(v);
  return components.map((members) => {
    const inside = new Set(members);
    const examples = members.flatMap((a) =>
      [...(graph.get(a) ?? new Map<string, ImportEdge>()).entries()]
        .filter(([b]) => inside.has(b))
        .map(([b, e]) => `${a} → ${b} (${at(e)} imports ${e.specifier})`),
    );
    return `lib folders import each other: ${members.join(" ⇄ ")}: ${examples.join("; ")}`;
  });
}

/** Database calls only in the query and run layers (and the few stores that own their tables). */
export function dbCallsOutsideLayers(calls: DbCall[], policy: LayerPolicy = POLICY): string[] {
  const inLayer = (file: string) => policy.dbLayers.some((layer) => file === layer || file.startsWith(`${layer}/`));
  return calls
    .filter((c) => !isTestFile(c.file) && !inLayer(c.file))
    .map(
      (c) => `${c.file}:${c.line} calls the database (${c.call}); move the read into lib/queries or the write into lib/actions or lib/runs`,
    );
}
