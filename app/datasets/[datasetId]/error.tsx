"use client";
import { ErrorState } from "@/components/ui/ErrorState";

export default function DatasetError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState what="this dataset" error={error} reset={reset} />;
}
