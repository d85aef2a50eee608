import { afterEach, describe, expect, it } from "vitest";
import { getPrisma } from "../db/client";
import { authenticateUser } from "./authenticate-user";
import { ensureAdminUser } from "./ensure-admin-user";

const db = getPrisma();

// The test database is shared by the files of one run; other files create admins too. These tests
// therefore run ensureAdminUser inside a transaction that sees no admin, then roll it back.
async function withoutAdmins<T>(fn: (tx: typeof db) => Promise<T>): Promise<T> {
  let result: T;
  const rollback = new Error("rollback");
  try {
    await db.$transaction(
      async (tx) => {
        await tx.user.updateMany({ where: { role: "ADMIN" }, data: { role: "VIEWER" } });
        result = await fn(tx as unknown as typeof db);
        throw rollback;
      },
      { timeout: 30_000 },
    );
  } catch (err) {
    if (err !== rollback) throw err;
  }
  return result!;
}

afterEach(() => {
  delete process.env.RLEF_ADMIN_PASSWORD;
  delete process.env.RLEF_ADMIN_EMAIL;
});

describe("ensureAdminUser", () => {
  it("creates an admin once with a generated password it prints, and is a no-op afterwards", async () => {
    process.env.RLEF_ADMIN_EMAIL = `first-${Date.now()}@test.local`;
    const lines: string[] = [];
    await withoutAdmins(async (tx) => {
      const first = await ensureAdminUser(tx, (l) => lines.push(l));
      expect(first.created).toBe(true);
      expect(first.generatedPassword).toBeTruthy();
      expect(lines.join("\n")).toContain(first.generatedPassword!);
      const stored = await tx.user.findUniqueOrThrow({ where: { email: first.email } });
      expect(stored.role).toBe("ADMIN");
      expect(stored.passwordHash).not.toContain(first.generatedPassword!);
      expect(await authenticateUser(tx, first.email, first.generatedPassword!)).toMatchObject({ email: first.email });

      const second = await ensureAdminUser(tx, (l) => lines.push(l));
      expect(second).toEqual({ created: false, email: first.email });
      expect(lines).toHaveLength(1);
    });
  });

  it("takes the password from RLEF_ADMIN_PASSWORD and never prints it", async () => {
    process.env.RLEF_ADMIN_EMAIL = `env-${Date.now()}@test.local`;
    process.env.RLEF_ADMIN_PASSWORD = "from-the-environment-123";
    const lines: string[] = [];
    await withoutAdmins(async (tx) => {
      const result = await ensureAdminUser(tx, (l) => lines.push(l));
      expect(result.generatedPassword).toBeUndefined();
      expect(lines.join("\n")).not.toContain("from-the-environment-123");
      expect(await authenticateUser(tx, process.env.RLEF_ADMIN_EMAIL!, "from-the-environment-123")).not.toBeNull();
    });
  });

  it("refuses a short RLEF_ADMIN_PASSWORD", async () => {
    process.env.RLEF_ADMIN_PASSWORD = "short";
    await withoutAdmins(async (tx) => {
      await expect(ensureAdminUser(tx, () => {})).rejects.toThrow(/at least 10/);
    });
  });
});
