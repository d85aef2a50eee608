// Server-only (reads the file system): used by the route handler that serves Monaco.
import { existsSync } from "node:fs";
import path from "node:path";

let root: string | null = null;

/** node_modules/monaco-editor/min, found the way Node resolves packages: from the app's directory upwards. */
export function monacoMinRoot(): string {
  if (root) return root;
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "node_modules", "monaco-editor", "min");
    if (existsSync(candidate)) return (root = candidate);
    if (path.dirname(dir) === dir) return (root = path.join(process.cwd(), "node_modules", "monaco-editor", "min"));
  }
}
