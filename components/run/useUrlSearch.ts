"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback } from "react";

/**
 * The URL's query string as the single source of a view's state. Writes go
 * through history.pushState, which Next keeps in sync with useSearchParams
 * without a server round trip: the table refetches only its own data.
 */
export function useUrlSearch(): [URLSearchParams, (next: URLSearchParams) => void] {
  const params = useSearchParams();
  const pathname = usePathname();
  const push = useCallback(
    (next: URLSearchParams) => {
      const query = next.toString();
      window.history.pushState(null, "", query ? `${pathname}?${query}` : pathname);
    },
    [pathname],
  );
  return [new URLSearchParams(params.toString()), push];
}
