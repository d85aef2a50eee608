"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { isTypingTarget } from "./is-typing-target";

/**
 * Previous / next episode in the list the page was opened from. `j` or → goes
 * to the next, `k` or ← to the previous; the filter travels in the URL.
 */
export function EpisodeNav({
  previousHref,
  nextHref,
  listHref,
}: {
  previousHref: string | null;
  nextHref: string | null;
  listHref: string;
}) {
  const router = useRouter();
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || isTypingTarget(event.target)) return;
      const target =
        event.key === "j" || event.key === "ArrowRight"
          ? nextHref
          : event.key === "k" || event.key === "ArrowLeft"
            ? previousHref
            : undefined;
      if (target === undefined) return;
      event.preventDefault();
      if (target) router.push(target);
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router, nextHref, previousHref]);
  return (
    <nav className="nav-links" aria-label="episode navigation" data-testid="episode-nav">
      <Link href={listHref} data-testid="back-to-list">
        ↑ list
      </Link>
      {previousHref ? (
        <Link href={previousHref} data-testid="prev-episode">
          ‹ previous
        </Link>
      ) : (
        <span className="muted">‹ previous</span>
      )}
      {nextHref ? (
        <Link href={nextHref} data-testid="next-episode">
          next ›
        </Link>
      ) : (
        <span className="muted">next ›</span>
      )}
      <span className="kbd-hint">
        <kbd>k</kbd>/<kbd>j</kbd> episodes
      </span>
    </nav>
  );
}
