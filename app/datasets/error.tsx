"use client";
import { ErrorState } from "@/components/ui/ErrorState";

export default function DatasetsError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState what="the datasets" error={error} reset={reset} />;
}
