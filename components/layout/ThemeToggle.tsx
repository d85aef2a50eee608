"use client";
import { useEffect, useState } from "react";

type Theme = "light" | "dark";

/** Light/dark theme kept in localStorage; the CSS reads data-theme on <html>. */
export function ThemeToggle() {
  const [theme, setTheme] = useState<Theme | null>(null);
  useEffect(() => {
    const saved = (localStorage.getItem("rlef-theme") as Theme | null)
      ?? (window.matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light");
    setTheme(saved);
  }, []);
  useEffect(() => {
    if (!theme) return;
    document.documentElement.dataset.theme = theme;
    localStorage.setItem("rlef-theme", theme);
  }, [theme]);
  return (
    <button type="button" className="theme-toggle" data-testid="theme-toggle"
      onClick={() => setTheme(theme === "dark" ? "light" : "dark")} aria-label="Toggle dark mode">
      {theme === "dark" ? "☀ Light" : "☾ Dark"}
    </button>
  );
}
