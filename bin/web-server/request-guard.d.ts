import type { IncomingMessage, ServerResponse } from "node:http";

export const LARGE_BODY_PATHS: string[];
export interface GuardLimits {
  maxBodyBytes: number;
  maxUploadBytes: number;
  trustProxy: boolean;
}
export function guardLimits(): GuardLimits;
export function guardRequest(req: IncomingMessage, res: ServerResponse, limits?: GuardLimits): boolean;
export function isSignInPost(req: IncomingMessage): boolean;
export function gateSignIn(
  req: IncomingMessage,
  res: ServerResponse,
  proceed: () => void,
  opts?: { concurrency?: number; maxQueued?: number },
): void;
