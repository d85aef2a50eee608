import { signOut } from "./actions";
import type { SessionUser } from "@/lib/auth/session-user";
import "./auth.css";

export function UserMenu({ user }: { user: SessionUser }) {
  return (
    <div className="user-menu" data-testid="user-menu">
      <span title={user.email}>{user.name || user.email}</span>
      <span className="badge role-badge" data-testid="user-role">
        {user.role.toLowerCase()}
      </span>
      <form action={signOut}>
        <button type="submit" className="button small" data-testid="sign-out">
          Sign out
        </button>
      </form>
    </div>
  );
}
