import type { RoleName } from "@/lib/auth/roles";
import "./auth.css";

export function Forbidden({ role, what }: { role: RoleName; what: string }) {
  return (
    <div className="card forbidden" data-testid="forbidden">
      <h2>Not allowed</h2>
      <p>
        {what} needs the <b>{role}</b> role. Ask an admin to change your role under Settings.
      </p>
    </div>
  );
}
