#!/usr/bin/env node
// The web process `rlef start` runs: Next's production server (a custom server, as Next documents
// it: next() + getRequestHandler) with bin/web-server/request-guard.js in front, so an oversized
// body is refused before Next reads it, the client address comes from the socket, and at most two
// sign-ins per address are served at once (the rest queue; see gateSignIn).
//   node bin/web-server.js [-p PORT] [-H HOST]     (needs `next build` first; `rlef start` does it)
import http from "node:http";
import next from "next";
import { gateSignIn, guardRequest, isSignInPost } from "./web-server/request-guard.js";

function option(flags, fallback) {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => flags.includes(a));
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}

const port = Number(option(["-p", "--port"], process.env.PORT ?? "3000"));
const hostname = option(["-H", "--hostname"], process.env.HOST ?? "127.0.0.1");
process.env.NODE_ENV = "production";

const app = next({ dev: false, dir: process.cwd(), hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  if (guardRequest(req, res)) return;
  const serve = () =>
    handle(req, res).catch((err) => {
      console.error("[web] request failed", err);
      if (!res.headersSent) res.writeHead(500).end("internal error");
    });
  if (isSignInPost(req)) gateSignIn(req, res, serve);
  else serve();
});
server.listen(port, hostname, () => console.log(`[web] ready on http://${hostname}:${port} (pid ${process.pid})`));

const stop = () => server.close(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
