"use client";
import { ErrorState } from "@/components/ui/ErrorState";

export default function RunError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState what="this run" error={error} reset={reset} />;
}
