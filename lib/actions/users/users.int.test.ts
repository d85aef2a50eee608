import { describe, expect, it } from "vitest";
import { authenticateUser } from "../../auth/authenticate-user";
import { changeUserRole, LastAdminError } from "../../auth/change-user-role";
import { getPrisma } from "../../db/client";
import { createUserWithSession } from "../testing/action-fixtures";
import { createUserAction } from "./create-user";
import { resetUserPasswordAction } from "./reset-user-password";
import { updateUserRoleAction } from "./update-user-role";

const db = getPrisma();

describe("user management", () => {
  it("creates a user with a generated password shown once, changes roles and resets passwords", async () => {
    const admin = await createUserWithSession(db, "ADMIN");
    const email = `New.Person-${admin.id}@Test.local`;
    const created = await createUserAction.runWith({ db, cookies: admin.cookies() }, { email, role: "annotator", password: "" });
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    expect(created.data.email).toBe(email.toLowerCase());
    const password = created.data.generatedPassword!;
    expect(password.length).toBeGreaterThanOrEqual(16);
    expect(await authenticateUser(db, email, password)).toMatchObject({ role: "ANNOTATOR" });

    expect(await updateUserRoleAction.runWith({ db, cookies: admin.cookies() }, { userId: created.data.id, role: "viewer" })).toMatchObject(
      { ok: true, data: { role: "VIEWER" } },
    );
    const reset = await resetUserPasswordAction.runWith({ db, cookies: admin.cookies() }, { userId: created.data.id });
    if (!reset.ok) throw new Error("reset failed");
    expect(await authenticateUser(db, email, password)).toBeNull();
    expect(await authenticateUser(db, email, reset.data.generatedPassword)).not.toBeNull();

    const again = await createUserAction.runWith(
      { db, cookies: admin.cookies() },
      { email, role: "viewer", password: "long enough password" },
    );
    expect(again).toMatchObject({ ok: false, error: { code: "CONFLICT" } });
    const short = await createUserAction.runWith(
      { db, cookies: admin.cookies() },
      { email: `x${email}`, role: "viewer", password: "short" },
    );
    expect(short).toMatchObject({ ok: false, error: { code: "INVALID_INPUT", fieldErrors: { password: expect.any(Array) } } });
  });

  it("never demotes the last admin", async () => {
    const admin = await createUserWithSession(db, "ADMIN");
    // Other test files create admins in the same database: inside a rolled-back transaction this
    // admin is made the only one, then demoting them must fail.
    const rollback = new Error("rollback");
    await db
      .$transaction(async (tx) => {
        await tx.user.updateMany({ where: { role: "ADMIN", id: { not: admin.id } }, data: { role: "VIEWER" } });
        await expect(changeUserRole(tx, admin.id, "VIEWER")).rejects.toThrow(LastAdminError);
        const other = await tx.user.create({ data: { email: `second-${admin.id}@test.local`, passwordHash: "x", role: "ADMIN" } });
        expect(await changeUserRole(tx, admin.id, "VIEWER")).toEqual({ id: admin.id, role: "VIEWER" });
        await expect(changeUserRole(tx, other.id, "ANNOTATOR")).rejects.toThrow(LastAdminError);
        throw rollback;
      })
      .catch((err) => {
        if (err !== rollback) throw err;
      });
  });
});
