import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { monacoMinRoot } from "../monaco-min-root";

export const dynamic = "force-dynamic";

/**
 * Serves Monaco's loader-ready build (node_modules/monaco-editor/min/vs) from
 * the app itself, so the editor works offline and behind firewalls with no
 * CDN and no copy step: GET /api/monaco/vs/loader.js, /api/monaco/vs/editor/…
 */
const ROOT = monacoMinRoot();
const TYPES: Record<string, string> = {
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".ttf": "font/ttf",
  ".svg": "image/svg+xml",
  ".map": "application/json; charset=utf-8",
};

let versionTag: Promise<string> | null = null;
function monacoVersion(): Promise<string> {
  versionTag ??= readFile(path.join(ROOT, "..", "package.json"), "utf8").then((text) => (JSON.parse(text) as { version: string }).version);
  return versionTag;
}

export async function GET(request: Request, { params }: { params: Promise<{ path: string[] }> }) {
  const { path: segments } = await params;
  const file = path.resolve(ROOT, ...segments);
  const type = TYPES[path.extname(file)];
  if (!file.startsWith(ROOT + path.sep) || !type) return new Response("not found", { status: 404 });
  let size: number;
  try {
    const info = await stat(file);
    if (!info.isFile()) return new Response("not found", { status: 404 });
    size = info.size;
  } catch {
    return new Response("not found", { status: 404 });
  }
  // Files are immutable for a given monaco-editor version: the version is the ETag.
  const etag = `"monaco-${await monacoVersion()}-${size}"`;
  const headers = { "content-type": type, etag, "cache-control": "public, max-age=86400" };
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>;
  return new Response(body, { headers: { ...headers, "content-length": String(size) } });
}
