"use server";
import { redirect } from "next/navigation";
import { cancelRunAction } from "@/lib/actions/launch/cancel-run";
import { launchEvalRunAction } from "@/lib/actions/launch/launch-eval-run";
import { launchTrainRunAction } from "@/lib/actions/launch/launch-train-run";

// After a launch the user lands on the run page, which shows live progress.
export async function launchEvalRun(input: unknown) {
  const result = await launchEvalRunAction(input);
  if (result.ok) redirect(`/runs/${result.data.runId}`);
  return result;
}

export async function launchTrainRun(input: unknown) {
  const result = await launchTrainRunAction(input);
  if (result.ok) redirect(`/runs/${result.data.runId}`);
  return result;
}

export async function cancelRun(input: unknown) {
  return cancelRunAction(input);
}
