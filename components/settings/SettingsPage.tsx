import { Forbidden } from "@/components/auth/Forbidden";
import { requirePageUser } from "@/components/auth/require-page-user";
import { PERMISSIONS } from "@/lib/auth/roles";
import { getPrisma } from "@/lib/db/client";
import { EndpointsPanel } from "./EndpointsPanel";
import { LabelsPanel } from "./LabelsPanel";
import { listSettingsData } from "../../lib/queries/settings/list-settings-data";
import { UsersPanel } from "./UsersPanel";
import "@/components/ui/dashboard.css";
import "@/components/auth/auth.css";

export async function SettingsPage() {
  const { user, allowed } = await requirePageUser(PERMISSIONS.manageUsers, "/settings");
  if (!allowed) return <Forbidden role={PERMISSIONS.manageUsers} what="Settings" />;
  const data = await listSettingsData(getPrisma());
  return (
    <div data-testid="settings-page">
      <div className="page-header">
        <h1>Settings</h1>
      </div>
      <EndpointsPanel endpoints={data.endpoints} />
      <UsersPanel users={data.users} currentUserId={user.id} />
      <LabelsPanel labels={data.labels} />
    </div>
  );
}
