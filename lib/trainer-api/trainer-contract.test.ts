import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { TRAINER_SCHEMA_PATH, trainerRunSpecJsonSchema, trainerRunSpecSchema } from "./trainer-contract";

describe("the worker ⇄ trainer run contract", () => {
  it("is the checked-in JSON Schema the trainer validates against (run `npm run gen:trainer-schema` after a change)", () => {
    expect(fs.readFileSync(TRAINER_SCHEMA_PATH, "utf8")).toBe(trainerRunSpecJsonSchema());
  });
  it("rejects unknown keys and out-of-range values", () => {
    expect(trainerRunSpecSchema.safeParse({ run_id: "r", model: "m", config: { lr: 1e-5 } }).success).toBe(true);
    expect(trainerRunSpecSchema.safeParse({ run_id: "r", model: "m", config: { learning_rate: 1e-5 } }).success).toBe(false);
    expect(trainerRunSpecSchema.safeParse({ run_id: "r", model: "m", config: { clip_eps: 0 } }).success).toBe(false);
  });
});
