import { describe, expect, it } from "vitest";
import { clampLimit, keysetCondition } from "./keyset-condition";
import { decodeCursor, encodeCursor, toKeysetPage } from "./keyset-cursor";

describe("keyset cursors", () => {
  it("round-trips keys and treats garbage as no cursor", () => {
    expect(decodeCursor(encodeCursor(["2025-01-01T00:00:00.000Z", "c1"]))).toEqual(["2025-01-01T00:00:00.000Z", "c1"]);
    expect(decodeCursor(encodeCursor([null, "c2"]))).toEqual([null, "c2"]);
    expect(decodeCursor("not-base64-json")).toBeNull();
    expect(decodeCursor(Buffer.from(JSON.stringify({ a: 1 })).toString("base64url"))).toBeNull();
    expect(decodeCursor(undefined)).toBeNull();
  });

  const keyOf = (id: string) => [null, id] as [null, string];

  it("walking forward: next cursor only when a row beyond the page was fetched, previous only after a cursor", () => {
    const first = toKeysetPage(["a", "b", "c"], { limit: 2, direction: "after", hadCursor: false, keyOf });
    expect(first.rows).toEqual(["a", "b"]);
    expect(decodeCursor(first.nextCursor)).toEqual([null, "b"]);
    expect(first.prevCursor).toBeNull();
    const last = toKeysetPage(["c"], { limit: 2, direction: "after", hadCursor: true, keyOf });
    expect(last.nextCursor).toBeNull();
    expect(decodeCursor(last.prevCursor)).toEqual([null, "c"]);
  });

  it("walking backward: rows come back in display order", () => {
    // a "before" query reads descending: d, c, b (limit 2 + 1)
    const page = toKeysetPage(["d", "c", "b"], { limit: 2, direction: "before", hadCursor: true, keyOf });
    expect(page.rows).toEqual(["c", "d"]);
    expect(decodeCursor(page.prevCursor)).toEqual([null, "c"]);
    expect(decodeCursor(page.nextCursor)).toEqual([null, "d"]);
  });

  it("builds the continuation condition for either order", () => {
    expect(keysetCondition("createdAt", 5, "x", "desc")).toEqual({ OR: [{ createdAt: { lt: 5 } }, { createdAt: 5, id: { lt: "x" } }] });
    expect(keysetCondition("name", "n", "x", "asc")).toEqual({ OR: [{ name: { gt: "n" } }, { name: "n", id: { gt: "x" } }] });
  });

  it("clamps page sizes", () => {
    expect(clampLimit(undefined)).toBe(50);
    expect(clampLimit(10_000)).toBe(200);
    expect(clampLimit(0, 25)).toBe(25);
    expect(clampLimit(7.9)).toBe(7);
  });
});
