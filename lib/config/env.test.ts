import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { readSources } from "../../scripts/structure/import-graph";
import { ENV_VARS, EnvError, readEnv } from "./env";
import { withEnvDocs } from "./env-docs";

const ROOT = path.resolve(__dirname, "..", "..");
const declared = new Set(Object.keys(ENV_VARS));
/** Names in process.env that are not our configuration, with the reason. */
const NOT_CONFIGURATION: Record<string, string> = {
  PATH: "the system's: where bwrap is looked for",
  TMPDIR: "the system's (os.tmpdir()); the hostile-program test points it at a folder it inspects",
  RLEF_TEST_KEY: "set by model-policy.int.test.ts itself, as the variable a run's apiKeyEnv names",
  RLEF_HOSTILE_SECRET: "set by the hostile-program test, to check a submission cannot read it",
};
const files = [
  ...readSources(ROOT, ["lib", "app", "components", "workers", "bin", "scripts", "bench", "e2e"]),
  ...["playwright.config.ts", "prisma.config.ts", "next.config.js", "proxy.ts"]
    .filter((f) => fs.existsSync(path.join(ROOT, f)))
    .map((f) => ({ path: f, text: fs.readFileSync(path.join(ROOT, f), "utf8") })),
];
/** Every `process.env.NAME` in code (parsed, so comments do not count), and whether it is assigned. */
function envUses(file: { path: string; text: string }) {
  const source = ts.createSourceFile(
    file.path,
    file.text,
    ts.ScriptTarget.Latest,
    true,
    file.path.endsWith(".tsx") ? ts.ScriptKind.TSX : undefined,
  );
  const found: { file: string; name: string; write: boolean; line: number }[] = [];
  const assigns = new Set([ts.SyntaxKind.EqualsToken, ts.SyntaxKind.QuestionQuestionEqualsToken]);
  const visit = (node: ts.Node) => {
    if (
      ts.isPropertyAccessExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      ts.isIdentifier(node.expression.expression) &&
      node.expression.expression.text === "process" &&
      node.expression.name.text === "env"
    ) {
      const parent = node.parent;
      const write = ts.isBinaryExpression(parent) && parent.left === node && assigns.has(parent.operatorToken.kind);
      found.push({
        file: file.path,
        name: node.name.text,
        write,
        line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}
const uses = files.flatMap(envUses);

describe("lib/config/env.ts", () => {
  it("declares every environment variable the repository reads or sets", () => {
    expect(uses.length).toBeGreaterThan(20);
    const undeclared = uses
      .filter((u) => !declared.has(u.name) && !(u.name in NOT_CONFIGURATION))
      .map((u) => `${u.file}:${u.line} ${u.name}`);
    expect(undeclared).toEqual([]);
  });

  it("is how the product reads them: no process.env.X read in lib, app, components, workers or bin", () => {
    const product = /^(lib|app|components|workers|bin)\//;
    const direct = uses
      .filter((u) => product.test(u.file) && !/\.test\.ts$/.test(u.file) && u.file !== "lib/config/env.ts")
      .filter((u) => !u.write && u.name !== "PATH")
      .map((u) => `${u.file}:${u.line} reads process.env.${u.name}: use env().${u.name} (lib/config/env.ts)`);
    expect(direct).toEqual([]);
  });

  it("the README's configuration tables are generated from it (npm run gen:env-docs)", () => {
    const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
    expect(withEnvDocs(readme)).toBe(readme);
    for (const name of declared) expect(readme).toContain(`| \`${name}\` |`);
  });

  it("validates: numbers coerced, an empty number unset, a bad value named", () => {
    expect(readEnv({ RLEF_LEASE_MS: "1200", RLEF_PG_PORT: "" })).toMatchObject({ RLEF_LEASE_MS: 1200, RLEF_PG_PORT: undefined });
    expect(readEnv({ RLEF_ADMIN_PASSWORD: "" }).RLEF_ADMIN_PASSWORD).toBe(""); // kept: ensureAdminUser rejects it with its own message
    expect(() => readEnv({ RLEF_LEASE_MS: "soon", RLEF_PG_PORT: "70000" })).toThrow(EnvError);
    try {
      readEnv({ RLEF_LEASE_MS: "soon", DATABASE_URL: "not a url" });
    } catch (err) {
      expect((err as EnvError).issues.map((i) => i.variable).sort()).toEqual(["DATABASE_URL", "RLEF_LEASE_MS"]);
      expect((err as Error).message).toMatch(/^invalid environment: /);
    }
  });
});
