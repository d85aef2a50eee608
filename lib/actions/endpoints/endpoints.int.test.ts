import { describe, expect, it } from "vitest";
import { loadEndpointApiKey } from "../../crypto/endpoint-api-key";
import { getPrisma } from "../../db/client";
import { createUserWithSession } from "../testing/action-fixtures";
import { createEndpointAction } from "./create-endpoint";
import { deleteEndpointAction } from "./delete-endpoint";
import { updateEndpointAction } from "./update-endpoint";

const db = getPrisma();

describe("model endpoints", () => {
  it("stores the API key encrypted, lets the worker decrypt it, and replaces or clears it", async () => {
    const admin = await createUserWithSession(db, "ADMIN");
    const name = `vllm-${admin.id}`;
    const created = await createEndpointAction.runWith(
      { db, cookies: admin.cookies() },
      { name, baseUrl: "http://127.0.0.1:8000/v1", model: "llama", apiKey: "sk-secret-123456" },
    );
    if (!created.ok) throw new Error(JSON.stringify(created.error));
    expect(JSON.stringify(created)).not.toContain("sk-secret-123456");
    const row = await db.modelEndpoint.findUniqueOrThrow({ where: { id: created.data.id } });
    expect(row.apiKeyEncrypted).toMatch(/^v1\./);
    expect(row.apiKeyEncrypted).not.toContain("sk-secret");
    expect(await loadEndpointApiKey(db, row.id)).toBe("sk-secret-123456");

    const base = { id: row.id, name, baseUrl: "http://127.0.0.1:8000/v1", model: "llama-2" };
    expect((await updateEndpointAction.runWith({ db, cookies: admin.cookies() }, { ...base, apiKeyChange: "keep" })).ok).toBe(true);
    expect(await loadEndpointApiKey(db, row.id)).toBe("sk-secret-123456");
    await updateEndpointAction.runWith({ db, cookies: admin.cookies() }, { ...base, apiKeyChange: "replace", apiKey: "sk-new" });
    expect(await loadEndpointApiKey(db, row.id)).toBe("sk-new");
    await updateEndpointAction.runWith({ db, cookies: admin.cookies() }, { ...base, apiKeyChange: "clear" });
    expect(await loadEndpointApiKey(db, row.id)).toBeUndefined();

    // a ciphertext copied onto another row does not decrypt there (the row id is bound in)
    const other = await createEndpointAction.runWith(
      { db, cookies: admin.cookies() },
      { name: `${name}-2`, baseUrl: "http://127.0.0.1:8001/v1", model: "m" },
    );
    if (!other.ok) throw new Error("create failed");
    const first = await createEndpointAction.runWith(
      { db, cookies: admin.cookies() },
      { name: `${name}-3`, baseUrl: "http://127.0.0.1:8001/v1", model: "m", apiKey: "sk-3" },
    );
    if (!first.ok) throw new Error("create failed");
    const copied = (await db.modelEndpoint.findUniqueOrThrow({ where: { id: first.data.id } })).apiKeyEncrypted;
    await db.modelEndpoint.update({ where: { id: other.data.id }, data: { apiKeyEncrypted: copied } });
    await expect(loadEndpointApiKey(db, other.data.id)).rejects.toThrow(/does not decrypt/);

    const duplicate = await createEndpointAction.runWith(
      { db, cookies: admin.cookies() },
      { name, baseUrl: "http://127.0.0.1:8000/v1", model: "x" },
    );
    expect(duplicate).toMatchObject({ ok: false, error: { code: "CONFLICT", fieldErrors: { name: ["already taken"] } } });
    expect(await deleteEndpointAction.runWith({ db, cookies: admin.cookies() }, { id: row.id })).toMatchObject({ ok: true });
    expect(await deleteEndpointAction.runWith({ db, cookies: admin.cookies() }, { id: row.id })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
  });
});
