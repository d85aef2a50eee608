"use client";
import { useRouter } from "next/navigation";
import { createUser, resetUserPassword, setUserActive, updateUserRole } from "./actions";
import { FieldError } from "@/components/ui/form/FieldError";
import { FormFailure } from "@/components/ui/form/FormFailure";
import { useActionCall } from "@/components/ui/form/useActionCall";
import { ROLE_NAMES } from "@/lib/auth/roles";
import { DataTable } from "@/components/ui/DataTable";

interface UserRow {
  id: string;
  email: string;
  name: string | null;
  role: string;
  createdAt: string;
  active: boolean;
}

export function UsersPanel({ users, currentUserId }: { users: UserRow[]; currentUserId: string }) {
  const router = useRouter();
  const create = useActionCall(createUser);
  const changeRole = useActionCall(updateUserRole);
  const reset = useActionCall(resetUserPassword);
  const activate = useActionCall(setUserActive);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    create.run(
      {
        email: String(form.get("email") ?? ""),
        name: String(form.get("name") ?? ""),
        role: String(form.get("role") ?? "viewer"),
        password: String(form.get("password") ?? ""),
      },
      () => {
        formElement.reset();
        router.refresh();
      },
    );
  }

  const shownPassword = create.data?.generatedPassword
    ? { email: create.data.email, password: create.data.generatedPassword }
    : reset.data
      ? { email: users.find((u) => u.id === reset.data?.userId)?.email ?? "", password: reset.data.generatedPassword }
      : null;

  return (
    <section className="panel" data-testid="users-panel">
      <h2>Users</h2>
      <p className="muted">Viewers read; annotators also label episodes; admins also launch runs and manage endpoints, users and labels.</p>
      <DataTable
        head={
          <>
            <th>Email</th>
            <th>Name</th>
            <th>Role</th>
            <th>Since</th>
            <th />
            <th />
          </>
        }
      >
        {users.map((u) => (
          <tr key={u.id} data-testid="user-row" data-active={u.active ? "yes" : "no"}>
            <td>
              {u.email}
              {u.id === currentUserId ? <span className="muted"> (you)</span> : null}
              {u.active ? null : (
                <span className="muted" data-testid="user-deactivated">
                  {" "}
                  (deactivated)
                </span>
              )}
            </td>
            <td>{u.name}</td>
            <td>
              <select
                defaultValue={u.role.toLowerCase()}
                disabled={changeRole.pending}
                aria-label={`role of ${u.email}`}
                onChange={(e) => changeRole.run({ userId: u.id, role: e.target.value }, () => router.refresh())}
              >
                {ROLE_NAMES.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            </td>
            <td className="muted">{u.createdAt.slice(0, 10)}</td>
            <td>
              <button
                className="button small"
                disabled={reset.pending}
                onClick={() => {
                  if (confirm(`Set a new password for ${u.email}? The old one stops working.`)) reset.run({ userId: u.id });
                }}
              >
                Reset password
              </button>
            </td>
            <td>
              {u.id === currentUserId ? null : (
                <button
                  className="button small"
                  disabled={activate.pending}
                  data-testid="user-toggle-active"
                  onClick={() => {
                    if (
                      !u.active ||
                      confirm(`Deactivate ${u.email}? They are signed out everywhere and cannot sign in until reactivated.`)
                    ) {
                      activate.run({ userId: u.id, active: !u.active }, () => router.refresh());
                    }
                  }}
                >
                  {u.active ? "Deactivate" : "Reactivate"}
                </button>
              )}
            </td>
          </tr>
        ))}
      </DataTable>
      <FormFailure failure={changeRole.failure ?? reset.failure ?? activate.failure} />
      {shownPassword ? (
        <p data-testid="generated-password">
          Password for {shownPassword.email} (shown once): <span className="secret-once">{shownPassword.password}</span>
        </p>
      ) : null}
      <form onSubmit={submit} className="card" data-testid="user-new-form">
        <h3>Add a user</h3>
        <div className="form-grid">
          <label>
            Email
            <input name="email" type="email" required data-testid="user-new-email" />
            <FieldError field="email" message={create.fieldError("email")} />
          </label>
          <label>
            Name
            <input name="name" />
          </label>
          <label>
            Role
            <select name="role" defaultValue="viewer" data-testid="user-new-role">
              {ROLE_NAMES.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
          <label>
            Password
            <input name="password" type="password" autoComplete="new-password" data-testid="user-new-password" />
            <span className="hint">Leave empty to generate one.</span>
            <FieldError field="password" message={create.fieldError("password")} />
          </label>
        </div>
        <FormFailure failure={create.failure} />
        <div className="form-actions">
          <button type="submit" className="button primary" disabled={create.pending} data-testid="user-new-submit">
            Add user
          </button>
        </div>
      </form>
    </section>
  );
}
