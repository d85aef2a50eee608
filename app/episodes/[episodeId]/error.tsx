"use client";
import { ErrorState } from "@/components/ui/ErrorState";

export default function EpisodeError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <ErrorState what="this episode" error={error} reset={reset} />;
}
