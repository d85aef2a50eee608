import { SERIES_COLORS } from "./chart-colors";

export interface TrainingPanel {
  id: string;
  title: string;
  series: { name: string; color: string }[];
  /** rows by step; a series missing at a step is null (the line bridges it) */
  data: Record<string, number | null>[];
}

const PANELS: { id: string; title: string; match: RegExp }[] = [
  { id: "reward", title: "Reward", match: /reward|return/i },
  { id: "solve", title: "Solve rate", match: /solve|success|pass/i },
  { id: "kl", title: "KL to reference", match: /(^|[^a-z])kl([^a-z]|$)/i },
  { id: "entropy", title: "Entropy", match: /entropy/i },
  { id: "loss", title: "Losses", match: /loss/i },
  { id: "clip", title: "Clip fraction", match: /clip/i },
];

/** Largest number of points a panel keeps per series (bucket means beyond that). */
export const MAX_POINTS = 400;

function downsample(points: { step: number; value: number }[], max: number) {
  if (points.length <= max) return points;
  const size = Math.ceil(points.length / max);
  const out: { step: number; value: number }[] = [];
  for (let i = 0; i < points.length; i += size) {
    const bucket = points.slice(i, i + size);
    out.push({ step: bucket[0].step, value: bucket.reduce((s, p) => s + p.value, 0) / bucket.length });
  }
  return out;
}

/**
 * Training metrics grouped into the panels a researcher expects (reward,
 * solve rate, KL, entropy, losses, clip fraction; anything else gets its own
 * panel), each series sorted by step, non-finite values dropped, downsampled.
 */
export function prepareTrainingCurves(points: readonly { name: string; step: number; value: number }[]): TrainingPanel[] {
  const byName = new Map<string, { step: number; value: number }[]>();
  for (const p of points) {
    if (!Number.isFinite(p.value)) continue;
    const list = byName.get(p.name) ?? [];
    list.push({ step: p.step, value: p.value });
    byName.set(p.name, list);
  }
  const panels = new Map<string, { title: string; order: number; names: string[] }>();
  for (const name of [...byName.keys()].sort()) {
    const index = PANELS.findIndex((panel) => panel.match.test(name));
    const id = index >= 0 ? PANELS[index].id : `metric:${name}`;
    const entry = panels.get(id) ?? {
      title: index >= 0 ? PANELS[index].title : name,
      order: index >= 0 ? index : PANELS.length,
      names: [],
    };
    entry.names.push(name);
    panels.set(id, entry);
  }
  return [...panels.entries()]
    .sort((a, b) => a[1].order - b[1].order || a[0].localeCompare(b[0]))
    .map(([id, panel]) => {
      const rows = new Map<number, Record<string, number | null>>();
      for (const name of panel.names) {
        const series = downsample(
          [...byName.get(name)!].sort((a, b) => a.step - b.step),
          MAX_POINTS,
        );
        for (const p of series) {
          const row = rows.get(p.step) ?? { step: p.step };
          row[name] = p.value;
          rows.set(p.step, row);
        }
      }
      const data = [...rows.values()].sort((a, b) => (a.step ?? 0) - (b.step ?? 0));
      for (const row of data) for (const name of panel.names) if (!(name in row)) row[name] = null;
      return {
        id,
        title: panel.title,
        series: panel.names.map((name, i) => ({ name, color: SERIES_COLORS[i % SERIES_COLORS.length] })),
        data,
      };
    });
}
