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
  const forwarded = typeof req.headers["x-forwarded-for"] === "string" ? req.headers["x-forwarded-for"].split(",").map((s) => s.trim()).filter(Boolean) : [];
  // behind a reverse proxy (RLEF_TRUST_PROXY=1) the last hop it appended is the client
  req.headers["x-rlef-client-address"] = limits.trustProxy && forwarded.length ? forwarded[forwarded.length - 1] : socketAddress;
  if (!limits.trustProxy) delete req.headers["x-forwarded-for"];
  return false;
}
