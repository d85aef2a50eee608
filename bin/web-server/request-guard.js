// Plain JavaScript (no tsx): bin/web-server.js loads it before Next, in the web process itself.

/** Paths that may carry large bodies; their handlers check the session before reading a byte. */
export const LARGE_BODY_PATHS = ["/api/datasets/upload"];

const MiB = 1024 * 1024;

function envBytes(name, fallback) {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

export function guardLimits() {
  return {
    // Server actions are capped at 4 MB (next.config.js); the guard only has to stop what Next would
    // buffer first. RLEF_UPLOAD_MAX_BYTES is the dataset upload's own cap (lib/actions/datasets).
    maxBodyBytes: envBytes("RLEF_MAX_BODY_BYTES", 8 * MiB),
    maxUploadBytes: envBytes("RLEF_UPLOAD_MAX_BYTES", 2 * 1024 * MiB),
    trustProxy: process.env.RLEF_TRUST_PROXY === "1",
  };
}

function refuse(res, status, message) {
  // Connection: close: the unread body is not drained (that would be the cost we are avoiding)
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8", connection: "close" });
  res.end(`${message}\n`);
}

/**
 * In front of Next: refuse a request body larger than the limit for its path before anyone reads
 * it (413, from the declared Content-Length; a body without one must declare it, 411 — browsers
 * always do), and record the client's address from the socket for the sign-in throttle, so a
 * client cannot choose its own address by sending X-Forwarded-For. Returns true when it answered.
 */
export function guardRequest(req, res, limits = guardLimits()) {
  const pathname = (req.url ?? "/").split("?")[0];
  const large = LARGE_BODY_PATHS.includes(pathname);
  const max = large ? limits.maxUploadBytes : limits.maxBodyBytes;
  const declared = req.headers["content-length"];
  if (declared === undefined && req.headers["transfer-encoding"] !== undefined && !large) {
    refuse(res, 411, "a request body needs a Content-Length here");
    return true;
  }
  if (declared !== undefined && Number(declared) > max) {
    refuse(res, 413, `request body too large: ${declared} bytes, this path accepts at most ${max}`);
    return true;
  }
  const socketAddress = req.socket.remoteAddress ?? "unknown";
  const forwarded =
    typeof req.headers["x-forwarded-for"] === "string"
      ? req.headers["x-forwarded-for"]
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : [];
  // behind a reverse proxy (RLEF_TRUST_PROXY=1) the last hop it appended is the client
  req.headers["x-rlef-client-address"] = limits.trustProxy && forwarded.length ? forwarded[forwarded.length - 1] : socketAddress;
  if (!limits.trustProxy) delete req.headers["x-forwarded-for"];
  return false;
}

/** A sign-in: the form on /login posts its server action to /login itself. */
export function isSignInPost(req) {
  return req.method === "POST" && (req.url ?? "/").split("?")[0] === "/login";
}

const signInsByAddress = new Map();

/**
 * At most `concurrency` sign-ins per client address reach Next at once; the rest wait here, in
 * order, costing a timer's worth of memory and no CPU (past `maxQueued` they get a 429 at once).
 * The throttle in lib/auth/sign-in-throttle.ts decides who may try; this keeps a flood from one
 * address (every refusal is still a page render) from taking the CPU from everyone else's pages.
 */
export function gateSignIn(req, res, proceed, { concurrency = 2, maxQueued = 32 } = {}) {
  const address = String(req.headers["x-rlef-client-address"] ?? "unknown");
  let slot = signInsByAddress.get(address);
  if (!slot) signInsByAddress.set(address, (slot = { active: 0, queue: [] }));
  const release = () => {
    const next = slot.queue.shift();
    if (next) return next();
    slot.active -= 1;
    if (slot.active === 0) signInsByAddress.delete(address);
  };
  const start = () => {
    if (res.writableEnded || res.destroyed) return release(); // the client gave up while waiting
    res.once("close", release);
    proceed();
  };
  if (slot.active < concurrency) {
    slot.active += 1;
    return start();
  }
  if (slot.queue.length >= maxQueued) return refuse(res, 429, "too many sign-in requests from your address at once; try again in a moment");
  slot.queue.push(start);
}
