import { ENV_VARS, type EnvGroup } from "./env";

export const ENV_DOCS_START = "<!-- env-table:start (generated from lib/config/env.ts by `npm run gen:env-docs`; do not edit) -->";
export const ENV_DOCS_END = "<!-- env-table:end -->";

/** The Markdown table of one group of variables, in the order of ENV_VARS. */
export function renderEnvTable(group: EnvGroup): string {
  const rows = Object.entries(ENV_VARS)
    .filter(([, spec]) => spec.group === group)
    .map(([name, spec]) => `| \`${name}\` | ${spec.doc} | ${spec.shown} |`);
  return ["| variable | meaning | default |", "| --- | --- | --- |", ...rows].join("\n");
}

/** What goes between the README's markers: the runtime table, then the one for tests and benchmarks. */
export function renderEnvDocs(): string {
  return [renderEnvTable("runtime"), "", "For tests and benchmarks:", "", renderEnvTable("development")].join("\n");
}

/** The README with its generated section replaced; throws when the markers are missing. */
export function withEnvDocs(readme: string): string {
  const start = readme.indexOf(ENV_DOCS_START);
  const end = readme.indexOf(ENV_DOCS_END);
  if (start < 0 || end < start) throw new Error(`README.md: the markers ${ENV_DOCS_START} … ${ENV_DOCS_END} are missing`);
  return `${readme.slice(0, start + ENV_DOCS_START.length)}\n${renderEnvDocs()}\n${readme.slice(end)}`;
}
