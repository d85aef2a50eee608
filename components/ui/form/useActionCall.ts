"use client";
import { useState, useTransition } from "react";
import type { ActionFailure, ActionResult } from "@/lib/actions/action-result";

/**
 * Call a server action from a client component: pending state, the failure (with field errors for
 * forms) and the data of the last success. Actions never throw for expected failures, so a thrown
 * error here is a network or server crash and is shown as such.
 */
export function useActionCall<I, T>(action: (input: I) => Promise<ActionResult<T> | undefined | void>) {
  const [pending, startTransition] = useTransition();
  const [failure, setFailure] = useState<ActionFailure | null>(null);
  const [data, setData] = useState<T | null>(null);

  function run(input: I, onSuccess?: (data: T) => void) {
    setFailure(null);
    startTransition(async () => {
      try {
        const result = await action(input);
        if (!result) return; // the action redirected
        if (result.ok) {
          setData(result.data);
          onSuccess?.(result.data);
        } else setFailure(result.error);
      } catch (err) {
        setFailure({ code: "INTERNAL", message: err instanceof Error ? err.message : "the request failed" });
      }
    });
  }

  return {
    run,
    pending,
    failure,
    data,
    fieldError: (field: string) => failure?.fieldErrors?.[field]?.join("; "),
    reset: () => setFailure(null),
  };
}
