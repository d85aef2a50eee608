import Link from "next/link";
import type { ReactNode } from "react";
import { Providers } from "./Providers";
import { ThemeToggle } from "./ThemeToggle";

const NAV = [
  { href: "/runs", label: "Runs" },
  { href: "/datasets", label: "Datasets" },
];

export function AppShell({ children }: { children: ReactNode }) {
  return (
    <Providers>
      <header className="topbar">
        <Link href="/" className="brand">RLEF Studio</Link>
        <nav>
          {NAV.map((item) => (
            <Link key={item.href} href={item.href}>{item.label}</Link>
          ))}
        </nav>
        <ThemeToggle />
      </header>
      <main className="page">{children}</main>
    </Providers>
  );
}
