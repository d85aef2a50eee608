import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The Python files that ship in lib/sandbox/ and run inside the sandbox. */
export type SandboxSourceFile =
  | "supervisor.py"
  | "_rlef_supervisor_child.py"
  | "_rlef_supervisor_io.py"
  | "_rlef_supervisor_isolation.py"
  | "_rlef_supervisor_relay.py"
  | "_rlef_plain_init.py"
  | "function-harness.py";

/** Present in lib/sandbox/ only: a directory holding it is the real one, not a bundler's copy. */
const MARKER: SandboxSourceFile = "function-harness.py";

/**
 * lib/sandbox/ on disk. Under tsx, vitest and the worker this module's own directory; under Next's
 * server bundle `import.meta.url` names a chunk (and `new URL("./x.py", import.meta.url)` is turned
 * into an emitted asset the bundler rewrites, `import.meta.dirname` is undefined), so the app falls
 * back to lib/sandbox under its working directory, the project root `next start` runs in. Written
 * without the `new URL(literal, import.meta.url)` pattern on purpose, so no bundler rewrites it.
 */
export function sandboxSourceDir(): string {
  const candidates: string[] = [];
  const moduleUrl: unknown = import.meta.url;
  if (typeof moduleUrl === "string" && moduleUrl.startsWith("file:")) candidates.push(path.dirname(fileURLToPath(moduleUrl)));
  candidates.push(path.join(process.cwd(), "lib", "sandbox"));
  const found = candidates.find((dir) => existsSync(path.join(dir, MARKER)));
  if (!found) throw new Error(`lib/sandbox's Python files not found (looked in ${candidates.join(", ")})`);
  return found;
}

const sources = new Map<SandboxSourceFile, string>();

/** A sandbox Python file's text, read once per process. */
export function readSandboxSource(file: SandboxSourceFile): string {
  let source = sources.get(file);
  if (source === undefined) {
    source = readFileSync(path.join(sandboxSourceDir(), file), "utf8");
    sources.set(file, source);
  }
  return source;
}
