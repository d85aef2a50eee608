import type { AnyAction } from "./define-action";
import { signInAction } from "./auth/sign-in";
import { signOutAction } from "./auth/sign-out";
import { createUserAction } from "./users/create-user";
import { updateUserRoleAction } from "./users/update-user-role";
import { resetUserPasswordAction } from "./users/reset-user-password";
import { setUserActiveAction } from "./users/set-user-active";
import { createEndpointAction } from "./endpoints/create-endpoint";
import { updateEndpointAction } from "./endpoints/update-endpoint";
import { deleteEndpointAction } from "./endpoints/delete-endpoint";
import { launchEvalRunAction } from "./launch/launch-eval-run";
import { launchTrainRunAction } from "./launch/launch-train-run";
import { cancelRunAction } from "./launch/cancel-run";
import { createAnnotationAction } from "./annotations/create-annotation";
import { updateAnnotationAction } from "./annotations/update-annotation";
import { deleteAnnotationAction } from "./annotations/delete-annotation";
import { createLabelAction } from "./annotations/create-label";
import { updateLabelAction } from "./annotations/update-label";
import { claimQueueItemAction } from "./annotations/claim-queue-item";
import { submitQueueItemAction } from "./annotations/submit-queue-item";
import { skipQueueItemAction } from "./annotations/skip-queue-item";
import { exportAnnotationsAction } from "./annotations/export-annotations";
import { importProblemsFileAction } from "./datasets/import-problems-file";

/**
 * Every action of the studio. The access test walks this list (signed out and as a viewer, each
 * must be refused), and a static test checks that every "use server" export and every mutating route
 * handler under app/ calls one of these — so an action cannot exist without its role check.
 */
export const ACTIONS = {
  signInAction,
  signOutAction,
  createUserAction,
  updateUserRoleAction,
  resetUserPasswordAction,
  setUserActiveAction,
  createEndpointAction,
  updateEndpointAction,
  deleteEndpointAction,
  launchEvalRunAction,
  launchTrainRunAction,
  cancelRunAction,
  createAnnotationAction,
  updateAnnotationAction,
  deleteAnnotationAction,
  createLabelAction,
  updateLabelAction,
  claimQueueItemAction,
  submitQueueItemAction,
  skipQueueItemAction,
  exportAnnotationsAction,
  importProblemsFileAction,
} satisfies Record<string, AnyAction>;

/** The only actions a signed-out caller may run. */
export const PUBLIC_ACTION_NAMES = ["signIn"] as const;

/** The only mutations a viewer may run: they touch nothing but the caller's own session. */
export const VIEWER_MUTATION_NAMES = ["signOut"] as const;
