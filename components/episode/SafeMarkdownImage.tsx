import type { ComponentProps } from "react";

/** Whether an image source stays on this site: a relative path, or inline data (nothing is fetched elsewhere). */
export function isLocalImageSource(src: unknown): src is string {
  if (typeof src !== "string" || !src) return false;
  if (/^data:image\/(png|gif|jpeg|webp);/i.test(src)) return true;
  if (!src.startsWith("/") || src.startsWith("//") || src.startsWith("/\\")) return false;
  return new URL(src, "http://site.invalid").origin === "http://site.invalid";
}

/**
 * Markdown images from datasets and model replies: an external image would make every viewer's
 * browser call its host (a beacon on each episode page). Those are shown as a note instead; the
 * Content-Security-Policy (next.config.js, img-src 'self' data:) blocks any that slip through.
 */
export function SafeMarkdownImage({ src, alt }: ComponentProps<"img">) {
  if (isLocalImageSource(src)) return <img src={src} alt={alt ?? ""} />;
  let host = "another site";
  try {
    host = new URL(String(src)).host || host;
  } catch {
    // a relative or malformed address: "another site" is as much as we say
  }
  return (
    <span className="muted" data-testid="blocked-image" title={`not loaded from ${host}`}>
      [image{alt ? ` “${alt}”` : ""} from {host}, not loaded]
    </span>
  );
}
