import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { dbCalls, importEdges, prismaModels, readSources, type SourceFile } from "./import-graph";
import { componentsImportApp, dbCallsOutsideLayers, libFolderCycles, libImportsUpward } from "./layer-rules";

/**
 * The layering, checked on every import of the repository (docs/decisions/0006-layering.md):
 * lib is framework-free, components never import app/, lib folders form no cycle, and the
 * database is called only from the query and run layers.
 */
const ROOT = path.resolve(__dirname, "..", "..");
const sources = readSources(ROOT, ["lib", "app", "components", "workers", "bin"]);
const models = prismaModels(fs.readFileSync(path.join(ROOT, "prisma/schema.prisma"), "utf8"));

const treeEdges = importEdges(sources);
const treeDbCalls = dbCalls(sources, models);

/** The rules over the tree plus `planted` files (parsed once each; the tree is parsed once). */
function check(planted: SourceFile[] = []) {
  const edges = [...treeEdges, ...importEdges(planted, sources)];
  return {
    libUpward: libImportsUpward(edges),
    componentsToApp: componentsImportApp(edges),
    cycles: libFolderCycles(edges),
    db: dbCallsOutsideLayers([...treeDbCalls, ...dbCalls(planted, models)]),
  };
}

describe("the repository's layering", () => {
  const result = check();

  it("reads the whole tree", () => {
    expect(sources.length).toBeGreaterThan(300);
    expect(models.has("modelEndpoint")).toBe(true);
  });
  it("lib imports neither the framework nor app/components/workers/bin", () => expect(result.libUpward).toEqual([]));
  it("components never import from app/", () => expect(result.componentsToApp).toEqual([]));
  it("no two lib folders import each other, directly or round a loop", () => expect(result.cycles).toEqual([]));
  it("the database is called only from the query and run layers", () => expect(result.db).toEqual([]));
});

describe("each rule fails on a violation planted in the real tree", () => {
  const plant = (...files: SourceFile[]) => check(files);

  it("lib → react, lib → next, lib → components", () => {
    const r = plant(
      { path: "lib/runs/planted-a.ts", text: 'import { useState } from "react";\nexport const a = useState;\n' },
      { path: "lib/queries/planted-b.ts", text: 'export { redirect } from "next/navigation";\n' },
      { path: "lib/episode/planted-c.ts", text: 'import type { X } from "@/components/run/RunPage";\nexport type Y = X;\n' },
      { path: "lib/metrics/planted-d.ts", text: 'export const load = () => import("../../workers/worker");\n' },
    );
    expect(r.libUpward).toHaveLength(4);
    expect(r.libUpward[0]).toMatch(/^lib\/runs\/planted-a\.ts:1 imports react/);
  });

  it("components → app", () => {
    const r = plant({ path: "components/run/Planted.tsx", text: 'import Page from "@/app/runs/page";\nexport default Page;\n' });
    expect(r.componentsToApp).toEqual([expect.stringMatching(/^components\/run\/Planted\.tsx:1 imports @\/app\/runs\/page/)]);
  });

  it("a cycle between lib folders: judge → sandbox closes sandbox → judge", () => {
    const r = plant({
      path: "lib/judge/planted.ts",
      text: 'import { judgeSubmission } from "../sandbox/judge-submission";\nexport const j = judgeSubmission;\n',
    });
    expect(r.cycles).toEqual([expect.stringContaining("judge ⇄ sandbox")]);
  });

  it("a longer loop: judge → episode closes episode → sandbox → judge", () => {
    const r = plant({
      path: "lib/judge/planted.ts",
      text: 'import { turnReward } from "../episode/reward";\nexport const r = turnReward;\n',
    });
    expect(r.cycles).toEqual([expect.stringContaining("episode ⇄ feedback ⇄ function-tasks ⇄ judge ⇄ sandbox")]);
  });

  it("a database call in a component, a worker and the pipeline", () => {
    const r = plant(
      { path: "components/home/Planted.tsx", text: "export async function P({ db }: any) { return db.run.count(); }\n" },
      { path: "workers/planted.ts", text: "export const q = (tx: any) => tx.episode.findMany({ where: {} });\n" },
      { path: "lib/episode/planted.ts", text: "export const q = (db: any) => db.$queryRaw`SELECT 1`;\n" },
    );
    expect(r.db).toHaveLength(3);
    expect(r.db[0]).toMatch(/^components\/home\/Planted\.tsx:1 calls the database \(run\.count\)/);
  });

  it("tests stay exempt: a test may assemble layers", () => {
    const r = plant({
      path: "lib/runs/planted.int.test.ts",
      text: 'import { RunPage } from "@/components/run/RunPage";\nexport const x = (db: any) => [RunPage, db.run.count()];\n',
    });
    expect(r.libUpward).toEqual([]);
    expect(r.db).toEqual([]);
  });
});
