import { describe, expect, it } from "vitest";
import { queueCommandFor, stepTurn } from "./queue-keys";

describe("queue keys", () => {
  it("maps number keys to labels and letters to commands, but not while typing", () => {
    expect(queueCommandFor({ key: "3" }, false)).toEqual({ kind: "toggleLabel", index: 2 });
    expect(queueCommandFor({ key: "Enter" }, false)).toEqual({ kind: "submit" });
    expect(queueCommandFor({ key: "s" }, false)).toEqual({ kind: "skip" });
    expect(queueCommandFor({ key: "3" }, true)).toBeNull();
    expect(queueCommandFor({ key: "Enter" }, true)).toBeNull();
    expect(queueCommandFor({ key: "Enter", ctrlKey: true }, true)).toEqual({ kind: "submit" });
    expect(queueCommandFor({ key: "Escape" }, true)).toEqual({ kind: "leaveNote" });
    expect(queueCommandFor({ key: "s", ctrlKey: true }, false)).toBeNull();
  });

  it("cycles the annotated turn through the whole episode and each turn", () => {
    expect(stepTurn(null, 1, 3)).toBe(0);
    expect(stepTurn(2, 1, 3)).toBeNull();
    expect(stepTurn(null, -1, 3)).toBe(2);
    expect(stepTurn(0, -1, 3)).toBeNull();
  });
});
