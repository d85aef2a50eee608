"use client";
import { useEffect, useState } from "react";

type Theme = "light" | "dark";

/** Light/dark theme kept in localStorage; the CSS reads data-theme on <html>. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme | null>(null);
  useEffect(() => {
    const saved =
      (localStorage.getItem("rlef-theme") as Theme | null) ??
      (window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
    // the saved theme exists only in the browser: read after hydration, so the server render matches
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setTheme(saved);
  }, []);
  useEffect(() => {
    if (!theme) return;
    document.documentElement.dataset.theme = theme;
    localStorage.setItem("rlef-theme", theme);
  }, [theme]);
  return (
    <button
      type="button"
      className="theme-toggle"
      data-testid="theme-toggle"
      onClick={() => setTheme(theme === "dark" ? "light" : "dark")}
      aria-label="Toggle dark mode"
    >
      {theme === "dark" ? "☀ Light" : "☾ Dark"}
    </button>
  );
}
