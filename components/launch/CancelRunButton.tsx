"use client";
import { useRouter } from "next/navigation";
import { cancelRun } from "./actions";
import { useActionCall } from "@/components/ui/form/useActionCall";

/** For the run page: shown to users who may launch; the worker stops at its next heartbeat (≤ 5 s). */
export function CancelRunButton({ runId }: { runId: string }) {
  const router = useRouter();
  const call = useActionCall(cancelRun);
  return (
    <span>
      <button
        type="button"
        className="button small"
        disabled={call.pending}
        data-testid="cancel-run"
        onClick={() => {
          if (confirm("Cancel this run? Finished episodes are kept.")) call.run({ runId }, () => router.refresh());
        }}
      >
        {call.pending ? "Cancelling…" : "Cancel run"}
      </button>
      {call.failure ? <span className="field-error"> {call.failure.message}</span> : null}
    </span>
  );
}
