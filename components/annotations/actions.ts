"use server";
import { createAnnotationAction } from "@/lib/actions/annotations/create-annotation";
import { deleteAnnotationAction } from "@/lib/actions/annotations/delete-annotation";
import { claimQueueItemAction } from "@/lib/actions/annotations/claim-queue-item";
import { submitQueueItemAction } from "@/lib/actions/annotations/submit-queue-item";
import { skipQueueItemAction } from "@/lib/actions/annotations/skip-queue-item";

// Thin: each export is one registered action (lib/actions/registry.ts), which checks the role.
export async function createAnnotation(input: unknown) {
  return createAnnotationAction(input);
}
export async function deleteAnnotation(input: unknown) {
  return deleteAnnotationAction(input);
}
export async function claimQueueItem(input: unknown) {
  return claimQueueItemAction(input);
}
export async function submitQueueItem(input: unknown) {
  return submitQueueItemAction(input);
}
export async function skipQueueItem(input: unknown) {
  return skipQueueItemAction(input);
}
