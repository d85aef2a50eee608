"use server";
import { createUserAction } from "@/lib/actions/users/create-user";
import { updateUserRoleAction } from "@/lib/actions/users/update-user-role";
import { resetUserPasswordAction } from "@/lib/actions/users/reset-user-password";
import { setUserActiveAction } from "@/lib/actions/users/set-user-active";
import { createEndpointAction } from "@/lib/actions/endpoints/create-endpoint";
import { updateEndpointAction } from "@/lib/actions/endpoints/update-endpoint";
import { deleteEndpointAction } from "@/lib/actions/endpoints/delete-endpoint";
import { createLabelAction } from "@/lib/actions/annotations/create-label";
import { updateLabelAction } from "@/lib/actions/annotations/update-label";

// Thin: each export is one registered action (lib/actions/registry.ts), which checks the role.
export async function createUser(input: unknown) {
  return createUserAction(input);
}
export async function updateUserRole(input: unknown) {
  return updateUserRoleAction(input);
}
export async function resetUserPassword(input: unknown) {
  return resetUserPasswordAction(input);
}
export async function setUserActive(input: unknown) {
  return setUserActiveAction(input);
}
export async function createEndpoint(input: unknown) {
  return createEndpointAction(input);
}
export async function updateEndpoint(input: unknown) {
  return updateEndpointAction(input);
}
export async function deleteEndpoint(input: unknown) {
  return deleteEndpointAction(input);
}
export async function createLabel(input: unknown) {
  return createLabelAction(input);
}
export async function updateLabel(input: unknown) {
  return updateLabelAction(input);
}
