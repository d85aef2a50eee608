"use client";
import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useRef } from "react";
import { ProgressBar } from "@/components/ui/ProgressBar";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { runProgressQueryOptions, type RunProgressJson } from "./run-progress-query";

/**
 * Status and progress that follow the worker live. When the status changes
 * (e.g. the run completes and gets its summary) the server-rendered parts of
 * the page are refreshed once, so cards and charts appear without a reload.
 */
export function RunLiveProgress({ runId, initial }: { runId: string; initial: RunProgressJson }) {
  const router = useRouter();
  const { data } = useQuery(runProgressQueryOptions(runId, initial));
  const progress = data ?? initial;
  const seenStatus = useRef(initial.status);
  useEffect(() => {
    if (progress.status !== seenStatus.current) {
      seenStatus.current = progress.status;
      router.refresh();
    }
  }, [progress.status, router]);
  return (
    <div className="row" data-testid="run-progress">
      <StatusBadge status={progress.status} />
      <div style={{ minWidth: 280 }}>
        <ProgressBar done={progress.progressDone} total={progress.progressTotal} errored={progress.progressErrored} label="episodes done" />
      </div>
      {progress.statusReason ? <span className="muted">{progress.statusReason}</span> : null}
      {progress.error ? (
        <span className="badge bad" title={progress.error}>
          {progress.error.slice(0, 120)}
        </span>
      ) : null}
    </div>
  );
}
