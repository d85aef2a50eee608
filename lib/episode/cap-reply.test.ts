import { describe, expect, it } from "vitest";
import { capReply, cutMarker, REPLY_CAP_CHARS } from "./cap-reply";

describe("capReply", () => {
  it("keeps a reply up to the cap unchanged", () => {
    const reply = "x".repeat(REPLY_CAP_CHARS);
    expect(capReply(reply)).toBe(reply);
  });

  it("cuts a longer reply at the cap and says so", () => {
    const reply = "y".repeat(REPLY_CAP_CHARS + 5);
    const kept = capReply(reply);
    expect(kept).toBe("y".repeat(REPLY_CAP_CHARS) + cutMarker(REPLY_CAP_CHARS + 5, REPLY_CAP_CHARS));
    expect(kept).toContain(`[RLEF Studio: reply cut at ${REPLY_CAP_CHARS} of ${REPLY_CAP_CHARS + 5} characters`);
  });

  it("never keeps half a surrogate pair", () => {
    const kept = capReply("ab😀cd", 3); // "😀" is two code units, at 2 and 3
    expect(kept.startsWith("ab\n\n[RLEF Studio: reply cut at 2 of 6 characters")).toBe(true);
    expect(capReply("abc😀", 3).startsWith("abc\n\n")).toBe(true);
  });
});
