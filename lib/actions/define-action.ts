import type { z } from "zod";
import { hasRole, type RoleName } from "../auth/roles";
import { SESSION_COOKIE } from "../auth/session-token";
import { findSessionUser, type SessionUser } from "../auth/session-user";
import { ConfigValidationError, fieldErrorsFromZod } from "../config/config-error";
import { getPrisma, type Db } from "../db/client";
import { ActionError, type ActionFailure, type ActionResult } from "./action-result";
import type { CookieJar } from "./cookie-jar";
import { nextClientAddress, nextCookieJar } from "./next-cookie-jar";

/** "public" is for signing in only; the registry test fails for any other public mutation. */
export type ActionRole = RoleName | "public";

export interface ActionContext<R extends ActionRole> {
  db: Db;
  user: R extends "public" ? SessionUser | null : SessionUser;
  cookies: CookieJar;
  /** the caller's network address as the web server saw it (sign-in throttling); absent outside a request */
  clientAddress?: string;
}

export interface ActionDefinition<S extends z.ZodType, T, R extends ActionRole> {
  /** unique, used in logs and the registry */
  name: string;
  role: R;
  /** "query" for read-only route handlers (exports); everything else mutates */
  kind?: "mutation" | "query";
  input: S;
  handler: (input: z.output<S>, ctx: ActionContext<R>) => Promise<T>;
}

export interface ActionEnvironment {
  db?: Db;
  cookies: CookieJar;
  clientAddress?: string;
}

export interface Action<S extends z.ZodType = z.ZodType, T = unknown, R extends ActionRole = ActionRole> {
  /** Inside Next (server action or route handler): the session comes from the request's cookies. */
  (input: unknown): Promise<ActionResult<T>>;
  /** Outside Next (tests, scripts): the caller supplies the cookies and, optionally, the database. */
  runWith(env: ActionEnvironment, input: unknown): Promise<ActionResult<T>>;
  readonly definition: ActionDefinition<S, T, R>;
}

/** Any action, seen from outside (the registry and its tests). */
export interface AnyAction {
  (input: unknown): Promise<ActionResult<unknown>>;
  runWith(env: ActionEnvironment, input: unknown): Promise<ActionResult<unknown>>;
  readonly definition: { name: string; role: ActionRole; kind?: "mutation" | "query" };
}

function isNextControlFlow(err: unknown): boolean {
  // redirect() and notFound() throw errors Next must see; they are not failures.
  const digest = (err as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" && (digest.startsWith("NEXT_") || digest === "DYNAMIC_SERVER_USAGE");
}

function prismaFailure(err: unknown): ActionFailure | null {
  const code = (err as { code?: unknown } | null)?.code;
  if (code === "P2002") return { code: "CONFLICT", message: "a record with these values already exists" };
  if (code === "P2025") return { code: "NOT_FOUND", message: "the record no longer exists" };
  return null;
}

/**
 * The one wrapper every server action and mutating route handler goes through: resolve the session,
 * check the role, validate the input with its zod schema, run the handler, map errors to data.
 * The order matters: a signed-out caller learns nothing about the input schema.
 */
export function defineAction<S extends z.ZodType, T, R extends ActionRole>(definition: ActionDefinition<S, T, R>): Action<S, T, R> {
  async function runWith(env: ActionEnvironment, rawInput: unknown): Promise<ActionResult<T>> {
    const db = env.db ?? getPrisma();
    try {
      const user = await findSessionUser(db, env.cookies.get(SESSION_COOKIE));
      if (definition.role !== "public") {
        if (!user) return { ok: false, error: { code: "UNAUTHENTICATED", message: "sign in first" } };
        if (!hasRole(user.role, definition.role)) {
          return {
            ok: false,
            error: { code: "FORBIDDEN", message: `this needs the ${definition.role} role (you are ${user.role.toLowerCase()})` },
          };
        }
      }
      const parsed = definition.input.safeParse(rawInput);
      if (!parsed.success) {
        return {
          ok: false,
          error: { code: "INVALID_INPUT", message: "some fields are invalid", fieldErrors: fieldErrorsFromZod(parsed.error, "(input)") },
        };
      }
      const ctx = { db, user, cookies: env.cookies, clientAddress: env.clientAddress } as ActionContext<R>;
      return { ok: true, data: await definition.handler(parsed.data, ctx) };
    } catch (err) {
      if (isNextControlFlow(err)) throw err;
      if (err instanceof ActionError) return { ok: false, error: { code: err.code, message: err.message, fieldErrors: err.fieldErrors } };
      if (err instanceof ConfigValidationError) {
        return { ok: false, error: { code: "INVALID_INPUT", message: err.message, fieldErrors: err.fieldErrors } };
      }
      const known = prismaFailure(err);
      if (known) return { ok: false, error: known };
      console.error(`[action ${definition.name}]`, err);
      return { ok: false, error: { code: "INTERNAL", message: `${definition.name} failed on the server (details in the server log)` } };
    }
  }
  const action = (async (input: unknown) =>
    runWith({ cookies: await nextCookieJar(), clientAddress: await nextClientAddress() }, input)) as Action<S, T, R>;
  Object.defineProperty(action, "runWith", { value: runWith });
  Object.defineProperty(action, "definition", { value: { kind: "mutation", ...definition } });
  return action;
}
