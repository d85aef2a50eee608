import Link from "next/link";
import type { ReactNode } from "react";
import { UserMenu } from "@/components/auth/UserMenu";
import { currentUser } from "@/components/auth/current-user";
import { hasRole, PERMISSIONS, type RoleName } from "@/lib/auth/roles";
import { Providers } from "./Providers";
import { ThemeToggle } from "./ThemeToggle";

// Entries a role cannot use are not shown (the pages and actions refuse them anyway).
const NAV: { href: string; label: string; role: RoleName; testId: string }[] = [
  { href: "/runs", label: "Runs", role: PERMISSIONS.read, testId: "nav-runs" },
  { href: "/datasets", label: "Datasets", role: PERMISSIONS.read, testId: "nav-datasets" },
  { href: "/compare", label: "Compare", role: PERMISSIONS.read, testId: "nav-compare" },
  { href: "/annotations", label: "Annotate", role: PERMISSIONS.read, testId: "nav-annotations" },
  { href: "/launch", label: "Launch", role: PERMISSIONS.launchRuns, testId: "nav-launch" },
  { href: "/settings", label: "Settings", role: PERMISSIONS.manageUsers, testId: "nav-settings" },
];

export async function AppShell({ children }: { children: ReactNode }) {
  const user = await currentUser();
  return (
    <Providers>
      <header className="topbar">
        <Link href="/" className="brand" prefetch={false}>
          RLEF Studio
        </Link>
        <nav>
          {user
            ? NAV.filter((item) => hasRole(user.role, item.role)).map((item) => (
                <Link key={item.href} href={item.href} data-testid={item.testId} prefetch={false}>
                  {item.label}
                </Link>
              ))
            : null}
        </nav>
        <ThemeToggle />
        {user ? <UserMenu user={user} /> : null}
      </header>
      <main className="page">{children}</main>
    </Providers>
  );
}
