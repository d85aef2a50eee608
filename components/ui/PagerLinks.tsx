import Link from "next/link";

/** Keyset pager as links (server-rendered lists): newer/older pages by cursor, plus "first page". */
export function PagerLinks({
  hrefFor,
  prevCursor,
  nextCursor,
  onFirstPage,
}: {
  hrefFor: (cursor: { after?: string; before?: string } | null) => string;
  prevCursor: string | null;
  nextCursor: string | null;
  onFirstPage: boolean;
}) {
  return (
    <nav className="pager" aria-label="pages">
      {!onFirstPage ? <Link href={hrefFor(null)}>« First</Link> : <span className="muted">« First</span>}
      {prevCursor ? (
        <Link href={hrefFor({ before: prevCursor })} data-testid="pager-prev">
          ‹ Previous
        </Link>
      ) : (
        <span className="muted">‹ Previous</span>
      )}
      {nextCursor ? (
        <Link href={hrefFor({ after: nextCursor })} data-testid="pager-next">
          Next ›
        </Link>
      ) : (
        <span className="muted">Next ›</span>
      )}
    </nav>
  );
}
