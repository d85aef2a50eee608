"use client";
import { useSyncExternalStore } from "react";

/** The data-theme on <html> that ThemeToggle sets, kept in sync for widgets (Monaco, charts) that need it in JS. */
function subscribe(onChange: () => void): () => void {
  const observer = new MutationObserver(onChange);
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
  return () => observer.disconnect();
}

function read(): "light" | "dark" {
  return document.documentElement.dataset.theme === "dark" ? "dark" : "light";
}

export function useDocumentTheme(): "light" | "dark" {
  return useSyncExternalStore(subscribe, read, () => "light");
}
