import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTIONS } from "./registry";

/**
 * A server action is a public POST endpoint, and so is a mutating route handler. This test reads
 * every file under app/ (routes) and components/ (each feature's "use server" entry points live
 * beside the components that call them) and checks that each such entry point calls a registered
 * action (which checks the session and the role) — so a new endpoint cannot skip the wrapper unnoticed.
 */
const ROOT = path.resolve(__dirname, "..", "..");
const ENTRY_DIRS = ["app", "components"].map((dir) => path.join(ROOT, dir));
const REGISTERED = new Set(Object.keys(ACTIONS));

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** Exported functions and their bodies (up to the next top-level export). */
function exportedFunctions(source: string, names?: RegExp): { name: string; body: string }[] {
  const pattern = /^export\s+(?:async\s+)?function\s+(\w+)|^export\s+const\s+(\w+)\s*=/gm;
  const starts = [...source.matchAll(pattern)].map((m) => ({ name: m[1] ?? m[2], index: m.index! }));
  return starts
    .map((s, i) => ({ name: s.name, body: source.slice(s.index, starts[i + 1]?.index ?? source.length) }))
    .filter((f) => !names || names.test(f.name));
}

/** The registered actions this file imports from lib/actions. */
function importedActions(source: string): Set<string> {
  const imported = new Set<string>();
  for (const m of source.matchAll(/import\s*\{([^}]+)\}\s*from\s*["'](?:@\/lib\/actions\/|(?:\.\.\/)+lib\/actions\/)[^"']+["']/g)) {
    for (const name of m[1].split(",").map((n) =>
      n
        .trim()
        .split(/\s+as\s+/)
        .pop()!,
    ))
      if (REGISTERED.has(name)) imported.add(name);
  }
  return imported;
}

function violations(file: string, source: string, functions: { name: string; body: string }[]): string[] {
  const actions = importedActions(source);
  return functions
    .filter((f) => ![...actions].some((a) => new RegExp(`\\b${a}\\s*\\(`).test(f.body)))
    .map((f) => `${path.relative(ROOT, file)}: ${f.name} does not call a registered action (lib/actions/registry.ts)`);
}

describe("server entry points", () => {
  const files = ENTRY_DIRS.flatMap(sourceFiles).map((file) => ({ file, source: fs.readFileSync(file, "utf8") }));

  it('every export of a "use server" file calls a registered action', () => {
    const serverFiles = files.filter((f) => /^\s*["']use server["']/.test(f.source));
    expect(serverFiles.length).toBeGreaterThan(0);
    const problems = serverFiles.flatMap((f) => violations(f.file, f.source, exportedFunctions(f.source)));
    expect(problems).toEqual([]);
  });

  it("every mutating route handler (POST, PUT, PATCH, DELETE) calls a registered action", () => {
    const routes = files.filter((f) => /[\\/]route\.tsx?$/.test(f.file));
    const problems = routes.flatMap((f) => violations(f.file, f.source, exportedFunctions(f.source, /^(POST|PUT|PATCH|DELETE)$/)));
    expect(problems).toEqual([]);
  });

  it('no server action is defined inline in a component ("use server" inside a function)', () => {
    const inline = files.filter((f) => /\{\s*["']use server["']/.test(f.source)).map((f) => path.relative(ROOT, f.file));
    expect(inline).toEqual([]);
  });
});
