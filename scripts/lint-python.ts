/**
 * Lints the project's Python with Ruff, with the settings of trainer/pyproject.toml's [tool.ruff].
 *
 * Ruff runs here as Astral's own WebAssembly build (@astral-sh/ruff-wasm-nodejs, an npm package), the
 * same rules engine as the `ruff` binary: PyPI is not reachable on our CI machines and Debian 12 does not
 * package ruff, while the npm registry is there. A developer with the binary gets the same findings from
 * `ruff check trainer`.
 *
 *   npx tsx scripts/lint-python.ts [files...]     (default: every tracked .py file of PYTHON_ROOTS)
 *
 * Exits 1 and prints `file:line:column: CODE message` for each finding.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { PositionEncoding, Workspace } from "@astral-sh/ruff-wasm-nodejs";
import { parse } from "smol-toml";

const ROOT = path.resolve(import.meta.dirname, "..");
// Product Python: the trainer and the benchmarks' scripts. Test programs in lib/ (the demo dataset's
// solutions, the equivalence corpus) are data, judged as users' code is, and are not linted.
const PYTHON_ROOTS = ["trainer", "bench"];

function ruffOptions(): Record<string, unknown> {
  const pyproject = parse(readFileSync(path.join(ROOT, "trainer", "pyproject.toml"), "utf8")) as {
    tool?: { ruff?: Record<string, unknown> };
  };
  const ruff = pyproject.tool?.ruff;
  if (!ruff) throw new Error("trainer/pyproject.toml: no [tool.ruff] table");
  // file selection is ours (PYTHON_ROOTS); the rest is Ruff's own configuration, passed as it is
  const { exclude: _exclude, include: _include, "extend-exclude": _extendExclude, ...options } = ruff;
  return options;
}

function pythonFiles(args: string[]): string[] {
  if (args.length) return args;
  const tracked = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard", "--", ...PYTHON_ROOTS], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return tracked.split("\n").filter((f) => f.endsWith(".py"));
}

const workspace = new Workspace(ruffOptions(), PositionEncoding.Utf16);
let findings = 0;
const files = pythonFiles(process.argv.slice(2));
for (const file of files) {
  const source = readFileSync(path.resolve(ROOT, file), "utf8");
  for (const d of workspace.check(source) as { code: string | null; message: string; start_location: { row: number; column: number } }[]) {
    findings++;
    console.log(`${file}:${d.start_location.row}:${d.start_location.column}: ${d.code ?? "syntax"} ${d.message}`);
  }
}
console.log(`ruff ${Workspace.version()}: ${files.length} files, ${findings === 0 ? "no findings" : `${findings} findings`}`);
process.exit(findings === 0 ? 0 : 1);
