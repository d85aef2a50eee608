/** What every server action returns: plain data the client can render, never a thrown error. */
export type ActionErrorCode =
  "UNAUTHENTICATED" | "FORBIDDEN" | "INVALID_INPUT" | "NOT_FOUND" | "CONFLICT" | "TOO_LARGE" | "TOO_MANY_REQUESTS" | "INTERNAL";

export interface ActionFailure {
  code: ActionErrorCode;
  message: string;
  /** field path ("sampling.temperature") → messages, for forms */
  fieldErrors?: Record<string, string[]>;
}

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionFailure };

/** Thrown by handlers for an expected refusal; the wrapper turns it into `{ ok: false, error }`. */
export class ActionError extends Error {
  constructor(
    readonly code: ActionErrorCode,
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "ActionError";
  }
}

const HTTP_STATUS: Record<ActionErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  INVALID_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
};

export function httpStatusOf(code: ActionErrorCode): number {
  return HTTP_STATUS[code];
}

/** A route handler's JSON response for a refused or failed action. */
export function failureResponse(error: ActionFailure): Response {
  return Response.json({ error }, { status: httpStatusOf(error.code) });
}
