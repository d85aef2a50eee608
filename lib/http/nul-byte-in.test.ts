import { describe, expect, it } from "vitest";
import { nulByteIn } from "./nul-byte-in";

describe("nulByteIn", () => {
  it("names the query parameter or the path that carries a NUL byte", () => {
    expect(nulByteIn(new URL("http://x/runs?run=abc%00def&b=1"))).toBe('query parameter "run"');
    expect(nulByteIn(new URL("http://x/episodes/ab%00c"))).toBe("the path");
    expect(nulByteIn(new URL("http://x/a?x%00y=1"))).toMatch(/query parameter name/);
    expect(nulByteIn(new URL("http://x/runs?run=abc&q=%25"))).toBeNull();
    expect(nulByteIn(new URL("http://x/%E0%A4%A"))).toBeNull(); // malformed escapes are not NUL
  });
});
