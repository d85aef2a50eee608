import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/** Every `docs/method.md §n` or `§n.m` cited in the code names a section that exists there. */
const ROOT = path.resolve(__dirname, "..", "..");
const method = fs.readFileSync(path.join(ROOT, "docs/method.md"), "utf8");
const sections = new Set([
  ...[...method.matchAll(/^## (\d+)\. /gm)].map((m) => m[1]),
  ...[...method.matchAll(/^\*\*(\d+\.\d+) /gm)].map((m) => m[1]),
]);

function files(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return ["node_modules", "generated", ".next", ".data", "__pycache__"].includes(e.name) ? [] : files(full);
    return /\.(ts|tsx|py|md)$/.test(e.name) ? [full] : [];
  });
}

describe("docs/method.md citations", () => {
  const citations = ["lib", "app", "components", "workers", "bin", "trainer", "docs"].flatMap((dir) =>
    files(path.join(ROOT, dir)).flatMap((file) => {
      const text = fs.readFileSync(file, "utf8");
      // "method.md §4.1", "method.md) §4–6", "§4.4, §5, §6.2"
      return [...text.matchAll(/method\.md\)?\s*((?:§[\d.–-]+(?:,\s*)?)+)/g)].flatMap((m) =>
        [...m[1].matchAll(/§([\d.]+)(?:[–-](\d+))?/g)]
          .flatMap((c) => [c[1].replace(/\.$/, ""), ...(c[2] ? [c[2]] : [])])
          .map((section) => ({ file: path.relative(ROOT, file), section })),
      );
    }),
  );

  it("finds the code's citations", () => expect(citations.length).toBeGreaterThanOrEqual(30));
  it("each names a section of docs/method.md", () => {
    expect(citations.filter((c) => !sections.has(c.section)).map((c) => `${c.file}: §${c.section}`)).toEqual([]);
  });
  it("no comment cites RLEF.md, a file the repository does not have", () => {
    const stale = ["lib", "app", "components", "workers", "bin", "trainer"].flatMap((dir) =>
      files(path.join(ROOT, dir))
        .filter((f) => /(^|[^-\w])RLEF\.md/.test(fs.readFileSync(f, "utf8")))
        .map((f) => path.relative(ROOT, f)),
    );
    expect(stale).toEqual([]);
  });
});
