import { describe, expect, it } from "vitest";
import { sampleCodeContestsRow } from "./codecontests-fixtures";
import { codeContestsRowSchema, toProblemRecord } from "./codecontests-row";
import { parseProblemObject } from "./parse-problem-object";
import { RecordFieldError } from "./problem-file-error";

function fieldError(value: unknown, shape: "auto" | "codecontests" | "record" = "auto"): RecordFieldError {
  try {
    parseProblemObject(value, shape);
  } catch (error) {
    if (error instanceof RecordFieldError) return error;
    throw error;
  }
  throw new Error("expected a validation error");
}

describe("toProblemRecord", () => {
  it("normalises a published row: paired tests, limits, labels, solutions", () => {
    const row = sampleCodeContestsRow(1);
    const record = toProblemRecord(codeContestsRowSchema.parse(row));
    expect(record).toMatchObject({
      externalId: row.name,
      name: row.name,
      publicTests: [{ input: "1\n", output: "2\n" }],
      privateTests: [
        { input: "2\n", output: "4\n" },
        { input: "3\n", output: "6\n" },
      ],
      generatedTests: [{ input: "4\n", output: "8\n" }],
      timeLimitMs: 2500,
      memoryLimitBytes: 256_000_000,
      difficulty: "B",
      rating: 900,
      tags: ["math", "implementation"],
      source: "codeforces",
      referenceSolutions: [
        { language: "python3", code: row.solutions.solution[0] },
        { language: "cpp", code: row.solutions.solution[1] },
      ],
      wrongSolutions: [{ language: "python3", code: row.incorrect_solutions.solution[0] }],
    });
  });

  it("treats zero and null as not given, and accepts label names instead of ClassLabel integers", () => {
    const row = {
      ...sampleCodeContestsRow(2),
      time_limit: null,
      memory_limit_bytes: 0,
      cf_rating: 0,
      difficulty: 0,
      source: "AIZU",
      solutions: { language: ["PYTHON", 4], solution: ["print 1", "class A {}"] },
    };
    const record = toProblemRecord(codeContestsRowSchema.parse(row));
    expect(record).toMatchObject({ timeLimitMs: null, memoryLimitBytes: null, rating: null, difficulty: null, source: "aizu" });
    expect(record.referenceSolutions.map((s) => s.language)).toEqual(["python2", "java"]);
  });

  it("keeps unknown extra columns out of the record without rejecting them", () => {
    const record = parseProblemObject({ ...sampleCodeContestsRow(0), some_future_column: [1, 2] });
    expect(Object.keys(record)).not.toContain("some_future_column");
  });
});

describe("parseProblemObject validation", () => {
  it("names the field when test lists differ in length", () => {
    const row = sampleCodeContestsRow(0);
    row.private_tests.output.pop();
    const error = fieldError(row);
    expect(error.field).toBe("private_tests.output");
    expect(error.detail).toBe("expected 2 items to match private_tests.input, got 1");
  });

  it("names nested fields of the wrong type, with array indices", () => {
    const row = { ...sampleCodeContestsRow(0), public_tests: { input: [7], output: ["x"] } };
    expect(fieldError(row).field).toBe("public_tests.input[0]");
  });

  it("rejects ClassLabel integers outside the dataset's label list", () => {
    expect(fieldError({ ...sampleCodeContestsRow(0), difficulty: 29 }).field).toBe("difficulty");
    expect(fieldError({ ...sampleCodeContestsRow(0), solutions: { language: [9], solution: ["x"] } }).field).toBe("solutions.language[0]");
  });

  it("reports a missing required field", () => {
    const { description: _dropped, ...row } = sampleCodeContestsRow(0);
    expect(fieldError(row).field).toBe("description");
  });

  it("reads our own record format, filling defaults", () => {
    const record = parseProblemObject({ externalId: "x1", name: "X", description: "d", publicTests: [{ input: "1", output: "2" }] });
    expect(record).toMatchObject({ privateTests: [], timeLimitMs: null, tags: [], source: "unknown" });
    expect(fieldError({ externalId: "x1", name: "X", description: "d", publicTests: [{ input: 1 }] }).field).toBe("publicTests[0].input");
  });

  it("says what it expected when a line is neither shape, or not the shape asked for", () => {
    expect(fieldError({ title: "?" }).detail).toMatch(/neither a CodeContests row/);
    expect(fieldError([1, 2]).detail).toMatch(/expected a JSON object, got an array/);
    expect(fieldError(sampleCodeContestsRow(0), "record").field).toBe("externalId");
  });
});
