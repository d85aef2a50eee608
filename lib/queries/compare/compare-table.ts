import { z } from "zod";
import { flipKind, solveRate, type FlipKind } from "./compare-flips";
import type { ProblemPairRow } from "./compare-problem-rows";

/** The problem table's view, kept in the URL like the run page's filters. */
export const compareTableParamsSchema = z.object({
  show: z.enum(["all", "flips", "aOnly", "bOnly", "changed"]).catch("all").default("all"),
  sort: z.enum(["delta", "name", "a", "b"]).catch("delta").default("delta"),
  page: z.coerce.number().int().min(1).catch(1).default(1),
  label: z.string().min(1).max(128).optional().catch(undefined),
});
export type CompareTableParams = z.infer<typeof compareTableParamsSchema>;

export const COMPARE_PAGE_SIZE = 50;

export interface CompareTableRow {
  problemId: string;
  name: string;
  externalId: string;
  difficulty: string | null;
  aSolved: number | null;
  aScored: number | null;
  bSolved: number | null;
  bScored: number | null;
  aRate: number | null;
  bRate: number | null;
  delta: number | null;
  flip: FlipKind;
}

function toTableRow(row: ProblemPairRow): CompareTableRow {
  const aRate = solveRate(row.a);
  const bRate = solveRate(row.b);
  return {
    problemId: row.problemId,
    name: row.name,
    externalId: row.externalId,
    difficulty: row.difficulty,
    aSolved: row.a?.solved ?? null,
    aScored: row.a ? row.a.episodes - row.a.errored : null,
    bSolved: row.b?.solved ?? null,
    bScored: row.b ? row.b.episodes - row.b.errored : null,
    aRate,
    bRate,
    delta: aRate !== null && bRate !== null ? bRate - aRate : null,
    flip: flipKind(row),
  };
}

const nullsLast = (v: number | null, dir: 1 | -1) => (v === null ? Number.POSITIVE_INFINITY : dir * v);

/**
 * Filter, sort and page the per-problem rows. `withLabel` (problem ids with an episode carrying the
 * chosen label, in either run) narrows the table when a label filter is set.
 */
export function buildCompareTable(rows: readonly ProblemPairRow[], params: CompareTableParams, withLabel?: ReadonlySet<string>) {
  const all = rows.map(toTableRow);
  const shown = all.filter((r) => {
    if (withLabel && !withLabel.has(r.problemId)) return false;
    switch (params.show) {
      case "flips":
        return r.flip === "aOnly" || r.flip === "bOnly";
      case "aOnly":
        return r.flip === "aOnly";
      case "bOnly":
        return r.flip === "bOnly";
      case "changed":
        return r.delta !== null && r.delta !== 0;
      default:
        return true;
    }
  });
  const byName = (x: CompareTableRow, y: CompareTableRow) => x.name.localeCompare(y.name) || x.problemId.localeCompare(y.problemId);
  const sorters: Record<CompareTableParams["sort"], (x: CompareTableRow, y: CompareTableRow) => number> = {
    delta: (x, y) =>
      nullsLast(x.delta === null ? null : Math.abs(x.delta), -1) - nullsLast(y.delta === null ? null : Math.abs(y.delta), -1) ||
      byName(x, y),
    name: byName,
    a: (x, y) => nullsLast(x.aRate, -1) - nullsLast(y.aRate, -1) || byName(x, y),
    b: (x, y) => nullsLast(x.bRate, -1) - nullsLast(y.bRate, -1) || byName(x, y),
  };
  shown.sort(sorters[params.sort]);
  const pages = Math.max(1, Math.ceil(shown.length / COMPARE_PAGE_SIZE));
  const page = Math.min(params.page, pages);
  return { rows: shown.slice((page - 1) * COMPARE_PAGE_SIZE, page * COMPARE_PAGE_SIZE), total: shown.length, page, pages };
}

/** The scatter's points: every problem both runs scored, as compact tuples for the browser. */
export function scatterPoints(rows: readonly ProblemPairRow[]): { id: string; name: string; a: number; b: number; flip: FlipKind }[] {
  const points = [];
  for (const row of rows) {
    const a = solveRate(row.a);
    const b = solveRate(row.b);
    if (a !== null && b !== null) points.push({ id: row.problemId, name: row.name, a, b, flip: flipKind(row) });
  }
  return points;
}
