import { describe, expect, it } from "vitest";
import { extractCode } from "./extract-code";

describe("extractCode", () => {
  it("takes the first python-tagged block even after an untagged one", () => {
    const reply = "Idea:\n```\nnot this\n```\nCode:\n```python\nprint(1)\n```\n```python\nprint(2)\n```";
    expect(extractCode(reply)).toEqual({ code: "print(1)", rule: "python_fence" });
  });
  it("accepts py and python3 tags, case-insensitively", () => {
    expect(extractCode("```py\nx=1\n```").rule).toBe("python_fence");
    expect(extractCode("```Python3\nx=1\n```").code).toBe("x=1");
  });
  it("falls back to the first untagged block", () => {
    expect(extractCode("```cpp\nint main(){}\n```\n```\nprint(3)\n```")).toEqual({ code: "print(3)", rule: "untagged_fence" });
  });
  it("finds no code in prose, other languages or an unclosed fence", () => {
    expect(extractCode("I think the answer is 42.")).toEqual({ code: null, rule: "none" });
    expect(extractCode("```cpp\nint main(){}\n```").rule).toBe("none");
    expect(extractCode("```python\nprint(1)\n").rule).toBe("none");
  });
  it("keeps inner blank lines and indentation, drops only the fence", () => {
    const body = "def f():\n    return 1\n\n\nprint(f())";
    expect(extractCode(`text\n\`\`\`python\n${body}\n\`\`\`\nmore`).code).toBe(body);
  });
  it("does not end a block at a longer inner fence mismatch", () => {
    const reply = "````python\ns = '```'\nprint(s)\n````";
    expect(extractCode(reply).code).toBe("s = '```'\nprint(s)");
  });
});
