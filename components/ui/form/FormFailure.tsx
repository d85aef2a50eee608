import type { ActionFailure } from "@/lib/actions/action-result";

/** The form-level message; field errors show under their inputs, so only the rest is listed here. */
export function FormFailure({ failure }: { failure: ActionFailure | null }) {
  if (!failure) return null;
  return (
    <p className="form-error" role="alert" data-testid="form-error">
      {failure.message}
    </p>
  );
}
