"use client";
import { useActionState } from "react";
import { signIn } from "./actions";
import "@/components/ui/dashboard.css";
import "./auth.css";

export function LoginForm({ next }: { next?: string }) {
  const [state, formAction, pending] = useActionState(signIn, null);
  return (
    <form action={formAction} className="login-card card" data-testid="login-form">
      <h1>Sign in to RLEF Studio</h1>
      <input type="hidden" name="next" value={next ?? ""} />
      <label>
        Email
        <input
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          defaultValue={state?.email}
          key={state?.email}
          data-testid="login-email"
        />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required data-testid="login-password" />
      </label>
      {state ? (
        <p className="form-error" role="alert" data-testid="login-error">
          {state.message}
        </p>
      ) : null}
      <button type="submit" className="button primary" disabled={pending} data-testid="login-submit">
        {pending ? "Signing in…" : "Sign in"}
      </button>
      <p className="muted small">
        The first start prints the admin&apos;s password once (or set RLEF_ADMIN_PASSWORD). Admins add users under Settings.
      </p>
    </form>
  );
}
