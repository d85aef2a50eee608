"use client";
import { ErrorState } from "@/components/ui/ErrorState";

export default function ProblemError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState what="this problem" error={error} reset={reset} />;
}
