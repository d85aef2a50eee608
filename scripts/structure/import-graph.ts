import fs from "node:fs";
import path from "node:path";
import ts from "typescript";

/**
 * The repository's import graph, read with the TypeScript parser (not regexes), so that a
 * multi-line import, an `export … from`, a dynamic `import()` or a `require()` all count.
 * Paths are repository-relative with forward slashes, e.g. `lib/runs/lease.ts`.
 */
export interface ImportEdge {
  from: string;
  /** What the source wrote: `next/headers`, `../db/client`, `@/lib/queries/get-run`. */
  specifier: string;
  /** The repository file it resolves to, or null for a package (or an unresolvable path). */
  target: string | null;
  line: number;
}

/** A call to the database: `db.run.findMany(…)`, `tx.episode.update(…)`, `db.$queryRaw`…`. */
export interface DbCall {
  file: string;
  line: number;
  call: string;
}

export interface SourceFile {
  path: string;
  text: string;
}

const SOURCE = /\.(ts|tsx)$/;
const SKIP_DIRS = new Set(["node_modules", "generated", ".next", ".data", "out"]);

export function isTestFile(file: string): boolean {
  return /\.test\.tsx?$/.test(file);
}

/** Every .ts/.tsx file under the given top-level folders. */
export function readSources(root: string, dirs: string[]): SourceFile[] {
  const out: SourceFile[] = [];
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIP_DIRS.has(entry.name)) walk(full);
      } else if (SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts")) {
        out.push({ path: path.relative(root, full).split(path.sep).join("/"), text: fs.readFileSync(full, "utf8") });
      }
    }
  };
  for (const dir of dirs) walk(path.join(root, dir));
  return out;
}

function parse(file: SourceFile): ts.SourceFile {
  const kind = file.path.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true, kind);
}

function specifiersOf(source: ts.SourceFile): { specifier: string; line: number }[] {
  const found: { specifier: string; line: number }[] = [];
  const add = (node: ts.Node, literal: ts.Expression | undefined) => {
    if (literal && ts.isStringLiteralLike(literal)) {
      found.push({ specifier: literal.text, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1 });
    }
  };
  const visit = (node: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) add(node, node.moduleSpecifier);
    else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference))
      add(node, node.moduleReference.expression);
    else if (ts.isCallExpression(node)) {
      const callee = node.expression;
      const dynamicImport = callee.kind === ts.SyntaxKind.ImportKeyword;
      const requireCall = ts.isIdentifier(callee) && callee.text === "require";
      if (dynamicImport || requireCall) add(node, node.arguments[0]);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) add(node, node.argument.literal);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Resolves `@/…` and relative specifiers against the known files; packages resolve to null. */
export function resolveSpecifier(from: string, specifier: string, known: Set<string>): string | null {
  let base: string;
  if (specifier.startsWith("@/")) base = specifier.slice(2);
  else if (specifier.startsWith(".")) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  else return null;
  const stem = base.replace(/\.(js|ts|tsx|mjs)$/, "");
  for (const candidate of [base, `${stem}.ts`, `${stem}.tsx`, `${stem}/index.ts`, `${stem}/index.tsx`]) {
    if (known.has(candidate)) return candidate;
  }
  // a path into a folder we did not read (e.g. lib/db/generated): keep the path so rules can still see it
  return stem;
}

/** The imports of `files`; `others` are further files of the tree that imports may resolve to. */
export function importEdges(files: SourceFile[], others: SourceFile[] = []): ImportEdge[] {
  const known = new Set([...files, ...others].map((f) => f.path));
  return files.flatMap((file) =>
    specifiersOf(parse(file)).map(({ specifier, line }) => ({
      from: file.path,
      specifier,
      target: resolveSpecifier(file.path, specifier, known),
      line,
    })),
  );
}

/** Prisma's model operations; `x.<model>.<op>(…)` with a model of the schema is a database call. */
const MODEL_OPERATIONS = new Set([
  "findMany",
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "count",
  "groupBy",
  "aggregate",
  "create",
  "createMany",
  "createManyAndReturn",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "upsert",
  "delete",
  "deleteMany",
]);
const CLIENT_OPERATIONS = new Set(["$queryRaw", "$queryRawUnsafe", "$executeRaw", "$executeRawUnsafe", "$transaction"]);

/** The model names of prisma/schema.prisma as the client spells them (`ModelEndpoint` → `modelEndpoint`). */
export function prismaModels(schema: string): Set<string> {
  return new Set([...schema.matchAll(/^model\s+(\w+)/gm)].map((m) => m[1][0].toLowerCase() + m[1].slice(1)));
}

export function dbCalls(files: SourceFile[], models: Set<string>): DbCall[] {
  const calls: DbCall[] = [];
  for (const file of files) {
    const source = parse(file);
    const visit = (node: ts.Node) => {
      const callee = ts.isCallExpression(node) ? node.expression : ts.isTaggedTemplateExpression(node) ? node.tag : null;
      if (callee && ts.isPropertyAccessExpression(callee)) {
        const op = callee.name.text;
        const model = ts.isPropertyAccessExpression(callee.expression) ? callee.expression.name.text : null;
        const call = CLIENT_OPERATIONS.has(op) ? op : model && models.has(model) && MODEL_OPERATIONS.has(op) ? `${model}.${op}` : null;
        if (call) calls.push({ file: file.path, line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1, call });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return calls;
}
