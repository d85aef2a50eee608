import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import os from "node:os";
import { hashPassword, needsRehash, verifyPassword } from "./password";
import { HASHING_NICE, hashingThreadPriority } from "./password-worker";

/** The longest the event loop went without running a 5 ms timer while `work` ran. */
async function maxEventLoopStall<T>(work: () => Promise<T>): Promise<number> {
  let last = performance.now();
  let worst = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return worst;
}

describe("password hashing", () => {
  it("hashes new passwords with scrypt and verifies them", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$\d+\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword("correct horse battery", hash)).toBe(true);
    expect(await verifyPassword("correct horse batterz", hash)).toBe(false);
    expect(needsRehash(hash)).toBe(false);
    expect(await verifyPassword("x", "scrypt$99$8$1$AAAA$AAAA")).toBe(false);
    expect(await verifyPassword("x", "garbage")).toBe(false);
  });

  it("still verifies bcrypt hashes made before, and marks them for re-hashing", async () => {
    const old = bcrypt.hashSync("an older password", 4);
    expect(await verifyPassword("an older password", old)).toBe(true);
    expect(await verifyPassword("not it", old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
  });

  it("keeps the event loop free while checking bcrypt hashes of production cost", async () => {
    const hash = bcrypt.hashSync("production cost", 12); // about 0.25 s of CPU per check
    const stall = await maxEventLoopStall(() => Promise.all(Array.from({ length: 4 }, () => verifyPassword("wrong", hash))));
    // measured here: bcryptjs's own async compare on the event loop stalls it for about 830 ms;
    // on the worker thread about 45 ms on a loaded machine (the timer's own jitter)
    expect(stall).toBeLessThan(200);
  });

  it("hashes on threads that yield the CPU to the rest of the process (the process's own priority unchanged)", async () => {
    const own = os.getPriority();
    await hashPassword("warm the worker up");
    expect(await hashingThreadPriority()).toBe(Math.min(19, own + HASHING_NICE));
    expect(os.getPriority()).toBe(own);
  });
});
