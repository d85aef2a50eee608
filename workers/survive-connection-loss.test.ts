import { describe, expect, it } from "vitest";
import { isConnectionLoss } from "./survive-connection-loss";

describe("isConnectionLoss", () => {
  it("knows what a Postgres restart looks like from pg and pg-boss", () => {
    expect(isConnectionLoss(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }))).toBe(true);
    expect(isConnectionLoss(new Error("Connection terminated unexpectedly"))).toBe(true);
    expect(isConnectionLoss(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }))).toBe(true);
    expect(isConnectionLoss(new Error("wrapper", { cause: new Error("Connection terminated due to connection timeout") }))).toBe(true);
  });

  it("does not swallow our own bugs", () => {
    expect(isConnectionLoss(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isConnectionLoss(Object.assign(new Error('relation "Run" does not exist'), { code: "42P01" }))).toBe(false);
    expect(isConnectionLoss("a string")).toBe(false);
  });
});
