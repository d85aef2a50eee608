import { SettingsPage } from "@/components/settings/SettingsPage";

export const dynamic = "force-dynamic";

export default function Page() {
  return <SettingsPage />;
}
