"use client";
import { ErrorState } from "@/components/ui/ErrorState";

export default function RunsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState what="the runs" error={error} reset={reset} />;
}
