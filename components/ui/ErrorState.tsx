"use client";

/** Body of every error.tsx: what failed, the digest to find it in the server log, and a retry. */
export function ErrorState({ what, error, reset }: { what: string; error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="error-state" role="alert" data-testid="error-state">
      <strong>Could not load {what}.</strong>
      <p className="muted">
        {error.message || "The server could not complete the request."}
        {error.digest ? ` (reference ${error.digest})` : ""}
      </p>
      <button type="button" className="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
