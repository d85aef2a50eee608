import { describe, expect, it } from "vitest";
import { safeNextPath } from "./safe-next-path";

describe("safeNextPath", () => {
  it("keeps paths of this site, normalised by the URL parser", () => {
    expect(safeNextPath("/runs/abc")).toBe("/runs/abc");
    expect(safeNextPath("/compare?a=1#x")).toBe("/compare?a=1#x");
    expect(safeNextPath("/runs/../settings")).toBe("/settings");
  });

  it("refuses every spelling of another origin, judged after parsing (as the browser will)", () => {
    for (const next of [
      "https://evil.example",
      "//evil.example/x",
      "/\\evil.example",
      "/\t/attacker.example/",
      "/\n/attacker.example/",
      "/\r\n/attacker.example/",
      " //evil.example",
      "/%09/attacker.example",
      "\\\\evil.example",
      "javascript:alert(1)",
      "/\u0000/evil.example",
      "http:evil.example",
      "/\\/evil.example",
    ]) {
      const result = safeNextPath(next);
      expect(new URL(result, "http://site.test").origin, JSON.stringify(next)).toBe("http://site.test");
      expect(result.startsWith("//") || result.startsWith("/\\"), JSON.stringify(next)).toBe(false);
    }
    // the example, as the login page receives it (searchParams decode %2F%09%2F)
    expect(safeNextPath(new URLSearchParams("next=%2F%09%2Fattacker.example%2F").get("next"))).toBe("/");
  });

  it("never sends back to the login page, and defaults to /", () => {
    expect(safeNextPath(undefined)).toBe("/");
    expect(safeNextPath("")).toBe("/");
    expect(safeNextPath("/login?next=/x")).toBe("/");
    expect(safeNextPath("/login/")).toBe("/");
  });
});
