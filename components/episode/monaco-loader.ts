"use client";
import { loader } from "@monaco-editor/react";

/**
 * Point @monaco-editor/react at the copy of Monaco the app serves itself
 * (app/api/monaco) instead of its default CDN: the dashboard must work
 * offline and behind firewalls. Imported only by the lazily loaded editor
 * modules, so the config is set before any editor mounts.
 */
export const MONACO_BASE = "/api/monaco/vs";

loader.config({ paths: { vs: MONACO_BASE } });

/** Start fetching and evaluating Monaco now (idempotent); editors mounting later reuse the same instance. */
export function startMonaco(): void {
  loader.init().catch(() => {
    // the editors report their own loading errors when they mount
  });
}
