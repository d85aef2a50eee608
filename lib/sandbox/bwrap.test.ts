import { describe, expect, it } from "vitest";
import { createdParents } from "./bwrap";

describe("createdParents", () => {
  it("lists the directories bwrap makes on the way to the mount points, none inside a bind", () => {
    const dests = [
      "/usr/bin/python3.11",
      "/usr/lib/python3.11",
      "/lib/x86_64-linux-gnu",
      "/lib/x86_64-linux-gnu/deeper/lib.so",
      "/sandbox",
      "/rlef",
    ];
    expect(createdParents(dests)).toEqual(["/lib", "/usr", "/usr/bin", "/usr/lib"]);
  });
});
