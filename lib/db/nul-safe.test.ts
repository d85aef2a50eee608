import { describe, expect, it } from "vitest";
import { escapeNul, unescapeNul } from "./nul-safe";

describe("NUL-safe storage", () => {
  it("replaces U+0000 everywhere in nested values and restores it", () => {
    const value = { reply: "a\u0000b", messages: [{ role: "user", content: "\u0000" }], n: 3, none: null };
    const stored = escapeNul(value);
    expect(JSON.stringify(stored)).not.toContain("\\u0000");
    expect(stored.reply).toBe("a\u2400b");
    expect(unescapeNul(stored)).toEqual(value);
  });
});
